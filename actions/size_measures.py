"""The size for a body measurement: from the product's size information, a sentence of its
text about that measure (with its minimum or maximum), or an honest "we have no chart"."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, reply
from actions.context import catalog
from actions.product_text import quote
from actions.size_chart_answer import chart_answer
from actions.size_fit import _recommend
from actions.size_stock import availability, overview
from actions.texts import say
from actions.variant_replies import chart_reply, phrase
from catalog.body_measures import find_measurements
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.size_advice import guide_advice
from catalog.size_chart import (
    Measurement,
    charted_measure,
    find_measurement,
    limit_verdict,
    measure_of,
)
from catalog.sizes import eu_from_foot
from catalog.variants import SIZE, Asked, amount, find_asked, option_kind, option_values


def _quoted_sentence(text: str) -> str:
    """The sentence inside the quotation marks of a quote ("… „X“" -> "X")."""
    m = re.search(r"[„“\"](.+)[“”\"]\s*$", text)
    return m.group(1) if m else text


def _names_measure(sentence: str, measure: str) -> bool:
    """Whether a product sentence is about that body measure ("28 cm hoch" is no height)."""
    if measure == "height":
        return re.search(r"körpergröße|körperlänge|\bheight\b|\btall\b|\bgroß\b", sentence, re.I) is not None
    return measure_of(sentence) == measure



def _measure_in_text(product: Product, measurement: Measurement, text: str, lang: str) -> str | None:
    """A product in one size and a body measurement ("Schrittlänge 30 cm, passt das Laufrad?"):
    the sentence of its text about that measure, quoted, and whether the measurement is within
    the minimum or maximum it gives."""
    quoted, _ = quote(product, text, lang, catalog().embedder, catalog().config.categories)
    sentence = _quoted_sentence(quoted) if quoted else ""
    if not sentence or not _names_measure(sentence, measurement.measure):
        sentence = next((s.text for s in product_sentences(product, lang) if _names_measure(s.text, measurement.measure)
                         and re.search(r"\d\s*(?:cm|kg)", s.text)), "")  # fmt: skip
        quoted = say("text_quote", lang, product=product.name(lang), sentence=sentence) if sentence else ""
    if not sentence:
        return None
    verdict = limit_verdict(sentence, measurement)
    if verdict is None:
        return quoted
    amount = f"{measurement.cm:g} {'kg' if measurement.measure == 'weight' else 'cm'}"
    return f"{say(f'measure_{verdict}', lang, product=product.name(lang), amount=amount)} {quoted}"


def _answer_measurement(dispatcher: CollectingDispatcher, product: Product, measurement: Measurement, text: str, lang: str) -> Events:
    """"Ich bin 182 cm": the size from the product's size information, a sentence of its text
    that speaks to it, or an honest "we have no chart" with the sizes and the offer to advise
    from the usual size."""
    currency = catalog().config.store.currency
    measurements = find_measurements(text) or [measurement]
    answer = chart_answer(product, measurements, text, lang, currency) or chart_reply(product, measurement, lang, currency)
    events: Events = []
    if answer is None and measurement.measure == "foot" and (eu := eu_from_foot(measurement.cm)) and product.size_system == "eu_shoe":
        lines, _ = _recommend(product, eu, [], lang)  # no chart of its own: the usual rule, then the product's fit
        answer = " ".join([say("size_from_foot", lang, cm=f"{measurement.cm:g}", eu=eu), *lines])
    if answer is None:
        answer = _from_guide(product, measurement, lang)
    if answer is None:
        quoted, _ = quote(product, text, lang, catalog().embedder, catalog().config.categories)
        measure = say(f"measure_{measurement.measure}", lang)
        sizes = overview(product, lang)
        if quoted and (_quoted_sentence(quoted) in sizes or not _names_measure(_quoted_sentence(quoted), measurement.measure)):
            quoted = ""  # the fit advice the overview quotes anyway, or a sentence about another measure
        answer = " ".join(x for x in (quoted, say("chart_none", lang, product=product.name(lang), measure=measure, sizes=sizes)) if x)
        events = [SlotSet("pending_offer", "usual_size")]
    reply(dispatcher, answer, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
    return [*events, SlotSet("current_product", product.id), SlotSet("last_topic", "size")]


def _from_guide(product: Product, measurement: Measurement, lang: str) -> str | None:
    """No chart of the product's own: the store's size guide passage naming its sizes, and the
    size it gives tall people for a shopper as tall ("155×220 cm, für große Menschen")."""
    guide = guide_advice(catalog().policies.passages, product, lang, measurement.cm if measurement.measure == "height" else None)
    if guide is None or guide[1] is None:
        return None
    passage, size = guide
    option = next((n for n, vs in option_values(product).items() if size in vs), SIZE)
    lines = [say("guide_quote", lang, heading=passage.heading, text=passage.text),
             say("guide_tall", lang, cm=f"{measurement.cm:g} cm", size=phrase(product, option, [size], lang))]
    text, _ = availability(product, [Asked(option, option_kind(product, option), size, (size,))], lang)
    return " ".join([*lines, text])


def _measurement(product: Product, text: str, lang: str) -> Measurement | None:
    """A body measurement, also a bare number of cm in a size question ("welche Größe bei
    182 cm?") read as the measure the product's size information charts."""
    found = find_measurement(text, default="?")
    named = find_measurements(text)  # "Taille 68, Hüfte 95": numbers beside measure words, also without unit
    if named:
        return named[0]
    if found is None or found.measure != "?":
        return found
    if any(a.values and amount(a.values[0]) for a in find_asked(product, text)):
        return None  # "in 150 cm?" names a length the product is sold in
    measure = charted_measure(product, lang, found.cm)
    return Measurement(measure, found.cm) if measure else None

