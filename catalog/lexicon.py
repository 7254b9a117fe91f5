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


# Shade names merchants give variants, mapped to a family. Only for naming a variant's colour
# at import: many of these words mean something else in a shopper's message ("natural
# materials", "wine glasses"), so `find_colors` does not look for them.
_SHADES: dict[str, tuple[str, ...]] = {
    "black": ("jet", "onyx", "ebony", "ebenholz", "tiefschwarz", "nachtschwarz", "carbon"),
    "white": ("ivory", "elfenbein", "ecru", "wollweiß", "wollweiss", "cremeweiß", "off-white", "schneeweiß",
              "reinweiß", "alabaster", "perlweiß"),
    "grey": ("graphit", "graphite", "schiefer", "slate", "ash", "asche", "aschgrau", "stone", "steingrau", "stein",
             "kiesel", "pebble", "gunmetal", "zement", "cement", "concrete", "beton", "melange", "heather", "taupe"),
    "blue": ("türkis", "tuerkis", "turquoise", "teal", "aqua", "cyan", "cobalt", "kobalt", "kobaltblau",
             "royal", "royalblau", "himmelblau", "sky", "azure", "azur", "jeans", "denim", "eisblau", "stahlblau",
             "ozean", "ocean", "lagune", "lagoon", "enzian"),
    "navy": ("midnight", "mitternacht", "mitternachtsblau", "nachtblau", "ink", "tinte", "tintenblau"),
    "red": ("kirsche", "kirschrot", "cherry", "ruby", "rubin", "crimson", "karmin", "scarlet", "wine", "wein",
            "merlot", "rost", "rostrot", "rust", "ziegel", "brick", "feuerrot", "signalrot", "chili", "tomate"),
    "green": ("salbei", "sage", "tanne", "tannengrün", "forest", "waldgrün", "flaschengrün", "bottle", "emerald",
              "smaragd", "jade", "lime", "limette", "apfelgrün", "moos", "moss", "pistazie", "pistachio", "pine"),
    "olive": ("oliv", "olive", "khaki", "army", "military", "schilf"),
    "brown": ("mokka", "mocha", "espresso", "kaffee", "coffee", "schoko", "schokolade", "chocolate", "karamell",
              "caramel", "haselnuss", "hazelnut", "walnuss", "walnut", "nuss", "kastanie", "chestnut", "kupfer",
              "copper", "bronze", "cognac", "rehbraun", "zimt", "cinnamon", "toffee", "leder", "leather"),
    "beige": ("natur", "natural", "naturweiß", "creme", "cream", "crème", "sand", "sandfarben", "kitt", "putty",
              "camel", "nude", "haut", "champagner", "champagne", "vanille", "vanilla", "leinen", "linen",
              "hafer", "oat", "oatmeal", "biscuit", "wüste", "desert", "dune", "düne", "latte", "greige"),
    "yellow": ("zitrone", "zitronengelb", "lemon", "gold", "golden", "ocker", "ochre", "ocher", "honig", "honey",
               "curry", "safran", "saffron", "sonnengelb", "maisgelb", "neongelb"),
    "orange": ("koralle", "coral", "apricot", "aprikose", "mandarine", "tangerine", "kürbis", "pumpkin",
               "terracotta", "terrakotta", "papaya", "lachs", "salmon", "peach", "pfirsich", "neonorange"),
    "pink": ("rose", "rosé", "altrosa", "puder", "powder", "blush", "magenta", "fuchsia", "pink", "himbeere",
             "raspberry", "flamingo", "erdbeere", "strawberry", "neonpink"),
    "purple": ("pflaume", "plum", "aubergine", "flieder", "lilac", "lavendel", "lavender", "beere", "berry",
               "brombeere", "blackberry", "mauve", "malve", "amethyst", "orchidee", "orchid", "violet", "violett"),
    "silver": ("titan", "titanium", "chrom", "chrome", "alu", "aluminium", "aluminum", "platin", "platinum",
               "edelstahl", "stainless", "metallic", "silbergrau"),
}
# German colour compounds end in their family: "steingrau", "tannengrün", "nachtblau"
_FAMILY_ENDINGS = {"schwarz": "black", "weiß": "white", "weiss": "white", "grau": "grey", "blau": "blue",
                   "rot": "red", "grün": "green", "gruen": "green", "braun": "brown", "beige": "beige",
                   "gelb": "yellow", "orange": "orange", "rosa": "pink", "pink": "pink", "lila": "purple",
                   "violett": "purple", "silber": "silver", "oliv": "olive"}  # fmt: skip
# a variant colour that needs an explicit mapping before its first word ("dunkelblau" is navy, not blue)
_EXPLICIT = {"dunkelblau": "navy", "marineblau": "navy", "navyblau": "navy", "olivgrün": "olive", "hellblau": "blue"}
SHADE_WORDS = {**{w: canon for canon, words in _SHADES.items() for w in words}, **COLOR_WORDS, **_EXPLICIT}


def normalize_color(value: str) -> str | None:
    """A variant's colour name -> its colour family ('Schwarz', 'Black', 'Dunkelblau' -> 'black', …,
    'navy'; 'Sand' -> 'beige'; 'Steingrau' -> 'grey'), or None for a name outside the lexicon.
    Of several colours ("Schwarz/Weiß", "Navy Blue") the first wins."""
    value = value.strip().lower()
    if value in SHADE_WORDS:
        return SHADE_WORDS[value]
    for word in re.findall(r"[a-zäöüßéè]+(?:-[a-zäöüß]+)?", value):
        if word in SHADE_WORDS:
            return SHADE_WORDS[word]
        for part in word.split("-"):
            if part in SHADE_WORDS:
                return SHADE_WORDS[part]
            for ending, canon in _FAMILY_ENDINGS.items():
                if len(part) > len(ending) + 2 and part.endswith(ending):
                    return canon
    return None


# Variant option names (lower case) whose values are sizes, lengths, capacities or pack sizes:
# the bot answers "in 220 cm?" / "gibt es die 2er-Packung?" from them.
SIZE_OPTION_WORDS = {
    "size", "sizes", "größe", "grösse", "groesse", "größen", "shoe size", "schuhgröße", "schuhgroesse",
    "kleidergröße", "konfektionsgröße", "length", "länge", "laenge", "beinlänge", "inseam", "körpergröße",
    "koerpergroesse", "body height", "height", "höhe", "width", "breite", "weite", "bundweite", "waist",
    "capacity", "kapazität", "kapazitaet", "volume", "volumen", "inhalt", "füllmenge", "pack", "pack size",
    "packung", "packungsgröße", "pack of", "menge", "quantity", "stück", "stückzahl", "count", "amount",
    "weight", "gewicht", "dimensions", "maße", "abmessungen", "format", "diameter", "durchmesser",
    "cup", "cup size", "cupgröße", "kragenweite", "collar", "collar size", "neck size", "halsweite", "storage", "speicher", "speichergröße", "ring size", "ringgröße",
}  # fmt: skip
COLOR_OPTION_WORDS = {"color", "colour", "colors", "colours", "farbe", "farben", "farbton", "shade", "pattern",
                      "muster", "finish"}  # fmt: skip


def _option_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("_", " ").replace("-", " "))


def is_size_option(name: str) -> bool:
    """Whether a variant option names a size-like property ("Größe", "Length", "Kapazität", "Pack",
    "Kopfumfang", "Rahmenhöhe")."""
    key = _option_key(name)
    return key in SIZE_OPTION_WORDS or any(
        key.endswith(w) for w in ("größe", "groesse", "länge", "laenge", "size", "length", "höhe", "hoehe", "umfang", "weite", "breite"))


def is_color_option(name: str) -> bool:
    return _option_key(name) in COLOR_OPTION_WORDS


# colour words that name something else when this word follows ("grüner Tee", "red wine")
_NOT_A_COLOUR_BEFORE = {"tee", "tea", "wein", "wine", "pfeffer", "pepper", "friday", "brot", "bread", "belt", "gürtel"}


# shade names that mean a colour in a shopper's message too ("gibt es die in Türkis?"); the
# ambiguous ones of `_SHADES` (natural, wine, stone, gold, jeans, leather …) stay out
_SHOPPER_SHADES = {w: canon for canon, words in {
    "black": ("tiefschwarz", "nachtschwarz"),
    "white": ("ivory", "elfenbein", "ecru", "wollweiß", "wollweiss", "cremeweiß", "schneeweiß", "off-white"),
    "grey": ("graphit", "graphite", "schiefer", "slate", "aschgrau", "steingrau", "taupe", "silbergrau"),
    "blue": ("türkis", "tuerkis", "turquoise", "teal", "cobalt", "kobalt", "kobaltblau", "royalblau", "himmelblau",
             "eisblau", "stahlblau", "azurblau"),
    "navy": ("mitternachtsblau", "nachtblau"),
    "red": ("kirschrot", "crimson", "scarlet", "karminrot", "rostrot", "signalrot", "feuerrot", "ziegelrot"),
    "green": ("tannengrün", "waldgrün", "flaschengrün", "smaragdgrün", "emerald", "apfelgrün", "salbeigrün"),
    "brown": ("mokkabraun", "schokobraun", "nussbraun", "kastanienbraun", "rehbraun"),
    "beige": ("sandfarben", "sandfarbe"),
    "yellow": ("zitronengelb", "sonnengelb", "ocker", "ochre", "senfgelb", "neongelb"),
    "orange": ("terracotta", "terrakotta", "koralle", "coral", "apricot", "neonorange"),
    "pink": ("altrosa", "fuchsia", "magenta", "neonpink", "pastellrosa"),
    "purple": ("flieder", "lilac", "mauve", "aubergine", "pflaumenfarben"),
}.items() for w in words}  # fmt: skip
# a German compound ending in its family names it: "dunkelgrün", "hellgrau", "mintgrün"
_COMPOUND_PREFIXES = ("dunkel", "hell", "tief", "pastell", "neon", "matt", "mittel", "blass", "knall", "zart")


def _shopper_color(word: str, shades: bool) -> str | None:
    canon = COLOR_WORDS.get(word)
    if canon or not shades:
        return canon
    if canon := _SHOPPER_SHADES.get(word):
        return canon
    for prefix in _COMPOUND_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            rest = word[len(prefix):].lstrip("-")
            return _EXPLICIT.get(word) or COLOR_WORDS.get(rest)
    return None


def find_colors(text: str, shades: bool = False) -> list[str]:
    """The colour families a message names. `shades`: also shade names and compounds
    ("Türkis", "dunkelgrün") — for a question about a product's versions, not for a search,
    where "Terracotta" more often names the product than its colour."""
    found: list[str] = []
    words = re.findall(r"[a-zäöüß]+(?:-[a-zäöüß]+)?", text.lower())
    words = [p for w in words for p in ([w] if w in _SHOPPER_SHADES else w.split("-"))]
    for i, word in enumerate(words):
        canon = _shopper_color(word, shades)
        if canon == "blue" and i and words[i - 1] in ("dark", "dunkles", "dunkelblaue", "deep"):
            canon = "navy"  # "dark blue" is navy, as "dunkelblau" is
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
