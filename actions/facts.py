"""Product facts put into words, and checks of a shopper's need against a product's attributes.

Every sentence states only what the catalog says; when it says nothing, the caller says so.
"""

from __future__ import annotations

import re

from actions.texts import join, money, say
from catalog.extract_words import MATERIAL_NAMES_DE
from catalog.fact_kinds import ASPECTS, measure_qualifier
from catalog.lexicon import color_name
from catalog.models import Product
from catalog.store import StoreConfig

# attribute -> (German phrase, English phrase); {v} is the value
ATTRIBUTE_PHRASES: dict[str, tuple[str, str]] = {
    "waterproof": ("wasserdicht", "waterproof"),
    "width:wide": ("weite Passform für breite Füße", "wide fit for wide feet"),
    "width:narrow": ("schmale Passform", "narrow fit"),
    "width:standard": ("normale Weite", "standard width"),
    "min_temp_c": ("warm bis {v} °C", "warm down to {v} °C"),
    "hepa": ("mit HEPA-Filter", "with HEPA filter"),
    "room_size_m2": ("für Räume bis {v} m²", "for rooms up to {v} m²"),
    "noise_db": ("{v} dB leise", "{v} dB quiet"),
    "battery_hours": ("{v} h Akkulaufzeit", "{v} h battery life"),
    "weight_g": ("{v} g", "{v} g"),
    "dose_mg": ("{v} mg pro Portion", "{v} mg per serving"),
    "servings": ("{v} Portionen", "{v} servings"),
    "use:daily": ("für die tägliche Einnahme", "for daily use"),
    "use:short_term": ("hochdosiert für kurze Zeit", "high strength, short-term"),
    "animal:dog": ("für Hunde", "for dogs"),
    "animal:cat": ("für Katzen", "for cats"),
    "capacity_l": ("{v} l", "{v} l"),
    "power_w": ("{v} W", "{v} W"),
    # facts also read from the product text (catalog/extract.py)
    "waterproof_mm": ("{v} mm Wassersäule", "{v} mm hydrostatic head"),
    "ip": ("Schutzart {v}", "rated {v}"),
    "limit_temp_c": ("Grenzbereich {v} °C", "limit {v} °C"),
    "battery_mah": ("Akku mit {v} mAh", "{v} mAh battery"),
    "battery_wh": ("Akku mit {v} Wh", "{v} Wh battery"),
    "dimensions_cm": ("Maße {v} cm", "dimensions {v} cm"),
    "wash_temp_c": ("waschbar bei {v} °C", "machine washable at {v} °C"),
    "tumble_dry:True": ("trocknergeeignet", "tumble dryer safe"),
    "tumble_dry:False": ("nicht für den Trockner", "not for the tumble dryer"),
    "materials": ("Material: {v}", "material: {v}"),
    "warranty_years": ("{v} Jahre Garantie", "{v}-year warranty"),
    "suitable_for": ("geeignet für {v}", "suitable for {v}"),
    "not_suitable_for": ("nicht geeignet für {v}", "not suitable for {v}"),
    "carry_on:True": ("fürs Handgepäck geeignet", "allowed as carry-on"),
    "carry_on:False": ("nicht fürs Handgepäck", "not for carry-on luggage"),
    "max_load_kg": ("belastbar bis {v} kg", "takes up to {v} kg"),
}
# words in a question that point at an attribute
ATTRIBUTE_WORDS: dict[str, tuple[str, ...]] = {
    "waterproof": ("wasserdicht", "waterproof", "regen", "rain", "nass", "wet", "wasserfest"),
    "width": ("breit", "weit", "wide", "narrow", "schmal", "fuß", "füße", "feet", "foot"),
    "min_temp_c": ("warm", "kalt", "cold", "winter", "frost", "grad", "°", "minus", "temperatur"),
    "hepa": ("allerg", "pollen", "staub", "dust", "hepa", "heuschnupfen", "hay fever", "asthma"),
    "room_size_m2": ("m²", "m2", "qm", "quadratmeter", "square met", "zimmer", "raum", "room"),
    "noise_db": ("leise", "laut", "quiet", "noise", "loud", "schlafzimmer", "bedroom", "db"),
    "battery_hours": ("akku", "battery", "stunden", "hours", "laufzeit"),
    "weight_g": ("leicht", "schwer", "gewicht", "light", "heavy", "weight", "weigh"),
    "use": ("täglich", "daily", "every day", "jeden tag", "kurz", "short", "hochdosiert", "high dose", "high strength"),
    "animal": ("hund", "katze", "dog", "cat", "welpe", "puppy", "kitten"),
    "capacity_l": ("liter", "volumen", "capacity", "fassungs", "wie viel passt", "how much fits", "fasst", "how much does it hold"),
    "waterproof_mm": ("wassersäule", "hydrostatic", "water column", "wasserdicht", "waterproof"),
    "ip": ("ipx", "ip6", "ip5", "ip4", "schutzart", "schutzklasse", "spritzwasser", "splash", "wasserdicht", "waterproof"),
    "limit_temp_c": ("limit", "grenz", "extrem", "kalt", "cold", "frost", "minus", "temperatur"),
    "battery_mah": ("mah", "powerbank", "power bank", "aufladen", "akkukapazität", "battery capacity"),
    "battery_wh": ("wattstunde", "watt hour", "watt-hour", "flugzeug", "plane", "flight", "fliegen"),
    "dimensions_cm": ("maße", "abmessung", "dimension", "how big", "wie groß ist", "measure", "länge", "höhe", "length", "height"),
    "wash_temp_c": ("wasch", "wash", "waschmaschine", "machine"),
    "tumble_dry": ("trockner", "dryer", "tumble"),
    "materials": ("material", "made of", "stoff", "fabric", "besteht", "hergestellt", "woraus", "aus was"),
    "warranty_years": ("garantie", "warranty", "guarantee", "gewährleistung"),
    "suitable_for": ("geeignet", "suitable", "good for", "gut für", "eignet", "use it for", "taugt", "ideal"),
    "not_suitable_for": ("geeignet", "suitable", "good for", "gut für", "eignet", "use it for", "taugt", "ideal"),
    "max_load_kg": ("belastbar", "belastung", "tragkraft", "traglast", "trägt", "aushält", "hält das aus", "how much weight", "maximum weight",
                    "max weight", "weight limit", "maximalgewicht", "höchstgewicht", "load", "support", "wie viel kg", "how many kg"),
    "carry_on": ("handgepäck", "carry-on", "carry on", "cabin", "flugzeug", "plane", "flight", "fliegen", "airline", "hand luggage"),
}


def _value_text(key: str, value: object, lang: str) -> str:
    """12.5 -> '12,5' in German; lists joined ('55 × 40 × 20', 'Baumwolle und Polyester')."""
    if isinstance(value, list):
        if key == "dimensions_cm":
            return " × ".join(_value_text(key, v, lang) for v in value)
        if key == "materials" and lang == "de":
            value = [MATERIAL_NAMES_DE.get(str(v), str(v)) for v in value]
        return join([str(v) for v in value], lang)
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "de" else text
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10000:
        return f"{value:,}".replace(",", "." if lang == "de" else ",")
    return str(value)


def attribute_phrase(key: str, value: object, lang: str) -> str | None:
    i = 0 if lang == "de" else 1
    if isinstance(value, bool):
        if f"{key}:{value}" in ATTRIBUTE_PHRASES:
            return ATTRIBUTE_PHRASES[f"{key}:{value}"][i]
        return ATTRIBUTE_PHRASES[key][i] if value and key in ATTRIBUTE_PHRASES else None
    if f"{key}:{value}" in ATTRIBUTE_PHRASES:
        return ATTRIBUTE_PHRASES[f"{key}:{value}"][i]
    if key == "weight_g" and isinstance(value, int | float) and value >= 1000:  # "1,15 kg", as merchants write it
        return f"{_value_text(key, round(value / 1000, 2), lang)} kg"
    if key in ATTRIBUTE_PHRASES and value is not None and value != []:
        return ATTRIBUTE_PHRASES[key][i].format(v=_value_text(key, value, lang))
    return None


def source_sentence(product: Product, key: str, lang: str | None = None) -> str | None:
    """The product-text sentence a fact was read from, in `lang` when the text says it in that
    language too (None for a structured value)."""
    source = product.fact_sources.get(key) or {}
    if source.get("origin") != "text":
        return None
    texts = source.get("texts")
    return (texts.get(lang) if isinstance(texts, dict) and lang else None) or source.get("text") or None


def quoted(product: Product, key: str, phrase: str, lang: str) -> str:
    """The phrase, and the sentence of the product text it came from, quoted."""
    sentence = source_sentence(product, key, lang)
    return f"{phrase}. {say('fit_from_text', lang, sentence=sentence)}" if sentence else phrase


CARE_QUESTION = ("wasch", "wash", "trockner", "dryer", "tumble")


def answered_facts(product: Product, question: str, lang: str) -> dict[str, str | None]:
    """key -> the answer line for each product fact the question asks about (None: the product
    has no such fact). Each line states the typed value, with its source sentence quoted when
    it was read from the text."""
    asked = asked_attributes(question)
    if any(w in question.lower() for w in CARE_QUESTION):  # "bei wie viel Grad waschen" is not about warmth
        asked = [k for k in asked if k not in ("min_temp_c", "limit_temp_c")]
    out: dict[str, str | None] = {}
    for key in asked:
        if key == "width":
            continue  # answered by check_fit (it needs the shopper's feet)
        part = measure_qualifier(question) if key == "dimensions_cm" else None
        if part and part[:4] not in (source_sentence(product, key, lang) or "").lower():
            continue  # "ceiling height", "Sitzhöhe": a measure the sentence of its dimensions does not name
        value = product.attributes.get(key)
        phrase = attribute_phrase(key, value, lang) if value is not None else None
        out[key] = quoted(product, key, phrase, lang) if phrase else None
    return out


def fact_answer(product: Product, question: str, lang: str) -> tuple[list[str], list[str]]:
    """(answer lines, asked keys the product has no value for)."""
    answers = answered_facts(product, question, lang)
    return [line for line in answers.values() if line], [key for key, line in answers.items() if line is None]


# "a light", "rear lights": a lamp, not lightness
LIGHT_NOUN = re.compile(r"\b(?:a|an|the|any|with|rear|front|bike|led|brake|tail|head)\s+lights?\b|\blights\b", re.I)


# "Wie viel Gewicht hält der Sitz aus?", "wie viele Kilo hält es": what it carries, not its own weight
_HOLDS = re.compile(r"(?:gewicht|kilo)\w*\b.*\bh(?:ä|a)lt|\bh(?:ä|a)lt\w*\b.*\b(?:gewicht|kilo)", re.I)


def asked_attributes(text: str) -> list[str]:
    lowered = LIGHT_NOUN.sub(" ", text.lower())
    holds = _HOLDS.search(lowered) or ASPECTS["load"][0].search(lowered)  # "up to what weight can I use it?"
    keys = [k for k, words in ATTRIBUTE_WORDS.items() if any(w in lowered for w in words) or k == "max_load_kg" and holds]
    return [k for k in keys if k != "weight_g"] if "max_load_kg" in keys else keys  # "how much weight can it take?" is the load


def first_sentence(text: str, limit: int = 140) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def availability(product: Product, lang: str) -> str:
    stock = product.total_stock
    if stock == 0:
        return say("sold_out", lang)
    if stock <= 3:
        return say("low_stock", lang, count=stock)
    return say("in_stock", lang)


def price_text(product: Product, lang: str, currency: str) -> str:
    """The price, "from" the lowest when the variants differ, with the old price of a sale."""
    low, high = product.min_price, product.max_price
    text = money(low, lang, currency) if low == high else say("price_from", lang, price=money(low, lang, currency))
    sale = [v.compare_at_price for v in product.variants if v.compare_at_price and v.compare_at_price > v.price]
    if sale and low == high:
        text += f" ({say('sale', lang, price=money(max(sale), lang, currency))})"
    return text


def why_line(product: Product, lang: str, question: str, matched: list[str], query_size: str | None, max_price: float | None,
             colors: tuple[str, ...], currency: str) -> str:  # fmt: skip
    """One line on why the product fits: the attributes the shopper asked about, the filters met."""
    parts: list[str] = []
    asked = asked_attributes(question)
    for key in asked:
        phrase = attribute_phrase(key, product.attributes.get(key), lang)
        if phrase:
            parts.append(phrase)
    if "size" in matched and query_size:
        parts.append(say("in_size", lang, size=query_size))
    if "color" in matched and colors:
        parts.append(say("in_color", lang, color=join([color_name(c, lang) for c in colors], lang)))
    if "price" in matched and max_price is not None:
        parts.append(say("under_price", lang, price=money(max_price, lang, currency)))
    if not parts:
        description = product.text("description", lang)
        if description:
            return first_sentence(description)
        parts = [p for k, v in product.attributes.items() if (p := attribute_phrase(k, v, lang))][:2]
    return join(parts, lang)


def product_line(index: int, product: Product, lang: str, config: StoreConfig, why: str) -> str:
    line = f"{index}. {product.name(lang)} – {price_text(product, lang, config.store.currency)} – {availability(product, lang)} – {config.product_url(product.id, lang)}"
    return f"{line}\n   {why}" if why else line


def card(product: Product, lang: str, config: StoreConfig) -> dict:
    """The product card the widget renders (custom payload)."""
    return {
        "id": product.id,
        "name": product.name(lang),
        "price": product.min_price,
        "price_text": price_text(product, lang, config.store.currency),
        "currency": config.store.currency,
        "availability": availability(product, lang),
        "in_stock": product.total_stock > 0,
        "url": config.product_url(product.id, lang),
        "image": product.image or "",
    }


def cards_payload(products: list[Product], lang: str, config: StoreConfig) -> dict:
    return {"type": "products", "products": [card(p, lang, config) for p in products]}


def sizes_line(product: Product, lang: str) -> str:
    sizes = product.sizes(in_stock=True)
    if not product.sizes():
        return ""
    return say("sizes_in_stock", lang, sizes=", ".join(sizes) if sizes else say("none", lang))


def colors_line(product: Product, lang: str) -> str:
    colors = product.colors(in_stock=True)
    if not colors:
        return ""
    return say("colors_available", lang, colors=", ".join(color_name(c, lang) for c in colors))


def fit_sentence(product: Product, lang: str) -> str:
    """The merchant's fit advice in the shopper's language; else the fit in words, with the
    advice quoted in the language it was written in."""
    notes = product.fit_notes or {}
    if notes.get(lang):
        return notes[lang]
    generic = say(f"fit_{product.fit or 'unknown'}", lang)
    if notes and product.fit:
        return f"{generic} {say('fit_from_text', lang, sentence=next(iter(notes.values())))}"
    return generic


def details(product: Product, lang: str, config: StoreConfig) -> str:
    lines = [f"{product.name(lang)} – {price_text(product, lang, config.store.currency)} – {availability(product, lang)}"]
    description = product.text("description", lang)
    if description:
        lines.append(description)
    attributes = [p for k, v in product.attributes.items() if (p := attribute_phrase(k, v, lang))]
    if attributes:
        lines.append(join(attributes, lang))
    lines.extend(x for x in (sizes_line(product, lang), colors_line(product, lang)) if x)
    if product.sizes():
        lines.append(fit_sentence(product, lang))
    lines.append(say("details_link", lang, url=config.product_url(product.id, lang)))
    return "\n".join(lines)

