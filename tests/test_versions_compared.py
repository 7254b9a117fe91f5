"""Versions and measures asked of products: a size value written with its size word ("Gr. 3"),
two versions of one product weighed against each other (their prices), a search on a product
page that finds nothing but names a version of that product, and "which is higher?" from the
heights the texts state."""

from __future__ import annotations

from actions.compare import ActionCompareProducts, comparative_line
from actions.conversation import ActionFallback
from actions.product_questions import ActionProductInfo
from actions.search import ActionSearchProducts
from catalog.models import Product
from catalog.size_values import same_size
from catalog.stated_measures import stated_measure
from catalog.variants import find_asked, variant_state
from tests.test_variants import optioned


def text(messages) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def harness() -> Product:
    rows = [
        (size, colour, 0 if (size, colour) == ("Gr. 3", "Schwarz") else 5)
        for size in ("Gr. 1", "Gr. 2", "Gr. 3", "Gr. 4", "Gr. 5")
        for colour in ("Schwarz", "Rot")
    ]
    return optioned("geschirr", ("Größe", "Farbe"), rows, size_option="Größe", color_option="Farbe")


def test_a_size_value_written_with_its_size_word_is_its_number():
    """tierhof-194: "in Beere in Größe 3?" of values "Gr. 1" … "Gr. 6" only read the colour."""
    assert same_size("Gr. 3", "3") and same_size("Größe 3", "3") and not same_size("Gr. 3", "4")
    for question in (
        "Haben Sie das Geschirr in Schwarz in Größe 3?",
        "Do you have it in black in size 3?",
    ):
        state = variant_state(harness(), find_asked(harness(), question))
        assert {a.option: a.values for a in state.asked} == {
            "Größe": ("Gr. 3",),
            "Farbe": ("Schwarz",),
        }, question
        assert state.state == "sold_out" and state.alternatives["Größe"][:2] == ["Gr. 4", "Gr. 2"]
    missing = variant_state(harness(), find_asked(harness(), "Gibt es das in Größe 6?"))
    assert (
        missing.state == "not_offered" and missing.alternatives["Größe"][0] == "Gr. 5"
    )  # the nearest, not the first


def tower(pid: str, description: dict[str, str]) -> Product:
    return Product(id=pid, title={"de": pid.title()}, category="cat", description=description,
                   variants=[{"sku": pid, "price": 99.0, "stock": 1}])  # fmt: skip


def test_the_height_a_text_states_is_read_with_its_unit():
    assert stated_measure(
        tower("a", {"de": "Stabiler Kratzbaum.\nHöhe 185 cm\nGrundfläche 70 x 60 cm"}), "height"
    ) == (185.0, "185 cm")
    assert stated_measure(
        tower("b", {"en": "A small cat tree: only 96 cm high on a 45 x 45 cm base."}), "height"
    ) == (96.0, "96 cm")
    assert stated_measure(
        tower("c", {"de": "Einstiegshöhe: 14 cm. Gesamthöhe: 1,2 m"}), "height"
    ) == (120.0, "1,2 m")  # the whole first
    assert (
        stated_measure(tower("d", {"de": "Halsumfang Breite\n30–36 cm 2 cm"}), "width") is None
    )  # a table header, not a label
    assert stated_measure(tower("e", {"en": "Weighs 9 kg."}), "height") is None


def test_which_is_higher_is_answered_from_the_heights_the_texts_state():
    """tierhof-248: "Welcher Kratzbaum ist höher?" showed the base's dimensions, not the heights."""
    big = tower("zugspitze", {"de": "Stabiler Kratzbaum.\nHöhe 185 cm"})
    small = tower("compact", {"en": "A small cat tree: only 96 cm high."})
    line = comparative_line(
        small, big, "Welcher Kratzbaum ist höher, der Zugspitze oder der Compact?", "de"
    )
    assert (
        line is not None
        and line.startswith("Hier liegt Zugspitze vorn: 185 cm")
        and "96 cm" in line
    )
    line = comparative_line(big, small, "Which one is taller, the Zugspitze or the Compact?", "en")
    assert line is not None and line.startswith("Zugspitze comes out ahead here: 185 cm")
    assert (
        comparative_line(big, small, "Which has the higher price, Zugspitze or Compact?", "en")
        is None
    )  # not a height


def test_two_versions_of_one_product_are_priced_side_by_side(run_action):
    """tierhof-252: "Was kostet das Hundebett in 60 cm im Vergleich zu 80 cm?" became a search."""
    messages, _ = run_action(
        ActionFallback(),
        "Was kostet der Nordwand Parka in Schwarz im Vergleich zu Rot?",
        "nlu_fallback",
    )
    reply = text(messages)
    assert "Schwarz: 249,00 €" in reply and "Rot: 229,00 €" in reply
    messages, _ = run_action(
        ActionCompareProducts(),
        "How much is the Nordwand Parka in black compared to red?",
        "compare_products",
    )
    reply = text(messages)
    assert "black: €249.00" in reply.lower() and "red: €229.00" in reply.lower()
    messages, _ = run_action(ActionProductInfo(), "Is it cheaper in red or in black?", "ask_product_info",
                             metadata={"language": "en", "product_id": "nordwand-parka"})  # fmt: skip
    assert "red: €229.00" in text(messages).lower()
    # a property asked of two versions is no price comparison
    messages, _ = run_action(
        ActionProductInfo(),
        "Ist der Parka in Schwarz oder Rot warm genug für minus 15 Grad?",
        "ask_product_info",
    )
    assert "249,00 €" not in text(messages)


def test_a_search_on_a_product_page_that_finds_nothing_answers_the_asked_version(
    run_action, monkeypatch
):
    """tierhof-218: "Do you have a 15 kg bag?" on a food's page (2, 6 and 12 kg) found no product."""
    from actions import search
    from catalog.search import SearchResult

    monkeypatch.setattr(
        type(search.catalog()),
        "search",
        lambda self, text, *a, **k: SearchResult(query=None, hits=[]),
    )
    for question, lang in (
        ("Do you have one in size 47?", "en"),
        ("Haben Sie den auch in Größe 47?", "de"),
    ):
        messages, _ = run_action(
            ActionSearchProducts(),
            question,
            "search_product",
            metadata={"language": lang, "product_id": "trailrunner-gtx"},
        )
        assert "47" in text(messages) and "46" in text(messages), text(
            messages
        )  # not offered, the nearest size named
