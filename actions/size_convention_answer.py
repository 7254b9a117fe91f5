"""The size by a published standard for a product whose own sizes are in a system that is a body
measure (hat, ring, collar, glove, jeans W/L, bra, socks by shoe size; `catalog.size_conventions`),
when its text gives no chart of that measure: said to follow the standard, with the stock state of
that size, or that it is not offered and the nearest."""

from __future__ import annotations

import re

from actions.size_stock import availability
from actions.texts import join, say
from catalog.measurements import Measurement
from catalog.models import Product
from catalog.size_chart import chart
from catalog.size_conventions import Convention, convention
from catalog.variants import Asked, option_kind


def _amount(m: Measurement, lang: str) -> str:
    text = f"{m.cm * 10:g} mm" if m.measure.startswith("finger") else f"{m.cm:g} cm"
    return text.replace(".", ",") if lang == "de" else text


def _standard(found: Convention) -> str:
    if found.system == "collar" and all(
        float(v.split("/")[0].replace(",", ".")) < 30
        for v in [*found.offered.values(), *found.nearest.values()]
    ):
        return "standard_collar_inch"
    return f"standard_{found.system}"


def _asked(product: Product, values: dict[str, str]) -> list[Asked]:
    return [
        Asked(option, option_kind(product, option), value, (value,))
        for option, value in values.items()
    ]


def convention_answer(
    product: Product, measurements: list[Measurement], lang: str
) -> tuple[str, list[str]] | None:
    """(answer, source ids) by the standard of the product's size system, or None."""
    charted = {r.measure for r in chart(product, lang) if r.measure}
    found = convention(product, measurements, lang, charted)
    if found is None:
        return None
    basis = join(
        [
            say(
                "convention_basis",
                lang,
                measure=say(f"measure_{m.measure}", lang),
                amount=_amount(m, lang),
            )
            for m in found.basis
        ],
        lang,
    )
    size = f"EU {found.size}" if found.system == "socks" else found.size
    lines = [
        say(
            "convention_size",
            lang,
            standard=say(_standard(found), lang),
            basis=basis,
            size=size,
        )
    ]
    sources = [product.id]
    if found.offered:
        text, sources = availability(product, _asked(product, found.offered), lang)
        lines.append(text)
    elif found.nearest:
        nearest = join(list(found.nearest.values()), lang)
        key = "convention_next_up" if _above(found.size, list(found.nearest.values())) else "convention_not_offered"
        lines.append(say(key, lang, product=product.name(lang), nearest=nearest))  # a hat of 52 for 51 cm: the next one up
        text, sources = availability(product, _asked(product, found.nearest), lang)
        lines.append(text)
    elif found.system == "bra":
        lines.append(say("convention_band_only", lang))
    return " ".join(lines), sources


def _above(size: str, values: list[str]) -> bool:
    """Whether the one nearest value is a larger number than the standard size (51 -> "52")."""
    def number(text: str) -> float | None:
        found = re.findall(r"\d+(?:[.,]\d+)?", text)
        return float(found[-1].replace(",", ".")) if found else None

    want, near = number(size), [number(v) for v in values]
    return len(near) == 1 and want is not None and near[0] is not None and near[0] > want
