"""A question taken for a size question that asks no size, fit or stock at all ("Ist der Schuh
komplett metallfrei?", "Can you embroider our logo on these?"): the detail answer from the
product's text, instead of the list of sizes in stock (`actions.sizing`, its last branch)."""

from __future__ import annotations

import re

from actions.product_answers import FACT_QUESTION as _FACT_QUESTION
from actions.product_answers import answer_lines
from actions.size_advice import ADVICE, BETWEEN_SIZES, FIT_QUESTION, USUAL, WHICH_SIZES
from catalog.models import Product
from catalog.option_names import names_option
from catalog.passages import asked_aspects
from catalog.variants import Asked, find_asked, option_values
from catalog.word_forms import asked_letters

# words of a question about the size, the fit or what is in stock: the size answer stays
_SIZE_OR_STOCK = re.compile(
    r"größe|grösse|\bsize|\bgr\.|nummer|passt|passen|\bfits?\b|\bfitting\b|länge|length|weite|\bwidth"
    r"|vorrätig|lieferbar|verfügbar|auf lager|erhältlich|ausverkauft|noch da|gibt es|haben sie|habt ihr"
    r"|in stock|available|sold out|do you have|do you still|come in|comes in",
    re.I,
)
# "welche" / "which" asks a size ("Welche nehme ich?") unless it asks another kind of fact ("Welche CE-Klasse hat sie?")
_WHICH = re.compile(r"\bwelche[nrs]?\b|\bwhich\b", re.I)
_SIZE_KINDS = {"size", "fit", "length", "width", "height", "stock", "availability", "variants"}


def asks_no_size(product: Product, text: str, lang: str) -> bool:
    """Whether the question names nothing of sizes, fit or stock (no cue word, no such aspect);
    "which" only when it asks no other kind of fact."""
    if any(p.search(text) for p in (_SIZE_OR_STOCK, ADVICE, FIT_QUESTION, USUAL, WHICH_SIZES, BETWEEN_SIZES)):
        return False
    kinds = set(asked_aspects(text, product.name(lang)))
    if _WHICH.search(text) and not kinds - _SIZE_KINDS:
        return False
    return not _SIZE_KINDS & kinds


# a size, a version or its stock named outright: the size answer stays ("Wie lang ist Größe 40?")
_SIZE_NAMED = re.compile(
    r"größe|grösse|\bsizes?\b|\bgr\.|nummer|vorrätig|lieferbar|verfügbar|auf lager|erhältlich|ausverkauft|gibt es|haben sie|habt ihr"
    r"|in stock|available|sold out|do you have|come in|comes in",
    re.I,
)
# the measures a question asks, and how an option measuring the same is named
_MEASURES = {
    "length": re.compile(r"läng|length|\blang|\blong\b", re.I),
    "width": re.compile(r"breit|weite|width|\bwide", re.I),
    "height": re.compile(r"höhe|height|\bhoch|\btall", re.I),
}
# an option value that is a measure ("5 m", "42 mm") or measures two ways ("135x200 cm")
_MEASURE_VALUE = re.compile(r"\d\s*(?:mm|cm|m|in|zoll|\")(?!\w)", re.I)
_TWO_WAYS = re.compile(r"\d\s*[x×]\s*\d", re.I)
# "Welche Farbe hat …?", "what colour is …?"
_COLOUR_ASKED = re.compile(r"\b(?:welche\w*|was für eine?|what|which)\s+(?:farben?|colou?rs?)\b|\bfarbe\b|\bcolou?r\b", re.I)


def asks_other_measure(product: Product, text: str, lang: str) -> bool:
    """A question naming no size, version or stock that asks a measure none of the product's
    options is ("How wide is the long line?" on one sold by length, "Wie breit ist der
    Spitzenabschluss?" on stockings sized 1 / 2), or its colour where it has no colour to choose:
    the product's text answers it, not the sizes in stock."""
    if any(p.search(text) for p in (_SIZE_NAMED, ADVICE, FIT_QUESTION, USUAL, WHICH_SIZES, BETWEEN_SIZES)):
        return False
    values = option_values(product)
    if _COLOUR_ASKED.search(text) and not (product.color_option and len(values.get(product.color_option, [])) > 1):
        return True
    asked = {m for m in set(asked_aspects(text, product.name(lang))) & set(_MEASURES) if _MEASURES[m].search(text)}
    return bool(asked - _option_measures(values))


def _option_measures(values: dict[str, list[str]]) -> set[str]:
    """The measures the product's options are: the one an option's name says ("Länge" of "5 m",
    "10 m"); every one for values measuring two ways ("135x200 cm") or measures under a name
    saying none ("Größe": "5 m")."""
    found: set[str] = set()
    for name, vs in values.items():
        named = {m for m, p in _MEASURES.items() if p.search(name)}
        if any(_TWO_WAYS.search(v) for v in vs) or (not named and any(_MEASURE_VALUE.search(v) for v in vs)):
            return set(_MEASURES)
        found |= named
    return found


def detail_instead(product: Product, text: str, lang: str) -> str | None:
    """The detail answer for a question that asks no size (None when it asks one, or when the
    product's text gives nothing to quote); for one asking another measure or the colour
    (`asks_other_measure`) also the closest sentence or "no information"."""
    if asks_other_measure(product, text, lang):
        lines, _ = answer_lines(product, text, lang)
        return " ".join(lines) or None
    if not asks_no_size(product, text, lang):
        return None
    lines, known = answer_lines(product, text, lang)
    asks_a_fact = bool(asked_aspects(text, product.name(lang)))  # "Is it Oeko-Tex certified?": "no information", not the sizes
    return " ".join(lines) if (known or asks_a_fact) and lines else None


# a question about the asked version's stock or order: its state answers ("Gibt es die in S?")
_STOCK = re.compile(
    r"vorrätig|lieferbar|verfügbar|auf lager|erhältlich|ausverkauft|noch da|gibt es|haben sie|habt ihr|bestell|kriege ich|bekomme ich"
    r"|gibt's|führen sie|in stock|available|sold out|do you (?:have|still|sell)|is there|are there|have you got|come in|comes in|\border\b"
    r"|can i get|kost\w*|preis|price|cost|\bda\s*\?+\s*$",
    re.I,
)
# kinds a version's state or the size answer covers
_STATE_KINDS = {"size", "fit", "price_unit", "use", "count"}
_SIZE_ASKED = {"size", "fit", "stock", "availability", "variants"}


def version_detail(product: Product, text: str, lang: str) -> str | None:
    """A question naming a version that asks one of its properties, not its stock ("Welche
    Klasse hat die Jacke in Größe S?", "what does VSS mean?"): the detail answer when the text
    states it, else None (the version's state answers)."""
    if _STOCK.search(text):
        return None
    kinds = set(asked_aspects(without_asked_options(product, text), product.name(lang)))
    fact_question = bool(_FACT_QUESTION.search(text)) and not kinds & _SIZE_ASKED
    if not asked_letters(text) and not kinds - _STATE_KINDS and not fact_question:
        return None
    lines, known = answer_lines(product, text, lang)
    if lines and not known and fact_question and _quotes_version(product, text, lines[0]):
        return lines[0]  # the closest sentence names the asked version: "Heavy: bis zu 30 ml"
    return " ".join(lines) if known and lines else None


def _quotes_version(product: Product, text: str, line: str) -> bool:
    """Whether the quoted sentence names the value of the version asked (a word of three letters or more)."""
    quoted = re.findall(r"[„“\"]([^“”\"]+)[“”\"]", line)
    values = {v for a in find_asked(product, text) for v in (a.wanted, *a.values) if isinstance(v, str) and len(v) >= 3}
    return any(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", q, re.I) for q in quoted for v in values)


# an option named by the measure it is sold by, in German and English: "length" names "Länge"
_MEASURE_NAMES = {"länge": ("länge", "length"), "laenge": ("länge", "length"), "weite": ("weite", "width"),
                  "breite": ("breite", "width"), "höhe": ("höhe", "height"), "hoehe": ("höhe", "height"),
                  "größe": ("größe", "size"), "stärke": ("stärke", "strength"), "umfang": ("umfang", "circumference")}  # fmt: skip


def _names_asked_option(word: str, asked: list[Asked]) -> bool:
    """Whether a word of the question names an option whose value the question asks: the option's
    name ("Saugstärke Medium"), the measure it ends in, in either language ("the extra long
    length" of "Länge"), or a word of its kind (`catalog.option_names`)."""
    word = word.lower()
    for a in asked:
        name = a.option.lower()
        if word == name or names_option(word, a.option):
            return True
        if any(name.endswith(end) and word.rstrip("s") in words for end, words in _MEASURE_NAMES.items()):
            return True
    return False


def without_asked_options(product: Product, text: str) -> str:
    """The question without the words that only name the option of a value it asks ("Burgundy in
    the extra long length?" asks the version of that length, not how long it is)."""
    asked = [a for a in find_asked(product, text) if a.values]
    if not asked:
        return text
    return re.sub(r"[^\W\d_]+", lambda m: " " if _names_asked_option(m.group(0), asked) else m.group(0), text)


# a size system named before or after a number ("UK 8", "38 EU"): a conversion may be asked
_SYSTEM_WORD = re.compile(r"(?<![^\W\d_])(?:uk|us|eu|it|fr|inch|zoll)(?![^\W\d_])", re.I)


def own_version_asked(product: Product, text: str) -> bool:
    """"42R in Mid Grey available?" on a suit sized "42R": a version asked by the product's own
    size as written, in stock or with another option, naming no size system: its state answers,
    not a general conversion of that size."""
    if _SYSTEM_WORD.search(text):
        return False
    asked = [a for a in find_asked(product, text) if a.values]
    own = any(a.kind == "size" and any(re.search(rf"(?<![\w.,]){re.escape(v)}(?![\w.,]\w)", text, re.I) for v in a.values) for a in asked)
    return own and (bool(_STOCK.search(text)) or len(asked) > 1)


# words that ask only whether a version is there
_IN_STOCK = re.compile(r"vorrätig|lieferbar|verfügbar|auf lager|ausverkauft|noch da|in stock|available|sold out|\bda\s*\?+\s*$", re.I)


def asks_stock(text: str) -> bool:
    """"Nachtblau in 245 Länge da?": whether a version is in stock, not a measure of it."""
    return _IN_STOCK.search(text) is not None
