"""Which product a message on a product page is about.

On a product page the page's product wins. Another product takes its place only when the message
names it clearly by a part of its name the page's product does not share: not a word of the page
product's own name ("recovery" of "Foam Roller Recovery" on its page is that roller, not the
"Kompressionsstrümpfe Recovery"), not a material or a feature the page product has. A message that
also points at the page ("here", "this one", "these boots", "hier", "diese") or names it by a word
the other product's name does not have ("Ist die Jammer chlorresistent?") is about the page's
product; the other product it names is the reference ("I have your Trailrunner Lite in 42 — which
size here?") or the one it is compared with. So is a message naming the page's kind in the other
language or by a compound's last part when the other product is of another kind ("the travel
support tights" on the "Stützstrumpfhose Reise"), the page product's name shortened
("Kinderhelm" of "Kinderreithelm"), one naming the other product only by what the shopper owns
or wears ("meinem Pony", "ich trag nen Rückenprotektor") or only by words the page product's own
text says ("passend für Kradlink K20"), and one naming both. A colour word or one of the page
product's option values names no other product ("XL in white?").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from catalog.extract_words import MATERIALS
from catalog.features import FEATURES, features
from catalog.lexicon import find_colors
from catalog.models import Product
from catalog.names import title_tokens
from catalog.shop_words import kind_names, other_language

# words pointing at the product in front of the shopper
_WORD = r"[A-Za-zÄÖÜäöüß0-9]+"
_HERE = re.compile(r"\b(?:here|this|these|hier|diese[mnrs]?|dieses)\b", re.I)


def points_at_page(text: str) -> bool:
    """Whether the message points at the page: "which size here?", "this one", "these boots", "hier"."""
    return bool(_HERE.search(text))


def spelt_out(product: Product, text: str) -> bool:
    """Every word of one of the product's titles is in the text ("Running Belt Zip")."""
    said = set(re.findall(r"\w+", text.lower()))
    return any(set(re.findall(r"\w+", title.lower())) <= said for title in product.title.values())


def without_page_features(text: str, page: Product) -> str:
    """The message without its words naming a material, or a feature the page's product has in
    its own text: "Do the tights have a zip pocket?" on the tights' page asks about their zip
    pocket, not about the "Running Belt Zip"; "Sind die Socken aus Merino?" not about the
    "Merino Laufshirt"."""
    own = " ".join(t for field in ("description", "materials", "care") for t in (getattr(page, field) or {}).values())
    for key in features(text):
        if FEATURES[key].search(own):
            text = FEATURES[key].sub(" ", text)
    for _, rule, _ in MATERIALS:  # "Sind die Socken aus Merino?" asks what the socks are made of
        text = rule.sub(" ", text)
    return text


# letters a compound has beyond its first part: "Rinder|kopfhaut", not "Rind|er"
_REST = 4


def without_page_words(text: str, page: Product) -> str:
    """The message without the words naming a part of a compound of the page product's name:
    its kind as the last part ("der Tisch" on "Wachsmit Kinderschreibtisch" is that desk, not
    the "Mini Tisch & Stuhl Set"), or what it is made of as the first ("das Rind" on "Kaustangen
    Rinderkopfhaut" is that hide's cattle, not the "Nassfutter Katze Rind pur"). A whole word of
    its name stays ("the TrailRunner Lite")."""
    parts = {w.lower() for title in page.title.values() for w in re.findall(r"\w{4,}", title)}

    def kind(word: str) -> bool:
        return any(p != word and (p.endswith(word) or p.startswith(word) and len(p) - len(word) >= _REST) for p in parts)

    return re.sub(r"\w{4,}", lambda m: " " if kind(m.group(0).lower()) else m.group(0), text)


def _owned(word: str, own: set[str]) -> bool:
    return word in own or (len(word) >= 5 and any(len(t) >= 5 and (fuzz.ratio(word, t) >= 85 or shortened(word, t)) for t in own))


_PART = 4  # letters of a compound's first and last part kept in its short form


def shortened(word: str, name_word: str) -> bool:
    """`word` is `name_word`, a compound, with a middle part left out: "Kinderhelm" of
    "Kinderreithelm", "Damenjacke" of "Damenregenjacke"."""
    if len(word) < 2 * _PART or len(name_word) <= len(word):
        return False
    head = next((i for i, (a, b) in enumerate(zip(word, name_word, strict=False)) if a != b), len(word))
    tail = next((i for i, (a, b) in enumerate(zip(reversed(word), reversed(name_word), strict=False)) if a != b), len(word))
    return head >= _PART and tail >= _PART and head + tail >= len(word)


def _stem(word: str) -> str:
    """A kind word without its plural ending, to match "boot" with "boots", "Helme" with "Helm"."""
    if len(word) > 5 and word.endswith("en"):
        return word[:-2]
    return word[:-1] if len(word) > 4 and word.endswith(("s", "e", "n")) else word


def kinds(product: Product) -> set[str]:
    """The product's kind in its name's other language, as stems ("boot" of "Lederreitstiefel")."""
    return {_stem(k) for t in title_tokens(product) if len(t) >= 4 for k in kind_names(t)}


def without_page_kind(text: str, page: Product) -> str:
    """The message without the words naming the page product's kind or what it is for in the other
    language: "which boot size?" on the "Lederreitstiefel Prinzipal" asks about those boots, not
    about the "Country Riding Boot"; "the travel kettle" on the "Reisewasserkocher Mini" is that
    kettle, not the "Travel Steamer"."""
    own = kinds(page) | {_stem(w) for t in title_tokens(page) if len(t) >= 4 for w in other_language(t) if " " not in w}
    return re.sub(_WORD, lambda m: " " if _stem(m.group(0).lower()) in own else m.group(0), text)


def names_page_kind(text: str, page: Product, others: list[Product]) -> bool:
    """The message names the page product's kind — in the other language, or a compound's last part
    ("die Hose" of "Reithose") — and no other product it names is of that kind: "Which size of the
    travel support tights?" on the "Stützstrumpfhose Reise" is about those tights, not the
    "Sport-BH Flow Medium Support"."""
    page_words = {t for t in title_tokens(page) if len(t) >= 4}
    page_kinds = kinds(page)

    def of_kind(word: str, product: Product) -> bool:
        names = {t for t in title_tokens(product) if len(t) >= 3}
        return _stem(word) in kinds(product) | {_stem(t) for t in names} or any(len(t) > len(word) and t.endswith(word) for t in names)

    for m in re.finditer(_WORD, text):
        word = m.group(0).lower()
        if len(word) < 3 or word in page_words:
            continue
        head = len(word) >= 4 and any(len(t) >= len(word) + 3 and t.endswith(word) for t in page_words)
        if (head or _stem(word) in page_kinds) and not any(of_kind(word, p) for p in others):
            return True
    return False


def told_on_page(text: str, page: Product, others: list[Product]) -> bool:
    """Each other product is named only by words the page product's own text says ("CE EN 13594
    Level 1", "passend für Kradlink K10 und K20", "Kompatibel mit dem K10"): "battery life on level
    1?" on the heated gloves asks their heat level, not the "Back Protector Insert Level 1"; "Passt
    da ein Kradlink K20 rein?" on a helmet asks about the helmet, the intercom is the reference."""
    said = set(re.findall(r"\w+", text.lower()))
    own = {w for field in ("description", "materials", "care") for t in (getattr(page, field) or {}).values() for w in re.findall(r"\w+", t.lower())}
    for other in others:
        named = {w for w in title_tokens(other) if w in said and len(w) > 1} - title_tokens(page)
        if not named or not named <= own:
            return False
        if any(re.search(r"\d", w) for w in named) and not _POINTS_HERE.search(text):
            return False  # "What is the range of the Kradlink K10?" on the K20's page asks about the K10
    return True


# a word pointing at the page's product beside a model code the page's text names: "Passt da eine
# Funkbox T5 rein?", "Does it work with the K10?"
_POINTS_HERE = re.compile(
    r"\b(?:da|hier|dafür|damit|dazu|darin|drin|rein|dran|er|sie|es|ihn|ihm|it|its|this|these|they|them|here)\b", re.I
)


# "mein Pony", "meinem 2 Monate alten Fohlen", "my horse", "ich trag nen Rückenprotektor", "I wear a
# fleece": the shopper's own, up to the next preposition, conjunction or punctuation
_ARTICLE = r"(?:ein|eine[mn]?|nen|ne|a|an)"
_OWN = re.compile(
    rf"\b(?:mein|meine[mnrs]?|unser|unsere[mnrs]?|my|our|(?:ich|i)\s+(?:trag\w*|wear|am\s+wearing)(?:\s+{_ARTICLE})?"
    rf"|i'm\s+wearing(?:\s+{_ARTICLE})?|(?:ich|i)\s+(?:have|habe?)\s+{_ARTICLE})\b"
    r"((?:\s+(?!(?:mit|in|im|an|am|auf|bei|für|zu|zum|zur|von|vom|aus|über|und|oder|aber|"
    r"with|on|at|for|to|from|of|about|and|or|but|is|ist|hat|has)\b)[\w-]+){1,4})",
    re.I,
)


def without_owned(text: str) -> str:
    """The message without what the shopper says is their own or wears: "Wie viel gebe ich meinem
    Pony?" names no "Kinderreithelm Pony Star", "my foal" no "Fohlen" product, "brust 104 und ich
    trag nen Rückenprotektor" asks the page's size, no protector."""
    return _OWN.sub(" ", text)


def without_page_name(text: str, page: Product) -> str:
    """The message without the words of the page product's own name, also slightly misspelt or
    inflected ("die Rolle" of "Foam Roller"): what is left must name another product."""
    own = title_tokens(page)
    return re.sub(_WORD, lambda m: " " if _owned(m.group(0).lower(), own) else m.group(0), text)


def names_page(text: str, page: Product, only_page: Callable[[str], bool]) -> bool:
    """The message says a word of the page product's name that no other product's name has
    (`only_page`): "Ist die Jammer chlorresistent?" on the "Swim Jammer" names it, not the
    "Badeanzug Chlorresistent"; "TrailRunner" of "the TrailRunner Lite" on the "TrailRunner GTX"
    does not, nor "kids" of "Kids Scooter" in "Is the Alpine Lake Puzzle good for kids?"."""
    own = {t for t in title_tokens(page) if len(t) >= 4 and not t.isdigit() and only_page(t)}
    return any(_owned(m.group(0).lower(), own) for m in re.finditer(_WORD, text))


def without_versions(text: str, page: Product) -> str:
    """The message without colour words and the page product's option values: on a product page
    they ask for its version ("Is size 170 in white in stock?" names no "Kids Gi White", "Gibt es
    die in Elbsand?" no "Wohndecke Elbstrand")."""
    values = {w.lower() for v in page.variants for value in (v.options or {}).values() for w in re.findall(_WORD, str(value)) if len(w) >= 3}
    return re.sub(_WORD, lambda m: " " if m.group(0).lower() in values or find_colors(m.group(0), shades=True) else m.group(0), text)


def distinct_text(text: str, page: Product) -> str:
    """The parts of a message on `page` that can name another product."""
    text = without_versions(without_page_kind(without_page_words(text, page), page), page)
    return without_page_features(without_page_name(text, page), page)


def on_page(named: list[Product], others: list[Product], page: Product, text: str, only_page: Callable[[str], bool],
            owned: bool = False) -> list[Product]:  # fmt: skip
    """The products a message on `page` is about, from those named in the whole message
    (`named`) and those named by the words the page's product does not share (`others`);
    `only_page`: whether a name word is in the page product's name only; `owned`: the others are
    named only by what the shopper says is their own ("meinem Pony"), so the page stays first."""
    others = [p for p in others if p.id != page.id]
    if not others:
        return [page] if page in named else []
    if page in named:  # both named ("is maple heavier than hickory?" on the maple sticks): the page first
        return [page, *(p for p in named if p in others), *(p for p in others if p not in named)]
    if (owned or points_at_page(text) or names_page(text, page, only_page) or fits_into_other(text, page)
            or names_page_kind(text, page, others) or told_on_page(text, page, others)):
        return [page, *others]
    return others


# "Passt der Akku in die …", "Will the battery fit in the …", "works with": what fits is the subject,
# the product after the preposition the one it fits
_FITS_INTO = re.compile(
    r"\b(?:passt|passen|geht|gehen|funktioniert|funktionieren|kompatibel|fits?|works?|compatible)\b"
    r"(?:\s+\w+){0,4}?\s+(?:in|an|auf|zu|mit|für|into|with|on|for)\b",
    re.I,
)


def fits_into_other(text: str, page: Product) -> bool:
    """A compatibility question whose subject, before the preposition, is the page's product by a
    word of its name, even one other names share ("Passt der Akku in die Schlagbohrmaschine SB 18?"
    on the battery's page): the page's product is asked about, the other one is the reference."""
    found = _FITS_INTO.search(text)
    if found is None:
        return False
    own = {t for t in title_tokens(page) if len(t) >= 4 and not t.isdigit()}
    return any(_owned(m.group(0).lower(), own) for m in re.finditer(_WORD, text[: found.end()]))
