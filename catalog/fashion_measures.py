"""Sizes that are a measure, turned into a product's own values: collars in cm and inches (15.5
in = 39 cm), bras UK/US -> EU (band (b - 4) x 2.5, the cup letters differ from D on: UK DD = EU E),
also sold by a band and a cup option; gloves by hand circumference (the size is the inches),
rings by inner circumference in mm (from a diameter, US and UK ring sizes), hats by head
circumference in cm (US hat sizes x pi in inches). Used by `catalog.fashion_sizes`."""

from __future__ import annotations

import math
import re

INCH = 2.54


def num(text: str) -> float:
    return float(text.replace(",", ".").replace(" ½", ".5").replace("½", ".5"))


# --- collars, bras, gloves, rings, hats ----------------------------------------------------------

_COLLAR_READ = re.compile(r"(\d{2}(?:[.,]5|\s?½)?)\s*(cm|inch\w*|in\b|zoll|\"|”)?", re.I)
BRA_READ = re.compile(r"\b(?:(uk|us|eu|fr)\s*)?(\d{2,3})\s?(a|b|c|d|dd|ddd|e|f|ff|g|gg|h)\b", re.I)
UK_CUPS = ["A", "B", "C", "D", "DD", "E", "F", "FF", "G", "GG", "H"]
US_CUPS = ["A", "B", "C", "D", "DD", "DDD", "G", "H", "I", "J", "K"]
EU_CUPS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
_LENGTH = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*(cm|mm|inch\w*|in\b|zoll|\"|”)", re.I)
_HAND = re.compile(r"hand|knuckle|knöchel", re.I)
_HEAD = re.compile(r"kopf|head", re.I)
_DIAMETER = re.compile(r"durchmesser|diameter", re.I)
_RING_US = re.compile(r"\bus\s*(?:size\s*|größe\s*)?(\d{1,2}(?:[.,]5)?)\b", re.I)
_RING_UK = re.compile(r"\buk\s*(?:size\s*|größe\s*)?([a-z])\b(?![\w'])", re.I)


def _cm(m: re.Match) -> float:
    number, unit = num(m.group(1)), m.group(2).lower()
    return number / 10 if unit == "mm" else number if unit == "cm" else number * INCH


_PAIR = re.compile(r"(\d{2})\s?/\s?(\d{2})")


def _nearest(values: list[str], target: float, tolerance: float) -> str | None:
    """The value nearest the target number (equally near: the larger), within the tolerance;
    a pair of numbers ("39/40") holds both."""
    pairs = [(v, m) for v in values if (m := _PAIR.fullmatch(v.strip()))]
    if pairs:
        return next((v for v, m in pairs if int(m.group(1)) - tolerance <= target <= int(m.group(2)) + tolerance), None)
    numbered = [(abs(num(v) - target), -num(v), v) for v in values]
    best = min(numbered) if numbered else None
    return best[2] if best and best[0] <= tolerance else None


def collar(text: str, system: str, values: list[str]) -> tuple[str, str] | None:
    for m in _COLLAR_READ.finditer(text):
        number, unit = num(m.group(1)), (m.group(2) or "").lower()
        inches = unit not in ("", "cm") or (not unit and 13 <= number <= 19)
        if not inches and system == "collar_cm":
            continue  # the product's own system: its value is found as it is
        if not (inches and 13 <= number <= 19) and not (not inches and 34 <= number <= 50):
            continue
        cm = number * INCH if inches else number
        target = round(cm) if system == "collar_cm" else cm / INCH
        if value := _nearest(values, target, 0.5 if system == "collar_cm" else 0.3):
            return value, f"{number:g}{' inch' if inches else ' cm'}"
    return None


def bra(text: str, values: list[str]) -> tuple[str, str] | None:
    for m in BRA_READ.finditer(text):
        system, band, cup = (m.group(1) or "").lower(), int(m.group(2)), m.group(3).upper()
        if system in ("eu", "fr") or band >= 60:
            continue  # already EU: the plain value path finds it
        if not 28 <= band <= 46 or band % 2:
            continue
        cups = US_CUPS if system == "us" else UK_CUPS
        if cup not in cups:
            continue
        value = f"{(band - 4) * 2.5:g}{EU_CUPS[cups.index(cup)]}"
        found = next((v for v in values if v.replace(" ", "").upper() == value), None)
        if found:
            return found, f"{(system or 'uk').upper()} {band}{cup}"
    return None


def ring(text: str, values: list[str]) -> tuple[str, str] | None:
    if m := _LENGTH.search(text):
        mm = _cm(m) * 10
        diameter = bool(_DIAMETER.search(text)) or mm < 30
        said = f"Ø {m.group(0)} (≈ {mm * math.pi:.0f} mm)" if diameter else m.group(0)
        mm = mm * math.pi if diameter else mm
        return (v, said) if (v := _nearest(values, mm, 1.5)) else None
    if m := _RING_US.search(text):
        mm = math.pi * (11.63 + 0.8128 * num(m.group(1)))
        return (v, f"US {m.group(1)}") if (v := _nearest(values, mm, 1.5)) else None
    if m := _RING_UK.search(text):
        mm = 37.8 + 1.25 * (ord(m.group(1).upper()) - ord("A"))
        return (v, f"UK {m.group(1).upper()}") if (v := _nearest(values, mm, 1.5)) else None
    return None


_FRACTIONS = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}


def _us_hat(text: str) -> float | None:
    m = re.search(r"\b([67])(?:\s+(\d)/(\d)|\s*([¼½¾⅛⅜⅝⅞])|[.,](\d{1,3}))", text)
    if not m or not re.search(r"\bus\b|hat size|hutgröße", text, re.I):
        return None
    whole = int(m.group(1))
    if m.group(2):
        return whole + int(m.group(2)) / int(m.group(3))
    return whole + (_FRACTIONS[m.group(4)] if m.group(4) else float("0." + m.group(5)))


def circumference(text: str, system: str, values: list[str]) -> tuple[str, str] | None:
    """Gloves by hand circumference (the size is the inches), hats by head circumference (the
    size is the cm; a US hat size times π in inches)."""
    if system == "hat" and (us := _us_hat(text)):
        cm = us * math.pi * INCH
        return (v, f"US {us:g}") if (v := _nearest(values, cm, 0.6)) else None
    m = _LENGTH.search(text)
    if not m or not (_HAND if system == "glove" else _HEAD).search(text):
        return None
    cm = _cm(m)
    target = cm / INCH if system == "glove" else cm
    said = f"{m.group(1)} {m.group(2)}"
    return (v, said) if (v := _nearest(values, target, 0.3 if system == "glove" else 0.6)) else None



_BAND_OPTION = re.compile(r"\bband\b|unterbrust|underbust|brustband", re.I)
_CUP_OPTION = re.compile(r"\bcup", re.I)


def band_and_cup(options: dict[str, list[str]], text: str) -> tuple[tuple[str, str], tuple[str, str, str]] | None:
    """A bra sold by two options, band and cup: ((band option, cup option), (the EU size, its cup,
    the size as said)) for "34D", "UK 34DD" or "75E"."""
    band = next((n for n, v in options.items() if _BAND_OPTION.search(n) and all(x.strip().isdigit() and 60 <= int(x) <= 120 for x in v)), None)
    cup = next((n for n in options if _CUP_OPTION.search(n)), None)
    if not band or not cup:
        return None
    combined = [f"{b}{c}" for b in options[band] for c in options[cup]]
    if found := bra(text, combined):
        return (band, cup), (found[0], found[0][len(found[0].rstrip("ABCDEFGHIJK")) :], found[1])
    m = re.search(r"(?<![\w.,])(\d{2,3})\s?([a-k])\b", text, re.I)
    if m and f"{m.group(1)}{m.group(2).upper()}" in combined:
        return (band, cup), (f"{m.group(1)}{m.group(2).upper()}", m.group(2).upper(), m.group(0))
    return None


def band_and_cup_values(options: dict[str, list[str]], text: str) -> dict[str, str]:
    """{band option: "75", cup option: "E"} for a bra size in the text (`catalog.size_values`)."""
    if pair := band_and_cup(options, text):
        (band, cup), (size, letter, _) = pair
        return {band: size[: -len(letter)], cup: letter}
    return {}
