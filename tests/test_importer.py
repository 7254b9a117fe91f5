"""Catalog import: JSONL and Shopify CSV, broken rows reported with file, row and reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from catalog.importer import html_to_text, import_file
from catalog.store import Store
from tests.conftest import DEMO_STORE, FIXTURES, ROOT, TEST_STORE


def categories():
    return Store(TEST_STORE).config.categories


def test_jsonl_fixture_imports():
    result = import_file(TEST_STORE / "catalog.jsonl", categories())
    assert result.ok and len(result.products) == 9
    trail = next(p for p in result.products if p.id == "trailrunner-gtx")
    assert trail.sizes(color="blue", in_stock=True) == ["44"]
    assert trail.text("materials", "de").startswith("Mesh")  # falls back to English


def test_demo_catalog_imports_cleanly():
    store = Store(DEMO_STORE)
    result = import_file(store.catalog_file, store.config.categories)
    assert result.ok, [str(e) for e in result.errors[:5]]
    assert len(result.products) >= 150
    assert len({p.category for p in result.products}) >= 8
    langs = [frozenset(p.languages) for p in result.products]
    assert langs.count(frozenset({"de"})) >= 20 and langs.count(frozenset({"en"})) >= 20
    assert langs.count(frozenset({"de", "en"})) >= 20


def test_broken_jsonl_reports_each_row(tmp_path: Path):
    good = json.loads((TEST_STORE / "catalog.jsonl").read_text().splitlines()[0])
    bad_price = {**good, "id": "bad-price", "variants": [{"sku": "X1", "price": "abc", "stock": 1}]}
    no_variants = {k: v for k, v in good.items() if k != "variants"} | {"id": "no-variants"}
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps(no_variants), json.dumps(bad_price), json.dumps(good)]))
    result = import_file(path, categories())
    reasons = {e.row: e.reason for e in result.errors}
    assert "not valid JSON" in reasons[2]
    assert "variants" in reasons[3] and "no-variants" in reasons[3]
    assert "price" in reasons[4]
    assert "duplicate product id 'trailrunner-gtx'" in reasons[5]
    assert all(e.file == "broken.jsonl" for e in result.errors)
    assert not result.ok


def test_unknown_category_is_an_error(tmp_path: Path):
    line = json.loads((TEST_STORE / "catalog.jsonl").read_text().splitlines()[0])
    line["category"] = "garden"
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(line))
    result = import_file(path, categories())
    assert result.errors[0].row == 1 and "garden" in result.errors[0].reason


def test_shopify_csv_sample():
    result = import_file(FIXTURES / "shopify_sample.csv", Store(DEMO_STORE).config.categories)
    assert result.ok, [str(e) for e in result.errors]
    assert len(result.products) == 4
    product = result.products[0]
    assert len(product.variants) > 1
    assert all("<" not in (p.text("description", "en") or "") for p in result.products)
    assert any(v.size for p in result.products for v in p.variants)
    assert any(v.color for p in result.products for v in p.variants)


def test_shopify_csv_broken_rows():
    result = import_file(FIXTURES / "shopify_broken.csv", Store(DEMO_STORE).config.categories)
    rows = {e.row: e.reason for e in result.errors}
    assert "Variant Price" in rows[4]
    assert 6 not in rows  # oversold stock (-3) is exported negative: sold out, not an error
    assert "no row with a Title" in rows[8]


def test_shopify_wrong_file():
    path = FIXTURES / "store" / "store.yml"
    result = import_file(path)
    assert "unknown file type" in result.errors[0].reason


def test_html_to_text():
    assert html_to_text("<p>Warm &amp; dry</p><ul><li>GTX</li></ul>") == "Warm & dry\nGTX"
    # list items and table rows are lines of their own, cells of a row stay on one line
    assert html_to_text("<ul><li>Gewicht 410 g</li><li>Wassersäule 10.000 mm</li></ul>") == "Gewicht 410 g\nWassersäule 10.000 mm"
    assert html_to_text("<table><tr><td>Akku</td><td>30 h</td></tr><tr><td>Gewicht</td><td>250 g</td></tr></table>") == "Akku 30 h\nGewicht 250 g"


def test_cli_import_with_errors_changes_nothing(tmp_path: Path):
    data = tmp_path / "data"
    cli = [sys.executable, "-m", "bot.cli", "--store", str(TEST_STORE), "--data", str(data), "-q"]
    ok = subprocess.run([*cli, "catalog", "build"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    current = data / "store" / "CURRENT"  # the published version: unchanged by a bad file
    before = current.read_text()
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x"}\n')
    bad = subprocess.run([*cli, "catalog", "import", str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1 and "broken.jsonl:1" in bad.stderr and "nothing was changed" in bad.stderr
    assert current.read_text() == before
    stats = subprocess.run([*cli, "catalog", "stats"], cwd=ROOT, capture_output=True, text=True)
    assert "products:   9" in stats.stdout and "use-multilingual-v3" in stats.stdout
