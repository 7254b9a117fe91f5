"""Short and long sizes written as sentences beside a size table: "Kurzgrößen: 25 entspricht
Brust/Taille der 50 bei 166–171 cm Körpergröße, 26 entspricht der 52 bei 168–173 cm", "the
long 102 corresponds to the 52 at 189–194 cm". Such a size has the chest and waist of the size
it names and a height of its own; as chart rows the size for chest, waist and height together is
the one that fits all three (`catalog.size_series.joint_fit`), and its height can be asked."""

from __future__ import annotations

import re
from typing import Protocol

from catalog.sentence_rows import CM_RANGE

# "25 entspricht (Brust/Taille) der 50 bei 166–171 cm", "26 corresponds to the 52 at 168–173 cm"
_SERIES = re.compile(
    r"(?<![\w.,/])(\d{2,3})\s+(?:entspricht|entsprechen|corresponds?\s+to|matches|equals|=)\s+"
    r"(?:[^\W\d]+(?:/[^\W\d]+)?\s+){0,3}?(?:gr(?:öße|\.)?\s*|size\s+)?(\d{2,3})\s+(?:bei|at|for|für)\s+"
    r"(?:(?:einer?|a|der)\s+)?(?:(?:körpergröße|height)\s+(?:von\s+|of\s+)?)?(?=\d{3}\s*(?:–|-|—|bis|to)\s*\d{3}\s*cm)",
    re.I,
)


class _Row(Protocol):
    size: str
    option: str
    low: float
    high: float
    measure: str | None
    source: str


def series_row(row: _Row) -> bool:
    """Whether a chart row comes from such a sentence (a short or long size), not the table."""
    return bool(_SERIES.match(row.source))


def series_rows(sentences: list[str], rows: list[_Row], options: dict[str, list[str]], make: type) -> list:
    """Rows for each size a sentence sets equal to a charted size at a height of its own: the
    named size's rows of the other measures and that height (`make` builds a row); none for a
    size already charted or not sold."""
    charted = {r.size for r in rows}
    found: list = []
    for sentence in sentences:
        for m in _SERIES.finditer(sentence):
            size, like = m.group(1), m.group(2)
            option = next((o for o, vs in options.items() if size in vs), None)
            same = [r for r in rows if r.size == like and r.option == option and r.measure != "height"]
            span = CM_RANGE.match(sentence, m.end())
            if option is None or size in charted or not same or span is None:
                continue
            source = sentence[m.start(): span.end()]
            found += [make(size, option, r.low, r.high, r.measure, source) for r in same]
            found.append(make(size, option, float(span.group(1).replace(",", ".")), float(span.group(2).replace(",", ".")), "height", source))
            charted.add(size)
    return found
