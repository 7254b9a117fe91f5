""""Welche Farben gibt es?" / "which prints are there?" on a product page, whichever intent the
classifier gave it (a search, out of scope): the values of the page product's option it asks
for (`actions.variant_replies.listed_option`), with those sold out; "auch in einer anderen
Farbe?" of a product in one colour: that it comes only in that one."""

from __future__ import annotations

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, reply
from actions.context import catalog, metadata, text_of
from actions.variant_replies import listed_option, only_option, only_value_reply, option_list_reply
from catalog.variants import find_asked

_MAX_WORDS = 9  # a longer message asks more than the list of one option ("… other than X?" may take 3 more)


def answer_option_list(dispatcher: CollectingDispatcher, tracker, lang: str) -> Events | None:  # noqa: ANN001
    """The page product's values of the option the message asks for, or None when the message
    asks no such list, names a version, or names another product."""
    cat = catalog()
    page = cat.get(metadata(tracker).get("product_id"))
    text = text_of(tracker)
    if page is None or len(text.split()) > _MAX_WORDS + 3:
        return None
    option, only = listed_option(page, text) if len(text.split()) <= _MAX_WORDS else None, only_option(page, text)
    if (option is None or find_asked(page, text)) and only is None:
        return None
    named = cat.find_named(text)
    if named and page.id not in {p.id for p in named}:  # "Welche Farben hat die Regenhose?" on the jacket's page
        return None
    said = option_list_reply(page, option, lang) if option is not None and not find_asked(page, text) else only_value_reply(page, only, lang)
    reply(dispatcher, said, sources=[page.id], payload=facts.cards_payload([page], lang, cat.config))
    return [SlotSet("current_product", page.id), SlotSet("last_topic", "product")]
