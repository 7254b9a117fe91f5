"""Words shoppers use for colours and countries, in German and English."""

from __future__ import annotations

import re

# canonical colour -> (German display name, English display name, extra words)
_COLORS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "black": ("Schwarz", "black", ("schwarz",)),
    "white": ("Weiß", "white", ("weiss", "weiß", "offwhite", "cream", "creme")),
    "grey": ("Grau", "grey", ("gray", "grau", "anthrazit", "anthracite", "charcoal")),
    "blue": ("Blau", "blue", ("blau", "hellblau", "petrol")),
    "navy": ("Marineblau", "navy", ("dunkelblau", "marine", "marineblau", "navyblau")),
    "red": ("Rot", "red", ("rot", "bordeaux", "weinrot", "burgundy")),
    "green": ("Grün", "green", ("grün", "gruen", "mint")),
    "olive": ("Oliv", "olive", ("oliv", "olivgrün", "khaki")),
    "brown": ("Braun", "brown", ("braun", "cognac", "tan")),
    "beige": ("Beige", "beige", ("sand", "camel")),
    "yellow": ("Gelb", "yellow", ("gelb", "senf", "mustard")),
    "orange": ("Orange", "orange", ()),
    "pink": ("Rosa", "pink", ("rosa", "pink")),
    "purple": ("Lila", "purple", ("lila", "violett", "violet")),
    "silver": ("Silber", "silver", ("silber",)),
}

# German adjective endings: schwarz, schwarze, schwarzen, schwarzer, schwarzes, schwarzem
_DE_ENDINGS = ("", "e", "en", "er", "es", "em")


def _color_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for canon, (de, en, extra) in _COLORS.items():
        for base in (de.lower(), en.lower(), canon, *extra):
            for ending in _DE_ENDINGS:
                words.setdefault(base + ending, canon)
    return words


COLOR_WORDS = _color_words()


def color_name(color: str, lang: str) -> str:
    de, en, _ = _COLORS.get(color, (color, color, ()))
    return de if lang == "de" else en


def normalize_color(value: str) -> str | None:
    """'Schwarz', 'Black', 'dunkelblau' -> canonical colour, or None."""
    value = value.strip().lower()
    if value in COLOR_WORDS:
        return COLOR_WORDS[value]
    for word in re.findall(r"[a-zäöüß]+", value):
        if word in COLOR_WORDS:
            return COLOR_WORDS[word]
    return None


# colour words that name something else when this word follows ("grüner Tee", "red wine")
_NOT_A_COLOUR_BEFORE = {"tee", "tea", "wein", "wine", "pfeffer", "pepper", "friday", "brot", "bread", "belt", "gürtel"}


def find_colors(text: str) -> list[str]:
    found: list[str] = []
    words = re.findall(r"[a-zäöüß]+", text.lower())
    for i, word in enumerate(words):
        canon = COLOR_WORDS.get(word)
        if canon and canon not in found and (i + 1 >= len(words) or words[i + 1] not in _NOT_A_COLOUR_BEFORE):
            found.append(canon)
    return found


# ISO code -> words (lower case) in German and English; the first two are the display names.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "DE": ("Deutschland", "Germany", "deutschland", "germany", "bundesrepublik"),
    "AT": ("Österreich", "Austria", "österreich", "oesterreich", "austria", "wien", "vienna"),
    "CH": ("Schweiz", "Switzerland", "schweiz", "switzerland", "swiss", "zürich", "zurich"),
    "FR": ("Frankreich", "France", "frankreich", "france"),
    "IT": ("Italien", "Italy", "italien", "italy"),
    "ES": ("Spanien", "Spain", "spanien", "spain"),
    "NL": ("Niederlande", "the Netherlands", "niederlande", "netherlands", "holland"),
    "BE": ("Belgien", "Belgium", "belgien", "belgium"),
    "LU": ("Luxemburg", "Luxembourg", "luxemburg", "luxembourg"),
    "DK": ("Dänemark", "Denmark", "dänemark", "daenemark", "denmark"),
    "SE": ("Schweden", "Sweden", "schweden", "sweden"),
    "FI": ("Finnland", "Finland", "finnland", "finland"),
    "PL": ("Polen", "Poland", "polen", "poland"),
    "CZ": ("Tschechien", "Czechia", "tschechien", "czechia", "czech republic"),
    "PT": ("Portugal", "Portugal", "portugal"),
    "IE": ("Irland", "Ireland", "irland", "ireland"),
    "GR": ("Griechenland", "Greece", "griechenland", "greece"),
    "HU": ("Ungarn", "Hungary", "ungarn", "hungary"),
    "SK": ("Slowakei", "Slovakia", "slowakei", "slovakia"),
    "SI": ("Slowenien", "Slovenia", "slowenien", "slovenia"),
    "HR": ("Kroatien", "Croatia", "kroatien", "croatia"),
    "RO": ("Rumänien", "Romania", "rumänien", "romania"),
    "BG": ("Bulgarien", "Bulgaria", "bulgarien", "bulgaria"),
    "EE": ("Estland", "Estonia", "estland", "estonia"),
    "LV": ("Lettland", "Latvia", "lettland", "latvia"),
    "LT": ("Litauen", "Lithuania", "litauen", "lithuania"),
    "GB": (
        "Großbritannien", "the United Kingdom", "großbritannien", "grossbritannien",
        "united kingdom", "uk", "england", "britain", "great britain", "vereinigtes königreich",
        "schottland", "scotland", "wales", "london",
    ),
    "US": (
        "die USA", "the USA", "usa", "us", "united states", "vereinigte staaten", "amerika",
        "america", "new york",
    ),
    "NO": ("Norwegen", "Norway", "norwegen", "norway"),
    "CA": ("Kanada", "Canada", "kanada", "canada"),
    "AU": ("Australien", "Australia", "australien", "australia"),
    "JP": ("Japan", "Japan", "japan"),
    "CN": ("China", "China", "china"),
}


def country_name(code: str, lang: str) -> str:
    names = COUNTRIES.get(code)
    if not names:
        return code
    return names[0] if lang == "de" else names[1]


def find_country(text: str) -> str | None:
    """The first country named in `text` (longest phrase wins), or None."""
    lowered = " " + re.sub(r"[^\wäöüß ]+", " ", text.lower()) + " "
    best: tuple[int, int, str] | None = None  # (position, -length, code)
    for code, words in COUNTRIES.items():
        for word in words[2:]:
            if word == "us" and not re.search(r"\b(to|nach|in) (the )?us\b", lowered):
                continue  # "us" is mostly the pronoun
            pos = lowered.find(f" {word} ")
            if pos >= 0:
                cand = (pos, -len(word), code)
                best = min(best, cand) if best else cand
    return best[2] if best else None
