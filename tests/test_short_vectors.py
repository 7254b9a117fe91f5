"""The second, short vector per product (names, category, tags): how its score combines with the
full vector's, how the index keeps it, and a short cross-language request it finds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from catalog.embedder import get_embedder
from catalog.index import LayeredIndex, ProductIndex
from catalog.models import Product
from catalog.repository import split_vectors
from catalog.search import MIN_SCORE, SHORT_PENALTY, CatalogService, combine
from catalog.store import Store
from tests.conftest import TEST_STORE


def unit(*values: float) -> np.ndarray:
    v = np.array(values, np.float32)
    return v / np.linalg.norm(v)


def test_combine_takes_the_better_score_the_short_one_lowered():
    full, short = np.array([0.40, 0.20, 0.30]), np.array([0.30, 0.50, 0.30 + SHORT_PENALTY / 2])
    assert np.allclose(combine(full, short), [0.40, 0.50 - SHORT_PENALTY, 0.30])


def test_short_vectors_are_saved_loaded_and_searched(tmp_path: Path):
    index = ProductIndex("m", 3)
    index.upsert(["a", "b"], np.stack([unit(1, 0, 0), unit(0, 1, 0)]), np.stack([unit(0, 0, 1), unit(1, 1, 0)]))
    index.save(tmp_path, "h")
    loaded = ProductIndex.load(tmp_path, "m")
    assert loaded.has_short
    assert [pid for pid, _ in loaded.search_short(unit(0, 0, 1), 1)] == ["a"]
    assert [pid for pid, _ in loaded.search(unit(0, 0, 1), 2)][0] in {"a", "b"}
    assert np.allclose(loaded.short_vectors(["b"])[0], unit(1, 1, 0))
    loaded.upsert(["a"], np.stack([unit(1, 0, 0)]), np.stack([unit(0, 1, 0)]))  # replace keeps one short vector
    assert len(loaded) == 2 and loaded.short.ntotal == 2
    with pytest.raises(ValueError):
        loaded.upsert(["c"], np.stack([unit(1, 0, 0)]))  # an index holds short vectors for all or none


def test_an_index_of_an_older_release_has_no_short_vectors(tmp_path: Path):
    index = ProductIndex("m", 3)
    index.upsert(["a"], np.stack([unit(1, 0, 0)]))
    index.save(tmp_path, "h")
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    del manifest["short"]  # as an older release wrote it
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    loaded = ProductIndex.load(tmp_path, "m")
    assert not loaded.has_short and loaded.search_short(unit(1, 0, 0), 3) == []
    assert np.allclose(loaded.short_vectors(["a"]), loaded.vectors(["a"]))  # the full vector stands in


def test_a_layered_index_searches_base_and_delta_short_vectors():
    base = ProductIndex("m", 3)
    base.upsert(["a", "b"], np.stack([unit(1, 0, 0), unit(0, 1, 0)]), np.stack([unit(1, 0, 0), unit(0, 1, 0)]))
    delta = ProductIndex("m", 3)
    delta.upsert(["b"], np.stack([unit(0, 1, 0)]), np.stack([unit(0, 0, 1)]))
    layered = LayeredIndex(base, delta, {"b"})
    assert layered.has_short
    assert layered.search_short(unit(0, 0, 1), 1)[0][0] == "b"  # the delta's short vector, not the base's
    assert np.allclose(layered.short_vectors(["b"])[0], unit(0, 0, 1))


def test_a_stored_row_without_a_short_vector_uses_the_full_one():
    old, new = unit(1, 0, 0).tobytes(), np.hstack([unit(0, 1, 0), unit(0, 0, 1)]).tobytes()
    full, short = split_vectors([old, new], 3)
    assert np.allclose(full, [unit(1, 0, 0), unit(0, 1, 0)]) and np.allclose(short, [unit(1, 0, 0), unit(0, 0, 1)])


AUDIO = Product(
    id="kids-audio-player-cube", title={"en": "Kids Audio Player Cube"}, category="home",
    description={"en": (
        "Made of beech wood from certified forests with a washable cotton cover in four colours. "
        "The battery lasts about seven hours and charges on the included cradle in two hours; the cradle needs a "
        "USB-C power supply, which is not included. Parents set the volume limit and a sleep timer in the app, "
        "which works on Android and iOS. Dimensions 11 x 11 x 11 cm, weight 480 g. Tested to EN 71 and CE marked; "
        "not suitable for children under three years because of small parts. Two years of warranty; spare covers "
        "and cradles are sold separately."
    )},
    variants=[{"sku": "KAP-1", "price": 79.0, "stock": 4}],
)  # fmt: skip
OTHER = Product(id="trail-shoe", title={"en": "Trail Shoe"}, category="shoes", description={"en": "A light running shoe."},
                variants=[{"sku": "TS-42", "size": "42", "price": 99.0, "stock": 2}])  # fmt: skip


def _service(with_short: bool) -> CatalogService:
    embedder = get_embedder("use")
    products = [AUDIO, OTHER]
    index = ProductIndex(embedder.name, embedder.dim)
    short = embedder.encode([p.short_text() for p in products]) if with_short else None
    index.upsert([p.id for p in products], embedder.encode([p.embedding_text() for p in products]), short)
    return CatalogService(Store(TEST_STORE), products, index, embedder)


def test_a_short_cross_language_request_finds_the_product_its_long_description_hid():
    request = "Hörspiel-Box für Kinder"  # German, for an English product with a long description
    assert _service(with_short=False).search(request).hits == []  # the full vector alone: below MIN_SCORE
    hits = _service(with_short=True).search(request).hits
    assert [h.product.id for h in hits] == [AUDIO.id] and hits[0].score >= MIN_SCORE


def test_the_short_text_holds_names_category_and_tags_not_the_description():
    product = AUDIO.copy(update={"title": {"en": "Audio Cube", "de": "Audio-Würfel"}, "tags": ["kids", "music"]})
    assert product.short_text() == "Audio Cube. Audio-Würfel. home. kids, music"


def test_a_catalog_stored_before_short_vectors_gets_them_on_the_next_build(tmp_path: Path, monkeypatch):
    """`make index` on a data folder of an older release: every row is embedded again and a full
    version with short vectors replaces the one in service, though no product changed."""
    import shutil

    from sqlalchemy import update

    from catalog.admin import CatalogAdmin
    from catalog.build import current_folder, index_dir, read_pointer
    from catalog.db import open_database
    from catalog.search import CatalogService as Service
    from tests.conftest import use_database

    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    use_database("sqlite", monkeypatch)
    admin = CatalogAdmin(store, tmp_path / "data", get_embedder("use"))
    assert admin.import_file(store / "catalog.jsonl").version == 1
    with admin.db.engine.begin() as conn:  # as an older release stored it: the full vector alone, the old hash
        for snap_id, vector in zip(*(lambda s: (s.ids, s.vectors))(admin.repo.snapshot(512)), strict=True):
            conn.execute(update(admin.db.products).where(admin.db.products.c.id == snap_id)
                         .values(vector=vector.tobytes(), embed_hash="old"))  # fmt: skip
    pointer = read_pointer(admin.folder)
    pointer.pop("short")
    (admin.folder / "CURRENT").write_text(json.dumps(pointer))
    report = admin.import_file(store / "catalog.jsonl")
    assert report.unchanged == 9 and report.embedded == 9 and report.version == 2
    assert read_pointer(admin.folder)["short"] and (index_dir(current_folder(admin.folder)) / "short.faiss").is_file()
    assert Service.open(store, tmp_path / "data", "use").index.has_short
    open_database(tmp_path / "data").drop()


def test_the_short_vector_lifts_a_search_but_not_the_rescue_of_a_refused_message():
    """A product lifted above the rescue threshold by its short vector (its name) alone is not a
    reason to answer a message the intent classifier refused as a search."""
    from catalog import scope
    from catalog.search import Hit

    lifted = Hit(AUDIO, score=0.47, lift=0.09)  # full vector 0.38: below the floor
    assert scope.rescue_score(lifted) == pytest.approx(0.38) and scope.rescue_score(lifted) < scope.FLOOR
    service = _service(with_short=True)
    request = "Hörspiel-Box für Kinder"
    hit = service.search(request).hits[0]
    assert hit.lift > 0 and hit.score - hit.lift == pytest.approx(float(service.index.vectors([AUDIO.id])[0] @ service.embedder.encode([request])[0]), abs=1e-4)
    assert scope.carried(service, request) is None  # the full vector's 0.26 does not rescue it


@pytest.mark.parametrize("short_cosine, shown", [(0.30 + SHORT_PENALTY, False), (0.34 + SHORT_PENALTY, True)])
def test_a_product_lifted_by_its_short_vector_alone_needs_the_higher_threshold(short_cosine, shown):
    from catalog.search import SHORT_MIN_SCORE

    class Axis:
        dim, name = 3, "axis"

        def encode(self, texts: list[str]) -> np.ndarray:
            return np.stack([unit(1, 0, 0) for _ in texts])

    def at(cos: float) -> np.ndarray:
        return np.array([cos, float(np.sqrt(1 - cos * cos)), 0.0], np.float32)

    assert MIN_SCORE <= 0.30 + 1e-9 < SHORT_MIN_SCORE < 0.34
    index = ProductIndex("axis", 3)
    index.upsert([AUDIO.id], np.stack([at(0.2)]), np.stack([at(short_cosine)]))
    service = CatalogService(Store(TEST_STORE), [AUDIO], index, Axis())
    assert bool(service.search("etwas ganz anderes").hits) is shown
