"""A product made only of a title and a description, enriched as an import would (facts read from
its text): the shared fixture of the tests of answers from a product's own text."""

from __future__ import annotations

from catalog.enrich import enrich
from catalog.models import Product


def text_product(
    pid: str,
    title: str,
    text: str,
    lang: str = "de",
    category: str = "home",
    tags: list[str] | None = None,
) -> Product:
    """One product in one language, in stock at 1.00, with the facts of its text extracted."""
    return enrich(
        Product(
            id=pid,
            title={lang: title},
            category=category,
            tags=tags or [],
            description={lang: text},
            variants=[{"sku": pid, "price": 1.0, "stock": 1}],
        )
    )
