"""The option values a question names by an amount or a number: "135×200 cm" is no length,
"32 cm" of values "bis 25 cm" / "bis 40 cm", "Rahmenhöhe 56" of "56 cm (L)", "in der normalen
Weite" of a value the product text notes in brackets (`catalog/variants.py: find_asked`)."""

from __future__ import annotations

import re

from catalog.models import Product
from catalog.size_values import SIZE_RANGE, size_key
from catalog.sizes import LETTERS
from catalog.value_amounts import AMOUNT, PACK_OF, amount
from catalog.value_match import count_word, counted, names_value

_DIMENSIONS = re.compile(r"\d\s*[x×]\s*\d", re.I)


def noted_value(product: Product, option: str, values: list[str], text: str) -> str | None:
    """The one value the text names by the note the product text gives it in brackets ("Weite 10
    (normal) und Weite 12 (extra breit, …)": "in der normalen Weite" is "Weite 10")."""
    written = " ".join(re.sub(r"<[^>]+>", " ", product.text("description", lang) or "") for lang in ("de", "en"))
    named = set()
    for value in values:
        for m in re.finditer(rf"(?<![\w-]){re.escape(value)}\s*\(([^)]{{2,60}})\)", written, re.I):
            note = re.split(r"[,;]", m.group(1))[0].strip()
            if note and not note[0].isdigit() and names_value(note, [note], option, text):
                named.add(value)
    return named.pop() if len(named) == 1 else None


def value_amount(option: str, value: str) -> tuple[str, float] | None:
    """The amount a value is sold by: "135×200 cm" is neither a length nor a count, but "Set 2 ×
    4,0 Ah" (a count times an amount) is sold by its 4,0 Ah."""
    found = amount(value) or count_word(value) or counted(option, value)
    return None if found and found[0] in ("length", "count") and _DIMENSIONS.search(value) else found


_UP_TO = re.compile(r"\b(?:bis|up to|max\.?|maximal|höchstens)\s*\d", re.I)


def up_to(value_amounts: dict[str, tuple[str, float] | None], wanted: tuple[str, float]) -> tuple[str, ...]:
    """"32 cm" of values "bis 25 cm" / "Boxspring bis 40 cm": the smallest value up to which it goes."""
    holding = [(a[1], v) for v, a in value_amounts.items() if a and a[0] == wanted[0] and a[1] >= wanted[1] and _UP_TO.search(v)]
    return (min(holding)[1],) if holding else ()


def bare_number_value(values: list[str], text: str) -> str | None:
    """The one value whose number with its unit ("56 cm (L)", "24 Zoll") the text names as a
    bare number ("Rahmenhöhe 56"), also with the German "-er" that names a thing by its number
    ("die 28er Pfanne", "den 42er")."""
    for m in re.finditer(r"(?<![\w.,/-])(\d{1,4}(?:[.,]\d+)?)(?:er[ns]?\b|(?![\w/]|[.,]\d|\s*[-–x×]\s*\d))", text):
        number = float(m.group(1).replace(",", "."))
        found = [v for v in values if (n := re.match(r"\s*(\d+(?:[.,]\d+)?)", v)) and float(n.group(1).replace(",", ".")) == number]
        if len(found) == 1:
            return found[0]
    return None


def looks_like_sizes(values: list[str]) -> bool:
    return all(size_key(v) in LETTERS or re.fullmatch(r"\d{2}(?:\.5)?", v.strip()) or SIZE_RANGE.match(v) for v in values)


def spoken_amount(text: str, wanted: tuple[str, float]) -> str:
    for m in [*PACK_OF.finditer(text), *AMOUNT.finditer(text)]:
        if amount(m.group(0)) == wanted:
            return m.group(0).strip()
    return f"{wanted[1]:g}"
