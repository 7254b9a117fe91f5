"""A product's size chart from its own data, and the size for a body measurement.

"Ich bin 182 cm", "Innenbeinlänge 81 cm", "my dog's chest is 72 cm": the size comes from what
the merchant wrote — a size-like option whose values carry the measure ("Körpergröße":
"164–170 cm", "M (170–176 cm)"), a size table of the text read by its columns
(`catalog.size_table`), or a description sentence that charts the sizes ("Größe M passt für
55–70 cm, Größe L für 68–85 cm", "The inside leg is 81 cm in the regular length and 86 cm in the
long length"). The question's measurements are read by `catalog.measurements`. No chart, no
size: the caller says the product data does not tell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from catalog import (
    chart_slashes,
    sentence_rows,
    size_evidence,
    size_table,
    size_text_rules,
    table_measures,
)
from catalog.measurements import NOT_CM as _NOT_CM
from catalog.measurements import Measurement, find_measurement, find_measurements, measure_of
from catalog.models import Product
from catalog.option_heights import option_height_rows, option_measure_rows
from catalog.passages import product_sentences
from catalog.series_rows import series_rows
from catalog.variants import amount, option_kind, option_values

__all__ = ["ChartRow", "Measurement", "chart", "charted_measure", "find_measurement", "find_measurements", "kids_heights", "limit_verdict", "measure_of", "sizes_for", "usable_rows"]

_RANGE = sentence_rows.CM_RANGE  # "14–15.5 cm"
_KG_RANGE = re.compile(r"(\d{1,3})\s*(?:–|-|—|bis|to)\s*(\d{1,3})\s*kg", re.I)
_AGE_RANGE = re.compile(r"(\d{1,2})\s*(?:–|-|—|bis|to)\s*(\d{1,2})\s*(?:jahre?|j\.|years?|yrs?)", re.I)
_MONTH_RANGE = re.compile(r"(\d{1,2})\s*(?:–|-|—|bis|to)\s*(\d{1,2})\s*(?:monate?|m\.|months?)", re.I)
# the height beside an age in a kids' size ("6–7 Jahre (120 cm)", "4-5 years / 110 cm")
_AGE_HEIGHT = re.compile(r"(?:jahre?|j\.|years?|yrs?)\W{1,4}(\d{2,3})\s*cm\b", re.I)
# a value bounding a body weight on one side ("bis 20 kg", "up to 25 kg", "ab 36 kg", "over 35 kg", "max. 18 kg")
_KG_BOUND = re.compile(r"(?<!\d\s)(?<![\d–-])\b(bis|up to|unter|under|max\.?|maximal|ab|über|from|over|min\.?|mindestens)\s*(\d{1,3}(?:[.,]\d)?)\s*kg\b", re.I)
# German kids' clothing sizes are the child's height in cm: 104 fits up to 104 cm, 92/98 from 87 to 98 cm
_KIDS_SIZES = {50 + 6 * k for k in range(22)}  # 50, 56, … 176
_NUMBERS = re.compile(r"^\s*(\d{2,3})(?:\s*(?:/|–|-)\s*(\d{2,3}))?\s*(?:cm)?\s*$", re.I)


@dataclass(frozen=True)
class ChartRow:
    size: str  # the option value as the merchant wrote it
    option: str  # the option it belongs to
    low: float
    high: float
    measure: str | None  # None: the chart does not say what it measures
    source: str  # the option value or the sentence it comes from
    secondary: bool = False  # a second option's value by the wearer's height ("Long … for people taller than 1.85 m")


def charted_measure(product: Product, lang: str, cm: float) -> str | None:
    """The measure a bare number of cm most likely means for this product: the one its size
    information charts, when the number lies near its range; none when an option is sold by length ("in 220 cm?" asks for that
    version); else a height when the number is one (140–215 cm, "bei 1,82 m")."""
    rows = [r for r in chart(product, lang) if r.measure and r.measure != "length" and not r.secondary]  # a garment length only when asked ("74 cm long")
    if len({r.measure for r in rows}) == 1 and min(r.low for r in rows) * 0.7 <= cm <= max(r.high for r in rows) * 1.3:
        return rows[0].measure
    lengths = [v for n, vs in option_values(product).items() if option_kind(product, n) != "color" for v in vs
               if (a := amount(v)) and a[0] == "length"]  # fmt: skip
    return "height" if not lengths and 140 <= cm <= 215 else None


def chart(product: Product, lang: str) -> list[ChartRow]:
    """Size chart rows from the size-like options' values and from the product's sentences; a
    second option's values by the wearer's height (`catalog.option_heights`) added."""
    rows = _chart(product, lang)
    rows += series_rows([s.text for s in product_sentences(product, lang)], rows, option_values(product), ChartRow)  # "26 entspricht der 52 bei 168–173 cm"
    by_height = {r.option for r in rows if r.measure == "height"}
    rows += [ChartRow(v, o, low, high, "height", s, secondary=True) for v, o, low, high, s in option_height_rows(product, lang) if o not in by_height]
    charted = {(r.option, r.measure) for r in rows}
    return rows + [ChartRow(v, o, low, high, m, s, secondary=True) for v, o, low, high, m, s in option_measure_rows(product, lang, measure_of) if (o, m) not in charted]


def _chart(product: Product, lang: str) -> list[ChartRow]:
    rows: list[ChartRow] = []
    kids: list[ChartRow] = []
    options = option_values(product)
    for name, values in options.items():
        if option_kind(product, name) == "color":
            continue
        named = measure_of(name)  # "Körpergröße": plain numbers ("116", "110/116") are that measure in cm
        if named is None and _kids_sizes(values):
            kids.extend(_kids_rows(name, values))
            continue
        for value in values:
            if row := _unit_row(name, value, values):
                rows.append(row)
                if row.measure == "age" and (h := _AGE_HEIGHT.search(value)):  # "6–7 Jahre (120 cm)": a kids' size by height too
                    rows.append(ChartRow(row.size, name, float(h.group(1)) - 5, float(h.group(1)), "height", value))
            elif m := _RANGE.search(value):
                label = value[: m.start()].strip(" (:") or value
                rows.append(ChartRow(label if label in values else value, name, _float(m.group(1)), _float(m.group(2)),
                                     named or measure_of(value), value))  # fmt: skip
            elif named and (m := _NUMBERS.match(value)):
                unit = _inches(named, values)
                rows.append(ChartRow(value, name, round(float(m.group(1)) * unit, 1), round(float(m.group(2) or m.group(1)) * unit, 1), named, value))
    if kids:  # the heights the merchant writes for the kids' sizes ("128 (122–134 cm)") win over the usual rule
        written = [r for r in _sentence_rows(product, lang, options) if r.measure in ("height", None) and r.size in {k.size for k in kids}]
        rows += [ChartRow(r.size, r.option, r.low, r.high, "height", r.source) for r in written] if len(written) >= 2 else kids
    table = _table_rows(product, lang, options)
    if table and all(r.measure == "length" for r in table):
        table = []  # a garment length only rides along a table of body measures
    if table:  # the text's size table names what each column measures
        covered = {r.measure for r in table}
        table += [r for r in rows if r.measure and r.measure not in covered]
        covered = {r.measure for r in table}  # a sentence charts what the table does not ("Schrittlänge: L30 = 76 cm")
        return table + [r for r in _sentence_rows(product, lang, options) if r.measure and r.measure not in covered]
    if rows:
        return rows
    return _sentence_rows(product, lang, options) or _foot_length_rows(product, lang, options)


# sizes that ARE the foot length in cm: an option named by the standard ("Mondopoint"), or a
# sentence equating them ("Mondopoint entspricht Ihrer Fußlänge in Zentimetern", "Größe =
# Fußlänge in cm", "Mondopoint is your foot length in cm", "sizes are foot lengths in cm")
_MONDOPOINT = re.compile(r"\bmondopoint\b", re.I)
_FOOT_EQUALS = re.compile(
    r"\b(?:mondopoint|größen?|grössen?|sizes?|nummern?)\s*(?:=|entspricht|entsprechen|ist|sind|is|are|equals?|corresponds? to)"
    r"\s*(?:ihre[rn]?|der|die|your|the)?\s*(?:fußlänge|fusslänge|foot\s+length)s?\s*(?:in|im)\s*(?:cm|zentimetern?|centimet(?:er|re)s?)\b",
    re.I,
)
_FOOT_SIZE = re.compile(r"\d{2}(?:[.,][05])?")


def _foot_length_rows(product: Product, lang: str, options: dict[str, list[str]]) -> list[ChartRow]:
    """Rows of sizes that are the foot length in cm (Mondopoint): each size fits a foot that long,
    a foot between two sizes the next one up."""
    equated = any(_FOOT_EQUALS.search(s.text) for s in product_sentences(product, lang)) or any(
        _MONDOPOINT.fullmatch(t.header[0].strip()) for t in size_table.tables(product, lang))  # a table's size column "Mondopoint"
    rows: list[ChartRow] = []
    for name, values in options.items():
        if option_kind(product, name) == "color" or not (equated or _MONDOPOINT.search(name)):
            continue
        if values and all(_FOOT_SIZE.fullmatch(v.strip()) and 9 <= _float(v) <= 35 for v in values):
            rows += [ChartRow(v, name, _float(v), _float(v), "foot", v) for v in values]
    return rows


def _sentence_rows(product: Product, lang: str, options: dict[str, list[str]]) -> list[ChartRow]:
    """Chart rows from the product's sentences: a length rule, else sizes with measures."""
    sentences = product_sentences(product, lang)
    texts = [s.text for s in sentences]
    seen: set[tuple] = set()
    if rows := _offset_rows(product, lang, texts, options, ranges=False):  # "Bundweite + 10 cm" wins over an example
        return rows
    # a line charting several measures per size ("34: Brust 80–83, Taille 62–65, Hüfte 86–89 cm"), read whole: a sentence
    # split at "S – Brust …" would give each size the numbers of the one before
    labelled = {line: found for line in size_table.text_lines(product, lang) if (found := _labelled_rows(line, product, options))}
    rows = [r for found in labelled.values() for r in found]
    seen |= {(r.size, r.low, r.high, r.measure) for r in rows}
    heading: str | None = None  # "Maßtabelle (Bundumfang, gemessen am Körper):" names the measure of the lines below
    carried: str | None = None  # the measure of the line before's rows, carried to the next row lines naming none
    slashed: list[str] = []  # "Size chart – waist / hip:": the measures of the lines below, in order
    for sentence in sentences:
        measure = measure_of(sentence.text)
        heading = measure if sentence.text.rstrip().endswith(":") else heading
        if listed := chart_slashes.heading_measures(sentence.text, lambda t: measure_of(t, cm=False)):
            slashed = listed
            continue
        if slashed and (split := [ChartRow(*row, sentence.text) for row in chart_slashes.slash_rows(sentence.text, slashed, options)]):
            rows += [r for r in split if (r.size, r.low, r.high, r.measure) not in seen]
            seen |= {(r.size, r.low, r.high, r.measure) for r in split}
            continue
        slashed = []
        if any(sentence.text.strip() in line for line in labelled):  # read whole above
            carried = None
            continue
        if formula := [ChartRow(*row, sentence.text) for row in size_text_rules.formula_rows(sentence.text, measure or heading, options)]:
            rows += [r for r in formula if (r.size, r.low, r.high) not in seen]  # "Größe 50 hat 90 cm Bund, jede weitere 4 cm mehr"
            seen |= {(r.size, r.low, r.high) for r in formula}
            continue
        ruled = [ChartRow(*row, sentence.text) for row in size_text_rules.text_rows(sentence.text, measure or heading or carried, options)]  # "Neck 42 cm → 55 cm"
        found = ruled + [r for r in [ChartRow(*row, sentence.text) for row in sentence_rows.rows_in_sentence(sentence.text, measure, options)] if r.size not in {x.size for x in ruled}]
        if carried and found and all(r.measure is None for r in found):  # a table's first line named it: "… Kragenweite … 39/40 39–40 cm" / "41/42 41–42 cm"
            found = [replace(r, measure=carried) for r in found]
        carried = found[0].measure if found and len({r.measure for r in found}) == 1 else None
        for row in found:
            if (row.size, row.low, row.high) not in seen:  # the same chart in a list and a sentence
                seen.add((row.size, row.low, row.high))
                rows.append(row)
    return rows or _offset_rows(product, lang, texts, options, ranges=True)  # "add 10–15 cm"


# a chart line's word for the waist that is no measure in running text ("Gummizug im Bund")
_WAIST_LABEL = re.compile(r"^(?:bund|waistband)$", re.I)
_MEASURE_UNIT = {"weight": "kg", "age": "years"}


def _labelled_rows(text: str, product: Product, options: dict[str, list[str]]) -> list[ChartRow]:
    """A line charting several measures of a size, each after its own word ("34: Brust 80–83,
    Taille 62–65, Hüfte 86–89 cm", "M: chest 96 cm, waist 80 cm", "Size 2: height 165–175 cm,
    weight 60–80 kg"): a row per measure, the unit written once at the end for all. Only when
    every number has a known measure and two or more differ; else the other readers decide."""
    sized = {v: n for n, vs in options.items() if option_kind(product, n) != "color" for v in vs}
    rows: list[ChartRow] = []
    for whole in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", text):  # "… L34 ab 175 cm. Innenbeinlänge L32 = 81 cm": two
        chunk = sentence_rows.plain_row(whole)  # "38R – EU 48 – chest 38 in (97 cm) – height 173–180 cm"
        found = size_evidence.line_evidence(chunk, list(sized))
        measures = [measure_of(e.label, cm=False) or ("waist" if _WAIST_LABEL.match(e.label) else None) for e in found]
        pairs = [(e.size, m) for e, m in zip(found, measures, strict=True)]
        if len(set(measures)) < 2 or None in measures or len(set(pairs)) < len(pairs) \
                or any(e.label not in chunk or e.unit != _MEASURE_UNIT.get(m or "", "cm") for e, m in zip(found, measures, strict=True)):
            continue  # a number whose word is not beside it, or a size with two numbers of one measure: the other readers
        rows += [ChartRow(e.size, sized[e.size], e.low, e.high, m, whole) for e, m in zip(found, measures, strict=True)]
    return rows


def _offset_rows(product: Product, lang: str, sentences: list[str], options: dict[str, list[str]], ranges: bool) -> list[ChartRow]:
    """Rows of a rule "size = a body measure + N cm" (`catalog.size_text_rules.offset_rows`), on
    the options' lengths or on a column of the text's table the rule names ("Innenlänge")."""
    def is_color(name: str) -> bool:
        return option_kind(product, name) == "color"

    def length_of(value: str) -> float | None:
        a = amount(value)
        return a[1] if a and a[0] == "length" else None

    rows = size_text_rules.offset_rows(sentences, options, measure_of, is_color, length_of, _length_columns(product, lang), ranges)
    return [ChartRow(size, option or next((n for n, vs in options.items() if size in vs), ""), *rest) for size, option, *rest in rows]


_HEAD_UNIT = re.compile(r"\s*\((cm|mm)\)\s*$", re.I)


def _length_columns(product: Product, lang: str) -> dict[str, list[tuple[str, float]]]:
    """The columns of the text's tables in cm or mm that name no body measure ("Innenlänge",
    "Innenlänge (cm)" over bare numbers), and lines listing a length per size ("Insole length:
    20 – 13.0 cm, 21 – 13.6 cm, …"): name -> [(size, cm)]."""
    out: dict[str, list[tuple[str, float]]] = {}
    for table in size_table.tables(product, lang):
        for column, name in enumerate(table.header[1:], start=1):
            index = size_table.column_of(table, column)
            if index is None or measure_of(name, cm=False) is not None:
                continue
            head = _HEAD_UNIT.search(name)
            cells = [(size, cells[index]) for size, cells, _ in table.rows if index < len(cells)]
            units = {c.unit or (head.group(1).lower() if head else "") for _, c in cells if isinstance(c, size_table.Cell)}
            if cells and all(isinstance(c, size_table.Cell) and c.low == c.high for _, c in cells) and units in ({"cm"}, {"mm"}):
                factor = 0.1 if units == {"mm"} else 1.0
                out.setdefault(_HEAD_UNIT.sub("", name), [(size, round(c.low * factor, 2)) for size, c in cells])  # type: ignore[union-attr]
    values = [v for n, vs in option_values(product).items() if option_kind(product, n) != "color" for v in vs]
    texts = [s.text for s in product_sentences(product, lang)]
    for text in texts:
        if (listed := size_text_rules.listed_lengths(text, values)) and measure_of(listed[0], cm=False) is None:
            out.setdefault(*listed)
    for name, lengths in size_text_rules.stacked_lengths(texts, values):  # "EU 25 – 16,4 cm" / … / "(Innenlänge)"
        if measure_of(name, cm=False) is None:
            out.setdefault(name, lengths)
    return out


def _float(number: str) -> float:
    return float(number.replace(",", "."))


# a column of the garment's own length ("Länge / length", "Gesamtlänge", "Length (cm)"), not a sleeve's or a leg's
GARMENT_LENGTH = re.compile(r"^\s*(?:gesamtlänge|länge|(?:total |garment |body )?length)\b", re.I)


def _column_measure(name: str) -> str | None:
    """The measure a table column names: a body measure, else the garment's length."""
    return measure_of(name, cm=False) or ("length" if GARMENT_LENGTH.search(name) else None)


def _table_rows(product: Product, lang: str, options: dict[str, list[str]]) -> list[ChartRow]:
    """Chart rows from the size tables of the product text (`catalog.size_table`)."""
    rows = []
    for table in size_table.tables(product, lang):
        measured = table_measures.measured_rows(table, _column_measure)
        group = measure_of(table.group) if table.group else None
        if group and group not in {m for _, m, *_ in measured} and (m := _RANGE.search(table.group)):
            # the group's line charts a measure for all its rows: normal, short and long sizes by height
            measured += [(size, group, _float(m.group(1)), _float(m.group(2)), f"{line} ({table.group})") for size, _, line in table.rows]
        for size, measure, low, high, line in measured:
            option = next((n for n, vs in options.items() if size in vs), "")
            rows.append(ChartRow(size, option, low, high, measure, line))
    return rows


# "ab 32 cm Schrittlänge", "from 95 cm", "bis 25 kg", "up to 120 cm"
_MIN = re.compile(r"\b(?:ab|from|mindestens|minimum|min\.|at least)\s+(?:[a-zäöüß]+\s+){0,3}?(\d{1,3}(?:[.,]\d)?)\s*(cm|kg)", re.I)
_MAX = re.compile(r"(?<!\d\s)(?<!\d)\b(?:bis|up to|höchstens|maximal|max\.|maximum)\s+(?:[a-zäöüß]+\s+){0,3}?(\d{1,3}(?:[.,]\d)?)\s*(cm|kg)", re.I)


def limit_verdict(sentence: str, measurement: Measurement) -> str | None:
    """'too_small' / 'too_large' / 'fits' when a sentence gives a minimum or maximum of that measure."""
    unit = "kg" if measurement.measure == "weight" else "cm"
    low = next((float(m.group(1).replace(",", ".")) for m in _MIN.finditer(sentence) if m.group(2).lower() == unit), None)
    high = next((float(m.group(1).replace(",", ".")) for m in _MAX.finditer(sentence) if m.group(2).lower() == unit), None)
    if low is None and high is None:
        return None
    if low is not None and measurement.cm < low:
        return "too_small"
    if high is not None and measurement.cm > high:
        return "too_large"
    return "fits"


def _inches(measure: str, values: list[str]) -> float:
    """2.54 for a waist or leg option numbered in inches (jeans "W32", "L34": all below 50), else 1."""
    numbers = [float(n) for v in values for n in re.findall(r"\d+", v)]
    return 2.54 if measure in ("waist", "inside_leg", "chest", "hip") and numbers and max(numbers) < 50 else 1.0


def kids_heights(product: Product) -> bool:
    """Whether the product is sized in German kids' sizes (the child's height: 104, 110/116)."""
    return any(option_kind(product, n) != "color" and measure_of(n) is None and _kids_sizes(vs) for n, vs in option_values(product).items())


def _kids_sizes(values: list[str]) -> bool:
    """Whether an option's values are German kids' sizes ("92", "104/110"; 50, 56 … 176)."""
    numbers = [int(n) for v in values for n in re.findall(r"\d+", v)]
    return bool(numbers) and all(re.fullmatch(r"\s*\d{2,3}(?:\s*/\s*\d{2,3})?\s*", v) for v in values) \
        and all(n in _KIDS_SIZES for n in numbers) and max(numbers) >= 74


def _kids_rows(name: str, values: list[str]) -> list[ChartRow]:
    """Kids' sizes as heights: 104 from 99 to 104 cm, 92/98 from 87 to 98 cm."""
    rows = []
    for value in values:
        numbers = [int(n) for n in re.findall(r"\d+", value)]
        rows.append(ChartRow(value, name, min(numbers) - 5, max(numbers), "height", value))
    return rows


def _unit_row(name: str, value: str, values: list[str]) -> ChartRow | None:
    """A value charting a weight ("15-20 kg") or an age ("3-4 years", "6-12 Monate")."""
    for pattern, measure, factor in ((_KG_RANGE, "weight", 1.0), (_AGE_RANGE, "age", 1.0), (_MONTH_RANGE, "age", 1 / 12)):
        if m := pattern.search(value):
            label = value[: m.start()].strip(" (:") or value
            low, high = float(m.group(1)) * factor, float(m.group(2)) * factor
            if measure == "age":  # "3-4 years" takes a child up to its fifth birthday
                high += factor * 0.99
            return ChartRow(label if label in values else value, name, round(low, 2), round(high, 2), measure, value)
    if m := _KG_BOUND.search(value):  # "XXS (bis 20 kg)", "up to 25 kg", "ab 36 kg"
        kg = float(m.group(2).replace(",", "."))
        low, high = (0.0, kg) if re.match(r"bis|up|unter|under|max|<|≤", m.group(1), re.I) else (kg, math.inf)
        return ChartRow(value, name, low, high, "weight", value)
    return None


def usable_rows(rows: list[ChartRow], measurement: Measurement, not_cm: Collection[str] = _NOT_CM) -> list[ChartRow]:
    """The rows that chart this measurement: those of its measure, and rows that do not say what
    they measure when the measurement lies near their numbers (a height of 168 cm is no chest of
    a chart of 80–106 cm)."""
    unnamed = [r for r in rows if r.measure is None and measurement.measure not in not_cm]
    finite = [r.high for r in unnamed if r.high != float("inf")]
    if unnamed and not min(r.low for r in unnamed) * 0.7 <= measurement.cm <= (max(finite) if finite else math.inf) * 1.3:
        unnamed = []
    return [r for r in rows if r.measure == measurement.measure or any(r is u for u in unnamed)]


def sizes_for(rows: list[ChartRow], measurement: Measurement) -> tuple[list[ChartRow], bool]:
    """(rows that fit the measurement, exact). Rows charting another measure are left out;
    a measure between two rows, or sizes named by a single measure, give the next one up (a
    kids' 122 fits up to 122 cm); outside the chart the nearest row comes with exact=False."""
    usable = usable_rows(rows, measurement, _NOT_CM)
    if not usable:
        return [], False
    inside = [r for r in usable if r.low <= measurement.cm <= r.high]
    if inside:
        return inside, True
    up = [r for r in usable if r.high >= measurement.cm]
    if up:  # between two sizes, or sizes named by one measure (a kids' 122 fits up to 122 cm): the next one up
        best = min(up, key=lambda r: r.high)
        if best.low == best.high or any(r.high < measurement.cm for r in usable):
            return [best], True
    nearest = min(usable, key=lambda r: min(abs(r.low - measurement.cm), abs(r.high - measurement.cm)))
    return [nearest], False
