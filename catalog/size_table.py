"""Size tables in a product text: a header line naming the columns ("Size Waist Hips",
"Größe Körpergröße Gewicht", "Länge Faltmaß Empfohlen für Körpergröße", "EU UK US Herren
Fußlänge") and rows that start with one of the product's size values ("M 72–76 cm 96–100 cm").
Which body measure each column charts is read in `catalog/table_measures.py`, so a waist is
read in the waist column and a hip in the hip column; a column of shoe-size systems
(EU / UK / US) gives the product's own conversion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.sentences import plain_text

_NUMBER = r"\d{1,4}(?:[.,]\d{1,3})?"
# one cell of a row: "72–76 cm", "bis 92 cm", "ab 190 cm", "28\"", "24,5 cm", "20 × 35 cm", "4–6 Jahre"
_CELL = re.compile(
    rf"(?:(?P<bound>bis|ab|up to|from|unter|über|under|over|max\.?|min\.?)\s+)?(?P<low>{_NUMBER})"
    rf"(?:\s*(?:–|-|—|bis|to)\s*(?P<high>{_NUMBER}))?(?:\s*[x×]\s*{_NUMBER})?"
    r"(?:\s*(?P<unit>cm|mm|kg|g|m|\"|″|''|in\b|inch(?:es)?|zoll|jahre?|years?|monate?|months?|j\.|jr\.|yrs?\.?|mon\.|mo\.)(?![\w-]))?(?![\w-])",
    re.I,
)
# an age abbreviated ("13–14 J.", "8-9 yrs", "6–12 Mon."): years or months, never cm
_AGE_UNITS = {"j.": "jahre", "jr.": "jahre", "yr": "years", "yrs": "years", "yr.": "years", "yrs.": "years", "mon.": "monate", "mo.": "months"}
_INCH_UNITS = ('"', "″", "''", "in", "inch", "inches", "zoll")
_MAX_WORDS = ("bis", "up to", "unter", "under", "max", "max.")
_MIN_WORDS = ("ab", "from", "über", "over", "min", "min.")
_PREPOSITION = re.compile(r"^(?:für|for|per|pro|je|ab|von|vom|am|from|at|of)$", re.I)  # "Ärmellänge ab Nacken" is one column
_LIMIT = re.compile(r"^(?:max|min|maximal|minimal|höchstens|mindestens)\.?$", re.I)
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
    group: str = ""  # the line naming this group of rows under a header above ("Untersetzte Größen (Körpergröße ca. 164–172 cm)")


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
    in small letters and the word after "für" / "for" belong to the column before, unless that
    word opens an age, weight or height column ("Innenbeinlänge ab | Alter": a minimum, then the
    age; "Ärmellänge ab Nacken" stays one)."""
    from catalog.measurements import measure_of  # noqa: PLC0415 (catalog.size_rules, which it imports, imports this module)

    columns: list[str] = []
    pull = bound = False
    words = re.findall(r"\([^)]*\)|[^\s()]+", header.rstrip(" :"))
    for n, word in enumerate(words):
        pulled = bound or pull and measure_of(word, cm=False) not in ("age", "weight", "height")
        # "max. Körpergewicht", "Height max. weight": a bound before a measure opens that measure's column
        opens = bool(columns and _LIMIT.match(word) and n + 1 < len(words) and measure_of(words[n + 1], cm=False))
        if columns and not opens and (pulled or word.startswith("(") or word[0].islower()):
            columns[-1] = f"{columns[-1]} {word}"
        else:
            columns.append(word)
        pull, bound = bool(_PREPOSITION.match(word)), opens
    return columns


def _bound_moved(columns: list[str], rows: list[tuple[str, list[Cell | str], str]]) -> list[str]:
    """A bound between two measures belongs to the one after it ("Körpergröße | max. Körpergewicht"
    over "125–139 cm 45 kg": a column of ranges has no maximum), unless the column before gives
    single values ("Brustumfang max. Halsumfang" over "46 cm 30 cm": the chest's maximum)."""
    out = list(columns)
    for k in range(1, len(out)):
        bound, _, rest = out[k].partition(" ")
        if not rest or not _LIMIT.match(bound):
            continue
        index = column_of(Table(out, rows), k - 1)
        if index is not None and all(isinstance(c[index], Cell) and c[index].low == c[index].high for _, c, _ in rows if -len(c) <= index < len(c)):
            out[k - 1], out[k] = f"{out[k - 1]} {bound}", rest
    return out


def _fitted(columns: list[str], rows: list[tuple[str, list[Cell | str], str]]) -> list[str]:
    """A header with more words than the rows have cells ("Größe Körpergröße Wadenumfang Länge
    Schoner" over "S 150–165 cm 30–34 cm 36 cm") with two neighbours that name no body measure
    joined, from the right, until each cell has its column ("Länge Schoner")."""
    from catalog.measurements import measure_of  # noqa: PLC0415 (see _columns)

    cells = {len(r[1]) for r in rows}
    if len(cells) != 1 or len(columns) > cells.copy().pop() + 3 or len([c for c in columns if measure_of(c, cm=False)]) < 2:
        return columns  # rows of uneven cells, a line of prose over them, a header of shoe systems
    out = list(columns)
    while len(out) > cells.copy().pop() + 1:
        k = next((k for k in range(len(out) - 1, 1, -1) if not measure_of(out[k], cm=False) and not measure_of(out[k - 1], cm=False)), None)
        if k is None:
            return columns  # no such pair: counted from the right (`column_of`)
        out[k - 1:k + 1] = [f"{out[k - 1]} {out[k]}"]
    return out


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
            spaced = m.group("high") and re.search(r"\s(?:–|-|—)\s", m.group(0))
            if high < low or spaced and low > 0 and high > 2 * low and not re.match(r"(?:jahr|year|monat|month)", m.group("unit") or "", re.I):
                # "8 – 26.5 cm" after a dash for an empty cell: two cells, not a range
                cells.append(Cell(low, low, "", "", m.group("low")))
                pos = m.start("low") + len(m.group("low"))
                continue
            unit = (m.group("unit") or "").lower()
            unit = "in" if unit in _INCH_UNITS else _AGE_UNITS.get(unit, unit)
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


_PREFIXED = re.compile(r"([A-Za-z]{2,3})\s?(\d{1,3}(?:[.,]5)?)")  # "UK 10", "EU 42"


def _bare(values: list[str], header: str) -> dict[str, str]:
    """"10" -> "UK 10" when the product's sizes carry a system and the header's first column
    names it ("UK EU US Bust" over rows "10 38 6 85–89 cm")."""
    out = {}
    for value in values:
        m = _PREFIXED.fullmatch(value)
        if m and re.match(rf"{m.group(1)}\b", header, re.I):
            out[m.group(2)] = value
    return out


# a value in feet and inches, inches or pounds with its metric value in brackets ("5'3\"–5'9\" (160–175 cm)",
# "190–230 lbs (86–104 kg)", "28\" (71 cm)"): one cell of the metric value
_IMPERIAL = r"\d'\s?\d{0,2}(?:\"|''|”|″)?|\d{1,3}(?:[.,]\d)?\s*(?:\"|''|”|″|in\b|inch(?:es)?\b|lbs?\b|pounds?\b)?"
_DUAL = re.compile(
    rf"(?:{_IMPERIAL})(?:\s*(?:–|-|—|to)\s*(?:{_IMPERIAL}))?\s*"
    r"\(\s*(\d{1,3}(?:[.,]\d)?(?:\s*(?:–|-|—|to)\s*\d{1,3}(?:[.,]\d)?)?\s*(?:cm|kg|mm))\s*\)", re.I)
_IMPERIAL_MARK = re.compile(r"['\"”″]|\d\s*(?:in|inch(?:es)?|lbs?|pounds?)\b", re.I)


def metric(text: str) -> str:
    """A row's cells in two systems read by their metric value: "5'0\"–5'6\" (152–168 cm) 160–200
    lbs (73–90 kg)" -> "152–168 cm 73–90 kg"."""
    return _DUAL.sub(lambda m: m.group(1) if _IMPERIAL_MARK.search(m.group(0)[: m.start(1) - m.start()]) else m.group(0), text)


def _rows_from(lines: list[str], i: int, values: list[str], bare: dict[str, str]) -> list[tuple[str, list[Cell | str], str]]:
    rows = []
    for line in lines[i:]:
        if size := _size_at_start(line, values):
            rows.append((size, _cells(metric(line[len(size):])), line))
        elif bare and (short := _size_at_start(line, list(bare))):
            rows.append((bare[short], _cells(metric(line[len(short):])), line))
        else:
            break
    return rows


def _plain_row(line: str) -> str:
    """An HTML table row made plain ("Rider height: 160–168 cm, 168–175 cm") as a row of cells."""
    return re.sub(r"(?<=\S)[:,]\s+", " ", line)


def _values_in(words: list[str], values: list[str]) -> list[str]:
    """The words split into size values, a value of several words ("50 cm") whole; [] when
    some word is none."""
    out: list[str] = []
    j = 0
    while j < len(words):
        n = next((n for n in range(3, 0, -1) if " ".join(words[j:j + n]) in values), 0)
        if not n:
            return []
        out.append(" ".join(words[j:j + n]))
        j += n
    return out


def _across(lines: list[str], i: int, values: list[str]) -> Table | None:
    """A table written across: a line naming the sizes ("Bundweite W25 W26 W27") over lines of
    a label and one cell per size ("Taillenumfang (cm) 64 66 69"), turned to rows per size."""
    words = _plain_row(lines[i]).split()
    k, sizes = next(((k, split) for k in range(len(words)) if (split := _values_in(words[k:], values))), (len(words), []))
    if len(sizes) < 3 or len(set(sizes)) < len(sizes):
        return None
    header, columns = [" ".join(words[:k]) or "Size"], []
    for line in lines[i + 1:]:
        cells = _cells(_plain_row(line))
        label = " ".join(c for c in cells[:1] if isinstance(c, str))
        numbers = cells[1:] if label else cells
        if len(numbers) != len(sizes) or not all(isinstance(c, Cell) for c in numbers):
            break
        header.append(label or "?")
        columns.append(numbers)
    if not columns:
        return None
    rows = [(size, [column[n] for column in columns], " ".join([size, *(column[n].text for column in columns)]))
            for n, size in enumerate(sizes)]
    return Table(header, rows)


def tables(product: Product, lang: str) -> list[Table]:
    """The size tables of the product text: a header, then two or more rows that each start
    with a value of a size-like option ("10" for "UK 10" under a header starting "UK"); a
    title line over rows of one cell names that cell ("Maßtabelle (Bundumfang):" over "W28 72
    cm"); a table written across (sizes in a line, a measure per line below) too."""
    values = [v for name, vs in _option_values(product).items() if name != product.color_option for v in vs]
    if not values:
        return []
    lines = _unjoined(_lines(product, lang), values)
    found: list[Table] = []
    header: str | None = None  # the header over groups of rows, each under a line naming its group
    i = 0
    while i < len(lines):
        if across := _across(lines, i, values):
            found.append(across)
            i += len(across.header)
            continue
        rows = _rows_from(lines, i, values, _bare(values, lines[i - 1]) if i > 0 else {})
        if len(rows) >= 2 and i > 0:
            head, group = lines[i - 1], ""
            if (_GROUP_LINE.search(head) or _names_a_group(head, lines[i - 2] if i >= 2 else "", header, rows)) \
                    and (header or i >= 2 and not re.search(r"\d", lines[i - 2])):
                header = header if header and re.search(r"\d", lines[i - 2]) else lines[i - 2]
                head, group = header, lines[i - 1]  # "Normalgrößen (Körpergröße ca. 176–182 cm)" under "Größe Bundumfang Gesäß"
            columns = _fitted(_bound_moved(_columns(head), rows), rows)
            if len(columns) == 1 and all(len(r[1]) == 1 and isinstance(r[1][0], Cell) for r in rows):
                columns = ["", columns[0]]  # a title naming the one measured column
            found.append(Table(columns, rows, group))
        i = max(i + len(rows), i + 1)
    return found


def _unjoined(lines: list[str], values: list[str]) -> list[str]:
    """A title the HTML reader joined with the first row ("Größen (Brustumfang): S 88–94 cm"
    over "M 94–100 cm") split again, so the title heads the table and the row is its first."""
    out: list[str] = []
    for n, line in enumerate(lines):
        title, sep, rest = line.partition(": ")
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if sep and title and not re.search(r"\d", title) and (size := _size_at_start(rest, values)) \
                and _size_at_start(following, values) and any(isinstance(c, Cell) for c in _cells(rest[len(size):])):
            out += [title, rest]
        else:
            out.append(line)
    return out


def _names_a_group(head: str, above: str, header: str | None, rows: list[tuple[str, list[Cell | str], str]]) -> bool:
    """Whether a line without numbers over rows names their group ("Normalgrößen", "Untersetzte
    Größen (kürzer, mehr Bauch)", "Long sizes") under a header above whose columns line up with
    the rows' cells, while its own do not."""
    cells = len(rows[0][1])
    if re.search(r"\d", head) or len(_columns(head)) == cells + 1 or not all(len(r[1]) == cells for r in rows):
        return False
    from catalog.measurements import measure_of  # noqa: PLC0415 (see _columns)

    over = header or above
    if not over or re.search(r"\d", over) or len(_columns(over)) != cells + 1:
        return False
    named = [c for c in _columns(over) if measure_of(c, cm=False)]
    return len(named) >= 2 and len([c for c in _columns(head) if measure_of(c, cm=False)]) < len(named)


# a line naming a group of rows by a range of a body measure ("Untersetzte Größen (Körpergröße ca. 164–172 cm)", "Long sizes (height 184–194 cm)")
_GROUP_LINE = re.compile(r"\d{2,3}\s*(?:–|-|—|bis|to)\s*\d{2,3}\s*cm\b", re.I)


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
    if not all(len(r[1]) == cells for r in table.rows):  # a "–" for an empty cell: only the last column is sure
        return -1 if column == len(table.header) - 1 and all(isinstance(r[1][-1], Cell) for r in table.rows) else None
    if len(table.header) == cells + 1:
        return column - 1
    index = column - (len(table.header) - cells)
    return index if 0 <= index < cells else None


def own_conversion(product: Product, lang: str) -> dict[str, dict[str, str]]:
    """The product's own shoe-size table: system -> {its size -> the product's size}, read
    from a header naming EU, UK and US ("EU UK US Herren Fußlänge"); the product's sizes are
    the EU column. Empty when the text has no such table."""
    for lang_ in (lang, "de", "en"):
        for table in tables(product, lang_):
            names = []
            for k, column in enumerate(table.header):  # "US Men" / "US Women": two US columns, each named
                if s := re.match(r"(EU|UK|US)\b", column):
                    follower = table.header[k + 1] if k + 1 < len(table.header) else ""
                    gender = _GENDER.match(column[s.end():].strip() or follower)
                    names.append(f"{s.group(1)} {_gender_key(gender.group(0))}" if gender else s.group(1))
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


_GENDER = re.compile(r"(?:wom[ae]n['’]?s|men['’]?s|women|men|herren|damen|female|male|ladies)\b", re.I)
_FOREIGN = re.compile(rf"\b(uk|us)\s*(?:({_GENDER.pattern})\s*)?(\d{{1,2}}(?:[.,]5)?)\b", re.I)


def _gender_key(word: str) -> str:
    return "women" if re.match(r"wom|dam|fem|lad", word, re.I) else "men"


def own_eu(product: Product, text: str, lang: str = "de") -> tuple[str, str, str] | None:
    """(system, size, the product's size) for "UK 10" in the text when the product's own table
    converts it ("EU UK US … 44,5 10 11"): the merchant's table wins over the usual one."""
    m = _FOREIGN.search(text)
    if not m:
        return None
    system, size = m.group(1).upper(), f"{float(m.group(3).replace(',', '.')):g}"
    own = own_conversion(product, lang)
    if m.group(2) or system not in own:  # "US men's 10" in the men's column; a bare "US 10" only with one US column
        genders = [k for k in own if k.startswith(f"{system} ")]
        key = f"{system} {_gender_key(m.group(2))}" if m.group(2) else (genders[0] if len(genders) == 1 else "")
        eu = own.get(key, own.get(system, {}) if not genders else {}).get(size)
    else:
        eu = own[system].get(size)
    return (system, size, eu) if eu else None
