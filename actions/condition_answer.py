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
from catalog.cover_rules import allowance_pick, guide_sentences, panels
from catalog.lexicon import find_colors
from catalog.models import Product
from catalog.size_advice import value_pattern
from catalog.size_guide_chart import guide_section
from catalog.variants import Asked, find_asked, option_kind

_T = {
    "text": {
        "de": "Laut Produktbeschreibung von {product}: „{line}“ – {for_}{value}.",
        "en": "The description of {product} says: “{line}” – {for_}{value}.",
    },
    "guide": {
        "de": "Laut unserem Größenberater: „{line}“ – {for_}bei {product} {value}.",
        "en": "Our size guide says: “{line}” – {for_}{value} of {product}.",
    },
    "for": {"de": "bei {given} empfehle ich ", "en": "for {given} I recommend "},
    "advice": {"de": "ich empfehle ", "en": "I recommend "},
    "panels": {
        "de": "{source}: „{sentence}“ Bei {rod} Stange sind das {fabric} Stoffbreite; bei {width} cm Breite je Stück "
        "brauchen Sie also {count} Stück von {product}.",
        "en": "{source}: “{sentence}” For a {rod} rod that is {fabric} of fabric width; at {width} cm per panel "
        "you need {count} panels of {product}.",
    },
    "source_text": {"de": "Laut Produktbeschreibung", "en": "The product description says"},
    "source_guide": {"de": "Laut unserem Größenberater", "en": "Our size guide says"},
    "allowance": {
        "de": "Laut Produktbeschreibung von {product}: „{sentence}“ Bei {given} brauchen Sie also mindestens {need} cm – ich empfehle {value}.",
        "en": "The description of {product} says: “{sentence}” For {given} you need at least {need} cm – I recommend {value}.",
    },
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


_MINE = re.compile(r"\b(?:my|mein\w*|unser\w*|our|i'?m|i am|ich)\b", re.I)  # a measure of the shopper's own
_WHICH = re.compile(r"\b(?:welche\w*|which|what size|was für|wie viele?)\b", re.I)


def asks_condition(product: Product, text: str, lang: str) -> bool:
    """Whether a "which one?" question gives what the text's conditions pick a value by ("72 kg,
    welche Härte?", "I sleep on my stomach, which firmness?"): a size question, whatever its intent."""
    found = _pick(product, text, lang) if _WHICH.search(text) or _MINE.search(text) else None
    if found is not None and _names_version(product, text, found[0].row.option):
        return False  # a named version ("the 140–160 in sage") is asked for, not picked
    if _WHICH.search(text):
        return found is not None or cover_answer(product, text, lang) is not None
    return found is not None and bool(found[0].given)  # "the distance from my neck to my shoulder is 15 cm"


def _names_version(product: Product, text: str, option: str) -> bool:
    """Whether the question names a colour or a value of an option ("Gibt es den Ski in 184 cm?"
    asks for that version's state, not which one to pick)."""
    return bool(find_colors(text)) or any(
        a.values and (a.option != option or any(value_pattern(v).search(text) for v in a.values)) for a in find_asked(product, text)
    )  # a value of the picked option counts only as written ("90x120" may be read as the cloth for that table)


def _m(cm: float, lang: str) -> str:
    text = f"{cm / 100:g}"
    return f"{text.replace('.', ',') if lang == 'de' else text} m"


def _span(low: float | int, high: float | int, lang: str, unit: str = "") -> str:
    if low == high:
        return f"{low:g}{unit}"
    return f"{low:g}{unit} {'bis' if lang == 'de' else 'to'} {high:g}{unit}".replace(".", "," if lang == "de" else ".")


def cover_answer(product: Product, text: str, lang: str) -> tuple[str, list[str]] | None:
    """(answer, source ids) for "Stange 2 m – wie viele Vorhänge?" (the gathering factor) and
    "Matratze 100x200 – welches Laken?" (the allowance over the covered thing), else None."""
    own = _texts(product, lang)
    name = product.name(lang)
    if rule := allowance_pick(product, own, text):
        option, chosen, sentence, need = rule
        value = phrase(product, option, [chosen], lang)
        given = " ".join(m for m in [text[slice(*_dims_span(text))]] if m)
        line = _T["allowance"][lang].format(product=name, sentence=sentence, given=given, need=f"{need[0]:g}x{need[1]:g}", value=value)
        answer, ids = availability(product, [Asked(option, option_kind(product, option), chosen, (chosen,))], lang)
        return f"{line} {answer}", [product.id, *ids]
    cat = catalog()
    guide = guide_sentences(cat.policies.passages, product, lang, cat.config.categories)
    found = panels(own, guide, text)
    if found is None:
        return None
    from_guide = found.sentence not in " ".join(own)
    fabric = _span(found.rod_cm * found.factor[0] / 100, found.rod_cm * found.factor[1] / 100, lang, " m")
    line = _T["panels"][lang].format(
        source=_T["source_guide" if from_guide else "source_text"][lang], sentence=found.sentence, rod=_m(found.rod_cm, lang),
        fabric=fabric, width=f"{found.width_cm:g}", count=_span(*found.count, lang), product=name,
    )  # fmt: skip
    return line, [product.id, *(["policy:size-guide"] if from_guide else [])]


def _dims_span(text: str) -> tuple[int, int]:
    m = re.search(r"\d{2,3}\s*[x×]\s*\d{2,3}(?:\s*cm)?", text)
    return (m.start(), m.end()) if m else (0, 0)


def condition_answer(product: Product, text: str, lang: str, charted: bool = False, body: str | None = None) -> tuple[str, list[str]] | None:
    """(answer, source ids) for the value the text's conditions give the question, else None.
    `charted`: the product's size chart already charts the question's measure; then only a
    boundary decided by the merchant's rule, or a version that is no size, is answered here.
    `body`: the body measure the question gives (hip, chest …), which the guide's rows do not chart."""
    found = _pick(product, text, lang)
    if found is None:
        return cover_answer(product, text, lang)
    pick, from_guide = found
    if _names_version(product, text, pick.row.option):
        return None
    if from_guide and pick.given and body not in (None, "height", "weight"):
        return None  # "Hüftumfang 62 cm" is no height the guide's rows are written for
    if charted and not pick.rule and option_kind(product, pick.row.option) == "size":
        return None  # the size chart answers a size; a firmness or warmth by weight is answered here
    row = pick.row
    name = product.name(lang)
    value = phrase(product, row.option, [row.value], lang)
    for_ = _T["for"][lang].format(given=pick.given) if pick.given else _T["advice"][lang]
    if pick.rule and pick.other is not None:
        first, second = sorted([pick.row, pick.other], key=lambda r: (r.high is None, r.high or 0))
        line = _T["boundary"][lang].format(given=pick.given, product=name, first=first.line, second=second.line, rule=pick.rule, value=value)
    else:
        line = _T["guide" if from_guide else "text"][lang].format(product=name, line=row.line, for_=for_, value=value)
    answer, ids = availability(product, [Asked(row.option, option_kind(product, row.option), row.value, (row.value,))], lang)
    sources = [product.id, *ids, *(["policy:size-guide"] if from_guide else [])]
    return f"{line} {answer}", sources
