"""The frame every shop action shares: `ShopAction` (language, shared slots), `reply` (facts
in `sources`, kept in the bot event's metadata for review) and the hand-off to a person."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import catalog, language, metadata, only_changes
from actions.handoff import after_answer
from actions.texts import say
from catalog.models import Product

Events = list[EventType]


def reply(dispatcher: CollectingDispatcher, text: str, sources: list[str] | None = None, payload: dict | None = None, buttons: list[dict] | None = None) -> None:
    dispatcher.utter_message(text=text, json_message=payload, buttons=buttons, sources=sources or [])


def _common_slots(tracker: Tracker, lang: str) -> Events:
    events: Events = [SlotSet("language", lang)]
    page = metadata(tracker).get("product_id")
    if page and catalog().get(page) and page != tracker.get_slot("page_product"):
        events.append(SlotSet("page_product", page))
    return events


def focus(products: list[Product]) -> Events:
    return [SlotSet("current_product", products[0].id if len(products) == 1 else None)]


def handoff_text(lang: str) -> str:
    c = catalog().config.contact
    phone = f", {'Telefon' if lang == 'de' else 'phone'}: {c.phone}" if c.phone else ""
    return say("handoff", lang, how=c.human_handoff.get(lang) or next(iter(c.human_handoff.values())), hours=c.hours.get(lang) or next(iter(c.hours.values())), email=c.email, phone=phone)


def handoff_buttons(lang: str) -> list[dict]:
    yes, no = ("Ja, bitte", "Nein, danke") if lang == "de" else ("Yes, please", "No, thanks")
    return [{"title": yes, "payload": "/affirm"}, {"title": no, "payload": "/deny"}]


class ShopAction(Action, ABC):
    """Common frame: resolve language, run `respond`, add the shared slots."""

    @abstractmethod
    def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
        """The reply and the slots it sets; the language is already decided."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> Events:
        lang = language(tracker, catalog().config.store.default_language)
        events = self.respond(dispatcher, tracker, lang)
        events += after_answer(dispatcher, tracker, self.name(), lang)  # two "don't know" in a row: a person
        return only_changes(tracker, _common_slots(tracker, lang) + events)
