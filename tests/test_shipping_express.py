"""An express or courier question where the shop names no such service is answered with the
standard quote, said to be all the shipping information states (`actions.shipping`)."""

from __future__ import annotations

from types import SimpleNamespace

from actions.shipping import express_unmentioned
from catalog.policies import Passage

PARCEL = SimpleNamespace(carrier="DHL", note=None)
EXPRESS_ZONE = SimpleNamespace(carrier="DHL Express", note=None)
POLICIES = [Passage("versand", "de", "Kosten", "Versand innerhalb Deutschlands 4,90 €."), Passage("versand", "en", "Costs", "Shipping within Germany €4.90.")]
COURIER = [*POLICIES, Passage("versand", "en", "Same-day courier", "In Munich a courier delivers the same day.")]


def test_express_asked_where_the_shop_names_none():
    assert express_unmentioned("Gibt es Expressversand?", "de", [PARCEL], POLICIES)
    assert express_unmentioned("Do you offer next-day delivery?", "en", [PARCEL], POLICIES)


def test_express_named_by_a_zone_or_a_policy_or_not_asked():
    assert not express_unmentioned("Gibt es Expressversand?", "de", [PARCEL, EXPRESS_ZONE], POLICIES)
    assert not express_unmentioned("Can I get it by courier?", "en", [PARCEL], COURIER)
    assert not express_unmentioned("Wie lange dauert der Versand?", "de", [PARCEL], POLICIES)
