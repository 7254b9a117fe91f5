"""The body measure a named size is meant for, read from the product's size chart ("Für welche
Körpergröße ist Gr. 25?", "What height is size 44 meant for?", "What's the foot length for EU
37?"): the chart row of that size (`catalog.size_chart`), stated with the row it comes from. Only
a row whose figures the merchant's own line shows is used, so nothing is stated that the text
does not say (a kids' size read by the height convention, "104", is no such row)."""

from __future__ import annotations

import re

from actions.size_chart_answer import amount_text
from actions.texts import decimal, say
from catalog.models import Product
from catalog.size_chart import ChartRow, chart
from catalog.size_values import same_size

# a measure asked of a size (actions.size_value_measure's keys) -> the chart's measure
CHART_MEASURE = {"foot": "foot", "inseam": "inside_leg", "head": "head", "chest": "chest", "waist": "waist",
                 "height": "height", "age": "age", "hip": "hip", "thigh": "thigh"}


def _shown(value: float, source: str) -> bool:
    """Whether a figure of the row is written in its source line ("23.3" or "23,3", "167")."""
    number = f"{value:g}"
    pattern = re.escape(number).replace(r"\.", "[.,]")
    return bool(re.search(rf"(?<![\d.,]){pattern}(?![\d]|[.,]\d)", source))


def _row(product: Product, measure: str, size: str, lang: str) -> ChartRow | None:
    """The one chart row of that size and measure whose figures its line shows; a row that does
    not say what it measures counts as a height when it is in cm and in a height's range."""
    rows = [r for r in chart(product, lang) if same_size(r.size, size) and not r.secondary and r.high != float("inf")]
    rows = [r for r in rows if r.measure == measure] or [
        r for r in rows if measure == "height" and r.measure is None and 50 <= r.low <= r.high <= 220 and re.search(r"\d\s*cm\b", r.source)]
    rows = [r for r in rows if _shown(r.low, r.source) and _shown(r.high, r.source)]
    spans = {(r.low, r.high) for r in rows}
    return rows[0] if len(spans) == 1 else None


def _span(low: float, high: float, measure: str, lang: str) -> str:
    """'167–171 cm', '2–3 Jahre', '6–12 Monate': one unit for both ends."""
    if measure == "age" and high < 2:
        return say("unit_months", lang, n=f"{round(low * 12):d}–{round(high * 12):d}")
    if measure == "age":
        return say("unit_years", lang, n=f"{decimal(low, lang)}–{decimal(high, lang)}")
    return f"{decimal(low, lang)}–{decimal(high, lang)} {'kg' if measure == 'weight' else 'cm'}"


def row_measure_reply(product: Product, asked: str, size: str, lang: str) -> str | None:
    """"Größe 44 ist laut Größentabelle für Körpergröße 170–178 cm gedacht." with the chart's
    line, or None when the chart has no such row."""
    measure = CHART_MEASURE.get(asked)
    if measure is None or (row := _row(product, measure, size, lang)) is None:
        return None
    span = amount_text(row.low, measure, lang) if row.low == row.high else _span(row.low, row.high, measure, lang)
    return say("size_of_chart", lang, product=product.name(lang), size=row.size, measure=say(f"size_of_{asked}", lang),
               span=span, line=row.source)
