"""Real shop exports: the quirks of Shopify's product CSV, WooCommerce's product CSV (English and
German headers), product types placed in the store's categories, hidden products, and demo
orders made from any store's own catalog."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import uuid
from pathlib import Path

import pytest

from catalog.admin import CatalogAdmin
from catalog.build import read_current_products
from catalog.import_common import parse_number
from catalog.importer import import_file
from catalog.store import Store
from orders.demo import NAMED, SeedSkipped, demo_orders, seed
from orders.sql import SqlOrders
from tests.conftest import DEMO_STORE, FIXTURES, TEST_STORE

SHOPIFY = FIXTURES / "shopify_export.csv"
WOO = FIXTURES / "woocommerce_export.csv"
WOO_STORE = FIXTURES / "store_woo"
NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def demo_categories():
    return Store(DEMO_STORE).config.categories


@pytest.fixture(scope="module")
def shopify(demo_categories, use_embedder):
    result = import_file(SHOPIFY, demo_categories, embedder=use_embedder)
    assert result.ok, [str(e) for e in result.errors]
    return result


def by_id(result):
    return {p.id: p for p in result.products}


# --- Shopify ---------------------------------------------------------------------------------


def test_shopify_export_reads_every_product(shopify):
    assert shopify.format == "shopify" and shopify.rows == 20 and len(shopify.products) == 7
    assert sum(len(p.variants) for p in shopify.products) == 17  # the 3 image-only rows are no variants


def test_any_colour_name_is_kept_and_mapped_to_a_family(shopify):
    trousers, bag, mug = (by_id(shopify)[k] for k in ("felsgrat-wanderhose", "moonrise-down-bag", "gipfel-kaffeebecher"))
    assert {(v.color_label, v.color) for v in trousers.variants} == {("Dunkelblau", "navy"), ("Anthrazit", "grey")}
    assert {(v.color_label, v.color) for v in bag.variants} == {("Natural", "beige"), ("Glacier", None)}
    assert mug.variants[0].color == "red" and mug.variants[0].color_label == "Bordeaux"
    assert bag.colors() == ["beige"]  # "in black?" / "in beige?" still work on the family


def test_every_option_is_kept_and_the_size_like_one_marked(shopify):
    products = by_id(shopify)
    trousers = products["felsgrat-wanderhose"]
    assert trousers.option_names == ["Größe", "Länge", "Farbe"] and trousers.size_option == "Größe"
    assert trousers.color_option == "Farbe"
    assert list(trousers.variants[0].options.items()) == [("Größe", "48"), ("Länge", "Kurz"), ("Farbe", "Dunkelblau")]
    bag = products["moonrise-down-bag"]
    assert bag.size_option == "Length" and bag.sizes() == ["200 cm", "220 cm"]
    socks = products["wollweg-merino-socken"]
    assert socks.size_option == "Pack" and socks.variants[1].options == {"Pack": "6er-Pack", "Fit": "Regular"}
    assert products["gipfel-kaffeebecher"].size_option == "Kapazität"
    assert products["bergkristall-ohrringe"].option_names == [] and products["bergkristall-ohrringe"].variants[0].options == {}


def test_unknown_types_are_placed_by_meaning_or_become_categories(shopify, demo_categories):
    products = by_id(shopify)
    assert products["moonrise-down-bag"].category == "outdoor"  # "Down Sleeping Bags": by meaning
    assert shopify.category_mapping["Down Sleeping Bags"].startswith("outdoor (by meaning")
    assert products["alte-thermoskanne"].category == "kitchen"  # "Thermoskannen"
    earrings = products["bergkristall-ohrringe"]  # "Ohrringe": nothing in a demo category means jewellery
    assert earrings.category == "ohrringe" and "ohrringe" not in demo_categories
    assert shopify.new_categories["ohrringe"].de == "Ohrringe"
    assert shopify.category_mapping["Ohrringe"] == "ohrringe (new category)"


def test_drafts_and_unpublished_products_are_imported_hidden(shopify):
    products = by_id(shopify)
    assert products["winterjacke-prototyp"].status == "draft"
    assert products["alte-thermoskanne"].status == "unpublished"  # Published FALSE, Status active
    assert sorted(shopify.hidden) == ["alte-thermoskanne", "winterjacke-prototyp"]
    assert all(p.shown for p in shopify.products if p.id not in shopify.hidden)


def test_several_images_in_position_order_and_variant_images(shopify):
    bag = by_id(shopify)["moonrise-down-bag"]
    assert [u.rsplit("/", 1)[1] for u in bag.images] == ["moonrise-1.jpg", "moonrise-2.jpg", "moonrise-nat.jpg"]
    assert bag.image == bag.images[0]
    assert bag.variants[2].image.endswith("moonrise-glacier.jpg") and bag.variants[1].image is None


def test_stock_prices_and_untracked_inventory(shopify):
    products = by_id(shopify)
    first = products["felsgrat-wanderhose"].variants[0]
    assert (first.price, first.compare_at_price) == (89.95, 109.95)  # "89,95"
    empty_qty = products["felsgrat-wanderhose"].variants[2]
    assert empty_qty.stock_tracked is False and empty_qty.stock > 0  # no quantity exported: available
    assert all(v.stock_tracked is False for v in products["wollweg-merino-socken"].variants)  # no tracker
    assert products["gipfel-kaffeebecher"].variants[0].stock_tracked is False  # policy "continue"
    assert products["bergkristall-ohrringe"].variants[0].stock == 0  # oversold (-2): sold out


def test_semicolon_separated_export_without_bom(tmp_path: Path, demo_categories, use_embedder):
    rows = list(csv.reader(io.StringIO(SHOPIFY.read_text(encoding="utf-8-sig"))))
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    result = import_file(path, demo_categories, embedder=use_embedder)
    assert result.ok and len(result.products) == 7
    assert by_id(result)["felsgrat-wanderhose"].variants[0].price == 89.95


def test_rows_are_rejected_only_for_what_breaks_them(tmp_path: Path, demo_categories):
    rows = list(csv.DictReader(io.StringIO(SHOPIFY.read_text(encoding="utf-8-sig"))))
    rows[1]["Variant Price"] = ""  # a trousers variant without price (row 3)
    rows[9]["Variant Price"] = "zwölf"  # the bag's first row (row 11)
    rows[16]["Title"] = ""  # the draft jacket without its title (row 18)
    path = tmp_path / "broken.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = import_file(path, demo_categories)
    assert [str(e) for e in result.errors] == [
        "broken.csv:3: product 'felsgrat-wanderhose': variant without Variant Price",
        "broken.csv:11: product 'moonrise-down-bag': Variant Price 'zwölf' is not a number",
        "broken.csv:18: Handle 'winterjacke-prototyp' has no row with a Title (continuation row without its product)",
    ]
    assert len(result.products) == 4  # the rest is fine


def test_parse_number():
    assert [parse_number(t) for t in ("129.95", "129,95", "1.299,00", "1,299.00", "€ 12,50", "7")] == [
        129.95, 129.95, 1299.0, 1299.0, 12.5, 7.0]  # fmt: skip
    with pytest.raises(ValueError):
        parse_number("12,50 zzgl. Versand")


# --- WooCommerce -----------------------------------------------------------------------------


def test_woocommerce_simple_and_variable_products(demo_categories):
    result = import_file(WOO, demo_categories)
    assert result.ok and result.format == "woocommerce", [str(e) for e in result.errors]
    products = by_id(result)
    assert set(products) == {"organic-cotton-hoodie", "stoneware-mug", "travel-mug", "gift-card"}  # grouped: none here
    hoodie = products["organic-cotton-hoodie"]
    assert hoodie.category == "clothing" and hoodie.option_names == ["Size", "Color"] and hoodie.size_option == "Size"
    assert [(v.sku, v.size, v.color_label, v.color) for v in hoodie.variants] == [
        ("hoodie-s-grey", "S", "Heather Grey", "grey"), ("hoodie-m-grey", "M", "Heather Grey", "grey"),
        ("hoodie-l-forest", "L", "Forest", "green")]  # fmt: skip
    s, m, large = hoodie.variants
    assert (s.price, s.stock) == (59.0, 3)  # parent by SKU ("hoodie")
    assert (m.price, m.compare_at_price, m.stock) == (49.0, 59.0, 0)  # sale price; parent "id:201"
    assert large.price == 1059.0 and large.stock_tracked is False  # "1,059.00"; on backorder
    assert m.image == "https://shop.example/hoodie-m.jpg" and len(hoodie.images) == 2
    assert "Wash at 30 °C" in hoodie.text("description", "en") and "Heavyweight" in hoodie.text("description", "en")
    mug = products["stoneware-mug"]
    assert mug.category == "kitchen" and mug.variants[0].options == {"Capacity": "0,35 l"}  # "0\,35 l"
    assert mug.attributes == {"Material": "Stoneware, Glaze"}  # a list of values describes, it is no choice
    assert products["travel-mug"].status == "unpublished" and products["gift-card"].status == "unpublished"


def test_woocommerce_german_export_of_a_store(use_embedder):
    store = Store(WOO_STORE)
    result = import_file(store.catalog_file, store.config.categories, embedder=use_embedder)
    assert result.ok and result.format == "woocommerce", [str(e) for e in result.errors]
    products = by_id(result)
    assert "kuechen-set" not in products  # a grouped product is a container, its members are rows
    blanket = products["wolldecke-alpaka"]
    assert blanket.category == "home" and blanket.size_option == "Größe" and blanket.color_option == "Farbe"
    assert [(v.size, v.color_label, v.color, v.price, v.stock) for v in blanket.variants] == [
        ("130 × 170 cm", "Natur", "beige", 119.0, 4), ("150 × 200 cm", "Natur", "beige", 149.0, 2),
        ("150 × 200 cm", "Salbei", "green", 149.0, 0)]  # fmt: skip
    assert products["duftkerze-zirbe"].category == "kerzen-duefte" and "kerzen-duefte" in result.new_categories
    assert products["leinenkissen-entwurf"].status == "unpublished"


def test_woocommerce_variations_before_their_parent_and_broken_rows(tmp_path: Path, demo_categories):
    lines = WOO.read_text(encoding="utf-8").splitlines()
    header, parent, variations, rest = lines[0], lines[1], lines[2:5], lines[5:]
    broken = variations[0].replace(",59.00,", ",,")  # row 2: a variation without price
    nameless = rest[0].replace("Stoneware Mug", "")  # row 6
    orphan = rest[1].replace("211,simple", "219,variation").replace(",22.00,Kitchen,,,,0,", ",22.00,Kitchen,,,id:999,0,")
    path = tmp_path / "woo.csv"
    path.write_text("\n".join([header, broken, *variations[1:], parent, nameless, orphan, rest[2]]) + "\n", encoding="utf-8")
    result = import_file(path, demo_categories)
    assert [str(e) for e in result.errors] == [
        "woo.csv:6: product mug-01: no Name",
        "woo.csv:2: product 'Organic Cotton Hoodie': variation no Regular price",
        "woo.csv:7: variation mug-02: parent 'id:999' is not in the file",
    ]
    assert [p.id for p in result.products] == ["gift-card"]


def test_format_is_detected_and_can_be_insisted_on(tmp_path: Path, demo_categories):
    assert import_file(WOO, demo_categories, fmt="woocommerce").ok
    wrong = import_file(SHOPIFY, demo_categories, fmt="woocommerce")
    assert "not a Woocommerce product CSV" in wrong.errors[0].reason
    other = tmp_path / "other.csv"
    other.write_text("name,price\nMug,12\n")
    assert "expected Shopify's" in import_file(other, demo_categories).errors[0].reason


# --- hidden products are not published, demo orders for any store ------------------------------


def test_hidden_products_stay_the_merchants(tmp_path: Path, use_embedder, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", f"t{uuid.uuid4().hex[:8]}_")
    store = tmp_path / "shop"
    shutil.copytree(TEST_STORE, store)
    admin = CatalogAdmin(store, tmp_path / "data", use_embedder)
    report = admin.import_file(SHOPIFY)
    assert report.version == 1 and len(report.added) == 7, report
    assert sorted(report.hidden) == ["alte-thermoskanne", "winterjacke-prototyp"]
    assert "Ohrringe" in report.categories
    shown = {p.id for p in read_current_products(admin.folder)}
    assert len(shown) == 5 and "winterjacke-prototyp" not in shown and "alte-thermoskanne" not in shown
    assert admin.repo.get("winterjacke-prototyp").status == "draft"  # the merchant still has it
    admin.patch_product("bergkristall-ohrringe", {"price": 49.0})  # keeps its imported category
    draft = admin.repo.get("felsgrat-wanderhose").dict(exclude_none=True) | {"status": "draft"}
    admin.put_product("felsgrat-wanderhose", draft)  # hiding a shown product: a delta removes it
    assert {p.id for p in read_current_products(admin.folder)} == shown - {"felsgrat-wanderhose"}


def test_demo_orders_come_from_any_stores_catalog(tmp_path: Path, use_embedder, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", f"t{uuid.uuid4().hex[:8]}_")
    store = Store(WOO_STORE)
    products = import_file(store.catalog_file, store.config.categories, embedder=use_embedder).products
    CatalogAdmin(WOO_STORE, tmp_path, use_embedder).repo.replace_all(products, use_embedder)
    backend = SqlOrders.open(WOO_STORE, tmp_path)
    count, returns = seed(backend, products, NOW)
    assert count > 20 and returns >= 1
    anna = backend.list_by_email("anna@example.org")
    assert sorted(o.number for o in anna) == ["100234", "100235", "100236"]  # the README's orders
    shown = {p.id for p in products if p.shown}
    orders = [backend.get(n) for n in NAMED if backend.get(n)]
    assert all(i.product_id in shown for o in orders for i in o.items)
    assert not backend.list_by_email("emma.jones@example.co.uk")  # the store does not ship to the UK
    again, _ = demo_orders(products, store.config, NOW)
    assert [o.items for o in again] == [o.items for o in demo_orders(products, store.config, NOW)[0]]  # deterministic
    sold_out = [p.copy(update={"variants": [v.copy(update={"stock": 0}) for v in p.variants]}) for p in products]
    with pytest.raises(SeedSkipped, match="nothing to order"):
        demo_orders(sold_out, store.config, NOW)


def test_shop_names_variants_by_their_options(shopify):
    from bot.shop import variant_label

    assert variant_label(by_id(shopify)["felsgrat-wanderhose"].variants[0], "de") == "48 / Kurz / Dunkelblau"
    assert variant_label(by_id(shopify)["bergkristall-ohrringe"].variants[0], "de") == "BK-OR"  # no options: the SKU


def test_shopify_current_template_column_names(tmp_path: Path, shopify, demo_categories, use_embedder):
    renamed = {"Handle": "URL handle", "Body (HTML)": "Description", "Product Category": "Product category",
               "Published": "Published on online store", "Variant SKU": "SKU", "Variant Price": "Price",
               "Variant Compare At Price": "Compare-at price", "Variant Inventory Tracker": "Inventory tracker",
               "Variant Inventory Qty": "Inventory quantity", "Variant Inventory Policy": "Continue selling when out of stock",
               "Image Src": "Product image URL", "Image Position": "Image position", "Variant Image": "Variant image URL",
               **{f"Option{i} {p}": f"Option{i} {p.lower()}" for i in (1, 2, 3) for p in ("Name", "Value")}}  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(SHOPIFY.read_text(encoding="utf-8-sig"))))
    policy = {"deny": "FALSE", "continue": "TRUE", "": ""}
    path = tmp_path / "products_export_1.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[renamed.get(h, h) for h in rows[0]])
        writer.writeheader()
        for row in rows:
            row["Variant Inventory Policy"] = policy[row["Variant Inventory Policy"]]
            writer.writerow({renamed.get(k, k): v for k, v in row.items()})
    result = import_file(path, demo_categories, embedder=use_embedder)
    assert result.ok and result.format == "shopify", [str(e) for e in result.errors]
    assert [p.dict() for p in result.products] == [p.dict() for p in shopify.products]


def test_commands_on_another_store(tmp_path: Path, monkeypatch):
    """`shopbot catalog build` names the categories it chose; `orders seed` on a store with
    nothing in stock says so in one line instead of a traceback."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", f"t{uuid.uuid4().hex[:8]}_")
    store = tmp_path / "laden"
    shutil.copytree(WOO_STORE, store)
    cli = [sys.executable, "-m", "bot.cli", "--store", str(store), "--data", str(tmp_path / "data"), "-q"]
    built = subprocess.run([*cli, "catalog", "build"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert "'Kerzen & Düfte' -> category kerzen-duefte (new category)" in built.stdout
    assert "1 product(s) imported but not shown to shoppers" in built.stdout and "leinenkissen-entwurf" in built.stdout
    rows = list(csv.DictReader(io.StringIO((store / "catalog.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    with (store / "catalog.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows({**r, "Bestand": "0" if r["Typ"] != "grouped" else "", "Vorrätig?": "0"} for r in rows)
    seeded = subprocess.run([*cli, "orders", "seed"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert seeded.returncode == 0 and "Traceback" not in seeded.stderr, seeded.stderr
    assert seeded.stdout.strip() == "no demo orders for laden: no product is in stock, so there is nothing to order"


@pytest.mark.parametrize("rules", [
    "  exceptions:\n    - category: kitchen\n      reason: {de: Hygiene, en: Hygiene}\n",  # what may not go back stays
    "",  # no return window at all: the planned returns are not filed, the orders stay delivered
])  # fmt: skip
def test_demo_orders_follow_the_stores_return_rules(tmp_path: Path, use_embedder, monkeypatch, rules):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", f"t{uuid.uuid4().hex[:8]}_")
    store_dir = tmp_path / "laden"
    shutil.copytree(WOO_STORE, store_dir)
    config = (store_dir / "store.yml").read_text(encoding="utf-8")
    config = config.replace("  window_days: 14\n", "  window_days: 14\n" if rules else "  window_days: 0\n")
    (store_dir / "store.yml").write_text(config.replace("payment_methods:", rules + "payment_methods:"), encoding="utf-8")
    store = Store(store_dir)
    products = import_file(store.catalog_file, store.config.categories, embedder=use_embedder).products
    CatalogAdmin(store_dir, tmp_path, use_embedder).repo.replace_all(products, use_embedder)
    backend = SqlOrders.open(store_dir, tmp_path)
    count, returns = seed(backend, products, NOW)
    planned = demo_orders(products, store.config, NOW)[1]
    assert count > 20 and returns == (len(planned) if rules else 0)  # every planned return is allowed
    returned = [o for o in (backend.get(str(n)) for n in range(100234, 100300)) if o and backend.returns_of(o.number)]
    assert all(i.category != "kitchen" for o in returned for i in o.items)
