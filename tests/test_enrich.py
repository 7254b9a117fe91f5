"""Facts stored with the product: structured data wins, each fact keeps its sentence, the
import hook (JSONL and Shopify CSV), the merchant's single-product changes, and no extra
embedding because of facts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from catalog.enrich import enrich, facts_view
from catalog.importer import import_file
from catalog.models import Product
from catalog.repository import embed_hash
from catalog.sizes import recommend_size

SHOE_TEXT = {
    "de": "Leichter Wanderschuh. Gewicht ca. 350 g pro Schuh. Fällt eine halbe Nummer klein aus, bitte eine Größe größer bestellen. 2 Jahre Garantie.",
    "en": "Light hiking shoe. Weighs approx. 350 g per shoe. Runs small – take one size up. 2-year warranty.",
}


def shoe(**fields) -> Product:
    raw = {
        "id": "test-shoe", "title": {"de": "Testschuh", "en": "Test shoe"}, "description": SHOE_TEXT,
        "category": "shoes",
        "variants": [{"sku": f"TS-{s}", "size": str(s), "price": 99.0, "stock": 3} for s in range(40, 46)],
        **fields,
    }  # fmt: skip
    return Product.parse_obj(raw)


def test_text_facts_fill_empty_fields_with_their_sentence():
    product = enrich(shoe())
    assert product.attributes["weight_g"] == 350
    assert product.attributes["warranty_years"] == 2
    assert product.fit == "runs_small"
    assert product.fit_notes == {
        "de": "Fällt eine halbe Nummer klein aus, bitte eine Größe größer bestellen.",
        "en": "Runs small – take one size up.",
    }
    source = product.fact_sources["weight_g"]
    assert source["origin"] == "text" and source["lang"] == "de" and source["text"] == "Gewicht ca. 350 g pro Schuh."


def test_structured_values_win():
    product = enrich(shoe(attributes={"weight_g": 310}, fit="true_to_size"))
    assert product.attributes["weight_g"] == 310
    assert product.fit == "true_to_size" and product.fit_notes is None  # the text disagrees: not quoted
    assert product.fact_sources["weight_g"] == {"text": "", "lang": None, "origin": "structured"}
    assert product.fact_sources["fit"]["origin"] == "structured"
    assert enrich(shoe(fit="runs_small")).fit_notes == enrich(shoe()).fit_notes  # the text explains a structured fit
    agreeing = enrich(shoe(attributes={"weight_g": 350}))
    assert agreeing.fact_sources["weight_g"]["origin"] == "structured"
    assert agreeing.fact_sources["weight_g"]["text"] == "Gewicht ca. 350 g pro Schuh."


def test_fit_from_the_text_drives_the_size_advice():
    assert recommend_size(shoe(), "42") == ("42", "unknown")
    assert recommend_size(enrich(shoe()), "42") == ("43", "runs_small")


def test_enrich_is_idempotent_and_follows_text_changes():
    product = enrich(shoe())
    assert enrich(product) == product
    changed = enrich(product.copy(update={"description": {"en": "Light hiking shoe. Weight: 1.1 kg. True to size."}}))
    assert changed.attributes["weight_g"] == 1100
    assert changed.fit == "true_to_size" and changed.fit_notes == {"en": "True to size."}
    assert "warranty_years" not in changed.attributes and "warranty_years" not in changed.fact_sources
    # a value the merchant set since stays, and counts as structured
    merchant = product.copy(update={"attributes": {**product.attributes, "weight_g": 333}})
    again = enrich(merchant.copy(update={"description": {"en": "Weight: 1.1 kg."}}))
    assert again.attributes["weight_g"] == 333 and again.fact_sources["weight_g"]["origin"] == "structured"


def test_facts_do_not_change_what_is_embedded():
    product = shoe()
    assert embed_hash(enrich(product), "use") == embed_hash(product, "use")


def test_facts_view_for_merchants():
    view = facts_view(enrich(shoe(attributes={"waterproof": True})))
    assert view["weight_g"] == {"value": 350, "unit": "g", "sentence": "Gewicht ca. 350 g pro Schuh.", "lang": "de", "origin": "text"}
    assert view["waterproof"]["origin"] == "structured" and view["waterproof"]["sentence"] is None
    assert view["fit"]["value"] == "runs_small"


def test_import_hook_jsonl(tmp_path: Path):
    path = tmp_path / "catalog.jsonl"
    path.write_text(json.dumps(shoe().dict(exclude_none=True), ensure_ascii=False) + "\n", encoding="utf-8")
    result = import_file(path)
    assert result.ok, result.errors
    assert result.products[0].fit == "runs_small" and result.products[0].attributes["weight_g"] == 350


def _shopify(tmp_path: Path, body: str, metafield_fit: str = "") -> Path:
    path = tmp_path / "products_export.csv"
    columns = ["Handle", "Title", "Body (HTML)", "Type", "Option1 Name", "Option1 Value", "Variant SKU",
               "Variant Price", "Variant Inventory Qty", "Fit (product.metafields.shopbot.fit)"]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerow(["trail-boot", "Trail Boot", body, "shoes", "Size", "42", "TB-42", "129.00", "3", metafield_fit])
        writer.writerow(["trail-boot", "", "", "", "", "43", "TB-43", "129.00", "2", ""])
    return path


def test_import_hook_shopify_csv_and_metafields_win(tmp_path: Path):
    body = "<p>Waterproof leather boot, 10,000 mm hydrostatic head.</p><p>Runs large, so size down.</p>"
    product = import_file(_shopify(tmp_path, body)).products[0]
    assert product.attributes["waterproof"] is True and product.attributes["waterproof_mm"] == 10000
    assert product.attributes["materials"] == ["leather"] and product.fit == "runs_large"
    assert product.fact_sources["fit"]["text"] == "Runs large, so size down."
    structured = import_file(_shopify(tmp_path, body, metafield_fit="true_to_size")).products[0]
    assert structured.fit == "true_to_size" and structured.fact_sources["fit"]["origin"] == "structured"


def test_merchant_put_and_patch_enrich(tmp_path: Path, use_embedder):
    from tests.conftest import imported_store

    admin = imported_store(tmp_path, use_embedder)
    raw = shoe().dict(exclude_none=True)
    outcome, product, _ = admin.put_product("test-shoe", raw)
    assert outcome == "created" and admin.repo.get("test-shoe").attributes["weight_g"] == 350
    again, _, version = admin.put_product("test-shoe", admin.repo.get("test-shoe").dict(exclude_none=True))
    assert again == "unchanged" and version is None  # a product read back and written again changes nothing
    patched, _ = admin.patch_product("test-shoe", {"description": {"en": "Weight: 1.1 kg. Runs large."}})
    assert patched.attributes["weight_g"] == 1100 and patched.fit == "runs_large"
    patched, _ = admin.patch_product("test-shoe", {"attributes": {"weight_g": 999}})
    assert patched.attributes["weight_g"] == 999 and patched.fact_sources["weight_g"]["origin"] == "structured"
    assert admin.repo.get("test-shoe").attributes["weight_g"] == 999


def test_hand_written_fact_sources_cannot_break_a_product():
    odd = {"a": {"filled": "x"}, "b": {"filled": {"variants": None, "attributes.nothing": 1, "fit": None}}}
    product = enrich(shoe(fact_sources=odd, attributes={"weight_g": 300}))
    assert product.variants and product.attributes["weight_g"] == 300 and product.fit == "runs_small"


def test_care_text_only_from_care_instructions():
    purifier = enrich(shoe(description={"de": "Leiser Luftreiniger für Allergiker.", "en": "A quiet vacuum cleaner."}))
    assert purifier.care is None and "care" not in purifier.fact_sources
    jacket = enrich(shoe(description={"de": "Leichte Jacke. Bei 30 °C waschen, nicht bügeln."}))
    assert jacket.care == {"de": "Bei 30 °C waschen, nicht bügeln."} and jacket.attributes["wash_temp_c"] == 30


def test_text_fields_give_only_their_own_facts():
    parka = enrich(shoe(description={"en": "Warm parka."}, care={"de": "Im Daunenwaschgang bei 30 °C waschen."}))
    assert parka.attributes["wash_temp_c"] == 30 and "materials" not in parka.attributes


def test_the_merchants_materials_field_wins_over_the_description_in_another_language():
    glasses = enrich(shoe(description={"de": "Lichtstarkes Fernglas aus Kunststoff."}, materials={"en": "Rubber-armoured magnesium body, cork strap."}))
    assert glasses.attributes["materials"] == ["rubber", "cork"]
    assert glasses.fact_sources["materials"]["text"] == "Rubber-armoured magnesium body, cork strap."


def test_attributes_the_merchant_named_are_structured_facts():
    named = enrich(shoe(description={"de": "Leichter Schuh. Gewicht ca. 350 g."}, attributes={"Gewicht": "410 g", "Material": "Obermaterial Leder"}))
    assert named.attributes["weight_g"] == 410 and named.attributes["materials"] == ["leather"]  # the attribute wins
    assert named.fact_sources["weight_g"] == {"text": "Gewicht: 410 g", "lang": None, "origin": "structured", "filled": {"attributes.weight_g": 410}}
    assert enrich(named) == named
    changed = enrich(named.copy(update={"attributes": {**named.attributes, "Gewicht": "450 g"}}))
    assert changed.attributes["weight_g"] == 450  # the merchant changed the attribute: read again
