"""Whether a product suits what the shopper asks of it, from its typed facts: a temperature,
water (a water column in mm, an IP rating), the wash, carry-on rules, a room size, an animal, a
use or a material; each verdict quotes the sentence its fact came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from actions.facts import (
    ATTRIBUTE_PHRASES,
    CARE_QUESTION,
    asked_attributes,
    attribute_phrase,
    quoted,
    source_sentence,
)
from catalog.extract_words import MATERIALS
from catalog.models import Product


@dataclass
class FitVerdict:
    verdict: str  # yes / no / partly
    fact: str


_TEMP = re.compile(r"(?:(minus|-|−|–)\s*)?(\d{1,2})\s*(?:°|grad|degrees|°c|c\b)", re.I)


def check_fit(product: Product, question: str, lang: str) -> list[FitVerdict]:
    """Check the question's need against the product's attributes. Empty when the catalog can't tell."""
    q = question.lower()
    a = product.attributes
    out: list[FitVerdict] = []
    if "width" in asked_attributes(q) and "width" in a:
        wide_wanted = any(w in q for w in ("breit", "weit", "wide"))
        phrase = attribute_phrase("width", a["width"], lang) or str(a["width"])
        if wide_wanted:
            out.append(FitVerdict("yes" if a["width"] == "wide" else "no", phrase))
        else:
            out.append(FitVerdict("yes" if a["width"] == "narrow" else "partly", phrase))
        if source_sentence(product, "width"):
            out[-1].fact = quoted(product, "width", out[-1].fact, lang)
        elif product.text("fit_notes", lang):
            out[-1].fact += f". {product.text('fit_notes', lang)}"
    temperature = _temperature_phrase(product, lang)
    if any(w in q for w in CARE_QUESTION):  # about washing, not warmth: "Kann ich sie bei 40 Grad waschen?" against its 30 °C
        if (m := _TEMP.search(question)) and isinstance(a.get("wash_temp_c"), int | float):
            fits = int(m.group(2)) <= a["wash_temp_c"]
            out.append(FitVerdict("yes" if fits else "no", quoted(product, "wash_temp_c", attribute_phrase("wash_temp_c", a["wash_temp_c"], lang) or "", lang)))
    elif (m := _TEMP.search(question)) and "min_temp_c" in a:
        wanted = -int(m.group(2)) if m.group(1) or "minus" in q or "frost" in q else int(m.group(2))
        rated = a["min_temp_c"]
        out.append(FitVerdict("yes" if rated is not None and rated <= wanted else "no", temperature))
    elif "min_temp_c" in asked_attributes(q) and "min_temp_c" in a:
        out.append(FitVerdict("yes", temperature))
    if "waterproof" in asked_attributes(q) and "waterproof" in a:
        phrase = ATTRIBUTE_PHRASES["waterproof"][0 if lang == "de" else 1]
        phrase = phrase if a["waterproof"] else ("nicht " if lang == "de" else "not ") + phrase
        out.append(FitVerdict("yes" if a["waterproof"] else "no", quoted(product, "waterproof", phrase, lang)))
    elif "waterproof" in asked_attributes(q) and (ip := _ip_verdict(a.get("ip"))):
        out.append(FitVerdict(ip, quoted(product, "ip", attribute_phrase("ip", a["ip"], lang) or "", lang)))
    elif "waterproof" in asked_attributes(q) and isinstance(a.get("waterproof_mm"), int | float):
        out.append(_water_column_verdict(product, a["waterproof_mm"], lang))
    if "carry_on" in asked_attributes(q) and "carry_on" in a:
        out.append(FitVerdict("yes" if a["carry_on"] else "no", quoted(product, "carry_on", attribute_phrase("carry_on", a["carry_on"], lang) or "", lang)))
    out.extend(_use_verdicts(product, q, lang))
    if "hepa" in asked_attributes(q) and "hepa" in a:
        phrase = ATTRIBUTE_PHRASES["hepa"][0 if lang == "de" else 1]
        out.append(FitVerdict("yes" if a["hepa"] else "no", phrase if a["hepa"] else ("ohne HEPA-Filter" if lang == "de" else "no HEPA filter")))
    if (m := re.search(r"(\d{1,3})\s*(?:m²|m2|qm|quadratmeter|square)", q)) and "room_size_m2" in a:
        out.append(FitVerdict("yes" if float(a["room_size_m2"]) >= int(m.group(1)) else "no", attribute_phrase("room_size_m2", a["room_size_m2"], lang) or ""))
    if "animal" in asked_attributes(q) and "animal" in a:
        wanted_dog = any(w in q for w in ("hund", "dog", "welpe", "puppy"))
        wanted_cat = any(w in q for w in ("katze", "cat", "kitten"))
        fits = (wanted_dog and a["animal"] == "dog") or (wanted_cat and a["animal"] == "cat") or a["animal"] == "all"
        out.append(FitVerdict("yes" if fits else "no", attribute_phrase("animal", a["animal"], lang) or str(a["animal"])))
    if "use" in asked_attributes(q) and "use" in a:
        daily = any(w in q for w in ("täglich", "daily", "every day", "jeden tag"))
        fits = (a["use"] == "daily") == daily
        out.append(FitVerdict("yes" if fits else "no", attribute_phrase("use", a["use"], lang) or str(a["use"])))
    return out


def _temperature_phrase(product: Product, lang: str) -> str:
    """Comfort temperature, the limit when known, and the sentence they came from."""
    a = product.attributes
    phrase = attribute_phrase("min_temp_c", a.get("min_temp_c"), lang) or ""
    if a.get("limit_temp_c") is not None:
        phrase += f" ({attribute_phrase('limit_temp_c', a['limit_temp_c'], lang)})"
    return quoted(product, "min_temp_c", phrase, lang)


# EN 343 / DIN: from a 1,300 mm hydrostatic head a fabric counts as waterproof; below it, water-repellent
WATERPROOF_MM = 1300


def _water_column_verdict(product: Product, mm: float, lang: str) -> FitVerdict:
    """"Ist sie wasserdicht?" on a text that gives the hydrostatic head only."""
    column = attribute_phrase("waterproof_mm", mm, lang) or ""
    if mm >= WATERPROOF_MM:
        word = ATTRIBUTE_PHRASES["waterproof"][0 if lang == "de" else 1]
        return FitVerdict("yes", quoted(product, "waterproof_mm", f"{word} ({column})", lang))
    return FitVerdict("partly", quoted(product, "waterproof_mm", f"{'wasserabweisend' if lang == 'de' else 'water-repellent'} ({column})", lang))


def _ip_verdict(rating: object) -> str | None:
    """IEC 60529: a second digit of 7 or 8 means protected against immersion; 4 to 6 against
    splashes and jets only."""
    if not isinstance(rating, str) or not re.fullmatch(r"IP[0-6X]\d", rating):
        return None
    digit = int(rating[-1])
    return "yes" if digit >= 7 else "partly" if digit >= 4 else "no"


def _material(word: str) -> str:
    """A material word in English ("Wolle" -> "wool"), so "not suitable for wool" answers "Wolle waschen?"."""
    for gate, rule, name in MATERIALS:
        if gate.search(word) and rule.fullmatch(word):
            return name
    return word


def _use_verdicts(product: Product, question: str, lang: str) -> list[FitVerdict]:
    """"Can I use it for swimming?" against the text's "not suitable for swimming": a phrase of
    the product whose words all occur in the question (fuzzy, so "Schwimmen" ~ "schwimmen gehen")."""
    words = {_material(w) for w in re.findall(r"\w+", question.lower())}
    out = []
    for key, verdict in (("not_suitable_for", "no"), ("suitable_for", "yes")):
        for phrase in product.attributes.get(key) or []:
            phrase_words = [_material(w) for w in re.findall(r"\w+", str(phrase).lower()) if len(w) > 2]
            if phrase_words and all(any(fuzz.ratio(w, q) >= 85 for q in words) for w in phrase_words):
                out.append(FitVerdict(verdict, quoted(product, key, attribute_phrase(key, [phrase], lang) or "", lang)))
                return out
    return out
