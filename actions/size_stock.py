"""What a product has in stock per size-like option, and the state of an asked version with
its nearest alternatives and similar products in that size (`catalog.variants`)."""

from __future__ import annotations

from actions import facts
from actions.context import catalog
from actions.product_text import fit_advice
from actions.texts import join, say
from actions.variant_replies import variant_reply
from catalog.models import Product
from catalog.option_roles import size_kind
from catalog.sizes import normalize_letter
from catalog.variants import (
    COLOR,
    SIZE,
    Asked,
    VariantState,
    is_size_name,
    option_kind,
    option_values,
    variant_options,
    variant_state,
)


def sized_options(product: Product) -> list[str]:
    """The product's options other than colour (size, length, capacity, pack …)."""
    return [name for name in option_values(product) if option_kind(product, name) != COLOR]


def size_option(product: Product) -> str | None:
    sized = sized_options(product)
    return next((n for n in sized if option_kind(product, n) == SIZE), sized[0] if sized else None)


def _similar_in_size(product: Product, asked: Asked, lang: str) -> tuple[str, list[str]]:
    """Similar products with the asked size in stock, for a size that is sold out or not offered."""
    wanted = normalize_letter(asked.values[0] if asked.values else asked.wanted)
    kind = size_kind(product)  # a hiking boot's 44 is no jacket's 44
    similar = [p for p in catalog().similar(product, limit=8) if size_kind(p) == kind
               and any(v.stock > 0 and v.size and normalize_letter(v.size) == wanted for v in p.variants)][:2]  # fmt: skip
    if not similar:
        return "", []
    return say("size_alternatives", lang, size=wanted, names=join([p.name(lang) for p in similar], lang)), [p.id for p in similar]


def availability(product: Product, asked: list[Asked], lang: str) -> tuple[str, list[str]]:
    """(answer, source ids): the asked version's state, its alternatives, and similar products
    in that size when the size is sold out or not offered."""
    state: VariantState = variant_state(product, asked)
    text = variant_reply(product, state, lang, catalog().config.store.currency)
    sizes = [a for a in asked if a.kind == SIZE]
    if sizes and state.state in ("sold_out", "not_offered") and not any(a.kind == COLOR for a in asked):
        similar, ids = _similar_in_size(product, sizes[0], lang)
        if similar:
            return f"{text} {similar}", [product.id, *ids]
    return text, [product.id]


def overview(product: Product, lang: str) -> str:
    """What is in stock per option other than colour (sizes, lengths …), and the fit."""
    name = product.name(lang)
    parts = in_stock_parts(product, lang)
    advice = fit_advice(product, lang, catalog().embedder) or (facts.fit_sentence(product, lang) if product.fit else "")
    text = f"{name} – {'; '.join(parts)}." + (f" {advice}" if advice else "")
    return f"{say('v_all_sold_out', lang, product=name)} {text}" if product.total_stock == 0 else text


def in_stock_parts(product: Product, lang: str) -> list[str]:
    """"Sizes in stock: 38, 39" per option other than colour."""
    in_stock: dict[str, dict[str, None]] = {}
    for variant in product.variants:
        if variant.stock > 0:
            for option, value in variant_options(product, variant).items():
                in_stock.setdefault(option, {})[value] = None
    parts = []
    for option in sized_options(product):
        values = ", ".join(in_stock.get(option, {})) or say("none", lang)
        label = say("sizes", lang) if is_size_name(option) else say("v_option_in_stock", lang, name=option)
        parts.append(f"{label}: {values}")
    return parts
