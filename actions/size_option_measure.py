"""The answer for a related length on a product sold by a measure (`catalog.option_measures`):
the text's rule and what it gives, the text's pairing the shopper's measure matches, or the values
offered and the nearest, never "if you usually wear 2,47 m"."""

from __future__ import annotations

from actions.context import catalog
from actions.size_stock import availability
from actions.texts import say
from actions.variant_replies import phrase
from catalog.cover_rules import guide_sentences
from catalog.models import Product
from catalog.option_measures import measured_pick, use_pick
from catalog.variants import Asked, option_kind

_GUIDE_RULE = {
    "de": "Laut unserem Größenberater: „{sentence}“ Bei {given} ergibt das {target} – ich empfehle {value}.",
    "en": "Our size guide says: “{sentence}” For {given} that gives {target} – I recommend {value}.",
}


def _cm(value: float, lang: str) -> str:
    number = f"{value:g}"
    return f"{number.replace('.', ',') if lang == 'de' else number} cm"


def option_measure_answer(product: Product, text: str, lang: str) -> tuple[str, list[str]] | None:
    """(answer, source ids) for "Meine Stange hängt 2,47 m hoch – welche Länge?", "my hob ring is
    18 cm – which pan size?"; None when the question gives no such length."""
    cat = catalog()
    guide = tuple(guide_sentences(cat.policies.passages, product, lang, cat.config.categories))
    pick = measured_pick(product, text, lang, guide) or use_pick(product, text, lang)
    if pick is None:
        return None
    name = product.name(lang)
    value = phrase(product, pick.option, [pick.value], lang)
    given = _cm(pick.given, lang)
    if pick.how == "rule":
        line = say(
            "option_rule",
            lang,
            product=name,
            sentence=pick.source,
            given=given,
            target=_cm(pick.target, lang),
            value=value,
        )
    elif pick.how == "guide":
        line = _GUIDE_RULE[lang].format(sentence=pick.source, given=given, target=_cm(pick.target, lang), value=value)
    elif pick.how == "use":
        line = say("option_use", lang, product=name, sentence=pick.source, value=value)
    elif pick.how == "paired":
        line = say(
            "option_paired",
            lang,
            product=name,
            value=value,
            second=_cm(pick.target, lang),
            source=pick.source,
            given=given,
        )
    else:
        offered = phrase(product, pick.option, list(pick.values), lang)
        line = say("option_nearest", lang, product=name, given=given, offered=offered, value=value)
    answer, ids = availability(
        product,
        [Asked(pick.option, option_kind(product, pick.option), pick.value, (pick.value,))],
        lang,
    )
    return f"{line} {answer}", [product.id, *ids]
