"""The material of a part the question names (actions/part_material.py, through
`answer_lines`): the sentence naming that part and a material, not the whole product's material."""

from __future__ import annotations

import pytest

from actions.part_material import asked_parts
from actions.product_answers import answer_lines
from tests.conftest import FIXTURES, serving_store
from tests.text_products import text_product


@pytest.fixture(scope="module")
def served(test_catalog, tmp_path_factory, use_embedder):
    with serving_store(FIXTURES / "store_answers", tmp_path_factory.mktemp("part-data"), use_embedder):
        yield


CAP = text_product(
    "cap", "Schiebermütze Tweed",
    "<p>Schiebermütze aus Tweed.</p><ul><li>Material: 100 % Wolle</li><li>Schweißband aus Ziegenleder</li>"
    "<li>Schirm mit Kunststoffeinlage</li></ul>",
)
BOARD = text_product(
    "board", "Paddle Board Lagoon",
    "<p>Inflatable board for calm water.</p><ul><li>Material: PVC drop stitch</li><li>Paddle blade made of fibreglass, shaft aluminium</li></ul>",
    lang="en",
)
TIGHTS = text_product("tights", "Feinstrumpfhose Nebel 15", "<p>86 % Polyamid, 14 % Elasthan.</p><p>Flachnaht, Zwickel aus Baumwolle.</p>")
GI = text_product(
    "gi", "Judo Gi Randori", "<p>Jacket: 100 % cotton, single weave.</p><p>Trousers: cotton/polyester ripstop with drawcord.</p>", lang="en",
)
JACKE = text_product("jacke", "Winterjacke Polar", "<p>Außenstoff: 100 % Polyamid.</p><p>Kapuzenrand aus Kunstfell, Futter aus Fleece.</p>")
SLING = text_product("sling", "Ring Sling Baumwolle", "<p>100 % Baumwolle.</p><p>Aluminiumringe, geprüft.</p>")


def test_the_parts_sentence_answers_not_the_whole_products_material(served):
    lines, known = answer_lines(CAP, "Woraus ist das Schweißband?", "de")
    assert known and "Ziegenleder" in lines[0] and "Wolle" not in lines[0]
    lines, known = answer_lines(CAP, "What's the sweatband made of?", "en")
    assert known and "Ziegenleder" in lines[0]


def test_a_part_no_lexicon_knows_named_in_the_text(served):
    lines, known = answer_lines(GI, "What are the trousers made of?", "en")
    assert known and "ripstop" in lines[0] and "single weave" not in lines[0]
    lines, known = answer_lines(JACKE, "Woraus ist der Kapuzenrand?", "de")
    assert known and "Kunstfell" in lines[0] and "Polyamid" not in lines[0]


def test_a_part_in_the_other_language(served):
    lines, known = answer_lines(TIGHTS, "What is the gusset made of?", "en")
    assert known and "Baumwolle" in lines[0] and "Polyamid" not in lines[0]
    lines, known = answer_lines(BOARD, "Woraus ist das Blatt des Paddels?", "de")
    assert known and "fibreglass" in lines[0]


def test_a_part_ending_a_compound_with_its_material(served):
    lines, known = answer_lines(SLING, "Aus welchem Material sind die Ringe?", "de")
    assert known and "Aluminiumringe" in lines[0]


def test_the_product_itself_is_no_part(served):
    assert asked_parts("Aus welchem Material ist die Strumpfhose?", "Feinstrumpfhose Nebel 15") == []
    assert asked_parts("What is the fabric of the cap made of?", "Cap Tweed") == []
    lines, _ = answer_lines(TIGHTS, "Woraus ist die Strumpfhose?", "de")
    assert "Polyamid" in " ".join(lines)
