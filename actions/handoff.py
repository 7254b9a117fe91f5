"""Asking for a person: into the console's live queue when an agent is online within the
service hours (`bot/console/handoff.py`, `bot/console/hours.py`), otherwise the shopper is
told so and the conversation goes on as a ticket (`bot/console/tickets.py`). Two "don't know"
answers in a row put the conversation into the live queue too (only when someone can take it).

The sentences are here rather than in `texts.py` (which is at its size limit); same DE/EN rule."""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import metadata
from bot.console import handoff
from bot.console.db import ConsoleDB, open_console_db
from bot.console.hours import HandoffConfig, load_handoff_config
from bot.console.summary import ANSWERING_ACTIONS
from bot.console.tickets import Ticket, send_ticket

logger = logging.getLogger(__name__)
DONT_KNOW_ACTIONS = ANSWERING_ACTIONS | {"action_fallback"}

TEXTS: dict[str, dict[str, str]] = {
    "queued": {
        "de": "Ich verbinde Sie mit einer Person aus unserem Kundenservice. Bitte haben Sie einen Moment Geduld – Sie können hier weiterschreiben, Ihre Nachrichten werden gelesen.",
        "en": "I'm putting you through to a person from our customer service. Please bear with me a moment – you can keep writing here; your messages will be read.",
    },
    "already": {
        "de": "Sie sind bereits mit unserem Kundenservice verbunden oder in der Warteschlange; gleich meldet sich jemand bei Ihnen.",
        "en": "You're already connected to our customer service or in its queue; someone will be with you shortly.",
    },
    "auto_queued": {
        "de": "Ich konnte Ihnen zweimal nicht weiterhelfen. Deshalb habe ich eine Person aus unserem Kundenservice dazugeholt – bitte haben Sie einen Moment Geduld.",
        "en": "I couldn't help you twice in a row, so I've asked a person from our customer service to join – please bear with me a moment.",
    },
    "outside_hours": {
        "de": "Gerade ist niemand aus unserem Kundenservice im Chat – unsere Servicezeiten: {hours}. Ich habe Ihr Gespräch als Anfrage {number} an unser Team weitergegeben. Für eine Antwort per E-Mail schreiben Sie bitte an {email} und nennen Sie {number}.",
        "en": "Nobody from our customer service is in the chat right now – our service hours: {hours}. I've passed this conversation on to our team as request {number}. For an answer by e-mail, please write to {email} quoting {number}.",
    },
    "no_agent": {
        "de": "Gerade ist leider niemand aus unserem Kundenservice im Chat. Ich habe Ihr Gespräch als Anfrage {number} an unser Team weitergegeben. Für eine Antwort per E-Mail schreiben Sie bitte an {email} und nennen Sie {number}.",
        "en": "Unfortunately nobody from our customer service is in the chat right now. I've passed this conversation on to our team as request {number}. For an answer by e-mail, please write to {email} quoting {number}.",
    },
}


def _say(key: str, lang: str, **values: object) -> str:
    return TEXTS[key][lang if lang in TEXTS[key] else "en"].format(**values)


def _data() -> Path:
    return Path(os.environ.get("SHOPBOT_DATA", "var"))


def console_db() -> ConsoleDB:
    return open_console_db(_data())


@lru_cache(maxsize=4)
def _config(store: str, mtime: float) -> HandoffConfig:
    return load_handoff_config(store)


def config() -> HandoffConfig:
    store = os.environ.get("SHOPBOT_STORE", "stores/demo")
    path = Path(store) / "store.yml"
    return _config(store, path.stat().st_mtime if path.exists() else 0.0)


def conversation(tracker: Tracker) -> list[dict[str, Any]]:
    """The shopper's and the bot's messages so far (for the ticket)."""
    out = []
    for e in tracker.events:
        if e.get("event") in ("user", "bot") and e.get("text"):
            out.append({"from": "shopper" if e["event"] == "user" else "bot", "text": str(e["text"]), "at": e.get("timestamp")})
    text = tracker.latest_message.get("text")
    if text and (not out or out[-1]["from"] != "shopper" or out[-1]["text"] != text):
        out.append({"from": "shopper", "text": str(text), "at": None})
    return out


def _agent_available(db: ConsoleDB, cfg: HandoffConfig) -> str | None:
    """None when someone can take it now, else why not (`outside_hours` or `no_agent`)."""
    if not cfg.is_open():
        return "outside_hours"
    return None if handoff.agents_online(db) else "no_agent"


def ask_for_person(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> list[dict]:
    """The shopper asked for a person: queue, or tell them nobody is there and send a ticket.
    If the console's database cannot be used, the shop's contact details are the answer."""
    try:
        return _ask_for_person(dispatcher, tracker, lang)
    except Exception:
        logger.exception("live handoff unavailable for %s; answering with the contact details", tracker.sender_id)
        from actions.common import handoff_text  # (actions.common imports this module)

        dispatcher.utter_message(text=handoff_text(lang), sources=["store.yml#contact"])
        return [SlotSet("pending_offer", None), SlotSet("handoff_requested", True)]


def _ask_for_person(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> list[dict]:
    db, cfg = console_db(), config()
    page = metadata(tracker).get("page_url")
    done = [SlotSet("pending_offer", None), SlotSet("handoff_requested", True)]
    current = handoff.open_handoff(db, tracker.sender_id)
    why = _agent_available(db, cfg)
    if current and (current["status"] == "taken" or why is None):
        dispatcher.utter_message(text=_say("already", lang), sources=["store.yml#console"])
        return done
    if why is None:
        handoff.request(db, tracker.sender_id, "asked", lang, page)
        dispatcher.utter_message(text=_say("queued", lang), sources=["store.yml#console"])
        return done
    # nobody can take it now (a waiting request whose agents left becomes the ticket)
    hid = current["id"] if current else handoff.record_ticket(db, tracker.sender_id, "asked", lang, page)
    ticket = Ticket(f"CHAT-{hid}", tracker.sender_id, "asked", why, lang, page, cfg.shop, conversation(tracker))
    where = send_ticket(ticket, cfg.ticket_webhook, cfg.email, _data() / "outbox")
    handoff.set_ticket(db, hid, where)
    hours = cfg.contact_hours.get(lang) or next(iter(cfg.contact_hours.values()), "")
    dispatcher.utter_message(text=_say(why, lang, hours=hours, number=ticket.number, email=cfg.email), sources=["store.yml#contact"])
    return done


def _dont_know(action: str, messages: list[dict]) -> bool:
    return action in DONT_KNOW_ACTIONS and not any(m.get("sources") for m in messages)


def previous_turn(tracker: Tracker) -> tuple[str | None, list[dict]]:
    """The last action before this one that said something, and what it said."""
    said: list[dict] = []
    for e in reversed(tracker.events):
        if e.get("event") == "bot":
            said.append({"sources": (e.get("metadata") or {}).get("sources")})
        elif e.get("event") == "action" and e.get("name") not in (None, "action_listen") and said:
            return e["name"], said
    return None, []


def after_answer(dispatcher: CollectingDispatcher, tracker: Tracker, action: str, lang: str) -> list[dict]:
    """Two "don't know" answers in a row (this one and the previous turn's): the conversation
    joins the live queue, if someone can take it now (otherwise the fallback's offer stands)."""
    if not _dont_know(action, dispatcher.messages):
        return []
    previous, said = previous_turn(tracker)
    if previous is None or not _dont_know(previous, said):
        return []
    try:
        db = console_db()
        if handoff.open_handoff(db, tracker.sender_id) or _agent_available(db, config()) is not None:
            return []
        handoff.request(db, tracker.sender_id, "dont_know", lang, metadata(tracker).get("page_url"))
    except Exception:  # the answer itself must not fail over the queue
        logger.exception("could not queue %s for a person", tracker.sender_id)
        return []
    dispatcher.utter_message(text=_say("auto_queued", lang), sources=["store.yml#console"])
    return [SlotSet("handoff_requested", True)]
