"""Replies about the version of a product the shopper asked for (`catalog.variants`) and the
size for a body measurement (`catalog.size_chart`), in the shopper's language."""

from __future__ import annotations

from actions.texts import money, say
from catalog.lexicon import color_name
from catalog.models import COLORS, Product
from catalog.size_chart import Measurement, chart, sizes_for
from catalog.variants import (
    COLOR,
    SIZE,
    Asked,
    VariantState,
    in_stock_only,
    is_size_name,
    option_kind,
    variant_state,
)


def _or(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {say('v_or', lang)} " + items[-1]


def _color(value: str, lang: str) -> str:
    return color_name(value, lang) if value in COLORS else value


def phrase(product: Product, option: str, values: list[str], lang: str) -> str:
    """'Größe 43, 42.5 oder 42', 'Blau', 'Länge 220 cm' for one option's values."""
    kind = option_kind(product, option)
    if kind == COLOR:
        return _or([_color(v, lang) for v in values], lang)
    if kind == SIZE and is_size_name(option):
        return say("v_size", lang, value=_or(values, lang))
    return say("v_option", lang, name=option, value=_or(values, lang))


def _asked_phrase(product: Product, asked: Asked, lang: str) -> str:
    if asked.kind == COLOR:
        family = asked.wanted in COLORS
        text = _color(asked.wanted, lang)
        labels = [v for v in asked.values if v not in COLORS and v.lower() != text.lower()]
        return f"{text} ({', '.join(labels)})" if family and labels else text
    value = asked.values[0] if asked.values else asked.wanted
    if asked.kind == SIZE and is_size_name(asked.option):
        return say("v_size", lang, value=value)
    return say("v_option", lang, name=asked.option, value=value)


def _what(product: Product, asked: list[Asked], lang: str) -> str:
    return " in ".join(_asked_phrase(product, a, lang) for a in asked)


def variant_reply(product: Product, state: VariantState, lang: str, currency: str) -> str:
    """The asked version's state, then the nearest alternatives in stock. A product sold out in
    every version says so first."""
    name = product.name(lang)
    what = _what(product, state.asked, lang)
    lines: list[str] = []
    if state.all_sold_out:
        lines.append(say("v_all_sold_out", lang, product=name))
    if state.state == "not_offered":
        missing = [a for a in state.asked if not a.values]
        offered = "; ".join(phrase(product, a.option, state.offered[a.option], lang) for a in missing)
        lines.append(say("v_not_offered", lang, product=name, what=_what(product, missing, lang), values=offered))
    elif state.state == "combination_not_offered":
        lines.append(say("v_combination_not_offered", lang, product=name, what=what))
    elif not state.all_sold_out:
        price = money(state.price or 0.0, lang, currency)
        if state.state == "in_stock":
            lines.append(say("v_in_stock", lang, product=name, what=what, price=price))
        elif state.state == "low_stock":
            lines.append(say("v_low_stock", lang, product=name, what=what, count=state.stock, price=price))
        else:
            lines.append(say("v_sold_out", lang, product=name, what=what))
    if state.all_sold_out or state.state in ("in_stock", "low_stock"):
        for option, values in ({} if state.all_sold_out else in_stock_only(product, state.asked)).items():
            lines.append(say("v_in_stock_only", lang, values=phrase(product, option, values, lang)))
        return " ".join(lines)
    for option, values in state.alternatives.items():
        if set(values) == set(state.offered.get(option, ())):
            continue  # every offered value is in stock: the list above says it all
        others = [a for a in state.asked if a.option != option and a.values]
        keeping = f" in {_what(product, others, lang)}" if others else ""
        lines.append(say("v_alternatives", lang, keeping=keeping, values=phrase(product, option, values, lang)))
    if state.state in ("sold_out", "not_offered", "combination_not_offered") and not state.alternatives:
        lines.append(say("v_no_alternatives", lang))
    return " ".join(lines)


def _amount(value: float, measure: str, lang: str) -> str:
    """'70 cm', '19 kg', '3 Jahre' for a measurement."""
    number = f"{value:g}".replace(".", ",") if lang == "de" else f"{value:g}"  # "55,5 cm" in German
    if measure == "weight":
        return f"{number} kg"
    if measure == "age":
        return say("unit_years", lang, n=number)
    return f"{number} cm"


def chart_reply(product: Product, measurement: Measurement, lang: str, currency: str) -> str | None:
    """The size for a body measurement from the product's own size information, with the
    state of that size; None when the product data charts no such measure."""
    rows = chart(product, lang)
    fit, exact = sizes_for(rows, measurement)
    if not fit:
        return None
    name = product.name(lang)
    cm = _amount(measurement.cm, measurement.measure, lang)
    option = fit[0].option
    sizes = phrase(product, option, [r.size for r in fit], lang)
    if not exact:
        row = fit[0]
        span = row.source if measurement.measure in ("weight", "age") else f"{row.low:g}–{row.high:g} cm" if row.low != row.high else f"{row.low:g} cm"
        lines = [say("chart_outside", lang, cm=cm, product=name, size=sizes, range=span).replace(f" ({span})" if span in sizes else "\0", "")]
    elif len(fit) > 1:
        advice = product.text("fit_notes", lang) or say("chart_between_default", lang)
        take = fit[0] if product.fit == "runs_large" else fit[-1]  # between two sizes: the larger, unless it runs large
        lines = [say("chart_between", lang, cm=cm, product=name, sizes=sizes, advice=advice),
                 say("chart_take", lang, size=phrase(product, option, [take.size], lang))]
    else:
        measure = say(f"measure_{measurement.measure}", lang)
        lines = [say("chart_fit", lang, measure=measure, cm=cm, product=name, sizes=sizes)]
    source = fit[-1].source
    if source not in {r.size for r in rows} and source != fit[-1].size and len(source) > 20:
        lines.append(say("chart_source", lang, sentence=source))
    chosen = (fit[0] if product.fit == "runs_large" and len(fit) > 1 else fit[-1]) if exact else fit[0]
    state = variant_state(product, [Asked(option, option_kind(product, option), chosen.size, (chosen.size,))])
    lines.append(variant_reply(product, state, lang, currency))
    return " ".join(lines)
