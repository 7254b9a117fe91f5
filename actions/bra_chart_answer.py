"""The bra size from the product's own band and cup chart (`catalog.bra_chart`): the underbust
gives the band, the bust minus the underbust the cup, with the merchant's rules applied and
quoted, then that size's stock; asked before the product's other charts and before the EN 13402
standard, which a merchant's own chart overrides."""

from __future__ import annotations

from actions.texts import say
from actions.variant_replies import variant_reply
from catalog.bra_chart import BraChart, bra_chart, bra_fit
from catalog.cup_step import cup_step, moved_cup
from catalog.measurements import Measurement
from catalog.models import Product
from catalog.variants import Asked, option_kind, variant_state


def _cm(value: float, lang: str) -> str:
    text = f"{value:g} cm"
    return text.replace(".", ",") if lang == "de" else text


def _asked(product: Product, chart: BraChart, band: str, cup: str) -> list[Asked] | None:
    """The version of that band and cup: one value "75B", or a band and a cup option."""
    if chart.combined:
        hit = chart.combined.get((band, cup))
        return [Asked(hit[0], option_kind(product, hit[0]), hit[1], (hit[1],))] if hit else None
    return [Asked(chart.band_option, option_kind(product, chart.band_option), band, (band,)),
            Asked(chart.cup_option, option_kind(product, chart.cup_option), cup, (cup,))]


def bra_answer(product: Product, measurements: list[Measurement], lang: str, currency: str) -> str | None:
    """The answer for an underbust and a bust from the product's own chart; None when the question
    gives not both or the text charts no bands and cups."""
    found = {m.measure: m for m in measurements}
    if "underbust" not in found or "chest" not in found:
        return None
    chart = bra_chart(product, lang)
    if chart is None:
        return None
    under, bust = found["underbust"].cm, found["chest"].cm
    fit = bra_fit(product, lang, chart, under, bust)
    if fit is None:
        return None
    size = f"{fit.band}{fit.cup}"
    lines = [say("bra_chart_fit", lang, product=product.name(lang), under=_cm(under, lang), band=fit.band,
                 difference=_cm(fit.difference, lang), cup=fit.cup)]
    lines += [say("chart_source", lang, sentence=rule) for rule in fit.rules]
    cup = fit.cup
    if (step := cup_step(product, lang)) and (moved := moved_cup(size, step[0], [f"{fit.band}{c.value}" for c in chart.cups])):
        cup, size = moved[len(fit.band):], moved  # "eine Cupgröße mehr, als Sie im 8. Monat messen": the cup alone
        lines += [say("fit_advice_quote", lang, sentence=step[1]), say("chart_merchant_up", lang, size=say("evidence_size", lang, size=size))]
    else:
        lines.append(say("chart_take", lang, size=say("evidence_size", lang, size=size)))
    asked = _asked(product, chart, fit.band, cup)
    if asked is None:
        lines.append(say("bra_not_offered", lang, product=product.name(lang), size=size))
    else:
        lines.append(variant_reply(product, variant_state(product, asked), lang, currency))
    return " ".join(lines)
