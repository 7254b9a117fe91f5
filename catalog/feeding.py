"""A feeding table in a pet food's text, German and English: rows "20 kg 250 g" / "20 kg: 250 g"
under a heading that says they are per day, or a rate per kilo of body weight ("ca. 200 g pro 4 kg
Körpergewicht und Tag"). Read by `actions.need_answer` for "Mein Hund wiegt 20 kg, wie lange reicht
der 12-kg-Sack?"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.needs import NUM, number
from catalog.yields import sentences

_TABLE_HEAD = re.compile(
    r"(?:pro tag|per day|/tag|/day|täglich|daily|tagesration|futtermenge|fütterung|feeding)", re.I
)
_ROW = re.compile(rf"({NUM})\s*kg\s*[:=–-]?\s*({NUM})(?:\s*[-–]\s*({NUM}))?\s*g\b", re.I)


@dataclass(frozen=True)
class Feeding:
    """A feeding table: (body weight kg, grams per day) rows, from the lines it is read from."""

    rows: tuple[tuple[float, float], ...]
    sentence: str
    per_kg: float = 0.0  # "ca. 200 g pro 4 kg Körpergewicht und Tag": grams per kg, no table
    unit: str = "g"  # "l" for a dose in ml ("10 ml je 100 kg Körpergewicht pro Tag")

    def grams(self, weight: float) -> tuple[float, bool] | None:
        """(grams per day, whether a row gives it) for a body weight; between two rows on the
        straight line; None outside the table."""
        if self.per_kg:
            return self.per_kg * weight, False
        rows = sorted(self.rows)
        for w, g in rows:
            if w == weight:
                return g, True
        for (w1, g1), (w2, g2) in zip(rows, rows[1:], strict=False):
            if w1 < weight < w2:
                return g1 + (g2 - g1) * (weight - w1) / (w2 - w1), False
        return None


_PER_KG = re.compile(
    rf"({NUM})\s*(g|ml)\s+(?:pro|per|je|for each|für je)\s+({NUM})?\s*kg\s*(?:körpergewicht|body ?weight|kg)?"
    r"\s*(?:(?:und|pro|per|a|and|je)\s+(?:tag|day)|täglich|daily)",
    re.I,
)


def feeding(product: Product, lang: str) -> Feeding | None:
    """The feeding table of the text: rows "20 kg 250 g" / "20 kg: 250 g" after a heading that
    says they are per day (a range of grams is read as its middle); else a rate per kg of body
    weight ("ca. 200 g pro 4 kg Körpergewicht und Tag", "10 ml je 100 kg Körpergewicht pro Tag",
    "20 g pro 500 kg Körpergewicht täglich")."""
    lines = sentences(product, lang)
    for line in lines:
        if m := _PER_KG.search(line):  # "10 ml je 100 kg Körpergewicht pro Tag": litres, as the versions
            scale = 0.001 if m.group(2).lower() == "ml" else 1.0
            per = number(m.group(1)) * scale / (number(m.group(3)) if m.group(3) else 1.0)
            return Feeding((), line, per, "l" if scale != 1.0 else "g")
    for i, line in enumerate(lines):
        if not _TABLE_HEAD.search(line):
            continue
        rows, used = [], []
        for candidate in lines[i : i + 12]:
            found = [
                (number(m.group(1)), (number(m.group(2)) + number(m.group(3) or m.group(2))) / 2)
                for m in _ROW.finditer(candidate)
            ]
            if found:
                rows += found
                used.append(candidate)
            elif rows:
                break
        if len(rows) >= 2:
            return Feeding(
                tuple(rows),
                " ".join(dict.fromkeys([line, *used])) if line not in used else " ".join(used),
            )
    return None
