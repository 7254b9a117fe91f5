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
    "rasierer": ("shaver", "razor"), "zahnbürste": ("toothbrush",), "haartrockner": ("hair dryer", "hairdryer"),
    # tailoring, underwear, nightwear
    "sakko": ("blazer", "sports jacket"), "smoking": ("tuxedo", "dinner jacket"), "fliege": ("bow tie",),
    "krawatte": ("tie", "necktie"), "budapester": ("brogues", "brogue"), "rollkragenpullover": ("turtleneck", "roll neck"),
    "kragenstäbchen": ("collar stays", "collar stiffeners"), "manschettenknöpfe": ("cufflinks",),
    "hosenträger": ("braces", "suspenders"), "unterhemd": ("undershirt", "base layer"), "unterhose": ("underpants", "briefs"),
    "nachthemd": ("nightdress", "nightgown", "nightie"), "morgenmantel": ("dressing gown", "robe"),
    "bademantel": ("bathrobe",), "kapuzenpullover": ("hoodie",), "trainingsanzug": ("tracksuit",),
    "strumpfhose": ("tights",), "badehose": ("swim shorts", "swimming trunks"), "schürze": ("apron",),
    "kittel": ("smock", "tunic"), "fäustlinge": ("mittens", "mitts"), "ohrenschützer": ("earmuffs",),
    "kappe": ("cap",), "stirnband": ("headband",), "sturmhaube": ("balaclava",), "schiebermütze": ("flat cap",),
    "turnschuhe": ("trainers", "sneakers"), "gummistiefel": ("wellies", "wellingtons", "rain boots"),
    "einlegesohlen": ("insoles",), "schnürsenkel": ("laces", "shoelaces"), "protektoren": ("armour", "armor", "protectors"),
    "protektor": ("protector", "armour", "armor"), "topcase": ("top box", "top case"), "wäschenetz": ("laundry bag", "wash bag"),
    "gutschein": ("voucher", "gift card"), "anhänger": ("pendant",), "brosche": ("brooch",),
    # kitchen, home, electrics
    "siebträgermaschine": ("espresso machine",), "kaffeemaschine": ("coffee machine", "coffee maker"),
    "wasserkocher": ("kettle",), "staubsauger": ("vacuum cleaner", "hoover"), "bügeleisen": ("iron",),
    "lichtwecker": ("wake up light", "sunrise alarm"), "waage": ("scales",), "glühbirne": ("light bulb", "bulb"),
    "batterie": ("battery",), "fernseher": ("television",), "tastatur": ("keyboard",), "bildschirm": ("monitor", "screen"),
    "drucker": ("printer",), "hülle": ("case", "cover"), "rauchmelder": ("smoke alarm", "smoke detector"),
    "besteck": ("cutlery",), "sieb": ("sieve", "strainer", "colander"), "schneebesen": ("whisk",),
    "nudelholz": ("rolling pin",), "schleifstein": ("whetstone", "sharpening stone"), "kopfkissen": ("pillow",),
    "bilderrahmen": ("picture frame",), "kerzenhalter": ("candle holder",),
    # tools, garden
    "kriechöl": ("penetrating oil",), "schrauben": ("screws",), "dübel": ("wall plugs", "anchors"),
    "schraubenschlüssel": ("spanner", "wrench"), "ratsche": ("ratchet",), "feile": ("file",), "meißel": ("chisel",),
    "hobel": ("plane",), "stichsäge": ("jigsaw",), "kreissäge": ("circular saw",), "schleifer": ("sander",),
    "schleifpapier": ("sandpaper",), "pinsel": ("paintbrush", "brush"), "klebeband": ("tape",),
    "werkzeugkasten": ("toolbox",), "schubkarre": ("wheelbarrow",), "rasenmäher": ("lawnmower", "mower"),
    "schlauch": ("inner tube", "tube"), "spaten": ("spade",), "schaufel": ("shovel",), "rechen": ("rake",),
    "heckenschere": ("hedge trimmer",),  # no "hose" for "Schlauch": the German "Hose" (trousers) "schutzbrille": ("safety glasses", "goggles"), "gehörschutz": ("ear defenders",),
    # sport, outdoor, bike, water
    "skibrille": ("ski goggles", "goggles", "goggle"), "skischuh": ("ski boot", "ski boots"), "skistöcke": ("ski poles",),
    "schlitten": ("sledge", "sled", "toboggan"), "steigeisen": ("crampons",), "eispickel": ("ice axe",),
    "klettergurt": ("climbing harness", "harness"), "seil": ("rope",), "karabiner": ("carabiner",),
    "isomatte": ("sleeping mat", "sleeping pad"), "kocher": ("stove",), "trinkflasche": ("water bottle",),
    "flossen": ("fins",), "schnorchel": ("snorkel",), "neoprenanzug": ("wetsuit",), "tauchcomputer": ("dive computer",),
    "atemregler": ("regulator",), "schloss": ("lock",), "reifen": ("tyre", "tire", "tyres", "tires"), "sattel": ("saddle",),
    "klingel": ("bell",), "pedale": ("pedals",), "bremse": ("brake",), "schutzblech": ("mudguard", "fender"),
    "packtasche": ("pannier", "panniers"), "trikot": ("jersey",),
    # riding
    "kandare": ("double bridle", "curb bit"), "trense": ("snaffle", "bridle"), "zaumzeug": ("bridle",),
    "schabracke": ("saddle pad", "saddle cloth"), "halfter": ("headcollar", "halter"), "führstrick": ("lead rope",),
    "striegel": ("curry comb",), "reithose": ("breeches", "jodhpurs"), "sporen": ("spurs",), "gerte": ("whip", "crop"),
    "zügel": ("reins",), "steigbügel": ("stirrups",),
    # music
    "geige": ("violin", "fiddle"), "violine": ("violin",), "bratsche": ("viola",), "gitarre": ("guitar",),
    "saiten": ("strings",), "saite": ("string",), "dämpfer": ("mute", "damper"), "bogen": ("bow",),
    "kolophonium": ("rosin",), "stimmgerät": ("tuner",), "notenständer": ("music stand",), "plektren": ("picks", "plectrums"),
    "kapodaster": ("capo",), "verstärker": ("amp", "amplifier"), "klavier": ("piano",), "flöte": ("flute",),
    "blockflöte": ("recorder",), "schlagzeug": ("drums", "drum kit"), "trommel": ("drum",), "etui": ("case",),
    "haube": ("hood",), "kapuze": ("hood",), "boje": ("buoy",), "kompass": ("compass",), "bleigurt": ("weight belt",),
    "trockenanzug": ("drysuit", "dry suit"), "unterzieher": ("undersuit",), "expressset": ("quickdraw", "quickdraws"),
    "bandschlinge": ("sling", "slings"), "reepschnur": ("cord", "accessory cord"), "magnesia": ("chalk",),
    "griffbrett": ("hangboard", "fingerboard"), "wanderschuh": ("hiking boot", "hiking shoe"),
    "matratzenschoner": ("mattress protector",), "matratzenauflage": ("mattress topper",), "siegelring": ("signet ring",),
    # baby
    "stilleinlagen": ("breast pads", "nursing pads"), "tragetuch": ("sling", "wrap"), "stillkissen": ("nursing pillow",), "wickeltasche": ("changing bag", "diaper bag"),
    "wickelunterlage": ("changing mat",), "beißring": ("teether",),
}
# first parts of compounds: what a product is for (not materials: "Baumwolle" is no "Wolle"); a
# German name word starting with one is matched ("Lese-brille"), other name words by their end
FIRST_PARTS: dict[str, tuple[str, ...]] = {
    "lese": ("reading",), "regen": ("rain",), "matsch": ("mud", "rain"), "sonnen": ("sun",),
    "schlepp": ("trailing", "drag"), "rückruf": ("recall",), "hand": ("manual", "hand"),
    "knie": ("knee",), "koch": ("chef", "cook", "cooking"), "thermo": ("thermal",), "huf": ("hoof", "hooves"),
    "touren": ("touring",), "kletter": ("climbing",), "tauch": ("diving", "dive"), "reit": ("riding",),
    "umstands": ("maternity",), "wäsche": ("laundry",), "wander": ("hiking",), "neopren": ("neoprene",),
    "kompressions": ("compression",), "reise": ("travel",),
}
# fmt: on
_PAIRS.update(FIRST_PARTS)

# English word -> German words
_EN: dict[str, set[str]] = {}
for _de, _ens in _PAIRS.items():
    for _en in _ens:
        _EN.setdefault(_en, set()).add(_de)

MIN_WORD = 4  # a single request word shorter than this is not translated ("tie", "bow" only in "bow tie")
NAMING_LETTERS = 6  # a request word this long whose translation is a whole name word of one or two products names them
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
    if word not in _PAIRS and not found:  # a German plural: "Geigen", "Jacken", "Schuhe"
        word = next((word[:-cut] for cut in (1, 2) if word[-cut:] in ("e", "n", "en") and word[:-cut] in _PAIRS), word)
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


def translated_hits(word: str, names: NameIndex) -> list[tuple[dict[str, float], str, list[set[str]]]]:
    """Name words the request word's other-language names match, one map (name word -> `TRANSLATED`) per
    translation with the translation's language: a name word itself, or a compound ending with it
    ("glasses" -> "Lesebrille", not "Brillenetui"), or starting with it when it is a first part
    ("reading" -> "Lesebrille"). Meant for products named only in that language (the embedding
    misses the other language), so counted even when short. The third element holds the name words
    of each part of a translation of several words ("impact driver")."""
    found: list[tuple[dict[str, float], str, list[set[str]]]] = []
    for other in other_language(word):
        hits: dict[str, float] = {}
        groups: list[set[str]] = []
        for part in tokens(other):
            if len(part) < 3 or part in QUALITY_WORDS:
                continue
            group = {part} if part in names.names else set()
            if len(part) >= 4 or part in FIRST_PARTS:
                compounds = names.starting(part) if part in FIRST_PARTS else names.ending(part)
                group |= {name for name in compounds if len(name) >= len(part) + 3}
            hits.update((name, TRANSLATED) for name in group)
            groups.append(group)
        if hits:
            found.append((hits, "de" if other in _PAIRS else "en", groups))
    return found


def translated_scores(
    words: Iterable[str], names: NameIndex, titles: Callable[[str], set[str]], max_products: int
) -> dict[str, float]:
    """product id -> what the request's words in the other language add to its name match (0..1).

    Each translation counts for the products named in its language alone (`titles`: a product's
    title languages; one named in the request's language too is found by that name), by its
    rarity like a typed word (none when it names more than `max_products`); the translations add
    up ("reading" and "glasses" both name the "Lesebrille"). Two or three request words in a row
    that are one English name ("spirit level", "bow tie") are translated as one, also when a word is
    short; a single word only from `MIN_WORD` letters."""
    scores: dict[str, float] = {}
    words = list(words)
    # English names of two or three words ("spirit level", "wake up light") read as one word
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if f"{a} {b}" in _EN]
    pairs += [f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False) if f"{a} {b} {c}" in _EN]
    for word in [*(w for w in words if len(w) >= MIN_WORD), *pairs]:
        for hits, lang, groups in translated_hits(word, names):
            named = {pid: value for name, value in hits.items() for pid in names.names[name]}
            if len(groups) > 1:  # a name of several words: the products whose names have them all, if any
                every = set.intersection(*({pid for name in group for pid in names.names[name]} for group in groups))
                named = {pid: value for pid, value in named.items() if pid in every} or named
            if len(named) > max_products:
                continue
            rarity = min(1.0, 2 / len(named))
            for pid, value in named.items():
                if titles(pid) <= {lang}:
                    scores[pid] = min(1.0, scores.get(pid, 0.0) + value * rarity)
    return scores


def translated_names(words: Iterable[str], names: NameIndex, titles: Callable[[str], set[str]]) -> set[str]:
    """Products a request word names in the other language as surely as typed: a word of at least
    `NAMING_LETTERS` letters whose translation is a whole word of the name of one or two products
    named in that language alone ("brogues" the "Budapester Derby", "Siebträgermaschine" the
    "Espresso Machine Duo"): shown even when the embedding does not see the match."""
    found: set[str] = set()
    for word in words:
        if len(word) < NAMING_LETTERS:
            continue
        for other in other_language(word):
            lang = "de" if other in _PAIRS else "en"
            parts = [p for p in tokens(other) if len(p) >= 3 and p not in QUALITY_WORDS]
            named = set.intersection(*(set(names.names.get(p, ())) for p in parts)) if parts else set()
            if 0 < len(named) <= 2 and all(titles(pid) <= {lang} for pid in named):
                found |= named
    return found


def kind_names(word: str) -> set[str]:
    """The other language's words for the kind of product a name word says: of the word itself,
    in the singular or the plural ("boot" / "boots" -> "stiefel"), or of a German compound's last
    part ("Lederreitstiefel" -> "boots"), never of its first part ("Reit-" is no kind)."""
    word = word.lower()
    if word in QUALITY_WORDS or len(word) < 3:
        return set()
    found = {w for form in (word, word + "s", word[:-1] if word.endswith("s") else word) for w in _EN.get(form, ())}
    stems = [word, *(word[: -len(end)] for end in ("e", "n", "en") if word.endswith(end))]
    german = next((stem for stem in stems if stem in _PAIRS), None)  # "Helme", "Jacken": the plural
    if german is not None and german not in FIRST_PARTS:
        found |= set(_PAIRS[german])
    elif (split := _compound(word)) and split[1] in _PAIRS and split[1] not in FIRST_PARTS:
        found |= set(_PAIRS[split[1]])
    return {w for w in found if " " not in w}
