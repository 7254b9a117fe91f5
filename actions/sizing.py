"""Size questions: conversions (UK/US/letters), the size to take from the usual size (with the
merchant's fit advice), the size for a body measurement, and the state of the asked version —
size, colour, length, capacity, pack — with its nearest alternatives (`catalog.variants`)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, ShopAction, reply
from actions.context import catalog, focused_products, metadata, text_of
from actions.product_text import fit_advice, quote
from actions.size_general import conversion as size_conversion
from actions.size_general import size_guide
from actions.texts import join, say
from actions.variant_replies import chart_reply, variant_reply
from catalog.lexicon import find_colors, find_country
from catalog.models import Product
from catalog.names import tokens
from catalog.option_roles import size_kind
from catalog.passages import product_sentences
from catalog.query import find_size
from catalog.size_chart import (
    Measurement,
    charted_measure,
    find_measurement,
    limit_verdict,
    measure_of,
)
from catalog.sizes import (
    eu_from_foot,
    normalize_letter,
    recommend_size,
    uk_us_to_eu,
)
from catalog.variants import (
    COLOR,
    SIZE,
    Asked,
    VariantState,
    amount,
    find_asked,
    is_size_name,
    option_kind,
    option_values,
    same_size,
    variant_options,
    variant_state,
)

_USUAL = re.compile(
    r"(normalerweise|sonst|meistens|üblicherweise|eigentlich|usually|normally|typically|generally|i wear|i take|ich trage|ich habe|trage ich|habe ich"
    r"|usual size|übliche größe|normale größe|normal size|regular size|meine größe ist|my size is|in der regel|i'm (?:a|an) (?:size )?[\dxsml]"
    r"|\b(?:trägt|wears|takes|hat)\b(?:\s+\w+){0,2}?\s+(?:größe\s+|size\s+|schuhgröße\s+|a\s+|an\s+)?[\dxsml]"  # "mein Kind trägt 31", "she wears 116"
    r"|\b(?:is|ist)\s+(?:a|an|eine?)\s+\d)",  # "my daughter is a 20"
    re.I,
)


_ADVICE = re.compile(
    r"(welche größe|welche grösse|welche nummer|welche größe soll|größe empfehlen|empfehlen sie|which size|what size\b(?!s)|recommend"
    r"|size should i|welche länge|which length|welche helmgröße|which one|welche soll|size up|größer bestellen|should i (?:get|order|take))",
    re.I,
)
# "which sizes are there?" asks for the overview, not for advice
_WHICH_SIZES = re.compile(r"(welche größen|welche grössen|in welchen größen|which sizes|what sizes|sizes (?:do you have|are there|available))", re.I)
# "fällt der Schuh klein aus?", "does it run small?", "is it true to size?": how the product fits
_FIT_QUESTION = re.compile(
    r"fällt|fallen|ausfallen|größengetreu|größengerecht|grössengerecht|passgenau|passform|\bruns?\b|\bcomes? up\b"
    r"|true to size|\bfit(?:s)? (?:small|large|big|true|normal)|how (?:does|do) (?:it|they|this|these) fit|\bsize (?:up|down)\b", re.I)
_FIT_ASKED = {
    "runs_small": re.compile(r"\b(?:klein\w*|small\w*|eng\w*|tight|knapp|size up)\b", re.I),
    "runs_large": re.compile(r"\b(?:groß\w*|gross\w*|large\w*|big\w*|weit\w*|loose|size down)\b", re.I),
    "true_to_size": re.compile(r"\b(?:normal\w*|true to size|größengetreu|größengerecht|passgenau|regular)\b", re.I),
}
_SHOE_SIZE = re.compile(r"\d{2}(?:\.5)?")
_BETWEEN = re.compile(r"\b(?:zwischen|between)\s+(?:größe\s+|size\s+)?([\w.,/]+)\s+(?:und|and|or|oder|&)\s+(?:größe\s+|size\s+)?([\w.,/]+)", re.I)


def wanted_size(text: str, product: Product) -> str | None:
    """The size named in an exchange request (`actions.order_exchange`)."""
    m = re.search(r"\b(uk|us)\s*(\d{1,2}(?:[.,]5)?)\b", text, re.I)
    if m and product.size_system in (None, "eu_shoe"):
        return uk_us_to_eu(m.group(1), m.group(2).replace(",", "."))
    size = find_size(text)
    if size is None:
        m = re.search(r"\b(xxs|xs|s|m|l|xl|xxl)\b", text) if product.size_system == "letter" else None
        size = m.group(1).upper() if m else None
    return size


def _sized_options(product: Product) -> list[str]:
    """The product's options other than colour (size, length, capacity, pack …)."""
    return [name for name in option_values(product) if option_kind(product, name) != COLOR]


def _size_option(product: Product) -> str | None:
    sized = _sized_options(product)
    return next((n for n in sized if option_kind(product, n) == SIZE), sized[0] if sized else None)


def _similar_in_size(product: Product, asked: Asked, lang: str) -> tuple[str, list[str]]:
    """Similar products with the asked size in stock, for a size that is sold out or not offered."""
    wanted = normalize_letter(asked.values[0] if asked.values else asked.wanted)
    kind = size_kind(product)  # a hiking boot's 44 is no jacket's 44
    similar = [p for p in catalog().similar(product, limit=8) if size_kind(p) == kind
               and any(v.stock > 0 and v.size and normalize_letter(v.size) == wanted for v in p.variants)][:2]  # fmt: skip
    if not similar:
        return "", []
    return say("size_alternatives", lang, size=wanted, names=join([p.name(lang) for p in similar], lang)), [p.id for p in similar]


def availability(product: Product, asked: list[Asked], lang: str) -> tuple[str, list[str]]:
    """(answer, source ids): the asked version's state, its alternatives, and similar products
    in that size when the size is sold out or not offered."""
    state: VariantState = variant_state(product, asked)
    text = variant_reply(product, state, lang, catalog().config.store.currency)
    sizes = [a for a in asked if a.kind == SIZE]
    if sizes and state.state in ("sold_out", "not_offered") and not any(a.kind == COLOR for a in asked):
        similar, ids = _similar_in_size(product, sizes[0], lang)
        if similar:
            return f"{text} {similar}", [product.id, *ids]
    return text, [product.id]


def overview(product: Product, lang: str) -> str:
    """What is in stock per option other than colour (sizes, lengths …), and the fit."""
    name = product.name(lang)
    parts = _in_stock_parts(product, lang)
    advice = fit_advice(product, lang, catalog().embedder) or (facts.fit_sentence(product, lang) if product.fit else "")
    text = f"{name} – {'; '.join(parts)}." + (f" {advice}" if advice else "")
    return f"{say('v_all_sold_out', lang, product=name)} {text}" if product.total_stock == 0 else text


def _in_stock_parts(product: Product, lang: str) -> list[str]:
    """"Sizes in stock: 38, 39" per option other than colour."""
    in_stock: dict[str, dict[str, None]] = {}
    for variant in product.variants:
        if variant.stock > 0:
            for option, value in variant_options(product, variant).items():
                in_stock.setdefault(option, {})[value] = None
    parts = []
    for option in _sized_options(product):
        values = ", ".join(in_stock.get(option, {})) or say("none", lang)
        label = say("sizes", lang) if is_size_name(option) else say("v_option_in_stock", lang, name=option)
        parts.append(f"{label}: {values}")
    return parts


def _recommend(product: Product, usual: str, asked: list[Asked], lang: str) -> tuple[list[str], list[str]]:
    """The size to take for a shopper's usual size: one up for a product that runs small, with
    the merchant's advice; without fit data the advice sentence of the text is quoted instead
    of naming a size that may be wrong."""
    name = product.name(lang)
    advice = fit_advice(product, lang, catalog().embedder)
    option = _size_option(product) or SIZE
    others = [a for a in asked if a.kind != SIZE]
    size, why = (usual, "unknown") if product.fit is None else recommend_size(product, usual)
    values = tuple(v for v in option_values(product).get(option, []) if same_size(v, size))
    shown = values[0] if values else size  # a range such as "42-44" holds the size: name the range
    if product.fit is None and advice:
        lines = [say("size_advice_only", lang, usual=usual, product=name, advice=advice)]
    else:
        reason = (advice or facts.fit_sentence(product, lang)) if why != "unknown" else say("fit_unknown", lang)
        lines = [say("size_recommend", lang, usual=usual, product=name, size=shown, why=reason)]
    text, sources = availability(product, [Asked(option, SIZE, size, values), *others], lang)
    return [*lines, text], sources


def _fit_answer(product: Product, text: str, lang: str) -> str:
    """How the product fits, for "fällt der klein aus?" without a usual size: yes or no when the
    product's fit is known, the merchant's advice quoted, and the offer to name the size."""
    name = product.name(lang)
    advice = fit_advice(product, lang, catalog().embedder)
    asked = [fit for fit, words in _FIT_ASKED.items() if words.search(text)]
    lines = []
    if product.fit:
        if len(asked) == 1:
            lines.append(say("fit_answer_yes" if asked[0] == product.fit else "fit_answer_no", lang))
        lines.append(say(f"fit_product_{product.fit}", lang, product=name))
        if advice:
            lines.append(advice)
    elif advice:
        lines.append(say("fit_product_advice", lang, product=name, advice=advice))
    else:
        lines.append(say("fit_unknown_for", lang, product=name))
    parts = _in_stock_parts(product, lang)
    if parts:
        lines.append("; ".join(parts) + ".")
    lines.append(say("fit_offer_size", lang))
    return " ".join(lines)


def _between(product: Product, text: str) -> tuple[str, str] | None:
    """("42", "43") for "I'm between 42 and 43" when both are sizes of the product, smaller first."""
    m = _BETWEEN.search(text)
    option = _size_option(product)
    if not m or option is None:
        return None
    values = option_values(product).get(option, [])
    found = [next((v for v in values if same_size(v, w.strip(".,"))), None) for w in (m.group(1), m.group(2))]
    if None in found or found[0] == found[1]:
        return None
    return tuple(sorted(found, key=values.index))  # type: ignore[return-value]


def _recommend_between(product: Product, sizes: tuple[str, str], asked: list[Asked], lang: str) -> tuple[list[str], list[str]]:
    """Between two sizes: the smaller for a product that runs large, else the larger; without a
    fit fact the merchant's advice is quoted and both sizes' stock is given."""
    name = product.name(lang)
    option = _size_option(product) or SIZE
    advice = fit_advice(product, lang, catalog().embedder)
    others = [a for a in asked if a.kind != SIZE]
    if product.fit is None and advice:
        lines = [say("size_between_advice", lang, a=sizes[0], b=sizes[1], product=name, advice=advice)]
        chosen = list(sizes)
    else:
        size = sizes[0] if product.fit == "runs_large" else sizes[1]
        why = advice or (facts.fit_sentence(product, lang) if product.fit else say("chart_between_default", lang))
        lines = [say("size_between", lang, a=sizes[0], b=sizes[1], product=name, size=size, why=why)]
        chosen = [size]
    sources = [product.id]
    for size in chosen:
        text, ids = availability(product, [Asked(option, SIZE, size, (size,)), *others], lang)
        lines.append(text)
        sources += ids
    return lines, sources


def _quoted_sentence(text: str) -> str:
    """The sentence inside the quotation marks of a quote ("… „X“" -> "X")."""
    m = re.search(r"[„“\"](.+)[“”\"]\s*$", text)
    return m.group(1) if m else text


def _names_measure(sentence: str, measure: str) -> bool:
    """Whether a product sentence is about that body measure ("28 cm hoch" is no height)."""
    if measure == "height":
        return re.search(r"körpergröße|körperlänge|\bheight\b|\btall\b|\bgroß\b", sentence, re.I) is not None
    return measure_of(sentence) == measure


def _example_size(product: Product) -> str:
    """A size of the product to show how to answer "what size do you usually wear?"."""
    values = option_values(product).get(_size_option(product) or SIZE) or []
    return values[len(values) // 2] if values else ("M" if product.size_system == "letter" else "42")


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
    answer = chart_reply(product, measurement, lang, catalog().config.store.currency)
    events: Events = []
    if answer is None and measurement.measure == "foot" and (eu := eu_from_foot(measurement.cm)) and product.size_system == "eu_shoe":
        lines, _ = _recommend(product, eu, [], lang)  # no chart of its own: the usual rule, then the product's fit
        answer = " ".join([say("size_from_foot", lang, cm=f"{measurement.cm:g}", eu=eu), *lines])
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


def _measurement(product: Product, text: str, lang: str) -> Measurement | None:
    """A body measurement, also a bare number of cm in a size question ("welche Größe bei
    182 cm?") read as the measure the product's size information charts."""
    found = find_measurement(text, default="?")
    if found is None or found.measure != "?":
        return found
    if any(a.values and amount(a.values[0]) for a in find_asked(product, text)):
        return None  # "in 150 cm?" names a length the product is sold in
    measure = charted_measure(product, lang, found.cm)
    return Measurement(measure, found.cm) if measure else None


def asks_for_version(tracker: Tracker, sizes: bool = True) -> bool:
    """On a product page, a message naming a colour, a size or another option value ("in navy?",
    "in 220 cm?") asks for a version of that product, whatever intent the classifier gave it.
    `sizes=False` leaves bare numbers out (a shipping question may count days or items)."""
    text = text_of(tracker)
    product = catalog().get(metadata(tracker).get("product_id"))
    if product is None or find_country(text):
        return False
    return bool(find_colors(text, shades=True) or (sizes and (find_size(text) or find_asked(product, text))))


def names_page_version(tracker: Tracker) -> bool:
    """"Haben Sie den Schneeanzug in 104?" on that product's page: a version of the page's
    product, though the classifier took it for a search (the product is named, a value asked)."""
    product = catalog().get(metadata(tracker).get("product_id"))
    if product is None or not asks_for_version(tracker) or not find_asked(product, text_of(tracker)):
        return False
    named = catalog().find_named(text_of(tracker))
    if named:
        return named[0].id == product.id
    words = {w for lang in ("de", "en") for w in tokens(product.name(lang)) if len(w) >= 4}
    said = {w for w in tokens(text_of(tracker)) if len(w) >= 4}
    # "den Schneeanzug" of "Polarfuchs Schneeanzug"; "das Trikot" of "Radtrikot Sprint" (the last part of a compound)
    return bool(words & said) or any(w.endswith(s) and len(w) > len(s) for w in words for s in said)


def answer_size(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
    text = text_of(tracker)
    products = focused_products(tracker, limit=1)
    conversion = size_conversion(text, lang)
    if not products:
        if conversion:
            reply(dispatcher, conversion, sources=["sizes:conversion-table"])
        elif guide := size_guide(text, lang, advice=bool(_ADVICE.search(text))):
            reply(dispatcher, "\n".join(f"{p.heading}: {p.text}" if p.heading else p.text for p in guide), sources=[f"policy:{p.ref}" for p in guide])
        else:
            reply(dispatcher, say("which_product", lang))
        return [SlotSet("last_topic", "size")]
    product = products[0]
    name = product.name(lang)
    done = [SlotSet("current_product", product.id), SlotSet("last_topic", "size")]
    if conversion and not any(_SHOE_SIZE.fullmatch(s) for s in product.sizes()):
        # "US 10 in EU?" on the page of a jacket: a general question, answered generally
        reply(dispatcher, conversion, sources=["sizes:conversion-table"])
        return [SlotSet("last_topic", "size")]
    measurement = None if conversion else _measurement(product, text, lang)
    if measurement and _sized_options(product):
        return _answer_measurement(dispatcher, product, measurement, text, lang)
    if measurement and (answer := _measure_in_text(product, measurement, text, lang)):
        reply(dispatcher, answer, sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return done
    asked = find_asked(product, text)
    if not _sized_options(product) and not asked:
        first = say("v_all_sold_out", lang, product=name) + " " if product.total_stock == 0 else ""
        reply(dispatcher, first + say("no_sizes", lang, product=name), sources=[product.id])
        return done
    lines: list[str] = []
    sources = [product.id]
    if conversion:
        lines.append(conversion)
        sources.append("sizes:conversion-table")
    size = next((a for a in asked if a.kind == SIZE), None)
    asked_before = tracker.get_slot("pending_offer") == "usual_size"
    wears = is_size_name(_size_option(product) or SIZE) or product.size_system in ("eu_shoe", "letter", "eu_clothing")
    between = _between(product, text)
    if not size and not between and _ADVICE.search(text) and not _WHICH_SIZES.search(text) and wears:
        reply(dispatcher, say("ask_usual_size", lang, product=name, example=_example_size(product)), sources=[product.id])
        return [SlotSet("pending_offer", "usual_size"), *done]
    events: Events = []
    if between:
        more, ids = _recommend_between(product, between, asked, lang)
        lines += more
        sources += ids
    elif size and (asked_before or _USUAL.search(text) or _ADVICE.search(text)):  # "Meine Jeansgröße ist 50, welche Größe?"
        more, ids = _recommend(product, size.wanted, asked, lang)  # the size as the shopper said it
        lines += more
        sources += ids
        events = [SlotSet("usual_size", size.wanted), SlotSet("pending_offer", None)]
    elif asked:
        from actions.product_questions import feature_answer  # noqa: PLC0415 (it imports this module)

        feature = feature_answer(product, text, lang)  # "Does the 20 inch bike have gears?" asks no stock
        answer, ids = (feature, []) if feature else availability(product, asked, lang)
        lines.append(answer)
        sources += ids
    elif _FIT_QUESTION.search(text) and wears:
        lines.append(_fit_answer(product, text, lang))
        events = [SlotSet("pending_offer", "usual_size")]
    else:
        lines.append(overview(product, lang))
    reply(dispatcher, " ".join(lines), sources=list(dict.fromkeys(sources)), payload=facts.cards_payload([product], lang, catalog().config))
    return [*events, *done]


class ActionAnswerSize(ShopAction):
    def name(self) -> str:
        return "action_answer_size"

    def respond(self, dispatcher, tracker, lang):
        return answer_size(dispatcher, tracker, lang)
