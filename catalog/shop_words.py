"""What a product is called in the other language: generic shop nouns in German and English.

A shopper asks in one language for a product the merchant named in the other ("reading
glasses" for the "Lesebrille", "Matschanzug" for the "Rain Suit", "a long line" for the
"Schleppleine"). USE puts a single word far from its translation when the product's text is
long, so `catalog.search` also matches the request's words in the other language against the
product names. Only generic shop vocabulary (clothing, pets, baby, home, garden, outdoor,
electronics, care), never one catalog's words; a German compound is read by its last part
("Hundekörbchen" is a "Körbchen", a bed or basket) and a known first part ("Lese-brille":
reading); an English plural is read as its singular ("carriers", "leashes").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from catalog.names import NameIndex, tokens
from catalog.query import QUALITY_WORDS

# German word (or compound part) -> English words; lower case. The English side is read back
# for English requests (English word -> German words).
# fmt: off
_PAIRS: dict[str, tuple[str, ...]] = {
    # clothing
    "jacke": ("jacket",), "mantel": ("coat",), "hose": ("trousers", "pants"), "anzug": ("suit",),
    "kleid": ("dress",), "rock": ("skirt",), "hemd": ("shirt",), "bluse": ("blouse",),
    "pullover": ("sweater", "jumper"), "strickjacke": ("cardigan",), "weste": ("vest", "gilet"),
    "mütze": ("hat", "beanie", "cap"), "hut": ("hat",), "schal": ("scarf",), "handschuhe": ("gloves",),
    "handschuh": ("glove", "gloves"), "socken": ("socks",), "strümpfe": ("socks", "stockings"),
    "schuhe": ("shoes",), "schuh": ("shoe", "shoes"), "stiefel": ("boots",), "sandalen": ("sandals",),
    "hausschuhe": ("slippers",), "gürtel": ("belt",), "schlafanzug": ("pyjamas", "pajamas"),
    "strampler": ("romper",), "schlafsack": ("sleeping bag",), "badeanzug": ("swimsuit",),
    # bags, accessories
    "tasche": ("bag",), "rucksack": ("backpack", "rucksack"), "koffer": ("suitcase",),
    "geldbörse": ("wallet", "purse"), "brille": ("glasses", "spectacles", "readers"),
    "uhr": ("watch", "clock"), "kette": ("necklace", "chain"), "ohrringe": ("earrings",),
    "armband": ("bracelet",), "regenschirm": ("umbrella",), "schirm": ("umbrella",),
    # pets
    "leine": ("leash", "lead", "line"), "geschirr": ("harness", "dishes", "tableware"),
    "halsband": ("collar",), "napf": ("bowl",), "körbchen": ("bed", "basket"), "korb": ("basket",),
    "bett": ("bed",), "kissen": ("cushion", "pillow"), "decke": ("blanket",), "futter": ("food",),
    "spielzeug": ("toy", "toys"), "kratzbaum": ("cat tree",), "katzenklo": ("litter box",),
    "transportbox": ("carrier", "crate"),
    # baby
    "trage": ("carrier",), "kinderwagen": ("pram", "stroller"), "schnuller": ("dummy", "pacifier"),
    "windel": ("nappy", "diaper"), "windeln": ("nappies", "diapers"), "lätzchen": ("bib",),
    # home, kitchen
    "lampe": ("lamp", "light", "lights"), "leuchte": ("lamp", "light", "lights"), "licht": ("light", "lights"), "matratze": ("mattress",),
    "teppich": ("rug", "carpet"), "vorhang": ("curtain",), "handtuch": ("towel",),
    "bettwäsche": ("bedding", "bed linen"), "spiegel": ("mirror",), "stuhl": ("chair",),
    "tisch": ("table",), "regal": ("shelf",), "schüssel": ("bowl",), "teller": ("plate",),
    "tasse": ("cup", "mug"), "becher": ("mug", "cup"), "flasche": ("bottle",), "kanne": ("jug", "pot", "can"),
    "topf": ("pot",), "pfanne": ("pan",), "messer": ("knife",), "schneidebrett": ("chopping board",),
    "tuch": ("cloth",), "kerze": ("candle",), "mühle": ("grinder", "mill"), "kaffeemühle": ("coffee grinder",),
    "laken": ("sheet",), "spannbettlaken": ("fitted sheet",), "bettdecke": ("duvet",), "bettbezug": ("duvet cover",),
    # garden, outdoor, tools
    "schere": ("scissors", "shears", "secateurs"), "zelt": ("tent",),
    "gießkanne": ("watering can",), "säge": ("saw",),
    "bohrer": ("drill",), "leiter": ("ladder",), "hochbeet": ("raised bed",), "stirnlampe": ("headlamp", "head torch"),
    "taschenlampe": ("torch", "flashlight"), "fahrrad": ("bike", "bicycle"), "helm": ("helmet",),
    "wasserwaage": ("spirit level",), "hammer": ("hammer",), "zange": ("pliers",), "schraubendreher": ("screwdriver",),
    "bohrmaschine": ("drill",), "schrauber": ("driver",), "schlagschrauber": ("impact driver",),
    "bohrschrauber": ("drill driver",), "knieschoner": ("knee pads",), "kniepolster": ("knee pads",),
    "arbeitshose": ("work trousers",), "latzhose": ("dungarees", "overalls", "bib trousers"),
    # electronics
    "kopfhörer": ("headphones", "earphones"), "lautsprecher": ("speaker",), "ladegerät": ("charger",),
    "kabel": ("cable",), "akku": ("battery",), "heizung": ("heater",), "heizstab": ("heater",),
    "ventilator": ("fan",), "pumpe": ("pump",), "wecker": ("alarm clock",),
    # care
    "creme": ("cream",), "seife": ("soap",), "bürste": ("brush",), "kamm": ("comb",),
}
# first parts of compounds: what a product is for (not materials: "Baumwolle" is no "Wolle"); a
# German name word starting with one is matched ("Lese-brille"), other name words by their end
FIRST_PARTS: dict[str, tuple[str, ...]] = {
    "lese": ("reading",), "regen": ("rain",), "matsch": ("mud", "rain"), "sonnen": ("sun",),
    "schlepp": ("trailing", "drag"), "rückruf": ("recall",), "hand": ("manual", "hand"),
}
# fmt: on
_PAIRS.update(FIRST_PARTS)

# English word -> German words
_EN: dict[str, set[str]] = {}
for _de, _ens in _PAIRS.items():
    for _en in _ens:
        _EN.setdefault(_en, set()).add(_de)

MIN_FIRST_PART = 3  # a compound's first part must be this long to be read ("Lese-", not "E-")
# What a name word matched in the other language counts (a word typed as in the name counts 1):
# evidence the embedding misses, but a kind of product ("food", "tent") names many.
TRANSLATED = 0.5


def _compound(word: str) -> tuple[str, str] | None:
    """(first part, last part) of a German compound: the longest known last part, else the longest
    known first part ("Rückruf-training")."""
    for length in range(len(word) - MIN_FIRST_PART, 2, -1):
        if word[-length:] in _PAIRS:
            return word[:-length], word[-length:]
    for length in range(len(word) - MIN_FIRST_PART, MIN_FIRST_PART, -1):
        if word[:length] in _PAIRS:
            return word[:length], word[length:]
    return None


def other_language(word: str) -> set[str]:
    """The request word's names in the other language (lower case, whole words; may be empty).

    An English word gives the German words; a German word or compound gives the English words of
    itself, of its last part and of a known first part (a linking "s" or "e" dropped), and the
    German words those English words name."""
    word = word.lower()
    if word in QUALITY_WORDS:  # "light" of "a light jacket" is no lamp
        return set()
    found = set(_EN.get(word, ()))
    if not found and word not in _PAIRS and len(word) >= 4 and word.endswith("s"):  # an English plural: "carriers", "boxes"
        found = set(_EN.get(word[:-1], ()) or _EN.get(word[:-2], ()) if word.endswith("es") else _EN.get(word[:-1], ()))
    if word in _PAIRS:
        found |= set(_PAIRS[word])
    elif split := _compound(word):
        first, head = split
        found |= set(_PAIRS.get(head, ()))
        for part in (first, first.rstrip("s"), first.rstrip("e"), first + "e"):
            if part in _PAIRS:
                found |= set(_PAIRS[part])
                break
    # and the German synonyms the English words name ("Körbchen" -> bed -> "Bett")
    synonyms = {german for english in found for german in _EN.get(english, ())}
    return found | {german for german in synonyms if german not in word}


def translated_hits(word: str, names: NameIndex) -> list[tuple[dict[str, float], str]]:
    """Name words the request word's other-language names match, one map (name word -> `TRANSLATED`) per
    translation with the translation's language: a name word itself, or a compound ending with it
    ("glasses" -> "Lesebrille", not "Brillenetui"), or starting with it when it is a first part
    ("reading" -> "Lesebrille"). Meant for products named only in that language (the embedding
    misses the other language), so counted even when short."""
    found: list[tuple[dict[str, float], str]] = []
    for other in other_language(word):
        hits: dict[str, float] = {}
        for part in tokens(other):
            if len(part) < 3 or part in QUALITY_WORDS:
                continue
            if part in names.names:
                hits[part] = TRANSLATED
            if len(part) >= 4:
                compounds = names.starting(part) if part in FIRST_PARTS else names.ending(part)
                hits.update((name, TRANSLATED) for name in compounds if len(name) >= len(part) + 3)
        if hits:
            found.append((hits, "de" if other in _PAIRS else "en"))
    return found


def translated_scores(
    words: Iterable[str], names: NameIndex, titles: Callable[[str], set[str]], max_products: int
) -> dict[str, float]:
    """product id -> what the request's words in the other language add to its name match (0..1).

    Each translation counts for the products named in its language alone (`titles`: a product's
    title languages; one named in the request's language too is found by that name), by its
    rarity like a typed word (none when it names more than `max_products`); the translations add
    up ("reading" and "glasses" both name the "Lesebrille"). Two request words in a row that are one
    English name ("spirit level") are translated as one."""
    scores: dict[str, float] = {}
    words = list(words)
    # two-word English names ("spirit level", "knee pads") read as one word
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if f"{a} {b}" in _EN]
    for word in [*words, *pairs]:
        for hits, lang in translated_hits(word, names):
            named = {pid: value for name, value in hits.items() for pid in names.names[name]}
            if len(named) > max_products:
                continue
            rarity = min(1.0, 2 / len(named))
            for pid, value in named.items():
                if titles(pid) <= {lang}:
                    scores[pid] = min(1.0, scores.get(pid, 0.0) + value * rarity)
    return scores
