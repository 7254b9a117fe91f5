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
    "AT": ("Österreich", "Austria", "österreich", "oesterreich", "austria"),
    "CH": ("Schweiz", "Switzerland", "schweiz", "switzerland", "swiss"),
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
        "schottland", "scotland", "wales", "nordirland", "northern ireland",
    ),
    "US": ("die USA", "the USA", "usa", "us", "united states", "vereinigte staaten", "amerika", "america"),
    "LI": ("Liechtenstein", "Liechtenstein", "liechtenstein"),
    "NO": ("Norwegen", "Norway", "norwegen", "norway"),
    "CA": ("Kanada", "Canada", "kanada", "canada"),
    "AU": ("Australien", "Australia", "australien", "australia"),
    "JP": ("Japan", "Japan", "japan"),
    "CN": ("China", "China", "china"),
}


# Larger cities of the countries shops ship to, in German and English spellings (lower case,
# umlauts also written out). A general list, not one store's: a city names its country in a
# shipping question ("Versand nach Wien?"). Left out on purpose: city names that are common
# words in a shopping chat (Essen, Porto = postage, Zug, Leer, Bergen, Halle, Nice, Split,
# Cork, Reading, Bath) or a colour (Bordeaux).
CITIES: dict[str, tuple[str, ...]] = {
    "DE": (
        "berlin", "hamburg", "münchen", "muenchen", "munich", "köln", "koeln", "cologne", "frankfurt",
        "stuttgart", "düsseldorf", "duesseldorf", "dusseldorf", "leipzig", "dortmund", "bremen", "dresden",
        "hannover", "hanover", "nürnberg", "nuernberg", "nuremberg", "duisburg", "bochum", "wuppertal",
        "bielefeld", "bonn", "münster", "muenster", "mannheim", "karlsruhe", "augsburg", "wiesbaden",
        "freiburg", "kiel", "rostock", "mainz", "heidelberg", "regensburg", "potsdam", "erfurt",
        "magdeburg", "saarbrücken", "saarbruecken", "braunschweig", "aachen", "lübeck", "luebeck",
    ),
    "AT": (
        "wien", "vienna", "graz", "linz", "salzburg", "innsbruck", "klagenfurt", "villach", "bregenz",
        "st pölten", "st poelten", "sankt pölten", "dornbirn", "steyr",
    ),
    "CH": (
        "zürich", "zuerich", "zurich", "genf", "geneva", "genève", "geneve", "basel", "basle", "bern",
        "berne", "lausanne", "luzern", "lucerne", "st gallen", "sankt gallen", "lugano", "winterthur",
        "biel", "chur", "schaffhausen", "fribourg",
    ),
    "LI": ("vaduz",),
    "FR": ("paris", "lyon", "marseille", "toulouse", "nizza", "straßburg", "strassburg", "strasbourg", "lille", "nantes", "montpellier"),
    "IT": ("rom", "rome", "roma", "mailand", "milan", "milano", "neapel", "naples", "turin", "torino", "florenz", "florence", "venedig", "venice", "bologna", "genua", "genoa", "verona", "bozen", "bolzano", "meran"),
    "ES": ("madrid", "barcelona", "valencia", "sevilla", "seville", "málaga", "malaga", "bilbao", "palma", "mallorca"),
    "NL": ("amsterdam", "rotterdam", "den haag", "the hague", "utrecht", "eindhoven", "groningen", "maastricht"),
    "BE": ("brüssel", "bruessel", "brussels", "bruxelles", "antwerpen", "antwerp", "gent", "ghent", "brügge", "bruges", "lüttich", "liège", "liege"),
    "DK": ("kopenhagen", "copenhagen", "aarhus", "odense"),
    "SE": ("stockholm", "göteborg", "goeteborg", "gothenburg", "malmö", "malmo", "uppsala"),
    "FI": ("helsinki", "tampere", "turku"),
    "NO": ("oslo", "trondheim", "stavanger"),
    "PL": ("warschau", "warsaw", "warszawa", "krakau", "krakow", "kraków", "breslau", "wrocław", "wroclaw", "danzig", "gdansk", "gdańsk", "posen", "poznan", "poznań", "stettin", "szczecin"),
    "CZ": ("prag", "prague", "praha", "brünn", "bruenn", "brno", "pilsen", "plzen", "ostrava"),
    "PT": ("lissabon", "lisbon", "lisboa", "faro", "coimbra"),
    "IE": ("dublin", "galway", "limerick"),
    "GR": ("athen", "athens", "thessaloniki", "saloniki"),
    "HU": ("budapest", "debrecen", "szeged"),
    "SK": ("bratislava", "pressburg", "košice", "kosice"),
    "SI": ("ljubljana", "laibach", "maribor"),
    "HR": ("zagreb", "agram", "dubrovnik", "rijeka"),
    "RO": ("bukarest", "bucharest", "bucurești", "cluj", "timișoara", "timisoara"),
    "BG": ("sofia", "plowdiw", "plovdiv", "varna"),
    "EE": ("tallinn", "tartu"),
    "LV": ("riga",),
    "LT": ("vilnius", "wilna", "kaunas"),
    "GB": ("london", "manchester", "birmingham", "edinburgh", "glasgow", "liverpool", "bristol", "leeds", "cardiff", "belfast"),
    "US": ("new york", "los angeles", "chicago", "san francisco", "boston", "seattle", "miami", "washington dc"),
    "CA": ("toronto", "vancouver", "montreal", "montréal", "ottawa", "calgary"),
    "AU": ("sydney", "melbourne", "brisbane", "perth"),
    "JP": ("tokio", "tokyo", "osaka", "kyoto"),
    "CN": ("peking", "beijing", "shanghai", "shenzhen"),
}


def country_name(code: str, lang: str) -> str:
    names = COUNTRIES.get(code)
    if not names:
        return code
    return names[0] if lang == "de" else names[1]


def _country_words() -> list[tuple[str, str]]:
    """(word, ISO code) for every country and city word."""
    pairs = [(w, code) for code, words in COUNTRIES.items() for w in words[2:]]
    return pairs + [(w, code) for code, words in CITIES.items() for w in words]


_COUNTRY_WORDS = _country_words()


def find_country(text: str) -> str | None:
    """The first country named in `text`, by its name or one of its larger cities ("Wien" ->
    AT); the longest phrase wins at a position. None when there is none."""
    lowered = " " + re.sub(r"[^\wäöüß ]+", " ", text.lower()) + " "
    best: tuple[int, int, str] | None = None  # (position, -length, code)
    lowered = re.sub(r"\s+", " ", lowered)
    for word, code in _COUNTRY_WORDS:
        if word == "us" and not re.search(r"\b(to|nach|in) (the )?us\b", lowered):
            continue  # "us" is mostly the pronoun
        pos = lowered.find(f" {word} ")
        if pos >= 0:
            cand = (pos, -len(word), code)
            best = min(best, cand) if best else cand
    return best[2] if best else None
