"""Product facts put into words, and checks of a shopper's need against a product's attributes.

Every sentence states only what the catalog says; when it says nothing, the caller says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.texts import join, money, say
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
    "capacity_l": ("liter", "volumen", "capacity", "fassungs"),
}


def attribute_phrase(key: str, value: object, lang: str) -> str | None:
    i = 0 if lang == "de" else 1
    if isinstance(value, bool):
        return ATTRIBUTE_PHRASES[key][i] if value and key in ATTRIBUTE_PHRASES else None
    if f"{key}:{value}" in ATTRIBUTE_PHRASES:
        return ATTRIBUTE_PHRASES[f"{key}:{value}"][i]
    if key in ATTRIBUTE_PHRASES and value is not None:
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return ATTRIBUTE_PHRASES[key][i].format(v=text)
    return None


def asked_attributes(text: str) -> list[str]:
    lowered = text.lower()
    return [key for key, words in ATTRIBUTE_WORDS.items() if any(w in lowered for w in words)]


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
    note = product.text("fit_notes", lang)
    return note or say(f"fit_{product.fit or 'unknown'}", lang)


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
        if product.text("fit_notes", lang):
            out[-1].fact += f". {product.text('fit_notes', lang)}"
    if (m := _TEMP.search(question)) and "min_temp_c" in a:
        wanted = -int(m.group(2)) if m.group(1) or "minus" in q or "frost" in q else int(m.group(2))
        rated = a["min_temp_c"]
        phrase = attribute_phrase("min_temp_c", rated, lang) or ""
        out.append(FitVerdict("yes" if rated is not None and rated <= wanted else "no", phrase))
    elif "min_temp_c" in asked_attributes(q) and "min_temp_c" in a:
        out.append(FitVerdict("yes", attribute_phrase("min_temp_c", a["min_temp_c"], lang) or ""))
    if "waterproof" in asked_attributes(q) and "waterproof" in a:
        phrase = ATTRIBUTE_PHRASES["waterproof"][0 if lang == "de" else 1]
        out.append(FitVerdict("yes" if a["waterproof"] else "no", phrase if a["waterproof"] else ("nicht " if lang == "de" else "not ") + phrase))
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
