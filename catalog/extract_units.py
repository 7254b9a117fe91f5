"""Numbers and units as merchants write them, for `catalog.extract`.

"1,2 kg" and "1.2 kg", "10.000 mm" and "20,000 mm", "ca. 350 g", "−25 °C", "drei Jahre":
numbers are read with Babel's locale rules (strict, so a wrong grouping is refused rather
than misread), first in the sentence's language, then in the other one.
"""

from __future__ import annotations

import re

from babel.numbers import NumberFormatError, parse_decimal

from catalog.number_words import NUMBER_WORDS as BASE_NUMBER_WORDS

# a number as written: 1.234,5 / 1,234.5 / 1,2 / 1.2 / 350
NUMBER = r"(?<![\w.,])(?<!\d\+)(?:\d{1,3}(?:[.,\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
# a minus sign: "-5", "−25", "– 5", "minus 10" (not the dash of a range such as "0–40")
SIGN = r"(?:(?<![\w.,])[-−–+]\s?|\b(?:minus|plus)\s+)"
SIGNED = rf"(?:{SIGN})?{NUMBER}"

# the base table, and what a merchant's text adds: an article or its case forms as one ("a year",
# "einen Monat"), tens of a duration ("fünfzehn Jahre"); not "a" / "an" as a word of NUMBER_WORD
NUMBER_WORDS: dict[str, int] = {
    **BASE_NUMBER_WORDS, "einen": 1, "einem": 1, "a": 1, "an": 1,
    "fünfzehn": 15, "fifteen": 15, "zwanzig": 20, "twenty": 20, "dreißig": 30, "thirty": 30,
}  # fmt: skip
NUMBER_WORD = r"\b(?:" + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + r")\b"

# unit word -> (canonical unit, factor to it)
WEIGHT_UNITS = {
    "kg": ("g", 1000.0), "kilo": ("g", 1000.0), "kilogramm": ("g", 1000.0), "kilogram": ("g", 1000.0),
    "kilograms": ("g", 1000.0), "g": ("g", 1.0), "gr": ("g", 1.0), "gramm": ("g", 1.0), "gram": ("g", 1.0),
    "grams": ("g", 1.0), "oz": ("g", 28.3495), "ounces": ("g", 28.3495), "lb": ("g", 453.592),
    "lbs": ("g", 453.592), "pounds": ("g", 453.592),
}  # fmt: skip
VOLUME_UNITS = {
    "l": ("l", 1.0), "liter": ("l", 1.0), "litre": ("l", 1.0), "liters": ("l", 1.0), "litres": ("l", 1.0),
    "ltr": ("l", 1.0), "ml": ("l", 0.001), "cl": ("l", 0.01),
}  # fmt: skip
LENGTH_UNITS = {"mm": ("cm", 0.1), "cm": ("cm", 1.0), "m": ("cm", 100.0)}
HOUR_UNITS = {
    "h": 1.0, "std": 1.0, "stunden": 1.0, "stunde": 1.0, "hours": 1.0, "hour": 1.0, "hrs": 1.0, "hr": 1.0,
    "min": 1 / 60, "minuten": 1 / 60, "minutes": 1 / 60,
}  # fmt: skip


def unit_pattern(units: dict) -> str:
    """Alternation of unit words, longest first, ending at a word boundary."""
    return r"(?:" + "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True)) + r")(?![\w/²³])"


def parse_number(text: str, lang: str = "de") -> float | None:
    """'1,2' -> 1.2, '10.000' -> 10000, '1.2' -> 1.2 (also in German text), 'minus 5' -> -5,
    'drei' -> 3. None when it is no number."""
    text = text.strip()
    negative = bool(re.match(r"^(?:[-−–]|minus\b)", text, re.I))
    text = re.sub(r"^(?:[-−–+]|minus|plus)\s*", "", text, flags=re.I).replace("\u202f", " ")
    if text.lower() in NUMBER_WORDS:
        value = float(NUMBER_WORDS[text.lower()])
        return -value if negative else value
    compact = text.replace(" ", ".") if re.fullmatch(r"\d{1,3}( \d{3})+", text) else text
    for locale in (lang, "en" if lang == "de" else "de"):
        try:
            value = float(parse_decimal(compact, locale=locale, strict=True))
        except (NumberFormatError, ValueError):
            continue
        return -value if negative else value
    return None


def clean(value: float) -> int | float:
    """12.0 -> 12; 1.25 stays; rounding noise from unit factors removed."""
    value = round(value, 3)
    return int(value) if value == int(value) else value


def fahrenheit_to_celsius(value: float) -> int:
    return round((value - 32) * 5 / 9)
