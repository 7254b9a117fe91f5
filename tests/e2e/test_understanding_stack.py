"""The right passage and the right product over the REST webhook of the real stack (demo store):
a pickup question in a shop without pickup, a city for its country, a product's own guarantee,
a shoe-size conversion on a product page, and a truly off-topic request."""

from __future__ import annotations

import shutil
import uuid

import pytest

from tests.conftest import ROOT, running_stack
from tests.e2e.test_stack import ask, cards, texts

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e-understanding")
    shutil.copytree(ROOT / "var" / "demo", data / "demo")  # built by `make index`
    with running_stack(data, 5106, 5156, 8181) as s:
        yield s


def test_pickup_in_a_shop_without_pickup_is_honest(stack):
    reply = texts(ask(stack, "Kann ich meine Bestellung im Laden abholen?", f"e2e-{uuid.uuid4()}", language="de"))
    assert "service@bergfink-outdoor.example" in reply and "DHL" not in reply


def test_a_city_names_its_country(stack):
    reply = texts(ask(stack, "Was kostet der Versand nach Wien?", f"e2e-{uuid.uuid4()}", language="de"))
    assert "Österreich" in reply and "6,90" in reply


def test_the_page_products_own_guarantee(stack):
    reply = texts(ask(stack, "Welche Garantie gibt es auf das Zelt?", f"e2e-{uuid.uuid4()}", language="de", product_id="sternenzelt-2"))
    assert "5 Jahre" in reply


def test_a_size_number_does_not_name_another_product(stack):
    # "Hüttentraum -10 …", "Kraftpaket 10,000 mAh" and "Fernweg 55+10 …" have a "10" in their names
    replies = ask(stack, "What is US 10 in EU?", f"e2e-{uuid.uuid4()}", language="en", product_id="trailrunner-gtx")
    reply = texts(replies)
    assert "43" in reply
    assert not any(name in reply for name in ("Hüttentraum", "Kraftpaket", "Fernweg"))
    assert {c["id"] for c in cards(replies)} <= {"trailrunner-gtx"}


def test_off_topic_keeps_the_polite_refusal(stack):
    replies = ask(stack, "Schreiben Sie mir ein Gedicht über den Herbst", f"e2e-{uuid.uuid4()}", language="de")
    assert "nicht beantworten" in texts(replies) and cards(replies) == []
