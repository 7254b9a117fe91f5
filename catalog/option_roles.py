"""Which of an imported product's options is the size-like one and which the colour.

An option is size-like when its name says so ("Größe", "Länge", "Kapazität", "Kopfumfang",
"Rahmenhöhe", `catalog.lexicon.is_size_option`) or, under any other name, when every one of its
values is a size or a measure: letter sizes ("S", "XS/S", "56 cm (L)"), numbers ("42", "42,5"),
roman numerals ("I" … "IV", compression stockings), ranges ("35–38"), a number with a unit
("16 Zoll", "2 Liter", "3er-Pack") or dimensions ("135×200 cm"). The first such option is the
product's `size_option`; its value is also each variant's `size`. The other options ("Weite",
"Reißverschluss", "Wärmeklasse") stay named options, answered by value (`catalog.variants`).
`size_kind` tells what a product's sizes measure (a boot's 44 is no jacket's 44).
"""

from __future__ import annotations

import re

from catalog.lexicon import is_color_option, is_size_option, normalize_color
from catalog.models import Product
from catalog.size_values import SIZE_RANGE, size_key
from catalog.sizes import LETTERS
from catalog.variants import amount, is_size_name

_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d)?")
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_DIMENSIONS = re.compile(r"\d+(?:[.,]\d+)?\s*[x×]\s*\d+", re.I)


def is_size_value(value: str) -> bool:
    """Whether an option value is a size or a measure ("M", "XS/S", "42,5", "II", "35–38",
    "56 cm (L)", "24 Zoll", "6 Paar", "135×200 cm"), not a word like "Normal" or "links"."""
    value = value.strip()
    if not value:
        return False
    parts = [p for p in re.split(r"[/\s()–-]+", value) if p]
    if parts and all(size_key(p) in LETTERS for p in parts):
        return True
    if _NUMBER.fullmatch(value) or _ROMAN.fullmatch(value) or SIZE_RANGE.match(value):
        return True
    return bool(_DIMENSIONS.search(value) or (amount(value) and value[0].isdigit()))


def assign_option_roles(product: dict) -> None:
    """Set `size_option` and `color_option` of a raw product dict from its option names and its
    variants' values, and each variant's `size`, `color` and `color_label` from them."""
    names: list[str] = product.get("option_names") or []
    values = {n: [v["options"][n] for v in product["variants"] if n in (v.get("options") or {})] for n in names}
    color = next((n for n in names if is_color_option(n)), None)
    size = next((n for n in names if n != color and is_size_option(n)), None)
    if size is None:  # by its values; only an option that varies (a single value describes the product)
        size = next((n for n in names if n != color and len(set(values[n])) > 1 and all(is_size_value(v) for v in values[n])), None)
    product["size_option"], product["color_option"] = size, color
    for variant in product["variants"]:
        options = variant.get("options") or {}
        if size in options:
            variant["size"] = options[size]
        if color in options:
            variant["color_label"], variant["color"] = options[color], normalize_color(options[color])


def size_kind(product: Product) -> str:
    """What the product's sizes measure, so that "size 44" is compared only with its like:
    'letter' (S–XXL), 'shoe' (a run 30–50 with odd or half sizes), 'clothing' (German confection
    sizes: even numbers 30–64), 'number' (other numbers), else the size option's name; the
    product's `size_system` when the merchant set one."""
    known = {"eu_shoe": "shoe", "eu_clothing": "clothing", "letter": "letter"}.get(product.size_system or "")
    if known:  # the merchant's own word
        return known
    sizes = product.sizes()
    if sizes and all(size_key(p) in LETTERS for s in sizes for p in re.split(r"[/\s()–-]+", s) if p):
        return "letter"
    if sizes and all(re.fullmatch(r"\d{1,3}(?:[.,]5)?", s.strip()) for s in sizes):
        numbers = [float(s.replace(",", ".")) for s in sizes]
        if all(30 <= n <= 50 for n in numbers) and any(n % 2 for n in numbers):
            return "shoe"
        return "clothing" if all(30 <= n <= 64 and n % 2 == 0 for n in numbers) else "number"
    option = product.size_option or ""
    return "option:size" if is_size_name(option) else f"option:{option.lower()}"
