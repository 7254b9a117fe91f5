"""The size from the product's own size evidence (`catalog.size_evidence`) when the chart
readers chart nothing for the question's measurement: "Ich empfehle Größe M" with the line it
comes from; between two sizes or outside every range said honestly with the nearest size(s).
The step before the bot would say "no chart for that measure, tell me your usual size"."""

from __future__ import annotations

from dataclasses import replace

from actions.texts import say
from actions.variant_replies import variant_reply
from catalog.models import Product
from catalog.size_advice import between_rule
from catalog.size_chart import chart
from catalog.size_conditions import condition_step
from catalog.size_evidence import evidence
from catalog.size_evidence_pick import Pick, picks
from catalog.variants import Asked, option_kind, option_values, variant_state


def _amount(p: Pick, lang: str) -> str:
    """'70 cm', '19 kg', '5 Jahre'; a baby's age in months ('5 Monate')."""
    if p.asked.unit == "years" and p.asked.value < 2:
        return say("unit_months", lang, n=f"{round(p.asked.value * 12):d}")
    number = f"{p.asked.value:g}"
    number = number.replace(".", ",") if lang == "de" else number
    if p.asked.unit == "years":
        return say("unit_years", lang, n=number)
    return f"{number} {'kg' if p.asked.unit == 'kg' else 'cm'}"


def _label(p: Pick, lang: str) -> str:
    """The measure by its known name, else as the text names it, else as the question does."""
    if p.asked.known:
        return say(f"measure_{p.asked.label}", lang)
    return p.rows[0].label or p.asked.label


def _one(p: Pick, lang: str) -> list[str]:
    amount, label = _amount(p, lang), _label(p, lang)
    if p.kind == "fit":
        lines = [say("evidence_fit", lang, size=p.size, label=label, amount=amount)]
    elif p.kind == "between":
        lines = [
            say(
                "evidence_between", lang, amount=amount, label=label, smaller=p.other, larger=p.size
            )
        ]
    else:
        lines = [say("evidence_outside", lang, amount=amount, label=label, size=p.size)]
    return [*lines, say("chart_source", lang, sentence=p.source)]


def _order(product: Product) -> list[str]:
    return [
        v
        for name, vs in option_values(product).items()
        if option_kind(product, name) != "color"
        for v in vs
    ]


def _option_of(product: Product, value: str) -> str | None:
    """The one non-colour option offering the value, None when none or several do."""
    names = [n for n, vs in option_values(product).items() if value in vs and option_kind(product, n) != "color"]
    return names[0] if len(names) == 1 else None


def _combined(product: Product, found: list[Pick]) -> list[tuple[str, Pick]]:
    """(option, pick) per measure when each measure picks a value of another option (a size by the
    chest, a leg length by the inside leg), none outside its chart; [] otherwise."""
    if len(found) < 2 or any(p.kind == "outside" for p in found):
        return []
    pairs = [(o, p) for p in found if (o := _option_of(product, p.size))]
    return pairs if len(pairs) == len(found) and len({o for o, _ in pairs}) == len(pairs) else []


def _named(product: Product, option: str, value: str, lang: str) -> str:
    """"size M" for the size option, "Leg length Tall" for another."""
    return say("evidence_size", lang, size=value) if option == product.size_option else f"{option} {value}"


def _stepped(product: Product, chosen: Pick, text: str, lang: str) -> tuple[str, str] | None:
    """(the next size, the merchant's sentence) for a condition the question states that the
    merchant steps one size for ("Wer einen Rückenprotektor darunter trägt, eine Größe größer")."""
    said = condition_step(product, lang, text)
    option = _option_of(product, chosen.size)
    if not said or not option:
        return None
    values = option_values(product)[option]
    at = values.index(chosen.size) + said[0]
    return (values[at], said[1]) if 0 <= at < len(values) else None


def evidence_answer(product: Product, text: str, lang: str, currency: str) -> str | None:
    """The answer from the size evidence for the question's measurements; None when it charts none."""
    found = picks(text, evidence(product, lang))
    if not found:
        return None
    if len(found) == 1 and found[0].kind == "between" and (rule := between_rule(product, lang)):
        p = found[0]  # the merchant's rule between two sizes ("liegen Sie zwischen zwei Größen, nehmen Sie die kleinere")
        chosen = replace(p, size=p.other if rule[0] == "smaller" and p.other else p.size)
        lines = [say("chart_between", lang, cm=f"{_label(p, lang)} {_amount(p, lang)}", product=product.name(lang),
                     sizes=f"{p.other} / {p.size}", advice=say("fit_advice_quote", lang, sentence=rule[1])),
                 say("evidence_take", lang, size=chosen.size)]  # fmt: skip
    elif len(found) == 1 or len({p.size for p in found}) == 1 and all(p.kind == "fit" for p in found):
        lines = _one(found[0], lang) if len(found) == 1 else [
            say("evidence_fit_all", lang, size=found[0].size, parts=", ".join(f"{_label(p, lang)} {_amount(p, lang)}" for p in found)),
            *(say("chart_source", lang, sentence=s) for s in dict.fromkeys(p.source for p in found))]  # fmt: skip
        chosen = found[0]
    elif combined := _combined(product, found):  # "chest 100 cm, inside leg 85 cm": a size and a leg length, both taken
        parts = "; ".join(f"{_label(p, lang)} {_amount(p, lang)}: {p.size}" for p in found)
        choice = ", ".join(_named(product, option, p.size, lang) for option, p in combined)
        lines = [say("evidence_combined", lang, choice=choice, parts=parts),
                 *(say("chart_source", lang, sentence=s) for s in dict.fromkeys(p.source for p in found))]  # fmt: skip
        state = variant_state(product, [Asked(o, option_kind(product, o), p.size, (p.size,)) for o, p in combined])
        return " ".join([*lines, variant_reply(product, state, lang, currency)])
    else:  # the measures give different sizes: each named, the larger decides
        order = _order(product)
        chosen = max(found, key=lambda p: order.index(p.size) if p.size in order else -1)
        parts = "; ".join(f"{_label(p, lang)} {_amount(p, lang)}: {p.size}" for p in found)
        lines = [say("evidence_differ", lang, parts=parts, size=chosen.size),
                 *(say("chart_source", lang, sentence=s) for s in dict.fromkeys(p.source for p in found))]  # fmt: skip
    if chosen.kind == "outside":
        return " ".join(lines)
    if len(found) == 1 and chosen.kind == "fit" and (step := _stepped(product, chosen, text, lang)):
        lines[0] = say("chart_fit", lang, measure=_label(chosen, lang), cm=_amount(chosen, lang), product=product.name(lang), sizes=chosen.size)
        chosen = replace(chosen, size=step[0])  # "wears a back protector underneath": the merchant's size up
        lines += [say("fit_advice_quote", lang, sentence=step[1]), say("evidence_take", lang, size=chosen.size)]
    option = next(
        (
            n
            for n, vs in option_values(product).items()
            if chosen.size in vs and option_kind(product, n) != "color"
        ),
        "",
    )
    if option:
        state = variant_state(
            product, [Asked(option, option_kind(product, option), chosen.size, (chosen.size,))]
        )
        lines.append(variant_reply(product, state, lang, currency))
    return " ".join(lines)


def reads_more(product: Product, measure: str, text: str, lang: str) -> bool:
    """Whether the evidence charts the question's measure for more sizes than the chart readers
    ("S 88 / M 96 / L 104 cm": they read only the size beside the unit): then it answers."""
    charted = {r.size for r in chart(product, lang) if r.measure == measure}
    return any(
        p.asked.known and p.asked.label == measure and len({r.size for r in p.rows}) > len(charted)
        for p in picks(text, evidence(product, lang))
    )
