"""The store's size guide read as the chart of a product that has none of its own."""

from __future__ import annotations

from catalog.measurements import Measurement
from catalog.policies import Passage
from catalog.size_chart import chart, sizes_for
from catalog.size_guide_chart import groups, guide_section, with_guide
from tests.test_variants import optioned

GUIDE = [
    Passage("groessen", "de", "Bekleidung (Buchstabengrößen)",
            "Wenn in der Produktbeschreibung nichts anderes steht, gelten für unsere Herren- und Unisex-Bekleidung diese "
            "Brustumfänge: S 88–94 cm, M 95–101 cm, L 102–108 cm, XL 109–115 cm. Für Damen: XS 78–82 cm, S 83–87 cm, "
            "M 88–92 cm, L 93–98 cm.", "Größenberatung"),
    Passage("groessen", "de", "Helme", "Messen Sie den Kopfumfang etwa 1 cm über den Augenbrauen.", "Größenberatung"),
    Passage("groessen", "en", "Clothing (letter sizes)",
            "Unless the product text says otherwise, our men's and unisex clothing fits these chest sizes: S 88–94 cm, "
            "M 95–101 cm, L 102–108 cm, XL 109–115 cm. Women: XS 78–82 cm, S 83–87 cm, M 88–92 cm, L 93–98 cm.", "Size guide"),
    Passage("versand", "de", "Kosten", "Versand ab 50 € kostenlos, S 4,90 € bis 2 kg.", "Versand"),
]  # fmt: skip


def shirt(title: str):
    product = optioned("shirt", ("Größe",), [("S", 3), ("M", 2), ("L", 0), ("XL", 1)], size_option="Größe")
    return product.copy(update={"title": {"de": title, "en": title}, "description": {"de": "Ein Laufshirt aus Merino."}})


def _sizes(product, cm: float, lang: str) -> list[str]:
    shadow, _ = with_guide(product, GUIDE, lang)
    return [r.size for r in sizes_for(chart(shadow, lang), Measurement("chest", cm))[0]]


def test_the_guide_charts_a_product_without_a_chart():
    product = shirt("Merino Laufshirt")
    assert chart(product, "de") == []
    assert _sizes(product, 98, "de") == ["M"] and _sizes(product, 104, "en") == ["L"]


def test_the_sentences_for_other_wearers_are_left_out():
    assert _sizes(shirt("Damen Laufshirt Merino"), 90, "de") == ["M"]
    assert _sizes(shirt("Women's running tee"), 85, "en") == ["S"]
    assert _sizes(shirt("Herren Laufshirt"), 90, "de") == ["S"]
    assert groups("Herren- und Unisex-Bekleidung") == {"men", "unisex"}


def test_only_a_size_guide_that_names_the_products_sizes():
    passage, _ = guide_section(GUIDE, shirt("Laufshirt"), "de")
    assert passage.heading == "Bekleidung (Buchstabengrößen)"  # not the shipping text's "S 4,90 €"
    helmet = optioned("helm", ("Größe",), [("52-56", 1), ("56-60", 1)], size_option="Größe")
    assert guide_section(GUIDE, helmet, "de") is None
