"""The answer to "which version for me / for this" from the text's lines pairing an option value
with a condition (`catalog.condition_rows`): a firmness by body weight (with the merchant's rule
at a boundary), a pillow by sleeping position, a duvet by height from the store's size guide, a
horse rug by height, a tablecloth by table size, a bridle by the kind of horse."""

from __future__ import annotations

import re

from actions.context import catalog
from actions.size_stock import availability
from actions.variant_replies import phrase
from catalog.condition_rows import Pick, measure_pick, word_pick
from catalog.models import Product
from catalog.size_guide_chart import guide_section
from catalog.variants import Asked, option_kind

_T = {
    "text": {
        "de": "Laut Produktbeschreibung von {product}: „{line}“ – {for_}ich empfehle {value}.",
        "en": "The description of {product} says: “{line}” – {for_}I recommend {value}.",
    },
    "guide": {
        "de": "Laut unserem Größenberater: „{line}“ – {for_}ich empfehle bei {product} {value}.",
        "en": "Our size guide says: “{line}” – {for_}I recommend {value} of {product}.",
    },
    "for": {"de": "bei {given} ", "en": "for {given} "},
    "boundary": {
        "de": "Mit {given} liegen Sie bei {product} genau an der Grenze („{first}“ / „{second}“). "
        "Dazu steht in der Beschreibung: „{rule}“ – ich empfehle daher {value}.",
        "en": "At {given} you are exactly on the boundary for {product} (“{first}” / “{second}”). "
        "The description says: “{rule}” – so I recommend {value}.",
    },
}


def _texts(product: Product, lang: str) -> list[str]:
    own = product.description or {}
    text = own.get(lang) or next(iter(own.values()), "")
    return [text] if text else []


def _pick(product: Product, text: str, lang: str) -> tuple[Pick, bool] | None:
    """(pick, from the size guide) from the product's text, else from the store's size guide."""
    own = _texts(product, lang)
    if pick := measure_pick(product, own, text) or word_pick(product, own, text):
        return pick, False
    found = guide_section(catalog().policies.passages, product, lang)
    if found is None:
        return None
    guide = ["\n".join(found[1])]
    pick = measure_pick(product, guide, text) or word_pick(product, guide, text)
    return (pick, True) if pick else None


_WHICH = re.compile(r"\b(?:welche\w*|which|what size|was für|wie viele?)\b", re.I)


def asks_condition(product: Product, text: str, lang: str) -> bool:
    """Whether a "which one?" question gives what the text's conditions pick a value by ("72 kg,
    welche Härte?", "I sleep on my stomach, which firmness?"): a size question, whatever its intent."""
    return bool(_WHICH.search(text)) and _pick(product, text, lang) is not None


def condition_answer(product: Product, text: str, lang: str, charted: bool = False) -> tuple[str, list[str]] | None:
    """(answer, source ids) for the value the text's conditions give the question, else None.
    `charted`: the product's size chart already charts the question's measure; then only a
    boundary decided by the merchant's rule, or a version that is no size, is answered here."""
    found = _pick(product, text, lang)
    if found is None:
        return None
    pick, from_guide = found
    if charted and not pick.rule and option_kind(product, pick.row.option) == "size":
        return None  # the size chart answers a size; a firmness or warmth by weight is answered here
    row = pick.row
    name = product.name(lang)
    value = phrase(product, row.option, [row.value], lang)
    for_ = _T["for"][lang].format(given=pick.given) if pick.given else ""
    if pick.rule and pick.other is not None:
        first, second = sorted([pick.row, pick.other], key=lambda r: (r.high is None, r.high or 0))
        line = _T["boundary"][lang].format(given=pick.given, product=name, first=first.line, second=second.line, rule=pick.rule, value=value)
    else:
        line = _T["guide" if from_guide else "text"][lang].format(product=name, line=row.line, for_=for_, value=value)
    answer, ids = availability(product, [Asked(row.option, option_kind(product, row.option), row.value, (row.value,))], lang)
    sources = [product.id, *ids, *(["policy:size-guide"] if from_guide else [])]
    return f"{line} {answer}", sources
