"""Messages the classifier routed elsewhere that the actions answer by what they ask: "X or Y?"
naming two products is a comparison, and an unsure guess at a search that names one of the
store's categories is a search."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.compare import asked_pair
from actions.conversation import ActionFallback
from actions.search import ActionSearchProducts
from catalog.policy_aspects import question_aspects


def text(messages) -> str:  # noqa: ANN001
    return "\n".join(m.get("text") or "" for m in messages)


def run(action, message: str, ranking: list[str], metadata: dict | None = None) -> str:  # noqa: ANN001
    """The action's reply to a message the classifier ranked so (best first, with confidences)."""
    intents = [{"name": name, "confidence": round(0.5 - 0.1 * i, 2)} for i, name in enumerate(ranking)]
    latest = {"text": message, "intent": intents[0], "intent_ranking": intents, "entities": [], "metadata": metadata or {}}
    tracker = Tracker("test-user", {}, latest, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, tracker, {})
    return text(dispatcher.messages)


def test_asked_pair_needs_an_or_between_two_named_products(test_catalog) -> None:
    assert [p.id for p in asked_pair("TrailRunner GTX oder Velo Rain Shell für Regen?")] == ["trailrunner-gtx", "velo-rain-shell"]
    assert [p.id for p in asked_pair("AirPure 300 vs Breeze Fan Purifier")] == ["airpure-300", "breeze-fan-purifier"]
    assert asked_pair("TrailRunner GTX und Velo Rain Shell") == []  # both wanted, not one against the other
    assert asked_pair("Schuhe oder Jacke für den Regen?") == []  # kinds, not products


def test_a_search_naming_two_products_with_or_compares_them(test_catalog) -> None:
    reply = run(ActionSearchProducts(), "TrailRunner GTX oder Velo Rain Shell für Regen?", ["search_product"], {"language": "de"})
    assert reply.startswith("TrailRunner GTX und Velo Rain Shell im Vergleich:")


def test_a_refused_message_naming_two_products_with_or_compares_them(test_catalog) -> None:
    reply = run(ActionFallback(), "AirPure 300 or the Breeze Fan Purifier for my bedroom?", ["out_of_scope"], {"language": "en"})
    assert reply.startswith("AirPure 300") and " vs " in reply.splitlines()[0]


def test_an_unsure_search_naming_a_store_category_is_searched(test_catalog, monkeypatch) -> None:
    from catalog import scope

    monkeypatch.setattr(scope, "carried", lambda service, message: None)  # below the catalog's rescue score
    reply = run(ActionFallback(), "elegante leichte Laufschuhe für Damen", ["nlu_fallback", "search_product", "provide_order_info"], {"language": "de"})
    assert "TrailRunner" in reply or "Road Runner" in reply
    # the classifier's guess was not a search, or nothing of a store category is named: the refusal
    refused = run(ActionFallback(), "elegante leichte Laufschuhe für Damen", ["nlu_fallback", "out_of_scope", "search_product"], {"language": "de"})
    assert "TrailRunner" not in refused and "Road Runner" not in refused
    refused = run(ActionFallback(), "etwas Elegantes für Damen", ["nlu_fallback", "search_product", "provide_order_info"], {"language": "de"})
    assert "€" not in refused and "http" not in refused


def test_a_policy_cue_ends_a_german_compound_in_a_question() -> None:
    assert "voucher" in question_aspects("Wie lange sind Geschenkgutscheine gültig?")
    assert "warranty" in question_aspects("Gibt es eine Herstellergarantie?")
    assert "payment" not in question_aspects("Ist die Anzahl begrenzt?")  # a short cue stays a word start
