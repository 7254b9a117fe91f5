"""Whether a shopper's message names one option value of a product as the merchant wrote it.

Merchants write values with a note in brackets ("Weit (2E)", "Extra warm (Winter)", "56 cm (L)"),
shoppers say the value inflected ("in der weiten Ausführung"), in the other language ("wide",
"summer"; not the words that mostly mean something else: "right size", "one left", "how long"), short values in capitals ("ML", "II") or only the range that sets one apart ("the
140–160 sheet" of "140–160 × 200 cm"). Values are matched as words, never inside a word.
"""

from __future__ import annotations

import re

from catalog.size_values import same_dimensions

# one word of a value and its word in the other language (both ways)
_PAIRS = (
    ("weit", "wide"), ("schmal", "narrow"), ("kurz", "short"), ("normal", "regular"), ("normal", "standard"),
    ("kurz", "petite"), ("short", "petite"), ("lang", "tall"), ("long", "tall"),  # petite and tall lengths
    ("sommer", "summer"), ("ganzjahr", "all year"), ("ganzjahr", "all-season"), ("ganzjahres", "all-season"),
)  # fmt: skip
_OTHER_LANGUAGE: dict[str, set[str]] = {}
for _a, _b in _PAIRS:
    _OTHER_LANGUAGE.setdefault(_a, set()).add(_b)
    _OTHER_LANGUAGE.setdefault(_b, set()).add(_a)

_INFLECTED = r"(?:e|en|er|es|em|n|s)?"  # "weit" in "weiten", "lang" in "langer", "leicht" in "leichte"
_RANGE = re.compile(r"(\d{1,3})\s*[-–]\s*(\d{1,3})")
_SIZE_WORDS = r"(?:size|größe|groesse|grösse|gr\.?)"


def value_forms(value: str, name_words: frozenset[str] = frozenset()) -> list[str]:
    """The ways a value may be named: whole, without its bracketed note and the note alone
    ("Weit (2E)" -> "weit (2e)", "weit", "2e"), the name before its measure ("Duschtuch 70×140 cm"
    -> "duschtuch"), lower case, with the other language's word."""
    value = value.strip().lower()
    forms = [value]
    if m := re.fullmatch(r"(.+?)\s*\((.+)\)", value):
        forms += [m.group(1).strip(), m.group(2).strip()]
    m = re.fullmatch(r"([^\W\d]{4,})\s+\d.*", value)  # "Duschtuch 70×140 cm": the name before its measure,
    if m and m.group(1) not in name_words:  # unless the product is called so ("Frottier-Handtuch": "Handtuch 50×100 cm")
        forms.append(m.group(1))
    forms += [other for form in list(forms) for other in sorted(_OTHER_LANGUAGE.get(form, ()))]
    return [f for f in dict.fromkeys(forms) if len(f) >= 3 and not f.isdigit()]


def _form_in(form: str, text: str) -> bool:
    ending = _INFLECTED if form[-1].isalpha() and len(form) >= 4 else ""
    return re.search(rf"(?<![\w-]){re.escape(form)}{ending}(?!\w|-\d)", text) is not None


def _capitals_in(value: str, option: str, text: str) -> bool:
    """A value in capitals ("ML", "II") said in capitals as a word of its own; a single letter
    ("I") only after the option's name or "size"."""
    if not re.fullmatch(r"[A-Z]{1,4}", value):
        return False
    before = rf"(?i:{_SIZE_WORDS}|{re.escape(option)})\s+" if len(value) == 1 else r"(?<![\w'’-])"
    return re.search(rf"{before}{value}(?![\w'’-])", text) is not None


def _range_in(value: str, values: list[str], text: str) -> bool:
    """"the 140–160 sheet": a range in the text that is in this value and in no other."""
    for m in _RANGE.finditer(text):
        pair = m.groups()
        if pair in {r.groups() for r in _RANGE.finditer(value)} and all(
            pair not in {r.groups() for r in _RANGE.finditer(other)} for other in values if other != value):
            return True
    return False


_SPAN = r"(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?"
_DIMENSION_SPANS = re.compile(rf"{_SPAN}\s*[x×]\s*{_SPAN}", re.I)
_TEXT_DIMENSIONS = re.compile(r"(?<![\d.,–-])(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)(?!\s*[-–]?\s*\d)", re.I)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _dimensions_within(value: str, text: str) -> bool:
    """"140x200" in the text lies within the value "140–160 × 200 cm" (a fitted sheet's range)."""
    v = _DIMENSION_SPANS.search(value)
    if v is None or (v.group(2) is None and v.group(4) is None):
        return False  # no range: only the same dimensions name it (`same_dimensions`)
    spans = [(_number(v.group(1)), _number(v.group(2) or v.group(1))), (_number(v.group(3)), _number(v.group(4) or v.group(3)))]
    return any(all(low <= _number(n) <= high for n, (low, high) in zip(m.groups(), spans, strict=True))
               for m in _TEXT_DIMENSIONS.finditer(text))  # fmt: skip


def names_value(value: str, values: list[str], option: str, text: str, name_words: frozenset[str] = frozenset()) -> bool:
    """Whether the text names this value of the option (`values`: all of the option's values;
    `name_words`: the lower-case words of the product's name)."""
    if _capitals_in(value.strip(), option, text) or same_dimensions(value, text) or _dimensions_within(value, text):
        return True
    if _range_in(value, values, text):
        return True
    lowered = text.lower()
    return any(_form_in(form, lowered) for form in value_forms(value, name_words))
