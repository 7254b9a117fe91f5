"""Answers about one product from its facts and its own text: a verdict for a need or yes/no
question, typed facts, price, stock, materials, care, weight, the asked version's row, the
sentence of the text that answers (`actions.product_text`), else the closest sentence, said to be
no clear answer. The actions that ask them are in `actions.product_questions`."""

from __future__ import annotations

import re

from actions import facts, fit_checks
from actions.context import catalog
from actions.ingredient_answer import ingredient_answer
from actions.level_answer import level_answer
from actions.part_material import part_material
from actions.product_text import (
    absence_verdict,
    closest,
    feature_verdict,
    finder,
    kind_words,
    product_name,
    quote,
    version_row,
)
from actions.texts import money, say
from actions.variant_replies import variant_reply
from catalog.fact_kinds import PART_HOLDING
from catalog.features import FEATURES
from catalog.models import Product
from catalog.passages import FIELDS, asked_aspects, asked_features, content_words, product_sentences
from catalog.policy_aspects import question_aspects
from catalog.variants import find_asked, variant_state

INFO_ASPECTS = {
    # not a bare "wie viel" / "how much": "wie viel wiegt", "how much water does it hold" ask no price
    "price": ("kost", "preis", "price", "cost", "how much is", "how much are", "teuer", "expensive", "günstig", "cheap"),
    "stock": ("lager", "vorrätig", "verfügbar", "stock", "available", "availability", "lieferbar", "ausverkauft", "sold out",
              "bestellbar", "bestellen", "kaufen", "zu haben", "order it", "order this", "order the", "order one", "buy"),
    # not "hergestellt" alone: "wo wird er hergestellt?" asks where, not what of
    "materials": ("material", "made of", "stoff", "fabric", "besteht", "aus was", "woraus"),
    "care": ("wasch", "wash", "pflege", "care", "reinig", "clean", "trockner", "dryer"),
    "weight": ("schwer", "gewicht", "wiegt", "weight", "weigh", "heavy", "light", "leicht"),
}


ORIGIN = re.compile(r"\b(?:wo\b.*\b(?:hergestellt|produziert|gefertigt|gemacht)|herkunft|herstellungsland|where\b.*\b(?:made|produced|manufactured)|made in\b|country of origin|origin)", re.I)
# a question about a version's availability ("is the black one waterproof?" is not)
AVAILABILITY = re.compile(
    r"\b(?:gibt es|gibt's|haben sie|habt ihr|hast du|vorrätig|verfügbar|lieferbar|lager|ausverkauft|noch da|bestell|kaufen"
    r"|zu haben|bekomm|erhältlich|do you (?:still )?have|have you got|got it|get it|can i get|available|in stock|stock|sold out|order|buy"
    r"|comes? in\b|kommt (?:\w+ )?(?:auch )?in\b)|\bda\s*\?+\s*$",
    re.I,
)


def asks_shipping(text: str) -> bool:
    """How something is delivered, not whether a version is to be had ("lieferbar", "in stock")."""
    return bool(question_aspects(text) & {"shipping", "freight"}) and not AVAILABILITY.search(text)


# a yes/no question ("Ist die Jacke wasserdicht?", "Can I use it for running?"): a verdict first
YES_NO = re.compile(
    r"^\W*(?:und\s+|and\s+)?(?:ist|sind|hat|haben|kann|können|darf|dürfen|passt|passen|hält|halten|geht|lässt|eignet|taugt|gibt es|brauche"
    r"|is|are|does|do|can|will|has|have|would|could|should|may)\b",
    re.I,
)


# the German noun "Stock" (a stick, a pole, a floor) after an article or a pronoun, not the English "stock"
_STOCK_NOUN = re.compile(r"\b(?:der|den|dem|des|ein|einen|einem|eines|dieser|diesen|diesem|jeder|meinen?|mein)\s+stock\w*", re.I)


def asked_info_aspects(text: str) -> list[str]:
    lowered = re.sub(r"\blager(?:n|t|ung)\b", " ", facts.LIGHT_NOUN.sub(" ", text.lower()))  # "lagern" is keeping, "auf Lager" stock
    lowered = _STOCK_NOUN.sub(" ", lowered)  # "Wie lang ist der Stock?": the stick, not what is in stock
    lowered = re.sub(r"\bstocking\w*", " ", lowered)  # "How long are the stockings?": hosiery, not what is in stock
    aspects = [a for a, words in INFO_ASPECTS.items() if any(re.search(rf"\b{re.escape(w)}", lowered) for w in words)]  # word starts: not "Luftreiniger"
    return [a for a in aspects if a != "weight"] if "max_load_kg" in facts.asked_attributes(text) else aspects


def feature_answer(product: Product, text: str, lang: str) -> str | None:
    """A question naming a version and a feature ("Does the 20 inch bike have gears?"), not
    asking whether it is in stock: answered from the product's text (None when it does not say)."""
    if AVAILABILITY.search(text):
        return None
    if not asked_features(text, product.name(lang)):  # "Will my 15.6 inch laptop fit?": the sentence with that figure
        # "12M in Dusty Pine?" names a version, no measure; "Wie viel Füllung brauche ich für 150 cm?"
        # asks a fact of that version: the sentence stating its figure answers
        said = figure_sentence(product, text if FACT_QUESTION.search(text) else without_values(product, text), lang)
        return say("text_quote", lang, product=product.name(lang), sentence=said) if said else None
    lines, known = answer_lines(product, text, lang)
    return " ".join(lines) if known else None


# a where / when / what / how-much question asks a fact of the version, not whether it is there:
# "Wo endet das Bein bei der kurzen Version?", "How much does the heavy one absorb?"
FACT_QUESTION = re.compile(
    r"^\W*(?:wo|woher|wohin|wann|woraus|womit|was|wie\s+(?:viel\w*|lang\w*|breit|hoch|dick|schwer|weit|tief|warm|laut)"
    r"|where|when|what(?:'s)?|how\s+(?:much|many|long|wide|high|tall|thick|heavy|far|deep|warm|loud))\b",
    re.I,
)


# a figure with its unit in a question: "15.6 inch", "6,7 Zoll", "3 mm"
_MEASURE = re.compile(r"(\d+(?:[.,]\d+)?)\s*-?(?:inch|inches|zoll|\"|mm|cm|m|l|liters?|litres?|kg|g)\b", re.I)


def without_values(product: Product, text: str) -> str:
    """The question without the option values it names as written ("12M in Dusty Fjord?", "der
    90 cm in Salbei"): a figure that names a version is no measure to look up in the text."""
    for asked in find_asked(product, text):
        for value in sorted({asked.wanted, *asked.values}, key=len, reverse=True):
            text = re.sub(rf"(?<![\w.,]){re.escape(value)}(?![\w.,]\w)", " ", text, flags=re.I) if value else text
    return text


def figure_sentence(product: Product, text: str, lang: str) -> str | None:
    """The sentence of the product's text stating the measure the shopper gave ("Will my 15.6 inch
    laptop fit?" -> "Padded laptop sleeve for laptops up to 15.6 inch."), None when none does."""
    figures = {m.group(1).replace(",", ".") for m in _MEASURE.finditer(text)}
    for sentence in product_sentences(product, lang) if figures else []:
        said = {n.replace(",", ".") for n in re.findall(r"(?<![\d.,])\d+(?:[.,]\d+)?(?![\d])", sentence.text)}
        if figures & said:
            return sentence.quoted
    return None


def without_name(question: str, product: Product) -> str:
    """The question without the product's name where it names it, two or more of its words in a
    row ("Luftklar Allergo H13", "die wasserdichte Fahrradtasche"): they say nothing about what is
    asked. A single word stays ("I have wide feet" on "Road Runner Wide")."""
    words = {w.lower() for title in product.title.values() for w in re.findall(r"\w+", title)}
    pieces = question.split()
    named = [bool(w) and w in words for w in (re.sub(r"\W", "", p).lower() for p in pieces)]
    run = [named[i] and ((i > 0 and named[i - 1]) or (i + 1 < len(named) and named[i + 1])) for i in range(len(pieces))]
    return " ".join("" if r else p for p, r in zip(pieces, run, strict=True))


def labelled(aspect: str, text: str, lang: str) -> str:
    """"Pflege: …" for the care text, unless the merchant's text starts with that label itself
    ("Pflege: Nur feucht abwischen" is not said as "Pflege: Pflege: …")."""
    labels = {say(aspect, code, text="").strip().rstrip(":").lower() for code in ("de", "en")}
    return text if text.split(":", 1)[0].strip().lower() in labels else say(aspect, lang, text=text)


def without_name_compounds(question: str, product: Product) -> str:
    """The question without the words of the product's name that are no need themselves:
    "Regenjacke" names the product and asks nothing about rain ("Kann ich die Regenjacke in der
    Waschmaschine waschen?"); "wide" of "Road Runner Wide" stays a need."""
    title = {w.lower() for text in product.title.values() for w in re.findall(r"[^\W\d_]+", text)}
    needs = {w for words in facts.ATTRIBUTE_WORDS.values() for w in words}
    return re.sub(r"[^\W\d_]+", lambda m: "" if m.group(0).lower() in title and m.group(0).lower() not in needs else m.group(0), question)


def names_feature(product: Product, feature: str) -> bool:
    """True when the product's text (any field, any language) names the feature (`catalog.features`)."""
    pattern = FEATURES[feature]
    return any(pattern.search(text) for field in ("title", *FIELDS) for text in (getattr(product, field, None) or {}).values())


def _verdict(product: Product, question: str, lang: str) -> str | None:
    """"Ja: wasserdicht …" when the product's facts decide the need or yes/no question."""
    verdicts = fit_checks.check_fit(product, question, lang)
    if not verdicts:
        return None
    overall = "no" if any(v.verdict == "no" for v in verdicts) else "partly" if any(v.verdict == "partly" for v in verdicts) else "yes"
    return say(f"fit_{overall}", lang, fact="; ".join(v.fact for v in verdicts if v.fact))


# a unit the question names ("How many Wh?", "wie viel bar?", "in Lumen"): the figure it asks for is in that unit
_ASKED_UNIT = re.compile(r"\b(kwh|wh|mah|pa|lm|lumen|lux|lx|kelvin|bar|db|rpm|watt|quadratmeter|qm)\b|(m²)", re.I)
_SQUARE = r"m²|m2|qm|quadratmeter|square met\w*"
_UNIT_FIGURE = {"lumen": "lm|lumen", "lm": "lm|lumen", "lux": "lx|lux", "lx": "lx|lux", "kelvin": "k|kelvin", "watt": "w|watt",
                "quadratmeter": _SQUARE, "qm": _SQUARE, "m²": _SQUARE}  # fmt: skip


def in_asked_unit(line: str, question: str) -> bool:
    """False when the question names a unit and the line states no figure in it ("How many Wh
    does the power bank have?" is not answered by "20,000 mAh")."""
    m = _ASKED_UNIT.search(question)
    if not m:
        return True
    unit = (m.group(1) or m.group(2)).lower()
    return bool(re.search(rf"\d\s*(?:{_UNIT_FIGURE.get(unit, re.escape(unit))})(?!\w)", line, re.I))


def typed_facts(product: Product, question: str, lang: str) -> list[str]:
    """The typed facts the question asks about that the product has, each with its source
    sentence quoted when it was read from the text (`facts.answered_facts`); none without a
    figure in a unit the question names."""
    if ORIGIN.search(question):  # "wo wird er hergestellt?" asks where, which no material answers
        return []
    question = without_kind(question, product)
    lines = [line for line in facts.answered_facts(product, question, lang).values() if line]
    return [f"{product.name(lang)}: {line}" for line in lines if in_asked_unit(line, question)]


def asks_own_part(product: Product, question: str) -> bool:
    """True when the question asks the size of a part that holds something and the product is
    not that part ("How big is the dust bin?" of a robot vacuum; not "How big is the bottle?" of a
    bottle): the whole product's capacity or dimensions do not answer it."""
    m = PART_HOLDING.search(question)
    title = " ".join(product.title.values()).lower()
    return bool(m) and m.group(0).split()[-1].lower().rstrip("s") not in title


def without_kind(question: str, product: Product) -> str:
    """The question without the words naming what the product is (`kind_words`): "Welche Anschlüsse
    hat die Powerbank?" asks about the ports, not the capacity a power bank is known by."""
    for kind in sorted(kind_words(product, catalog().config.categories.get(product.category)), key=len, reverse=True):
        question = re.sub(rf"(?<![\w-]){re.escape(kind)}(?![\w-])", "", question, flags=re.I)
    return question


def from_text(product: Product, question: str, lang: str) -> str | None:
    """The sentence of the product's text that answers the question; for a yes/no question
    about a feature the sentence names or denies, with "Ja." / "Nein." before it."""
    line, answers = quote(product, question, lang, catalog().embedder, catalog().config.categories)
    if line and YES_NO.search(question):
        name = product_name(product, lang, catalog().config.categories)
        verdict = feature_verdict(question, answers[0].sentence.text, name) or absence_verdict(question, answers[0].sentence.text, name)
        return say(f"feature_{verdict}", lang, quote=line) if verdict else line
    return line


# a sum of money in a product's text: "CHF 15.–", "15 €", "EUR 9,90"
_MONEY = re.compile(r"(?:CHF|EUR|USD|GBP|Fr\.|[€$£])\s?\d|\d(?:[\d'.,]*\d)?(?:[.,]–)?\s?(?:CHF|EUR|USD|GBP|Franken|Euro|[€$£])", re.I)
# the words asking for a price ("What does X cost?", "Was kostet …?")
_PRICE_WORDS = re.compile(r"^(?:cost\w*|kost\w*|price\w*|preis\w*|teuer\w*|expensive|günstig\w*|cheap\w*|charge\w*)$", re.I)


def priced_sentence(product: Product, question: str, lang: str) -> str | None:
    """The sentence of the product's text giving the price of something else the question names
    ("What does a battery change cost?" -> "Batteriewechsel in unserem Laden für CHF 15.–"), or None
    when the question asks the product's own price or no sentence prices what it names."""
    cat = catalog()
    name = product_name(product, lang, cat.config.categories)
    words = {w for w in content_words(without_name(question, product), name) if not _PRICE_WORDS.match(w)}
    sentences = [s for s in product_sentences(product, lang) if _MONEY.search(s.text)]
    if not words or not sentences:
        return None
    shared = finder(cat.embedder).shared_words(words, [s.text for s in sentences], name)
    best = max(range(len(sentences)), key=lambda i: shared[i])
    return sentences[best].quoted if shared[best] else None


def version_price(product: Product, question: str, lang: str, currency: str) -> str | None:
    """"Was kostet der Flink 22 mit Zweitakku?", "the 4-pack?": the price of the version the
    question names when the versions differ in price, else None (the product's price is said)."""
    if product.min_price == product.max_price or not (asked := find_asked(product, question)) or not all(a.values for a in asked):
        return None
    state = variant_state(product, asked)
    if state.price is None:
        return None
    values = ", ".join(a.values[0] for a in asked)
    return f"{product.name(lang)} ({values}): {money(state.price, lang, currency)}."


def version_stock(product: Product, question: str, lang: str, currency: str) -> str | None:
    """"Ist die 46,5 beim Dachstein noch zu haben?" taken for a product question: the state of the
    version the question names (only n left, sold out, not offered), not the product's overview."""
    if len(product.variants) < 2 or not (asked := find_asked(product, question)):
        return None
    return variant_reply(product, variant_state(product, asked), lang, currency)


def answer_lines(product: Product, question: str, lang: str, verdicts: bool = False) -> tuple[list[str], bool]:
    """(lines, known) answering a question about one product: a verdict from its facts (for a
    fit question, or any yes/no question), its typed facts, price, stock, materials, care,
    weight, the sentence of its text that answers it; else the closest sentence, said to be no
    clear answer, or "no information" (known False: the caller offers a person)."""
    name = product.name(lang)
    asked = without_name(question, product)  # "Luftklar Allergo" asks nothing about allergies
    if said := ingredient_answer(product, asked, lang):  # "Ist da Zucker drin?", "Is it halal?": what its text declares
        return said, True
    if verdicts or YES_NO.search(question):
        verdict = _verdict(product, without_name_compounds(asked, product), lang)
        if verdict:
            return [verdict], True
    if product.fit and "fit" in asked_aspects(asked):  # "Fällt der Schuh klein aus?": the fit, in the merchant's words
        return [f"{name}: {facts.fit_sentence(product, lang)}"], True
    if row := version_row(product, question, lang):  # "wie viel wiegt er in Long?": that version's row of its table
        return [say("text_quote", lang, product=name, sentence=row)], True
    if part := part_material(product, asked, lang):  # "What's the sweatband made of?": not the whole hat's material
        return [say("text_quote", lang, product=name, sentence=part)], True
    if at_level := level_answer(product, asked, lang):  # "auf der höchsten Stufe?": that setting's figure, not the headline value
        return [at_level], True
    if asked_features(asked, name) and (quoted := from_text(product, question, lang)):
        return [quoted], True  # "Läuft sie beim Waschen ein?" asks the shrinkage, not the washing temperature
    aspects = asked_info_aspects(question)
    kinds = asked_aspects(asked, name)
    if "dosage" in kinds:  # "Wie dosiere ich das Waschmittel?" asks no care instructions
        aspects = [a for a in aspects if a != "care"]
    if "spare" in kinds:  # "Can I buy a spare pump?": the product's own stock and price are not the part's
        aspects = [a for a in aspects if a not in ("price", "stock")]
    if "grammage" in kinds:  # "Wie schwer ist der Stoff?": the fabric's g/m², not the product's weight or material
        aspects = [a for a in aspects if a not in ("weight", "materials")]
    lines: list[str] = []
    missing = False
    unnamed = [key for key in asked_features(asked, name) if not names_feature(product, key)]
    if unnamed:  # "Is the kettle's lid made of plastic?": the kettle's material is not the lid's
        aspects = [a for a in aspects if a in ("price", "stock")]
    # "Ist ein Akku dabei?" asks whether it comes along ("Lieferung ohne Akku"), not the battery's hours
    # "Ladezeit?" is no runtime; "How big is the dust bin?" not the robot's size
    own_part = "capacity" in kinds and asks_own_part(product, asked)
    attributes = [] if unnamed or own_part or {"included", "charge_time", "dosage", "grammage"} & set(kinds) else typed_facts(product, asked, lang)
    if attributes:  # "how big a room can it clean?" is the room size, not the care text
        lines += attributes
        aspects = [a for a in aspects if a in ("price", "stock")]
    for aspect in aspects:
        if aspect == "price" and (priced := priced_sentence(product, question, lang)):  # "What does a battery change cost?"
            lines.append(say("text_quote", lang, product=name, sentence=priced))
        elif aspect == "price" and "price_unit" in kinds and (per := from_text(product, question, lang)):  # "for a pair or for one?"
            currency = catalog().config.store.currency
            lines += [per, version_price(product, question, lang, currency) or f"{name}: {facts.price_text(product, lang, currency)}."]
        elif aspect == "price":
            currency = catalog().config.store.currency
            lines.append(version_price(product, question, lang, currency) or f"{name}: {facts.price_text(product, lang, currency)}.")
        elif aspect == "stock":
            if said := version_stock(product, question, lang, catalog().config.store.currency):
                lines.append(said)
            elif product.total_stock > 0:
                status = facts.availability(product, lang)
                lines.append(say("stock_summary", lang, product=name, status=status) + " " + " ".join(x for x in (facts.sizes_line(product, lang), facts.colors_line(product, lang)) if x))
        elif aspect in ("materials", "care") and product.text(aspect, lang):
            lines.append(labelled(aspect, product.text(aspect, lang), lang))
        elif aspect == "weight" and product.attributes.get("weight_g") is not None:
            lines.append(f"{name}: {facts.attribute_phrase('weight_g', product.attributes['weight_g'], lang)}.")
        else:
            answered = from_text(product, question, lang)
            missing = missing or answered is None
            lines.extend([answered] if answered else [])
    if not aspects and not attributes:
        answered = from_text(product, question, lang)
        missing = answered is None
        lines.extend([answered] if answered else [])
    if missing:
        lines.append(closest(product, question, lang, catalog().embedder, catalog().config.categories) or say("fit_unknown_product" if verdicts else "no_info", lang, product=name))
    return lines, not missing
