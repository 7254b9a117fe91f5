"""Size tables in a product text: a header line naming the columns ("Size Waist Hips",
"Größe Körpergröße Gewicht", "Länge Faltmaß Empfohlen für Körpergröße", "EU UK US Herren
Fußlänge") and rows that start with one of the product's size values ("M 72–76 cm 96–100 cm").
Each column that names a body measure becomes chart rows of that measure (`ChartRow`), so a
waist is read in the waist column and a hip in the hip column; a column of shoe-size systems
(EU / UK / US) gives the product's own conversion.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.sentences import plain_text

_NUMBER = r"\d{1,4}(?:[.,]\d{1,3})?"
# one cell of a row: "72–76 cm", "bis 92 cm", "ab 190 cm", "28\"", "24,5 cm", "20 × 35 cm", "4–6 Jahre"
_CELL = re.compile(
    rf"(?:(?P<bound>bis|ab|up to|from|unter|über|under|over|max\.?|min\.?)\s+)?(?P<low>{_NUMBER})"
    rf"(?:\s*(?:–|-|—|bis|to)\s*(?P<high>{_NUMBER}))?(?:\s*[x×]\s*{_NUMBER})?"
    r"(?:\s*(?P<unit>cm|mm|kg|g|m|\"|″|''|in\b|inch(?:es)?|zoll|jahre?|years?|monate?|months?)(?![\w-]))?(?![\w-])",
    re.I,
)
_INCH_UNITS = ('"', "″", "''", "in", "inch", "inches", "zoll")
_MAX_WORDS = ("bis", "up to", "unter", "under", "max", "max.")
_MIN_WORDS = ("ab", "from", "über", "over", "min", "min.")
_PREPOSITION = re.compile(r"^(?:für|for|per|pro|je)$", re.I)
SYSTEMS = ("EU", "UK", "US")


@dataclass(frozen=True)
class Cell:
    low: float
    high: float
    unit: str  # "cm", "in", "kg", "g", "" …
    bound: str  # "min" ("ab 190 cm"), "max" ("bis 92 cm") or ""
    text: str


@dataclass(frozen=True)
class Table:
    header: list[str]  # the columns as the merchant named them, the size column first
    rows: list[tuple[str, list[Cell | str], str]]  # (size value, cells, the row as written)


def text_lines(product: Product, lang: str) -> list[str]:
    """The product text's lines in that language (else another), HTML made plain."""
    return _lines(product, lang)


def _lines(product: Product, lang: str) -> list[str]:
    value = product.description or {}
    text = value.get(lang) or next(iter(value.values()), "")
    text = plain_text(text) if "<" in text else text
    return [line.strip() for line in text.splitlines() if line.strip()]


def _columns(header: str) -> list[str]:
    """"Size Hand circumference" -> ["Size", "Hand circumference"]; a word in brackets, a word
    in small letters and the word after "für" / "for" belong to the column before."""
    columns: list[str] = []
    pull = False
    for word in re.findall(r"\([^)]*\)|[^\s()]+", header):
        if columns and (pull or word.startswith("(") or word[0].islower()):
            columns[-1] = f"{columns[-1]} {word}"
        else:
            columns.append(word)
        pull = bool(_PREPOSITION.match(word))
    return columns


def _cells(rest: str) -> list[Cell | str]:
    """A row after its size value: number cells, and runs of words as text cells."""
    cells: list[Cell | str] = []
    pos = 0
    while pos < len(rest):
        if rest[pos].isspace():
            pos += 1
            continue
        m = _CELL.match(rest, pos)
        if m:
            low = float(m.group("low").replace(".", "").replace(",", ".")) if re.fullmatch(r"\d{1,3}\.\d{3}", m.group("low")) \
                else float(m.group("low").replace(",", "."))  # "1.290 g" is 1290
            high = float(m.group("high").replace(",", ".")) if m.group("high") else low
            unit = (m.group("unit") or "").lower()
            unit = "in" if unit in _INCH_UNITS else unit
            word = (m.group("bound") or "").lower()
            bound = "max" if word in _MAX_WORDS else "min" if word in _MIN_WORDS else ""
            cells.append(Cell(low, high, unit, bound, m.group(0)))
            pos = m.end()
            continue
        end = _CELL.search(rest, pos)
        stop = end.start() if end and end.start() > pos and rest[end.start() - 1].isspace() else len(rest)
        words = rest[pos:stop].strip()
        if cells and isinstance(cells[-1], str):  # "Shimano 7-Gang" is one cell
            cells[-1] = f"{cells[-1]} {words}"
        else:
            cells.append(words)
        pos = stop
    return cells


def _size_at_start(line: str, values: list[str]) -> str | None:
    for value in sorted(values, key=len, reverse=True):
        if re.match(rf"{re.escape(value)}(?=\s)", line, 0 if len(value) <= 3 else re.I):
            return value
    return None


def tables(product: Product, lang: str) -> list[Table]:
    """The size tables of the product text: a header, then two or more rows that each start
    with a value of a size-like option."""
    values = [v for name, vs in _option_values(product).items() if name != product.color_option for v in vs]
    if not values:
        return []
    lines = _lines(product, lang)
    found: list[Table] = []
    i = 0
    while i < len(lines):
        rows = []
        j = i
        while j < len(lines) and (size := _size_at_start(lines[j], values)):
            rows.append((size, _cells(lines[j][len(size):]), lines[j]))
            j += 1
        if len(rows) >= 2 and i > 0:
            found.append(Table(_columns(lines[i - 1]), rows))
        i = max(j, i + 1)
    return found


def _option_values(product: Product) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for variant in product.variants:
        for name, value in (variant.options or {}).items():
            if value and value not in out.setdefault(name, []):
                out[name].append(value)
    return out


def column_of(table: Table, column: int) -> int | None:
    """The cell index of a header column: by position when the header has a column per cell,
    else counted from the right (a header with more words than cells, "US Herren")."""
    cells = len(table.rows[0][1])
    if not all(len(r[1]) == cells for r in table.rows):
        return None
    if len(table.header) == cells + 1:
        return column - 1
    index = column - (len(table.header) - cells)
    return index if 0 <= index < cells else None


def measured_rows(table: Table, measure_of) -> list[tuple[str, str, float, float, str]]:  # noqa: ANN001
    """(size, measure, low, high, row) for every body-measure column of the table. A weight
    column is the body's only when it gives ranges in kg (a bike's "7,6 kg" is its own); "ab" /
    "bis" (in the header or the cell) make a minimum or a maximum."""
    out = []
    done: set[str] = set()
    for column, name in enumerate(table.header[1:], start=1):
        measure = measure_of(name)
        index = column_of(table, column)
        if measure is None or index is None or measure == "age" or measure in done:
            continue  # "Waist (cm)" then "Waist (inches)": the first column of a measure
        done.add(measure)
        header_bound = "max" if re.search(r"\b(?:bis|up to|max)\b", name, re.I) else "min" if re.search(r"\b(?:ab|from|min)\b", name, re.I) else ""
        inches = bool(re.search(r"inch|zoll|\(in\)", name, re.I))
        for size, cells, line in table.rows:
            cell = cells[index]
            if not isinstance(cell, Cell):
                continue
            if measure == "weight" and (cell.unit != "kg" or (cell.low == cell.high and not cell.bound)):
                break
            if measure != "weight" and cell.unit not in ("cm", "in", "") or measure == "weight" and cell.unit != "kg":
                break
            factor = 2.54 if cell.unit == "in" or inches and cell.unit == "" else 1.0
            low, high = round(cell.low * factor, 1), round(cell.high * factor, 1)
            bound = cell.bound or header_bound
            if bound == "min":
                high = math.inf
            out.append((size, measure, low, high, line))
    return out


def own_conversion(product: Product, lang: str) -> dict[str, dict[str, str]]:
    """The product's own shoe-size table: system -> {its size -> the product's size}, read
    from a header naming EU, UK and US ("EU UK US Herren Fußlänge"); the product's sizes are
    the EU column. Empty when the text has no such table."""
    for lang_ in (lang, "de", "en"):
        for table in tables(product, lang_):
            systems = [s for s in (re.match(r"(EU|UK|US)\b", c) for c in table.header) if s]
            names = [s.group(1) for s in systems]
            if len(names) < 2 or names[0] != "EU":
                continue
            out: dict[str, dict[str, str]] = {}
            for size, cells, _ in table.rows:
                for k, system in enumerate(names[1:]):
                    cell = cells[k] if k < len(cells) else None
                    if isinstance(cell, Cell) and not cell.unit:
                        out.setdefault(system, {})[f"{cell.low:g}"] = size
            if out:
                return out
    return {}


_FOREIGN = re.compile(r"\b(uk|us)\s*(\d{1,2}(?:[.,]5)?)\b", re.I)


def own_eu(product: Product, text: str, lang: str = "de") -> tuple[str, str, str] | None:
    """(system, size, the product's size) for "UK 10" in the text when the product's own table
    converts it ("EU UK US … 44,5 10 11"): the merchant's table wins over the usual one."""
    m = _FOREIGN.search(text)
    if not m:
        return None
    system, size = m.group(1).upper(), f"{float(m.group(2).replace(',', '.')):g}"
    eu = own_conversion(product, lang).get(system, {}).get(size)
    return (system, size, eu) if eu else None
