"""Size rules merchants write in the descriptions of accessories, in German and English:
- the measures they size by: the wrist ("Handgelenk 15,5 – 17,5 cm"), the neck ("Neck 38 cm →
  50 cm"), a glasses frame's width ("frame width 134 mm"; a shopper's "138 mm breit");
- a line pairing a size with a measure range or point on either side ("Handgelenk bis 15,5 cm
  Armbandlänge 17 cm", "S = wrist 14–15.5 cm", "Size 55 – frame width 134 mm") or with an age
  range ("12 cm: 1–3 Jahre");
- an offset rule: the size is a body measure plus some cm ("Faustregel: Taillenumfang + 5 cm",
  "measure around your neck and add 10–15 cm");
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
# a measure in cm or mm: "15,5 – 17,5 cm", "bis 15,5 cm", "134 mm", "from 12 cm"
_SPAN = re.compile(
    rf"(?:(?P<bound>bis|up to|unter|under|max\.?|ab|from|über|over|min\.?)\s+)?(?P<low>{_NUM})"
    rf"(?:\s*(?:–|-|—|bis|to)\s*(?P<high>{_NUM}))?\s*(?P<unit>cm|mm)\b", re.I)
_AGES = re.compile(r"\s*[:=–-]?\s*(?:für\s+|for\s+|ages?\s+|alter\s+)?(\d{1,2})\s*(?:–|-|—|bis|to)\s*(\d{1,2})\s*(?:jahren?|jahre?|j\.|years?|yrs?)(?![\w])", re.I)
_MAX = ("bis", "up to", "unter", "under", "max", "max.")
_MIN = ("ab", "from", "über", "over", "min", "min.")
_CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|[;|]|\s/\s")  # "15,5 cm" keeps its comma

Row = tuple[str, str, float, float, str]  # (size value, option, low, high, measure)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _span_range(m: re.Match) -> tuple[float, float]:
    """(low, high) in cm of a measure span ("bis 15,5 cm": 0–15.5; "ab 136 mm": 13.6 and up)."""
    factor = 0.1 if m.group("unit").lower() == "mm" else 1.0
    low = _number(m.group("low")) * factor
    high = _number(m.group("high")) * factor if m.group("high") else low
    bound = (m.group("bound") or "").lower()
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


# "Taillenumfang + 5 cm", "rechnen Sie + 5 cm", "add 10–15 cm", "plus 2 cm", "2 cm dazu"
_ADD = re.compile(
    r"(?:\+|\bplus\b|\badd(?:ing)?\b|\baddieren sie\b|\bzuzüglich\b|\bzzgl\.)\s*(?:ca\.\s*|etwa\s*|about\s*|approx\.?\s*|~\s*)?"
    r"(?P<low>\d{1,2}(?:[.,]\d)?)(?:\s*(?:–|-|bis|to)\s*(?P<high>\d{1,2}(?:[.,]\d)?))?\s*cm"
    r"|(?P<low2>\d{1,2}(?:[.,]\d)?)\s*cm\s+(?:dazu|hinzu|zugeben|addieren|extra)", re.I)


def offset_rows(sentences: list[str], options: dict[str, list[str]], measure_of: Callable[[str], str | None],
                is_color: Callable[[str], bool], ranges: bool = True) -> list[tuple[str, str, float, float, str, str]]:
    """A size that is a body measure plus some cm, said in one sentence with the measure
    ("Faustregel: Taillenumfang + 5 cm"; a range "add 10–15 cm" counts its middle, only with
    `ranges`: the caller prefers the text's own pairs to it, an exact rule to them): each size
    in cm (a length, a bare number or a pair, "39/40") fits that measure at the size minus the offset. A height
    rule is `catalog.size_chart`'s own."""
    for sentence in sentences:
        m = _ADD.search(sentence)
        measure = measure_of(sentence) if m else None
        if m is None or measure in (None, "height") or (m.group("high") and not ranges):
            continue
        low = _number(m.group("low") or m.group("low2"))
        offset = (low + _number(m.group("high"))) / 2 if m.group("high") else low
        rows = []
        for option, values in options.items():
            if is_color(option):
                continue
            for value in values:  # "85", "90 cm", a collar's "39/40"
                if (n := re.fullmatch(r"\s*(\d{2,3}(?:[.,]\d)?)(?:\s*/\s*(\d{2,3}))?\s*(?:cm)?\s*", value)) and _number(n.group(1)) > offset:
                    low, high = round(_number(n.group(1)) - offset, 1), round(_number(n.group(2) or n.group(1)) - offset, 1)
                    rows.append((value, option, low, high, measure, sentence))
        if rows:
            return rows
    return []


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
