"""Size questions: conversions (UK/US/letters), the size to take from the usual size (with the
merchant's fit advice and rules, `actions.size_advice`), the size for the body measurements of
a question (`actions.size_measure`, from the chart by `actions.size_chart_answer`), and the state
of the asked version — size, colour, length, width, capacity, pack — with its nearest
alternatives (`actions.size_stock`). This module reads the question and picks one."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, ShopAction, reply
from actions.condition_answer import condition_answer
from actions.context import catalog, focused_products, text_of
from actions.need_answer import need_reply
from actions.product_answers import answer_lines, feature_answer
from actions.size_advice import (
    ADVICE,
    BETWEEN_SIZES,
    FIT_QUESTION,
    USUAL,
    WHICH_SIZES,
    between,
    between_rule,
    example_size,
    fit_answer,
    mapped_usual,
    recommend,
    recommend_between,
    shoe_run,
    usual_in_product_system,
)
from actions.size_detail_route import (
    asks_stock,
    detail_instead,
    own_version_asked,
    version_detail,
    without_asked_options,
)
from actions.size_equivalent import equivalent_reply
from actions.size_evidence_answer import evidence_answer, reads_more
from actions.size_general import conversion as size_conversion
from actions.size_general import size_guide
from actions.size_guide_answer import guide_wearer_answer
from actions.size_measure import (
    answer_measurement,
    charts,
    is_shoe,
    measure_in_text,
    measurement,
)
from actions.size_option_measure import option_measure_answer
from actions.size_problem import problem_reply, usual_beside
from actions.size_series_answer import series_answer
from actions.size_stock import availability, overview, size_option, sized_options
from actions.size_system_answer import system_reply
from actions.size_value_measure import size_measure_reply
from actions.texts import say
from catalog.condition_rows import given_measure
from catalog.fact_kinds import MEASURED_KINDS
from catalog.models import Product
from catalog.option_shapes import system_size
from catalog.passages import asked_aspects
from catalog.size_advice import conditional_step, one_size_span, width_value
from catalog.size_chart import Measurement, chart, sizes_for
from catalog.size_thresholds import applies
from catalog.size_values import size_named_at
from catalog.sizes import step_value
from catalog.variants import (
    SIZE,
    Asked,
    find_asked,
    is_size_name,
    option_kind,
    option_values,
    same_size,
)

__all__ = ["ActionAnswerSize", "answer_size", "availability"]




def _general(dispatcher: CollectingDispatcher, text: str, conversion: str | None, lang: str) -> Events:
    """A size question about no product: a conversion, the store's size guide, the products of the
    kind it asks for (a search the catalog is sure of), or which product."""
    if conversion:
        reply(dispatcher, conversion, sources=["sizes:conversion-table"])
    elif guide := size_guide(text, lang, advice=bool(ADVICE.search(text))):
        reply(dispatcher, "\n".join(f"{p.heading}: {p.text}" if p.heading else p.text for p in guide), sources=[f"policy:{p.ref}" for p in guide])
    else:
        from actions.search import show_results  # noqa: PLC0415 (it imports this module)

        result = catalog().search(text)
        if result.confident:  # "eine Arbeitshose in Kurzgröße": a kind of product asked for, in a size
            return show_results(dispatcher, result, lang)
        reply(dispatcher, say("which_product", lang))
    return [SlotSet("last_topic", "size")]


def _size_with_length(product: Product, found: Measurement, usual: str, lang: str) -> tuple[str, list[str]] | None:
    """A height that picks a length ("Kurz", "Lang") and the usual size, on a product sold in both:
    the size to take in that length (None when the measurement charts the size itself)."""
    rows, exact = sizes_for(chart(product, lang), found)
    option = size_option(product)
    if not rows or not exact or rows[-1].option in (option, None):
        return None
    length = Asked(rows[-1].option, option_kind(product, rows[-1].option), rows[-1].size, (rows[-1].size,))
    lines, sources = recommend(product, usual, [length], lang)
    return " ".join(lines).strip(), sources


WEARS = re.compile(r"\b(?:wear|trage)\b", re.I)  # "I'm 1.82 m tall and wear a 54"
_LENGTH_OPTION = re.compile(r"l[äa]ng|length|inseam|schritt|\bleg\b", re.I)


def _stepped(product: Product, asked: list[Asked], what: str) -> tuple[Asked, str] | None:
    """(the asked version, the value one further) for the merchant's "one length longer" /
    "one size up" on the option the question gives a value of."""
    for a in asked:
        if a.values and (a.kind == SIZE if what == "size" else bool(_LENGTH_OPTION.search(a.option))):
            chosen = step_value(option_values(product).get(a.option, []), a.values[0], 1)
            return (a, chosen) if chosen != a.values[0] else None
    return None


_SYSTEM = re.compile(r"\b(uk|us|eu|it|fr)[- ]?\d", re.I)


def _usual_first(product: Product, text: str, size: Asked | None) -> Asked | None:
    """"Would an L fit me if I normally wear M?": of two sizes, the one right after "normally" /
    "sonst" is the usual size the advice starts from."""
    cue = USUAL.search(text)
    if size is None or cue is None:
        return size
    window = text[cue.start(): cue.end() + 30]
    values = option_values(product).get(size.option, [])
    named = [(m.start(), v) for v in values
             if (m := size_named_at(v, window, 0 if len(v) <= 2 else re.I))]  # fmt: skip
    if not named:
        return size
    after = min(named)[1]
    return size if same_size(after, size.wanted) else Asked(size.option, SIZE, after, (after,))


def own_system(product: Product, text: str) -> bool:
    """Whether the text's UK / US / EU size is in the system the product's own sizes carry ("UK 10")."""
    named = {m.group(1).upper() for m in _SYSTEM.finditer(text)}
    options = option_values(product)  # or an option named by the system: "Größe (UK)" with values "7" … "11" ("EU 42 – what US size?" asks a conversion)
    asked = {m.upper() for m in re.findall(r"(?<![^\W\d_])(uk|us|eu)(?![^\W\d_])", text, re.I)}  # not "it", the pronoun
    return bool(named) and all(any(v.upper().startswith(system) for v in product.sizes())
                               or (asked == {system} and any(system in o.upper() and system_size(o, text) for o in options)) for system in named)


def answer_size(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
    text = text_of(tracker)
    products = focused_products(tracker, limit=1)
    conversion = size_conversion(text, lang)
    if not products:
        return _general(dispatcher, text, conversion, lang)
    product = products[0]
    name = product.name(lang)
    done = [SlotSet("current_product", product.id), SlotSet("last_topic", "size")]
    if (events := need_reply(dispatcher, product, text, lang)) is not None:  # "45 m² Wand – welche Dose?": the yield's computation
        return events
    if equivalent := equivalent_reply(product, text, lang):  # "Welche UK-Größe ist 90F?": the text's own mapping line
        reply(dispatcher, equivalent, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if system := system_reply(product, text, lang):  # "Welche US-Damengröße ist EU 38?": the row of the text's table of systems
        reply(dispatcher, system, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if not asks_stock(text) and (measured := size_measure_reply(product, text, lang, catalog().policies.passages)):  # "Wie lang ist es in 122/128?": not its stock
        reply(dispatcher, measured[0], sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return [*done, *([SlotSet("pending_offer", "handoff")] if measured[1] else [])]
    if said := problem_reply(product, text, lang):  # "Die 42 war zu klein – welche jetzt?": the next size up
        reply(dispatcher, said[0], sources=list(dict.fromkeys(said[1])), payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if unsuited := applies(product, lang, text, steps=False):  # "ich hab 75D" — "Für Cup D und größer ist der Flow nicht geeignet"
        reply(dispatcher, say("size_not_meant", lang, product=name, sentence=unsuited.sentence), sources=[product.id],
              payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if said := _condition(product, text, conversion, lang):  # "80 kg, Seitenschläfer", "1,92 m – welche Decke?": the text's row
        reply(dispatcher, said[0], sources=list(dict.fromkeys(said[1])), payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if said := _measured_detail(product, text, lang):  # "Für welche Raumgröße?", "What radius?": a measured fact, no size
        reply(dispatcher, said, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if conversion and (own_system(product, text) or own_version_asked(product, text)):  # "between UK 10 and UK 12" on a dress sized "UK 10": its own sizes
        conversion = None
    converted = usual_in_product_system(product, text, lang)  # "UK 10 kids" on a kids' boot, "38" on a jacket in letters
    if conversion and not converted and not shoe_run(product):
        # "US 10 in EU?" on the page of a jacket: a general question, answered generally
        reply(dispatcher, conversion, sources=["sizes:conversion-table"])
        return [SlotSet("last_topic", "size")]
    asked = find_asked(product, text)
    if (width := width_value(product, text)) and all(a.option != width[0] for a in asked):  # "breite Füße": the wide version
        asked.append(Asked(width[0], option_kind(product, width[0]), width[1], (width[1],)))
    size = _usual_first(product, text, next((a for a in asked if a.kind == SIZE), None))
    if size and (usual_said := usual_beside(product, text)):  # "die 42 war zu groß, sonst trage ich 43": from 43
        size = Asked(size.option, SIZE, usual_said, (usual_said,))
    usual_given = bool(converted or (size and USUAL.search(text)))
    found = None if conversion and not converted else measurement(product, text, lang)
    usual = converted[0] if converted else size.wanted if size and size.values else None
    if found and found.measure == "height" and usual and (usual_given or WEARS.search(text)):
        option = size.option if size and not converted else size_option(product) or SIZE
        if said := series_answer(product, found.cm, usual, option, lang):  # "1,65 m, sonst 52": the short size 26
            reply(dispatcher, said[0], sources=list(dict.fromkeys(said[1])), payload=facts.cards_payload([product], lang, catalog().config))
            return done
    if not converted and not usual_given and sized_options(product) \
            and (not (found and charts(product, found, lang)) or reads_more(product, found.measure, text, lang)) \
            and (said := evidence_answer(product, text, lang, catalog().config.store.currency)):  # the text's own size lines
        reply(dispatcher, said, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if not converted and (not found or not charts(product, found, lang)) and (said := option_measure_answer(product, text, lang)):
        reply(dispatcher, said[0], sources=list(dict.fromkeys(said[1])), payload=facts.cards_payload([product], lang, catalog().config))
        return done  # "Meine Stange hängt 2,47 m hoch": a length on a product sold by length, no usual size
    if found and sized_options(product) and (charts(product, found, lang, standard=not converted) or not usual_given):  # a conversion to its own sizes wins over the standard
        events = answer_measurement(dispatcher, product, found, text, lang)
        if usual and (more := _size_with_length(product, found, usual, lang)):  # "1,68 m und Größe 38": the length, then the size
            reply(dispatcher, " ".join([*([converted[1]] if converted else []), more[0]]), sources=more[1])
        return events
    if found and not sized_options(product) and (answer := measure_in_text(product, found, text, lang)):
        reply(dispatcher, answer, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if not sized_options(product) and not asked:
        if said := _feature_or_detail(product, text, lang):  # "Will my 15.6 inch laptop fit?" on a one-size bag: the text's sentence
            reply(dispatcher, said, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
            return done
        first = say("v_all_sold_out", lang, product=name) + " " if product.total_stock == 0 else ""
        reply(dispatcher, first + say("no_sizes", lang, product=name), sources=[product.id])
        return done
    lines: list[str] = []
    sources = [product.id]
    if converted:
        option = size_option(product) or SIZE
        lines.append(converted[1])
        size = Asked(option, SIZE, converted[0], tuple(v for v in option_values(product).get(option, []) if same_size(v, converted[0])))
        asked = [size, *(a for a in asked if a.kind != SIZE)]
    elif conversion:
        lines.append(conversion)
        sources.append("sizes:conversion-table")
    asked_before = tracker.get_slot("pending_offer") == "usual_size"
    wears = is_size_name(size_option(product) or SIZE) or product.size_system in ("eu_shoe", "letter", "eu_clothing") or is_shoe(product)
    two = between(product, text)
    if not size and not two and not width and not found and ADVICE.search(text) and (said := guide_wearer_answer(product, text, lang)):  # "für meinen Haflinger"
        reply(dispatcher, said, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    if not size and not two and not width and ADVICE.search(text) and not WHICH_SIZES.search(text) and not FIT_QUESTION.search(text) \
            and not BETWEEN_SIZES.search(text) and wears:  # "wide feet – which width?" is answered with the width
        reply(dispatcher, say("ask_usual_size", lang, product=name, example=example_size(product)), sources=[product.id])
        return [SlotSet("pending_offer", "usual_size"), *done]
    events: Events = []
    if two:
        more, ids = recommend_between(product, two, asked, lang)
        lines += more
        sources += ids
    elif (USUAL.search(text) or asked_before) and (step := conditional_step(product, lang, text)) and (stepped := _stepped(product, asked, step[0])):
        usual, chosen = stepped  # "I normally wear L32 and I'm going to wash them": the merchant's one longer
        lines.append(say("size_recommend", lang, usual=usual.wanted, product=name, size=chosen, why=say("fit_advice_quote", lang, sentence=step[1])))
        answer, ids = availability(product, [Asked(usual.option, usual.kind, chosen, (chosen,)), *(a for a in asked if a is not usual)], lang)
        lines.append(answer)
        sources += ids
    elif size and (asked_before or usual_given or USUAL.search(text) or ADVICE.search(text)):  # "Meine Jeansgröße ist 50, welche Größe?"
        mapped = bool(converted and mapped_usual(product, text, lang))  # the text's own "M = 40/42": no fit step on top
        more, ids = recommend(product, size.wanted, asked, lang, text, mapped=mapped)  # the size as the shopper said it
        lines += more
        sources += ids
        events = [SlotSet("usual_size", size.wanted), SlotSet("pending_offer", None)]
    elif size and not size.values and (span := one_size_span(product, lang)):  # "auch bei Größe 44?" on a one-size cardigan
        lines.append(say("text_quote", lang, product=name, sentence=span[2]))
    elif asked:

        feature = feature_answer(product, text, lang) or version_detail(product, text, lang)  # "Does the 20 inch bike have gears?" asks no stock
        answer, ids = (feature, []) if feature else availability(product, asked, lang)
        lines.append(answer)
        sources += ids
    elif BETWEEN_SIZES.search(text) and wears:
        lines.append(between_rule(product, lang))
        events = [SlotSet("pending_offer", "usual_size")]
    elif FIT_QUESTION.search(text) and wears:
        lines.append(fit_answer(product, text, lang))
        events = [SlotSet("pending_offer", "usual_size")]
    else:  # "Hat die Jeans Stretch?" taken for a size question: a named feature is answered from the text
        lines.append(_feature_or_detail(product, text, lang) or detail_instead(product, text, lang) or overview(product, lang))
    reply(dispatcher, " ".join(lines), sources=list(dict.fromkeys(sources)), payload=facts.cards_payload([product], lang, catalog().config))
    return [*events, *done]


def _condition(product: Product, text: str, conversion: str | None, lang: str) -> tuple[str, list[str]] | None:
    """The value the text's rows give for the question's weight, height or use
    (`actions.condition_answer`); not for a usual size or a conversion."""
    if USUAL.search(text) or WEARS.search(text) or (conversion and given_measure(text) is None):
        return None  # a measure in cm or kg is none of the conversions ("15 cm" is no collar size)
    found = measurement(product, text, lang)
    return condition_answer(product, text, lang, charted=bool(found and charts(product, found, lang)), body=found.measure if found else None)


def _measured_detail(product: Product, text: str, lang: str) -> str | None:
    """A question taken for a size question that asks a quantity measured in its own unit
    ("Für welche Raumgröße ist er?" -> m², "Welchen Radius hat der Ski?" -> m): the detail
    answer when the product's text states it, else None (the size answer follows)."""
    if not MEASURED_KINDS & set(asked_aspects(without_asked_options(product, text), product.name(lang))):
        return None
    found, known = answer_lines(product, text, lang)
    return " ".join(found) if known else None


def _feature_or_detail(product: Product, text: str, lang: str) -> str | None:
    """A named feature from the product's text; on a product with no size to choose, a question
    asking another kind of fact than its size ("Wie dick dürfen die Äste sein?" on secateurs,
    "how much water fits?") answered as a detail question, not with its one version."""

    if feature := feature_answer(product, text, lang):
        return feature
    if any(len(option_values(product).get(option, [])) > 1 for option in sized_options(product)):
        return None
    if not set(asked_aspects(text, product.name(lang))) - {"size", "fit"}:  # "Welche Größe?": its one size
        return None
    found, known = answer_lines(product, text, lang)
    return " ".join(found) if known else None


class ActionAnswerSize(ShopAction):
    def name(self) -> str:
        return "action_answer_size"

    def respond(self, dispatcher, tracker, lang):
        return answer_size(dispatcher, tracker, lang)
