"""The merchant's step from a size, in German and English: from the shopper's usual size, said
with a comparison ("eine bis zwei Nummern kleiner als Ihr Straßenschuh") or a verb ("Downsize one
full size from your street shoe", "eine Nummer runter"), and from the size the chart gives for a
measurement ("order one size up from your measured size"). The other sizing rules of the text are
in `catalog.size_advice`."""

from __future__ import annotations

import re

from catalog.models import Product
from catalog.size_advice import (
    BETWEEN_SIZES,
    HALF_STEP,
    ROOMY_TEXT,
    SIZE_DOWN,
    SIZE_UP,
    SNUG_TEXT,
    text_sentences,
)
from catalog.size_bounds import has_bound

# the merchant's own step from the usual size: "wählen Sie eine bis zwei Nummern kleiner als Ihr
# Straßenschuh", "1–2 Größen kleiner als gewohnt", "order one size larger than your street shoe",
# "take half a size smaller than usual"; a rule for a roomier or snugger fit or between sizes is none
_STEP_WORDS = {"1,5": 1.5, "1.5": 1.5, "eineinhalb": 1.5, "anderthalb": 1.5, "one and a half": 1.5, "ein": 1.0, "eine": 1.0, "einer": 1.0, "one": 1.0, "a": 1.0, "1": 1.0, "zwei": 2.0, "two": 2.0, "2": 2.0,
               "drei": 3.0, "three": 3.0, "3": 3.0, "halbe": 0.5, "half a": 0.5, "half": 0.5, "½": 0.5}  # fmt: skip
_STEP_WORD = r"(1[,.]5|eineinhalb|anderthalb|one and a half|ein[er]?|zwei|drei|one|two|three|half a|halbe|a|[123]|½)"
_STATED_STEP = re.compile(
    rf"\b{_STEP_WORD}(?:\s*(?:bis|to|–|-|oder|or)\s*{_STEP_WORD})?\s+(?:ganze\s+|halbe\s+|full\s+|whole\s+)?"
    r"(?:nummer|größe|grösse|size)n?s?\s+(kleiner|größer|grösser|smaller|larger|bigger)\b(?!\s+aus\b)", re.I)
# the same step said by a verb: "Downsize one full size from your street shoe", "size down one to
# two sizes", "go up half a size", "eine Nummer runter"
_VERB_STEP = re.compile(
    rf"\b(?P<verb>downsize|upsize|size\s+(?:down|up)|go\s+(?:down|up))\s+(?:by\s+)?{_STEP_WORD}(?:\s*(?:to|–|-|or)\s*{_STEP_WORD})?"
    r"\s+(?:full\s+|whole\s+)?(?:sizes?|numbers?)\b"
    rf"|\b{_STEP_WORD}\s+(?:ganze\s+|halbe\s+)?(?:nummer|größe|grösse)n?\s+(?P<dir>runter|herunter|hoch|rauf)\b", re.I)


def _step_said(sentence: str) -> tuple[float, list[float], str] | None:
    """(sign, step sizes, the words saying it) of the merchant's step in a sentence, either form."""
    if m := _STATED_STEP.search(sentence):
        sign = -1.0 if m.group(3).lower() in ("kleiner", "smaller") else 1.0
        return sign, [_STEP_WORDS[w.lower()] for w in (m.group(1), m.group(2)) if w], m.group(0)
    if m := _VERB_STEP.search(sentence):
        direction = (m.group("verb") or m.group("dir")).lower()
        sign = -1.0 if "down" in direction or "runter" in direction else 1.0
        words = (m.group(2), m.group(3)) if m.group("verb") else (m.group(4),)
        return sign, [_STEP_WORDS[w.lower()] for w in words if w], m.group(0)
    return None


# a step the merchant counts from the shopper's usual size, not from the size the cut already gives
FROM_USUAL = re.compile(r"\b(?:als|wie)\s+(?:sonst|gewohnt|üblich|gewöhnlich|normalerweise|bei anderen)\b|\bthan (?:usual|normal|you normally|you usually|your usual|your normal)\b", re.I)
_IF_CLAUSE = re.compile(r"\b(?:wer|wenn|falls|sofern|if|when|whoever|anyone who|those who)\b", re.I)  # "wer breite Füße hat, …"


def stated_step(product: Product, lang: str) -> tuple[list[float], str] | None:
    """([signed steps, nearest first], sentence) when the text says how many sizes to go from the
    usual size ("eine bis zwei Nummern kleiner als Ihr Straßenschuh" -> [-1, -2])."""
    for sentence in text_sentences(product, lang):
        said = _step_said(sentence)
        if not said or ROOMY_TEXT.search(sentence) or SNUG_TEXT.search(sentence) or BETWEEN_SIZES.search(sentence) or _IF_CLAUSE.search(sentence) \
                or has_bound(sentence):  # "ab Cup D eine Nummer größer": `catalog.size_thresholds`
            continue
        sign, steps, words = said
        steps = [0.5] if len(steps) == 1 and HALF_STEP.search(words) else steps  # "eine halbe Nummer"
        return sorted({sign * s for s in steps}, key=abs), sentence
    return None


# a step the merchant counts from the size the chart gives: "order one size up from your measured size",
# "eine Größe größer als gemessen", "one size smaller than the chart says"
_FROM_MEASURED = re.compile(
    r"\b(?:als|than|from|over|above|vom|von)\s+(?:(?:the|your|der|die|den|dem|ihre[rnm]?)\s+)?(?:gemessen\w*|measured|tabelle\w*|größentabelle\w*"
    r"|(?:size )?chart|measurements?|ma(?:ß|ss)(?:e|en)?|messwert\w*)\b", re.I)


def measured_step(product: Product, lang: str) -> tuple[int, str] | None:
    """(+1 / -1, sentence) when the text says to go one size from the size the chart gives for a
    measurement ("these run small – order one size up from your measured size"); none under a
    condition or between sizes."""
    for sentence in text_sentences(product, lang):
        if not _FROM_MEASURED.search(sentence) or _IF_CLAUSE.search(sentence) or BETWEEN_SIZES.search(sentence) or HALF_STEP.search(sentence) \
                or has_bound(sentence):  # "mehr als in der Tabelle angegeben" is a bound, no step from the chart
            continue
        if SIZE_UP.search(sentence) or ((m := _STATED_STEP.search(sentence)) and m.group(3).lower() not in ("kleiner", "smaller")):
            return 1, sentence
        if SIZE_DOWN.search(sentence) or _STATED_STEP.search(sentence):
            return -1, sentence
    return None
