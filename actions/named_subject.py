"""Off a product page, a detail question that names its product by one word of the product's
name ("Wo wird das Smokinghemd genäht?", "where are the chelsea boots made?", "Ist das Futter
des Trenchcoats herausnehmbar?"): the name is long, so the mention is too small a share of it
for `find_named`, and the question went to the search. Here a word of the question that only
one product's name has — as written, without a plural or genitive ending, or as two name words
written together ("Kaschmirpullover" for "Kaschmir-Pullover", "Trenchcoat" for "Trench Coat") —
names that product, and the question is answered from its text."""

from __future__ import annotations

import re

from actions.context import catalog, metadata, named_products, text_of
from actions.product_answers import asks_shipping
from catalog.language import STOPWORDS
from catalog.models import Product
from catalog.names import NameIndex, title_tokens, tokens
from catalog.naming import names_a_product
from catalog.off_task import asks_other_task
from catalog.policy_aspects import rule_topic

# a question about a thing, not a request for products: how German and English ask a fact
_QUESTION = re.compile(
    r"^\W*(?:wie|was|wo|woher|woraus|womit|wann|ist|sind|hat|haben die|kann|lässt|how|what|where|when|is|are|does|do|has|can)\b", re.I
)
# asks for products (or which of several): the search answers
_WANTS_PRODUCTS = re.compile(
    r"\b(?:welche\w*|which|habt ihr|haben sie|hast du|gibt es|gibt's|führ\w+ ihr|führen sie|verkauf\w+|suche\w*|zeig\w*|empfehl\w*"
    r"|andere\w*|alternative\w*|ähnlich\w*|günstiger\w*|billiger\w*|do you (?:have|sell|carry|stock)|have you got|show me|looking for"
    r"|recommend\w*|other|another|alternatives?|similar|cheaper|any)\b",
    re.I,
)
# a question to the shop (a service, its rules, delivery) or between two products: not a detail of one
_NOT_A_DETAIL = re.compile(
    r"\b(?:can|could|will|would|do) you\b|\b(?:könnt|macht|bietet|habt) ihr\b|\bbei euch\b|\b(?:können|machen|bieten) sie\b"
    r"|unterschied|difference|vergleich|compare|\bvs\.?\b|\boder\b|\bor\b|\bbesser|\bbetter\b",
    re.I,
)
# plural and genitive endings a name word takes in a question ("Bermudas", "des Trenchcoats", "boots")
_ENDINGS = ("es", "s", "en", "n", "e")
MIN_WORD = 4  # shorter words name nothing alone
MIN_PART = 3  # the shorter part of two name words written together


def _forms(word: str) -> list[str]:
    """The word and its forms without a plural or genitive ending."""
    return [word, *(word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= MIN_WORD)]


def _joined(names: NameIndex, word: str, products: dict[str, Product]) -> set[str]:
    """Products whose name has two neighbouring words that, written together, are `word`."""
    found: set[str] = set()
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        for pid in names.names.get(head, frozenset()) & names.names.get(tail, frozenset()):
            product = products.get(pid)
            if product and any(_adjacent(title, head, tail) for title in product.title.values()):
                found.add(pid)
    return found


def _adjacent(title: str, head: str, tail: str) -> bool:
    words = tokens(title)
    return any(a == head and b == tail for a, b in zip(words, words[1:], strict=False))


def _named_by(word: str, names: NameIndex, products: dict[str, Product]) -> set[str]:
    """The products a question word names (an empty set when it names none or is too common)."""
    for form in _forms(word):
        ids = set(names.names.get(form, frozenset())) or _joined(names, form, products)
        if ids:
            return ids
    return set()


def named_subject(text: str) -> Product | None:
    """The one product a detail question off a page names by a word only its name has; None for
    a request for products, a word more names share, or two products named."""
    if not _QUESTION.search(text) or _WANTS_PRODUCTS.search(text) or _NOT_A_DETAIL.search(text) or len(tokens(text)) < 3:
        return None
    if rule_topic(text) or asks_shipping(text) or asks_other_task(text):  # "Kann ich das Hemd zurückgeben?": the shop's rule answers
        return None
    cat = catalog()
    names: NameIndex = cat.names
    products: dict[str, Product] = cat.products
    words = [w for w in dict.fromkeys(tokens(text)) if len(w) >= MIN_WORD and w not in STOPWORDS and names_a_product(w)]
    named = {w: _named_by(w, names, products) for w in words}
    found = set().union(*(ids for ids in named.values() if len(ids) == 1))
    if len(found) != 1:
        return None
    if any(ids and not ids & found and w not in names.generic for w, ids in named.items()):  # "the Lille Bjørn teddy overall": others' words
        return None
    product = cat.get(next(iter(found)))
    if product is None or _other_model(text, product):
        return None
    return product


def _other_model(text: str, product: Product) -> bool:
    """The question gives a number and the name has numbers, none of them that one: another model
    ("Wann kommt der Klangwerk ANC 900?" of the "Klangwerk ANC 700")."""
    asked = {t for t in tokens(text) if t.isdigit()}
    own = {t for t in title_tokens(product) if t.isdigit()}
    return bool(asked and own and not asked & own)


def subject_off_page(tracker) -> Product | None:  # noqa: ANN001
    """`named_subject` of the message when it is sent off a product page and `find_named` names nothing."""
    if metadata(tracker).get("product_id") or named_products(tracker, limit=1):
        return None
    return named_subject(text_of(tracker))
