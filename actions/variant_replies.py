"""Replies about the version of a product the shopper asked for (`catalog.variants`), in the
shopper's language; the size for a body measurement is `actions.size_chart_answer`."""

from __future__ import annotations

import re
from dataclasses import replace

from actions.texts import join, money, say
from catalog.lexicon import color_name, is_size_option
from catalog.models import COLORS, Product
from catalog.option_names import names_option
from catalog.variants import (
    COLOR,
    SIZE,
    Asked,
    VariantState,
    find_asked,
    in_stock_only,
    is_size_name,
    option_kind,
    option_values,
    sold_out_among,
    variant_options,
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
    return _option_phrase(option, values, lang)


def _option_phrase(option: str, values: list[str], lang: str) -> str:
    """'Länge 220 cm'; values that already start with the option's name ("Weite 12" of the option
    "Weite") are said alone, so the name is not doubled."""
    if values and all(re.match(rf"{re.escape(option.strip())}\b", v.strip(), re.I) for v in values):
        return _or(values, lang)
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
    return _option_phrase(asked.option, [value], lang)


def _what(product: Product, asked: list[Asked], lang: str) -> str:
    """'Größe 44 in Blau', 'in Anthrazit in Länge 220 cm'; an option that is no measure after a
    comma: 'Länge Long, Reißverschluss rechts'."""
    out = ""
    for i, a in enumerate(asked):
        other = a.kind not in (SIZE, COLOR) and not is_size_option(a.option)  # not a length, width, capacity …
        out += ("" if i == 0 else ", " if other else " in ") + _asked_phrase(product, a, lang)
    return out


def variant_reply(product: Product, state: VariantState, lang: str, currency: str) -> str:
    """The asked version's state, then the nearest alternatives in stock. A product sold out in
    every version says so first."""
    name = product.name(lang)
    sold = {} if state.all_sold_out else sold_out_among(product, state.asked)
    # "in black (Anthrazit) … Sold out: Schwarz": the values in stock named, the sold-out ones after
    shown = [replace(a, values=tuple(v for v in a.values if v not in sold.get(a.option, ()))) for a in state.asked]
    what = _what(product, shown, lang)
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
        for option, values in sold.items():
            lines.append(say("v_option_sold_out", lang, values=phrase(product, option, values, lang)))
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


_COLOUR_WORDS = r"colou?rs?|farben?|farbtöne|farbvarianten|shades"
_WHICH = re.compile(r"\b(?:which|what|welche[nrs]?|andere[nmrs]?|other|another|more)\s+(?:other\s+|andere[nmrs]?\s+)?([^\W\d_]+)", re.I)


def _option_asked(product: Product, text: str, options: list[str]) -> str | None:
    """The one of `options` a "which / other …" word of the text names."""
    for m in _WHICH.finditer(text):
        word = m.group(1).lower()
        for name in options:
            if option_kind(product, name) == COLOR and re.fullmatch(_COLOUR_WORDS, word):
                return name
            if re.fullmatch(rf"{re.escape(name.lower())}(?:s|n|en|e)", word):  # the plural: "what size" asks advice
                return name
            if option_kind(product, name) != SIZE and names_option(word, name):  # "prints" of "Motiv"
                return name
    return None


# "Welche Wärmeklasse soll ich nehmen?" asks which one to choose (advice), not which there are
_CHOOSE = re.compile(
    r"\b(?:soll(?:te)?n? (?:ich|wir)|empfehl\w*|rate[nt]? (?:Sie|du)|brauche|nehme[n]?|passt|für mich|"
    r"should (?:I|we)|recommend\w*|(?:do|would) you suggest|I need|take|choose|pick|suits? me|for me)\b",
    re.IGNORECASE,
)


def listed_option(product: Product, text: str) -> str | None:
    """The option whose values a question asks for ("Which colours does it come in?", "Welche
    Längen gibt es?", "in anderen Farben?", "which prints are there?" of "Motiv"): the colour
    option, one named in the plural or by a word of its kind (`catalog.option_names`); never for
    a question which one to choose."""
    if _CHOOSE.search(text):
        return None
    return _option_asked(product, text, [name for name, values in option_values(product).items() if len(values) > 1])


_OTHER = re.compile(r"\b(?:andere[nmrs]?|other|another|weitere[nmrs]?|more)\b", re.I)


def only_option(product: Product, text: str) -> str | None:
    """"Gibt es den auch in einer anderen Farbe als Heather?" of a product in one colour: the
    option asked for in another value that has only one value."""
    if not _OTHER.search(text):
        return None
    return _option_asked(product, text, [name for name, values in option_values(product).items() if len(values) == 1])


def only_value_reply(product: Product, option: str, lang: str) -> str:
    """"Pulli Fjell comes only in Heather."."""
    value = option_values(product)[option][0]
    return say("v_option_only", lang, product=product.name(lang), value=_color(value, lang) if option_kind(product, option) == COLOR else value)


def option_list_reply(product: Product, option: str, lang: str) -> str:
    """"Kaschmirschal Engadin comes in Camel, Anthrazit, Bordeaux and Eisblau. Sold out: Eisblau."."""
    values = option_values(product)[option]
    have = {v for v in values for variant in product.variants
            if variant.stock > 0 and variant_options(product, variant).get(option) == v}  # fmt: skip
    kind = option_kind(product, option)
    shown = [_color(v, lang) if kind == COLOR else v for v in values]
    sold_out = [shown[i] for i, v in enumerate(values) if v not in have]
    text = say("v_option_values", lang, product=product.name(lang), values=join(shown, lang))
    return f"{text} {say('v_option_sold_out', lang, values=join(sold_out, lang))}" if sold_out else text


def searched_version_note(product: Product, text: str, lang: str, currency: str, named: bool = False) -> str | None:
    """The state of the version a search asks for by two or more options ("Oxford-Hemd in M blau?",
    "hipster in L in navy melange?") when it is not plainly in stock: a search line names the size
    and the colour apart ("in M in stock, available in blue") though that combination may be sold out.
    A product the request names (`named`: "Nereus in Weiß lieferbar?", "Gibt es die Hafenkante auch
    in 180x200?") is asked about by one option too, and a value it does not come in is said so: the
    shopper asked about that product, not for others like it."""
    asked = find_asked(product, text)
    if len(asked) < (1 if named else 2) or not (named or all(a.values for a in asked)):
        return None
    state = variant_state(product, asked)
    if state.state not in ("low_stock", "sold_out", "combination_not_offered", *(("not_offered",) if named else ())):
        return None
    return variant_reply(product, state, lang, currency)
