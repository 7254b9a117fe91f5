"""Typed facts from a product's title and description, German and English.

Merchants write facts into the text, not into structured fields: "fällt eine halbe Nummer
klein aus", "10.000 mm Wassersäule", "30 Std. Akkulaufzeit", "5 Jahre Garantie". Each
`Fact` keeps the sentence it came from, so an answer can quote it. Regexes plus unit parsing
(`catalog.extract_units`); a sentence that matches no rule yields nothing — no guessing.
The readers live by concern: amounts (weight, capacity, temperatures, battery, warranty …) in
`catalog.extract_amounts`, facts stated in words (fit, width, materials, carry-on …) in
`catalog.extract_claims`; this module gates and runs them. `catalog.enrich` stores the facts
with the product (structured data wins).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from catalog import extract_amounts as amounts
from catalog import extract_claims as claims
from catalog.extract_claims import CARE_WORDS
from catalog.extract_words import MATERIAL_STEMS, MATERIALS, PHRASE_GATE
from catalog.language import detect_language
from catalog.sentences import split_sentences

__all__ = ["CARE_WORDS", "KEYS", "Fact", "extract_sentence", "extract_text", "sentences"]

# key -> (kind it is scored under, unit shown to merchants)
KEYS: dict[str, tuple[str, str | None]] = {
    "fit": ("fit", None), "width": ("width", None), "weight_g": ("weight", "g"),
    "waterproof": ("waterproof", None), "waterproof_mm": ("waterproof", "mm"), "ip": ("waterproof", None),
    "min_temp_c": ("temperature", "°C"), "limit_temp_c": ("temperature", "°C"),
    "battery_hours": ("battery", "h"), "battery_mah": ("battery", "mAh"), "battery_wh": ("battery", "Wh"),
    "capacity_l": ("capacity", "l"), "dimensions_cm": ("dimensions", "cm"),
    "wash_temp_c": ("care", "°C"), "tumble_dry": ("care", None), "materials": ("materials", None),
    "warranty_years": ("warranty", "years"), "suitable_for": ("suitable", None),
    "not_suitable_for": ("suitable", None), "carry_on": ("carry_on", None), "max_load_kg": ("load", "kg"),
}  # fmt: skip


@dataclass
class Fact:
    key: str
    value: Any
    text: str  # the sentence it came from
    lang: str

    @property
    def unit(self) -> str | None:
        return KEYS[self.key][1]

    @property
    def kind(self) -> str:
        return KEYS[self.key][0]


def sentences(text: str) -> list[str]:
    """Split a description into sentences; "ca. 350 g" and "Gr. 42" do not end one."""
    return split_sentences(text, min_chars=1)


# (a cheap test on the lowercased sentence, rule): the gate keeps the rule's regexes off the
# many sentences that cannot match.
_NUMBER_UNIT = r"\d\s*-?\s*(?:{})(?![a-zäöü])"
_RULES: list[tuple[str, Callable[[str, str], Iterator[tuple[str, Any]]]]] = [
    ("fällt|runs|fits|größe|size|nummer|generous|großzügig|true to", lambda s, _lang: claims.fit(s)),
    ("schmal|narrow|weit|breit|wide|width", lambda s, _lang: claims.width(s)),
    (_NUMBER_UNIT.format("kg|g|gr|gramm|grams?|kilo|oz|ounces|lbs?|pounds"), amounts.weight),
    (_NUMBER_UNIT.format("l|ml|cl|lite?r|litres?|liters|ltr"), amounts.capacity),
    (r"\d\s*(?:kg|kilo)(?![a-zäöü])", amounts.load),
    (r"\d\s*(?:cm|mm|m)?\s*[x×*]\s*\d", amounts.dimensions),
    ("wasser|water|ip|hydrostatic|mm", amounts.waterproof),
    ("°|grad|degree", amounts.temperatures),
    ("mah|wh|akku|batter|laufzeit|runtime|run time|dauer|spielzeit|playback|wiedergabe|play ?time|charge|ladung", amounts.battery),
    ("trockner|dry", claims.care),
    ("|".join(MATERIAL_STEMS), claims.materials),
    ("garantie|gewährleistung|warrant|guarantee", amounts.warranty),
    (PHRASE_GATE, claims.suitable),
    ("gepäck|carry|cabin|luggage|baggage|overhead", claims.carry_on),
]  # fmt: skip
_GATES = [re.compile(gate) for gate, _ in _RULES]


_CONDITIONAL = re.compile(r"^\W*(?:wenn|falls|sofern|if|should\s+you|in\s+case)\b", re.I)
# how a sentence writes its numbers: "7.4 V" a decimal point, "1,5 kg" a decimal comma, "10.000 mm" a German thousands point
_POINT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d.,])")
_POINT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,])")


def number_locale(sentence: str, lang: str) -> str:
    """The locale a sentence writes its numbers in: English data quoted in a German text
    ("Battery: 7.4 V / 2,200 mAh") has a decimal point, so its comma groups thousands."""
    if lang == "de" and not _COMMA_DECIMAL.search(sentence) and not _POINT_GROUPS.search(sentence):
        if _POINT_DECIMAL.search(sentence) or detect_language(sentence) == "en":
            return "en"
    return lang


def extract_sentence(sentence: str, lang: str) -> list[Fact]:
    """Every fact one sentence states (at most one per key); "If you wear a fleece underneath,
    size up" states none about the product."""
    if _CONDITIONAL.search(sentence):
        return []
    facts: dict[str, Fact] = {}
    low = sentence.lower()
    for gate, (_, rule) in zip(_GATES, _RULES, strict=True):
        if not gate.search(low):
            continue
        for key, value in rule(sentence, number_locale(sentence, lang)):
            facts.setdefault(key, Fact(key, value, sentence, lang))
    if "materials" in facts:  # "not suitable for wool – use a wool detergent": what it is for, not made of
        phrases_ = " ".join(str(p) for k in ("suitable_for", "not_suitable_for") if k in facts for p in facts[k].value)
        kept = [m for m in facts["materials"].value if not any(name == m and rule.search(phrases_) for _, rule, name in MATERIALS)]
        if kept:
            facts["materials"].value = kept
        else:
            del facts["materials"]
    return list(facts.values())


# a sentence giving the composition: a share ("64% Baumwolle", "72 % polyamide") or a label naming
# the material ("Material: …", "Obermaterial: …", "Fabric: …")
_COMPOSITION = re.compile(
    r"\d\s*%|^\W*(?:\w+\s)?[\w-]*?(?:material(?:ien|s)?|stoff|zusammensetzung|composition|fabric)\s*(?:\([^)]*\)\s*)?:",
    re.I,
)


def states_composition(sentence: str) -> bool:
    """Whether a sentence naming materials gives what the product is made of, not a material
    mentioned in passing ("mit Silikon-Vollbesatz", "with a full silicone seat")."""
    return bool(_COMPOSITION.search(sentence))


# a sentence labelling the product's own weight ("Gewicht: 620 g", "weighs 1.2 kg"), not a filling's
_OWN_WEIGHT = re.compile(r"(?<!füll)(?<!fill )(?:gewicht|weight|wiegt|weighs)\b", re.I)


def extract_text(text: str, lang: str) -> list[Fact]:
    """The facts of a title or description; for each key the first sentence that states it,
    for the materials the first that gives the composition when a later one does, for the
    weight the first labelled one when a later one is."""
    facts: dict[str, Fact] = {}
    for sentence in sentences(text):
        for fact in extract_sentence(sentence, lang):
            first = facts.setdefault(fact.key, fact)
            if fact.key == "materials" and first is not fact and states_composition(fact.text) and not states_composition(first.text):
                facts[fact.key] = fact
            if fact.key == "weight_g" and first is not fact and _OWN_WEIGHT.search(fact.text) and not _OWN_WEIGHT.search(first.text):
                facts[fact.key] = fact  # "Gewicht: 620 g" over "bis Kleidergröße 104 bzw. 20 kg" earlier
    return list(facts.values())
