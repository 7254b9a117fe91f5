"""Which products a search shows near the score threshold: a product of the category the request
names passes a little below `MIN_SCORE` (as "the closest we have"); others do not."""

from __future__ import annotations

import numpy as np

from catalog.index import ProductIndex
from catalog.models import Product
from catalog.search import CATEGORY_SLACK, MIN_SCORE, CatalogService
from catalog.store import Store
from tests.conftest import TEST_STORE


class AxisEmbedder:
    """Texts on fixed unit vectors, so each product's cosine with the request is chosen by the test."""

    dim = 3
    name = "axis"

    def __init__(self, vectors: dict[str, np.ndarray]):
        self.vectors = vectors

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vectors.get(t, np.array([0.0, 0.0, 1.0])) for t in texts]).astype(np.float32)


def _product(pid: str, category: str) -> Product:
    return Product(id=pid, title={"de": pid}, category=category,
                   variants=[{"sku": f"{pid}-1", "price": 10.0, "stock": 3}])  # fmt: skip


def _service(cosines: dict[str, float], categories: dict[str, str], request: str) -> CatalogService:
    def at(cos: float) -> np.ndarray:
        return np.array([cos, float(np.sqrt(1 - cos * cos)), 0.0], np.float32)

    products = [_product(pid, categories[pid]) for pid in cosines]
    embedder = AxisEmbedder({request: np.array([1.0, 0.0, 0.0], np.float32)})
    index = ProductIndex("axis", 3)
    index.upsert([p.id for p in products], np.stack([at(c) for c in cosines.values()]))
    return CatalogService(Store(TEST_STORE), products, index, embedder)


def test_a_product_of_the_named_category_passes_a_little_below_the_threshold():
    request = "warme leichte shoes mit Filzsohle für den Kindergarten"  # names the category, and more (no browsing)
    near = MIN_SCORE - CATEGORY_SLACK / 2  # with the category bonus still below MIN_SCORE
    cosines = {"filzpatschen": near - 0.05, "kinderrucksack": near, "gummistiefel": MIN_SCORE - CATEGORY_SLACK - 0.1}
    categories = {"filzpatschen": "shoes", "kinderrucksack": "home", "gummistiefel": "shoes"}
    shown = [h.product.id for h in _service(cosines, categories, request).search(request).hits]
    assert shown == ["filzpatschen"]  # the other category's product, though closer, and the far shoe are not


def test_without_a_named_category_the_threshold_holds():
    request = "etwas Warmes für den Kindergarten"
    cosines = {"filzpatschen": MIN_SCORE - 0.02, "kinderrucksack": MIN_SCORE + 0.02}
    categories = {"filzpatschen": "shoes", "kinderrucksack": "home"}
    assert [h.product.id for h in _service(cosines, categories, request).search(request).hits] == ["kinderrucksack"]
