"""The length for a shopper's height where the merchant writes the length as arithmetic on
the height ("Körpergröße minus 5 bis 10 cm", "height × 0.7, rounded to the nearest 5 cm"):
the rule quoted, what it gives for this height, and the stocked length in that span."""

from __future__ import annotations

from actions.texts import say
from actions.variant_replies import phrase, variant_reply
from catalog.length_formula import length_rule, pick
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.size_chart import Measurement
from catalog.variants import Asked, amount, option_kind, option_values, variant_state


def _lengths(product: Product) -> tuple[str, dict[str, float]] | None:
    """(option, label -> cm) of the option the product is sold in lengths by."""
    for option, values in option_values(product).items():
        found = {v: a[1] for v in values if (a := amount(v)) and a[0] == "length"}
        if found and len(found) == len(values):
            return option, found
    return None


def _cm(value: float, lang: str) -> str:
    number = f"{value:g}"
    return f"{number.replace('.', ',') if lang == 'de' else number} cm"


def formula_answer(
    product: Product, measurement: Measurement, lang: str, currency: str
) -> str | None:
    """The answer from the merchant's length rule for a height; None without one."""
    if measurement.measure != "height":
        return None
    sold = _lengths(product)
    rule = length_rule([s.text for s in product_sentences(product, lang)], lang)
    if sold is None or rule is None:
        return None
    option, lengths = sold
    low, high = rule.target(measurement.cm)
    chosen = pick(lengths, low, high)
    if not chosen:
        return None
    span = (
        _cm(low, lang) if low == high else f"{_cm(low, lang).removesuffix(' cm')}–{_cm(high, lang)}"
    )
    lines = [
        say("fit_advice_quote", lang, sentence=rule.sentence),
        say("formula_gives", lang, cm=_cm(measurement.cm, lang), span=span),
        say("chart_take", lang, size=phrase(product, option, chosen, lang)),
    ]
    state = variant_state(
        product, [Asked(option, option_kind(product, option), chosen[0], (chosen[0],))]
    )
    return " ".join([*lines, variant_reply(product, state, lang, currency)])
