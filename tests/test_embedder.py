"""Both embedding backends give normalised vectors; the multilingual one is cross-lingual."""

from __future__ import annotations

import numpy as np
import pytest


def test_use_is_normalised_and_cross_lingual(use_embedder):
    vectors = use_embedder.encode(["wasserdichte Wanderschuhe", "waterproof hiking boots", "Bluetooth-Kopfhörer"])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3
    assert use_embedder.encode([]).shape == (0, 512)


@pytest.mark.st
def test_sentence_transformers_backend_from_packaged_model(tmp_path):
    from catalog.build import build, current_folder, index_dir
    from catalog.embedder import get_embedder
    from catalog.importer import import_file
    from catalog.index import IndexMismatchError, ProductIndex
    from catalog.store import Store
    from tests.conftest import TEST_STORE

    embedder = get_embedder("st:minilm")
    assert embedder.name == "st:all-MiniLM-L6-v2" and embedder.dim == 384
    vectors = embedder.encode(["waterproof hiking boots", "hiking shoes that keep water out", "vitamin tablets"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    store = Store(TEST_STORE)
    products = import_file(store.catalog_file, store.config.categories).products
    build(products, tmp_path / "store", embedder)
    published = index_dir(current_folder(tmp_path / "store"))
    index = ProductIndex.load(published, embedder.name)
    assert index.search(embedder.encode(["air purifier for allergies"])[0], 1)[0][0] == "airpure-300"
    with pytest.raises(IndexMismatchError):
        ProductIndex.load(published, "use-multilingual-v3")
