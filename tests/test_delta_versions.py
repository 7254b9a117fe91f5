"""Small catalog changes are published as delta versions over the last full version: readers
see exactly the new catalog, reuse the base they hold, and a big change writes a full version."""

from __future__ import annotations

import json

import pytest

from catalog.build import read_current_products, read_delta, read_pointer
from tests.conftest import imported_store


@pytest.fixture
def admin(tmp_path, monkeypatch, use_embedder):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", "delta_")
    return imported_store(tmp_path, use_embedder)


def open_service(admin, previous=None):  # noqa: ANN001, ANN201
    from catalog.search import CatalogService

    return CatalogService.open(admin.store_dir, admin.data_dir, "use", previous=previous)


def test_a_price_change_is_a_delta_version_over_the_full_one(admin):
    first = open_service(admin)
    admin.patch_product("trailrunner-gtx", {"price": 11.0})
    folder = admin.folder
    pointer = read_pointer(folder)
    assert pointer["version"] == 2 and pointer["base"] == "versions/v000001"
    assert read_delta(folder / pointer["dir"]) == {"dir": "versions/v000001", "removed": []}
    assert [json.loads(line)["id"] for line in (folder / pointer["dir"] / "products.jsonl").read_text().splitlines()] == ["trailrunner-gtx"]

    second = open_service(admin, previous=first)
    assert second.base[1] is first.base[1]  # the base's products were not read again
    assert second.get("trailrunner-gtx").min_price == 11.0
    assert len(second.products) == len(first.products) == len(second.index) == 9
    hits = [pid for pid, _ in second.index.search(second.index.vector("trailrunner-gtx"), 9)]
    assert hits.count("trailrunner-gtx") == 1 and len(hits) == 9  # the base's old copy is hidden


def test_a_deleted_product_disappears_from_products_and_search(admin):
    admin.delete_product("velo-rain-shell")
    service = open_service(admin)
    assert service.get("velo-rain-shell") is None and "velo-rain-shell" not in service.index
    assert all(h.product.id != "velo-rain-shell" for h in service.search("leichte Regenjacke zum Radfahren").hits)
    assert {p.id for p in read_current_products(admin.folder)} == set(service.products)


def test_deltas_accumulate_on_one_base_and_a_big_change_writes_a_full_version(admin, monkeypatch):
    admin.patch_product("trailrunner-gtx", {"price": 12.0})
    admin.patch_product("velo-rain-shell", {"price": 13.0})
    folder = admin.folder
    pointer = read_pointer(folder)
    assert pointer["base"] == "versions/v000001"  # a delta holds every change since its base
    service = open_service(admin)
    assert (service.get("trailrunner-gtx").min_price, service.get("velo-rain-shell").min_price) == (12.0, 13.0)

    monkeypatch.setattr("catalog.publish.DELTA_MIN", 1)
    monkeypatch.setattr("catalog.publish.DELTA_SHARE", 0.0)
    admin.patch_product("trailrunner-gtx", {"price": 14.0})  # 2 changed products > 1: full version
    pointer = read_pointer(folder)
    assert "base" not in pointer and read_delta(folder / pointer["dir"]) is None
    assert open_service(admin).get("trailrunner-gtx").min_price == 14.0


def test_old_versions_are_removed_but_not_the_base_in_use(admin):
    for price in (20.0, 21.0, 22.0, 23.0, 24.0):
        admin.patch_product("trailrunner-gtx", {"price": price})
    versions = sorted(p.name for p in (admin.folder / "versions").iterdir())
    assert versions == ["v000001", "v000004", "v000005", "v000006"]
    assert open_service(admin).get("trailrunner-gtx").min_price == 24.0
