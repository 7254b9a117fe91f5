"""Size evidence: every place of a product text that pairs the product's OWN size values with
numbers, whatever the measure is called and however it is laid out — an HTML table (sizes as
rows or as columns, the unit in the header or in the cells), a table in plain lines
(`catalog.size_table`), a list item ("S: Brust 88–92 cm, Taille 72–76 cm"), an equation
("Größe 42 = 26,5 cm Fußlänge"), a sentence ("M passt bei 170 bis 178 cm", "für Kopfumfang
54–58 cm (S/M) und 58–62 cm (L/XL)", "bis 60 kg: S", "4–5 Jahre: 110"). Each becomes a row
(size, the measure's label as written, unit, low, high, source). The question's measurements
are matched to a label by the known measure (`catalog.measurements`), else by the label's
words, else — a number the question names no measure for — the one label the text charts in
that unit. The chart readers (`catalog.size_chart`) stay first; this reads what they do not."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from catalog import size_table
from catalog.measurements import measure_of
from catalog.models import Product
from catalog.variants import option_kind, option_values


@dataclass(frozen=True)
class Evidence:
    size: str  # the option value as the merchant wrote it
    label: str  # the measure as written ("Brust (cm)", "Oberweite"); "" when the text names none
    unit: str  # "cm", "kg" or "years"
    low: float
    high: float
    source: str  # the line, row or clause it comes from


_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
_UNIT = r"cm|mm|kg|lbs?|\"|″|''|in\b(?!\s+[^\W\d_])|inch(?:es)?|zoll|jahre?n?\b|j\.|years?\b|yrs?\b|monate?n?\b|months?\b"
_BOUND = r"bis zu|bis|up to|unter|under|below|max\.?|ab|from|über|over|min\.?"
_AMOUNT = re.compile(
    rf"(?:(?P<bound>{_BOUND})\s+)?(?<![\w.,])(?P<low>{_NUM})(?![.,]?\d)(?:\s*(?P<unit1>{_UNIT}))?"
    rf"(?:\s*(?:–|-|—|bis|to)\s*(?P<high>{_NUM})(?![.,]?\d))?(?:\s*(?P<unit>{_UNIT}))?(?![\w])",
    re.I,
)
_HEADER_UNIT = re.compile(
    rf"[(\[]\s*(?:in\s+)?({_UNIT})\s*[)\]]|\bin\s+({_UNIT})|\b(cm|kg|zoll|inch(?:es)?)\b", re.I
)
# a number in another unit than a body measure's, or one side of a product's dimensions
_OTHER_UNIT = re.compile(
    r"\s*(?:g|gr|ml|l|liter\w*|litres?|w|watt|v|volt|ah|mah|mm²|m²|m2|°c?|%|€|eur|x|×|personen|persons?|people|stück|pcs)\b|\s*[x×%°€]",
    re.I,
)
_DIMENSION = re.compile(r"[x×]\s*$", re.I)
# words of a measure: a number without unit is taken as cm beside one ("Brust 88", "Sattelhöhe 70")
_MEASURE_WORD = re.compile(
    r"umfang|länge|lange|weite|höhe|breite|brust|taille|hüfte|bund|kopf|hals|kragen|girth|length|circumference|width|height"
    r"|chest|bust|waist|hips?\b|head|neck|collar|inseam|wrist|handgelenk|alter|\bage\b|gewicht|weight",
    re.I,
)
_AGE_WORD = re.compile(r"\balter\b|\bage\b|jahre|years", re.I)
_WEIGHT_WORD = re.compile(r"gewicht|weight|\bkg\b", re.I)
_STOP = {"für", "fur", "for", "bei", "at", "und", "and", "oder", "or", "von", "of", "the", "der", "die", "das", "den", "dem",
         "ein", "eine", "a", "an", "mit", "with", "passt", "fits", "fit", "ca", "etwa", "about", "size", "größe", "grösse",
         "gr", "is", "ist", "sind", "are", "einen", "bis", "to", "ab", "from", "cm", "kg", "in", "zu", "up", "am", "im",
         "gemessen", "measured", "empfohlen", "recommended", "körper", "body", "wir", "we", "sie", "you", "ihr", "your",
         "jahr", "jahre", "jahren", "year", "years", "yrs", "monat", "monate", "monaten", "month", "months"}  # fmt: skip


def _float(number: str) -> float:
    return float(number.replace(",", "."))


def _unit(raw: str | None) -> tuple[str, float] | None:
    """('cm' | 'kg' | 'years', factor) for a unit as written."""
    u = (raw or "").lower().strip()
    if not u:
        return None
    if u in ("cm",):
        return "cm", 1.0
    if u == "mm":
        return "cm", 0.1
    if u in ('"', "″", "''", "in", "inch", "inches", "zoll"):
        return "cm", 2.54
    if u == "kg":
        return "kg", 1.0
    if u in ("lb", "lbs"):
        return "kg", 0.4536
    if re.match(r"monat|month", u):
        return "years", 1 / 12
    return "years", 1.0


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    low: float
    high: float
    unit: tuple[str, float] | None
    bound: str  # "min", "max" or ""


def amounts(text: str) -> list[Amount]:
    """Every number or range of a text with its unit and bound word ("bis 60 kg": max)."""
    out = []
    for m in _AMOUNT.finditer(text):
        if _OTHER_UNIT.match(text, m.end()) or _DIMENSION.search(
            text[max(0, m.start() - 3) : m.start()]
        ):
            continue  # "480 g", "25 W", "500 ml", "60 x 50 cm": no body measure
        low = _float(m.group("low"))
        high = _float(m.group("high")) if m.group("high") else low
        if high < low:
            continue
        word = (m.group("bound") or "").lower()
        bound = (
            ""
            if m.group("high")
            else "max"
            if word.startswith(("bis", "up", "unter", "under", "below", "max"))
            else "min"
            if word
            else ""
        )
        out.append(
            Amount(m.start(), m.end(), low, high, _unit(m.group("unit1") or m.group("unit")), bound)
        )
    return out


def _values(product: Product) -> list[str]:
    """The product's own size-like option values (not its colours)."""
    return [
        v
        for name, vs in option_values(product).items()
        if option_kind(product, name) != "color"
        for v in vs
    ]


def _size_spans(text: str, values: list[str]) -> list[tuple[int, int, str]]:
    """Where the product's size values stand in a text; a number is a size only after a size
    word ("Größe 42", "Gr. 110"), at the line's start before ":" / "=", or after an amount and
    ":" / "→" ("4–5 Jahre: 110") or in brackets."""
    spans: list[tuple[int, int, str]] = []
    for value in sorted(values, key=len, reverse=True):
        flags = 0 if len(value) <= 3 else re.I
        for m in re.finditer(rf"(?<![\w/]){re.escape(value)}(?![\w/])", text, flags):
            if any(a < m.end() and m.start() < b for a, b, _ in spans):
                continue
            if re.fullmatch(r"[\d.,]+", value):
                before, after = text[: m.start()], text[m.end() :]
                if not (re.search(r"(?:größe|grösse|gr\.|size|nummer)\s*$", before, re.I) or re.match(r"\s*[:=]", after)
                        or re.search(r"[:=→]\s*$|\(\s*$", before) or re.match(r"\s*\)|\s*\(\s*\d", after)):  # fmt: skip
                    continue
            spans.append((m.start(), m.end(), value))
    return sorted(spans)


def _label_words(text: str) -> str:
    """The words of a stretch of text that may name a measure (not sizes' filler words)."""
    words = [
        w for w in re.findall(r"[^\W\d_][\w\-/]*", text) if w.lower() not in _STOP and len(w) > 2
    ]
    return " ".join(words)


def _evidence(
    size: str, label: str, a: Amount, source: str, unit: tuple[str, float] | None = None
) -> Evidence | None:
    unit = a.unit or unit
    if (
        unit is None
    ):  # no unit: only beside the words of a measure ("Schuhgröße 36–42", "für 4 Personen" are none)
        if not _MEASURE_WORD.search(label) and measure_of(label, cm=False) is None:
            return None
        unit = (
            ("kg", 1.0)
            if _WEIGHT_WORD.search(label)
            else ("years", 1.0)
            if _AGE_WORD.search(label)
            else ("cm", 1.0)
        )
    name, factor = unit
    low, high = round(a.low * factor, 2), round(a.high * factor, 2)
    if a.bound == "min":
        high = float("inf")
    elif a.bound == "max":
        low = 0.0
    elif name == "years" and factor == 1.0 and low == int(low) and high == int(high):
        high += 0.99  # "4–5 Jahre" takes a child up to its sixth birthday
    if name == "cm" and not 2 <= high and high != float("inf"):
        return None
    return Evidence(size, label.strip(), name, low, high, source.strip())


def line_evidence(line: str, values: list[str], heading: str = "") -> list[Evidence]:
    """The rows of one line: each number goes to the size before it when the line starts with a
    size ("S: Brust 88–92 cm", "M passt bei 170 bis 178 cm", "S 88 / M 96 / L 104 cm"), else to
    the size after it ("bis 60 kg: S", "54–58 cm (S/M) und 58–62 cm (L/XL)"); a number's label
    is the words just before it, else just after it, else the line's or the heading's words."""
    sizes = _size_spans(line, values)
    if not sizes:
        return []
    numbers = {_float(n) for v in values for n in re.findall(r"\d+(?:[.,]\d+)?", v)}
    nums = [
        a
        for a in amounts(line)
        if not any(s < a.end and a.start < e for s, e, _ in sizes)
        and not (
            a.unit is None and a.low == a.high and a.low in numbers
        )  # "Lengths 225, 245 and 265 cm": sizes
    ]
    if not nums:
        return []
    forward = sizes[0][0] < nums[0].start
    line_unit = next((a.unit for a in nums if a.unit), None)
    marks = sorted([(s, e) for s, e, _ in sizes] + [(a.start, a.end) for a in nums])
    out: list[Evidence] = []
    rest = line
    for s, e, _ in reversed(sizes):
        rest = rest[:s] + " " * (e - s) + rest[e:]
    last = ""  # "54–58 cm (S/M) und 58–62 cm (L/XL)": the label of the number before
    for a in nums:
        size = (
            next((v for s, _, v in reversed(sizes) if s < a.start), None)
            if forward
            else next((v for s, _, v in sizes if s > a.start), None)
        )
        if size is None:
            continue
        prev_end = max((e for s, e in marks if e <= a.start), default=0)
        next_start = min((s for s, e in marks if s >= a.end), default=len(line))
        before = re.split(r"[,;:(=]|\s[–-]\s", line[prev_end : a.start])[-1]
        after = re.split(r"[,;:)(=]|\s[–-]\s", line[a.end : next_start])[0]
        label = (
            _label_words(before)
            or _label_words(after)
            or last
            or _label_words(re.sub(r"\d", " ", rest))
            or heading
        )
        last = label
        if ev := _evidence(size, label, a, line, None if a.unit else line_unit):
            out.append(ev)
    return out


_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.I | re.S)
_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.I | re.S)


def _grids(raw: str) -> list[list[list[str]]]:
    """The HTML tables of a text as rows of plain cells."""
    grids = []
    for table in re.findall(r"<table\b.*?</table>", raw, re.I | re.S):
        rows = [
            [html.unescape(re.sub(r"<[^>]+>", " ", c)).strip() for c in _CELL.findall(r)]
            for r in _ROW.findall(table)
        ]
        grids.append([r for r in rows if r])
    return grids


def _is_size(cell: str, values: list[str]) -> str | None:
    cell = re.sub(r"\s+", " ", cell).strip()
    return next((v for v in values if v == cell or v.lower() == cell.lower() and len(v) > 3), None)


def grid_evidence(grid: list[list[str]], values: list[str]) -> list[Evidence]:
    """A table with sizes down its first column (the header row names the measures) or across
    its first row (the first column names them); a unit in the header applies to its cells."""
    if len(grid) < 2:
        return []
    out: list[Evidence] = []
    down = sum(bool(r and _is_size(r[0], values)) for r in grid[1:]) >= 2
    across = sum(bool(_is_size(c, values)) for c in grid[0][1:]) >= 2
    if not (down or across):
        return []
    cells: list[tuple[str, str, str, str]] = []  # (size, label, cell, source)
    if down:
        header = grid[0]
        for row in grid[1:]:
            if size := _is_size(row[0], values) if row else None:
                cells += [
                    (size, header[j] if j < len(header) else "", row[j], " | ".join(row))
                    for j in range(1, len(row))
                ]
    else:
        header = grid[0]
        for row in grid[1:]:
            for j in range(1, min(len(row), len(header))):
                if size := _is_size(header[j], values):
                    cells.append((size, row[0], row[j], f"{row[0]}: {header[j]} {row[j]}"))
    for size, label, cell, source in cells:
        found = amounts(cell)
        if len(found) != 1:
            continue
        unit = None
        if m := _HEADER_UNIT.search(label):
            unit = _unit(m.group(1) or m.group(2) or m.group(3))
        clean = _HEADER_UNIT.sub(" ", label).strip(" :")
        if ev := _evidence(size, clean, found[0], source, unit):
            out.append(ev)
    return out


def _plain_table_evidence(product: Product, lang: str) -> list[Evidence]:
    """The tables `catalog.size_table` finds in plain lines, every column kept."""
    out = []
    for table in size_table.tables(product, lang):
        for column, name in enumerate(table.header[1:], start=1):
            index = size_table.column_of(table, column)
            if index is None:
                continue
            unit = None
            if m := _HEADER_UNIT.search(name):
                unit = _unit(m.group(1) or m.group(2) or m.group(3))
            label = _HEADER_UNIT.sub(" ", name).strip(" :")
            for size, cells, line in table.rows:
                cell = cells[index] if -len(cells) <= index < len(cells) else None
                if isinstance(cell, size_table.Cell):
                    a = Amount(0, 0, cell.low, cell.high, _unit(cell.unit), cell.bound)
                    if ev := _evidence(size, label, a, line, unit):
                        out.append(ev)
    return out


def evidence(product: Product, lang: str) -> list[Evidence]:
    """Every evidence row of the product's text in that language (else another)."""
    values = _values(product)
    if not values:
        return []
    raw = (product.description or {}).get(lang) or next(
        iter((product.description or {}).values()), ""
    )
    rows: list[Evidence] = []
    for grid in _grids(raw):
        rows += grid_evidence(grid, values)
    rows += _plain_table_evidence(product, lang)
    tabled = {(r.size, r.low, r.high) for r in rows}
    text = re.sub(r"<table\b.*?</table>", "\n", raw, flags=re.I | re.S)
    lines = (
        size_table.text_lines(product.copy(update={"description": {lang: text}}), lang)
        if text.strip()
        else []
    )
    heading = ""
    for line in lines:
        for piece in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", line):
            for ev in line_evidence(piece, values, heading):
                if (ev.size, ev.low, ev.high) not in tabled:
                    tabled.add((ev.size, ev.low, ev.high))
                    rows.append(ev)
        heading = _label_words(line) if line.rstrip().endswith(":") else heading
    return rows


def _fold(word: str) -> str:
    return word.lower().translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}))


_ENDINGS = ("ngen", "en", "es", "er", "e", "n", "s")


def _stem(word: str) -> str:
    word = _fold(word)
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


def label_matches(asked: str, label: str) -> bool:
    """Whether the question's measure word ("Sattelhöhe", "Handgelenk") names the label ("Handgelenkumfang (cm)"):
    the same known measure, or a word of one the start, end or stem of a word of the other (compounds: "Innenbeinlänge" / "Beinlänge")."""
    known_a, known_l = measure_of(asked, cm=False), measure_of(label, cm=False)
    if known_a and known_l and known_a != "height":  # "saddle height" is no body height
        return known_a == known_l
    for a in (_stem(w) for w in re.findall(r"[^\W\d_]{3,}", asked)):
        for b in (_stem(w) for w in re.findall(r"[^\W\d_]{3,}", label)):
            if _fold(a) in _STOP or _fold(b) in _STOP:
                continue
            short, long = sorted((a, b), key=len)
            if len(short) >= 4 and (long.startswith(short) or long.endswith(short)):
                return True
    return False
