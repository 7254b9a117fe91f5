"""The merchant's step of the cup alone from the usual or measured bra size: "Die Cups fallen klein
aus – bitte eine Cupgröße größer bestellen als üblich (normalerweise 75B → hier 75C)", "bestellen
Sie eine Cupgröße größer als gemessen", "choose one cup size larger than you measure". The band
stays; 75B becomes 75C. A conversion rule ("every 2 cm more is one cup size up") or a sister size
("one band size up, one cup size down") is no such step."""

from __future__ import annotations

import re

from catalog.models import Product
from catalog.size_advice import text_sentences
from catalog.size_bounds import has_bound

_CUP_STEP = re.compile(
    r"\b(?:eine?|one|a)\s+(?:cup|körbchen)(?:größe|grösse|\s+size)?\s+(?P<dir>größer|grösser|mehr|kleiner|weniger|larger|bigger|more|smaller|up|down)\b",
    re.I,
)
# a rule for every difference, or a band step beside the cup's (a sister size); "keep the band size" is none
_NOT_A_STEP = re.compile(r"\b(?:jede[rsnm]?|alle|every|each)\b|\b(?:eine?|one|a)\s+(?:band|unterbrust|underbust)\w*(?:\s+size)?\s+"
                         r"(?:größer|grösser|kleiner|mehr|weniger|larger|bigger|smaller|up|down)\b", re.I)
_BRA_SIZE = re.compile(r"^\s*(\d{2,3})\s*([A-K]{1,2})\s*$", re.I)
_CUPS = ["AA", "A", "B", "C", "D", "DD", "E", "F", "FF", "G", "GG", "H", "HH", "J", "K"]
_DOUBLE = {"DD", "FF", "GG", "HH"}


def cup_step(product: Product, lang: str) -> tuple[int, str] | None:
    """(+1 / -1, the sentence) of the text's step of the cup alone, or None."""
    for sentence in text_sentences(product, lang):
        m = _CUP_STEP.search(sentence)
        if m and not _NOT_A_STEP.search(sentence) and not has_bound(sentence):
            return (-1 if m.group("dir").lower() in ("kleiner", "weniger", "smaller", "down") else 1), sentence
    return None


def moved_cup(usual: str, step: int, offered: list[str]) -> str | None:
    """The bra size with its cup `step` letters on ("75B" -> "75C"); the double letters (DD, FF)
    only in a range that has them. None for a value that is no bra size."""
    m = _BRA_SIZE.match(usual)
    if m is None:
        return None
    doubles = any((b := _BRA_SIZE.match(v)) and b.group(2).upper() in _DOUBLE for v in offered)
    cups = [c for c in _CUPS if doubles or c not in _DOUBLE]
    cup = m.group(2).upper()
    if cup not in cups or not 0 <= cups.index(cup) + step < len(cups):
        return None
    return f"{m.group(1)}{cups[cups.index(cup) + step]}"
