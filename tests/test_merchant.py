"""The merchant side on SQLite and on the running PostgreSQL: import and re-import, single
product changes (no re-embedding for price/stock), bad files, auth, size limits, policy edits,
and every change live in the action server's catalog within 2 seconds."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
import requests

from tests.conftest import TEST_STORE, use_database
from tests.merchant_server import ServerThread

LIVE_SECONDS = 2.0


@pytest.fixture(params=["sqlite", "postgres"])
def shop(request, tmp_path, monkeypatch, use_embedder):
    """A copy of the test store, its catalog imported, the web app running, and a token."""
    from catalog.admin import CatalogAdmin
    from catalog.db import open_database
    from catalog.tokens import create_token

    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    data = tmp_path / "data"
    monkeypatch.setenv("SHOPBOT_EMBEDDER", "use")
    use_database(request.param, monkeypatch)
    admin = CatalogAdmin(store, data, use_embedder)
    report = admin.import_file(store / "catalog.jsonl")
    assert report.version == 1 and len(report.added) == 9
    _, token = create_token(admin.db, "tests")
    with ServerThread(str(store), str(data)) as server:
        server.admin = admin
        server.headers = {"Authorization": f"Bearer {token}"}
        server.store_dir, server.data_dir = store, data
        yield server
    open_database(data).drop()


def live_catalog(shop):
    from actions.context import LiveCatalog

    return LiveCatalog(str(shop.store_dir), str(shop.data_dir))


def wait_for(condition, seconds: float = LIVE_SECONDS) -> float:
    """Seconds until `condition()` held; fails after `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.02)
    raise AssertionError(f"not live within {seconds} s")


def vector_of(admin, product_id: str) -> bytes:
    snap = admin.repo.snapshot(512)
    ids, vectors = snap.ids, snap.vectors
    return vectors[ids.index(product_id)].tobytes()


def test_reimport_same_file_embeds_nothing(shop):
    report = shop.admin.import_file(shop.store_dir / "catalog.jsonl")
    assert report.unchanged == 9 and report.embedded == 0
    assert not (report.added or report.changed or report.removed)
    assert report.version == 1  # nothing new published
    status = requests.get(f"{shop.url}/merchant/v1/status", headers=shop.headers).json()
    assert status["products"] == 9 and status["variants"] > 9 and status["version"] == 1
    assert status["model"] == "use-multilingual-v3" and status["pending_jobs"] == 0 and status["updated_at"]


def test_patch_price_and_stock_is_live_without_embedding(shop):
    live = live_catalog(shop)
    assert live.get().get("trailrunner-gtx").min_price != 99.5
    before = vector_of(shop.admin, "trailrunner-gtx")
    sku = live.get().get("trailrunner-gtx").variants[0].sku
    started = time.monotonic()
    r = requests.patch(f"{shop.url}/merchant/v1/products/trailrunner-gtx", headers=shop.headers,
                       json={"price": 99.5, "variants": [{"sku": sku, "stock": 0}]})  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2
    wait_for(lambda: live.get().get("trailrunner-gtx").min_price == 99.5, LIVE_SECONDS - (time.monotonic() - started))
    product = live.get().get("trailrunner-gtx")
    assert product.variants[0].stock == 0 and all(v.price == 99.5 for v in product.variants)
    assert vector_of(shop.admin, "trailrunner-gtx") == before  # no re-embedding
    # a new description is re-embedded
    r = requests.patch(f"{shop.url}/merchant/v1/products/trailrunner-gtx", headers=shop.headers,
                       json={"description": {"en": "A heavy winter boot for snow and ice."}})  # fmt: skip
    assert r.status_code == 200
    assert vector_of(shop.admin, "trailrunner-gtx") != before
    # the same patch again changes nothing
    r = requests.patch(f"{shop.url}/merchant/v1/products/trailrunner-gtx", headers=shop.headers, json={"price": 99.5})
    assert r.json() == {**r.json(), "result": "unchanged", "version": None}


def test_create_replace_delete_product_is_live(shop):
    live = live_catalog(shop)
    live.get()
    new = {
        "title": {"de": "Gletscher Eispickel", "en": "Glacier ice axe"},
        "description": {"en": "A steel ice axe for glacier tours and alpine climbing."},
        "category": "shoes",
        "variants": [{"sku": "AXE-1", "price": 79.0, "stock": 4}],
    }
    url = f"{shop.url}/merchant/v1/products/glacier-axe"
    started = time.monotonic()
    r = requests.put(url, headers=shop.headers, json=new)
    assert r.status_code == 201, r.text
    wait_for(lambda: live.get().get("glacier-axe") is not None, LIVE_SECONDS - (time.monotonic() - started))
    hits = live.get().search("ice axe for a glacier tour").hits
    assert hits and hits[0].product.id == "glacier-axe"
    assert requests.get(url, headers=shop.headers).json()["title"]["en"] == "Glacier ice axe"
    r = requests.put(url, headers=shop.headers, json={**new, "variants": [{"sku": "AXE-1", "price": 69.0, "stock": 4}]})
    assert r.status_code == 200 and r.json()["result"] == "replaced"
    r = requests.delete(url, headers=shop.headers)
    assert r.status_code == 200
    wait_for(lambda: live.get().get("glacier-axe") is None)
    assert requests.get(url, headers=shop.headers).status_code == 404
    assert requests.delete(url, headers=shop.headers).status_code == 404
    assert "glacier-axe" not in {h.product.id for h in live.get().search("ice axe for a glacier tour").hits}


def test_validation_errors_name_the_field(shop):
    url = f"{shop.url}/merchant/v1/products/trailrunner-gtx"
    r = requests.put(f"{shop.url}/merchant/v1/products/bad", headers=shop.headers,
                     json={"title": {"en": "X"}, "category": "shoes", "variants": [{"sku": "B", "price": "abc", "stock": 1}]})  # fmt: skip
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "variants.0.price"
    r = requests.put(f"{shop.url}/merchant/v1/products/bad", headers=shop.headers,
                     json={"title": {"en": "X"}, "category": "garden", "variants": [{"sku": "B", "price": 1, "stock": 1}]})  # fmt: skip
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "category"
    r = requests.patch(url, headers=shop.headers, json={"variants": [{"sku": "NOPE", "stock": 1}]})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "variants.0.sku"
    r = requests.patch(url, headers=shop.headers, json={"colour": "red"})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "colour"
    r = requests.patch(url, headers=shop.headers, data="{not json")
    assert r.status_code == 400
    r = requests.patch(f"{shop.url}/merchant/v1/products/missing", headers=shop.headers, json={"price": 1})
    assert r.status_code == 404


def test_auth_failures(shop):
    from catalog.tokens import create_token, revoke_token

    url = f"{shop.url}/merchant/v1/status"
    assert requests.get(url).status_code == 401
    assert requests.get(url, headers={"Authorization": "Bearer sbm_nope_nope"}).status_code == 401
    assert requests.get(url, headers={"Authorization": "Basic dXNlcjpwYXNz"}).status_code == 401
    r = requests.put(f"{shop.url}/merchant/v1/products/x", json={})
    assert r.status_code == 401 and "WWW-Authenticate" in r.headers
    token_id, token = create_token(shop.admin.db, "temporary")
    assert requests.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert revoke_token(shop.admin.db, token_id)
    assert requests.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert requests.get(f"{shop.url}/merchant/v1/openapi.json").status_code == 200  # public


def test_oversized_bodies_are_refused(shop, monkeypatch):
    import bot.merchant

    monkeypatch.setattr(bot.merchant, "MAX_UPLOAD_BYTES", 20_000)
    big = b'{"id": "x"}\n' * 5000
    r = requests.post(f"{shop.url}/merchant/v1/imports?format=jsonl", headers=shop.headers, data=big)
    assert r.status_code == 413

    def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(50):
            yield b"x" * 1000

    r = requests.post(f"{shop.url}/merchant/v1/imports?format=jsonl", headers=shop.headers, data=chunks())
    assert r.status_code == 413
    assert not list((shop.data_dir / "store" / "uploads").glob("*"))
    r = requests.put(f"{shop.url}/merchant/v1/products/x", headers=shop.headers, data=b"[" + b"1," * 600_000 + b"1]")
    assert r.status_code == 413


def run_job(shop, data: bytes, query: str = "format=jsonl", files: dict | None = None) -> dict:
    url = f"{shop.url}/merchant/v1/imports?{query}"
    r = requests.post(url, headers=shop.headers, files=files) if files else requests.post(url, headers=shop.headers, data=data)
    assert r.status_code == 202, r.text
    job_url = f"{shop.url}{r.headers['Location']}"
    seen_progress = False
    for _ in range(600):
        job = requests.get(job_url, headers=shop.headers).json()
        seen_progress |= job["status"] == "running"
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError("import job did not finish")


def test_bad_file_changes_nothing_unless_asked(shop):
    lines = (TEST_STORE / "catalog.jsonl").read_text().splitlines()
    broken = [*lines[:5], "{not json", json.dumps({**json.loads(lines[5]), "variants": [{"sku": "Q", "price": -1, "stock": 1}]})]
    body = "\n".join(broken).encode()
    job = run_job(shop, body)
    assert job["status"] == "failed" and "nothing was changed" in job["error"]
    rejected = {r["row"]: r["reason"] for r in job["report"]["rejected"]}
    assert "not valid JSON" in rejected[6] and "price" in rejected[7]
    status = requests.get(f"{shop.url}/merchant/v1/status", headers=shop.headers).json()
    assert status["version"] == 1 and status["products"] == 9
    job = run_job(shop, body, "format=jsonl&skip_bad_rows=true")
    assert job["status"] == "done"
    counts = job["report"]["counts"]
    assert counts == {**counts, "unchanged": 5, "removed": 4, "rejected": 2, "embedded": 0, "added": 0}
    status = requests.get(f"{shop.url}/merchant/v1/status", headers=shop.headers).json()
    assert status["version"] == 2 and status["products"] == 5
    # the full file again, as a multipart upload: the removed products come back
    job = run_job(shop, b"", files={"file": ("catalog.jsonl", (TEST_STORE / "catalog.jsonl").read_bytes())}, query="")
    assert job["status"] == "done" and job["report"]["counts"]["added"] == 4


def test_policy_and_store_config_edits_are_live(shop):
    live = live_catalog(shop)
    cat = live.get()
    question = "how many days do I have to return something"
    text = "# Returns\n\n## Return window\n\nYou can send anything back within 45 days, free of charge, with the prepaid label.\n"
    started = time.monotonic()
    r = requests.put(f"{shop.url}/merchant/v1/policies/returns/en", headers=shop.headers, json={"text": text})
    assert r.status_code in (200, 201), r.text
    wait_for(lambda: "45 days" in live.get().policies.search(question, "en", k=1)[0][0].text,
             LIVE_SECONDS - (time.monotonic() - started))  # fmt: skip
    assert live.get().index is cat.index  # a policy edit reuses the loaded index
    r = requests.put(f"{shop.url}/merchant/v1/policies/returns/en", headers=shop.headers, json={"text": "no title"})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "text"
    assert requests.get(f"{shop.url}/merchant/v1/policies/returns/en", headers=shop.headers).json()["text"] == text
    config = requests.get(f"{shop.url}/merchant/v1/store-config", headers=shop.headers).json()
    config["shipping"]["zones"][0]["cost"] = 7.77
    r = requests.put(f"{shop.url}/merchant/v1/store-config", headers=shop.headers, json=config)
    assert r.status_code == 200, r.text
    wait_for(lambda: live.get().config.shipping.zones[0].cost == 7.77)
    config["shipping"]["zones"][0]["days"] = [5, 2]
    r = requests.put(f"{shop.url}/merchant/v1/store-config", headers=shop.headers, json=config)
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "shipping.zones.0.days"
    assert live.get().config.shipping.zones[0].cost == 7.77


def test_openapi_describes_every_route(shop):
    """The document describes exactly the routes the app serves (read from its router), no more."""
    from bot.merchant import PREFIX

    spec = requests.get(f"{shop.url}/merchant/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.") and spec["servers"] == [{"url": PREFIX}]
    served = {(route.resource.canonical.removeprefix(PREFIX), route.method) for route in shop.app.router.routes()
              if route.resource.canonical.startswith(PREFIX + "/") and route.method != "HEAD"}  # fmt: skip
    served.discard(("/openapi.json", "GET"))  # the document itself
    described = {(path, method.upper()) for path, item in spec["paths"].items() for method in item if method != "parameters"}
    assert len(served) >= 18 and described == served
    for path, item in spec["paths"].items():  # every path parameter is declared
        declared = {p["name"] for op in item.values() if isinstance(op, dict) for p in op.get("parameters", [])}
        declared |= {p["name"] for p in item.get("parameters", [])}
        assert set(re.findall(r"{(\w+)}", path)) <= declared, path
    assert "Product" in spec["components"]["schemas"] and "ProductPatch" in spec["components"]["schemas"]


def test_vectors_are_stored_normalised(shop):
    snap = shop.admin.repo.snapshot(512)
    ids, lines, vectors = snap.ids, snap.lines, snap.vectors
    assert len(ids) == 9 and vectors.shape == (9, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert all(json.loads(line)["id"] == pid for pid, line in zip(ids, lines, strict=True))


def test_cli_import_report_and_status(tmp_path: Path, monkeypatch):
    import subprocess
    import sys

    from tests.conftest import ROOT

    monkeypatch.delenv("DATABASE_URL", raising=False)
    data = tmp_path / "data"
    cli = [sys.executable, "-m", "bot.cli", "--store", str(TEST_STORE), "--data", str(data), "-q"]
    first = subprocess.run([*cli, "catalog", "import", str(TEST_STORE / "catalog.jsonl")], cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "added 9, changed 0, removed 0, unchanged 0, rejected 0; embedded 9; index version 1" in first.stdout
    again = subprocess.run([*cli, "catalog", "import", str(TEST_STORE / "catalog.jsonl")], cwd=ROOT, capture_output=True, text=True)
    assert "added 0, changed 0, removed 0, unchanged 9, rejected 0; embedded 0; index version 1" in again.stdout
    broken = tmp_path / "b.jsonl"
    broken.write_text((TEST_STORE / "catalog.jsonl").read_text().splitlines()[0] + "\n{bad\n")
    bad = subprocess.run([*cli, "catalog", "import", str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 1 and "nothing was changed" in bad.stderr and "b.jsonl:2" in bad.stderr
    skip = subprocess.run([*cli, "catalog", "import", "--skip-bad-rows", str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert skip.returncode == 0 and "removed 8" in skip.stdout and "rejected 1" in skip.stdout
    status = subprocess.run([*cli, "catalog", "status"], cwd=ROOT, capture_output=True, text=True)
    assert "products:        1" in status.stdout and "version:         2" in status.stdout
    token = subprocess.run([*cli, "merchant", "token", "create", "ci"], cwd=ROOT, capture_output=True, text=True)
    assert token.returncode == 0 and "sbm_" in token.stdout


def test_hnsw_version_serves_the_same_answers(tmp_path, monkeypatch, use_embedder):
    from catalog.admin import CatalogAdmin
    from catalog.search import CatalogService

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_INDEX_TYPE", "hnsw")
    admin = CatalogAdmin(TEST_STORE, tmp_path, use_embedder)
    assert admin.import_file(TEST_STORE / "catalog.jsonl").version == 1
    assert admin.status()["index_type"] == "hnsw"
    service = CatalogService.open(TEST_STORE, tmp_path, "use")
    assert service.index.kind == "hnsw"
    assert service.search("Ich suche eine leichte Regenjacke zum Radfahren").hits[0].product.id == "velo-rain-shell"
    assert service.similar(service.get("trailrunner-gtx"))  # vectors can be read back
    admin.patch_product("trailrunner-gtx", {"price": 10.0})  # a delta version laid over the HNSW base
    assert CatalogService.open(TEST_STORE, tmp_path, "use").get("trailrunner-gtx").min_price == 10.0


def test_woocommerce_upload_and_insisted_format(shop):
    body = (TEST_STORE.parent / "woocommerce_export.csv").read_bytes()
    job = run_job(shop, body, "format=shopify")  # the header says WooCommerce: refused, nothing changed
    assert job["status"] == "failed" and "not a Shopify product CSV" in job["report"]["rejected"][0]["reason"]
    job = run_job(shop, body, "format=woocommerce")
    assert job["status"] == "done", job
    report = job["report"]
    assert report["counts"]["added"] == 4 and report["counts"]["hidden"] == 2 and report["hidden"] == ["travel-mug", "gift-card"]
    assert report["categories"]["Gifts"] == "gifts (new category)"
    products = requests.get(f"{shop.url}/merchant/v1/products?limit=100", headers=shop.headers).json()
    assert "travel-mug" in json.dumps(products)  # the merchant still sees the unpublished one
    assert run_job(shop, body, "format=csv")["status"] == "done"  # told by the header
