"""Every body measurement in a question: "Taille 68, Hüfte 95", "Waist 70 cm, hips 97 cm",
"a 32 inch waist", "my hand measures 20 cm around the palm", "Ich bin 176 cm groß und wiege
75 kg". A number belongs to the measure word next to it (after it, or right before it with its
unit); a number without unit only when it is a plausible value of that measure. What is left
is read as before (`catalog.size_chart.find_measurement`: a height, a weight, an age)."""

from __future__ import annotations

import re

from catalog.size_chart import _MEASURE_RE, Measurement, find_measurement

_NUMBER = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_UNIT = r"\s*(cm|mm|\"|″|''|in\b|inch(?:es)?|zoll|kg)?"
# a number after the measure word, a few words between ("waist is 84 cm", "hand measures 20 cm")
_AFTER = re.compile(rf"(?:\s*[:=]?\s*(?:[^\W\d]+\s+){{0,3}}?){_NUMBER}{_UNIT}(?![\d.,]*\d)", re.I)
# a number with its unit right before the word ("96 cm Brustumfang", "a 32 inch waist")
_BEFORE = re.compile(rf"{_NUMBER}\s*-?\s*(cm|\"|″|in|inch(?:es)?|zoll)?\s*-?\s*$", re.I)
# plausible values in cm of a number given without unit
_PLAUSIBLE = {"underbust": (50, 130), "chest": (60, 160), "waist": (40, 150), "hip": (60, 170), "head": (35, 68),
              "hand": (12, 32), "calf": (20, 60), "foot": (9, 35), "inside_leg": (20, 110), "back": (30, 60)}  # fmt: skip
_NAMED = tuple(_PLAUSIBLE)


def _cm(number: str, unit: str | None) -> float:
    value = float(number.replace(",", "."))
    unit = (unit or "").lower()
    if unit in ('"', "″", "''", "in", "inch", "inches", "zoll"):
        return round(value * 2.54, 1)
    return value / 10 if unit == "mm" else value


def find_measurements(text: str) -> list[Measurement]:
    """The body measurements of a question, each measure once, in the order they are named."""
    found: list[tuple[int, Measurement]] = []
    used: list[tuple[int, int]] = []
    for measure in _NAMED:
        for word in _MEASURE_RE[measure].finditer(text):
            if any(f.measure == measure for _, f in found):
                break
            after = _AFTER.match(text, word.end())
            if after and not _MEASURE_RE_ANY.search(text[word.end(): after.start(1)]):
                span, number, unit = (after.start(1), after.end()), after.group(1), after.group(2)
            elif (before := _BEFORE.search(text[: word.start()])) and before.group(2):
                span, number, unit = (before.start(1), before.end()), before.group(1), before.group(2)
            else:
                continue
            if (unit or "").lower() == "kg" or any(a < span[1] and span[0] < b for a, b in used):
                continue
            cm = _cm(number, unit)
            low, high = _PLAUSIBLE[measure]
            if low <= cm <= high:
                found.append((word.start(), Measurement(measure, cm)))
                used += [span, word.span()]
    rest = text
    for a, b in sorted(used, reverse=True):
        rest = rest[:a] + " " * (b - a) + rest[b:]
    for other in _others(rest):
        if all(f.measure != other.measure for _, f in found):
            found.append((len(text), other))
    return [m for _, m in sorted(found, key=lambda x: x[0])]


def _others(text: str) -> list[Measurement]:
    """A height and a weight in what no measure word took ("Ich bin 176 cm groß und wiege 75 kg")."""
    out = []
    first = find_measurement(text)
    if first is not None and first.measure not in _NAMED:
        out.append(first)
    if first is None or first.measure != "weight":
        no_cm = re.sub(r"\d+(?:[.,]\d+)?\s*(?:cm|m)\b", " ", text)
        weight = find_measurement(no_cm)
        if weight is not None and weight.measure == "weight":
            out.append(weight)
    return out


_MEASURE_RE_ANY = re.compile("|".join(f"(?:{_MEASURE_RE[m].pattern})" for m in _NAMED), re.I)
