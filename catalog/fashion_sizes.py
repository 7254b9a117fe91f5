"""Adult fashion sizes as shoppers give them, turned into one of a product's own sizes by general
charts (said to be approximate, used only where the product's own values are in another system):
women's UK/US/IT/FR and German sizes and letters; men's suit chest sizes with regular, short and
long (40R = DE 50, 40S = 25, 40L = 102), jeans waists in inches (W32 = DE 48); collar sizes in
inches and cm (15.5 = 39); bras UK/US -> EU (34DD = 75E); gloves by hand, rings by finger and
hats by head circumference (those that are a measure: `catalog.fashion_measures`); the same
conversions about no product (`general`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.fashion_measures import (
    BRA_READ,
    EU_CUPS,
    INCH,
    UK_CUPS,
    US_CUPS,
    band_and_cup,
    bra,
    circumference,
    collar,
    num,
    ring,
)
from catalog.size_rules import dress_eu
from catalog.sizes import LETTERS, normalize_letter

# a number followed by one of these is a measurement, an age or an amount, no clothing size
_UNIT = r"\s*(?:cm|mm|m\b|kg|kilo|lbs?\b|pounds?|st\b|stone|jahre|years?|yrs?|monate|months?|ml\b|l\b|€|eur|euro|%|zoll|inch|\"|”)"


@dataclass(frozen=True)
class Conversion:
    value: str  # the product's size value
    said: str  # the size as the shopper gave it ("UK 12", "40R", "34DD", "15.5 inch collar")
    kind: str  # women | men | collar | bra | glove | ring | hat
    shown: str = ""  # the whole size when `value` is one part of it (the cup of "75E")
    other: str = ""  # another reading's size: a bare "size 12" read as UK, this as US



# --- the product's own system ---------------------------------------------------------------------

_PREFIXED = re.compile(r"^(UK|US|IT|FR|EU|DE)\s?(\d{1,2})$", re.I)
_SUIT = re.compile(r"^(\d{2})\s?([RSL])$", re.I)
_BRA = re.compile(r"^(\d{2,3})\s?([A-K]{1,3})$", re.I)
_NUMBER = re.compile(r"^\d{1,3}(?:[.,]5)?$")
_PAIR = re.compile(r"^(\d{2})\s?/\s?(\d{2})$")
_COLLAR_OPTION = re.compile(r"kragen|collar|neck|hals", re.I)
_RING_OPTION = re.compile(r"ring", re.I)
_HAT_OPTION = re.compile(r"\bhut|hut\w*größe|\bhats?\b|kopf", re.I)
_GLOVE = re.compile(r"handschuh|gloves?\b", re.I)
_NOT_CLOTHING_SIZE = re.compile(r"weite|waist|länge|laenge|length|inseam|\bband\b", re.I)


def product_system(name: str, values: list[str], title: str = "") -> str | None:
    """The size system of an option's values: 'uk'/'us'/'it'/'fr'/'de' (women's, prefixed),
    'suit' (chest inches with R/S/L), 'bra_eu', 'collar_cm', 'collar_in', 'ring', 'hat', 'glove',
    'letter', 'de_women', 'de_men' (German numbers, men's with short and long sizes)."""
    if not values:
        return None
    if all(m := _PREFIXED.match(v.strip()) for v in values):
        prefix = _PREFIXED.match(values[0].strip()).group(1).lower()  # type: ignore[union-attr]
        return "de_women" if prefix in ("eu", "de") else prefix
    if _COLLAR_OPTION.search(name) and all(_PAIR.match(v.strip()) for v in values):
        return "collar_cm"  # "39/40": collar sizes in cm, two to a size
    if all(_SUIT.match(v.strip()) for v in values):
        return "suit"
    if all((m := _BRA.match(v.strip())) and 60 <= int(m.group(1)) <= 120 for v in values):
        return "bra_eu"
    if not all(_NUMBER.match(v.strip()) for v in values):
        return "letter" if all(normalize_letter(v.strip()) in LETTERS for v in values) else None
    numbers = [num(v) for v in values]
    if _COLLAR_OPTION.search(name):
        return "collar_cm" if min(numbers) >= 30 else "collar_in"
    if _RING_OPTION.search(name) and 40 <= min(numbers) <= max(numbers) <= 75:
        return "ring"
    if (_HAT_OPTION.search(name) or _HAT_OPTION.search(title)) and 48 <= min(numbers) <= max(numbers) <= 66:
        return "hat"
    if _GLOVE.search(title) and 5 <= min(numbers) <= max(numbers) <= 12:
        return "glove"
    if _NOT_CLOTHING_SIZE.search(name):
        return None  # a jeans width or a length in inches or cm
    normal = [n for n in numbers if 32 <= n <= 64 and n % 2 == 0]
    if len(normal) < 3:
        return None
    if min(normal) >= 42 or any(n < 30 or n > 80 for n in numbers):
        return "de_men"
    return "de_women" if max(normal) <= 50 else None


# --- women's sizes -------------------------------------------------------------------------------

_WOMEN_READ = re.compile(
    r"\b(uk|us|(?-i:IT)|fr|eu|(?-i:DE)|italian|italienisch\w*|french|französisch\w*|german|deutsch\w*|european|europäisch\w*)"
    r"(?:\s+(?:size|größe|grösse|sizes|größen))?\s+(?:(?:size|größe|grösse)\s+)?(\d{1,2})\b(?!\s*(?:cm|mm|kg|inch|zoll|[\"”]|[a-k]{1,3}\b))",
    re.I)
_SYSTEM_WORDS = {"italian": "it", "french": "fr", "german": "de", "european": "de"}
_WOMEN_LETTER_DE = {"XXS": 32, "XS": 34, "S": 36, "M": 38, "L": 42, "XL": 44, "XXL": 46}
_MEN_LETTER_DE = {"XS": 44, "S": 46, "M": 48, "L": 52, "XL": 56, "XXL": 58, "3XL": 60}
_DE_WOMEN_LETTER = {32: "XS", 34: "XS", 36: "S", 38: "M", 40: "M", 42: "L", 44: "XL", 46: "XXL"}
_DE_MEN_LETTER = {44: "XS", 46: "S", 48: "M", 50: "M", 52: "L", 54: "L", 56: "XL", 58: "XXL", 60: "3XL"}


def _system(word: str) -> str:
    word = word.lower()
    for stem, system in (("ital", "it"), ("fr", "fr"), ("deutsch", "de"), ("europ", "de")):
        if word.startswith(stem):
            return system
    return _SYSTEM_WORDS.get(word, word if word != "eu" else "de")


def women_de(system: str, size: float) -> float | None:
    """A women's size in German numbers: UK 12 = 40, US 8 = 40 (the dress chart), IT = DE + 4,
    FR = DE + 2."""
    if system in ("uk", "us"):
        de = dress_eu(system, size)
        return float(de) if de else None
    offset = {"it": 4, "fr": 2, "de": 0}.get(system)
    return size - offset if offset is not None and 30 <= size - offset <= 56 and size % 2 == 0 else None


def _women_value(system: str, de: float, values: list[str]) -> str | None:
    if system == "letter":
        return _DE_WOMEN_LETTER.get(int(de))
    if system == "de_women":
        return f"{de:g}"
    back = {"uk": de - 28, "us": de - 32, "it": de + 4, "fr": de + 2}.get(system)
    return f"{system.upper()} {back:g}" if back is not None else None


# --- men's sizes ---------------------------------------------------------------------------------

_SUIT_READ = re.compile(r"\b(\d{2})\s?(r|s|l|regular|short|long|kurz|lang)\b(?!\s*(?:cm|mm|enough|genug|sleeve|arm))", re.I)
_WAIST_READ = re.compile(r"\bw\s?(\d{2})\b|\b(\d{2})(?:\s*(?:inch|in|\"|”|zoll))?\s*(?:waist|taille|bundweite)\b|\b(?:waist|bundweite|taille)\s*(?:is|ist|of|von)?\s*(\d{2})\s*(?:inch|in\b|\"|”|zoll)", re.I)


_LENGTH_WISH = re.compile(r"kurzgröße|kurz gewachsen|untersetzt|short (?:size|fit)|langgröße|lang gewachsen|long (?:size|fit)|tall size", re.I)


def _length_of(word: str) -> str:
    word = word.lower()
    return "short" if word[0] in "sk" else "long" if word.startswith(("l", "lang")) else "regular"


def _men_value(system: str, normal: float, length: str) -> str | None:
    if system == "letter":
        return _DE_MEN_LETTER.get(int(normal)) if length == "regular" else None
    if system == "suit":
        return f"{normal - 10:g}{length[0].upper()}"
    if system == "de_men":
        return {"regular": f"{normal:g}", "short": f"{normal / 2:g}", "long": f"{normal * 2 + 2:g}"}[length]
    return None


def _men_reading(text: str, system: str) -> tuple[float, str, str] | None:
    """(the German normal size, regular/short/long, as said) of a men's size in the text."""
    if (m := _SUIT_READ.search(text)) and 34 <= int(m.group(1)) <= 54:
        return int(m.group(1)) + 10, _length_of(m.group(2)), m.group(0)
    if m := _WAIST_READ.search(text):
        waist = int(next(g for g in m.groups() if g))
        if 26 <= waist <= 44:
            return waist + 16 + waist % 2, "regular", f"W{waist}"  # an odd waist: the larger size (the kind: waist)
    if m := re.search(r"\b(?:de|eu|german|deutsch\w*|european|europäisch\w*|\w*größe|size|trage|wear|take|habe|bin|am|i'm|a|an|ich)\s+(\d{2,3})\b(?![.,]\d|" + _UNIT + ")", text, re.I):
        number = int(m.group(1))
        if system == "de_men" and 44 <= number <= 62 and (length := _LENGTH_WISH.search(text)):
            return number, "short" if length.group(0).lower().startswith(("kurz", "short", "unters")) else "long", f"{number}"
        if system != "de_men" and 44 <= number <= 62 and number % 2 == 0:
            return number, "regular", f"{number}"
        if system != "de_men" and 22 <= number <= 31:
            return number * 2, "short", f"{number}"
        if system != "de_men" and 90 <= number <= 122 and number % 4 == 2:
            return (number - 2) / 2, "long", f"{number}"
    return None


# --- the entries -------------------------------------------------------------------------------


def convert(text: str, option: str, values: list[str], title: str = "") -> Conversion | None:
    """The product's size value (of the size option `option` with its `values`) for an adult
    size the text gives in another system, or None (a size the product lists itself, or none)."""
    system = product_system(option, values, title)
    if system is None:
        return None
    if system in ("collar_cm", "collar_in"):
        return Conversion(*found, "collar") if (found := collar(text, system, values)) else None
    if system == "bra_eu":
        return Conversion(*found, "bra") if (found := bra(text, values)) else None
    if system == "ring":
        return Conversion(*found, "ring") if (found := ring(text, values)) else None
    if system in ("glove", "hat"):
        return Conversion(*found, system) if (found := circumference(text, system, values)) else None
    if any(v.strip().lower() in text.lower().split() for v in values if not v.strip().isdigit() and len(v.strip()) > 1):
        return None  # the shopper named one of the product's own values
    if _TO_EU.search(text):
        return None  # "What is US 10 in EU?": a general conversion (actions.size_general)
    gender = "men" if _MEN_WORDS.search(title) else "women" if _WOMEN_WORDS.search(title) else None
    womens = system in ("uk", "us", "it", "fr", "de_women") or (system == "letter" and gender != "men")
    if womens and (found := _bare_size(text, system, values) or _women_waist(text, system, values, gender)):
        return found
    if system in ("uk", "us", "it", "fr", "de_women", "letter") and (found := _women(text, system, values)):
        return found
    if system in ("suit", "de_men") and (m := _LETTER_SAID.search(text)) and (m.group(3) or "").upper() in (*_MEN_LETTER_DE, "MEDIUM", "SMALL", "LARGE"):
        letter = {"MEDIUM": "M", "SMALL": "S", "LARGE": "L"}.get(m.group(3).upper(), m.group(3).upper())
        value = _men_value(system, _MEN_LETTER_DE[letter], "regular")
        if found := next((v for v in values if value and v.strip().upper() == value.upper()), None):
            return Conversion(found, letter, "men")
    if system in ("suit", "de_men", "letter") and (men := _men_reading(text, system)):
        value = _men_value(system, *men[:2])
        if value and any(v.strip().upper() == value.upper() for v in values):
            kind = "waist" if men[2].startswith("W") else "men"
            return Conversion(next(v for v in values if v.strip().upper() == value.upper()), men[2], kind)
    return None


_MEN_WORDS = re.compile(r"herren|männer|\bmen'?s?\b|\bmale\b", re.I)
_WOMEN_WORDS = re.compile(r"damen|frauen|\bwom[ae]n'?s?\b|ladies", re.I)
# "I'm a size 12" with no system named: on women's sizes the UK size (the US reading said too)
_BARE_SIZE = re.compile(r"(?<!uk )(?<!us )(?<!eu )\bsize\s+(\d{1,2})\b(?![.,/-]\d|\s*(?:/|cm|mm|kg|years?|months?|shoes?|boots?))", re.I)


def _bare_size(text: str, system: str, values: list[str]) -> Conversion | None:
    m = _BARE_SIZE.search(text)
    number = int(m.group(1)) if m else 0
    if not m or number % 2 or not 4 <= number <= 24:
        return None
    uk, us = women_de("uk", number), women_de("us", number)
    value = _women_value(system, uk, values) if uk else None
    found = next((v for v in values if value and v.strip().upper() == value.upper()), None)
    other = _women_value(system, us, values) if us else None
    return Conversion(found, str(number), "bare", other=other or "") if found else None


def _women_waist(text: str, system: str, values: list[str], gender: str | None) -> Conversion | None:
    """A jeans waist in inches on women's sizes: German size = waist + 10 (W28 = 38)."""
    m = _WAIST_READ.search(text)
    waist = int(next(g for g in m.groups() if g)) if m else 0
    if system == "letter" and gender != "women" or not 23 <= waist <= 36:
        return None
    value = _women_value(system, waist + 10 + waist % 2, values)
    found = next((v for v in values if value and v.strip().upper() == value.upper()), None)
    return Conversion(found, f"W{waist}", "waist") if found else None


_TO_EU = re.compile(r"\b(?:in|to|into|auf|als)\s+(?:the\s+)?(?:eu|european|europ\w*)\b(?![- ]?(?:größe|size)\w*\s+\d)", re.I)
_LETTER_SAID = re.compile(r"(?<![\w/])(\d{2})\s*/\s*(XS|S|M|L|XL|XXL)\b|\b(?:an?|size|größe|trage|wear|usually|normally|sonst|normalerweise|meistens|typically|generally)\s+(XS|S|M|L|XL|XXL|medium|small|large)\b", re.I)


def _women(text: str, system: str, values: list[str]) -> Conversion | None:
    de = said = None
    if m := _WOMEN_READ.search(text):
        source = _system(m.group(1))
        if source == {"de_women": "de"}.get(system, system):
            return None  # the product's own system
        de, said = women_de(source, float(m.group(2))), f"{source.upper()} {m.group(2)}"
    elif m := _LETTER_SAID.search(text):
        if m.group(1) and system != "letter":
            de, said = float(m.group(1)), m.group(0)
        else:
            letter = {"MEDIUM": "M", "SMALL": "S", "LARGE": "L"}.get((m.group(2) or m.group(3)).upper(), (m.group(2) or m.group(3)).upper())
            if system == "letter" and any(normalize_letter(v) == letter for v in values):
                return None if not m.group(1) else Conversion(letter, m.group(0), "women")
            de, said = float(_WOMEN_LETTER_DE.get(letter, 0)) or None, letter
    elif system != "de_women" and (m := re.search(r"\b(?:größe|size|trage|wear|i'm a|bin|habe|usually|normalerweise|sonst)\s+(?:ich\s+)?(?:size\s+|größe\s+)?(3[2-9]|4[0-8])\b(?![.,]\d|" + _UNIT + ")", text, re.I)):
        de, said = float(m.group(1)), f"DE {m.group(1)}"
    if de is None or (system == "letter" and said and said.startswith("DE")):
        return None  # a bare German number on letters: actions.size_advice (44 and 46 are women's and men's)
    value = _women_value(system, de, values)
    found = next((v for v in values if value and v.strip().upper() == value.upper()), None)
    return Conversion(found, said, "women") if found else None


def convert_product(text: str, options: dict[str, list[str]], title: str = "") -> tuple[str, Conversion] | None:
    """(option name, conversion) for the first of the product's options whose values the size
    the text gives converts into."""
    if pair := band_and_cup(options, text):
        (band, cup), found = pair
        return cup, Conversion(found[1], found[2], "bra", found[0])
    for name, values in options.items():
        if found := convert(text, name, values, title):
            return name, found
    return None


# --- general conversions, about no product -------------------------------------------------------

_SUIT_WORDS = re.compile(r"suit|sakko|anzug|jacket|jackett|blazer|herren|men'?s", re.I)
_COLLAR_WORDS = re.compile(r"collar|kragen|neck|hals", re.I)
_BRA_WORDS = re.compile(r"\bbh\b|\bbras?\b|cup|körbchen", re.I)
_METRIC_AFTER = re.compile(r"\s*(?:cm|mm|zentimeter|centimet)", re.I)
_TO_INCH = re.compile(r"\b(?:inch\w*|zoll)\b", re.I)


def general(text: str) -> tuple[str, str, str] | None:
    """(kind, the size as said, the size it is) of an adult size conversion asked about no product:
    a bra size to EU, a women's IT/FR size to German, a suit size to German, a collar inches <-> cm."""
    if _BRA_WORDS.search(text) and (m := BRA_READ.search(text)) and 28 <= int(m.group(2)) <= 46:
        system = (m.group(1) or "uk").lower()
        cups = US_CUPS if system == "us" else UK_CUPS
        cup = m.group(3).upper()
        if cup in cups:
            return "bra", f"{system.upper()} {m.group(2)}{cup}", f"{(int(m.group(2)) - 4) * 2.5:g}{EU_CUPS[cups.index(cup)]}"
    if _COLLAR_WORDS.search(text) and (m := re.search(r"(\d{2}(?:[.,]5|\s?½)?)", text)):
        number = num(m.group(1))
        if 13 <= number <= 19 and not _METRIC_AFTER.match(text, m.end()):  # "15 cm from neck to shoulder" is no 15″ collar
            return "collar", f"{number:g}\u2033", f"{round(number * INCH)} cm"
        if 34 <= number <= 50 and _TO_INCH.search(text):
            return "collar", f"{number:g} cm", f"{round(number / INCH * 2) / 2:g}\u2033"
    if (m := _WOMEN_READ.search(text)) and _system(m.group(1)) in ("it", "fr") and (de := women_de(_system(m.group(1)), float(m.group(2)))):
        return "women", f"{_system(m.group(1)).upper()} {m.group(2)}", f"{de:g}"
    if (m := _SUIT_READ.search(text)) and (_SUIT_WORDS.search(text) or len(m.group(2)) == 1) and 34 <= int(m.group(1)) <= 54:
        value = _men_value("de_men", int(m.group(1)) + 10, _length_of(m.group(2)))
        return ("men", m.group(0), value) if value else None
    return None
