"""Shop questions read from how shoppers ask in any trade: a card named by its brand asks about
paying, not express delivery; the policy's own sentence on express delivery is said; a
tradesperson asked for is no product search; a medicine named by a compound ("Schlaftabletten")
asks for medical advice."""

from __future__ import annotations

import pytest

from actions.shipping import express_sentence
from catalog.off_task import asks_other_task
from catalog.policies import Passage
from catalog.policy_aspects import question_aspects
from catalog.scope import asks_medical_advice


@pytest.mark.parametrize("text", ["Do you take American Express?", "Nehmen Sie American Express?", "Kann ich mit Visa zahlen?",
                                  "Do you accept Mastercard?", "Geht auch Amex?"])  # fmt: skip
def test_a_card_by_its_brand_asks_about_paying(text):
    asked = question_aspects(text)
    assert "payment" in asked and "express" not in asked and "shipping" not in asked


def test_express_delivery_is_still_express():
    assert "express" in question_aspects("Bieten Sie Expressversand an?") and "express" in question_aspects("Is there express delivery?")


def _passages():
    return [
        Passage("versand", "de", "Versand", "Wir liefern mit der Post in 2–4 Werktagen. - **Expresszustellung** ist leider nicht möglich. - Abholung im Lager."),
        Passage("versand", "en", "Shipping", "We ship by post in 2–4 working days. - **Express delivery** is unfortunately not possible. - Pickup at the warehouse."),
        Passage("zahlung", "en", "Payment", "PayPal, credit card – no American Express."),
    ]


def test_the_policys_sentence_on_express_delivery():
    assert express_sentence("Gibt es Expressversand?", "de", _passages()) == "Expresszustellung ist leider nicht möglich."
    assert express_sentence("Can I get express shipping?", "en", _passages()) == "Express delivery is unfortunately not possible."
    assert express_sentence("How much is shipping to Austria?", "en", _passages()) is None  # express not asked
    assert express_sentence("Do you take American Express?", "en", _passages()) is None


@pytest.mark.parametrize("text", ["Can you recommend a good electrician in Bremen?", "Do you know a reliable plumber?",
                                  "Kennen Sie einen guten Tierarzt?", "Können Sie mir einen Schreiner in der Nähe empfehlen?"])  # fmt: skip
def test_a_tradesperson_asked_for_is_no_product_request(text):
    assert asks_other_task(text)


@pytest.mark.parametrize("text", ["Welche Hose empfehlen Sie für einen Elektriker?", "Can you recommend an electrician's helmet?",
                                  "Können Sie mir einen Elektriker-Helm empfehlen?", "recommend a vet bed for my dog",
                                  "Können Sie für einen Schreiner eine Jacke empfehlen?", "trousers for a carpenter"])  # fmt: skip
def test_a_product_for_a_trade_stays_a_search(text):
    assert not asks_other_task(text)


def test_a_medicine_named_by_a_compound():
    assert asks_medical_advice("Welche Schlaftabletten helfen am besten gegen Schlaflosigkeit?")
    assert asks_medical_advice("Ich habe Kopfweh, welche Tabletten soll ich nehmen?")
    assert asks_medical_advice("which pills should I take for back pain?")
    assert not asks_medical_advice("Haben Sie eine Tablettendose?") and not asks_medical_advice("Helfen die Einlagen bei Rückenschmerzen?")


@pytest.mark.parametrize("message, lang", [("Do you take American Express?", "en"), ("Nehmen Sie Mastercard?", "de")])
def test_a_card_question_taken_for_shipping_is_answered_from_the_payment_policy(run_action, message, lang):
    from actions.shipping import ActionAnswerShipping  # noqa: PLC0415

    messages, _ = run_action(ActionAnswerShipping(), message, "ask_shipping", metadata={"language": lang})
    said = "\n".join(m.get("text") or "" for m in messages)
    assert "PayPal" in said and "Post CH" not in said, said


def test_do_you_take_asks_what_is_accepted_not_how_long():
    assert "duration" not in question_aspects("Do you take American Express?")
    assert "duration" in question_aspects("How long does delivery take to Austria?")


def test_an_english_plural_is_translated_like_its_singular():
    from catalog.shop_words import other_language  # noqa: PLC0415

    assert "trage" in other_language("carriers") and other_language("carriers") == other_language("carrier")
    assert other_language("hats") == other_language("hat") and "leine" in other_language("leashes")
    assert other_language("less") == set() and other_language("news") == set()


class _Flat:
    """An embedder that finds every text alike: only the policy aspects and words decide."""

    dim = 4

    def encode(self, texts):  # noqa: ANN001, ANN201
        import numpy as np  # noqa: PLC0415

        return np.zeros((len(texts), self.dim), np.float32)


def _returns_store():
    return [
        Passage("rueckgabe", "de", "Rückgabe", "Sie können alles innerhalb von 21 Tagen zurückschicken. Die Rücksendung ist kostenlos.", "Rückgabe"),
        Passage("rueckgabe", "de", "Nicht zurückgebbar", "Zugeschnittene Ware.", "Rückgabe"),
        Passage("zahlung", "de", "Zahlung", "Rechnung: zahlbar innerhalb von 14 Tagen.", "Zahlung"),
        Passage("rueckgabe", "en", "Returns", "You can send anything back within 21 days. Returns are free.", "Returns"),
        Passage("rueckgabe", "en", "Not returnable", "Cut-to-length goods.", "Returns"),
    ]


def test_an_aspect_no_heading_names_is_read_from_its_topics_text():
    from catalog.policies import PolicyIndex  # noqa: PLC0415

    index = PolicyIndex(_returns_store(), _Flat())
    for question, lang in (("Wie lange habe ich Zeit, etwas zurückzuschicken?", "de"), ("How long do I have to return something?", "en")):
        chosen = index.answer(question, lang)
        assert chosen and chosen[0].heading in ("Rückgabe", "Returns"), question
    assert index.answer("Wie lange habe ich Zeit für die Zahlung auf Rechnung?", "de")[0].heading == "Zahlung"


def test_a_brand_the_catalog_carries_is_named():
    from types import SimpleNamespace  # noqa: PLC0415

    from catalog.scope import names_brand  # noqa: PLC0415

    vendors = ["Nordlicht Kids Oslo"] * 3 + ["Haus"] * 5 + [None] * 2
    service = SimpleNamespace(products={str(i): SimpleNamespace(vendor=v) for i, v in enumerate(vendors)})
    assert names_brand(service, "Was haben Sie von Nordlicht Kids?", "Nordlicht Kids Oslo")
    assert names_brand(service, "what do you have from nordlicht kids", "Nordlicht Kids Oslo")
    assert not names_brand(service, "Was haben Sie von Nordlicht?", "Nordlicht Kids Oslo")  # one word of a longer brand
    assert not names_brand(service, "Was haben Sie von Haus?", "Haus")  # the shop's own label
    assert not names_brand(service, "Nordlichtkinder", "Nordlicht Kids Oslo") and not names_brand(service, "Haus", None)


@pytest.mark.parametrize("message, lang", [("a grippy shoe for muddy paths", "en"), ("wasserdichte Schuhe mit griffiger Sohle für matschige Wege", "de")])
def test_picking_one_with_nothing_shown_is_a_search(run_action, message, lang):
    from actions.search import ActionSelectProduct  # noqa: PLC0415

    messages, _ = run_action(ActionSelectProduct(), message, "select_product", metadata={"language": lang})
    assert "TrailRunner" in "\n".join(m.get("text") or "" for m in messages)
    messages, _ = run_action(ActionSelectProduct(), "the second one" if lang == "en" else "den zweiten", "select_product", metadata={"language": lang})
    assert "TrailRunner" not in "\n".join(m.get("text") or "" for m in messages)  # a position with nothing shown: nothing to pick


@pytest.mark.parametrize("message, lang", [("Will I have to pay import VAT if you send it to Vienna?", "en"),
                                           ("Muss ich Zoll zahlen, wenn Sie nach Wien liefern?", "de")])  # fmt: skip
def test_paying_for_a_delivery_to_a_named_place_is_a_shipping_question(run_action, message, lang):
    from actions.shipping import ActionAnswerShipping  # noqa: PLC0415

    messages, _ = run_action(ActionAnswerShipping(), message, "ask_shipping", metadata={"language": lang})
    said = "\n".join(m.get("text") or "" for m in messages)
    assert ("Austria" if lang == "en" else "Österreich") in said and "PayPal" not in said, said
