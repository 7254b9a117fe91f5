"""Size questions about no product in particular: shoe-size conversions (UK/US to EU and
back, letters to German sizes) and the store's own size guide (`policies/`), answered as
general facts, never bent onto a product."""

from __future__ import annotations

import re

from actions.context import catalog
from actions.texts import say
from catalog.fashion_sizes import general as fashion_general
from catalog.lexicon import find_colors
from catalog.policies import Passage
from catalog.query import find_size
from catalog.size_rules import KIDS_WORDS, dress_eu, kids_shoe_eu, kids_uk_us
from catalog.size_values import WORD_SIZES
from catalog.sizes import LETTER_TO_EU_CLOTHING, eu_to_uk_us, normalize_letter, uk_us_to_eu

# "EU 42", or a shoe size with a target system: "42 in US", "welche US-Größe ist 42?"
_EU_SIZE = re.compile(r"\b(?:eu|eur|european|europäisch\w*)[- ]?(?:size|größe|grösse)?\s*(1[5-9]|[2-3]\d|4[0-8])(?:[.,]5)?\b", re.I)
_TARGET = re.compile(
    r"(?:\b(?:in|to|into|auf|als|zu|im|ins)\s+(?:the\s+)?(uk|us)\b|\b(uk|us)[- ]?(?:size|sizes|sizing|größe|grösse|groesse|größen|schuhgröße|nummer|number)\b"
    r"|\b(britisch|englisch|amerikanisch|american|british)\w*)", re.I)
# women's clothing: a UK/US number is a dress size, not a shoe size
_DRESS = re.compile(r"\b(?:dress\w*|kleid\w*|damen\w*|wom[ae]n'?s?|ladies|clothing|clothes|kleidung|konfektion\w*|blouse|bluse|skirt|rock|tops?|jeans)\b", re.I)
_BARE_SHOE = re.compile(r"(?<![\w.,])(3[5-9]|4[0-8])(?:[.,]5)?(?![\w.,]\d)")


def _to_uk_us(text: str, lang: str) -> str | None:
    """"EU 42 in US?", "welche US-Größe ist 42?": the UK and US sizes of an EU shoe size."""
    # "us" written small is mostly the pronoun ("send it to us in 42"), unless a size word follows
    target = next((m for m in _TARGET.finditer(text) if m.group(1) != "us"), None)
    eu = _EU_SIZE.search(text) or (_BARE_SHOE.search(text) if target else None)
    if not eu or not target:
        return None
    size = eu.group(1)
    if int(size) < 35:  # EU sizes below 35 are children's shoes
        uk, us = kids_uk_us(float(size)) or (None, None)
        return say("size_conversion_from_eu_kids", lang, eu=size, uk=uk, us=us) if uk else None
    uk, us = eu_to_uk_us(size) or (None, None)
    if uk is None:
        return None
    return say("size_conversion_from_eu", lang, eu=size, uk=uk, us=us)


def conversion(text: str, lang: str) -> str | None:
    """A size conversion asked in the text: UK/US shoe sizes to EU and back, letters to German
    sizes. General facts from the conversion table, never bent onto a product."""
    if adult := fashion_general(text):  # a bra, IT/FR, suit or collar size
        kind, said, size = adult
        return say(f"size_general_{kind}", lang, said=said, size=size)
    m = re.search(r"\b(uk|us)[- ]?(?:size\s+|größe\s+|kids?\s+|kinder\s+)?(\d{1,2}(?:[.,]5)?)\b", text, re.I)
    if m and not _EU_SIZE.search(text):
        system, size = m.group(1).upper(), m.group(2).replace(",", ".")
        if _DRESS.search(text) and (eu := dress_eu(system, float(size))):
            return say("size_conversion_dress", lang, system=system, size=size, eu=eu)
        if KIDS_WORDS.search(text) and (eu := kids_shoe_eu(system, float(size))):
            return say("size_conversion_kids", lang, system=system, size=size, eu=eu)
        eu = uk_us_to_eu(system, size)
        if eu is None:
            return say("size_conversion_unknown", lang, system=system, size=size)
        uk, us = eu_to_uk_us(eu) or ("?", "?")
        return say("size_conversion_shoe", lang, system=system, size=size, eu=eu, uk=uk, us=us)
    if converted := _to_uk_us(text, lang):
        return converted
    m = re.search(r"(?<!['’])\b(xxs|xs|s|m|l|xl|xxl)\b|\b(?:size|größe|is|ist|a|an|eine?)\s+(extra small|small|medium|extra large|large)\b", text, re.I)
    if m and re.search(r"\b(eu|deutsch|german|konfektion|numeric|numerisch|zahl)", text, re.I):
        letter = normalize_letter(m.group(1) or WORD_SIZES[m.group(2).lower()])
        if letter in LETTER_TO_EU_CLOTHING:
            men, women = LETTER_TO_EU_CLOTHING[letter]
            return say("letter_to_eu", lang, letter=letter, men=men, women=women)
    return None


# a general question on sizes the store's size guide answers ("how do I measure …", "what does size 104 mean")
_GUIDE = re.compile(r"\b(?:wie messe|messen|measure|was bedeutet|what does|heißt größe|mean|größentabelle|size chart|size guide|größenberatung|größensystem)", re.I)


def size_guide(text: str, lang: str, advice: bool = False) -> list[Passage]:
    """The store's policy passage on sizes for a size question about no product in particular.
    "In 44?" or "which size should I take?" (`advice`) need the product: none."""
    if not _GUIDE.search(text) and (advice or find_size(text) or find_colors(text)):
        return []
    return catalog().policies.answer(text, lang)
