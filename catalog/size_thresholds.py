"""The product's sizing rules bound to a measure of the wearer (`catalog.size_bounds`: "Wer über
90 kg wiegt, nimmt eine Länge länger", "Ab Cup D empfehlen wir eine Nummer größer", "not
suitable for riders over 120 kg"), and the one the shopper's stated measure passes. A rule holds
only for a shopper who states the measure and passes the bound; a shopper who states none gets
no step from it, and a plain step of the text (`catalog.size_step_rules.stated_step`) is none
when its sentence has such a bound."""

from __future__ import annotations

from catalog.models import Product
from catalog.size_advice import text_sentences
from catalog.size_bounds import Threshold, passes, rule_of, shopper_value


def rules(product: Product, lang: str) -> list[Threshold]:
    """The product's rules bound to a measure of the wearer."""
    return [rule for s in text_sentences(product, lang) if (rule := rule_of(s))]


def applies(product: Product, lang: str, text: str, chart_bound: dict[str, float] | None = None,
            steps: bool = True) -> Threshold | None:
    """The first rule the shopper's stated measure passes: a step (`steps`) or an unsuited
    range (not `steps`). `chart_bound`: the chosen size's own upper bound per measure, for a rule
    bound to the chart ("mehr als in der Tabelle angegeben")."""
    for rule in rules(product, lang):
        if bool(rule.step) != steps:
            continue
        bound = rule.bound if rule.bound is not None else (chart_bound or {}).get(rule.measure)
        value = shopper_value(text, rule.measure)
        if bound is not None and value is not None and passes(rule, value, bound):
            return rule
    return None
