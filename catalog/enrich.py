"""Facts from a product's own text stored with the product; structured data wins.

`enrich(product)` runs `catalog.extract` over title, description and the text fields, and
fills `attributes` (and `fit` / `fit_notes` / `materials` / `care` when empty) only where the
structured data (JSONL fields, Shopify metafields, the merchant API) has no value. Every fact
gets a record in `fact_sources` ({"text": sentence, "lang", "origin": "text"|"structured"}),
so an answer can quote the sentence. Values filled from the text are remembered there
("filled"), so a changed description replaces them on the next enrich while a value the
merchant has set since stays: enrich is idempotent, and re-importing the same file changes
nothing.
"""

from __future__ import annotations

from typing import Any

from catalog.extract import CARE_WORDS, KEYS, Fact, extract_sentence, extract_text, sentences
from catalog.models import Product

# the merchant's own fields about a fact first, then the description, the title last
TEXT_FIELDS = ("materials", "care", "fit_notes", "description", "title")
_CARE_KEYS = ("wash_temp_c", "tumble_dry")
_FILLED_FIELDS = ("fit", "fit_notes", "materials", "care")
_NOT_FROM = {"care": {"materials"}, "fit_notes": {"materials"}}  # "Mit Wollwaschmittel waschen" names no material


def _facts_by_lang(product: Product) -> tuple[dict[str, dict[str, Fact]], dict[tuple[str, str], int]]:
    """(lang -> key -> the first fact stating it in the order of TEXT_FIELDS,
    (lang, key) -> the rank of the field it came from)."""
    out: dict[str, dict[str, Fact]] = {}
    rank: dict[tuple[str, str], int] = {}
    for i, field in enumerate(TEXT_FIELDS):
        for lang, text in (getattr(product, field) or {}).items():
            for fact in extract_text(text, lang):
                if fact.key in _NOT_FROM.get(field, ()) or fact.key in out.get(lang, {}):
                    continue
                out.setdefault(lang, {})[fact.key] = fact
                rank[lang, fact.key] = i
    return out, rank


def _forget_filled(data: dict, sources: dict[str, dict]) -> None:
    """Take back what an earlier enrich filled from the text, unless it was changed since."""
    for record in sources.values():
        filled = record.get("filled")
        if not isinstance(filled, dict):  # written by hand (merchant API): not ours
            continue
        for path, value in filled.items():
            if path.startswith("attributes."):
                key = path.split(".", 1)[1]
                if key in data["attributes"] and data["attributes"][key] == value:
                    del data["attributes"][key]
            elif path in _FILLED_FIELDS and value is not None and data.get(path) == value:
                data[path] = None


def _care_texts(product: Product, facts: dict[str, dict[str, Fact]]) -> dict[str, str]:
    """lang -> the description's sentences about washing and care."""
    texts: dict[str, str] = {}
    for lang, text in (product.description or {}).items():
        found = [s for s in sentences(text) if CARE_WORDS.search(s)]
        found += [f.text for k, f in facts.get(lang, {}).items() if k in _CARE_KEYS and f.text not in found]
        if found:
            texts[lang] = " ".join(found)
    return texts


def _fit_notes(by_lang: dict[str, dict[str, Fact]], fit: str) -> dict[str, str]:
    """lang -> the sentence giving this fit advice, in every language that gives it."""
    return {lang: facts["fit"].text for lang, facts in by_lang.items() if "fit" in facts and facts["fit"].value == fit}


def _named_attributes(product: Product, data: dict, sources: dict, lang: str) -> None:
    """Facts in attributes the merchant named in their own words ("Gewicht": "350 g",
    "Material": "100 % Baumwolle", e.g. WooCommerce attributes): structured data, so they win
    over the text; remembered as filled, so a changed attribute is read again."""
    attributes = data["attributes"]
    for name, value in list(attributes.items()):
        if name in KEYS or not isinstance(value, str) or not value.strip():
            continue
        for fact in extract_sentence(f"{name}: {value}", lang):
            if fact.key == "fit":
                if data["fit"] is not None or not product.sizes():
                    continue
                data["fit"] = fact.value
                filled: dict[str, Any] = {"fit": fact.value}
            elif attributes.get(fact.key) is None and fact.key not in sources:
                attributes[fact.key] = fact.value
                filled = {f"attributes.{fact.key}": fact.value}
            else:
                continue
            sources[fact.key] = {"text": fact.text, "lang": None, "origin": "structured", "filled": filled}


def enrich(product: Product) -> Product:
    """The product with the facts of its text added where structured data has none."""
    data: dict[str, Any] = {f: getattr(product, f) for f in ("fit", "fit_notes", "materials", "care")}
    data["attributes"] = dict(product.attributes)
    _forget_filled(data, product.fact_sources)
    stripped = product.copy(update=data)
    by_lang, rank = _facts_by_lang(stripped)
    order = [lang for lang in (product.description or product.title) if lang in by_lang] + [
        lang for lang in by_lang if lang not in (product.description or product.title)
    ]
    sources: dict[str, dict[str, Any]] = {}
    attributes = data["attributes"]
    _named_attributes(product, data, sources, order[0] if order else next(iter(product.title)))
    for key in dict.fromkeys(k for lang in order for k in by_lang[lang]):
        # the merchant's own field before the description before the title, then the main language
        for lang in sorted((lg for lg in order if key in by_lang[lg]), key=lambda lg: (rank[lg, key], order.index(lg))):  # noqa: B023
            fact = by_lang[lang][key]
            if (key in sources and sources[key]["origin"] == "text") or (key == "fit" and not product.sizes()):
                continue  # fit advice means nothing for a product sold in one size
            if key == "fit":
                structured = data["fit"]
            else:
                structured = attributes.get(key)
            if structured is not None:
                agrees = structured == fact.value
                if key not in sources or (agrees and not sources[key]["text"]):
                    sources[key] = {"text": fact.text if agrees else "", "lang": lang if agrees else None, "origin": "structured"}
                if key == "fit" and agrees and not data.get("fit_notes"):  # the text's advice explains the fit
                    data["fit_notes"] = _fit_notes(by_lang, fact.value)
                    sources[key]["filled"] = {"fit_notes": data["fit_notes"]}
                continue
            record: dict[str, Any] = {"text": fact.text, "lang": lang, "origin": "text", "filled": {}}
            same = {lg: facts[key].text for lg, facts in by_lang.items() if key in facts and facts[key].value == fact.value}
            if len(same) > 1:
                record["texts"] = same  # the sentence in each language that says the same, for answers in that language
            if key == "fit":
                data["fit"] = record["filled"]["fit"] = fact.value
                if not data.get("fit_notes"):
                    data["fit_notes"] = record["filled"]["fit_notes"] = _fit_notes(by_lang, fact.value)
            else:
                attributes[key] = record["filled"][f"attributes.{key}"] = fact.value
            sources[key] = record
    if "materials" in sources and sources["materials"]["origin"] == "text" and not data.get("materials"):
        texts = {lg: facts["materials"].text for lg, facts in by_lang.items() if "materials" in facts}
        data["materials"] = sources["materials"]["filled"]["materials"] = texts
    care = _care_texts(stripped, by_lang) if not data.get("care") else {}
    if care:
        record = sources.setdefault("care", {"text": next(iter(care.values())), "lang": next(iter(care)), "origin": "text", "filled": {}})
        data["care"] = record.setdefault("filled", {})["care"] = care
    for key, value in attributes.items():  # structured facts the text does not mention
        if key not in sources and value is not None:
            sources[key] = {"text": "", "lang": None, "origin": "structured"}
    if data["fit"] is not None and "fit" not in sources:
        sources["fit"] = {"text": "", "lang": None, "origin": "structured"}
    data["fact_sources"] = sources
    return product.copy(update=data)  # every value set here is of its field's type: no re-validation


def fact_value(product: Product, key: str) -> Any:
    """The value a fact key has on the product (attributes, or the fit / text fields)."""
    if key == "fit":
        return product.fit
    if key == "care":
        return product.care
    return product.attributes.get(key)


def facts_view(product: Product) -> dict[str, dict[str, Any]]:
    """What a merchant sees per fact: value, unit, the sentence it came from, origin."""
    view = {}
    for key, source in sorted(product.fact_sources.items()):
        view[key] = {
            "value": fact_value(product, key),
            "unit": KEYS[key][1] if key in KEYS else None,
            "sentence": source.get("text") or None,
            "lang": source.get("lang"),
            "origin": source.get("origin"),
        }
    return view
