"""Yes / no on what a food, drink, cosmetic or drugstore product contains or is labelled, from its
own text (`catalog.ingredients`): "Ist da Zucker drin?", "Is it gluten-free?", "Does it contain
silicones?", "Ist die Salami halal?", "Darf ich den Tee in der Schwangerschaft trinken?".

The verdict only says what the text says: "frei von" / "free from" only when the text claims it;
an ingredient list that does not name the substance is said to be just that; "kann Spuren …
enthalten" is quoted, neither yes nor no. When the text says nothing on it: None (the caller's
honest "our product data doesn't say")."""

from __future__ import annotations

import re

from actions.texts import join, say
from catalog import ingredients as ing
from catalog.models import Product
from catalog.passages import FIELDS

_T: dict[str, dict[str, str]] = {
    "names": {"de": "{verdict}die {list} von {product} nennt {items}: „{text}“",
              "en": "{verdict}the {list} of {product} names {items}: “{text}”"},
    "not_named": {"de": "{verdict}{Name} kommt in der {list} von {product} nicht vor (eine ausdrückliche Angabe dazu macht der Text nicht): „{text}“",
                  "en": "{verdict}the {list} of {product} does not name {name} (the text makes no explicit claim about it): “{text}”"},
    "traces": {"de": "Laut Produktbeschreibung von {product} kann es Spuren enthalten: „{text}“",
               "en": "The description of {product} says it may contain traces: “{text}”"},
}  # fmt: skip
_LIST_NAMES = {"inci": ("INCI-Liste", "INCI list"), "zusammensetzung": ("Zusammensetzung", "composition"),
               "composition": ("Zusammensetzung", "composition")}  # fmt: skip
_VERDICT = {
    ("yes", "de"): "Ja – ",
    ("yes", "en"): "Yes – ",
    ("no", "de"): "Nein – ",
    ("no", "en"): "No – ",
}
# a question asking whether it is free of something ("glutenfrei?", "without parabens?"), not whether it contains it
_ASKS_FREE = re.compile(
    r"frei\b|free\b|\bohne\b|\bwithout\b|unscented|unperfumed|unparfümiert|duftneutral|entkoffeiniert|decaf",
    re.I,
)
# a question asking what, how or which ("Wie ist der Duft?", "Welche Allergene?"), not whether
_W_QUESTION = re.compile(
    r"^\W*(?:wie|was|welche\w*|wo|woher|wann|warum|wieso|weshalb|how|what|which|where|when|why)\b",
    re.I,
)
# how much of it, not whether: "Wie viel Zucker pro 100 g?", "How much alcohol?", "Koffeingehalt?"
_ASKS_AMOUNT = re.compile(
    r"wie ?viel|how (?:much|many)|gehalt|anteil|content\b|\bper 100|\bpro 100|%|\bmg\b|kcal|welche[rns]? menge",
    re.I,
)


def _texts(product: Product, lang: str) -> list[str]:
    """Each field of the product's text in the shopper's language where written, else the other."""
    out = []
    for field in FIELDS:
        value = getattr(product, field, None) or {}
        if value:
            out.append(value.get(lang) or next(iter(value.values())))
    return out


def _quote(product: Product, sentences: list[str], lang: str, verdict: str | None) -> str:
    line = say("text_quote", lang, product=product.name(lang), sentence=" … ".join(sentences[:2]))
    return say(f"feature_{verdict}", lang, quote=line) if verdict else line


def _list_name(label: str, lang: str) -> str:
    de, en = _LIST_NAMES.get(label.lower(), ("Zutatenliste", "ingredient list"))
    return de if lang == "de" else en


def substance_line(product: Product, substance: str, asks_free: bool, lang: str) -> str | None:
    """The answer on one substance: a free claim, a declaration or the list naming it, traces,
    the list not naming it; None when the text says nothing on it."""
    texts = _texts(product, lang)
    sentences = ing.sentences_of(texts)
    has, lacks = ("no", "yes") if asks_free else ("yes", "no")
    free = [s for s in sentences if ing.states_free(substance, s)]
    if free:
        return _quote(product, free, lang, lacks)
    declared = [s for s in sentences if ing.declares(substance, s)]
    lists = ing.ingredient_lists(texts)
    for lst in lists:
        items = [item for item in lst.items if ing.names(substance, item)]
        if items:
            verdict = _VERDICT[(has, lang)]
            return _T["names"][lang].format(verdict=verdict, list=_list_name(lst.label, lang), product=product.name(lang),
                                            items=join(items[:4], lang), text=lst.text)  # fmt: skip
    if declared:
        return _quote(product, declared, lang, has)
    traces = [s for s in sentences if ing.states_traces(substance, s)]
    if traces:
        return _T["traces"][lang].format(product=product.name(lang), text=" … ".join(traces[:2]))
    if lists:
        de, en = ing.SUBSTANCES[substance][:2]
        name = de if lang == "de" else en
        verdict = "" if asks_free else _VERDICT[("no", lang)]
        line = _T["not_named"][lang].format(verdict=verdict, Name=name, name=name, list=_list_name(lists[0].label, lang),
                                            product=product.name(lang), text=lists[0].text)  # fmt: skip
        return line[0].upper() + line[1:]
    return None


def claim_line(product: Product, claim: str, lang: str) -> str | None:
    """The answer on a label (vegan, organic, halal, pregnancy …): the sentences naming it, with a
    yes / no where they affirm or deny it; a vegan product is vegetarian too."""
    sentences = ing.sentences_of(_texts(product, lang))
    found = ing.claim_sentences(claim, sentences)
    if not found and claim == "vegetarian":
        found = [(s, v) for s, v in ing.claim_sentences("vegan", sentences) if v == "yes"]
    if not found and claim in ("vegan", "vegetarian"):
        return animal_line(product, claim, lang)
    if not found:
        return None
    verdicts = {v for _, v in found}
    verdict = "no" if "no" in verdicts else "yes" if verdicts == {"yes"} else None
    return _quote(
        product, [s for s, v in found if v == verdict] or [s for s, _ in found], lang, verdict
    )


def animal_line(product: Product, claim: str, lang: str) -> str | None:
    """ "Nein – die Zutatenliste nennt Honig" when the list names what no vegan (vegetarian) product
    holds; None otherwise (the list is no vegan claim)."""
    pattern = ing.NOT_VEGAN if claim == "vegan" else ing.NOT_VEGETARIAN
    for lst in ing.ingredient_lists(_texts(product, lang)):
        items = [
            item
            for item in lst.items
            if pattern.search(item)
            or (claim == "vegan" and (ing.names("milk", item) or ing.names("egg", item)))
        ]
        if items:
            return _T["names"][lang].format(verdict=_VERDICT[("no", lang)], list=_list_name(lst.label, lang), product=product.name(lang),
                                            items=join(items[:4], lang), text=lst.text)  # fmt: skip
    return None


def ingredient_answer(product: Product, question: str, lang: str) -> list[str]:
    """The lines answering whether the product contains a substance or carries a label the
    question names; [] when it asks none, asks an amount, or the text says nothing on it."""
    if _ASKS_AMOUNT.search(question) or _W_QUESTION.search(question):
        return []
    title = {w.lower() for text in product.title.values() for w in re.findall(r"\w+", text)}
    unnamed = " ".join(
        w for w in re.findall(r"[\w-]+", question) if w.lower() not in title
    )  # "Vollmilchschokolade" asks nothing about milk
    claims, substances = ing.asked_claims(question), ing.asked_substances(unnamed)
    asks_free = bool(_ASKS_FREE.search(question))
    lines = [line for claim in claims if (line := claim_line(product, claim, lang))]
    lines += [
        line
        for substance in substances
        if (line := substance_line(product, substance, asks_free, lang))
    ]
    return (
        lines if len(lines) == len(claims) + len(substances) else []
    )  # a part the text leaves open: the usual answer
