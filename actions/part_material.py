"""The material of a part the question names ("What's the sweatband made of?", "Aus welchem
Material sind die Ringe?"): the sentence of the product's text that names that part and a
material, not the whole product's typed material (a hat's silk binding is not its leather
sweatband, a tights' polyamide not its cotton gusset)."""

from __future__ import annotations

import re

from actions.context import catalog
from actions.product_text import finder, product_name
from catalog.extract_words import MATERIALS
from catalog.fact_kinds import ASPECTS
from catalog.features import FEATURES
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.shared_words import QUESTION_WORDS

# a noun after an article: "the sweatband", "die Ringe", "of the gusset"
_PART = re.compile(r"\b(?:the|der|die|das|den|dem|des)\s+([^\W\d_]{3,})", re.I)
_ASKS_MATERIAL, _STATES_MATERIAL = ASPECTS["material"]
# a short part ("top", "bow") is matched as a whole word with a plural ending; shorter words
# than four letters are no content words of `catalog.shared_words`
_SHORT = 4


def asked_parts(question: str, name: str) -> list[str]:
    """The parts a material question names: nouns after an article that are no word of the
    product's `name` (title, category, kind words), no material and no word asking for one."""
    name_words = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    out = []
    for m in _PART.finditer(question):
        word = m.group(1)
        low = word.lower()
        if low in QUESTION_WORDS or _ASKS_MATERIAL.search(word) or any(rule.fullmatch(word) for _, rule, _ in MATERIALS):
            continue
        if any(n.endswith(low) or n.endswith(low.rstrip("s")) or n.startswith(low) and len(n) <= len(low) + 2 for n in name_words):
            continue  # "the tights" of "Feinstrumpfhose … tights", "die Jacke" of a "Softshelljacke"; not "die Ringe" of a "Ring Sling"
        out.append(low)
    return out


def _names_short(part: str, sentence: str) -> bool:
    return bool(re.search(rf"\b{re.escape(part)}(?:s|e|en|n)?\b", sentence, re.I))


def _states_material(sentence: str) -> bool:
    """A material stated, also as the first part of the part's compound ("Aluminiumringe")."""
    return bool(_STATES_MATERIAL.search(sentence)) or any(rule.search(sentence) for _, rule, _ in MATERIALS)


def part_material(product: Product, question: str, lang: str) -> str | None:
    """The quoted sentence naming the part a material question asks about together with a
    material, or None (not a material question, no part named, or no such sentence)."""
    if not _ASKS_MATERIAL.search(question):
        return None
    cat = catalog()
    name = product_name(product, lang, cat.config.categories)
    parts = asked_parts(question, name)
    if not parts:
        return None
    sentences = [s for s in product_sentences(product, lang) if _states_material(s.text)]
    if not sentences:
        return None
    texts = [s.text for s in sentences]
    long_parts = {p for p in parts if len(p) >= _SHORT}
    shared = finder(cat.embedder).shared_words(long_parts, texts, name) if long_parts else [0.0] * len(texts)
    features = {key for p in parts for key, pattern in FEATURES.items() if pattern.fullmatch(p)}  # "Zwickel" is the "gusset"
    scores = [
        shared[i] + sum(2 for p in parts if len(p) < _SHORT and _names_short(p, t)) + sum(2 for key in features if FEATURES[key].search(t))
        for i, t in enumerate(texts)
    ]
    best = max(range(len(texts)), key=lambda i: scores[i])
    return sentences[best].quoted if scores[best] else None
