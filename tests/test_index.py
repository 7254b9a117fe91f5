"""The FAISS index: add, replace, remove, persist, and refuse another model's index."""

from __future__ import annotations

import numpy as np
import pytest

from catalog.index import IndexMismatchError, ProductIndex


def vec(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_add_replace_remove_and_persist(tmp_path):
    index = ProductIndex("m", 3)
    index.upsert(["a", "b"], np.stack([vec(1, 0, 0), vec(0, 1, 0)]))
    assert index.search(vec(1, 0.1, 0), 1)[0][0] == "a"
    index.upsert(["a"], np.stack([vec(0, 0, 1)]))  # replace
    assert len(index) == 2
    assert index.search(vec(0, 0, 1), 1)[0][0] == "a"
    assert index.search(vec(1, 0, 0), 2)[0][0] != "a" or index.search(vec(1, 0, 0), 2)[0][1] < 0.5
    assert index.remove(["b"]) == 1 and "b" not in index and len(index) == 1
    manifest = index.save(tmp_path, "hash1")
    assert manifest["count"] == 1 and manifest["model"] == "m"
    loaded = ProductIndex.load(tmp_path, "m")
    assert loaded.product_ids == ["a"]
    assert np.allclose(loaded.vector("a"), vec(0, 0, 1))


def test_refuses_index_of_another_model(tmp_path):
    index = ProductIndex("st:all-MiniLM-L6-v2", 3)
    index.upsert(["a"], np.stack([vec(1, 0, 0)]))
    index.save(tmp_path, "h")
    with pytest.raises(IndexMismatchError, match="built with embedding model 'st:all-MiniLM-L6-v2'"):
        ProductIndex.load(tmp_path, "use-multilingual-v3")


def test_missing_index(tmp_path):
    with pytest.raises(IndexMismatchError, match="no index found"):
        ProductIndex.load(tmp_path, "m")


def test_wrong_dimension():
    with pytest.raises(ValueError, match="dimension 3"):
        ProductIndex("m", 3).upsert(["a"], np.zeros((1, 4), np.float32))
