"""A question taken for a size question that asks no size, fit or stock ("Ist die Jacke
PFC-frei?", "Can you print our name on it?"): the detail answer from the text, not the list of
sizes in stock (`actions.size_detail_route`)."""

from __future__ import annotations

import pytest

from actions.size_detail_route import asks_no_size, detail_instead, version_detail
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product as _product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("size-detail-data"), use_embedder):
        yield


JACKET = _product(
    "jacket",
    "Regenjacke Nordwind",
    "<p>Wasserdichte Regenjacke, Außenstoff 100 % Polyamid, PFC-frei imprägniert.</p>"
    "<p>Bedrucken mit Ihrem Vereinsnamen ab 5 Stück möglich.</p><p>Fällt normal aus.</p>",
)
APRON = _product(
    "apron",
    "Work Apron Harbour",
    "<p>Heavy cotton canvas apron, resistant to oil and grease.</p>"
    "<p>Embroidery with your company logo from 20 pieces.</p><p>One size, adjustable neck strap.</p>",
    "en",
)


def test_a_question_naming_no_size_fit_or_stock_asks_no_size():
    assert asks_no_size(JACKET, "Ist die Jacke PFC-frei?", "de")
    assert asks_no_size(APRON, "Is the apron resistant to oil?", "en")
    assert not asks_no_size(JACKET, "Welche Größe soll ich nehmen?", "de")
    assert not asks_no_size(JACKET, "Haben Sie die noch vorrätig?", "de")
    assert not asks_no_size(JACKET, "Fällt die Jacke klein aus?", "de")
    assert not asks_no_size(APRON, "Do you have it in stock?", "en")
    assert not asks_no_size(APRON, "Does it fit a tall man?", "en")
    assert not asks_no_size(APRON, "what sizes are there?", "en")


def test_the_detail_answer_instead_of_the_sizes_in_stock(served):
    said = detail_instead(JACKET, "Ist die Jacke PFC-frei?", "de")
    assert said and "PFC-frei" in said
    said = detail_instead(JACKET, "Kann man die Jacke mit dem Vereinsnamen bedrucken?", "de")
    assert said and "5 Stück" in said
    said = detail_instead(APRON, "Is the apron resistant to oil?", "en")
    assert said and "oil and grease" in said
    said = detail_instead(APRON, "can you embroider our logo on them?", "en")
    assert said and "20 pieces" in said


def test_a_size_question_keeps_the_size_answer(served):
    assert detail_instead(JACKET, "Welche Größen haben Sie noch?", "de") is None
    assert detail_instead(APRON, "Which size should I take?", "en") is None



VEST = _product(
    "vest",
    "Warnweste Baustelle",
    "<p>Warnweste aus Polyester, EN ISO 20471 Klasse 2 (ab Größe L; Größe M erreicht Klasse 1).</p><p>Klettverschluss vorne.</p>",
)
SADDLE_PAD = _product(
    "pad",
    "Saddle Pad Meadow",
    "<p>Quilted cotton saddle pad.</p><p>DR stands for the dressage cut with a longer flap.</p>",
    "en",
)


def test_a_property_of_a_named_version_is_the_detail_not_its_stock(served):
    said = version_detail(VEST, "Welche Klasse hat die Weste in Größe M?", "de")
    assert said and "Klasse 1" in said
    said = version_detail(SADDLE_PAD, "what does DR mean?", "en")
    assert said and "dressage" in said
    assert version_detail(VEST, "Gibt es die Weste in Größe M?", "de") is None
    assert version_detail(SADDLE_PAD, "Do you have it in DR?", "en") is None
    assert version_detail(VEST, "Is there a longer length in size M?", "en") is None
