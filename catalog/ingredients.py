"""What a food, drink, cosmetic or drugstore product's text says it contains, German and English:
its ingredient or INCI list ("Zutaten: …", "Ingredients: …", "INCI: …"), what it claims to be free
of ("glutenfrei", "free from parabens", "ohne Silikone", "entkoffeiniert"), what it declares
("Enthält Sulfite", "Allergens: …"), the traces it may hold ("Kann Spuren von Nüssen enthalten")
and its labels (vegan, vegetarian, organic incl. "DE-ÖKO-006", halal, kosher, pregnancy).

A list that does not name a substance is not a claim the product is free of it; the caller says
which of the two the text states (`actions.ingredient_answer`). Words only, nothing from one shop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.sentences import plain_text, split_sentences

# substance -> (German name, English name, words that name it in a question, in a list or a claim)
# (allergen groups as EU labelling law groups them: oats and spelt are cereals with gluten, almonds nuts)
SUBSTANCES: dict[str, tuple[str, str, str]] = {
    "gluten": ("Gluten", "gluten", r"gluten\w*|\w*weizen\w*|roggen\w*|gerste\w*|hafer\w*|dinkel\w*|wheat\w*|\brye\b|barley|\boats?\b|spelt|\w*malz\b|\bmalt\b"),
    "milk": ("Milch/Laktose", "milk/lactose",
             r"la[ck]tose\w*|\w*milch\w*|\bmilk\w*|dairy|sahne|\brahm\b|\w*butter\b|molke\w*|\bwhey\b|\w*käse\b|cheese|joghurt|yog(?:h)?urt|quark|[ck]asein\w*"),
    "nuts": ("Nüsse", "nuts", r"\w*nüsse\b|\w*nuss\b|\w*nuts?\b|mandel\w*|almond\w*|cashew\w*|pistazie\w*|pistachio\w*|pe[ck]an\w*|macadamia\w*|schalenfr\w*"),
    "peanuts": ("Erdnüsse", "peanuts", r"erdn[uü]\w*|peanut\w*|arachis\w*"),
    "soy": ("Soja", "soy", r"\w*soja\w*|\bsoy\w*"),
    "egg": ("Ei", "egg", r"\beier?\b|\beier\w+|\w*eigelb\w*|eiklar|vollei\w*|\beggs?\b|egg (?:yolk|white)"),
    "sesame": ("Sesam", "sesame", r"sesam\w*"),
    "celery": ("Sellerie", "celery", r"sellerie\w*|celery|celeriac"),
    "mustard": ("Senf", "mustard", r"\w*senf\w*|mustard\w*"),
    "fish": ("Fisch", "fish", r"\w*fisch\b|\bfish\w*"),
    "lupin": ("Lupine", "lupin", r"lupine?\w*"),
    "sulphites": ("Sulfite", "sulphites", r"sul(?:f|ph)it\w*|schwefeldioxid|sul(?:f|ph)ur dioxide"),
    "sugar": ("Zucker", "sugar", r"\w*zucker\w*|\bsugars?\b|gluko\w*|gluco\w*|fru[ck]tose|dextrose|saccharose|sucrose|honig|honey|\w*sirup|\w*syrup"),
    "alcohol": ("Alkohol", "alcohol", r"alkohol\w*|alcohol\w*|ethanol"),
    "parabens": ("Parabene", "parabens", r"\w*paraben\w*"),
    "silicones": ("Silikone", "silicones", r"silikon\w*|silicon\w*|\w*methicon\w*|\w*siloxan\w*"),
    "palm_oil": ("Palmöl", "palm oil", r"palm(?:kern)?(?:öl|fett)\w*|palm (?:kernel )?(?:oil|fat)|elaeis"),
    "fragrance": ("Duftstoffe", "fragrance", r"parf[uü]m\w*|duftstoff\w*|fragrance\w*|perfume\w*|\bdüfte\b|\bduft\b|\bscent(?:ed)?\b|\bsmell"),
    "caffeine": ("Koffein", "caffeine", r"[ck]off?ein\w*|caffein\w*|\bdecaf\w*"),
    "gelatin": ("Gelatine", "gelatin", r"gelatine?"),
}  # fmt: skip
# words that look like a substance and are none: cocoa and shea butter, coconut and oat milk, lactic acid, a sun milk
_NOT = {
    "milk": r"kakaobutter|cocoa butter|shea ?butter|parkii butter|kokos\w*milch|coconut milk|(?:mandel|hafer|soja|reis)\w*milch|(?:almond|oat|soy|rice) milk"
    r"|milchsäure|lactic|sonnenmilch|sun milk|reinigungsmilch|body ?milk|körpermilch|erdnussbutter|peanut butter|milchig",
    "nuts": r"erdn[uü]\w*|peanut\w*|muskatnuss|nutmeg|kokosnu\w*|coconut\w*|nuts? free|nussfrei",
    "sugar": r"zuckerfrei|sugar[- ]free|zuckeraustausch\w*|zuckerrohr(?:alkohol)?",
    "alcohol": r"alkoholfrei|alcohol[- ]free",
    "caffeine": r"koffeinfrei|caffeine[- ]free",
    "fish": r"fischöl-?frei",
}
_SUBSTANCE = {
    k: re.compile(rf"(?<![\w-])(?:{words})", re.I) for k, (_, _, words) in SUBSTANCES.items()
}
_EXCLUDED = {k: re.compile(words, re.I) for k, words in _NOT.items()}

# labels a product carries: (words of the label, words that deny it)
CLAIMS: dict[str, str] = {
    "vegan": r"vegan\w*",
    "vegetarian": r"vegetari\w*|veggie",
    "organic": r"\bbio\b|\bbio-\w+|\w+-bio\b|\beu-?bio\w*|biologisch\w*(?! abbaubar)|ökologisch\w*|\böko\b|\bde-öko-\d{3}|organic\w*|\bkb[at]\b"
    r"|demeter|bioland|naturland",
    "halal": r"halal\w*",
    "kosher": r"koscher\w*|kosher\w*",
    "pregnancy": r"schwanger\w*|stillzeit|stillende\w*|pregnan\w*|breast-?feeding|nursing mothers",
}
# ingredients no vegan (or vegetarian) product holds: "Honig", "Bienenwachs (Cera Alba)", "Gelatine", "Lanolin"
_ANIMAL = r"\w*fleisch\w*|\bmeat\b|\bbeef\b|\bpork\b|chicken|\bhuhn\b|hühnchen|\w*fisch\b|\bfish\b|gelatine?|karmin|carmine|schellack|shellac"
NOT_VEGETARIAN = re.compile(rf"(?<![\w-])(?:{_ANIMAL})", re.I)
NOT_VEGAN = re.compile(
    rf"(?<![\w-])(?:{_ANIMAL}|honig|honey|bienenwachs|beeswax|cera alba|lanolin\w*|propolis|gelée royale|royal jelly)",
    re.I,
)
_CLAIM = {k: re.compile(rf"(?<![\w])(?:{w})", re.I) for k, w in CLAIMS.items()}
_DENIED = re.compile(r"\b(?:nicht|not|non|kein\w*|no|never|nie)\b[-\s]+(?:\w+[-\s]+){0,3}$", re.I)
_SUITS = re.compile(
    r"geeignet|suitable|unbedenklich|\bsafe\b|empfohlen|recommended|\bideal\b|\bauch (?:in|für|während)\b|\balso (?:during|for)\b",
    re.I,
)
# a label that says the product is not (for) it: "nicht vegan", "Not suitable during pregnancy", "Schwangere sollten … meiden"
_AVOID = re.compile(r"\bnicht\b|\bnot\b|\bno\b|\bkein\w*|vermeiden|meiden|abraten|avoid", re.I)
_ASK_DOCTOR = re.compile(
    r"consult|ärztlich|\bdoctor\b|\barzt\b|rücksprache|physician", re.I
)  # "ask your doctor first": neither

# "Zutaten:", "Ingredients (INCI):", "Zusammensetzung:", "Inhaltsstoffe:", "Composition:"
_LIST_LABEL = re.compile(
    r"^\W*(zutaten(?:liste)?|ingredients?|inci|inhaltsstoffe|zusammensetzung|composition)\b[^:]{0,24}:\s*(\S.*)$",
    re.I,
)
_FREE_WORD = re.compile(
    r"((?:[\w]+-\s*(?:,\s*|\s+(?:und|and|&|sowie|oder|or)\s+))*[\w]+?)-?\s?(?:frei|free)(?:e[nrms]?)?\b", re.I
)
_FREE_CLAUSE = re.compile(
    r"\b(?:frei von|free (?:from|of)|ohne|without|enthält kein\w*|contains no|does not contain|with no|kein\w* zusatz von|no|kein\w*)\s+([^.;:!?]*)",
    re.I,
)
_ADDED = re.compile(
    r"zugesetzt\w*|zusatz|\badded\b", re.I
)  # "ohne zugesetzten Zucker" is no "zuckerfrei"
_DECAF = re.compile(r"entkoffeiniert\w*|decaffeinated|\bdecaf\b", re.I)
# words saying a product is free of a substance without naming it: "entkoffeiniert", "unscented"
_IMPLIED_FREE = {
    "caffeine": _DECAF,
    "fragrance": re.compile(
        r"unparfümiert\w*|unscented|unperfumed|duftneutral\w*|geruchsneutral\w*|ohne duft\w*|odou?rless",
        re.I,
    ),
}
_TRACES = re.compile(
    r"spuren\b|traces?\b|may contain|kann\b[^.;]{0,60}\benthalten|in einem betrieb|in a facility|same (?:facility|production line)",
    re.I,
)
_DECLARES = re.compile(
    r"\b(?:enthält|enthalten|contains?|containing|allergene?|allergens?)\b\s*:?\s*([^.;!?]*)", re.I
)
_CLAUSE_END = re.compile(r"\b(?:aber|but|jedoch|however)\b", re.I)
_ITEM_SPLIT = re.compile(r",\s*(?![^()]*\))|;\s*")


@dataclass
class IngredientList:
    label: str  # as the merchant wrote it: "Zutaten", "INCI"
    text: str  # the whole line, label included
    items: list[str]


def _plain_lines(texts: list[str]) -> list[str]:
    return [
        line.strip() for text in texts for line in plain_text(text).splitlines() if line.strip()
    ]


def ingredient_lists(texts: list[str]) -> list[IngredientList]:
    """Each labelled list of the texts, split into its items at commas outside brackets."""
    out = []
    for line in _plain_lines(texts):
        m = _LIST_LABEL.match(line)
        if m:
            items = [i.strip(" .*") for i in _ITEM_SPLIT.split(m.group(2)) if i.strip(" .*")]
            out.append(IngredientList(m.group(1), line, items))
    return out


def names(substance: str, text: str) -> list[str]:
    """The words of the text naming the substance ("Haselnüsse", "Cetearyl Alcohol"), none of its look-alikes."""
    excluded = _EXCLUDED.get(substance)
    cleaned = excluded.sub(lambda m: " " * len(m.group(0)), text) if excluded else text
    return [m.group(0) for m in _SUBSTANCE[substance].finditer(cleaned)]


def asked_substances(question: str) -> list[str]:
    """The substances a question names ("Ist da Zucker drin?" -> sugar, "silikonfrei?" -> silicones)."""
    stems = re.sub(
        r"(\w{3,}?)-?\s?(?:frei|free)(?:e[nrms]?)?\b", r"\1 ", question
    )  # "koffeinfrei?" names caffeine
    return [
        s
        for s in SUBSTANCES
        if names(s, stems) or (s in _IMPLIED_FREE and _IMPLIED_FREE[s].search(question))
    ]


def asked_claims(question: str) -> list[str]:
    return [c for c, pattern in _CLAIM.items() if pattern.search(question)]


def sentences_of(texts: list[str]) -> list[str]:
    """The texts' sentences, each once."""
    return list(dict.fromkeys(s for text in texts for s in split_sentences(text, min_chars=1)))


def states_free(substance: str, sentence: str) -> bool:
    """True when the sentence says the product is free of the substance: "Gluten- und laktosefrei",
    "free from parabens", "ohne Silikone", "decaffeinated" (not "ohne zugesetzten Zucker")."""
    if substance in _IMPLIED_FREE and _IMPLIED_FREE[substance].search(sentence):
        return True
    for m in _FREE_WORD.finditer(sentence):
        if _SUBSTANCE[substance].search(m.group(1)) and not _DENIED.search(sentence[: m.start()]):
            return True
    for m in _FREE_CLAUSE.finditer(sentence):
        clause = _CLAUSE_END.split(m.group(1))[0]
        if _SUBSTANCE[substance].search(clause) and not _ADDED.search(clause):
            return True
    return False


def states_traces(substance: str, sentence: str) -> bool:
    """True when the sentence says the product may hold traces of it ("Kann Spuren von Nüssen enthalten")."""
    return (
        bool(_TRACES.search(sentence))
        and bool(names(substance, sentence))
        and not states_free(substance, sentence)
    )


def declares(substance: str, sentence: str) -> bool:
    """True when the sentence declares the substance ("Enthält Sulfite.", "Allergens: oats, almonds")."""
    if _TRACES.search(sentence) or states_free(substance, sentence):
        return False
    return any(
        names(substance, _CLAUSE_END.split(m.group(1))[0]) for m in _DECLARES.finditer(sentence)
    )


def claim_sentences(claim: str, sentences: list[str]) -> list[tuple[str, str | None]]:
    """(sentence, "yes" / "no" / None) for each sentence naming the label: "vegan" affirms, "nicht
    vegan" and "Not suitable during pregnancy" deny, "Fragen Sie in der Schwangerschaft …" neither."""
    out: list[tuple[str, str | None]] = []
    for sentence in sentences:
        m = _CLAIM[claim].search(sentence)
        if not m:
            continue
        if claim == "pregnancy":
            verdict = (
                None
                if _ASK_DOCTOR.search(sentence)
                else "no"
                if _AVOID.search(sentence)
                else "yes"
                if _SUITS.search(sentence)
                else None
            )
            out.append((sentence, verdict))
        else:
            out.append((sentence, "no" if _DENIED.search(sentence[: m.start()]) else "yes"))
    return out
