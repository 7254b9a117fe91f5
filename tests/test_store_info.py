"""The store's own facts and services (a made-up bag shop, `fixtures/policies_services`): opening
hours from `contact.hours` (with the section that says more), payment methods from `store.yml`
where no policy text is on paying, and service questions ("Can you shorten the strap?", "Was
kostet die Taschenberatung?") answered by their section though taken for a search or for chat."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

POLICIES = Path(__file__).parent / "fixtures" / "policies_services"
CONTACT = SimpleNamespace(
    email="hallo@taschenwerk.example", phone="+49 451 000 000",
    hours={"de": "Laden Montag bis Samstag 10:00–18:00 Uhr, Telefon Montag bis Freitag 9:00–16:00 Uhr",
           "en": "Shop Monday to Saturday 10:00–18:00, phone Monday to Friday 9:00–16:00"},
)  # fmt: skip
METHODS = [{"de": "PayPal", "en": "PayPal"}, {"de": "Kauf auf Rechnung", "en": "Invoice"}, {"de": "Barzahlung im Laden", "en": "Cash in the shop"}]


@pytest.fixture(scope="module")
def bag_index(use_embedder):
    from catalog.policies import PolicyIndex, read_passages

    return PolicyIndex(read_passages(POLICIES), use_embedder)


@pytest.fixture()
def bag_shop(bag_index, monkeypatch):
    from actions import policies, store_info

    shop = SimpleNamespace(policies=bag_index, config=SimpleNamespace(contact=CONTACT, payment_methods=METHODS))
    monkeypatch.setattr(store_info, "catalog", lambda: shop)
    monkeypatch.setattr(policies, "catalog", lambda: shop)
    return shop


def _tracker(text: str, metadata: dict | None = None) -> Tracker:
    latest = {"text": text, "intent": {"name": "out_of_scope", "confidence": 1.0}, "entities": [], "metadata": metadata or {}}
    return Tracker("test-user", {}, latest, [], False, None, {}, "action_listen")


@pytest.mark.parametrize("text", [
    "Wann haben Sie geöffnet?", "Öffnungszeiten?", "Habt ihr samstags offen?", "Wie lange ist Ihr Laden geöffnet?",
    "Bis wann kann ich Sie telefonisch erreichen?", "Wann schließt der Laden?", "Ist die Werkstatt am Samstag geöffnet?",
    "What are your opening hours?", "Is the shop open on Saturdays?", "What time do you close on Saturday?",
    "when are you open", "When can I call you?", "Are you open on Sundays?",
])  # fmt: skip
def test_an_hours_question_is_recognised(text):
    from actions.store_info import asks_hours

    assert asks_hours(text)


@pytest.mark.parametrize("text", [
    "Kann ich geöffnete Ware zurückgeben?", "I opened the bag's box, can I still return it?", "Hat die Tasche oben offen?",
    "Is the tote open at the top?", "Wann wird verschickt?", "When will my order arrive?", "Do you have an open-top tote?",
    "Can you shorten the strap?",
])  # fmt: skip
def test_an_opened_item_or_an_open_bag_is_no_hours_question(text):
    from actions.store_info import asks_hours

    assert not asks_hours(text)


@pytest.mark.parametrize(("text", "lang", "hours", "more"), [
    ("Habt ihr sonntags offen?", "de", "Montag bis Samstag 10:00–18:00", "12:00–17:00"),
    ("What time do you close on Saturday?", "en", "Monday to Saturday 10:00–18:00", "12:00–17:00"),
])  # fmt: skip
def test_the_hours_are_answered_with_the_section_saying_more(bag_shop, text, lang, hours, more):
    from actions.store_info import answer_hours

    dispatcher = CollectingDispatcher()
    assert answer_hours(dispatcher, text, lang) is not None
    answer = dispatcher.messages[0]["text"]
    assert hours in answer and more in answer and CONTACT.phone in answer
    assert "store.yml#contact.hours" in dispatcher.messages[0]["sources"]


@pytest.mark.parametrize(("text", "lang", "method"), [
    ("Welche Zahlungsarten gibt es?", "de", "Kauf auf Rechnung"), ("Kann ich auf Rechnung zahlen?", "de", "PayPal"),
    ("What payment methods do you accept?", "en", "Invoice"), ("can I pay by invoice?", "en", "Cash in the shop"),
])  # fmt: skip
def test_paying_is_answered_from_the_store_config_where_no_policy_says(bag_shop, text, lang, method):
    from actions.store_info import answer_payment

    dispatcher = CollectingDispatcher()
    assert answer_payment(dispatcher, text, lang) is not None
    assert method in dispatcher.messages[0]["text"] and dispatcher.messages[0]["sources"] == ["store.yml#payment_methods"]


def test_a_return_or_a_store_with_a_payment_section_is_not_answered_from_the_config(bag_shop, bag_index, use_embedder, monkeypatch):
    from actions import store_info
    from catalog.policies import Passage, PolicyIndex

    assert store_info.answer_payment(CollectingDispatcher(), "Wer zahlt die Rücksendung?", "de") is None
    assert store_info.answer_payment(CollectingDispatcher(), "Wie lange ist der Gutschein gültig?", "de") is None
    paying = PolicyIndex([*bag_index.passages, Passage("zahlung", "de", "Zahlungsarten", "PayPal und Vorkasse.", "Zahlung")], use_embedder)
    monkeypatch.setattr(store_info, "catalog", lambda: SimpleNamespace(policies=paying, config=bag_shop.config))
    assert store_info.answer_payment(CollectingDispatcher(), "Welche Zahlungsarten gibt es?", "de") is None


@pytest.mark.parametrize(("text", "lang", "heading"), [
    ("Könnt ihr den Schultergurt meiner Tasche kürzen?", "de", "Gurte kürzen und Reparaturen an Taschen"),
    ("Can you shorten the shoulder strap of my bag?", "en", "Shortening straps and bag repairs"),
    ("Brauche ich für die Taschenberatung einen Termin?", "de", "Taschenberatung"),
])  # fmt: skip
def test_a_service_question_taken_for_a_search_gets_its_section(bag_shop, text, lang, heading):
    from actions import policies

    dispatcher = CollectingDispatcher()
    assert policies.answer_searched_policy(dispatcher, text, lang) is not None
    answer = re.sub(r"^(?:Ja|Nein|Yes|No)\. ", "", dispatcher.messages[0]["text"])  # a yes/no question's plain verdict first
    assert answer.startswith(f"{heading}: ")
    if "Termin" in text:
        assert dispatcher.messages[0]["text"].startswith("Nein. ")  # "keinen Termin"


@pytest.mark.parametrize(("text", "lang"), [
    ("Haben Sie Ledertaschen mit kurzem Gurt?", "de"), ("Do you have bags with a short strap?", "en"),
    ("Welche Tasche passt zu einem Laptop?", "de"), ("Ich suche eine Umhängetasche", "de"),
])  # fmt: skip
def test_a_request_for_products_stays_a_search(bag_shop, text, lang):
    from actions import policies

    assert policies.answer_searched_policy(CollectingDispatcher(), text, lang) is None


@pytest.mark.parametrize(("text", "lang", "heading"), [
    ("Was kostet die Taschenberatung?", "de", "Taschenberatung"),
    ("How much is the bag advice in your shop?", "en", "Bag advice"),
    ("Was kostet eine Beratung bei euch?", "de", "Taschenberatung"),  # the heading's compound of the asked word
])  # fmt: skip
def test_a_service_question_taken_for_chat_gets_its_section(bag_shop, text, lang, heading):
    from actions import policies

    dispatcher = CollectingDispatcher()
    assert policies.answer_refused_service(dispatcher, _tracker(text), lang) is not None
    assert dispatcher.messages[0]["text"].startswith(f"{heading}: ")


@pytest.mark.parametrize(("text", "metadata"), [
    ("How do I file my tax return?", {}),  # shares only a topic's word with a heading
    ("Wie viel ist 18 mal 24?", {}),
    ("Was kostet die Taschenberatung?", {"product_id": "shopper-marta"}),  # on a product page: the product's question
])  # fmt: skip
def test_chat_or_a_page_question_is_not_answered_by_a_section(bag_shop, text, metadata):
    from actions import policies

    assert policies.answer_refused_service(CollectingDispatcher(), _tracker(text, metadata), "en") is None


@pytest.mark.parametrize(("text", "lang", "start"), [
    ("Was kostet eine Taschenberatung bei euch?", "de", "Taschenberatung: "),  # the shop's service
    ("How much is the bag advice in your shop?", "en", "Bag advice: "),
    ("Wie schwer ist er?", "de", "Welches Produkt meinen Sie?"),  # points at a product it does not name
    ("Is it waterproof?", "en", "Which product do you mean?"),
    ("Wie viel PS hat eine Ducati?", "de", "Das kann ich leider nicht beantworten."),  # something no bag shop carries
    ("How do I fix a leaking kitchen tap?", "en", "I'm afraid I can't answer that."),
])  # fmt: skip
def test_a_product_question_naming_nothing_we_carry(bag_shop, text, lang, start):
    """Product info naming no product, nothing found: a service's section, "which product?" for a
    question pointing at one, else the honest refusal with a person (`no_product_reply`)."""
    from actions.product_questions import no_product_reply

    dispatcher = CollectingDispatcher()
    no_product_reply(dispatcher, _tracker(text), lang)
    assert dispatcher.messages[0]["text"].startswith(start), dispatcher.messages[0]["text"]
