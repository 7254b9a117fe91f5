"""The size for the body measurements of a question ("ich bin 1,82 m", "he weighs 50 lbs", "a 5
year old", "Taille 68, Hüfte 95"): from the product's own size information with the merchant's
rules (`actions.size_chart_answer`), a sentence of its text about that measure, a general rule
said to be one (foot length -> EU shoe size; a child's age -> the kids' size of that height, only
on products in kids' sizes), the store's size guide naming the product's sizes (with the size it
gives tall people), or an honest "we have no chart"."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.bra_chart_answer import bra_answer
from actions.common import Events, reply
from actions.context import catalog
from actions.product_text import quote
from actions.size_advice import recommend
from actions.size_chart_answer import chart_answer, chart_reply
from actions.size_convention_answer import convention_answer
from actions.size_formula import formula_answer
from actions.size_guide_answer import guide_height_answer
from actions.size_stock import availability, overview
from actions.texts import say
from actions.variant_replies import phrase
from catalog.bra_chart import bra_chart
from catalog.guide_rounding import guide_rounding, rounded
from catalog.models import Product
from catalog.option_roles import size_kind
from catalog.passages import product_sentences
from catalog.size_advice import guide_advice
from catalog.size_chart import (
    Measurement,
    chart,
    charted_measure,
    find_measurements,
    kids_heights,
    limit_verdict,
    measure_of,
    sizes_for,
)
from catalog.size_conventions import covers
from catalog.size_guide_chart import with_guide
from catalog.size_rules import kids_size_for_age
from catalog.sizes import eu_from_foot
from catalog.variants import SIZE, Asked, amount, find_asked, option_kind, option_values


def _quoted_sentence(text: str) -> str:
    """The sentence inside the quotation marks of a quote ("… „X“" -> "X")."""
    m = re.search(r"[„“\"](.+)[“”\"]\s*$", text)
    return m.group(1) if m else text


# a body weight in a product sentence ("für schwerere Läufer über 90 kg", "belastbar bis 120 kg"),
# not the product's own weight ("Gewicht: 310 g", "Weight: 1.2 kg", "wiegt nur 2 kg")
_KG_AMOUNT = re.compile(r"\d\s*kg\b", re.I)
_OWN_WEIGHT = re.compile(r"^\W*(?:gewicht|eigengewicht|(?:net |total )?weight)\b\s*:|\bwieg(?:t|en)\b|\bweighs?\b", re.I)


def _names_measure(sentence: str, measure: str) -> bool:
    """Whether a product sentence is about that body measure ("28 cm hoch" is no height, "Gewicht:
    1,2 kg" no body weight)."""
    if measure == "weight":
        return bool(_KG_AMOUNT.search(sentence)) and not _OWN_WEIGHT.search(sentence)
    if measure == "height":
        return re.search(r"körpergröße|körperlänge|\bheight\b|\btall\b|\bgroß\b", sentence, re.I) is not None
    return measure_of(sentence) == measure


def names_measure(product: Product, measurement: Measurement, lang: str) -> bool:
    """Whether a sentence of a one-size product's text gives a body measure other than a height
    in cm ("passt für Handgelenke 12–16 cm"), which `measure_in_text` quotes."""
    return measurement.measure not in ("height", "weight", "age") and any(
        _names_measure(s.text, measurement.measure) and re.search(r"\d\s*cm", s.text) for s in product_sentences(product, lang))


def measure_in_text(product: Product, measurement: Measurement, text: str, lang: str) -> str | None:
    """A product in one size, or one without a chart by that measure, and a body measurement
    ("Schrittlänge 30 cm, passt das Laufrad?", "I'm 95 kg"): the sentence of its text about that measure, quoted, and whether the measurement is within
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


def _age_rule(product: Product, measurement: Measurement, lang: str) -> str | None:
    """A child's age on a product in kids' sizes with no chart by age: the usual size for that
    age as a rule of thumb (5 years -> 110), then the size for that height."""
    if measurement.measure != "age" or not kids_heights(product) or any(r.measure == "age" for r in chart(product, lang)):
        return None
    size = kids_size_for_age(measurement.cm)
    answer = chart_reply(product, Measurement("height", size), lang, catalog().config.store.currency) if size else None
    if answer is None:
        return None
    age = say("age_months", lang, n=f"{round(measurement.cm * 12):d}") if measurement.cm < 2 else say("age_years", lang, n=f"{measurement.cm:g}")
    return f"{say('age_rule', lang, age=age, size=size)} {answer}"


def is_shoe(product: Product) -> bool:
    """Sold in EU shoe sizes: the merchant's `size_system`, else a run of sizes 30–50 with odd or half
    sizes (`catalog.option_roles.size_kind`), as every raw export's shoes are."""
    return product.size_system == "eu_shoe" or (product.size_system is None and size_kind(product) == "shoe")


def charts(product: Product, measurement: Measurement, lang: str, standard: bool = True) -> bool:
    """Whether the product's size information (or a general rule on it; `standard`: also a size
    system that is that measure by a standard, `catalog.size_conventions`) answers this measurement."""
    if measurement.measure == "age" and kids_heights(product):
        return True
    if measurement.measure == "foot" and is_shoe(product):
        return True
    if measurement.measure == "underbust" and bra_chart(product, lang):  # its own band and cup chart
        return True
    return bool(sizes_for(chart(product, lang), measurement)[0]) or (standard and covers(product, measurement.measure))


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


def _guide_chart(product: Product, measurement: Measurement, text: str, lang: str, currency: str) -> str | None:
    """No chart of the product's own: the store's size guide section that charts its sizes, read
    as its chart ("Für Herren gelten diese Brustumfänge: S 88–94 cm …"), with where it is from."""
    guided = with_guide(product, catalog().policies.passages, lang)
    if guided is None:
        return None
    shadow, passage = guided
    said = chart_answer(shadow, measurements(shadow, text, lang) or [measurement], text, lang, currency)
    return f"{say('guide_chart', lang, heading=passage.heading)} {said}" if said else None


def _convention(product: Product, found: list[Measurement], lang: str) -> str | None:
    """The size by the standard of the product's size system, from the measure as the store's
    size guide turns it into a size first ("add 1 cm and round up": 40.3 cm -> 42), quoted."""
    rules = [rule for m in found if (rule := guide_rounding(catalog().policies.passages, m.measure, lang))]
    adjusted = [next((rounded(m, r) for r in rules if r.measure == m.measure), m) for m in found]
    standard = convention_answer(product, adjusted, lang)
    if standard is None or not rules or adjusted == found:
        return standard[0] if standard else None
    before, after = next((m, a) for m, a in zip(found, adjusted, strict=True) if m != a)
    cm = [f"{x.cm:g} cm".replace(".", ",") if lang == "de" else f"{x.cm:g} cm" for x in (before, after)]
    return f"{say('guide_rounding', lang, sentence=rules[0].sentence, measured=cm[0], size=cm[1])} {standard[0]}"


def answer_measurement(dispatcher: CollectingDispatcher, product: Product, measurement: Measurement, text: str, lang: str) -> Events:
    """"Ich bin 182 cm", "Taille 68, Hüfte 95": the size from the product's size information
    for all the question's measurements it charts, a rule of thumb, the store's size guide, or an
    honest "we have no chart" with the sizes and the offer to advise from the usual size."""
    currency = catalog().config.store.currency
    found = measurements(product, text, lang) or [measurement]
    answer = _age_rule(product, measurement, lang) or bra_answer(product, found, lang, currency) or chart_answer(product, found, text, lang, currency)
    answer = answer or formula_answer(product, measurement, lang, currency)  # "Körpergröße minus 5 bis 10 cm"
    answer = answer or _guide_chart(product, measurement, text, lang, currency)  # the shop's own guide before a standard
    if answer is None and (standard := _convention(product, measurements(product, text, lang) or [measurement], lang)):
        answer = standard  # a size system that is a body measure by a standard: hat, ring, collar, glove, W/L, bra, socks
    events: Events = []
    if answer is None and measurement.measure == "foot" and (eu := eu_from_foot(measurement.cm)) and is_shoe(product):
        lines, _ = recommend(product, eu, [], lang)  # no chart of its own: the usual rule, then the product's fit
        answer = " ".join([say("size_from_foot", lang, cm=f"{measurement.cm:g}".replace(".", "," if lang == "de" else "."), eu=eu), *lines])
    if answer is None:
        answer = _from_guide(product, measurement, lang) or guide_height_answer(product, measurement, lang)  # "bis 1,80 m: 135 x 200 cm"
    if answer is None:
        measure = say(f"measure_{measurement.measure}", lang)
        sizes = overview(product, lang)
        quoted = measure_in_text(product, measurement, text, lang) or ""  # "auch für Läufer über 90 kg geeignet"
        if quoted and _quoted_sentence(quoted) in sizes:
            quoted = ""  # the fit advice the overview quotes anyway
        answer = " ".join(x for x in (quoted, say("chart_none", lang, product=product.name(lang), measure=measure, sizes=sizes)) if x)
        events = [SlotSet("pending_offer", "usual_size")]
    reply(dispatcher, answer, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
    return [*events, SlotSet("current_product", product.id), SlotSet("last_topic", "size")]


_LONG = re.compile(r"\b(?:long|lang|länge|length)\b", re.I)


def measurements(product: Product, text: str, lang: str) -> list[Measurement]:
    """The question's body measurements (`catalog.measurements`), a bare number of cm in a size
    question ("welche Größe bei 182 cm?") read as the measure the product's size information
    charts, or left out."""
    found: list[Measurement] = []
    for m in find_measurements(text, default="?"):
        if m.measure == "?":
            if any(a.values and amount(a.values[0]) for a in find_asked(product, text)):
                continue  # "in 150 cm?" names a length the product is sold in
            measure = charted_measure(product, lang, m.cm)
            if _LONG.search(text) and {"length"} <= (charted := {r.measure for r in chart(product, lang)}) and "height" not in charted:
                measure = "length"  # "the shirt about 74 cm long": the table's length column, not the chest
            m = Measurement(measure, m.cm) if measure else None  # noqa: PLW2901
        if m:
            found.append(m)
    return found


def measurement(product: Product, text: str, lang: str) -> Measurement | None:
    """Of the question's measurements ("he is 3'11\" and weighs 50 lbs") the first one the
    product charts, else the first."""
    found = measurements(product, text, lang)
    return next((m for m in found if charts(product, m, lang)), found[0] if found else None)
