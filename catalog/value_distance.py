"""How far an option value is from the asked one, for naming the nearest alternatives in stock
(`catalog.variants.variant_state`): numbers by difference, letter sizes by steps, codes such as
"W38" or "90D" by number and letter, anything else by its place in the merchant's order."""

from __future__ import annotations

import re

from catalog.size_values import bare_size, size_key
from catalog.sizes import LETTERS
from catalog.value_amounts import amount

_FRACTION = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*")


def fraction(value: str) -> float | None:
    """A size written as a fraction, as instruments are sized ("1/2", "3/4", "4/4"), as a number."""
    if (m := _FRACTION.fullmatch(value)) and 0 < int(m.group(1)) <= int(m.group(2)) <= 16:
        return int(m.group(1)) / int(m.group(2))
    return None  # "39/40" (a collar), "92/98" (kids) are pairs of sizes, not fractions


def value_distance(values: list[str], wanted: str, value: str) -> float:
    """How far `value` is from `wanted` in the option's run: numbers by difference, letter sizes
    by steps, anything else by its place in the merchant's order."""
    a, b = amount(wanted), amount(value)
    if a and b and a[0] == b[0]:
        return abs(a[1] - b[1])
    if (f := fraction(wanted)) is not None and (g := fraction(value)) is not None:
        return abs(f - g)
    try:
        return abs(float(bare_size(wanted).replace(",", ".")) - float(bare_size(value).replace(",", ".")))  # "Gr. 3"
    except ValueError:
        pass
    numbers = [re.search(r"\d+(?:[.,]\d+)?", v) for v in (wanted, value)]
    letters = [re.sub(r"[\d.,\s]", "", v.upper()) for v in (wanted, value)]
    if all(numbers) and len(letters[0]) == len(letters[1]):  # "W38" of "W36"; "90D": "85D" before "85E"
        steps = sum(abs(ord(a) - ord(b)) for a, b in zip(*letters, strict=True))
        return abs(float(numbers[0].group(0).replace(",", ".")) - float(numbers[1].group(0).replace(",", "."))) + steps
    if size_key(wanted) in LETTERS and size_key(value) in LETTERS:
        return abs(LETTERS.index(size_key(wanted)) - LETTERS.index(size_key(value)))
    if wanted in values:
        return abs(values.index(wanted) - values.index(value))
    return float(values.index(value))


def larger_first(run: list[str], wanted: str, value: str) -> float:
    """Sort key that puts a value above the wanted one before a value below it."""
    a, b = amount(wanted), amount(value)
    if (f := fraction(wanted)) is not None and (g := fraction(value)) is not None:
        return 0 if g > f else 1
    try:
        above = (b[1] > a[1]) if a and b else float(bare_size(value).replace(",", ".")) > float(bare_size(wanted).replace(",", "."))
    except ValueError:
        if size_key(wanted) in LETTERS and size_key(value) in LETTERS:
            above = LETTERS.index(size_key(value)) > LETTERS.index(size_key(wanted))
        else:
            above = wanted in run and run.index(value) > run.index(wanted)
    return 0 if above else 1
