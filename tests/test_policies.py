"""The policy section that answers a question (`catalog/policies.py`, `catalog/policy_aspects.py`)."""

from __future__ import annotations

import json

import pytest

from catalog.policy_aspects import question_aspects, section_aspects
from tests.conftest import DEMO_STORE, ROOT

KLEINHOLZ = ROOT / "stores" / "kleinholz"


def test_cues_are_stems_and_question_words_are_read_in_context() -> None:
    assert "cost" in section_aspects("Was kostet die Rücksendung?") and "cost" in question_aspects("Ist das kostenlos?")
    assert "cost" not in question_aspects("Wie viele Tage Rückgaberecht habe ich?")
    assert "cost" not in question_aspects("Wie viel Zeit habe ich für die Rückgabe?")
    assert {"window", "returns"} <= question_aspects("Bis wann kann ich etwas zurückschicken?")
    assert "when" not in question_aspects("Bis wann kann ich etwas zurückschicken?")
    assert "when" not in question_aspects("Can I pay by card when I pick it up?")  # a conjunction
    assert "when" in question_aspects("Where do I collect my order and when?")
    assert "when" in question_aspects("Wann hat der Laden geöffnet?")
    assert "when" not in question_aspects("Kann ich geöffnete Waschmittel zurückgeben?")
    assert "invoice" in question_aspects("Kann ich später bezahlen?")
    assert "cost" in question_aspects("Who pays for return shipping?")
    assert "shipping" not in question_aspects("Who pays for return shipping?")  # the shipping is the return's
    assert "contact" in question_aspects("Wie erreiche ich Ihren Kundenservice?")
    assert "excluded" in question_aspects("Was ist von der Garantie ausgeschlossen?")
    assert "freight" in question_aspects("Wie wird ein Hochbett geliefert?")
    assert {"wrapping"} <= question_aspects("Do you offer gift wrapping?")
    # returning a kind of item, nothing else asked: whether it may go back (the exclusions)
    assert "excluded" in question_aspects("Kann ich eine Matratze zurückgeben?")
    assert "excluded" in question_aspects("Can I return vitamins?")
    assert "excluded" not in question_aspects("Kann ich meine Bestellung zurückgeben?")
    assert "excluded" not in question_aspects("Can I return it after 60 days?")
    assert "excluded" not in question_aspects("Kann ich die Hose umtauschen?")


@pytest.fixture(scope="module")
def kleinholz(use_embedder):
    from catalog.policies import PolicyIndex, read_passages

    return PolicyIndex(read_passages(KLEINHOLZ / "policies"), use_embedder)


def _heading(index, question: str, lang: str) -> str | None:  # noqa: ANN001
    chosen = index.answer(question, lang)
    return chosen[0].heading if chosen else None


@pytest.mark.parametrize(
    ("question", "lang", "heading"),
    [
        # a heading sharing a word ("Rücksendung") but naming another aspect (cost) loses
        ("Wie lange habe ich Zeit für eine Rücksendung?", "de", "Rückgabefrist"),
        ("Bis wann kann ich etwas zurückschicken?", "de", "Rückgabefrist"),
        # within a document the heading naming the asked aspect wins over the general section
        ("Wann hat der Laden zum Abholen geöffnet?", "de", "Wo und wann?"),
        ("Kann ich bei Abholung bar zahlen?", "de", "Bezahlen bei Abholung"),
        ("Kann ich später bezahlen?", "de", "Kauf auf Rechnung"),
        ("Wie erreiche ich Ihren Kundenservice?", "de", "So erreichen Sie uns"),
        ("Was ist von der Garantie ausgeschlossen?", "de", "Was nicht abgedeckt ist"),
        ("How long does delivery take?", "en", "Shipping costs and delivery times"),
        # a product's name in another topic's heading (the loft bed's guarantee) does not pull
        ("Wie wird ein Hochbett geliefert?", "de", "Möbel und Speditionsware"),
        ("Can I return a chest of drawers that came by freight?", "en", "Returning furniture"),
        ("Kann ich eine Matratze zurückgeben?", "de", "Ausgeschlossen vom Umtausch"),
        # what no section talks about: "don't know"
        ("Do you offer gift wrapping?", "en", None),
        ("Gibt es ein Treueprogramm?", "de", None),
    ],
)
def test_the_section_that_answers_on_a_shop_the_rules_were_not_written_for(kleinholz, question, lang, heading) -> None:
    assert _heading(kleinholz, question, lang) == heading


def test_a_section_in_both_languages_is_its_twin(kleinholz) -> None:
    from catalog.policies import _twins

    twins = _twins(kleinholz.passages, kleinholz.vectors)
    pairs = {(kleinholz.passages[i].heading, kleinholz.passages[j].heading) for i, j in enumerate(twins)}
    assert ("Rückgabefrist", "Return period") in pairs and ("Wo und wann?", "Where and when?") in pairs
    assert all(kleinholz.passages[i].topic == kleinholz.passages[j].topic for i, j in enumerate(twins))
    assert sum(i != j for i, j in enumerate(twins)) == len(twins)  # every section has its twin
    reordered = [kleinholz.passages[i] for i in reversed(range(len(kleinholz.passages)))]
    flipped = _twins(reordered, kleinholz.vectors[::-1])
    assert {(reordered[i].heading, reordered[j].heading) for i, j in enumerate(flipped)} == pairs


@pytest.mark.parametrize(
    ("store", "questions", "least"),
    [
        (DEMO_STORE, "policy_questions.jsonl", 0.98),
        (ROOT / "tests" / "fixtures" / "store_other", "policy_questions_other.jsonl", 0.96),
        (KLEINHOLZ, "policy_questions_kleinholz.jsonl", 0.95),
    ],
)
def test_the_labelled_policy_sets_stay_right(use_embedder, store, questions, least) -> None:
    """`python -m bench.policies` as a regression guard on the sets the weights were set on."""
    from catalog.policies import PolicyIndex, read_passages

    index = PolicyIndex(read_passages(store / "policies"), use_embedder)
    lines = (ROOT / "bench" / questions).read_text(encoding="utf-8").splitlines()
    labelled = [json.loads(line) for line in lines if line.strip()]
    right = 0
    for q in labelled:
        chosen = index.answer(q["query"], q["lang"])
        right += (f"{chosen[0].topic}#{chosen[0].heading}" if chosen else "none") == q["expected"]
    assert right / len(labelled) >= least


def test_how_bulky_goods_come_is_answered_from_the_policies_not_a_zone_quote(kleinholz, monkeypatch) -> None:
    """The bench's "How is the loft bed delivered and what does that cost?" went to a product search."""
    from types import SimpleNamespace

    from actions import shipping
    from actions.product_answers import asks_shipping

    monkeypatch.setattr(shipping, "catalog", lambda: SimpleNamespace(policies=kleinholz))
    assert shipping.policy_beyond_quote("How is the loft bed delivered and what does that cost?", "en")
    assert shipping.policy_beyond_quote("Wie wird ein Hochbett geliefert?", "de")
    assert not shipping.policy_beyond_quote("Was kostet der Versand nach Österreich?", "de")
    assert not shipping.policy_beyond_quote("Which carrier do you use?", "en")
    assert asks_shipping("How is the loft bed delivered and what does that cost?")
    assert not asks_shipping("Ist die Jacke in M lieferbar?") and not asks_shipping("Is it waterproof?")


def test_the_money_back_asked_with_words_between_is_the_refund() -> None:
    assert "refund" in question_aspects("Wann bekomme ich mein Geld nach einer Rücksendung zurück?")
    assert "refund" in question_aspects("How soon will I get my money after I send it back?")
    assert "refund" in question_aspects("when do I get the money for my return back?")
    assert "refund" not in question_aspects("Wie lange kann ich Artikel zurückgeben?")
    assert "refund" not in question_aspects("Kann ich mit Geldkarte bezahlen?")


@pytest.fixture(scope="module")
def shop_sections(use_embedder):
    """A shop's returns, shipping and payment sections, written for these tests."""
    from catalog.policies import Passage, PolicyIndex

    sections = [
        ("returns", "de", "Rückgabe und Umtausch", "Rückgabefrist", "Sie können Ihre Bestellung innerhalb von 30 Tagen zurückschicken."),
        ("returns", "de", "Rückgabe und Umtausch", "Erstattung", "Wir erstatten den Betrag spätestens 10 Tage nach Eingang der Rücksendung."),
        ("shipping", "de", "Versand", "Wann wird versendet?", "Bestellungen bis 14 Uhr verlassen das Lager am selben Tag."),
        ("payment", "en", "Payment", "Payment methods", "We accept PayPal and credit cards. Invoice via a payment provider, payable within 30 days."),
        ("payment", "en", "Payment", "Paying in the shop", "When you collect in the shop, you pay in cash or by card."),
        ("payment", "en", "Payment", "Gift cards", "Gift cards can be redeemed online and are valid for 2 years."),
    ]
    return PolicyIndex([Passage(t, lang, h, text, title) for t, lang, title, h, text in sections], use_embedder)


@pytest.mark.parametrize(
    ("question", "lang", "heading"),
    [
        # the refund, not a "when" heading of the shipping document
        ("Wann bekomme ich mein Geld nach einer Rücksendung zurück?", "de", "Erstattung"),
        # the only text naming the invoice answers, though its heading names the methods
        ("Can I pay by invoice?", "en", "Payment methods"),
        ("Can I pay in cash when I collect it?", "en", "Paying in the shop"),
    ],
)
def test_the_section_that_answers_on_sections_written_for_the_test(shop_sections, question, lang, heading) -> None:
    assert _heading(shop_sections, question, lang) == heading


COURIER_POLICIES = {
    "shipping.en.md": "# Shipping\n\n## What does shipping cost?\nGermany: 4.90 €, 1–2 business days.\n\n"
    "## When do you dispatch?\nOrders placed by 13:00 leave our warehouse the same day.\n\n"
    "## Same-day courier in Hamburg\nWithin Hamburg our bicycle courier delivers orders placed by 11:00 the same day. It costs 7.90 €.\n",
    "shipping.de.md": "# Versand\n\n## Was kostet der Versand?\nDeutschland: 4,90 €, 1–2 Werktage.\n\n"
    "## Wann versenden Sie?\nBestellungen bis 13:00 Uhr verlassen unser Lager am selben Tag.\n\n"
    "## Kurier am selben Tag in Hamburg\nInnerhalb Hamburgs liefert unser Fahrradkurier Bestellungen bis 11:00 Uhr noch am selben Tag. Er kostet 7,90 €.\n",
}


def test_same_day_delivery_is_answered_from_the_courier_section_not_a_zone_quote(tmp_path, use_embedder, monkeypatch) -> None:
    """tierhof-227: "delivered the same day in Munich?" got the DHL quote; the policies name a courier."""
    from types import SimpleNamespace

    from actions import shipping
    from catalog.policies import PolicyIndex, read_passages

    for name, body in COURIER_POLICIES.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    index = PolicyIndex(read_passages(tmp_path), use_embedder)
    monkeypatch.setattr(shipping, "catalog", lambda: SimpleNamespace(policies=index))
    assert "express" in question_aspects("Can I get my order delivered the same day in Hamburg?")
    assert "express" in question_aspects("Liefern Sie auch am selben Tag?") and "express" in question_aspects("Gibt es Expressversand?")
    assert "express" in section_aspects("Kurier am selben Tag in Hamburg") and "express" not in section_aspects("Wann versenden Sie?")
    assert shipping.policy_beyond_quote("Can I get my order delivered the same day in Hamburg?", "en")
    assert shipping.policy_beyond_quote("Kann ich mir die Bestellung noch am selben Tag liefern lassen?", "de")
    assert shipping.policy_beyond_quote("Do you have a courier?", "en")
    assert not shipping.policy_beyond_quote("How much is shipping to Germany?", "en")
    assert not shipping.policy_beyond_quote("Wie lange dauert der Versand?", "de")


def test_a_return_or_exchange_asked_as_a_question_gets_the_rule_before_the_order_number(run_action) -> None:
    """tierhof-241, goldfaden-206: "can I exchange it for a bigger size, and does that cost
    anything?" started the exchange and only asked for an order number."""
    from actions.order_status import ActionAskOrderNumber

    for question, lang, intent in (
        ("The jacket doesn't fit – can I send it back, and does that cost anything?", "en", "return_item"),
        ("Kann ich die Jacke zurückschicken, und ist das kostenlos?", "de", "return_item"),
        ("Can I return vitamins I have already opened?", "en", "return_item"),
    ):
        messages, _ = run_action(ActionAskOrderNumber(), question, intent, metadata={"language": lang})
        reply = "\n".join(m.get("text") or "" for m in messages)
        assert reply.count("\n") >= 1 and ("order number" in reply or "Bestellnummer" in reply), reply
    for request, lang in (("I'd like to exchange the shoes", "en"), ("Ich möchte Bestellung 100234 umtauschen?", "de")):
        messages, _ = run_action(ActionAskOrderNumber(), request, "exchange_item", metadata={"language": lang})
        assert "\n" not in messages[0]["text"]  # a request: only the order number is asked for


def test_engraving_is_a_service_no_section_answers_unless_one_names_it(use_embedder) -> None:
    """tierhof-182: "Kann man einen Namen in das Halsband eingravieren lassen?" got the return
    section that names collars; a shop whose texts never name engraving does not say it does."""
    from catalog.policies import PolicyIndex, read_passages

    assert "personalisation" in question_aspects("Kann man einen Namen in das Halsband eingravieren lassen?")
    assert "personalisation" in question_aspects("Do you offer embroidery on the collars?")
    plain = PolicyIndex(read_passages(ROOT / "stores" / "tierhof" / "policies"), use_embedder)  # never names engraving
    assert plain.answer("Kann man einen Namen in das Halsband eingravieren lassen?", "de") == []
    assert plain.answer("Can you engrave a name on the collar?", "en") == []
    named = PolicyIndex(read_passages(ROOT / "stores" / "goldfaden" / "policies"), use_embedder)  # "Engraved … cannot be returned"
    assert named.answer("Kann ich einen gravierten Ring zurückgeben?", "de")
    assert named.answer("Can I return an engraved ring?", "en")


def test_a_heading_asking_for_the_money_back_is_the_refund_section(use_embedder) -> None:
    """A heading written as the shopper asks ("When do I get my money back?") names the refund,
    so "how long until my refund?" is not answered by the return window's "How long …?" heading."""
    from catalog.policies import Passage, PolicyIndex

    assert "refund" in section_aspects("When do I get my money back?")
    assert "refund" in section_aspects("Wann bekomme ich mein Geld zurück?")
    assert "refund" not in section_aspects("Wie lange kann ich zurückgeben?")
    sections = [
        ("returns", "en", "Returns", "How long may I send things back?", "Send unworn items back up to 21 days after delivery."),
        ("returns", "en", "Returns", "When do I get my money back?", "We pay the amount back 5 working days after your parcel arrives."),
        ("returns", "de", "Rückgabe", "Wie lange kann ich zurückschicken?", "Ungetragene Artikel nehmen wir bis 21 Tage nach Zustellung zurück."),
        ("returns", "de", "Rückgabe", "Wann bekomme ich mein Geld zurück?", "Wir zahlen den Betrag 5 Werktage nach Eingang Ihres Pakets zurück."),
    ]
    index = PolicyIndex([Passage(t, lang, h, text, title) for t, lang, title, h, text in sections], use_embedder)
    assert _heading(index, "How long does it take to get my refund?", "en") == "When do I get my money back?"
    assert _heading(index, "Wie lange dauert die Erstattung?", "de") == "Wann bekomme ich mein Geld zurück?"


WORKSHOP_POLICIES = {
    "werkstatt.de.md": "# Werkstatt\n\n## Kostenlose Erstinspektion\nNach 300 km prüfen wir kostenlos Bremsen, Kette und Schaltung Ihres neuen Rads.\n\n"
    "## Preise\n| Leistung | Preis |\n|---|---|\n| Schlauch wechseln | 12 € |\n| Kette tauschen (inkl. Montage) | 25 € |\n"
    "| Laufrad zentrieren | 18 € |\n\nTermine nach Absprache.\n",
    "werkstatt.en.md": "# Workshop\n\n## Free first service\nAfter 300 km we check the brakes, chain and gears of your new bike for free.\n\n"
    "## Prices\n| Service | Price |\n|---|---|\n| Inner tube change | €12 |\n| Chain replacement (fitting included) | €25 |\n"
    "| Wheel truing | €18 |\n\nAppointments by arrangement.\n",
}


def test_a_table_row_naming_what_is_asked_answers(tmp_path, use_embedder) -> None:
    """A section whose table has a row with the question's words ("Kette tauschen | 25 €") is the
    one that lists what is asked, not a neighbour whose heading speaks of the cost ("Kostenlose …")."""
    from catalog.policies import PolicyIndex, read_passages, table_rows

    for name, text in WORKSHOP_POLICIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    passages = read_passages(tmp_path)
    prices = next(p for p in passages if p.heading == "Preise")
    assert prices.rows == ("| Schlauch wechseln | 12 € |", "| Kette tauschen (inkl. Montage) | 25 € |", "| Laufrad zentrieren | 18 € |")
    assert table_rows(["Keine Tabelle.", "- eine Liste"]) == ()
    index = PolicyIndex(passages, use_embedder)
    assert _heading(index, "Was kostet es bei euch, die Kette zu tauschen?", "de") == "Preise"
    assert _heading(index, "How much is a chain replacement in your workshop?", "en") == "Prices"


def test_a_policy_question_weighing_two_named_products_is_a_comparison(run_action) -> None:
    """"X oder Y – welcher hat die längere Garantie?" taken for a policy question compares the two
    products (each one's own guarantee); "Can I return X or Y?" asks the shop's rule."""
    from actions.policies import ActionAnswerPolicy

    for question, lang in (
        ("TrailRunner GTX oder Bergpfad Wanderschuh – welcher hat die längere Garantie?", "de"),
        ("TrailRunner GTX or Road Runner Wide – which one has the longer warranty?", "en"),
    ):
        messages, slots = run_action(ActionAnswerPolicy(), question, "ask_policy", metadata={"language": lang})
        assert slots.get("last_topic") == "compare", messages
        assert len(slots["shown_products"]) == 2
    messages, slots = run_action(ActionAnswerPolicy(), "Can I return the TrailRunner GTX or the Road Runner Wide?", "ask_policy", metadata={"language": "en"})
    assert slots.get("last_topic") == "policy"
