"""Facts stated in words, for `catalog.extract`: fit, width, the tumble dryer,
materials, "suitable / not suitable for" and carry-on. Each reader takes one sentence (and its
language) and yields (key, value)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from catalog.extract_words import MATERIALS, phrases
from catalog.size_bounds import has_bound

# --- fit and width ------------------------------------------------------------------
_SIZE = r"(?:nummer|größe|groesse|gr\.|size)"
_CLAUSE_END = r"(?=\s*(?:[.,;:!?–—(-]|$|\s(?:so|and|und|but|aber|for|if|when|wenn)\b))"  # "fits small items" is no fit
_FIT_RULES: list[tuple[str, re.Pattern]] = [
    ("runs_small", re.compile(
        rf"fällt\s+(?:\w+\s+){{0,4}}?klein(?:er)?\s+aus|\bruns\s+(?:\w+\s+){{0,4}}?small{_CLAUSE_END}|\bfits\s+(?:\w+\s+){{0,2}}?small{_CLAUSE_END}"
        rf"|\b(?:eine|einer|halbe|ganze|1|½)\s+(?:halbe\s+)?{_SIZE}\s+größer(?!\s+aus\b)|größer\s+zu\s+(?:bestellen|wählen|nehmen)"
        r"|\bsize\s+up\b|\b(?:a|one|half\s+a|1|½)\s+size\s+(?:up|larger|bigger)\b|between\s+sizes,?\s+(?:\w+\s+){0,3}(?:larger|bigger)"
        r"|zwischen\s+zwei\s+größen\W+(?:[\w,]+\s+){0,5}(?:größere|größer)", re.I)),
    ("runs_large", re.compile(
        rf"fällt\s+(?:\w+\s+){{0,4}}?(?:groß|größer|weit)\s+aus|\bruns\s+(?:\w+\s+){{0,4}}?(?:large|big){_CLAUSE_END}|\bfits\s+(?:\w+\s+){{0,2}}?large{_CLAUSE_END}"
        rf"|\b(?:eine|einer|halbe|ganze|1|½)\s+(?:halbe\s+)?{_SIZE}\s+kleiner(?!\s+aus\b)|kleiner\s+zu\s+(?:bestellen|wählen|nehmen)"
        r"|\bsize\s+down\b|\b(?:a|one|half\s+a|1|½)\s+size\s+(?:down|smaller)\b|\bsizes?\s+down\b"
        r"|between\s+sizes,?\s+(?:\w+\s+){0,3}smaller|zwischen\s+zwei\s+größen\W+(?:[\w,]+\s+){0,5}kleinere"
        r"|\bcut\s+is\s+generous|großzügig\s+geschnitten", re.I)),
    ("true_to_size", re.compile(
        r"fällt\s+(?:\w+\s+){0,2}?(?:normal|größengerecht|passgenau|regulär)\s+aus|größengerecht|true\s+to\s+size"
        r"|gewohnte(?:n)?\s+größe|übliche(?:n)?\s+größe|\busual\s+size|\bnormal(?:e|en)?\s+größe|\bregular\s+size", re.I)),
]
_WIDTH_RULES: list[tuple[str, re.Pattern]] = [
    ("narrow", re.compile(r"\bschmal(?:e|er|es)?\s+(?:passform|geschnitten\w*|leisten)|\bschmal\s+geschnitten|fällt\s+(?:\w+\s+){0,2}?schmal\s+aus|(?:leisten|passform)\s+(?:ist|sind)\s+(?:\w+\s+)?schmal"
                          r"|\bnarrow\s+(?:fit|last|cut|width)|\bruns\s+narrow|\bweite\s*\(?[ef]\)?(?![\w])", re.I)),
    ("wide", re.compile(r"\bweite\s+passform|\bbreite[nr]?\s+(?:füße|leisten|zehenbox|passform)|\bextra\s+weit|\bweite\s*\(?[hk]\)?(?![\w])"
                        r"|\bwide\s+(?:fit|last|toe\s*box|width|feet)|\bextra[\s-]wide|\b(?:2e|4e|ee|eee)\s+width", re.I)),
    ("standard", re.compile(r"\bnormale(?:n)?\s+weite|\bweite\s*\(?g\)?(?![\w])|\b(?:standard|medium|regular|normal)\s+width", re.I)),
]


# a clause that sets a condition first ("with thick socks take one size up", "wenn Sie dicke
# Socken tragen, …", "für breite Füße …") and the clauses after it say what to do in that case;
# a fit the rest of the sentence states outright wins ("true to size; with thick socks one size up")
_CONDITIONAL = re.compile(r"^\W*(?:with|mit|if|wenn|falls|for|für|bei)\b(?!.*\b(?:zwischen|between)\b)", re.I)  # "between sizes" is the fit's


def fit(sentence: str) -> Iterator[tuple[str, Any]]:
    if has_bound(sentence):  # "Bei Körpergrößen über 1,75 m eine Nummer größer" holds for the tall only: no fit
        return
    clauses = [c for c in re.split(r"[;,–—]\s*", sentence) if c.strip()]
    first = next((i for i, c in enumerate(clauses) if _CONDITIONAL.search(c)), len(clauses))
    outright = "; ".join(clauses[:first]) if 0 < first < len(clauses) else ""
    for text in (outright, sentence):
        for fit, rule in _FIT_RULES:
            if text and rule.search(text):
                yield "fit", fit
                return


def width(sentence: str) -> Iterator[tuple[str, Any]]:
    for width, rule in _WIDTH_RULES:
        if rule.search(sentence):
            yield "width", width
            return


# --- care, materials ------------------------------------------------------------------
_NO_DRYER = re.compile(r"nicht\s+(?:in\s+den|im)\s+(?:wäsche)?trockner|nicht\s+trockner\w*|kein(?:en)?\s+trockner|do\s+not\s+tumble|don'?t\s+tumble|never\s+tumble|(?:niemals|nie)\s+(?:in\s+den\s+)?(?:wäsche)?trockner"
                       r"|no\s+tumble|not\s+(?:suitable\s+for\s+(?:the\s+)?)?(?:tumble[\s-])?dryer|nicht\s+maschinell\s+trocknen", re.I)
_DRYER = re.compile(r"trocknergeeignet|trockner\s*geeignet|im\s+(?:wäsche)?trockner|in\s+den\s+(?:wäsche)?trockner|tumble[\s-]dry|tumble\s+dryer\s+safe|dryer[\s-]safe", re.I)
CARE_WORDS = re.compile(  # a care instruction, not "Luftreiniger" or "vacuum cleaner"
    r"\bwasch\w*|\w*wäsche\b|\bwash\w*|waschbar|trockner|dryer|tumble|bügeln|\biron(?:ing)?\b|bleich|bleach"
    r"|chemisch\w*\s+reinig|dry[\s-]clean|pflegehinweis|care\s+instructions|\bhandwäsche|\bhand\s+wash"
    r"|\w+wasch(?:gang|programm|mittel)"  # "30 °C Schonwaschgang", "mit Feinwaschmittel"
    r"|^\W*(?:pflege|care)\s*:",  # a care label: "Pflege: 30 °C", "Care: …"
    re.I,
)


def care(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    if _NO_DRYER.search(sentence):
        yield "tumble_dry", False
    elif _DRYER.search(sentence):
        yield "tumble_dry", True


_FREE_OF = re.compile(r"[-\s]?(?:free|frei)\b", re.I)  # "glass-free", "PVC-frei"
_FOR_BEFORE = re.compile(r"\b(?:for|für|zum|zur)\s+(?:\w+\s+){0,2}$", re.I)  # "not suitable for wool" is what it is for


def materials(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    text, low, found = sentence, sentence.lower(), {}
    for gate, rule, name in MATERIALS:
        if not gate.search(low):
            continue
        hits = [m for m in rule.finditer(text) if not _FREE_OF.match(text, m.end()) and not _FOR_BEFORE.search(text[max(0, m.start() - 30) : m.start()])]
        text = rule.sub(lambda m: " " * len(m.group(0)), text)  # consumed, positions kept
        if hits and name not in found:
            found[name] = hits[0].start()
    if found:
        yield "materials", sorted(found, key=found.get)  # in the order the merchant wrote them


# --- suitable for, carry-on ---------------------------------------------------------------------
def suitable(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    good, bad = phrases(sentence)
    if good:
        yield "suitable_for", good
    if bad:
        yield "not_suitable_for", bad


_CARRY_ON = re.compile(r"handgepäck\w*|bordgepäck\w*|carry[\s-]on|cabin[\s-](?:bag\w*|luggage|size)|hand\s+luggage|hand\s+baggage|overhead\s+(?:bins?|lockers?)", re.I)
_CARRY_NO = re.compile(r"\b(?:nicht|not|kein\w*|no|too\s+(?:large|big)|zu\s+groß|verboten|prohibited|forbidden)\b", re.I)


# "bei vielen Airlines", "check with your airline first": the merchant does not promise it, so no fact
_CARRY_HEDGE = re.compile(
    r"\b(?:viele[nr]?|manche[nr]?|einige[nr]?|many|some)\s+(?:airlines?|fluggesellschaften|fluglinien)"
    r"|(?:bei|mit)\s+(?:ihrer|deiner|der)\s+(?:airline|fluggesellschaft)\s+(?:\w+\s+){0,2}(?:nachfragen|erkundigen|prüfen|klären)"
    r"|check\s+with\s+(?:your|the)\s+airline|depends\s+on\s+(?:the|your)\s+airline|je\s+nach\s+(?:airline|fluggesellschaft)",
    re.I,
)


def carry_on(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    if _CARRY_HEDGE.search(sentence):
        return
    for clause in re.split(r"[,;–—:]|\s-\s", sentence):
        if _CARRY_ON.search(clause):
            yield "carry_on", not _CARRY_NO.search(clause)
            return
