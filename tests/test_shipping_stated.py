"""What a shop states beyond a zone's quote, in German and English: delivery to a parcel locker
or post office, and islands excepted from a country's zone (a named island asks for that)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from actions.shipping import express_sentence
from catalog.policies import Passage
from catalog.policy_aspects import question_aspects, section_aspects


def _passages() -> list[Passage]:
    return [
        Passage("versand", "de", "Versand", "Wir versenden mit Hermes in 2–3 Werktagen. - Eine Lieferung an Paketshops ist möglich. "
                "- Nach Großbritannien liefern wir nicht. Inseln (z. B. Balearen) beliefern wir nicht."),
        Passage("versand", "en", "Shipping", "We ship with Hermes in 2–3 working days. - Delivery to a parcel shop is possible. "
                "- We do not ship to the UK. We do not deliver to islands (e.g. Balearic Islands)."),
    ]


@pytest.mark.parametrize(("text", "aspect"), [
    ("Liefern Sie auch an eine Packstation?", "locker"), ("Can you deliver to a parcel locker?", "locker"),
    ("Geht die Lieferung an eine Postfiliale?", "locker"), ("Can I have it sent to a post office?", "locker"),
    ("Liefert ihr nach Mallorca?", "island"), ("Do you deliver to Tenerife?", "island"),
    ("Versand auf eine Insel möglich?", "island"), ("Do you ship to the Canary Islands?", "island"),
])  # fmt: skip
def test_a_locker_or_an_island_is_asked(text, aspect):
    assert aspect in question_aspects(text)


@pytest.mark.parametrize("text", ["Wie lange dauert der Versand nach Österreich?", "How much is shipping to Spain?",
                                  "Was kostet ein Paket in die Schweiz?"])  # fmt: skip
def test_a_plain_shipping_question_asks_neither(text):
    assert not {"locker", "island"} & question_aspects(text)


def test_the_policys_sentence_on_lockers_and_islands():
    assert express_sentence("Liefern Sie an einen Paketshop?", "de", _passages()) == "Eine Lieferung an Paketshops ist möglich."
    assert express_sentence("Can you deliver to a parcel shop?", "en", _passages()) == "Delivery to a parcel shop is possible."
    # an abbreviation's dot ends no sentence
    assert express_sentence("Liefert ihr nach Ibiza?", "de", _passages()) == "Inseln (z. B. Balearen) beliefern wir nicht."
    assert express_sentence("Do you deliver to Majorca?", "en", _passages()) == "We do not deliver to islands (e.g. Balearic Islands)."
    assert express_sentence("How much is shipping to Spain?", "en", _passages()) is None


def test_a_zones_note_on_islands_is_said():
    notes = ("Keine Lieferung auf Inseln (z. B. Kanaren).",)
    plain = [Passage("versand", "de", "Versand", "Wir versenden mit DHL.")]
    assert express_sentence("Liefert ihr nach Teneriffa?", "de", plain, notes) == notes[0]
    assert express_sentence("Liefert ihr nach Teneriffa?", "de", plain) is None  # nothing said on islands


def test_a_locker_section_answers_instead_of_the_quote(tmp_path, use_embedder, monkeypatch) -> None:
    from actions import shipping
    from catalog.policies import PolicyIndex, read_passages

    (tmp_path / "versand.de.md").write_text("# Versand\n\n## Versandkosten\nVersand mit DHL, 4,90 €.\n\n"
                                            "## Packstation\nLieferung an Packstationen ist in Deutschland möglich.\n", encoding="utf-8")
    (tmp_path / "versand.en.md").write_text("# Shipping\n\n## Shipping costs\nShipping with DHL, €4.90.\n\n"
                                            "## Parcel lockers\nDelivery to parcel lockers is possible in Germany.\n", encoding="utf-8")
    index = PolicyIndex(read_passages(tmp_path), use_embedder)
    monkeypatch.setattr(shipping, "catalog", lambda: SimpleNamespace(policies=index))
    assert "locker" in section_aspects("Parcel lockers") and "locker" in section_aspects("Packstation")
    assert shipping.policy_beyond_quote("Can you deliver to a parcel locker?", "en")
    assert shipping.policy_beyond_quote("Liefern Sie auch an eine Packstation?", "de")
    assert not shipping.policy_beyond_quote("Was kostet der Versand?", "de")
