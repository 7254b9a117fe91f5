"""The size for one or more body measurements from the product's size chart, with the
merchant's rules (`catalog.size_advice`): which measure decides when two fall into different
sizes, which size to take between two, and a size up for a roomier fit the shopper asks for."""

from __future__ import annotations

import re

from actions import size_steps
from actions.texts import decimal, say
from actions.variant_replies import phrase, variant_reply
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.series_rows import series_row
from catalog.shoe_bounds import shoe_fit
from catalog.size_advice import (
    UPPER_SHARE,
    between_rule,
    conditional_step,
    deciding_measure,
    preference,
    upper_limit_rule,
)
from catalog.size_chart import ChartRow, Measurement, chart, sizes_for, usable_rows
from catalog.size_series import derived_rows, joint_fit, one_series
from catalog.size_step_rules import measured_step
from catalog.size_values import size_named_at
from catalog.variants import SIZE, Asked, option_kind, option_values, variant_state

_TOLERANCE = 0.5  # cm around a chart row of one value ("6: 81 cm" holds a 32-inch waist, 81.3 cm)
_SHARE = 0.005  # … at most this share of the value: a glove of 20.3 cm does not hold a hand of 20.8 cm


def _tolerance(row: ChartRow) -> float:
    return min(_TOLERANCE, _SHARE * row.low) if row.low == row.high else 0.0


def _usable(rows: list[ChartRow], m: Measurement) -> list[ChartRow]:
    return usable_rows(rows, m, ("weight", "age"))


def rows_for(rows: list[ChartRow], m: Measurement) -> tuple[list[ChartRow], bool]:
    """(one row, or the two rows the measurement lies between, exact). A measurement inside two
    overlapping rows or in the gap between two lies between them; rows of a minimum ("ab 48 cm")
    give the largest one reached, rows of a maximum ("bis 72 cm") the smallest; outside the chart the nearest row, exact=False."""
    usable = _usable(rows, m)
    inside = [r for r in usable if r.low - _tolerance(r) <= m.cm <= r.high + _tolerance(r)]
    inside = [r for r in inside if r.low == r.high == m.cm] or inside  # a row of exactly that value beats its neighbours' tolerance
    if inside and all(r.high == float("inf") for r in inside):
        return [max(inside, key=lambda r: r.low)], True
    if inside and all(r.low == 0 for r in inside):  # rows of a maximum ("38 bis 72 cm · 40 bis 77 cm"): the smallest one reached
        return [min(inside, key=lambda r: r.high)], True
    if len(inside) >= 2:
        inside.sort(key=lambda r: r.low)
        return [inside[0], inside[-1]], True
    if inside:
        return inside, True
    lower = [r for r in usable if r.high < m.cm]
    upper = [r for r in usable if r.low > m.cm]
    if lower and upper:
        return [max(lower, key=lambda r: r.high), min(upper, key=lambda r: r.low)], True
    return sizes_for(rows, m)


def _held_by_all(product: Product, rows: list[ChartRow], measurements: list[Measurement], rule: tuple[str, str] | None) -> str | None:
    """The size that every measurement allows where the chart's ranges overlap or a measurement
    lies between two sizes ("2X: 160–175 cm, 86–104 kg", "3X: 165–180 cm, 100–118 kg": 173 cm and
    95 kg are 2X only; a chest between 50 and 52, the larger by the rule, and a height of 52 or 54:
    52); of several such
    sizes the merchant's rule between two, else the fit, else the larger; None when none is
    allowed by all or a measurement lies outside the chart."""
    allowed: list[set[str]] = []
    for m in measurements:
        inside = [r for r in _usable(rows, m) if r.low - _tolerance(r) <= m.cm <= r.high + _tolerance(r)]
        if inside and not all(r.low == 0 or r.high == float("inf") for r in inside):
            allowed.append({r.size for r in inside})
            continue
        pair, exact = rows_for(rows, m)
        if not exact:
            return None
        allowed.append({_pick(product, pair, rule).size})  # between two sizes: the one the rule takes
    both = set.intersection(*allowed) if allowed else set()
    held = sorted((r for r in rows if r.measure == measurements[0].measure and r.size in both), key=lambda r: (r.low, r.high))
    if not held:
        return None
    return _pick(product, [held[0], held[-1]] if len({r.size for r in held}) > 1 else held[:1], rule).size


def _pick(product: Product, pair: list[ChartRow], rule: tuple[str, str] | None) -> ChartRow:
    if len(pair) == 1:
        return pair[0]
    if rule:
        return pair[0] if rule[0] == "smaller" else pair[1]
    return pair[0] if product.fit == "runs_large" else pair[1]


def _order(rows: list[ChartRow], measure: str) -> list[str]:
    """The sizes of one measure's rows from small to large."""
    return [r.size for r in sorted((r for r in rows if r.measure == measure), key=lambda r: (r.low, r.high))]


def amount_text(value: float, measure: str, lang: str) -> str:
    """'70 cm', '19 kg', '3 Jahre' for a measurement."""
    number = decimal(value, lang)  # "55,5 cm" in German
    if measure == "weight":
        return f"{number} kg"
    if measure == "age":  # a baby's age in months ("0 Monate" for a newborn)
        return say("unit_months", lang, n=f"{round(value * 12):d}") if value < 2 else say("unit_years", lang, n=number)
    return f"{number} cm"


def _quote(sentence: str, lang: str) -> str:
    return say("fit_advice_quote", lang, sentence=sentence)


def chart_answer(product: Product, measurements: list[Measurement], text: str, lang: str, currency: str) -> str | None:
    """The answer from the product's chart for the question's measurements; None when the chart
    charts none of them."""
    rows = chart(product, lang)
    extra: list[ChartRow] = []  # a waist and an inside leg: the short and long sizes the table leaves out, only for a joint fit
    if len(measurements) > 1 and rows:
        extra = derived_rows(rows, [s.text for s in product_sentences(product, lang)], option_values(product).get(rows[0].option, []))
    if len(measurements) == 1:  # one measure in a table of normal, short and long sizes: one series
        named = next((r.size for r in rows if size_named_at(r.size, text)), None)
        rows = one_series(rows, measurements[0].measure, named)
    said = " ".join(s.text for s in product_sentences(product, lang))
    found = [(m, *rows_for(shoe_fit(rows, text, said, m.measure, m.cm), m)) for m in measurements]  # "155W … for boots EU 44 and up"
    found = [(m, pair, exact) for m, pair, exact in found if pair]
    found, besides = _by_height(found, text)  # "Long … for people taller than 1.85 m": said beside the size
    if not found:
        return None
    name = product.name(lang)
    rule = between_rule(product, lang)
    option = found[0][1][0].option
    lines: list[str] = []
    if len(found) == 1:
        m, pair, exact = found[0]
        chosen = _pick(product, pair, rule) if exact else pair[0]
        cm = amount_text(m.cm, m.measure, lang)
        if not exact and m.measure == "weight" and option_kind(product, option) != SIZE and (none := _none_meant(product, rows, m, option, lang)):
            return none  # "I weigh 115 kg" on firmnesses charted up to 110 kg: no firmness is meant for it
        if not exact:
            span = chosen.source if m.measure in ("weight", "age") else f"{chosen.low:g}–{chosen.high:g} cm" if chosen.low != chosen.high else f"{chosen.low:g} cm"
            size = phrase(product, option, [chosen.size], lang)
            lines.append(say("chart_outside", lang, cm=cm, product=name, size=size, range=span).replace(f" ({span})" if span in size else "\0", ""))
        elif len(pair) == 2:
            advice = _quote(rule[1], lang) if rule else product.text("fit_notes", lang) or say("chart_between_default", lang)
            lines += [say("chart_between", lang, cm=cm, product=name, sizes=phrase(product, option, [r.size for r in pair], lang), advice=advice),
                      say("chart_take", lang, size=phrase(product, option, [chosen.size], lang))]  # fmt: skip
        else:
            lines.append(say("chart_fit", lang, measure=say(f"measure_{m.measure}", lang), cm=cm, product=name, sizes=phrase(product, option, [chosen.size], lang)))
        measure = m.measure
    else:
        picks = [(m, _pick(product, pair, rule)) for m, pair, _ in found]
        sizes = {r.size for _, r in picks}
        if len(sizes) > 1 and (joint := joint_fit(rows + extra, [m for m, _, _ in found]) or _held_by_all(product, rows, [m for m, _, _ in found], rule)):
            picks = [(m, next(r for r in rows + extra if r.size == joint and r.measure == m.measure)) for m, _, _ in found]
            sizes = {joint}
        if len(sizes) == 1:
            parts = f" {say('v_and', lang)} ".join(
                say("chart_measure_and", lang, measure=say(f"measure_{m.measure}", lang), cm=amount_text(m.cm, m.measure, lang)) for m, _ in picks)
            chosen = picks[0][1]
            lines.append(say("chart_fit_all", lang, parts=parts, product=name, sizes=phrase(product, option, [chosen.size], lang)))
            measure = picks[0][0].measure
        else:
            parts = "; ".join(say("chart_by_measure", lang, measure=say(f"measure_{m.measure}", lang), cm=amount_text(m.cm, m.measure, lang),
                                  size=phrase(product, option, [r.size for r in pair], lang)) for m, pair, _ in found)  # fmt: skip
            lines.append(say("chart_differ", lang, product=name, parts=parts))
            decides = deciding_measure(product, lang)
            by = next(((m, r) for m, r in picks if decides and m.measure == decides[0]), None)
            if by and decides:
                lines.append(_quote(decides[1], lang))
                measure, chosen = by[0].measure, by[1]
            else:
                lines.append(say("chart_differ_default", lang))
                order = _order(rows, picks[0][0].measure)
                measure, chosen = max(((m.measure, r) for m, r in picks), key=lambda x: order.index(x[1].size) if x[1].size in order else -1)
            lines.append(say("chart_take", lang, size=phrase(product, option, [chosen.size], lang)))
    if wanted := preference(product, lang, text):  # "I like a relaxed fit" where the merchant says to size up for it
        step = 1 if wanted[0] > 0 else -1
        if other := _next_row(rows, chosen, measure, step):
            chosen = other
            key = "chart_roomy" if step > 0 else "chart_snug"
            lines += [_quote(wanted[1], lang), say(key, lang, size=phrase(product, option, [chosen.size], lang))]
    elif len(found) == 1 and found[0][2] and (up := _merchant_step(product, rows, found[0][0], chosen, text, lang)
                                              or size_steps.stated(product, rows, found[0][0], chosen, text, lang)):
        chosen, sentence = up  # "at the upper limit of a size, take the next", "for deep-chested breeds one size up", "wears a jumper under it"
        lines += [_quote(sentence, lang), say("chart_merchant_up", lang, size=phrase(product, option, [chosen.size], lang))]
    elif len(found) > 1 and (up := size_steps.condition_moved(product, rows, measure, chosen, text, lang)):
        chosen, sentence = up  # "Brust 100, Taille 86, 1,79 m – mit Rückenprotektor": the merchant's step after the joint size
        lines += [_quote(sentence, lang), say("chart_merchant_up", lang, size=phrase(product, option, [chosen.size], lang))]
    if chosen.source not in {r.size for r in rows} and chosen.source != chosen.size and len(chosen.source) > 20:
        lines.append(say("chart_source", lang, sentence=chosen.source))
    asked = [Asked(chosen.option or option, option_kind(product, chosen.option or option), chosen.size, (chosen.size,))]
    for m, pair, _ in besides:  # the second option by the height ("Länge Long"), with the merchant's sentence
        value = pair[-1] if len(pair) > 1 and product.fit != "runs_large" else pair[0]
        lines.append(say("chart_other_option", lang, measure=say(f"measure_{m.measure}", lang), cm=amount_text(m.cm, m.measure, lang),
                         value=phrase(product, value.option, [value.size], lang), sentence=value.source))  # fmt: skip
        asked.append(Asked(value.option, option_kind(product, value.option), value.size, (value.size,)))
    state = variant_state(product, asked)
    lines.append(variant_reply(product, state, lang, currency))
    return " ".join(lines)


Found = list[tuple[Measurement, list[ChartRow], bool]]


def _by_height(found: Found, text: str) -> tuple[Found, Found]:
    """(the measurements charting the size, those charting only a second option by the wearer's
    height). A height alone picks that option's value only when the question names the option
    ("which length for 1.90 m?")."""
    besides = [f for f in found if f[1] and all(r.secondary for r in f[1])]
    rest = [f for f in found if f not in besides]
    if rest or not besides:
        return rest, besides
    named = [f for f in besides if re.search(rf"(?<!\w){re.escape(f[1][0].option)}", text, re.I)]
    return named, []


_NEGATION = re.compile(r"\b(?:nicht|kein\w*|not|no|never|nie)\b", re.I)
# the words of a sentence on those beyond a chart's bound ("über 35 kg", "under 40 kg")
_ABOVE = "über|mehr als|schwerer als|größer als|over|above|more than|heavier than|taller than"
_BELOW = "unter|weniger als|leichter als|kleiner als|under|below|less than|lighter than|shorter than"


def _none_meant(product: Product, rows: list[ChartRow], m: Measurement, option: str, lang: str) -> str | None:
    """A body weight beyond every range of an option that is no size ("H2 up to 75 kg, H3 75 to
    100 kg" and 105 kg; a height beyond a size-like option's still gets the nearest value): none of its values is meant for it, said with the charted bound and
    the merchant's sentence on that limit when the text has one."""
    usable = [r for r in _usable(rows, m) if r.option == option]
    if not usable:
        return None
    above = m.cm > max(r.high for r in usable)
    bound = amount_text(max(r.high for r in usable) if above else min(r.low for r in usable), m.measure, lang)
    number = bound.split()[0]
    lines = [say("chart_none_meant_above" if above else "chart_none_meant_below", lang, cm=amount_text(m.cm, m.measure, lang),
                 product=product.name(lang), option=option, bound=bound)]  # fmt: skip
    beyond = re.compile(rf"\b(?:{_ABOVE if above else _BELOW})\s+(?:ca\.\s+|etwa\s+|about\s+)?{re.escape(number)}(?![\d.,]\d)", re.I)
    limit = next((s.text for s in product_sentences(product, lang) if _NEGATION.search(s.text)
                  and re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d])", s.text)), None) \
        or next((s.text for s in product_sentences(product, lang) if beyond.search(s.text)), None)  # "Für Kinder über 35 kg … empfehlen wir einen Hüftgurt"
    if limit:
        lines.append(say("chart_source", lang, sentence=limit))
    return " ".join(lines)


def _next_row(rows: list[ChartRow], chosen: ChartRow, measure: str, step: int) -> ChartRow | None:
    """The row `step` sizes from the chosen one in the measure's order, if there is one; in the
    chosen size's own series (52 after 50, not the short 25 of the same chest)."""
    rows = [r for r in rows if series_row(r) == series_row(chosen)]
    order = _order(rows, measure)
    if chosen.size not in order or not 0 <= order.index(chosen.size) + step < len(order):
        return None
    return next(r for r in rows if r.size == order[order.index(chosen.size) + step] and r.measure == measure)


def _merchant_step(product: Product, rows: list[ChartRow], m: Measurement, chosen: ChartRow, text: str, lang: str) -> tuple[ChartRow, str] | None:
    """(the next size, the merchant's sentence) where the text says to size up for this
    measurement: one in the top part of a size's range when the text says to take the next
    size there, a group the question names ("my whippet": "for deep-chested breeds …"), or the
    text's step from the measured size ("order one size up from your measured size")."""
    upper = upper_limit_rule(product, lang)
    if upper and chosen.low < m.cm <= chosen.high < float("inf") and m.cm >= chosen.low + UPPER_SHARE * (chosen.high - chosen.low):
        if other := _next_row(rows, chosen, m.measure, 1):
            return other, upper
    step = conditional_step(product, lang, text)
    if step and step[0] == "size" and (other := _next_row(rows, chosen, m.measure, 1)):
        return other, step[1]
    if (measured := measured_step(product, lang)) and (other := _next_row(rows, chosen, m.measure, measured[0])):
        return other, measured[1]  # "order one size up from your measured size"
    return None


def chart_reply(product: Product, measurement: Measurement, lang: str, currency: str) -> str | None:
    """The size for one body measurement from the product's own size information, with the
    state of that size; None when the product data charts no such measure."""
    return chart_answer(product, [measurement], "", lang, currency)
