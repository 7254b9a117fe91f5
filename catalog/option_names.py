"""Which option of a product a word names, also in the other language or by another word of the
trade: "prints" / "Drucke" name an option the merchant called "Motiv", "warmth" names
"Wärmegrad". Merchants name options freely; shoppers ask with the usual words."""

from __future__ import annotations

import re

# words that name one kind of option, German and English (each group one kind); a merchant's
# option name is matched whole, as a plural, or by a compound ending in one of the words
OPTION_WORDS: tuple[tuple[str, ...], ...] = (
    ("muster", "motiv", "druck", "print", "pattern", "motif", "design", "dessin"),
    ("wärme", "wärmegrad", "wärmeklasse", "wärmestufe", "warmth", "warmth level", "warmth rating"),
    ("härte", "härtegrad", "festigkeit", "firmness", "hardness"),
    ("ausführung", "variante", "modell", "version", "variant", "model", "edition"),
    ("duft", "scent", "fragrance"),
    ("geschmack", "geschmacksrichtung", "sorte", "flavour", "flavor"),
    ("material", "stoff", "fabric"),
)  # fmt: skip
_GROUP = {w: i for i, group in enumerate(OPTION_WORDS) for w in group}
_PLURAL = re.compile(r"(?:s|n|en|e|er|es)$")


def _stems(word: str) -> set[str]:
    """The word and the word without a plural ending ("Motive" -> "motiv", "prints" -> "print")."""
    word = word.lower().strip()
    stems = {word}
    if len(word) >= 5 and (m := _PLURAL.search(word)):
        stems.add(word[: m.start()])
        stems.add(word[:-1])
    return stems


def option_group(name: str) -> int | None:
    """The kind of option a word or an option's name is, by `OPTION_WORDS`; a compound counts by
    its last part ("Kissenmotiv"), a name with a note by its first word ("Muster (Socken)")."""
    name = re.sub(r"\s*\(.*\)\s*$", "", name.lower()).strip()
    for stem in _stems(name):
        if stem in _GROUP:
            return _GROUP[stem]
    for word, group in _GROUP.items():
        if len(word) >= 5 and " " not in word and name.endswith(word):
            return group
    return None


def names_option(word: str, option: str) -> bool:
    """Whether a shopper's word ("Drucke", "patterns", "warmth") names the option `option`."""
    group = option_group(option)
    return group is not None and any(_GROUP.get(stem) == group for stem in _stems(word))
