"""Sizes from what the merchant wrote: half sizes the fit note names, the size tables of a
product text (several columns, the measure each names), the rule which measure decides, the
advice between two sizes and for a roomier fit, a product's own EU/UK/US table."""

from __future__ import annotations

from catalog.models import Product
from catalog.sizes import recommend_size


def _product(sizes: list[str], description: str = "", fit: str | None = None, fit_notes: str = "", lang: str = "de") -> Product:
    variants = [{"sku": f"p-{i}", "size": s, "options": {"Größe": s}, "price": 50.0, "stock": 5} for i, s in enumerate(sizes)]
    return Product.parse_obj({"id": "p", "title": {lang: "Produkt"}, "category": "shoes", "description": {lang: description},
                              "fit": fit, "fit_notes": {lang: fit_notes} if fit_notes else {}, "option_names": ["Größe"],
                              "size_option": "Größe", "variants": variants})  # fmt: skip


def test_half_a_size_up_where_half_sizes_are_written_with_a_comma() -> None:
    shoe = _product(["41", "42", "42,5", "43", "44", "44,5"], fit="runs_small", fit_notes="Der Schuh fällt eine halbe Nummer klein aus.")
    assert recommend_size(shoe, "42") == ("42.5", "runs_small")
    assert recommend_size(shoe, "44") == ("44.5", "runs_small")


def test_the_merchants_step_wins_over_the_size_run() -> None:
    whole = _product(["41", "42", "42.5", "43"], fit="runs_small", fit_notes="Fällt eine Nummer kleiner aus, bitte eine Größe größer.")
    assert recommend_size(whole, "42") == ("43", "runs_small")
    large = _product(["37", "37.5", "38"], fit="runs_large", fit_notes="Runs large: go half a size down.", lang="en")
    assert recommend_size(large, "38") == ("37.5", "runs_large")
