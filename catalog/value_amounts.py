"""Amounts in option values and questions: a number with its unit ("220 cm", "2-Liter", "500 ml",
"3er-Pack", "pack of 6", "4,0 Ah", "€50") as (dimension, value in the dimension's base unit), so
that "2,2 m" and "220 cm" name the same length (`catalog/variants.py`)."""

from __future__ import annotations

import re

# number + unit in a value or a question: "220 cm", "2-Liter", "500 ml", "3er-Pack", "pack of 6"
_UNITS: dict[str, tuple[str, float]] = {
    "mm": ("length", 0.1), "cm": ("length", 1.0), "m": ("length", 100.0), "meter": ("length", 100.0),
    "zoll": ("length", 2.54), "inch": ("length", 2.54), "inches": ("length", 2.54), '"': ("length", 2.54),
    "ml": ("volume", 0.001), "cl": ("volume", 0.01), "l": ("volume", 1.0), "liter": ("volume", 1.0),
    "litre": ("volume", 1.0), "litres": ("volume", 1.0), "liters": ("volume", 1.0),
    "g": ("mass", 1.0), "kg": ("mass", 1000.0),
    "er-pack": ("count", 1.0), "er pack": ("count", 1.0), "erpack": ("count", 1.0), "er-set": ("count", 1.0),
    "pack": ("count", 1.0), "-pack": ("count", 1.0), "stück": ("count", 1.0), "stk": ("count", 1.0),
    "pcs": ("count", 1.0), "pieces": ("count", 1.0), "er": ("count", 1.0), "x": ("count", 1.0),
    # spelled out and inflected: "mit 2 Litern", "180 Zentimeter", "3 Paar", "12 pieces"
    "litern": ("volume", 1.0), "lit": ("volume", 1.0), "milliliter": ("volume", 0.001), "millilitres": ("volume", 0.001),
    "zentimeter": ("length", 1.0), "zentimetern": ("length", 1.0), "centimeter": ("length", 1.0),
    "centimeters": ("length", 1.0), "centimetre": ("length", 1.0), "centimetres": ("length", 1.0),
    "metern": ("length", 100.0), "meters": ("length", 100.0), "metre": ("length", 100.0), "metres": ("length", 100.0),
    "millimeter": ("length", 0.1), "mm.": ("length", 0.1), "gramm": ("mass", 1.0), "grams": ("mass", 1.0),
    "kilo": ("mass", 1000.0), "kilogramm": ("mass", 1000.0), "paar": ("count", 1.0), "pairs": ("count", 1.0),
    "pair": ("count", 1.0), "teilig": ("count", 1.0), "-teilig": ("count", 1.0), "teiler": ("count", 1.0),
    "piece": ("count", 1.0), "stücke": ("count", 1.0), "pk": ("count", 1.0), "packs": ("count", 1.0),
    "er-packung": ("count", 1.0), "er packung": ("count", 1.0), "er set": ("count", 1.0),
    "mah": ("charge", 1.0), "ah": ("charge", 1000.0), "wh": ("energy", 1.0), "gb": ("data", 1.0), "tb": ("data", 1000.0),
    "w": ("power", 1.0), "watt": ("power", 1.0), "kilogram": ("mass", 1000.0), "count": ("count", 1.0),
    "€": ("money", 1.0), "eur": ("money", 1.0), "euro": ("money", 1.0), "chf": ("money", 1.0), "franken": ("money", 1.0),
    "$": ("money", 1.0), "usd": ("money", 1.0), "£": ("money", 1.0), "gbp": ("money", 1.0),
}  # fmt: skip
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
AMOUNT = re.compile(rf"(\d+(?:[.,]\d+)?)\s*-?\s*({_UNIT_RE})(?![a-zäöüß])", re.I)
_MONEY_FIRST = re.compile(r"([€$£])\s*(\d+(?:[.,]\d+)?)")  # "€50", "$ 25"
PACK_OF = re.compile(r"\b(?:pack|set|packung|box) (?:of|mit|à|a) (\d+)\b", re.I)


def amount(text: str) -> tuple[str, float] | None:
    """(dimension, value in the base unit) of the first number with a unit: '2-Liter' -> ('volume', 2.0)."""
    if m := PACK_OF.search(text):
        return "count", float(m.group(1))
    if m := AMOUNT.search(text):
        dimension, factor = _UNITS[m.group(2).lower()]
        return dimension, round(float(m.group(1).replace(",", ".")) * factor, 6)
    if m := _MONEY_FIRST.search(text):
        return "money", float(m.group(2).replace(",", "."))
    return None


# a version said by its unit without a number: "das Kilo", "the litre", "ein halbes Kilo", "half a
# litre", "die Literflasche", "a kilo bag" ("reicht ein Liter?" asks a rate, no version)
_BARE_UNIT = re.compile(
    r"\b(?:(halbe[sn]?|half\s+an?)\s+|(?:das|den|the)\s+)(kilo|kilogramm|kilogram|liter|litre)\b"
    r"|\b(kilo|liter|litre)[\s-]?(packung|beutel|flasche|dose|sack|pack|tüte|glas|bag|bottle|tin|jar|pouch)", re.I)


# a pack said by a word: "Dreierpack", "im Doppelpack", "6er-Pack" is a number already; "twin pack", "three-pack"
_PACK_WORDS = {"einzel": 1, "single": 1, "doppel": 2, "zweier": 2, "twin": 2, "double": 2, "two": 2, "dreier": 3, "triple": 3,
               "three": 3, "vierer": 4, "four": 4, "fünfer": 5, "five": 5, "sechser": 6, "six": 6, "zehner": 10, "ten": 10}  # fmt: skip
_PACK_WORD = re.compile(rf"\b({'|'.join(_PACK_WORDS)})[\s-]?(?:pack|packung|set|pk)\b", re.I)


def amounts(text: str) -> list[tuple[str, float]]:
    found = [("count", float(m.group(1))) for m in PACK_OF.finditer(text)]
    found += [("count", float(_PACK_WORDS[m.group(1).lower()])) for m in _PACK_WORD.finditer(text)]
    for m in _BARE_UNIT.finditer(text):
        dimension, factor = _UNITS.get((m.group(2) or m.group(3)).lower(), ("mass", 1000.0))
        found.append((dimension, factor * (0.5 if m.group(1) else 1.0)))
    for m in AMOUNT.finditer(text):
        dimension, factor = _UNITS[m.group(2).lower()]
        found.append((dimension, round(float(m.group(1).replace(",", ".")) * factor, 6)))
    found += [("money", float(m.group(2).replace(",", "."))) for m in _MONEY_FIRST.finditer(text)]
    return found
