"""Size values and the numbers in a question that name them: "M" is "m", "S/M" and "42-44"
hold the sizes in them, "60 x 120" is "60 x 120 cm", a bare "140" is one of the product's
sizes, "W32 L34" gives two numbered options by name (`catalog.variants`)."""

from __future__ import annotations

import re

from catalog.fashion_measures import band_and_cup_values
from catalog.sizes import LETTERS, normalize_letter

# a size word merchants write before the number of the value ("Gr. 3", "Größe 3", "Size 3")
_SIZE_WORD = re.compile(r"^\s*(?:gr\.?|größe|grösse|groesse|size|sz\.?)\s*(?=\d)", re.I)


def bare_size(value: str) -> str:
    """The value without a size word before its number ("Gr. 3" -> "3")."""
    return _SIZE_WORD.sub("", value).strip()


def size_key(value: str) -> str:
    return normalize_letter(bare_size(value).replace(",", ".")).upper()


SIZE_RANGE = re.compile(r"^\s*(\d{1,3}(?:[.,]5)?)\s*(?:-|–|/|bis|to)\s*(\d{1,3}(?:[.,]5)?)\s*$")


def same_size(value: str, wanted: str) -> bool:
    """'M' is 'm', '2XL' is 'XXL', and a range value ('42-44', '39/40') holds the sizes in it."""
    if size_key(value) == size_key(wanted):
        return True
    if size_key(wanted) in LETTERS:  # "S/M", "L (52)", "XL-XXL" hold the letters they name
        return size_key(wanted) in {size_key(p) for p in re.split(r"[/\s()–-]+", value) if p}
    m = SIZE_RANGE.match(value)
    try:
        number = float(wanted.replace(",", "."))
    except ValueError:
        return False
    return bool(m) and float(m.group(1).replace(",", ".")) <= number <= float(m.group(2).replace(",", "."))


LETTER = r"(XXS|XS|S|M|L|XL|XXL|XXXL|2XL|3XL)"
# a letter in any case after the words that give a size: "i usually wear l", "ich trage m", "size s"
LETTER_AFTER = re.compile(
    r"\b(?:wear|wearing|take|taking|am|i'm|im|a|an|size|größe|groesse|grösse|gr\.?|trage|nehme|habe|bin|in|die|the)\s+"
    rf"{LETTER}(?![\w'’])", re.I)
WORD_SIZES = {"extra small": "XS", "x-small": "XS", "small": "S", "medium": "M", "large": "L",
               "extra large": "XL", "x-large": "XL", "xx-large": "XXL"}  # fmt: skip
WORD_SIZE = re.compile(
    r"\b(?:wear|wearing|take|am|i'm|im|a|an|size|in|usually|normally)\s+(?:a\s+|an\s+|size\s+)?(?:(?:uk|us|eu)\s+)?"
    r"(extra small|x-small|small|medium|extra large|x-large|xx-large|large)\b", re.I)
# the size word that opens a short question: "small in sage?", "Medium?", "large, in black?"
WORD_SIZE_FIRST = re.compile(
    r"^\s*(extra small|x-small|small|medium|extra large|x-large|xx-large|large)(?=\s+(?:in|im|for|please|bitte)\b|\s*[?,!]|\s*$)", re.I)


# short and long names of numbered options: "W32 L34", "Weite 32", "inseam 34"
_OPTION_ALIASES = {"waist": ("w", "waist", "weite", "bundweite", "taille"), "weite": ("w", "waist", "weite", "bundweite", "width"),
                   "breite": ("breite", "width", "weite"), "width": ("width", "weite", "breite"),  # a shoe's "Weite 11" is its width
                   "bundweite": ("w", "waist", "weite", "bundweite"), "length": ("l", "length", "länge", "inseam", "leg"),
                   "länge": ("l", "length", "länge", "inseam", "beinlänge", "leg"), "inseam": ("l", "length", "inseam", "länge"),
                   "beinlänge": ("l", "länge", "beinlänge", "length", "inseam")}  # fmt: skip


def named_numbers(options: dict[str, list[str]], text: str) -> dict[str, str]:
    """The numbers the text gives options by their names: "W32 L34", "Weite 34 Länge 32" (name
    first) or "32 waist, 30 length" (number first); the reading that names more options wins."""
    readings: list[dict[str, str]] = [{}, {}]
    for name, values in options.items():
        aliases = _OPTION_ALIASES.get(name.strip().lower(), (name.strip().lower(),))
        words = "|".join(sorted((re.escape(a) for a in aliases), key=len, reverse=True))
        forms = (rf"(?<![\w-])(?:{words})\s*[:=]?\s*(\d{{2,3}})(?![\d.,])", rf"(?<![\w.,])(\d{{2,3}})\s*(?:{words})\b")
        for reading, form in zip(readings, forms, strict=True):
            m = re.search(form, text, re.I)
            if m and (any(same_size(v, m.group(1)) for v in values) or all(v.strip().isdigit() for v in values)):
                reading[name] = m.group(1)
    readings.append(_pair(options, text))
    readings.append(band_and_cup_values(options, text))  # "34D" of a bra sold by band and cup
    return max(readings, key=len)


_PAIR = re.compile(r"(?<![\w./-])(\d{2})\s*/\s*(\d{2})(?![\w/]|[.,]\d)")


def _pair(options: dict[str, list[str]], text: str) -> dict[str, str]:
    """"32/34" on a product with a waist and a length option: the waist, then the length (the
    jeans way of writing W32 L34)."""
    kinds = {name: _OPTION_ALIASES.get(name.strip().lower(), ("", ""))[1] for name in options}
    waist = next((n for n, k in kinds.items() if k == "waist"), None)
    length = next((n for n, k in kinds.items() if k == "length"), None)
    m = _PAIR.search(text)
    if not (waist and length and m):
        return {}
    if any(same_size(v, m.group(1)) for v in options[waist]) and any(same_size(v, m.group(2)) for v in options[length]):
        return {waist: m.group(1), length: m.group(2)}
    return {}


_DIMENSIONS = re.compile(r"(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)(?:\s*[x×]\s*(\d+(?:[.,]\d+)?))?", re.I)
# a number that is no size: followed by a unit or a word counting something else
_NOT_A_SIZE_AFTER = re.compile(r"\s*(?:cm|mm|m\b|kg|kilos?\b|lbs?\b|pounds?\b|st\b|stone\b|g\b|€|eur|euro|%|jahre|jahren|years?|monate|months?|tage|days?|wochen|weeks?|stück|x\b|zoll|inch|l\b|ml|-?(?:paar|pairs?|packs?|er-?pack)\b)", re.I)  # "12-pair pack": a count


def same_dimensions(value: str, text: str) -> bool:
    """"60 x 120" in the text is the value "60 x 120 cm" / "60×120"."""
    v = _DIMENSIONS.search(value)
    return bool(v) and any(m.groups() == v.groups() for m in _DIMENSIONS.finditer(text))


def number_size(text: str, values: list[str]) -> str | None:
    """A bare number of the text that is one of the product's size values ("is the 140
    available?", "Schuhgröße 21"), or lies within their run (then it is not offered)."""
    numbers = [float(n) for v in values for n in re.findall(r"\d+(?:[.,]5)?", v.replace(",", "."))]
    numeric = bool(numbers) and all(re.fullmatch(r"\s*\d{1,3}(?:[.,]5)?(?:\s*[/–-]\s*\d{1,3})?\s*", v) for v in map(bare_size, values))
    for m in re.finditer(r"(?<![\w.,/-])(\d{1,3}(?:[.,]5)?)(?![\w/]|[.,]\d|-\d)", text):
        if _NOT_A_SIZE_AFTER.match(text, m.end()):
            continue
        number = m.group(1)
        if any(same_size(v, number) for v in values):
            return number
        if numeric and min(numbers) * 0.8 <= float(number.replace(",", ".")) <= max(numbers) * 1.2:
            return number
    return None


def size_named_at(value: str, text: str, flags: int = 0) -> re.Match[str] | None:
    """Where the text names this size as a token of its own: "52" in "Passt 52 bei …", not in
    "152", "52,5" or "W52-L"."""
    return re.search(rf"(?<![\w.,-]){re.escape(value)}(?![\w-]|[.,]\d)", text, flags)
