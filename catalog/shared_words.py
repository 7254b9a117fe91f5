"""Which words a question and a sentence share: the words that carry meaning ("Härtegrad", not
"welche"), and how strongly a sentence shares one: the same long word, a compound of it, another
form ("Dose" ~ "Dosen") or its near twin in the other language ("reflective" ~ "reflektierend").
Used by `catalog.passages` to rank a product's sentences."""

from __future__ import annotations

import os
import re

from rapidfuzz import fuzz

from catalog.word_forms import able

EXACT_WORD_LETTERS = 7  # the same word this long counts twice

# words of a question that say nothing about what is asked
QUESTION_WORDS = frozenset(
    """gibt haben habe hast sind kann kannst könnte können welche welcher welches welchen welchem viel viele
    mein meine meinen meiner ihre ihren eure dies diese dieser dieses diesen damit darin darauf dafür
    auch noch mehr lang lange über unter bitte eine einen einem einer nicht kein keine keinen sich wird
    werden wurde ganz sehr etwa oder aber wenn dann denn schon muss soll sollte würde wäre
    does have there what which with this that these those will would could should your them they
    their about into really well good much many long please also from than when where other
    need want maybe still even just only very contain contains enthält enthalten anything something etwas drin darin
    take takes dauert dauern darf dürfen sein""".split()
)
WORD = re.compile(r"[^\W\d_]{4,}")


def content_words(text: str, exclude: str = "") -> set[str]:
    """The words of `text` that carry meaning: four letters or more, no function word, none of `exclude`."""
    skip = {w.lower() for w in WORD.findall(exclude)}
    return {
        w for w in (x.lower() for x in WORD.findall(text))
        if w not in QUESTION_WORDS and not any(n.startswith(w) or n.endswith(w) for n in skip)  # "Helm" of "Kinderhelm"
    }  # fmt: skip


def _spelling(word: str) -> str:
    """German and English spellings of one word brought together ("microwave" ~ "Mikrowelle")."""
    return word.replace("c", "k").replace("ph", "f").replace("th", "t").replace("y", "i")


def _le_twins(a: str, b: str) -> bool:
    """An English "-le" word and its German "-el" twin, spelt alike ("cable" ~ "Kabel"); only the
    whole word, so "stille" still shares "Stillzeit"."""
    return len(a) >= 5 and len(b) >= 5 and (a.endswith("le") and a[:-2] + "el" == b or b.endswith("le") and b[:-2] + "el" == a)


# endings of another form of the same word: plural, case, verb ("Dose" ~ "Dosen", "pump" ~ "pumps")
_ENDINGS = frozenset({"e", "n", "en", "s", "es", "er"})


def _stem(word: str) -> str:
    """The word without a final "e": "kategorie" ~ "kategori" (of "category")."""
    return word[:-1] if word.endswith("e") else word


def shares_word(question_words: set[str], sentence: str) -> float:
    """How strongly the sentence shares a word of the question: 2 for the same long word
    ("Härtegrad"), 1 for the same short one, a compound of it or its near twin in the other
    language (most of the word the same from its start: "reflective" ~ "reflektierend"), else 0."""
    found = 0.0
    for word in content_words(sentence):
        for asked in question_words:
            if word == asked:
                found = max(found, 2.0 if len(word) >= EXACT_WORD_LETTERS else 1.0)
                continue
            short, long_ = sorted((_spelling(asked), _spelling(word)), key=len)
            common = len(os.path.commonprefix([short, long_]))
            compound = (
                long_.startswith(_stem(short))
                or long_.endswith(short)
                or _stem(long_).endswith(_stem(short))
            )  # "Atmungsaktivität", "Filterkategorie", "Teichgröße"
            inflected = long_[len(short) :] in _ENDINGS and long_.startswith(
                short
            )  # "Dose" ~ "Dosen", "Pump" ~ "Pumpe"
            if (
                len(short) >= 5
                and (compound or fuzz.ratio(short, long_) >= 85)
                or common >= 6
                and common >= 0.6 * len(short)
                or inflected
                or able(asked, word)
                or _le_twins(short, long_)
            ):
                found = max(found, 1.0)
    return found
