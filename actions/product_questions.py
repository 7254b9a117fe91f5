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
from actions.named_subject import subject_off_page
from actions.need_answer import need_reply
from actions.policies import answer_refused_service
from actions.product_answers import (
    AVAILABILITY,
    YES_NO,
    answer_lines,
    asked_info_aspects,
    asks_shipping,
    typed_facts,
    without_name,
)
from actions.product_text import (
    finder,
    general_request,
    product_name,
    quote,
)
from actions.search import show_details, show_results
from actions.shipping import answer_shipping
from actions.size_asks import asks_size_advice
from actions.sizing import answer_size, availability
from actions.texts import say
from actions.variant_replies import listed_option, only_option, only_value_reply, option_list_reply
from catalog.fact_kinds import MEASURED_KINDS
from catalog.models import Product
from catalog.off_task import asks_other_task
from catalog.passages import (
    asked_aspects,
    asked_features,
    asking_words,
    content_words,
)
from catalog.policy_aspects import rule_topic
from catalog.quantities import QUANTITIES
from catalog.variants import find_asked
from catalog.word_forms import asked_letters


class ActionAnswerFit(ShopAction):
    def name(self) -> str:
        return "action_answer_fit"

    def respond(self, dispatcher, tracker, lang):
        if asks_size_advice(tracker):  # "reicht 110 für ein Kind mit 112 cm?" on the jacket's page
            return answer_size(dispatcher, tracker, lang)
        text = text_of(tracker)
        subject = subject_off_page(tracker)  # "Is the trench coat's lining removable?" off a page
        products = [subject] if subject else focused_products(tracker)
        if not products:  # "which air purifier is good for allergies?" is a search
            return show_results(dispatcher, catalog().search(text), lang)
        if len(products) == 1 and (events := need_reply(dispatcher, products[0], text, lang)) is not None:
            return events  # "Ich trinke 3 Tassen am Tag, welche Packung reicht einen Monat?"
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


class ActionProductInfo(ShopAction):
    def name(self) -> str:
        return "action_product_info"

    def respond(self, dispatcher, tracker, lang):
        if asks_size_advice(tracker):  # "is 116 big enough for a boy who is 119 cm?" on the jacket's page
            return answer_size(dispatcher, tracker, lang)
        text = text_of(tracker).lower()
        subject = subject_off_page(tracker)  # "Wo wird das Smokinghemd genäht?" off a page: that shirt
        products = [subject] if subject else focused_products(tracker, limit=1)
        if not products and asks_shipping(text):  # "How is the loft bed delivered?" names a kind of product, not one
            return answer_shipping(dispatcher, tracker, lang)
        if not products:
            result = catalog().search(text_of(tracker))
            if result.hits:
                return show_results(dispatcher, result, lang)
            return no_product_reply(dispatcher, tracker, lang)
        if len(named_pair(text_of(tracker))) > 1:  # "which is lighter, X or Y?", "X or Y for my two-year-old?"
            return ActionAnswerFit().respond(dispatcher, tracker, lang)
        product = products[0]
        name = product.name(lang)
        if (events := need_reply(dispatcher, product, text_of(tracker), lang)) is not None:  # "wie lange reicht der 12-kg-Sack?"
            return events
        if (events := answer_versions(dispatcher, tracker, lang)) is not None:  # "Was kostet es in 60 cm im Vergleich zu 80 cm?"
            return events
        if (events := version_answer(dispatcher, product, text_of(tracker), lang, short=True)) is not None:
            return events
        if not asked_info_aspects(text) and general_request(text_of(tracker), name):
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
    return not YES_NO.search(text) or bool(_VERSION_WORD.search(text))


def version_answer(dispatcher, product: Product, text: str, lang: str, short: bool = False) -> list | None:  # noqa: ANN001
    """A question about availability naming a version of the product ("is the 2-litre one in
    stock?"; `short`: also a short one without such a word, "die in Anthrazit?") answered with
    that version's state and alternatives ("Which colours does it come in?": the option's values
    with those sold out); None for any other question."""
    if (option := listed_option(product, text)) is not None and not find_asked(product, text):
        reply(dispatcher, option_list_reply(product, option, lang), sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
    if (only := only_option(product, text)) is not None:  # "auch in einer anderen Farbe als Mushroom?" of one colour
        reply(dispatcher, only_value_reply(product, only, lang), sources=[product.id], payload=facts.cards_payload([product], lang, catalog().config))
        return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
    asked = find_asked(product, text)
    if not asked or not (AVAILABILITY.search(text) or (short and len(text.split()) <= 4 and _short_version(text))):
        return None
    answer, sources = availability(product, asked, lang)
    reply(dispatcher, answer, sources=sources, payload=facts.cards_payload([product], lang, catalog().config))
    return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]


# a question pointing at a product it does not name: "Wie schwer ist er?", "Is it waterproof?"
_POINTING = re.compile(r"\b(?:er|sie|es|ihn|ihm)\b|(?i:\b(?:diese[rsnm]?|dies|it|its|this|that|these|those|they|them|the product|das produkt|den artikel|der artikel)\b)")
_THERE_IS = re.compile(r"\b(?:gibt es|gibt's|ist es|is it possible|is that possible)\b", re.I)


def no_product_reply(dispatcher, tracker, lang: str) -> list:  # noqa: ANN001
    """A product question naming no product of ours, for which the catalog finds nothing: a task
    no shop does gets the refusal, a service of the shop its policy section ("Was kostet die
    TÜV-Prüfung für meine Flasche?"), one pointing at a product ("Wie schwer ist er?") the
    question which product, and one about something the shop does not carry ("Wie viel PS hat
    eine Ducati?") the honest refusal with a person."""
    text = text_of(tracker)
    if not asks_other_task(text) and (events := answer_refused_service(dispatcher, tracker, lang)) is not None:
        return events
    if not asks_other_task(text) and _POINTING.search(_THERE_IS.sub(" ", text)):
        reply(dispatcher, say("which_product", lang))
        return []
    reply(dispatcher, say("fallback", lang), buttons=handoff_buttons(lang))
    return [SlotSet("pending_offer", "handoff")]


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
    if PRODUCT_KINDS & set(asked_aspects(asked, name)):  # "Wie wird der Bezug verschlossen?", "How much torque?": no shop rule asks that
        return page
    words = content_words(asked, name)
    # every word asks for the kind of fact the sentence states: "How many treats can I give per day?" -> "… 10 pieces a day."
    rest = words - asking_words(asked, asked_aspects(asked, name), [sentence])
    return page if (words and not rest) or any(finder(cat.embedder).shared_words(rest, [sentence], name)) else None


# kinds of fact only a product has, never a shop's rule: a physical quantity, how it closes
PRODUCT_KINDS = frozenset(QUANTITIES) | MEASURED_KINDS | {"closure"}


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


def _answer_comparison(dispatcher, products: list[Product], line: str, lang: str) -> list:  # noqa: ANN001
    """"Welche hält länger, X oder Y?" asked as a fit or info question: which one, and why."""
    reply(dispatcher, line, sources=[p.id for p in products], payload=facts.cards_payload(products, lang, catalog().config))
    return [*focus(products), SlotSet("last_topic", "compare")]


def text_answers(product: Product, text: str, lang: str) -> bool:
    """Whether the product's facts or text answer the question confidently (`answer_lines`
    known), other than by its price or stock, which have their own paths."""
    if {"price", "stock"} & set(asked_info_aspects(text)):
        return False
    _, known = answer_lines(product, text, lang)
    return known


def page_text_question(tracker, lang: str) -> bool:  # noqa: ANN001
    """A question on a product page, naming no other product and asking for no products, that the
    page product's own text answers ("How long is the nightdress?" taken for chat), or that asks
    what letters of its name mean ("Was heißt VCS?"): a question about that product."""
    page = catalog().get(metadata(tracker).get("product_id"))
    text = text_of(tracker)
    if page is None or not _QUESTION.search(text) or _WANTS_PRODUCTS.search(text):
        return False
    named = named_products(tracker)
    if named and page not in named:
        return False
    letters = asked_letters(text)  # "Was bedeutet CI?" on the "… S3 CI" page: its text may explain its name
    return bool(letters and re.search(rf"(?<![\w-]){re.escape(letters)}(?![\w-])", page.name(lang))) or text_answers(page, text, lang)



# a refusal the classifier is this sure of is chat ("What time is it?" 0.97, "What does a flight to
# Tokyo cost?" 0.89); below it, on a product page, it was unsure about words it has not learnt
# ("How many UIAA falls?" 0.59, "Which country do the geese come from?" 0.74)
SURE_REFUSAL = 0.8


def page_unsure_refusal(tracker) -> bool:  # noqa: ANN001
    """A question on a product page, naming no other product and asking for no products, that the
    classifier refused without conviction (`nlu_fallback`, or out of scope below `SURE_REFUSAL`):
    the shopper asks about the product in front of them in words the classifier does not know
    ("talk time?", "Ist das echtes Gold?"). Its answer says what the product's data says, or that
    it does not say it; chat it is sure of stays refused."""
    page = catalog().get(metadata(tracker).get("product_id"))
    text = text_of(tracker)
    if page is None or not _QUESTION.search(text) or _WANTS_PRODUCTS.search(text):
        return False
    guess = tracker.latest_message.get("intent") or {}
    if guess.get("name") == "out_of_scope" and (guess.get("confidence") or 0) >= SURE_REFUSAL:
        return False
    named = named_products(tracker)
    return not named or page in named


SHORT_QUESTION_WORDS = 4  # "brim width?", "are they waterproof?", "Welche Gläser sind dabei?"


def page_short_question(tracker, category: str | None) -> bool:  # noqa: ANN001
    """A question of a few words on a product page, taken for a search, that names no other
    product, no store category but the page product's own (`category`: the one the search read)
    and asks for no products: an elliptical question about the product in front of the shopper
    ("waist width?", "Welche Filtertüten passen?"), not a search ("Regenjacke?" on a boot's page)."""
    page = catalog().get(metadata(tracker).get("product_id"))
    text = text_of(tracker).strip()
    if page is None or not text.endswith("?") or len(text.split()) > SHORT_QUESTION_WORDS or _WANTS_PRODUCTS.search(text):
        return False
    if category is not None and category != page.category:
        return False
    named = named_products(tracker)
    return not named or page in named
