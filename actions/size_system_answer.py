"""A size asked in another size system, from the product's own table of systems ("EU UK US
(women) Foot length", "UK DE Waist Hip"): "Welche US-Damengröße ist EU 38?", "What's the UK
size for EU 42.5?", "Ich habe in deutschen Größen 38, welche UK-Größe?". The row holding the
given size in its system's column gives the asked system's column, quoted with the row; the
usual conversion (brands differ) is not used where the merchant's table says it."""

from __future__ import annotations

import re

from actions.size_advice import USUAL
from actions.texts import decimal, say
from catalog.models import Product
from catalog.size_table import own_eu, text_lines

_SYSTEMS = "EU|UK|US|DE|FR|IT"
# a size given with its system: "EU 38", "UK 8,5", "US-Größe 7", "in deutschen Größen 38"
_GIVEN = re.compile(rf"(?<![\w-])({_SYSTEMS})(?:[\s-]*(?:größe|grösse|size))?\s*(\d{{1,3}}(?:[.,]5)?)(?![\d.,]*\d)(?!\s*(?:cm|kg|mm)\b)", re.I)
_GIVEN_WORD = re.compile(r"\b(deutsch|französisch|italienisch|britisch|englisch|amerikanisch)\w*\s+(?:größen?|grössen?|konfektionsgrößen?)\s+(\d{2,3})\b", re.I)
# the system asked for: "welche US-Damengröße", "which UK size", "in EU sizes", "französische Größe"
_ASKED = re.compile(
    rf"\b(?:welche[rsnm]?|which|what(?:'s| is)?(?:\s+the)?)\s+({_SYSTEMS})[\s-]*(?:damen|herren|women'?s|men'?s)?[\s-]*(?:größe|grösse|size|band)"
    rf"|\bin\s+({_SYSTEMS})(?:[\s-]*(?:größen?|sizes?))?\s*\??$"
    rf"|\bwelche[rsnm]?\s+(deutsch|französisch|italienisch|britisch|englisch|amerikanisch)\w*\s+(?:damen|herren)?(?:größe|grösse)",
    re.I,
)
_WEARER = re.compile(r"\b(?:i'?m a|i am a|i wear|i usually wear|ich trage|ich habe|ich hab|habe ich|trage ich)\b", re.I)
_WORD_SYSTEM = {"deutsch": "DE", "französisch": "FR", "italienisch": "IT", "britisch": "UK", "englisch": "UK", "amerikanisch": "US"}


def _system(column: str) -> str | None:
    """The size system a table column names ("US (women)" -> "US", "DE" -> "DE")."""
    m = re.match(rf"\s*({_SYSTEMS})\b", column, re.I)
    return m.group(1).upper() if m else None


def _number(text: str) -> float | None:
    m = re.search(r"\d{1,3}(?:[.,]\d)?", text)
    return float(m.group(0).replace(",", ".")) if m else None


def _asked(text: str) -> tuple[str, float, str] | None:
    """(given system, given size, asked system) of the question, or None."""
    asked = _ASKED.search(text)
    if asked is None:
        return None
    target = (asked.group(1) or asked.group(2) or _WORD_SYSTEM[asked.group(3).lower()]).upper()
    given = [(m.group(1).upper(), float(m.group(2).replace(",", "."))) for m in _GIVEN.finditer(text) if m.group(1).upper() != target]
    given += [(_WORD_SYSTEM[m.group(1).lower()], float(m.group(2))) for m in _GIVEN_WORD.finditer(text)]
    given = [g for g in given if g[0] != target]
    return (given[0][0], given[0][1], target) if len(given) == 1 and target else None


_ROW_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{1,2})?$")


def system_rows(lines: list[str]) -> list[tuple[list[str], list[str], str]]:
    """(the systems of a header's first columns, a row's first numbers, the row as written) of
    each table whose header begins with two or more size systems ("EU FR UK US", "UK DE Waist …",
    "EU UK US (women) Foot length") and whose rows begin with a number for each of them."""
    found = []
    for i, line in enumerate(lines):
        systems = []
        for word in line.split():
            if not (system := _system(word)) or not re.fullmatch(rf"(?:{_SYSTEMS})\W*", word, re.I):
                break
            systems.append(system)
        if len(systems) < 2 or len(set(systems)) < len(systems):
            continue
        for row in lines[i + 1:]:
            words = row.split()[: len(systems)]
            if len(words) < len(systems) or not all(_ROW_NUMBER.match(w) for w in words):
                break
            found.append((systems, words, row))
    return found


def system_reply(product: Product, text: str, lang: str) -> str | None:
    """The asked system's size for the given one from the product's table of systems, or None."""
    if (asked := _asked(text)) is None:
        return None
    given, size, target = asked
    wearer = bool(USUAL.search(text) or _WEARER.search(text))
    if wearer and own_eu(product, text, lang):
        return None  # "I'm a UK 8" on a shoe whose own EU/UK/US table the usual-size advice reads, with its fit steps
    for lang_ in (lang, "en" if lang == "de" else "de"):
        rows = [(systems, words, row) for systems, words, row in system_rows(text_lines(product, lang_))
                if given in systems and target in systems and _number(words[systems.index(given)]) == size]
        if len(rows) == 1:
            systems, words, row = rows[0]
            shown = f"{target} {decimal(_number(words[systems.index(target)]) or 0, lang)}"
            key = "size_system_wear" if wearer else "size_system_row"  # "Ich habe DE 38, welche UK-Größe?": advice
            return say(key, lang, product=product.name(lang), given=f"{given} {decimal(size, lang)}", size=shown, line=row)
    return None
