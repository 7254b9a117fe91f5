"""A task no shop does (a text to write, today's conditions, a booking) is refused even when it
names something the shop sells; a product request for a kind of weather stays a search."""

from __future__ import annotations

import pytest

from actions.conversation import ActionFallback
from actions.search import ActionSearchProducts
from catalog.off_task import asks_other_task

TASKS = [
    "Write me a poem about running shoes",
    "Schreiben Sie mir ein Gedicht über Regenjacken",
    "Erzähl mir einen Witz über Wanderschuhe",
    "compose a song about my new jacket",
    "What's the avalanche danger level in Tyrol today?",
    "Wie hoch ist die Lawinengefahr heute am Arlberg?",
    "Wie wird das Wetter morgen auf der Zugspitze?",
    "what's the weather going to be like on the trail this weekend?",
    "weather forecast for the Alps",
    "Can you book me a ski instructor for Saturday?",
    "Buchen Sie mir einen Skilehrer für Samstag",
    "Können Sie mir einen Bergführer buchen?",
    "reserve a table for two tonight",
    "Kannst du mir ein Taxi zum Bahnhof bestellen?",
    "Can you call me a taxi?",
    "Kannst du mir ein gutes Fischrestaurant in Lübeck empfehlen?",
    "Can you recommend a nice hotel nearby?",
]

PRODUCT_REQUESTS = [
    "Regenjacke für schlechtes Wetter",
    "Ich brauche heute noch eine Jacke für nasses Wetter",
    "which jacket for the weather tomorrow?",
    "an all-weather jacket",
    "Ausrüstung für Lawinengefahr",
    "Ich suche ein Buch für Yoga-Kurse",
    "a book on tour cycling",
    "Haben Sie Gedichtbände?",
    "Sind die Schuhe wasserdicht?",
    "Can I book a return for my order?",
    "Kann ich die Jacke heute noch bestellen?",
    "Kann ich den Tauchkurs bestellen?",
    "order a city guide book",
    "Can you recommend a jacket for a hotel job?",
    "Arbeitsschuhe für die Küche im Restaurant",
    "Taxi-Schild bestellen",
    "Geschichte der Marke",
]


@pytest.mark.parametrize("message", TASKS)
def test_a_task_no_shop_does_is_recognised(message):
    assert asks_other_task(message)


@pytest.mark.parametrize("message", PRODUCT_REQUESTS)
def test_a_product_request_for_a_kind_of_weather_or_a_written_word_is_no_task(message):
    assert not asks_other_task(message)


@pytest.mark.parametrize(
    "message, lang",
    [
        ("Write me a poem about running shoes", "en"),
        ("Schreiben Sie mir ein Gedicht über Laufschuhe", "de"),
        ("Wie wird das Wetter morgen für meinen Trailrun?", "de"),
        ("Can you book me a running coach for Saturday?", "en"),
    ],
)
def test_a_task_naming_a_product_is_refused_not_searched(test_catalog, run_action, message, lang):
    for action, intent in (
        (ActionSearchProducts(), "search_product"),
        (ActionFallback(), "out_of_scope"),
    ):
        messages, slots = run_action(action, message, intent, metadata={"language": lang})
        said = "\n".join(m.get("text") or "" for m in messages)
        assert slots.get("pending_offer") == "handoff" and not slots.get("shown_products"), said
        assert "can't answer" in said or "nicht beantworten" in said, said
    messages, slots = run_action(ActionSearchProducts(), "trail running shoes", "search_product")
    assert "trailrunner-gtx" in slots.get("shown_products", [])


@pytest.mark.parametrize(
    "message",
    [
        "Write me a poem about waterproof trail running shoes",
        "Schreiben Sie mir ein Gedicht über Regenjacken",
    ],
)
def test_a_task_is_refused_whichever_action_searched_it(test_catalog, message):
    """A policy guess naming a kind of product is searched (`actions/policies.py`), so is a
    refinement: the results are never shown for a task."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.search import show_results

    result = test_catalog.search(message)
    assert result.hits  # the search alone finds products
    dispatcher = CollectingDispatcher()
    events = show_results(dispatcher, result, "en")
    assert [e["value"] for e in events if e.get("name") == "pending_offer"] == ["handoff"], events
    assert "can't answer" in dispatcher.messages[0]["text"], dispatcher.messages


OTHER_ASKS = [
    "What's a good recipe for Christmas cake?",
    "Rezept für Zwetschgendatschi",
    "Wie backe ich ein Sauerteigbrot?",
    "translate 'thank you' into Korean",
    "Was heißt Fahrrad auf Italienisch?",
    "Wann spielt das Orchester das nächste Konzert?",
    "when is the next home game?",
    "Was kostet eine Liftkarte am Feldberg?",
    "how much is a day pass for the lifts in Zermatt?",
    "How much are tickets for the festival?",
    "What does a flight to Lisbon cost?",
    "Was kostet ein Flug nach Lissabon?",
    "Help me with my chemistry homework: what is the formula of salt?",
    "Können Sie mir bei den Hausaufgaben helfen?",
]
STILL_PRODUCTS = [
    "Backform für Christstollen",
    "Rezeptbuch für Anfänger",
    "recipe book for beginners",
    "Schuhe für das nächste Rennen",
    "Wann kommt die nächste Lieferung?",
    "What does the ski pass holder cost?",
    "Was kostet die Skipasshülle?",
    "Gibt es eine Übersetzung der Anleitung auf Deutsch?",
    "How much is the flight case?",
    "How much are headphones for a flight to New York?",
    "Was kostet ein Nackenkissen für den Flug nach Lissabon?",
]


@pytest.mark.parametrize("text", OTHER_ASKS)
def test_recipes_translations_events_and_tickets_are_other_tasks(text):
    assert asks_other_task(text)


@pytest.mark.parametrize("text", STILL_PRODUCTS)
def test_products_for_such_things_are_no_other_task(text):
    assert not asks_other_task(text)


@pytest.mark.parametrize("message, intent", [("translate 'good morning' into Spanish", "greet"), ("Wie sagt man danke auf Japanisch?", "thank")])
def test_a_task_taken_for_smalltalk_is_refused(test_catalog, run_action, message, intent):
    from actions.conversation import ActionSmalltalk

    messages, slots = run_action(ActionSmalltalk(), message, intent, metadata={"language": "en"})
    said = "\n".join(m.get("text") or "" for m in messages)
    assert slots.get("pending_offer") == "handoff" and ("can't answer" in said or "nicht beantworten" in said), said



def test_a_hyphenated_compound_of_a_name_names_that_product():
    """"Loden-Janker" taken for a farewell or refused: the compound of one product's name names it,
    though "janker" alone is short; a compound typed apart or in no name names nothing."""
    from types import SimpleNamespace

    from catalog.models import Product
    from catalog.search import CatalogService

    titles = {"loden": {"de": "Loden-Janker Almrausch"}, "wool": {"en": "Wool-Blend Field Jacket"}, "cap": {"de": "Loden Kappe"}}
    shop = SimpleNamespace(products={pid: Product(id=pid, title=t, category="jackets", variants=[{"sku": pid, "price": 99.0, "stock": 1}]) for pid, t in titles.items()})
    named = lambda text: CatalogService._compound_named(shop, text)  # noqa: E731
    assert named("Habt ihr den Loden-Janker?") == ["loden"]
    assert named("wool-blend field jacket") == ["wool"]
    assert named("Loden Janker") == []  # no compound typed: the search's own words decide
    assert named("Toaster-Ofen") == [] and named("T-Kappe") == []
