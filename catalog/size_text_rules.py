"""Size rules merchants write in the descriptions of accessories, in German and English:
- the measures they size by: the wrist ("Handgelenk 15,5 – 17,5 cm"), the neck ("Neck 38 cm →
  50 cm"), a glasses frame's width ("frame width 134 mm"; a shopper's "138 mm breit");
- a line pairing a size with a measure range or point on either side ("Handgelenk bis 15,5 cm
  Armbandlänge 17 cm", "S = wrist 14–15.5 cm", "Size 55 – frame width 134 mm") or with an age
  range ("12 cm: 1–3 Jahre");
- an offset rule: the size is a body measure plus some cm ("Faustregel: Taillenumfang + 5 cm",
  "measure around your neck and add 10–15 cm", "Schlafsacklänge = Körpergröße + ca. 20 cm", "geben
  Sie 20 cm dazu – das ist die richtige Innenlänge");
- a row of the text's table that starts with a jeans waist size and ends with one of the
  product's sizes ("W32 90 cm 95").
This module imports nothing of the catalog's measure reading (which imports it); the caller
passes what it needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# measure -> the words naming it; inserted before weight, age and height (`with_accessories`)
ACCESSORY_MEASURES: dict[str, str] = {
    "wrist": r"handgelenk\w*|\bwrists?\b|armumfang",
    "neck": r"halsumfang|halsansatz|\bhals\b|\bnecks?\b|neck circumference",
    # a frame's width: named, or a width in mm the shopper gives ("138 mm breit", "132 mm wide")
    "frame": r"rahmenbreite|gesamtbreite|frame width|front width|(?<=mm\s)(?:breit|wide)\b",
}
# plausible values in cm of a number given without unit
ACCESSORY_PLAUSIBLE: dict[str, tuple[float, float]] = {"wrist": (10, 25), "neck": (25, 60), "frame": (10, 17)}


def with_accessories(measures: dict[str, str]) -> dict[str, str]:
    """The body measures with the accessories' inserted before "weight" (a measure named first wins)."""
    out: dict[str, str] = {}
    for key, words in measures.items():
        if key == "weight":
            out.update(ACCESSORY_MEASURES)
        out[key] = words
    return {**out, **{k: v for k, v in ACCESSORY_MEASURES.items() if k not in out}}


_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
# a measure in cm or mm: "15,5 – 17,5 cm", "bis 15,5 cm", "134 mm", "from 12 cm", "155 cm und größer"
_SPAN = re.compile(
    rf"(?:(?P<bound>bis|up to|unter|under|max\.?|ab|from|über|over|min\.?)\s+)?(?P<low>{_NUM})"
    rf"(?:\s*(?:–|-|—|bis|to)\s*(?P<high>{_NUM}))?\s*(?P<unit>cm|mm)\b"
    r"(?P<open>\s*(?:\+|(?:and|or|und|oder)\s+(?:taller|up|over|above|more|größer|grösser|mehr|darüber)\b))?", re.I)
_AGES = re.compile(r"\s*[:=–-]?\s*(?:für\s+|for\s+|ages?\s+|alter\s+)?(\d{1,2})\s*(?:–|-|—|bis|to)\s*(\d{1,2})\s*(?:jahren?|jahre?|j\.|years?|yrs?)(?![\w])", re.I)
_MAX = ("bis", "up to", "unter", "under", "max", "max.")
_MIN = ("ab", "from", "über", "over", "min", "min.")
_CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|[;|·•]|\s/\s")  # "15,5 cm" keeps its comma

Row = tuple[str, str, float, float, str]  # (size value, option, low, high, measure)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _span_range(m: re.Match) -> tuple[float, float]:
    """(low, high) in cm of a measure span ("bis 15,5 cm": 0–15.5; "ab 136 mm": 13.6 and up)."""
    factor = 0.1 if m.group("unit").lower() == "mm" else 1.0
    low = _number(m.group("low")) * factor
    high = _number(m.group("high")) * factor if m.group("high") else low
    bound = (m.group("bound") or "").lower()
    if m.group("open") and not m.group("high"):  # "155 cm und größer", "155 cm and taller"
        return low, float("inf")
    if bound in _MAX:
        return 0.0, high
    if bound in _MIN:
        return low, float("inf")
    return round(low, 2), round(high, 2)


def _value_at(text: str, value: str) -> list[re.Match]:
    return list(re.finditer(rf"(?<![\w/-]){re.escape(value)}(?![\w/-])", text, re.I if len(value) > 2 else 0))


def text_rows(sentence: str, measure: str | None, options: dict[str, list[str]]) -> list[Row]:
    """Chart rows of one sentence pairing a size value with a measure in the same clause: an
    age range after it (any sentence), or — in a sentence naming `measure` — a range or point in
    cm or mm before the value ("Handgelenk bis 15,5 cm Armbandlänge 17 cm", "Neck 42 cm → 55 cm")
    or after it ("S = wrist 14–15.5 cm", "Size 55 – frame width 134 mm"), nothing but words
    between them."""
    rows: list[Row] = []
    for option, values in options.items():
        for value in values:
            for m in _value_at(sentence, value):
                if age := _AGES.match(sentence, m.end()):
                    rows.append((value, option, float(age.group(1)), float(age.group(2)) + 0.99, "age"))
                    break
                if measure is None:
                    continue
                if row := _before(sentence[: m.start()], value, option, measure) or _after(sentence[m.end():], value, option, measure, values):
                    rows.append(row)
                    break
    return rows


def _before(before: str, value: str, option: str, measure: str) -> Row | None:
    """The measure in the clause before the value, the first number in it."""
    clause = _CLAUSE.split(before)[-1]
    spans = list(_SPAN.finditer(clause))
    if len(spans) != 1 or re.search(r"\d", clause[: spans[0].start()]) or re.search(r"\d", clause[spans[0].end():]):
        return None
    low, high = _span_range(spans[0])
    return value, option, low, high, measure


def _after(after: str, value: str, option: str, measure: str, values: list[str]) -> Row | None:
    """The first measure in the clause after the value, only words between."""
    clause = _CLAUSE.split(after)[0]
    span = _SPAN.search(clause)
    if span is None or re.search(r"\d", clause[: span.start()]) or any(_value_at(clause[: span.start()], v) for v in values if v != value):
        return None
    low, high = _span_range(span)
    return value, option, low, high, measure


# the one reader of "size = a body measure + N cm": "Schlafsacklänge = Körpergröße + ca. 20 cm", "Taillenumfang + 5 cm",
# "add 10–15 cm", "addieren Sie 1 cm", "geben Sie 20 cm dazu", "etwa 10 cm größer als Ihre Bundweite"
_NUM_CM = r"\d{1,2}(?:[.,]\d)?"
_OFFSET = re.compile(
    r"(?P<add>\+|\bplus\b|\badd(?:ing)?\b|\baddieren sie\b|\bzuzüglich\b|\bzzgl\.)\s*(?:ca\.\s*|etwa\s*|about\s*|approx\.?\s*|~\s*)?"
    rf"(?P<low>{_NUM_CM})(?:\s*(?:–|-|bis|to)\s*(?P<high>{_NUM_CM}))?\s*(?P<unit>cm|mm)\b"
    rf"|(?P<low2>{_NUM_CM})(?:\s*(?:–|-|bis|to)\s*(?P<high2>{_NUM_CM}))?\s*(?P<unit2>cm|mm)\s+"
    r"(?:(?P<more>größer|länger|mehr|more|longer|larger|bigger)\s+(?:sein\s+)?(?:als|than)\b"
    r"|dazu|hinzu|zugeben|addieren|extra|zugabe\b|spielraum\b|(?:of\s+)?(?:allowance|room|toe room)\b)",
    re.I)
_LENGTH_WORD = re.compile(r"(?:l[äa]nge|length|größe des kindes)(?:\s+(?:in|im)\s+(?:cm|zentimetern?))?\s*$", re.I)
_ABOUT = re.compile(r"\b(?:etwa|ca\.|circa|ungefähr|about|approx\w*|roughly)\s", re.I)
_ROUND_UP = re.compile(r"aufrunden|round(?:ing)? up|nächste\w* (?:verfügbare|größere)|next (?:available|larger)", re.I)
_LENGTH_NAME = re.compile(r"l[äa]nge|length", re.I)
_CM_VALUE = re.compile(r"\s*(\d{2,3}(?:[.,]\d)?)(?:\s*/\s*(\d{2,3}))?\s*(?:cm)?\s*")  # "85", "90 cm", a collar's "39/40"

OffsetRow = tuple[str, str, float, float, str, str]  # (size value, option, low, high, measure, sentence)


def offset_rows(sentences: list[str], options: dict[str, list[str]], measure_of: Callable[[str], str | None],
                is_color: Callable[[str], bool], length_of: Callable[[str], float | None],
                columns: dict[str, list[tuple[str, float]]] | None = None, ranges: bool = False) -> list[OffsetRow]:
    """Rows of the first sentence saying a size is a body measure plus some cm. A height's or a
    length's rule ("Körpergröße + ca. 20 cm") and a rule naming a column of the text's table
    ("… geben Sie 20 cm dazu – das ist die richtige Innenlänge") are a minimum: each size fits
    up to its length minus the offset, from where the size before ends. Any other measure
    ("Taillenumfang + 5 cm", a collar's "addieren Sie 1 cm") fits the size minus the offset, and
    with "about" the nearest size ("etwa 10 cm größer als Ihre Bundweite"; "10 cm größer als" is
    said of a length option only). A range ("add 10–15 cm") counts its middle, only with
    `ranges`: the caller prefers an exact rule, then the text's own pairs. `length_of` gives a
    value's length in cm ("2,2 m"); `columns`: the text's table columns, name -> [(size, cm)]."""
    for k, sentence in enumerate(sentences):
        after = sentences[k + 1] if k + 1 < len(sentences) else ""  # "… 12 mm Zugabe. Dann die Größe, deren Innenlänge …"
        for m in _OFFSET.finditer(sentence):
            if rows := _rule_rows(sentence, m, options, measure_of, is_color, length_of, columns or {}, ranges, after):
                return rows
    return []


def _rule_rows(sentence: str, m: re.Match, options: dict[str, list[str]], measure_of: Callable[[str], str | None],
               is_color: Callable[[str], bool], length_of: Callable[[str], float | None],
               columns: dict[str, list[tuple[str, float]]], ranges: bool, after: str = "") -> list[OffsetRow]:
    """The rows of one rule (`offset_rows`); the column it names may be in the sentence after."""
    high = m.group("high") or m.group("high2")  # "add 10–15 cm", "1,0 bis 1,5 cm länger sein als der Fuß"
    if high and not ranges:
        return []
    low = _number(m.group("low") or m.group("low2"))
    offset = (low + _number(high)) / 2 if high else low
    if (m.group("unit") or m.group("unit2")).lower() == "mm":  # "12 mm Zugabe"
        offset = round(offset / 10, 2)
    if m.group("more"):  # "10 cm größer als Ihre Bundweite": the measure right after the comparison
        measure = measure_of(sentence[m.end(): m.end() + 40])
    else:
        measure = measure_of(sentence) or ("height" if _LENGTH_WORD.search(sentence[: m.start()]) else None)
    if measure is None:
        return []
    column = next((name for text in (sentence, after) for name in columns
                   if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I)), None)
    if column:  # "das ist die richtige Innenlänge": that column of the table, a minimum
        return _minimum([(size, "", cm) for size, cm in columns[column]], offset, measure, sentence)
    sized: list[tuple[str, str, float, float]] = []  # (value, option, cm, cm of a pair's second)
    for option, values in options.items():
        if is_color(option):
            continue
        for value in values:
            length = length_of(value)
            if length is None and (n := _CM_VALUE.fullmatch(value)) and (_LENGTH_NAME.search(option) or not m.group("more")):
                length = _number(n.group(1))
                sized.append((value, option, length, _number(n.group(2) or n.group(1))))
            elif length is not None:
                sized.append((value, option, length, length))
    sized = [x for x in sized if x[2] > offset]
    if measure == "height":
        return _minimum([(v, o, cm) for v, o, cm, _ in sized], offset, measure, sentence)
    half = 0.0
    if _ABOUT.search(sentence) and not _ROUND_UP.search(sentence):
        lengths = sorted({x[2] for x in sized})
        half = min((b - a for a, b in zip(lengths, lengths[1:], strict=False)), default=0) / 2
    return [(v, o, round(a - offset - half, 1), round(b - offset + half, 1), measure, sentence) for v, o, a, b in sized]


def _minimum(sized: list[tuple[str, str, float]], offset: float, measure: str, sentence: str) -> list[OffsetRow]:
    """Each size fits a measure up to its length minus the offset, above the size before's."""
    rows: list[OffsetRow] = []
    before = 0.0
    for value, option, cm in sorted(sized, key=lambda x: x[2]):
        high = round(cm - offset, 1)
        rows.append((value, option, round(before + 0.1, 1) if rows else 0.0, high, measure, sentence))
        before = high
    return rows


# a chart as a formula: "Größe 50 hat einen Bundumfang von 90 cm, jede weitere Größe hat 4 cm mehr", "Size 50 has a 90 cm
# waist; each size up adds 4 cm"
_FORMULA = re.compile(
    r"\b(?:größe|grösse|gr\.|size)\s+(?P<size>\d{1,3})\s+(?:hat|has|is|entspricht|equals|=|:)[^\d.;]{0,40}?(?P<cm>\d{2,3}(?:[.,]\d)?)\s*cm\b"
    r"[^\d.]{0,60}?\b(?:jede|each|every)\s+(?:\w+\s+){0,2}?(?:größe|grösse|size|nummer)\b[^\d.;]{0,25}?(?P<step>\d{1,2}(?:[.,]\d)?)\s*cm\b",
    re.I)


def formula_rows(sentence: str, measure: str | None, options: dict[str, list[str]]) -> list[Row]:
    """Rows of a chart written as a formula: a base size's measure and the step per size ("Größe 50
    hat einen Bundumfang von 90 cm, jede weitere Größe hat 4 cm mehr … jede kleinere 4 cm weniger"),
    for every numbered size of the base's option; the step between sizes is their usual gap."""
    m = _FORMULA.search(sentence)
    if m is None or measure is None:
        return []
    base, cm, step = int(m.group("size")), _number(m.group("cm")), _number(m.group("step"))
    for option, values in options.items():
        numbers = sorted({int(v) for v in values if v.strip().isdigit()})
        if base not in numbers or len(numbers) < 2:
            continue
        gap = min(b - a for a, b in zip(numbers, numbers[1:], strict=False))
        return [(str(n), option, round(cm + (n - base) / gap * step, 1), round(cm + (n - base) / gap * step, 1), measure)
                for n in numbers]  # fmt: skip
    return []


# a list of a length per size in one line: "Insole length: 20 – 13.0 cm, 21 – 13.6 cm, …", "Innenlänge (mm): 19 = 125 | 20 = 131"
_LIST = re.compile(r"^\s*(?P<name>[^\W\d_][^\d:()]{2,40}?)\s*(?:\((?P<head>cm|mm)\))?\s*:\s*(?P<items>.+?)[.\s]*$", re.I)
_ITEM_SPLIT = re.compile(r"(?<!\d),|,(?!\d)|[;|·]")


def listed_lengths(sentence: str, values: list[str]) -> tuple[str, list[tuple[str, float]]] | None:
    """(the list's name, [(size, cm)]) of a line giving one length per size ("Insole length: 20 –
    13.0 cm, 21 – 13.6 cm, 22 – 14.3 cm"); three or more sizes, every item one."""
    m = _LIST.match(sentence)
    if m is None:
        return None
    out: list[tuple[str, float]] = []
    for item in _ITEM_SPLIT.split(m.group("items")):
        pair = re.fullmatch(rf"\s*(?P<size>\S+?)\s*(?:–|-|—|=|:)\s*(?P<n>{_NUM})\s*(?P<unit>cm|mm)?\s*", item, re.I)
        unit = ((pair.group("unit") if pair else None) or m.group("head") or "").lower()
        if pair is None or pair.group("size") not in values or not unit:
            return None
        out.append((pair.group("size"), round(_number(pair.group("n")) / (10 if unit == "mm" else 1), 2)))
    return (m.group("name").strip(), out) if len(out) >= 3 else None


# one line per size giving a length, the column's name on the line before ("Innenlänge:") or after in brackets
# ("(Innenlänge)"): "EU 25 – 16,4 cm" / "Size 30: 19.8 cm"
_STACKED = re.compile(rf"\s*(?:eu|uk|us|gr\.|größe|grösse|size)?\s*(?P<size>\S+?)\s*(?:–|-|—|=|:)\s*(?P<n>{_NUM})\s*(?P<unit>cm|mm)\s*\.?\s*", re.I)
_STACKED_NAME = re.compile(r"\s*\(?\s*(?P<name>[^\W\d_][^\d:()]{2,40}?)\s*(?:\((?:cm|mm)\))?\s*[:)]?\s*", re.I)


def stacked_lengths(sentences: list[str], values: list[str]) -> list[tuple[str, list[tuple[str, float]]]]:
    """[(the column's name, [(size, cm)])] of runs of three or more lines each giving one size's
    length ("EU 25 – 16,4 cm" / "EU 26 – 17,0 cm" / … / "(Innenlänge)", "Insole length:" / "Size 30:
    19.8 cm" / …), named by a short line right before (ending in ":") or right after (in brackets)."""
    out: list[tuple[str, list[tuple[str, float]]]] = []
    k = 0
    while k < len(sentences):
        run: list[tuple[str, float]] = []
        j = k
        while j < len(sentences) and (m := _STACKED.fullmatch(sentences[j])) and m.group("size") in values:
            run.append((m.group("size"), round(_number(m.group("n")) / (10 if m.group("unit").lower() == "mm" else 1), 2)))
            j += 1
        if len(run) >= 3:
            before = sentences[k - 1] if k else ""
            after = sentences[j] if j < len(sentences) else ""
            name = (_STACKED_NAME.fullmatch(after) if after.strip().startswith("(") else None) or (
                _STACKED_NAME.fullmatch(before) if before.rstrip().endswith(":") else None)
            if name:
                out.append((name.group("name").strip(), run))
        k = max(j, k + 1)
    return out


# a jeans waist size ("W32", "W 36")
_JEANS_WAIST = re.compile(r"\bW\s?(\d{2})\b")


def row_size(lines: list[str], values: list[str], text: str) -> tuple[str, str, str] | None:
    """(the product's size, the size as said, the row) for a jeans waist size the question
    gives ("Meine Jeans ist W32") where a row of the text's table starts with it and ends with
    one of the product's sizes ("W32 90 cm 95")."""
    m = _JEANS_WAIST.search(text)
    if m is None:
        return None
    said = f"W{m.group(1)}"
    for line in lines:
        if re.match(rf"\s*W\s?{m.group(1)}\b", line, re.I):
            last = line.split()[-1].strip(".;,")
            if last in values:
                return last, said, line.strip()
    return None


# "US-Grösse 7", "UK size 9": the system and the number, as the conversions read them ("US 7")
_SYSTEM_SIZE = re.compile(r"\b(uk|us|eu)[\s-]*(?:size|gr(?:ö|oe|o)(?:ß|ss)e)\s*(?=\d)", re.I)


def plain_system_size(text: str) -> str:
    """"US-Grösse 7" -> "US 7" (Swiss spelling and a hyphen included)."""
    return _SYSTEM_SIZE.sub(lambda m: f"{m.group(1)} ", text)


# a height in feet and inches with its cm beside it ("4'9\"–5'1\" (145–155 cm)"): read as the cm
IMPERIAL_CM = re.compile(
    r"\d'\s?\d{0,2}(?:\"|''|”|″)?\s*(?:(?:–|-|—|to)\s*\d'\s?\d{0,2}(?:\"|''|”|″)?\s*)?"
    r"\((\d{2,3}(?:[.,]\d)?(?:\s*(?:–|-|—)\s*\d{2,3}(?:[.,]\d)?)?\s*cm)\)")
# a row open at the top: "over 152 cm", "ab 155 cm", "155 cm and taller", "155 cm und größer", "155 cm+"
_OPEN_TOP = re.compile(
    r"\b(?:over|über|ab|from|min\.)\s+(\d{2,3}(?:[.,]\d)?)\s*cm\b"
    r"|(\d{2,3}(?:[.,]\d)?)\s*cm\s*(?:(?:and|or|und|oder)\s+(?:taller|up|over|above|more|größer|grösser|mehr|darüber)\b|\+)", re.I)


def open_top(after: str, blocked: Callable[[str], bool]) -> float | None:
    """The minimum of a row open at the top in the text after a size value; None when `blocked`
    by what stands before it (another value, another amount)."""
    m = _OPEN_TOP.search(after)
    if m is None or blocked(after[: m.start()]):
        return None
    return _number(m.group(1) or m.group(2))
