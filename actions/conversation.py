"""The conversation itself: hand-off to a person (`actions/handoff.py`), fallback, yes/no to an offer, small talk
and invalid (empty or oversized) messages."""

from __future__ import annotations

import re

from rasa_sdk.events import FollowupAction, SlotSet

from actions.common import ShopAction, handoff_buttons, handoff_text, reply
from actions.compare import ActionCompareProducts, asked_pair
from actions.compare_versions import answer_versions
from actions.context import EMPTY_MESSAGE, MAX_MESSAGE_CHARS, catalog, metadata, text_of
from actions.handoff import ask_for_person
from actions.option_list_answer import answer_option_list
from actions.policies import answer_policy, answer_refused_service
from actions.product_questions import (
    ActionProductInfo,
    page_asks_property,
    page_question,
    page_text_question,
    page_unsure_refusal,
)
from actions.search import show_results
from actions.shipping import answer_shipping
from actions.size_asks import asks_for_version, page_condition, page_size_statement
from actions.size_statement import states_body_measure
from actions.sizing import answer_size
from actions.store_info import answer_hours
from actions.texts import say
from catalog import scope
from catalog.lexicon import find_country
from catalog.off_task import asks_other_task
from catalog.policy_aspects import question_aspects
from catalog.search import SearchResult

RESCUED_INTENTS = ("out_of_scope", "nlu_fallback")


class ActionHandoff(ShopAction):
    def name(self) -> str:
        return "action_handoff"

    def respond(self, dispatcher, tracker, lang):
        return ask_for_person(dispatcher, tracker, lang)


# on a product page, whether it can be ordered or bought is a question about that product
_ORDER_THIS = re.compile(r"\b(?:order|buy|purchase|bestell\w*|kaufen|lieferbar|available|vorrätig|zu haben)\b", re.I)


# the product questions a search request is taken for ("Kopfhörer mit Geräuschunterdrückung für
# lange Zugfahrten": search 0.41, fit 0.37)
_NEAR_SEARCH = ("ask_product_fit", "ask_product_info", "ask_size", "refine_search")


def guesses(tracker) -> list[str]:  # noqa: ANN001
    """The classifier's intents for the latest message, best first, without `nlu_fallback`."""
    return [i.get("name") for i in tracker.latest_message.get("intent_ranking") or [] if i.get("name") != "nlu_fallback"]


def hesitated_over_a_search(tracker) -> bool:  # noqa: ANN001
    """The classifier was unsure (`nlu_fallback`) only because a search came close to a product
    question: off a product page, the two best intents are a search and a product question (no
    out of scope among them), so the message asks for products."""
    if metadata(tracker).get("product_id"):
        return False
    top = guesses(tracker)[:2]
    return len(top) == 2 and top[0] == "search_product" and top[1] in _NEAR_SEARCH


# the shop's own questions: unsure only between two of them, the message asks the shop something
_SHOP_QUESTIONS = ("ask_policy", "ask_shipping")


def hesitated_between_shop_questions(tracker) -> str | None:  # noqa: ANN001
    """The better of two shop questions the classifier was unsure (`nlu_fallback`) between ("Kann
    ich auf Rechnung bestellen, wenn ich in Deutschland wohne?": policy 0.48, shipping 0.45), else None."""
    ranking = guesses(tracker)
    return ranking[0] if len(ranking) >= 2 and set(ranking[:2]) <= set(_SHOP_QUESTIONS) else None


# a best guess that asks for or about products: off a product page, a request naming a store
# category is a search whichever of these the classifier leaned to ("a spirit level about one metre
# long": select 0.34)
_PRODUCT_GUESSES = ("search_product", "select_product", "refine_search", "ask_product_fit", "ask_product_info")


def _unsure_search(tracker) -> bool:  # noqa: ANN001
    """The classifier was unsure (`nlu_fallback`), its best guess about products, off a product page."""
    if metadata(tracker).get("product_id"):
        return False
    ranking = guesses(tracker)
    return bool(ranking) and ranking[0] in _PRODUCT_GUESSES


def unsure_shipping(tracker, text: str) -> bool:  # noqa: ANN001
    """The classifier was unsure (`nlu_fallback`) with shipping one of its two best guesses, and the
    message asks about delivery to a country it names ("Was kostet die Lieferung einer Matratze
    nach Deutschland zusätzlich?": product info 0.42, shipping 0.38): a shipping question."""
    ranking = guesses(tracker)
    return "ask_shipping" in ranking[:2] and "shipping" in question_aspects(text) and bool(find_country(text))


def names_a_category(result: SearchResult) -> bool:
    """The request names one of the store's categories (its name or a synonym the merchant gave:
    "ladies' watch") and the best product is of it: a shop's own word for what it sells."""
    return bool(result.query.category and result.hits and result.hits[0].product.category == result.query.category)


class ActionFallback(ShopAction):
    """The polite refusal, unless the message the classifier refused clearly asks for something
    the catalog carries (`catalog.scope`): then it is answered as a search. A new shop's product
    types ("Gießkanne", "puzzle") are not in the NLU training data, so the classifier may call
    them out of scope."""

    def name(self) -> str:
        return "action_fallback"

    def respond(self, dispatcher, tracker, lang):
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = text_of(tracker)
        if intent in RESCUED_INTENTS and text.strip() and not text.startswith("/") and not scope.asks_medical_advice(text) and not asks_other_task(text):
            if (events := answer_option_list(dispatcher, tracker, lang)) is not None:  # "which patterns are there?" on a page
                return events
            if (events := answer_hours(dispatcher, text, lang)) is not None:  # "What time do you close on Saturday?"
                return events
            if asks_for_version(tracker) or page_condition(tracker) or states_body_measure(catalog().get(metadata(tracker).get("product_id")), text) \
                    or page_size_statement(tracker):
                return answer_size(dispatcher, tracker, lang)  # "in purple?", "my son is 6 and 119 cm tall", "ich trag sonst M" on its page
            if page_question(tracker) or page_asks_property(tracker, lang) or (metadata(tracker).get("product_id") and _ORDER_THIS.search(text)):  # "Are these wellies lined?", "can I order the buggy?" on its page
                return ActionProductInfo().respond(dispatcher, tracker, lang)
            if (events := answer_versions(dispatcher, tracker, lang)) is not None:  # "the 60 cm compared to the 80 cm?"
                return events
            if page_text_question(tracker, lang):  # "How long is the nightdress?" on its page: its text says
                return ActionProductInfo().respond(dispatcher, tracker, lang)
            if asked_pair(text):  # "Riviera or Piz Palü for driving a car?" taken for chat
                return ActionCompareProducts().respond(dispatcher, tracker, lang)
            if intent == "nlu_fallback" and (shop := hesitated_between_shop_questions(tracker)):
                return answer_shipping(dispatcher, tracker, lang) if shop == "ask_shipping" else answer_policy(dispatcher, tracker, lang)
            if intent == "nlu_fallback" and unsure_shipping(tracker, text):
                return answer_shipping(dispatcher, tracker, lang)
            if page_unsure_refusal(tracker):  # "How many UIAA falls?" on its page: what its data says or that it does not say
                return ActionProductInfo().respond(dispatcher, tracker, lang)
            result = scope.carried(catalog(), text)
            if result is None and intent == "nlu_fallback" and hesitated_over_a_search(tracker):
                result = catalog().search(text)
            if result is None and intent == "nlu_fallback" and _unsure_search(tracker):  # "elegant small ladies' watch"
                found = catalog().search(text)
                result = found if names_a_category(found) else None
            if result is not None and result.hits:
                return show_results(dispatcher, result, lang)
            if (events := answer_refused_service(dispatcher, tracker, lang)) is not None:  # "Was kostet eine Anprobe bei euch?"
                return events
        reply(dispatcher, say("fallback", lang), buttons=handoff_buttons(lang))
        return [SlotSet("pending_offer", "handoff")]


class ActionYesNo(ShopAction):
    def name(self) -> str:
        return "action_yes_no"

    def respond(self, dispatcher, tracker, lang):
        intent = tracker.latest_message.get("intent", {}).get("name")
        if tracker.get_slot("pending_offer") == "handoff" and intent == "affirm":
            return ask_for_person(dispatcher, tracker, lang)
        if tracker.get_slot("pending_offer") == "return" and intent == "affirm":
            # "ja" to "return it instead?" after a cancellation that came too late
            return [SlotSet("pending_offer", None), FollowupAction("return_form")]
        reply(dispatcher, say("anything_else", lang))
        return [SlotSet("pending_offer", None)]


# Who answers is asked of the conversation: the one addressed ("du", "Sie", "you"), the one asking
# ("ich", "I", "me"), this chat or its answers, or what is answering (bot, AI, person, program).
# "Hat die Maschine ein Entkalkungsprogramm?" has none of these: a question about a product.
_ABOUT_THE_CHAT = re.compile(
    r"\b(?:du|dich|dir|dein\w*|bist|sind sie|ich|mir|mich|hier|da|you|u|your|i|i'm|me|this|here|there|wem|who|whom"
    r"|bot|chatbot|chat|ki|ai|mensch\w*|human|person|people|jemand|someone|somebody|roboter|robot|computer\w*"
    r"|programm|program|mitarbeiter\w*|employee|sprachmodell|language model|assistent\w*|assistant|chatgpt|antwort\w*|antwortet|reply\w*|answer\w*)\b",
    re.I,
)


def asks_about_the_chat(text: str) -> bool:
    """Whether a message taken for "are you a bot?" speaks of the conversation at all (see `_ABOUT_THE_CHAT`)."""
    return bool(_ABOUT_THE_CHAT.search(text))


# words of a greeting, a farewell or thanks: a message taken for one of these without any such
# word ("Tweed-Sakko", "practice pad") was misheard by the classifier
_SMALLTALK_WORDS = re.compile(
    r"\b(?:hallo|hello|hi|hey|huhu|moin|servus|grüß\w*|gruß|grüezi|guten|good|morning|evening|bye|tschü\w*|tschau|ciao|adieu"
    r"|wiedersehen|wiederhören|bis|see|later|cya|danke\w*|dank|thanks|thank|thx|ty|merci|cheers|super|toll|great|perfekt|perfect"
    r"|prima|klasse|ok|okay|schön\w*|nice|day|tag|abend|nacht|night|welcome|bitte)\b", re.I)


def misheard_smalltalk(text: str) -> bool:
    """A message the classifier took for a greeting, farewell or thanks that has no word of one."""
    return bool(text.strip()) and not text.startswith("/") and not _SMALLTALK_WORDS.search(text)


class ActionSmalltalk(ShopAction):
    def name(self) -> str:
        return "action_smalltalk"

    def respond(self, dispatcher, tracker, lang):
        cfg = catalog().config
        intent = tracker.latest_message.get("intent", {}).get("name")
        shop = cfg.store.name
        if intent in ("greet", "goodbye", "thank") and asks_other_task(text_of(tracker)):  # "translate 'good morning' into Japanese"
            return ActionFallback().respond(dispatcher, tracker, lang)
        if intent in ("greet", "goodbye", "thank") and misheard_smalltalk(text_of(tracker)):
            result = scope.carried(catalog(), text_of(tracker))  # "Tweed-Sakko" taken for a goodbye: a search
            if result is not None and result.hits:
                return show_results(dispatcher, result, lang)
        if intent == "greet":
            page = catalog().get(metadata(tracker).get("product_id"))
            if page:
                reply(dispatcher, say("greet_product", lang, shop=shop, product=page.name(lang)), sources=[page.id])
            else:
                reply(dispatcher, say("greet", lang, shop=shop, tagline=cfg.store.tagline.get(lang) or ""))
        elif intent == "bot_challenge" and metadata(tracker).get("product_id") and not asks_about_the_chat(text_of(tracker)):
            # "Hat die Maschine ein Entkalkungsprogramm?" on a product page: a question about the product
            return ActionProductInfo().respond(dispatcher, tracker, lang)
        elif intent == "bot_challenge":
            reply(dispatcher, say("bot_challenge", lang, shop=shop, handoff=handoff_text(lang)))
        elif intent in ("goodbye", "thank"):
            reply(dispatcher, say(intent, lang))
        else:
            reply(dispatcher, say("anything_else", lang))
        return []


class ActionInvalidInput(ShopAction):
    """Says what was wrong with an empty or oversized message (see bot/nlu_guard.py)."""

    def name(self) -> str:
        return "action_invalid_input"

    def respond(self, dispatcher, tracker, lang):
        raw = tracker.latest_message.get("text") or ""
        if raw.strip() and raw != EMPTY_MESSAGE:
            reply(dispatcher, say("invalid_long", lang, length=len(raw), limit=MAX_MESSAGE_CHARS))
        else:
            reply(dispatcher, say("invalid_empty", lang))
        return []
