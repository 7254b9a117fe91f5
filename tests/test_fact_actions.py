"""Product questions answered from facts read from the product text, through the real actions
and the indexed test store (rasa-sdk Tracker)."""

from __future__ import annotations

from actions.product_questions import ActionAnswerFit, ActionProductInfo
from actions.sizing import ActionAnswerSize


def text(messages) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def test_text_fit_advice_drives_the_size_recommendation(run_action):
    # the parka's only fit information is its description: "Runs large – order one size down."
    messages, slots = run_action(ActionAnswerSize(), "I usually wear size L, which size should I take?", "ask_size",
                                 metadata={"product_id": "nordwand-parka", "language": "en"})  # fmt: skip
    reply = text(messages)
    assert "size M" in reply and "size L" not in reply.split("size M")[1][:40]
    assert "Runs large – order one size down." in reply
    assert slots["usual_size"] == "L"


def test_washing_temperature_from_the_text_is_quoted(run_action):
    messages, _ = run_action(ActionProductInfo(), "Bei wie viel Grad kann ich den waschen?", "ask_product_info",
                             metadata={"product_id": "nordwand-parka", "language": "de"})  # fmt: skip
    reply = text(messages)
    assert "waschbar bei 30 °C" in reply and "„Im Daunenwaschgang bei 30 °C waschen.“" in reply
    assert "warm bis" not in reply  # a washing temperature is not a comfort temperature


def test_materials_from_the_text(run_action):
    messages, _ = run_action(ActionProductInfo(), "What are the socks made of?", "ask_product_info",
                             metadata={"product_id": "merino-socks", "language": "en"})  # fmt: skip
    reply = text(messages)
    assert "merino wool" in reply and "“Merino wool socks for running and hiking.”" in reply
    assert messages[0]["sources"] == ["merino-socks"]


def test_unknown_fact_is_not_invented(run_action):
    messages, _ = run_action(ActionProductInfo(), "How heavy are they?", "ask_product_info",
                             metadata={"product_id": "merino-socks", "language": "en"})  # fmt: skip
    assert "no information" in text(messages)


def test_waterproof_question_from_structured_fact(run_action):
    messages, _ = run_action(ActionAnswerFit(), "Is it waterproof?", "ask_fit", metadata={"product_id": "velo-rain-shell", "language": "en"})
    assert text(messages).startswith("Yes: waterproof")


def test_a_fact_the_product_does_not_state_is_not_answered_with_something_else(run_action):
    messages, _ = run_action(ActionProductInfo(), "Wie viel Garantie gibt es auf die Socken?", "ask_product_info",
                             metadata={"product_id": "merino-socks", "language": "de"})  # fmt: skip
    reply = text(messages)
    assert "keine Angaben" in reply and "€" not in reply


def test_a_products_own_guarantee_comes_before_the_store_rule(run_action, monkeypatch):
    from actions import policies
    from catalog.enrich import enrich
    from catalog.models import Product

    frame = enrich(Product.parse_obj({
        "id": "frame-bag", "title": {"de": "Rahmentasche"}, "category": "outdoor",
        "description": {"de": "Wasserdichte Rahmentasche. 5 Jahre Garantie auf alle Nähte."},
        "variants": [{"sku": "FB-1", "price": 49.0, "stock": 2}],
    }))  # fmt: skip
    monkeypatch.setattr(policies, "asked_about", lambda tracker: frame)
    messages, _ = run_action(policies.ActionAnswerPolicy(), "Wie lange habe ich Garantie?", "ask_policy", metadata={"language": "de"})
    reply = text(messages)
    assert reply.startswith("Rahmentasche: 5 Jahre Garantie. Laut Produktbeschreibung: „5 Jahre Garantie auf alle Nähte.“")
    assert messages[0]["sources"][0] == "frame-bag"
    monkeypatch.setattr(policies, "asked_about", lambda tracker: None)
    messages, _ = run_action(policies.ActionAnswerPolicy(), "Wie lange habe ich Garantie?", "ask_policy", metadata={"language": "de"})
    assert "Rahmentasche" not in text(messages)


def test_fit_question_about_washing_gets_the_washing_fact(run_action):
    messages, _ = run_action(ActionAnswerFit(), "Bei wie viel Grad kann ich den waschen?", "ask_fit",
                             metadata={"product_id": "nordwand-parka", "language": "de"})  # fmt: skip
    reply = text(messages)
    assert "waschbar bei 30 °C" in reply and "warm bis" not in reply and not reply.startswith("Ja")
