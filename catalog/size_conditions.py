"""The merchant's size step for a condition the shopper states, by kind rather than by word, in
German and English: something worn underneath ("wenn ein dicker Pulli drunter soll, eine Größe
größer" — "she'll wear fleece trousers underneath"), a sturdy build ("bei kräftigeren Kindern
eine Größe größer" — "eher kräftig gebaut") or a slim one ("bei schmalen Kindern eine Größe
kleiner" — "sehr zierlich", "very slim"). The step is the merchant's; the condition only has to be
one the shopper names, in either language, and not negated ("ohne Pulli drunter")."""

from __future__ import annotations

import re

from catalog.models import Product
from catalog.passages import product_sentences

# a step of one size in the merchant's sentence: "eine Größe größer", "eine Nummer kleiner", "one size up", "size down"
_STEP = re.compile(
    r"\b(?:eine?|one|a)\s+(?:nummer|größe|grösse|size)\s+(?P<dir>größer|grösser|kleiner|larger|bigger|smaller|up|down)\b"
    r"|\bsize\s+(?P<dir2>up|down)\b", re.I)
_DOWN = {"kleiner", "smaller", "down"}

# condition kind -> words naming it, the merchant's and the shopper's alike (DE and EN)
_KINDS: dict[str, re.Pattern] = {
    "layer": re.compile(
        r"\b(?:darunter|drunter|drunterziehen|unterziehen|underneath|under\s+(?:it|them|the\s+\w+|my\s+\w+)|layer(?:s|ing|ed)?"
        r"|zwiebellook|zwiebelprinzip)\b", re.I),
    "sturdy": re.compile(
        r"\b(?:kräftig\w*|stämmig\w*|mollig\w*|korpulent\w*|sturdy|sturdier|stocky|stockier|chubby|plump|heavy[- ]?set|heavier build"
        r"|strong(?:er)?\s+build|broad(?:er)?[- ]shouldered|solidly built|well[- ]built|big[- ]boned)\b", re.I),
    "slim": re.compile(
        r"\b(?:schmal(?:e|en|er|es|em)?|schmächtig\w*|zierlich\w*|schlank\w*|slim|slimmer|slender|petite|skinny|lanky"
        r"|narrow(?:er)?\s+build|slight(?:ly)? built|small[- ]framed)\b(?!\s+(?:fit|cut|geschnitten|schnitt|aus|ausfallen\w*))", re.I),
}
_NEGATION = re.compile(r"\b(?:no|not|never|without|won't|don't|doesn't|kein\w*|nicht|nie|ohne)\s+(?:\S+\s+){0,3}$", re.I)


def _kinds(text: str) -> set[str]:
    """The condition kinds a text names, each not negated just before."""
    return {kind for kind, words in _KINDS.items()
            if any(not _NEGATION.search(text[max(0, m.start() - 40): m.start()]) for m in words.finditer(text))}


def _sentences(product: Product, lang: str) -> list[str]:
    notes = product.text("fit_notes", lang)
    out = [s.text for s in product_sentences(product, lang)]
    return out + ([notes] if notes and notes not in out else [])


def condition_step(product: Product, lang: str, text: str) -> tuple[int, str] | None:
    """(+1 or -1, the merchant's sentence) when a sentence of the product steps one size for a
    kind of condition (layering, sturdy build, slim build) the question states; None otherwise."""
    asked = _kinds(text)
    if not asked:
        return None
    for sentence in _sentences(product, lang):
        for m in _STEP.finditer(sentence):
            said = _kinds(sentence) & asked
            if said:
                return (-1 if (m.group("dir") or m.group("dir2")).lower() in _DOWN else 1), sentence
    return None
