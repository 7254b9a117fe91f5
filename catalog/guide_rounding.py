"""The store size guide's own way from a body measure to the size, for sizes that are the measure
in cm (hats, collars): "geben Sie einen Finger breit (ca. 1 cm) dazu und runden Sie auf die
nächste ganze Kragenweite auf", "add one finger's width (about 1 cm) and round up", "runden Sie
auf den nächsten ganzen Zentimeter auf". A measured 40.3 cm neck is then 41.3 cm, size 42 — not
the plain rounding of the standard. Only a sentence that rounds up counts; its offset is the
small number of cm beside a word that adds it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Protocol

from catalog.measurements import MEASURE_RE, Measurement
from catalog.sentences import split_sentences
from catalog.size_advice import GUIDE_HEADING

_UP = re.compile(r"\baufrunden\b|\brunden sie\b[^.]{0,60}\bauf\b|\bround(?:ing)?\s+(?:it\s+)?up\b", re.I)
_ADD = re.compile(r"\b(?:add\w*|plus|addieren|zugeben|dazu|hinzu|zuzüglich)\b|\+\s*\d", re.I)
_OFFSET = re.compile(r"(?<![\d.,])(\d(?:[.,]\d)?)\s*cm\b", re.I)  # "1 cm", "0,5 cm": no measure of a body
_MEASURES = ("head", "neck", "hand", "wrist", "finger")


class _Passage(Protocol):
    lang: str
    title: str
    heading: str
    text: str


@dataclass(frozen=True)
class GuideRounding:
    measure: str
    offset: float  # cm added before rounding up
    sentence: str


def guide_rounding(passages: list[_Passage], measure: str, lang: str) -> GuideRounding | None:
    """The size guide's sentence that rounds this measure up (a section naming the measure in its
    heading or in the sentence), with the cm it adds first; None without one."""
    if measure not in _MEASURES:
        return None
    if (words := MEASURE_RE.get(measure)) is None:
        return None
    for passage in passages:
        if passage.lang != lang or not GUIDE_HEADING.search(f"{passage.title} {passage.heading}"):
            continue
        for sentence in split_sentences(passage.text):
            if not _UP.search(sentence) or not (words.search(sentence) or words.search(passage.heading)):
                continue
            offset = next((o for a in _ADD.finditer(sentence) if (o := _OFFSET.search(sentence[max(0, a.start() - 40): a.end() + 40]))), None)
            return GuideRounding(measure, float(offset.group(1).replace(",", ".")) if offset else 0.0, sentence.strip())
    return None


def rounded(m: Measurement, rule: GuideRounding) -> Measurement:
    """The measurement as the guide turns it into a size: plus the offset, up to a whole cm."""
    return Measurement(m.measure, float(math.ceil(round(m.cm + rule.offset, 2))))
