"""Number words, German and English: the one base table every reader of numbers in words starts
from. Each reader adds its own words explicitly (`catalog.extract_units`: the articles "a" /
"an" and "einen" / "einem" as 1, and 15, 20, 30 for durations; `catalog.measurements` adds nothing)."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "ein": 1, "eine": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4,
    "fünf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8, "eight": 8,
    "neun": 9, "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11, "zwölf": 12, "twelve": 12,
}  # fmt: skip
