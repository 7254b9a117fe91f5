"""Answers quoted from a product's own text (`catalog.passages`), for the questions no
structured fact answers, and the merchant's fit advice for size answers."""

from __future__ import annotations

import re
import threading

from actions.texts import say
from catalog.embedder import Embedder, VectorCache
from catalog.features import TOPICS, denies, denies_word, plainly_states
from catalog.models import Product
from catalog.passages import (
    CLOSEST_SIMILARITY,
    Answer,
    PassageFinder,
    asked_aspects,
    asked_features,
    content_words,
    names_features,
    product_sentences,
    states_aspect,
)
from catalog.variants import find_asked, option_values
from catalog.word_forms import KINDS_MARK

SENTENCE_VECTORS = VectorCache()  # product text sentences, embedded once per action-server process
_finders: dict[str, PassageFinder] = {}
_lock = threading.Lock()
# what a question about the fit of a product says, to find the merchant's fit advice
FIT_QUESTION = {"de": "Wie fällt das Modell aus, klein oder groß?", "en": "Does it run small or large?"}

# "tell me more", "Details bitte", "what is it?": a request for the whole product, not one fact
_GENERAL = re.compile(
    r"^\W*(?:(?:bitte\s+)?(?:mehr|details?|infos?|informationen)\b"
    r"|(?:erzähl|erzählen|sagen|zeig)\w*\s+(?:sie\s+)?(?:mir\s+)?(?:mehr|etwas|was)\b"
    r"|(?:tell|show)\s+me\s+(?:more|about)|more\s+(?:info|details)|details?\s+(?:please|on|about)"
    r"|(?:what\s+is|what's|was\s+ist)\s+(?:the|this|that|it|das|der|die|dieser|dieses)?\s*\W*$)",
    re.I,
)


def finder(embedder: Embedder) -> PassageFinder:
    found = _finders.get(embedder.name)
    if found is None:
        with _lock:
            found = _finders.setdefault(embedder.name, PassageFinder(embedder, SENTENCE_VECTORS))
    return found


def general_request(text: str, name: str = "") -> bool:
    """True for "tell me more about it", "Details bitte", "what is the <name>?"."""
    if name:
        text = re.sub(re.escape(name), " ", text, flags=re.I)
    return bool(_GENERAL.search(text.strip()))


def kind_words(product: Product, category: object) -> list[str]:
    """The words of the store's category (its synonyms) that name what this product is: those its
    title or tags carry, whole or as the last part of a compound ("Kopfhörer" of the tag, "strip" of
    "LED-Strip", "Leuchtstreifen"). "Unterstützt der Kopfhörer LDAC?" asks about LDAC, not headphones."""
    named = (*product.title.values(), *product.tags)
    own = {w.lower() for text in named for w in re.findall(r"[^\W\d_]{3,}", text.replace("-", " "))} | {t.lower() for t in named}
    own |= {re.sub(r"[\s-]", "", o) for o in own}  # "power bank" is the "Powerbank"

    def names(word: str) -> bool:
        return any(o == word or (len(word) >= 4 and o.endswith(word)) for o in own)

    return [s for s in getattr(category, "synonyms", None) or [] if names(s.lower()) or names(re.sub(r"[\s-]", "", s.lower()))]


def product_name(product: Product, lang: str, categories: dict) -> str:
    """What names the product in a question: its title, its category in both languages
    ("wo wird der Schuh hergestellt?" on "TrailRunner GTX" is not about shoes) and the category's
    words for what it is (`kind_words`)."""
    category = categories.get(product.category)
    if not category:
        return product.name(lang)
    kinds = ", ".join(kind_words(product, category))
    return f"{product.name(lang)} ({category.de}, {category.en})" + (KINDS_MARK + kinds if kinds else "")


def feature_verdict(question: str, sentence: str, name: str = "") -> str | None:
    """"yes" / "no" when a yes/no question asks about features (`catalog.features`) and the
    quoted sentence names every one of them ("Are these wellies lined?" -> "Ungefüttert.": no);
    None when it leaves one out or names one both ways (then the quote alone answers)."""
    asked = asked_features(question, name)
    if not asked or not all(states_aspect(sentence, [key]) for key in asked):
        return None
    denied = [denies(sentence, key) for key in asked]
    if None in denied:
        return None
    if True in denied:
        return "no"
    if TOPICS & set(asked):  # "Does it shrink?" -> "shrinkage is below 3 %": the quote alone
        return None
    return "yes" if all(plainly_states(sentence, key) for key in asked) else None


# a question that says "without" itself ("Can I buy it without a battery?"): a sentence saying "ohne Akku" is no "no"
_NEGATED_QUESTION = re.compile(r"\b(?:ohne|kein\w*|nicht|without|not|no|\w+n['’]t)\b", re.I)
# a question whether it has or comes with a thing ("Ist ein Akku dabei?", "Does it have a lid?", "Kommt er mit Ladegerät?")
_HAS = re.compile(r"^\W*(?:und\s+|and\s+)?(?:hat|haben|has|have|does\s+(?:it|this|that|the\s+\w+)\s+(?:have|come)|do\s+(?:they|these|the\s+\w+)\s+(?:have|come)"
                  r"|kommt|kommen|comes?)\b", re.I)


def absence_verdict(question: str, sentence: str, name: str = "") -> str | None:
    """"no" when a yes/no question asks whether a thing comes along or is there ("Ist bei der Solo-Variante
    ein Akku dabei?", "Does it have a charger?") and the quoted sentence plainly denies it ("Die Variante
    Solo wird ohne Akku … geliefert", "Battery and charger not included"); else None."""
    if _NEGATED_QUESTION.search(question) or not ("included" in asked_aspects(question, name) or _HAS.search(question)):
        return None
    return "no" if any(denies_word(sentence, word) for word in content_words(question)) else None  # "Akku" of "Akku-Bohrschrauber" too


def quote(product: Product, question: str, lang: str, embedder: Embedder, categories: dict | None = None) -> tuple[str | None, list[Answer]]:
    """("The description of X says: “…”", the sentences) when the product's text answers the
    question, else (None, []). `categories`: the store's, to name the product's category."""
    answers = finder(embedder).answer(product, question, lang, name=product_name(product, lang, categories or {}))
    if not answers:
        return None, []
    sentence = " … ".join(dict.fromkeys(a.sentence.quoted for a in answers))
    return say("text_quote", lang, product=product.name(lang), sentence=sentence), answers


def closest(product: Product, question: str, lang: str, embedder: Embedder, categories: dict | None = None) -> str | None:
    """Below the answer threshold: the closest sentence of the product's text, said to be no
    clear answer and with the offer of a person; None when nothing comes near
    (`catalog.passages.CLOSEST_SIMILARITY`, bench/README.md)."""
    answers = finder(embedder).answer(product, question, lang, limit=1, name=product_name(product, lang, categories or {}), threshold=CLOSEST_SIMILARITY)
    if not answers:
        return None
    return say("text_closest", lang, product=product.name(lang), sentence=answers[0].sentence.quoted)


def fit_advice(product: Product, lang: str, embedder: Embedder) -> str | None:
    """The merchant's own words on how the product fits: the fit notes, the sentence a fit fact
    was read from, or the description sentence about the fit."""
    notes = product.fit_notes or {}
    if notes.get(lang):
        return notes[lang]
    if notes:  # written in the other language: quoted as the merchant's words
        return say("fit_advice_quote", lang, sentence=next(iter(notes.values())))
    source = (getattr(product, "fact_sources", None) or {}).get("fit")
    if isinstance(source, dict) and source.get("text"):
        return say("fit_advice_quote", lang, sentence=source["text"])
    sentences = [s for s in product_sentences(product, lang) if states_aspect(s.text, ["fit"])]
    if not sentences:
        return None
    answers = finder(embedder).answer(product, FIT_QUESTION[lang], lang, limit=1)
    if answers and states_aspect(answers[0].sentence.text, ["fit"]):
        return say("fit_advice_quote", lang, sentence=answers[0].sentence.text)
    return None


def _starts_with(sentence: str, value: str) -> bool:
    return re.match(rf"{re.escape(value)}(?![^\W_])", sentence, re.I) is not None


def version_row(product: Product, question: str, lang: str) -> str | None:
    """The row of the product's own table for the version the question names, with the table's
    header line: "Does the 16 inch one have gears?" -> "Laufradgröße … Schaltung … 16 Zoll …
    ohne, Rücktrittbremse", not the 20- and 24-inch rows; "in Long?" the Long row's weight, not
    a weight of the product as a whole. None when the question names no version, its text has
    no row per version, or the row and its header do not state what is asked."""
    aspects = asked_aspects(question, product.name(lang))
    if not aspects:
        return None
    sentences = [s.text for s in product_sentences(product, lang)]
    values = option_values(product)
    for asked in find_asked(product, question):
        if len(asked.values) != 1:
            continue
        rows = [i for i, s in enumerate(sentences) if any(_starts_with(s, v) for v in values.get(asked.option, ()))]
        keyed = {v for v in values.get(asked.option, ()) if any(_starts_with(sentences[i], v) for i in rows)}
        row = next((i for i in rows if _starts_with(sentences[i], asked.values[0])), None)
        if row is None or len(keyed) < 2:  # one sentence naming a version is no table
            continue
        first = rows[0]
        header = sentences[first - 1] if first > 0 and first - 1 not in rows and not re.search(r"\d", sentences[first - 1]) else ""
        text = f"{header} … {sentences[row]}" if header else sentences[row]
        if states_aspect(text, aspects) and names_features(text, aspects):
            return text
    return None
