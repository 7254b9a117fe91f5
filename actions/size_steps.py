"""A chart's size moved by one for what the shopper states and the merchant steps for
("eher kräftig gebaut" — "bei kräftigeren Kindern eine Größe größer", `catalog.size_conditions`),
and, on sizes read by the usual rule (kids' sizes are the height), the merchant's plain step from
the usual size ("fällt klein aus, bitte eine Größe größer als sonst", `catalog.size_step_rules.stated_step`)."""

from __future__ import annotations

import re

from catalog.models import Product
from catalog.series_rows import series_row
from catalog.size_advice import conditional_step
from catalog.size_chart import ChartRow, Measurement
from catalog.size_conditions import condition_step
from catalog.size_step_rules import stated_step
from catalog.size_thresholds import applies

_KILOS = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d)?)\s*kg\b", re.I)


def _order(rows: list[ChartRow], measure: str) -> list[ChartRow]:
    return sorted((r for r in rows if r.measure == measure), key=lambda r: (r.low, r.high))


def _moved(rows: list[ChartRow], chosen: ChartRow, measure: str, step: int) -> ChartRow | None:
    order = _order(rows, measure)
    at = next((k for k, r in enumerate(order) if r.size == chosen.size), None)
    return order[at + step] if at is not None and 0 <= at + step < len(order) else None


def by_rule(rows: list[ChartRow]) -> bool:
    """Whether the rows are the sizes themselves read by the usual rule (no chart of the merchant's)."""
    return bool(rows) and all(r.source == r.size for r in rows)


def stated(product: Product, rows: list[ChartRow], m: Measurement, chosen: ChartRow, text: str, lang: str) -> tuple[ChartRow, str] | None:
    """(the size one up or down, the merchant's sentence) for a condition the question states (also
    a measure past the merchant's bound: "Wer über 90 kg wiegt, nimmt eine Länge länger", "schwerer
    als das Maximalgewicht" of the chosen size's row), or for the merchant's plain step from the
    usual size when the chart is the usual rule; None otherwise."""
    own = {r.measure: r.high for r in rows if r.size == chosen.size and r.measure and r.high < float("inf")}
    if "weight" not in own and (kilos := _KILOS.findall(chosen.source)):  # "130 cm 125–139 cm 45 kg": the row's max weight
        own["weight"] = max(float(k.replace(",", ".")) for k in kilos)
    if (bound := applies(product, lang, text, own)) and (other := _moved(rows, chosen, m.measure, bound.step)):
        return other, bound.sentence
    if said := condition_step(product, lang, text):
        other = _moved(rows, chosen, m.measure, said[0])
        return (other, said[1]) if other else None
    usable = [r for r in rows if r.measure == m.measure]
    if by_rule(usable) and (step := stated_step(product, lang)) and step[0][0] in (1.0, -1.0):
        other = _moved(rows, chosen, m.measure, int(step[0][0]))  # "eine Größe größer als sonst" on the usual size
        return (other, step[1]) if other else None
    return None


def condition_moved(product: Product, rows: list[ChartRow], measure: str, chosen: ChartRow, text: str, lang: str) -> tuple[ChartRow, str] | None:
    """(the size one up or down, the merchant's sentence) after several measures chose a size, for a
    condition the question states ("ich fahre mit Rückenprotektor" — "Mit Rückenprotektor eine
    Größe größer"), moved within the chosen size's own series (52 after 50, not the short 25)."""
    step = conditional_step(product, lang, text)
    said = (1, step[1]) if step and step[0] == "size" else condition_step(product, lang, text)
    if not said:
        return None
    other = _moved([r for r in rows if series_row(r) == series_row(chosen)], chosen, measure, said[0])
    return (other, said[1]) if other else None
