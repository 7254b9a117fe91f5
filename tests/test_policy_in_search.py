"""A question the classifier took for a product search that a policy section answers clearly
("Kann ich ein Fahrrad ausleihen?", "How often should I …?") gets the section, in German and
English; a request for products phrased as a question ("Haben Sie …?", "Which …?") stays a search."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from rasa_sdk.executor import CollectingDispatcher

POLICIES = Path(__file__).parent / "fixtures" / "policies_rental"


@pytest.fixture()
def rental_shop(use_embedder, monkeypatch):
    from actions import policies
    from catalog.policies import PolicyIndex, read_passages

    index = PolicyIndex(read_passages(POLICIES), use_embedder)
    monkeypatch.setattr(policies, "catalog", lambda: SimpleNamespace(policies=index))
    return policies


@pytest.mark.parametrize(("text", "lang", "heading"), [
    ("Kann ich ein Fahrrad ausleihen?", "de", "Fahrräder ausleihen"),
    ("Can I rent a bike?", "en", "Renting a bike"),
    ("Wie oft sollte ich die Kette schmieren?", "de", "Kette schmieren"),
])  # fmt: skip
def test_a_policy_question_taken_for_a_search_gets_the_section(rental_shop, text, lang, heading):
    assert rental_shop.policy_asked_in_search(text, lang)
    dispatcher = CollectingDispatcher()
    events = rental_shop.answer_searched_policy(dispatcher, text, lang)
    assert events is not None and dispatcher.messages[0]["text"].startswith(f"{heading}: ")


@pytest.mark.parametrize(("text", "lang"), [
    ("Haben Sie Fahrräder für Kinder?", "de"), ("Do you have cargo bikes?", "en"),
    ("Welche Fahrräder kann ich bei Ihnen ausleihen?", "de"), ("Which bikes can I rent?", "en"),
    ("Ich suche ein Lastenrad zum Ausleihen", "de"), ("looking for a bike to rent", "en"),
])  # fmt: skip
def test_a_request_for_products_stays_a_search(rental_shop, text, lang):
    assert not rental_shop.policy_asked_in_search(text, lang)
    assert rental_shop.answer_searched_policy(CollectingDispatcher(), text, lang) is None


def test_what_was_just_said_is_asked_about(rental_shop):
    """"gibt es da was?" asks about the sentence before it, no product."""
    assert not rental_shop._REQUEST.search("Mein Rad ist kaputt – gibt es da was?")
    assert not rental_shop._REQUEST.search("My bike broke – is there anything for that?")
    assert rental_shop._REQUEST.search("Gibt es Lastenräder?") and rental_shop._REQUEST.search("Is there a cargo bike?")


PUNCTURE_POLICIES = {
    "service.de.md": "# Service\n\n## Pannenschutz für Reifen\nHaben Sie innerhalb von 6 Monaten nach dem Kauf einen Platten, "
    "ersetzen wir Schlauch und Mantel kostenlos.\n\n## Werkstatt\nWir reparieren Räder aller Marken.\n",
    "service.en.md": "# Service\n\n## Puncture protection for tyres\nIf you get a flat within 6 months of purchase, "
    "we replace the tube and tyre for free.\n\n## Workshop\nWe repair bikes of every brand.\n",
}


@pytest.fixture()
def puncture_shop(tmp_path, use_embedder, monkeypatch):
    from actions import policies
    from catalog.policies import PolicyIndex, read_passages

    for name, text in PUNCTURE_POLICIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    products = {pid: SimpleNamespace(title={"de": title}) for pid, title in (("reifen-kids", "Reifen Kinderrad 20 Zoll"), ("schlauch", "Schlauch 28 Zoll"))}
    shop = SimpleNamespace(policies=PolicyIndex(read_passages(tmp_path), use_embedder), products=products)
    monkeypatch.setattr(policies, "catalog", lambda: shop)
    return policies


def test_is_there_a_rule_named_by_a_heading_is_a_policy_question(puncture_shop):
    """"Gibt es einen Pannenschutz, wenn …?" is asked like a request, but a heading names its subject
    by a word no product's name has; "Gibt es Reifen für Kinderräder?" asks for products."""
    assert puncture_shop.policy_asked_in_search("Gibt es einen Pannenschutz, wenn ich einen Platten habe?", "de")
    assert puncture_shop.policy_asked_in_search("Is there puncture protection if I get a flat?", "en")
    assert not puncture_shop.policy_asked_in_search("Gibt es Reifen für Kinderräder?", "de")
    assert not puncture_shop.policy_asked_in_search("Are there tyres for kids' bikes?", "en")


def test_is_there_with_a_number_asks_for_a_version(puncture_shop):
    """A size or an amount in "Gibt es …?" asks for a product's version, whatever heading names a word of it."""
    assert not puncture_shop.policy_asked_in_search("Gibt es einen Pannenschutz für 28 Zoll?", "de")
    assert not puncture_shop.policy_asked_in_search("Is there puncture protection for 700x28 tyres?", "en")
