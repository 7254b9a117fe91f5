"""Questions about one product: does it fit a need, facts (price, stock, materials, care,
weight, the asked version), answers quoted from the product's own text when no structured fact
answers (`actions.product_text`). Comparing two products: `actions.compare`."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet

from actions import facts
from actions.common import ShopAction, focus, handoff_buttons, reply
from actions.compare import comparative_line, named_pair
from actions.compare_versions import answer_versions
from actions.context import catalog, focused_products, metadata, named_products, text_of
from actions.product_text import (
    closest,
    feature_verdict,
    finder,
    general_request,
    product_name,
    quote,
    version_row,
)
from actions.search import show_details, show_results
from actions.shipping import answer_shipping
from actions.sizing import answer_size, asks_size_advice, availability
from actions.texts import say
from actions.variant_replies import listed_option, option_list_reply
from catalog.features import FEATURES
from catalog.models import Product
from catalog.passages import (
    FIELDS,
    asked_aspects,
    asked_features,
    asking_words,
    content_words,
    product_sentences,
)
from catalog.policy_aspects import question_aspects, rule_topic
from catalog.variants import find_asked


class ActionAnswerFit(ShopAction):
    def name(self) -> str:
        return "action_answer_fit"

    def respond(self, dispatcher, tracker, lang):
        if asks_size_advice(tracker):  # "reicht 110 für ein Kind mit 112 cm?" on the jacket's page
            return answer_size(dispatcher, tracker, lang)
        text = text_of(tracker)
        products = focused_products(tracker)
        if not products:  # "which air purifier is good for allergies?" is a search
            return show_results(dispatcher, catalog().search(text), lang)
        pair = named_pair(text)  # "Luftklar Mini or Allergo H13 for 40 m²?": both
        products = pair[:3] if len(pair) > 1 else products
        if len(products) == 1 and (events := version_answer(dispatcher, products[0], text, lang)) is not None:
            return events  # "Gibt es den Schlafsack in Long mit Reißverschluss rechts?"
        if len(products) > 1 and (better := comparative_line(products[0], products[1], text, lang)):  # "welche hält länger?"
            return _answer_comparison(dispatcher, products[:2], better, lang)
        known_ids = {metadata(tracker).get("product_id"), tracker.get_slot("current_product")}
        lines, sources, unknown = [], [], False
        for product in products[:3]:
            answer, known = answer_lines(product, text, lang, verdicts=True)
            if len(products) > 1 or product.id not in known_ids:  # a product named in the question is named in the answer
                answer = [line if line.startswith(product.name(lang)) else f"{product.name(lang)}: {line}" for line in answer]
            lines.extend(answer)
            unknown = unknown or not known
            if known:
                sources.append(product.id)
        if len(products) == 1 and products[0].total_stock == 0:  # a fitting product that cannot be bought says so
            lines.append(say("v_all_sold_out", lang, product=products[0].name(lang)))
        unknown = unknown and not sources
        reply(dispatcher, "\n".join(dict.fromkeys(lines)), sources=sources or [p.id for p in products[:1]],
              buttons=handoff_buttons(lang) if unknown else None, payload=facts.cards_payload(products[:3], lang, catalog().config))  # fmt: skip
        return [*focus(products), SlotSet("last_topic", "fit"), *([SlotSet("pending_offer", "handoff")] if unknown else [])]


_INFO_ASPECTS = {
    # not a bare "wie viel" / "how much": "wie viel wiegt", "how much water does it hold" ask no price
    "price": ("kost", "preis", "price", "cost", "how much is", "how much are", "teuer", "expensive", "günstig", "cheap"),
    "stock": ("lager", "vorrätig", "verfügbar", "stock", "available", "availability", "lieferbar", "ausverkauft", "sold out",
              "bestellbar", "bestellen", "kaufen", "zu haben", "order it", "order this", "order the", "order one", "buy"),
    # not "hergestellt" alone: "wo wird er hergestellt?" asks where, not what of
    "materials": ("material", "made of", "stoff", "fabric", "besteht", "aus was", "woraus"),
    "care": ("wasch", "wash", "pflege", "care", "reinig", "clean", "trockner", "dryer"),
    "weight": ("schwer", "gewicht", "wiegt", "weight", "weigh", "heavy", "light", "leicht"),
}


_ORIGIN = re.compile(r"\b(?:wo\b.*\b(?:hergestellt|produziert|gefertigt|gemacht)|herkunft|herstellungsland|where\b.*\b(?:made|produced|manufactured)|made in\b|country of origin|origin)", re.I)
# a question about a version's availability ("is the black one waterproof?" is not)
_AVAILABILITY = re.compile(
    r"\b(?:gibt es|gibt's|haben sie|habt ihr|hast du|vorrätig|verfügbar|lieferbar|lager|ausverkauft|noch da|bestell|kaufen"
    r"|zu haben|bekomm|erhältlich|do you (?:still )?have|have you got|got it|get it|can i get|available|in stock|stock|sold out|order|buy)",
    re.I,
)


def asks_shipping(text: str) -> bool:
    """How something is delivered, not whether a version is to be had ("lieferbar", "in stock")."""
    return bool(question_aspects(text) & {"shipping", "freight"}) and not _AVAILABILITY.search(text)


class ActionProductInfo(ShopAction):
    def name(self) -> str:
        return "action_product_info"

    def respond(self, dispatcher, tracker, lang):
        if asks_size_advice(tracker):  # "is 116 big enough for a boy who is 119 cm?" on the jacket's page
            return answer_size(dispatcher, tracker, lang)
        text = text_of(tracker).lower()
        products = focused_products(tracker, limit=1)
        if not products and asks_shipping(text):  # "How is the loft bed delivered?" names a kind of product, not one
            return answer_shipping(dispatcher, tracker, lang)
        if not products:
            result = catalog().search(text_of(tracker))
            if result.hits:
                return show_results(dispatcher, result, lang)
            reply(dispatcher, say("which_product", lang))
            return []
        if len(named_pair(text_of(tracker))) > 1:  # "which is lighter, X or Y?", "X or Y for my two-year-old?"
            return ActionAnswerFit().respond(dispatcher, tracker, lang)
        product = products[0]
        name = product.name(lang)
        if (events := answer_versions(dispatcher, tracker, lang)) is not None:  # "Was kostet es in 60 cm im Vergleich zu 80 cm?"
            return events
        if (events := version_answer(dispatcher, product, text_of(tracker), lang, short=True)) is not None:
            return events
        if not _asked_aspects(text) and general_request(text_of(tracker), name):
            return show_details(dispatcher, product, lang)
        lines, known = answer_lines(product, text_of(tracker), lang)
        if product.total_stock == 0:
            lines.insert(0, say("v_all_sold_out", lang, product=name))
        reply(dispatcher, " ".join(dict.fromkeys(lines)), sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config),
              buttons=None if known else handoff_buttons(lang))  # fmt: skip
        events = [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
        return events if known else [*events, SlotSet("pending_offer", "handoff")]


# a short question naming a version: "die in Anthrazit?", "Is it in red?", "Auch als Long?" — not
# "Is the silver recycled?", which asks a property of the silver
_VERSION_WORD = re.compile(r"\b(?:in|als|auch|also|as)\b", re.I)


def _short_version(text: str) -> bool:
    return not _YES_NO.search(text) or bool(_VERSION_WORD.search(text))


def version_answer(dispatcher, product: Product, text: str, lang: str, short: bool = False) -> list | None:  # noqa: ANN001
    """A question about availability naming a version of the product ("is the 2-litre one in
    stock?"; `short`: also a short one without such a word, "die in Anthrazit?") answered with
    that version's state and alternatives ("Which colours does it come in?": the option's values
    with those sold out); None for any other question."""
    if (option := listed_option(product, text)) is not None and not find_asked(product, text):
        reply(dispatcher, option_list_reply(product, option, lang), sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
    asked = find_asked(product, text)
    if not asked or not (_AVAILABILITY.search(text) or (short and len(text.split()) <= 4 and _short_version(text))):
        return None
    answer, sources = availability(product, asked, lang)
    reply(dispatcher, answer, sources=sources, payload=facts.cards_payload([product], lang, catalog().config))
    return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]


# On a product page a message the classifier gave another intent (out of scope, shipping) but
# also this much chance of asking about the product is answered as a question about it:
# "Is it PVC free?" (shipping 0.42, product info 0.35), "Are these wellies lined?" (fallback).
PRODUCT_INTENTS = ("ask_product_info", "ask_product_fit")
PAGE_QUESTION_CONFIDENCE = 0.2


def page_question(tracker) -> bool:  # noqa: ANN001
    """True when the message, on a product page, may well ask about that product and names no other."""
    page = catalog().get(metadata(tracker).get("product_id"))
    if page is None:
        return False
    ranking = tracker.latest_message.get("intent_ranking") or []
    if not any(i.get("name") in PRODUCT_INTENTS and (i.get("confidence") or 0) >= PAGE_QUESTION_CONFIDENCE for i in ranking):
        return False
    named = named_products(tracker)
    return not named or page in named


def page_property(tracker, lang: str) -> Product | None:  # noqa: ANN001
    """The page's product when a question the classifier took for a shop policy asks about a
    property of it: a feature ("kontaktlos bezahlen mit der Uhr?"), a typed fact it has
    ("Was ist die Komforttemperatur?") or what a sentence of its text answers in the question's
    own words ("Is there a crash replacement deal?"). Returns and warranty stay policy
    questions (the product's own rule is looked up there), and so does one naming another product."""
    cat = catalog()
    page = cat.get(metadata(tracker).get("product_id"))
    text = text_of(tracker)
    named = named_products(tracker)
    if page is None or rule_topic(text) or (named and page not in named):
        return None
    asked = without_name(text, page)
    name = product_name(page, lang, cat.config.categories)
    if asked_features(asked, name) or (asked_aspects(asked, name) and typed_facts(page, asked, lang)):  # not the weather's "Wetter"
        return page
    _, answers = quote(page, text, lang, cat.embedder, cat.config.categories)  # "Wie lange dauert die Gravur?": "Engraving takes …"
    if not answers:
        return None
    sentence = answers[0].sentence.text
    words = content_words(asked, name)
    # every word asks for the kind of fact the sentence states: "How many treats can I give per day?" -> "… 10 pieces a day."
    rest = words - asking_words(asked, asked_aspects(asked, name), [sentence])
    return page if (words and not rest) or any(finder(cat.embedder).shared_words(rest, [sentence], name)) else None


# a question about the thing in front of the shopper, not a request for products
_QUESTION = re.compile(r"\?\s*$|^\W*(?:wie|was|welche\w*|wo|woraus|bis wie|how|what|which|where|is|are|does|do|can|has|ist|sind|hat|hält|kann)\b", re.I)
_WANTS_PRODUCTS = re.compile(
    r"\b(?:haben sie|habt ihr|hast du|gibt es|gibt's|führen sie|verkaufen sie|suche|zeig\w*|empfehl\w*|andere\w*|alternative\w*|ähnlich\w*"
    r"|do you (?:have|sell|carry|stock)|have you got|show me|looking for|recommend|other|another|alternatives?|similar|cheaper|günstiger)\b",
    re.I,
)


def page_asks_property(tracker, lang: str) -> bool:  # noqa: ANN001
    """A message the classifier took for a search, on a product page, that asks a property of
    that product (`page_property`) and asks for no products ("Bis wie viel Grad hält der Stiefel
    warm?", not "Haben Sie auch wärmere Stiefel?")."""
    text = text_of(tracker)
    return bool(_QUESTION.search(text)) and not _WANTS_PRODUCTS.search(text) and page_property(tracker, lang) is not None


# a yes/no question ("Ist die Jacke wasserdicht?", "Can I use it for running?"): a verdict first
_YES_NO = re.compile(
    r"^\W*(?:und\s+|and\s+)?(?:ist|sind|hat|haben|kann|können|darf|dürfen|passt|passen|hält|halten|geht|lässt|eignet|taugt|gibt es|brauche"
    r"|is|are|does|do|can|will|has|have|would|could|should|may)\b",
    re.I,
)


def _asked_aspects(text: str) -> list[str]:
    lowered = facts.LIGHT_NOUN.sub(" ", text.lower())
    aspects = [a for a, words in _INFO_ASPECTS.items() if any(re.search(rf"\b{re.escape(w)}", lowered) for w in words)]  # word starts: not "Luftreiniger"
    return [a for a in aspects if a != "weight"] if "max_load_kg" in facts.asked_attributes(text) else aspects


def feature_answer(product: Product, text: str, lang: str) -> str | None:
    """A question naming a version and a feature ("Does the 20 inch bike have gears?"), not
    asking whether it is in stock: answered from the product's text (None when it does not say)."""
    if _AVAILABILITY.search(text):
        return None
    if not asked_features(text, product.name(lang)):  # "Will my 15.6 inch laptop fit?": the sentence with that figure
        said = figure_sentence(product, text, lang)
        return say("text_quote", lang, product=product.name(lang), sentence=said) if said else None
    lines, known = answer_lines(product, text, lang)
    return " ".join(lines) if known else None


# a figure with its unit in a question: "15.6 inch", "6,7 Zoll", "3 mm"
_MEASURE = re.compile(r"(\d+(?:[.,]\d+)?)\s*-?(?:inch|inches|zoll|\"|mm|cm|m|l|liters?|litres?|kg|g)\b", re.I)


def figure_sentence(product: Product, text: str, lang: str) -> str | None:
    """The sentence of the product's text stating the measure the shopper gave ("Will my 15.6 inch
    laptop fit?" -> "Padded laptop sleeve for laptops up to 15.6 inch."), None when none does."""
    figures = {m.group(1).replace(",", ".") for m in _MEASURE.finditer(text)}
    for sentence in product_sentences(product, lang) if figures else []:
        said = {n.replace(",", ".") for n in re.findall(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])", sentence.text)}
        if figures & said:
            return sentence.quoted
    return None


def _answer_comparison(dispatcher, products: list[Product], line: str, lang: str) -> list:  # noqa: ANN001
    """"Welche hält länger, X oder Y?" asked as a fit or info question: which one, and why."""
    reply(dispatcher, line, sources=[p.id for p in products], payload=facts.cards_payload(products, lang, catalog().config))
    return [*focus(products), SlotSet("last_topic", "compare")]


def without_name(question: str, product: Product) -> str:
    """The question without the product's name where it names it, two or more of its words in a
    row ("Luftklar Allergo H13", "die wasserdichte Fahrradtasche"): they say nothing about what is
    asked. A single word stays ("I have wide feet" on "Road Runner Wide")."""
    words = {w.lower() for title in product.title.values() for w in re.findall(r"\w+", title)}
    pieces = question.split()
    named = [bool(w) and w in words for w in (re.sub(r"\W", "", p).lower() for p in pieces)]
    run = [named[i] and ((i > 0 and named[i - 1]) or (i + 1 < len(named) and named[i + 1])) for i in range(len(pieces))]
    return " ".join("" if r else p for p, r in zip(pieces, run, strict=True))


def labelled(aspect: str, text: str, lang: str) -> str:
    """"Pflege: …" for the care text, unless the merchant's text starts with that label itself
    ("Pflege: Nur feucht abwischen" is not said as "Pflege: Pflege: …")."""
    labels = {say(aspect, code, text="").strip().rstrip(":").lower() for code in ("de", "en")}
    return text if text.split(":", 1)[0].strip().lower() in labels else say(aspect, lang, text=text)


def without_name_compounds(question: str, product: Product) -> str:
    """The question without the words of the product's name that are no need themselves:
    "Regenjacke" names the product and asks nothing about rain ("Kann ich die Regenjacke in der
    Waschmaschine waschen?"); "wide" of "Road Runner Wide" stays a need."""
    title = {w.lower() for text in product.title.values() for w in re.findall(r"[^\W\d_]+", text)}
    needs = {w for words in facts.ATTRIBUTE_WORDS.values() for w in words}
    return re.sub(r"[^\W\d_]+", lambda m: "" if m.group(0).lower() in title and m.group(0).lower() not in needs else m.group(0), question)


def names_feature(product: Product, feature: str) -> bool:
    """True when the product's text (any field, any language) names the feature (`catalog.features`)."""
    pattern = FEATURES[feature]
    return any(pattern.search(text) for field in ("title", *FIELDS) for text in (getattr(product, field, None) or {}).values())


def _verdict(product: Product, question: str, lang: str) -> str | None:
    """"Ja: wasserdicht …" when the product's facts decide the need or yes/no question."""
    verdicts = facts.check_fit(product, question, lang)
    if not verdicts:
        return None
    overall = "no" if any(v.verdict == "no" for v in verdicts) else "partly" if any(v.verdict == "partly" for v in verdicts) else "yes"
    return say(f"fit_{overall}", lang, fact="; ".join(v.fact for v in verdicts if v.fact))


def typed_facts(product: Product, question: str, lang: str) -> list[str]:
    """The typed facts the question asks about that the product has, each with its source
    sentence quoted when it was read from the text (`facts.answered_facts`)."""
    if _ORIGIN.search(question):  # "wo wird er hergestellt?" asks where, which no material answers
        return []
    return [f"{product.name(lang)}: {line}" for line in facts.answered_facts(product, question, lang).values() if line]


def from_text(product: Product, question: str, lang: str) -> str | None:
    """The sentence of the product's text that answers the question; for a yes/no question
    about a feature the sentence names or denies, with "Ja." / "Nein." before it."""
    line, answers = quote(product, question, lang, catalog().embedder, catalog().config.categories)
    if line and _YES_NO.search(question):
        verdict = feature_verdict(question, answers[0].sentence.text, product_name(product, lang, catalog().config.categories))
        return say(f"feature_{verdict}", lang, quote=line) if verdict else line
    return line


# a sum of money in a product's text: "CHF 15.–", "15 €", "EUR 9,90"
_MONEY = re.compile(r"(?:CHF|EUR|USD|GBP|Fr\.|[€$£])\s?\d|\d(?:[\d'.,]*\d)?(?:[.,]–)?\s?(?:CHF|EUR|USD|GBP|Franken|Euro|[€$£])", re.I)
# the words asking for a price ("What does X cost?", "Was kostet …?")
_PRICE_WORDS = re.compile(r"^(?:cost\w*|kost\w*|price\w*|preis\w*|teuer\w*|expensive|günstig\w*|cheap\w*|charge\w*)$", re.I)


def priced_sentence(product: Product, question: str, lang: str) -> str | None:
    """The sentence of the product's text giving the price of something else the question names
    ("What does a battery change cost?" -> "Batteriewechsel in unserem Laden für CHF 15.–"), or None
    when the question asks the product's own price or no sentence prices what it names."""
    cat = catalog()
    name = product_name(product, lang, cat.config.categories)
    words = {w for w in content_words(without_name(question, product), name) if not _PRICE_WORDS.match(w)}
    sentences = [s for s in product_sentences(product, lang) if _MONEY.search(s.text)]
    if not words or not sentences:
        return None
    shared = finder(cat.embedder).shared_words(words, [s.text for s in sentences], name)
    best = max(range(len(sentences)), key=lambda i: shared[i])
    return sentences[best].quoted if shared[best] else None


def answer_lines(product: Product, question: str, lang: str, verdicts: bool = False) -> tuple[list[str], bool]:
    """(lines, known) answering a question about one product: a verdict from its facts (for a
    fit question, or any yes/no question), its typed facts, price, stock, materials, care,
    weight, the sentence of its text that answers it; else the closest sentence, said to be no
    clear answer, or "no information" (known False: the caller offers a person)."""
    name = product.name(lang)
    asked = without_name(question, product)  # "Luftklar Allergo" asks nothing about allergies
    if verdicts or _YES_NO.search(question):
        verdict = _verdict(product, without_name_compounds(asked, product), lang)
        if verdict:
            return [verdict], True
    if product.fit and "fit" in asked_aspects(asked):  # "Fällt der Schuh klein aus?": the fit, in the merchant's words
        return [f"{name}: {facts.fit_sentence(product, lang)}"], True
    if row := version_row(product, question, lang):  # "wie viel wiegt er in Long?": that version's row of its table
        return [say("text_quote", lang, product=name, sentence=row)], True
    if asked_features(asked, name) and (quoted := from_text(product, question, lang)):
        return [quoted], True  # "Läuft sie beim Waschen ein?" asks the shrinkage, not the washing temperature
    aspects = _asked_aspects(question)
    kinds = asked_aspects(asked, name)
    if "spare" in kinds:  # "Can I buy a spare pump?": the product's own stock and price are not the part's
        aspects = [a for a in aspects if a not in ("price", "stock")]
    lines: list[str] = []
    missing = False
    unnamed = [key for key in asked_features(asked, name) if not names_feature(product, key)]
    if unnamed:  # "Is the kettle's lid made of plastic?": the kettle's material is not the lid's
        aspects = [a for a in aspects if a in ("price", "stock")]
    # "Ist ein Akku dabei?" asks whether it comes along ("Lieferung ohne Akku"), not the battery's hours
    attributes = [] if unnamed or "included" in kinds else typed_facts(product, asked, lang)
    if attributes:  # "how big a room can it clean?" is the room size, not the care text
        lines += attributes
        aspects = [a for a in aspects if a in ("price", "stock")]
    for aspect in aspects:
        if aspect == "price" and (priced := priced_sentence(product, question, lang)):  # "What does a battery change cost?"
            lines.append(say("text_quote", lang, product=name, sentence=priced))
        elif aspect == "price":
            lines.append(f"{name}: {facts.price_text(product, lang, catalog().config.store.currency)}.")
        elif aspect == "stock":
            if product.total_stock > 0:
                status = facts.availability(product, lang)
                lines.append(say("stock_summary", lang, product=name, status=status) + " " + " ".join(x for x in (facts.sizes_line(product, lang), facts.colors_line(product, lang)) if x))
        elif aspect in ("materials", "care") and product.text(aspect, lang):
            lines.append(labelled(aspect, product.text(aspect, lang), lang))
        elif aspect == "weight" and product.attributes.get("weight_g") is not None:
            lines.append(f"{name}: {facts.attribute_phrase('weight_g', product.attributes['weight_g'], lang)}.")
        else:
            answered = from_text(product, question, lang)
            missing = missing or answered is None
            lines.extend([answered] if answered else [])
    if not aspects and not attributes:
        answered = from_text(product, question, lang)
        missing = answered is None
        lines.extend([answered] if answered else [])
    if missing:
        lines.append(closest(product, question, lang, catalog().embedder, catalog().config.categories) or say("fit_unknown_product" if verdicts else "no_info", lang, product=name))
    return lines, not missing
