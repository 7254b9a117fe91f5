"""Which body measure each column of a size table charts (`measured_rows`): the column's
name read as a measure, checked against the unit its cells give (cm, inches, kg, years or
months), ranges, minima and maxima read as chart rows."""

from __future__ import annotations

import math
import re

from catalog.size_table import Cell, Table, column_of

_BODY_COLUMN = re.compile(r"\bkörper\w*|\bbody\b", re.I)  # a measure on the body ("Brustumfang (Körper)"), not the garment's


def measured_rows(table: Table, measure_of) -> list[tuple[str, str, float, float, str]]:  # noqa: ANN001
    """(size, measure, low, high, row) for every body-measure column of the table. A weight
    column is the body's only when it gives ranges in kg (a bike's "7,6 kg" is its own) or a
    header names whom it is for up to a weight ("For dogs up to", "Für Hunde bis": kg); "ab" / "bis" (in the header or the cell)
    make a minimum or a maximum — a column of maxima reaches from the row before ("bis 20 kg",
    "bis 35 kg": 20–35 kg). An age column in years or months ("0–2 Monate") charts ages in years;
    of two columns of one measure, the body's ("Körper", "body")."""
    out = []
    done: set[str] = set()
    columns = sorted(enumerate(table.header[1:], start=1), key=lambda c: _BODY_COLUMN.search(c[1]) is None)  # the body's measure before the garment's
    for column, name in columns:
        index = column_of(table, column)
        header_bound = "max" if re.search(r"\b(?:bis|up to|max)\b", name, re.I) else "min" if re.search(r"\b(?:ab|from|min)\b", name, re.I) else ""
        whose = header_bound == "max" and re.search(r"\b(?:für|for)\b", name, re.I)  # "For dogs up to", not a load "Zuladung bis"
        measure = measure_of(name) or ("weight" if whose and index is not None and _all_kg(table, index) else None)
        if measure is not None and (index is None or not _unit_fits(table, index, measure)):
            index = _by_unit(table, measure)  # "Länge Körpergröße Kind Alter ca." over "50–65 cm 0–6 Monate": the one cm column
        if measure is None or index is None or measure in done:
            continue  # "Waist (cm)" then "Waist (inches)": the first column of a measure
        done.add(measure)
        inches = bool(re.search(r"inch|zoll|\(in\)", name, re.I))
        rows: list[tuple[str, str, float, float, str]] = []
        for size, cells, line in table.rows:
            cell = cells[index]
            if not isinstance(cell, Cell):
                continue
            if measure == "age":
                if not re.match(r"(?:jahr|year|monat|month)", cell.unit):
                    break
                factor = 1 / 12 if re.match(r"monat|month", cell.unit) else 1.0
                rows.append((size, measure, round(cell.low * factor, 2), round(cell.high * factor, 2), line))
                continue
            bound = cell.bound or header_bound
            if measure == "weight" and (cell.unit != "kg" or (cell.low == cell.high and not bound)):
                break
            if measure != "weight" and cell.unit not in ("cm", "in", "") or measure == "weight" and cell.unit != "kg":
                break
            factor = 2.54 if cell.unit == "in" or inches and cell.unit == "" else 1.0
            low, high = round(cell.low * factor, 1), round(cell.high * factor, 1)
            if bound == "min":
                high = math.inf
            elif bound == "max" and low == high:  # up to this value: from the row before's
                before = [r[3] for r in rows if r[3] < high]
                low = round(max(before) + 0.1, 1) if before else 0.0
            rows.append((size, measure, low, high, line))
        out += _to_birthday(rows) if measure == "age" else rows
    return out


def _to_birthday(rows: list[tuple[str, str, float, float, str]]) -> list[tuple[str, str, float, float, str]]:
    """Age rows reaching to the next birthday ("3–4 Jahre" up to 4.99) unless the next row
    starts at their end ("0–2 Monate", "2–6 Monate")."""
    starts = {r[2] for r in rows}
    step = 1 / 12 if any(0 < r[3] < 1 for r in rows) else 1.0
    return [(s, m, low, high if high in starts else round(high + 0.99 * step, 2), line) for s, m, low, high, line in rows]


def _kind(cell: Cell | str, measure: str, strict: bool) -> bool:
    """Whether a cell gives that measure's unit: years or months for an age, kg for a weight, cm
    (not `strict`: also inches or none) for a length."""
    if not isinstance(cell, Cell):
        return False
    if measure == "age":
        return re.match(r"(?:jahr|year|monat|month)", cell.unit) is not None
    if measure == "weight":
        return cell.unit == "kg"
    return cell.unit == "cm" or not strict and cell.unit in ("in", "")


def _unit_fits(table: Table, index: int, measure: str, strict: bool = False) -> bool:
    return all(-len(cells) <= index < len(cells) and _kind(cells[index], measure, strict) for _, cells, _ in table.rows)


def _by_unit(table: Table, measure: str) -> int | None:
    """The one cell position whose every row gives that measure's unit written out, when the
    header's words do not line up with the cells; None when none or several do."""
    width = min(len(cells) for _, cells, _ in table.rows)
    fitting = [k for k in range(width) if _unit_fits(table, k, measure, strict=True)]
    return fitting[0] if len(fitting) == 1 else None


def _all_kg(table: Table, index: int) -> bool:
    """Whether every row of a column gives kg."""
    cells = [cells[index] for _, cells, _ in table.rows if index < len(cells)]
    return bool(cells) and all(isinstance(c, Cell) and c.unit == "kg" for c in cells)
