"""A height and the usual size on a product in German size series (Normal-, Kurz-, Langgrößen)
whose text gives the heights each series is for: the series for that height, and the usual size
in it by the convention (a short size is half the normal size, a long one twice it)."""

from __future__ import annotations

from actions.size_stock import availability
from actions.texts import say
from actions.variant_replies import phrase
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.size_series import series_heights, series_size
from catalog.variants import Asked, option_kind, option_values


def series_answer(product: Product, height: float, usual: str, option: str, lang: str) -> tuple[str, list[str]] | None:
    """(answer, source ids) for "Ich bin 1,65 m und trage sonst 52" when exactly one series is
    for that height and the usual size has its counterpart there; else None."""
    spans = series_heights([s.text for s in product_sentences(product, lang)])
    fitting = [series for series, (low, high, _) in spans.items() if low <= height <= high]
    if len(fitting) != 1:
        return None
    series = fitting[0]
    size = series_size(usual, series, option_values(product).get(option, []))
    if size is None:
        return None
    cm = f"{height:g} cm"
    line = say(
        "series_height", lang, cm=cm, product=product.name(lang), series=say(f"series_{series}", lang),
        sentence=spans[series][2], usual=usual, size=phrase(product, option, [size], lang),
    )  # fmt: skip
    answer, ids = availability(product, [Asked(option, option_kind(product, option), size, (size,))], lang)
    return f"{line} {answer}", [product.id, *ids]
