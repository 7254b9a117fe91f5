"""A chart whose heading names its measures in order, split by slashes, and whose lines give one
range per measure the same way: "Size chart – waist / hip:" over "S: 26–28 in (66–71 cm) / 36–38
in (91–97 cm)", "Größentabelle Brust / Taille / Hüfte:" over "M: 92–96 / 76–80 / 100–104 cm". The
n-th range of a line is the n-th measure of the heading; in a part with inches and cm, the cm."""

from __future__ import annotations

import re
from collections.abc import Callable

_SLASH = re.compile(r"\s+/\s+|\s*/\s*(?=[^\W\d_])")
_NUM = r"\d{2,3}(?:[.,]\d)?"
_CM_RANGE = re.compile(rf"({_NUM})\s*(?:–|-|—|bis|to)\s*({_NUM})\s*cm\b", re.I)
_RANGE = re.compile(rf"({_NUM})\s*(?:–|-|—|bis|to)\s*({_NUM})(?!\s*(?:in\b|inch|zoll|\"|kg|mm))", re.I)
_INCHES = re.compile(r"\d\s*(?:in\b|inch|zoll|\")", re.I)

Row = tuple[str, str, float, float, str]  # (value, option, low, high, measure)


def heading_measures(text: str, measure_of: Callable[[str], str | None]) -> list[str]:
    """The measures a heading names in order between slashes ("… waist / hip:" -> [waist, hip]);
    [] unless there are two or more, all known and different."""
    if not text.rstrip().endswith(":") or "/" not in text:
        return []
    parts = _SLASH.split(text.rstrip().rstrip(":"))
    measures = [measure_of(p.split("–")[-1].split(":")[-1]) for p in parts]
    if len(measures) < 2 or None in measures or len(set(measures)) < len(measures):
        return []
    return [m for m in measures if m]


def _float(number: str) -> float:
    return float(number.replace(",", "."))


def _range(part: str, unit_at_end: bool) -> tuple[float, float] | None:
    """The part's range in cm: the one written in cm, else a bare one when the line ends in cm."""
    if m := _CM_RANGE.search(part):
        return _float(m.group(1)), _float(m.group(2))
    if unit_at_end and not _INCHES.search(part) and (m := _RANGE.search(part)):
        return _float(m.group(1)), _float(m.group(2))
    return None


def slash_rows(line: str, measures: list[str], options: dict[str, list[str]]) -> list[Row]:
    """A line starting with a size value and giving one range per heading measure, split by
    slashes: a row per measure; [] when the parts do not line up."""
    value, option = next(((v, o) for o, vs in options.items() for v in vs
                          if re.match(rf"\s*(?:size|größe|gr\.)?\s*{re.escape(v)}\s*[:=–-]?\s", line, re.I)), ("", ""))  # fmt: skip
    if not value:
        return []
    parts = [p for p in _SLASH.split(line) if p.strip()]
    if len(parts) != len(measures):
        return []
    unit_at_end = line.rstrip(". ").endswith("cm")
    ranges = [_range(p, unit_at_end) for p in parts]
    if None in ranges:
        return []
    return [(value, option, r[0], r[1], m) for r, m in zip(ranges, measures, strict=True) if r]
