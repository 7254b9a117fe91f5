"""Size systems: shoe sizes EU/UK/US, letter and German numeric clothing sizes, and advice
from a product's fit (runs small -> size up)."""

from __future__ import annotations

import re

from catalog.models import Product

# EU shoe size -> (UK, US men/unisex). Common retail conversion.
SHOE_TABLE: dict[str, tuple[str, str]] = {
    "35": ("2.5", "3.5"), "36": ("3.5", "4.5"), "37": ("4", "5"), "38": ("5", "6"),
    "39": ("6", "7"), "40": ("6.5", "7.5"), "41": ("7", "8"), "42": ("8", "9"),
    "43": ("9", "10"), "44": ("9.5", "10.5"), "45": ("10.5", "11.5"), "46": ("11", "12"),
    "47": ("12", "13"), "48": ("13", "14"),
}  # fmt: skip
LETTERS = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL"]
# letter size -> German numeric confection sizes (men / women)
LETTER_TO_EU_CLOTHING: dict[str, tuple[str, str]] = {
    "XS": ("42-44", "32-34"), "S": ("44-46", "36"), "M": ("48-50", "38-40"),
    "L": ("52-54", "42"), "XL": ("56", "44"), "XXL": ("58", "46"),
}  # fmt: skip


def uk_us_to_eu(system: str, size: str) -> str | None:
    """'uk', '9' -> '43'. The nearest EU size for a UK or US shoe size."""
    column = 0 if system.lower() == "uk" else 1
    try:
        wanted = float(size.replace(",", "."))
    except ValueError:
        return None
    best = min(SHOE_TABLE.items(), key=lambda item: abs(float(item[1][column]) - wanted))
    return best[0] if abs(float(best[1][column]) - wanted) <= 0.5 else None


def eu_from_foot(foot_cm: float) -> str | None:
    """The EU (Paris point) shoe size for a foot length: foot + 1.5 cm room, times 1.5."""
    if not 9 <= foot_cm <= 33:
        return None
    return f"{round((foot_cm + 1.5) * 1.5):d}"


def eu_to_uk_us(size: str) -> tuple[str, str] | None:
    return SHOE_TABLE.get(size.split(".")[0])


def normalize_letter(size: str) -> str:
    size = size.upper()
    return {"2XL": "XXL", "XXXL": "3XL"}.get(size, size)


def _shift(product: Product, size: str, steps: float) -> str:
    """The size `steps` sizes away in the product's own size run (half sizes count as 0.5)."""
    if product.size_system == "letter" or size.upper() in LETTERS:
        letter = normalize_letter(size)
        if letter not in LETTERS:
            return size
        index = max(0, min(len(LETTERS) - 1, LETTERS.index(letter) + (1 if steps > 0 else -1 if steps < 0 else 0)))
        return LETTERS[index]
    try:
        value = float(size.replace(",", "."))
    except ValueError:
        return _shift_named(product, size, steps)
    run = sorted({float(s.replace(",", ".")) for s in product.sizes() if _HALF.fullmatch(s)})
    target = value + steps
    if run and target not in run:
        bigger = [s for s in run if (s >= target if steps >= 0 else s <= target)]
        target = (min(bigger) if steps >= 0 else max(bigger)) if bigger else value
    return f"{target:g}"


_PREFIXED = re.compile(r"([A-Za-z]{0,3})\s?(\d{1,3}(?:[.,]5)?)(?:\s?(cm|mm))?")  # "W27", "L32", "UK 10", "57 cm"


def _shift_named(product: Product, size: str, steps: float) -> str:
    """`steps` sizes away in a run of sizes with a letter prefix ("W27" -> "W28", "UK 10" ->
    "UK 12"): the next of the product's own values with that prefix; the size itself at the end."""
    return step_value(product.sizes(), size, steps)


def step_value(values: list[str], size: str, steps: float) -> str:
    """The next value up (or down) from `size` among `values` of the same prefix and unit ("L32" ->
    "L34", "57 cm" -> "58 cm"; plain numbers, "41" -> "42", have none); the size itself when there is none."""
    m = _PREFIXED.fullmatch(size.strip())
    if not m or not steps:
        return size
    run = sorted({(float(v.group(2).replace(",", ".")), s) for s in values
                  if (v := _PREFIXED.fullmatch(s.strip())) and v.group(1).upper() == m.group(1).upper() and v.group(3) == m.group(3)})
    value = float(m.group(2).replace(",", "."))
    further = [s for n, s in run if (n > value if steps > 0 else n < value)]
    if not further:
        return size
    return further[0] if steps > 0 else further[-1]


_HALF = re.compile(r"\d{1,3}(?:[.,]5)?")  # a numbered size, "42" or a half size "42,5" / "42.5"
# how far the merchant says to go: "eine halbe Nummer", "half a size" / "eine Nummer", "one size"
_HALF_STEP = re.compile(r"\bhalbe[nr]?\s+(?:nummer|größe|grösse)|\bhalf\s+(?:a\s+)?size|½", re.I)
_WHOLE_STEP = re.compile(r"\b(?:eine|einer|ganze|one|a|1|full)\s+(?:ganze\s+|full\s+|whole\s+)?(?:nummer|größe|grösse|size)\b", re.I)


def _steps(product: Product) -> float:
    """How many sizes the fit moves: the merchant's words ("eine halbe Nummer" 0.5, "one size" 1),
    else half a size for a product sold in half sizes, else one."""
    notes = " ".join((product.fit_notes or {}).values())
    if _HALF_STEP.search(notes):
        return 0.5
    if _WHOLE_STEP.search(notes):
        return 1
    return 0.5 if any(re.fullmatch(r"\d{1,3}[.,]5", s) for s in product.sizes()) else 1


def shift_size(product: Product, size: str, steps: float) -> str:
    """The size `steps` sizes up (or down) in the product's own size run."""
    return _shift(product, size, steps)


def recommend_size(product: Product, usual_size: str) -> tuple[str, str]:
    """(size to take, why) for a shopper who usually wears `usual_size`; why is the fit key."""
    if product.fit == "runs_small":
        return _shift(product, usual_size, _steps(product)), "runs_small"
    if product.fit == "runs_large":
        return _shift(product, usual_size, -_steps(product)), "runs_large"
    return (normalize_letter(usual_size) if usual_size.upper() in LETTERS else usual_size), product.fit or "unknown"
