"""A request ruling a feature out ("ohne Klettverschluss", "without any stretch") lowers products
whose text names the feature and lifts those whose text rules it out too
(`catalog/search_negation.py`, applied in `CatalogService.search`)."""

from __future__ import annotations

from catalog.search_negation import RULED_OUT_SHIFT, ruled_out, ruled_out_shift
from tests.test_variants import optioned


def _described(pid: str, title: str, description: dict[str, str]):  # noqa: ANN202
    product = optioned(pid, ("Größe",), [("M", 1)])
    product.title = {"de": title}
    product.description = description
    return product


def test_the_features_a_request_rules_out():
    assert ruled_out("Boulderschuh ohne Klettverschluss und ohne Schnürung") == ["klettverschl", "schnür"]
    assert ruled_out("women's jeans without any stretch, vintage style") == ["stret"]
    assert ruled_out("Habt ihr keine Kapuzenjacken?") == ["kapuzenjac"]
    assert ruled_out("I have no idea what size, a warm jacket") == []
    assert ruled_out("Wanderschuh mit Klettverschluss") == []


def test_a_product_naming_the_feature_drops_and_one_ruling_it_out_rises():
    velcro = _described("velcro-shoe", "Felsschuh Klett", {"de": "Kletterschuh mit Klettverschluss für die Halle."})
    slipper = _described("slipper", "Slipper Mond", {"de": "Ganz ohne Klettverschluss und ohne Schnürung."})
    plain = _described("plain", "Halbschuh", {"en": "A light shoe for the crag."})
    stems = ruled_out("Boulderschuh ohne Klettverschluss")
    assert ruled_out_shift(velcro, stems) == -RULED_OUT_SHIFT
    assert ruled_out_shift(slipper, stems) == RULED_OUT_SHIFT
    assert ruled_out_shift(plain, stems) == 0.0
    rigid = _described("rigid", "Mom Jeans Rigid", {"en": "100 % cotton denim, no stretch at all."})
    stretchy = _described("stretchy", "Skinny Jeans", {"de": "Bequem dank 2 % Stretchanteil."})
    stems = ruled_out("jeans without any stretch")
    assert ruled_out_shift(rigid, stems) > 0 > ruled_out_shift(stretchy, stems)
    assert ruled_out_shift(stretchy, []) == 0.0
