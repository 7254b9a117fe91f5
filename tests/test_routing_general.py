"""Which action answers, read from how shoppers ask in general: a competition's result is no
product request; a number word is no comparison; a kind of product asked for in a size off a
product page is a search; a product question the classifier took for "are you a bot?" or for a
policy is about the page's product; a return's shipping is a returns question; an item's state
asks for the exclusions; goods held for pickup are no return; a compatibility question's subject
is the page's product."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.compare import ActionCompareProducts
from actions.conversation import ActionFallback, ActionSmalltalk, asks_about_the_chat
from actions.page_focus import fits_into_other, on_page
from actions.policies import ActionAnswerPolicy
from actions.shipping import ActionAnswerShipping
from actions.sizing import ActionAnswerSize
from catalog import shop_words
from catalog.off_task import asks_other_task
from catalog.policy_aspects import question_aspects
from catalog.shop_words import other_language, translated_scores


def _said(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def _run_ranked(
    action, text: str, ranking: list[tuple[str, float]], lang: str, product: str | None = None
):  # noqa: ANN001
    latest = {"text": text, "intent": {"name": ranking[0][0], "confidence": ranking[0][1]}, "entities": [],
              "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
              "metadata": {"language": lang, **({"product_id": product} if product else {})}}  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = action.run(
        dispatcher, Tracker("t", {}, latest, [], False, None, {}, "action_listen"), {}
    )
    return _said(dispatcher.messages), {
        e["name"]: e["value"] for e in events if e.get("event") == "slot"
    }


@pytest.mark.parametrize(
    "message",
    ["Who won the Austrian Bundesliga last season?", "Wer hat gestern das Spiel gewonnen?",
     "what was the score of last night's game?", "Ergebnis des Rennens am Sonntag"],
)  # fmt: skip
def test_a_competitions_result_is_no_product_request(message):
    assert asks_other_task(message)


@pytest.mark.parametrize(
    "message",
    ["Welcher Helm hat den Test gewonnen?", "Which jacket won the outdoor award?", "Trikot der Bundesliga-Saison",
     "a football for the league games", "die besten Ergebnisse im Rennen mit diesen Schuhen"],
)  # fmt: skip
def test_a_product_for_a_competition_stays_a_search(message):
    assert not asks_other_task(message)


@pytest.mark.parametrize(
    "message, lang",
    [
        ("trail running shoes that come with two pairs of laces", "en"),
        ("Laufschuhe, die mit zwei Paar Schnürsenkeln kommen", "de"),
    ],
)
def test_a_number_word_is_no_comparison_of_two_products(run_action, message, lang):
    messages, slots = run_action(
        ActionCompareProducts(), message, "compare_products", metadata={"language": lang}
    )
    assert "trailrunner-gtx" in slots.get("shown_products", []), _said(messages)


@pytest.mark.parametrize(
    "message, lang", [("Compare the two", "en"), ("Was ist der Unterschied?", "de")]
)
def test_a_comparison_with_nothing_to_compare_still_asks_which_two(run_action, message, lang):
    messages, slots = run_action(
        ActionCompareProducts(), message, "compare_products", metadata={"language": lang}
    )
    assert not slots.get("shown_products") and (
        "Which two" in _said(messages) or "Welche zwei" in _said(messages)
    ), _said(messages)


@pytest.mark.parametrize(
    "message, lang",
    [
        ("I need hiking boots in a wide fit, I have broad feet", "en"),
        ("Ich brauche Laufschuhe in Größe 43", "de"),
    ],
)
def test_a_kind_of_product_in_a_size_off_a_page_is_searched(run_action, message, lang):
    messages, slots = run_action(
        ActionAnswerSize(), message, "ask_size", metadata={"language": lang}
    )
    assert slots.get("shown_products"), _said(messages)


@pytest.mark.parametrize(
    "message, lang", [("Which size do I need?", "en"), ("Welche Größe brauche ich?", "de")]
)
def test_a_size_question_naming_no_product_asks_which(run_action, message, lang):
    messages, slots = run_action(
        ActionAnswerSize(), message, "ask_size", metadata={"language": lang}
    )
    assert not slots.get("shown_products"), _said(messages)


@pytest.mark.parametrize(
    "message, about_chat",
    [("Hat der Luftreiniger einen Timer?", False), ("Does the machine have an automatic descaling programme?", False),
     ("Bist du eine Maschine?", True), ("are you a machine?", True), ("Ist das hier automatisch?", True),
     ("Ist das ein automatischer Chat?", True), ("is this automated?", True)],
)  # fmt: skip
def test_who_answers_is_asked_of_the_conversation(message, about_chat):
    assert asks_about_the_chat(message) is about_chat


@pytest.mark.parametrize(
    "message, lang",
    [("Hat der Luftreiniger einen Timer?", "de"), ("Does the purifier have a timer?", "en")],
)
def test_a_product_question_taken_for_a_bot_question_is_about_the_page(run_action, message, lang):
    messages, _ = run_action(
        ActionSmalltalk(),
        message,
        "bot_challenge",
        metadata={"language": lang, "product_id": "airpure-300"},
    )
    said = _said(messages)
    assert (
        "AirPure" in said and "assistant" not in said.lower() and "assistent" not in said.lower()
    ), said
    messages, _ = run_action(
        ActionSmalltalk(),
        "Bist du ein Bot?",
        "bot_challenge",
        metadata={"language": "de", "product_id": "airpure-300"},
    )
    assert "kein Mensch" in _said(messages), _said(messages)


@pytest.mark.parametrize(
    "message, lang",
    [("Wie wird der Filter gewechselt?", "de"), ("How is the filter changed?", "en")],
)
def test_a_product_question_taken_for_a_policy_on_its_page_is_about_the_product(
    run_action, message, lang
):
    messages, _ = run_action(
        ActionAnswerPolicy(),
        message,
        "ask_policy",
        metadata={"language": lang, "product_id": "airpure-300"},
    )
    said = _said(messages)
    assert "Richtlinien" not in said and "policies" not in said and "AirPure" in said, said


@pytest.mark.parametrize(
    "message, lang",
    [
        ("Do I have to pay for the return shipping from Switzerland?", "en"),
        ("Muss ich die Rücksendung aus der Schweiz bezahlen?", "de"),
    ],
)
def test_a_returns_shipping_is_answered_from_the_returns_policy(run_action, message, lang):
    messages, _ = run_action(
        ActionAnswerShipping(), message, "ask_shipping", metadata={"language": lang}
    )
    said = _said(messages)
    assert "Post CH" not in said and ("eturn" in said or "Umtausch" in said or "Rück" in said), said


@pytest.mark.parametrize(
    "message",
    [
        "Can I return a face cream I've already opened?",
        "Kann ich eine angebrochene Gesichtscreme zurückgeben?",
    ],
)
def test_an_items_state_asks_for_the_exclusions(message):
    assert {"returns", "excluded"} <= question_aspects(message)
    # the state alone, whatever the sentence's shape
    assert "excluded" in question_aspects("Do you accept returns of opened creams?")
    assert "excluded" in question_aspects("Nehmen Sie geöffnete Cremes zurück?")


@pytest.mark.parametrize(
    "message",
    [
        "Wie lange halten Sie die Ware zur Abholung für mich zurück?",
        "How long do you hold my order for pickup?",
    ],
)
def test_goods_held_for_pickup_are_no_return(message):
    asked = question_aspects(message)
    assert "pickup" in asked and "returns" not in asked, asked
    assert "returns" in question_aspects(
        "Ich lege die Ware in den Karton und schicke sie zurück, was kostet das?"
    )


@pytest.mark.parametrize(
    "message, ranking, lang, expected",
    [("Was kostet die Lieferung eines Luftreinigers in die Schweiz zusätzlich?", [("nlu_fallback", 0.4), ("ask_product_info", 0.42), ("ask_shipping", 0.38)], "de", "14,90"),
     ("What does delivery of an air purifier to Switzerland cost extra?", [("nlu_fallback", 0.4), ("ask_product_info", 0.42), ("ask_shipping", 0.38)], "en", "14.90")],
)  # fmt: skip
def test_an_unsure_guess_asking_delivery_to_a_country_is_a_shipping_question(
    test_catalog, message, ranking, lang, expected
):
    said, _ = _run_ranked(ActionFallback(), message, ranking, lang)
    assert expected in said, said


@pytest.mark.parametrize(
    "message, lang",
    [("jacket about one metre long", "en"), ("Jacke so ungefähr bis zum Knie", "de")],
)
def test_an_unsure_guess_about_products_naming_a_category_is_searched(test_catalog, message, lang):
    said, slots = _run_ranked(
        ActionFallback(),
        message,
        [("nlu_fallback", 0.4), ("select_product", 0.34), ("ask_product_fit", 0.14)],
        lang,
    )
    assert slots.get("shown_products"), said


def test_two_english_words_of_one_name_are_translated_together(test_catalog, monkeypatch):
    assert other_language("spirit level") == {"wasserwaage"}
    assert {"manual", "coffee grinder"} <= other_language("handkaffeemühle")
    names, titles = test_catalog.names, lambda pid: set(test_catalog.products[pid].title)
    for key in ("wanderschuh", "wander"):  # the pair is this test's own
        monkeypatch.delitem(shop_words._PAIRS, key, raising=False)
        monkeypatch.delitem(shop_words.FIRST_PARTS, key, raising=False)
    for key in ("hiking", "hiking boot", "hiking shoe"):
        monkeypatch.delitem(shop_words._EN, key, raising=False)
    alone = translated_scores(["hiking", "shoe"], names, titles, 100).get(
        "bergpfad-wanderschuh", 0.0
    )
    monkeypatch.setitem(
        shop_words._PAIRS, "wanderschuh", ("hiking shoe",)
    )  # a two-word English name
    monkeypatch.setitem(shop_words._EN, "hiking shoe", {"wanderschuh"})
    together = translated_scores(["hiking", "shoe"], names, titles, 100).get(
        "bergpfad-wanderschuh", 0.0
    )
    assert together > alone, (alone, together)


@pytest.mark.parametrize(
    "message, lang",
    [
        ("Passt der Luftreiniger in das Regal im Flur?", "de"),
        ("Does the Velo shell work with the Nordwand Parka?", "en"),
    ],
)
def test_a_compatibility_questions_subject_is_the_page_product(test_catalog, message, lang):
    page = test_catalog.get("airpure-300") if lang == "de" else test_catalog.get("velo-rain-shell")
    assert fits_into_other(message, page)
    other = test_catalog.get("nordwand-parka")
    assert on_page([other], [other], page, message, lambda word: False)[0] == page
    assert not fits_into_other("Passt der Nordwand Parka zu mir?", test_catalog.get("airpure-300"))
