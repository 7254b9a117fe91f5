"""Product features shoppers ask about, in German and English, and whether a sentence denies them.

USE puts "lined" far from "gefüttert" and "hood" far from "Kapuze" in short questions, so a
German question would miss the English sentence and the other way round. Each feature here is
one set of word stems of both languages (generic shop vocabulary: clothing, outdoor,
electronics, household — nothing from one catalog). `catalog.passages` treats a feature named
in a question like a kind of fact: a sentence naming it ranks first, a sentence without it is
never a confident answer. A sentence that names it negated ("Ungefüttert", "not lined",
"ohne Kapuze") answers a yes/no question with no.
"""

from __future__ import annotations

import re

# feature -> word stems (regex, matched at a word start; a German compound's end is matched
# too: "Innenfutter", "Seitentaschen")
_FEATURES: dict[str, str] = {
    "lining": r"gefüttert\w*|fütterung|\w*futter\b|lined\b|lining|unlined|ungefüttert\w*",
    "hood": r"\w*kapuze\w*|hood(?:ed|s)?\b|hoodless",
    "zip": r"\w*reißverschl\w*|\w*reissverschl\w*|zip(?:s|ped|per|pers)?\b|zip-?off",
    "pocket": r"\w*taschen\b|\w+tasche\b|pocket\w*",
    "breathable": r"atmungsaktiv\w*|breathab\w*|breathes",
    "insulation": r"isoliert\w*|isolierung|wattier\w*|insulat\w*|thermo(?:-|isol\w*|futter\w*|\b)|daune\w*|down-?fill\w*",
    "padding": r"gepolstert\w*|polster\w*|pads?\b|padded|padding|cushion\w*",
    "windproof": r"winddicht\w*|windabweisend\w*|windfest\w*|windproof|wind-?resistant|windstopper",
    "stretch": r"elastisch\w*|dehnbar\w*|stretch\w*",
    "reflective": r"reflektier\w*|reflektor\w*|reflective|reflector\w*|reflex\w*|hi-?vis\w*|high[- ]visibility",
    "non_slip": r"rutschfest\w*|rutschhemmend\w*|anti-?rutsch\w*|griffig\w*|non-?slip|anti-?slip|slip-?resistant|grippy",
    "polarized": r"polari[sz](?:ed|ing|ation\w*|iert\w*|ierung\w*)",
    "uv": r"uv-?schutz|upf\b|uv protection|uv\b",
    "adjustable": r"\w*verstellbar\w*|einstellbar\w*|adjustable|adjusts?\b",
    "foldable": r"faltbar\w*|klappbar\w*|zusammenklappbar\w*|zusammenfaltbar\w*|foldable|folds?\b|folding|collapsible",
    "removable": r"abnehmbar\w*|herausnehmbar\w*|abtrennbar\w*|entnehmbar\w*|herausnehmen|entnehmen|removable|detachable|zip-?out"
                 r"|take\w* (?:\w+ ){0,2}out\b|comes? out\b",
    "usb_c": r"usb-?c\b|usb typ-?c|usb type-?c|type-?c\b|typ-?c\b",
    "wireless": r"kabellos\w*|wireless|cordless|bluetooth",
    "dimmable": r"dimmbar\w*|dimmable|dimmer",
    "timer": r"timer\w*|zeitschaltuhr|abschaltautomatik|auto(?:matic)?[- ]?off|schaltet\w* (?:sich )?automatisch",
    "remote": r"fernbedienung\w*|remote\b|remote control",
    "dishwasher": r"spülmaschine\w*|geschirrspüler\w*|dishwasher\w*",
    "microwave": r"mikrowelle\w*|microwave\w*",
    "oven": r"backofen\w*|ofenfest\w*|oven\w*",
    "induction": r"induktion\w*|induction",
    "non_stick": r"antihaft\w*|non-?stick",
    "lid": r"deckel\w*|\blid\b|lids\b",
    "stackable": r"stapelbar\w*|stackable|stacks?\b",
    "lockable": r"abschließbar\w*|verschließbar\w*|lockable|lock\b|schloss\b",
    "wheels": r"räder\w*|rädern|rollen\b|wheels?\b|castors?\b|casters?\b",
    "assembly": r"aufbau\w*|montage\w*|zusammenbau\w*|montiert|assembl\w*",
    "vegan": r"vegan\w*",
    "recycled": r"recycelt\w*|recycling\w*|recycled",
    "hypoallergenic": r"hypoallergen\w*|allergikerfreundlich\w*|allergy[- ]friendly",
    "magnetic": r"magnet\w*",
    "collar": r"\w*kragen\b|collar\w*",
    "cuffs": r"\w*bündchen\b|cuffs?\b|ribbed hem",
    "drawstring": r"kordelzug\w*|tunnelzug\w*|\w*kordel\b|drawstring\w*|drawcord\w*",
    "buttons": r"\w*knöpfe\w*|knopf\w*|\w*knopfleiste|buttons?\b|druckknöpfe|snaps?\b|press studs?",
    "sleeves": r"\w*ärmel\w*|sleeve\w*|armlänge\w*",  # a shirt's "Armlänge" is its sleeve length
    "sole": r"\w*sohle\w*|(?:out|mid|in)?soles?\b",
    "gusset": r"\w*zwickel\w*|gussets?\b",
    "brim": r"\w*krempe\w*|brims?\b",
    "blade": r"\w*blatt\b|\w*blätter\b|blades?\b",
    "sweatband": r"schwei(?:ß|ss)b(?:a|ä)nd\w*|sweatbands?\b",
    "strap": r"\w*riemen\b|\w*gurt\b|\w*gurte\b|tragegurt\w*|straps?\b|shoulder strap",
    "microphone": r"mikrofon\w*|mikro\b|microphone\w*|\bmic\b",
    "noise_cancelling": r"geräuschunterdrückung\w*|noise[- ]cancel\w*|\banc\b",
    "display": r"display\w*|bildschirm\w*|anzeige\b|screen\w*|touch-?screen\w*",
    "app": r"app\b|apps\b|smartphone-app|companion app",
    "fabric_softener": r"weichspüler\w*|(?:fabric )?softener\w*",
    "shrink": r"einlaufen|läuft\w*(?:\W+\w+){0,5}?\W+ein\b|eingelaufen|schrumpf\w*|shrink\w*|pre-?shrunk",
    "diving": r"\w*tauchen|taucher\w*|tauchgang\w*|diving|dive\b|scuba",
    "allergy": r"\w*allerg\w*",
    "tyres": r"\w*reifen\w*|tyres?\b|tires?\b",
    "organic": r"bio\b|bio-\w+|biobaumwoll\w*|biologisch\w*|kbA\b|organic\w*|gots\b",
    "itch": r"kratz\w*|juck\w*|itch\w*|scratch\w*|prickl\w*",
    "pool": r"\w*schwimmbad\w*|hallenbad\w*|freibad\w*|\w*pools?\b",
    "membrane": r"\w*membran\w*|gore-?tex\w*|sympatex|event\b",
    "drop": r"sprengung|\bdrop\b|heel[- ]to[- ]toe|fersensprengung",
    "lamp": r"\w*licht\b|\w*lichter\b|\w*leuchte\b|\w*lampe\b|\bled\b|\blights\b"
            r"|(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s)|(?<=\bany\s)|(?<=rear\s)|(?<=front\s)|(?<=tail\s)|(?<=\bled\s)|(?<=bike\s))light\b",
    "contactless": r"kontaktlos\w*|contactless|\bnfc\b|(?:google|apple|garmin) pay",
    # worn over one's glasses: a helmet's, goggles' or mask's recesses ("Brillenträgerfreundlich", "OTG")
    "glasses": r"brillenträger\w*|brillenbügel\w*|brillen(?:tauglich|kompatibel)\w*|brillen?\b|(?:eye)?glasses\b|spectacles\b|\botg\b|over[- ]the[- ]glass\w*",
    "gears": r"gangschaltung\w*|nabenschaltung\w*|kettenschaltung\w*|schaltung\b|\d+-?gang\w*|gänge\b|gears?\b|gearing|\d+-speed",
}
# topics rather than features: a sentence naming one ("shrinkage is below 3 %", "allergy
# information") answers a yes/no question, but never with a plain "yes"
TOPICS = frozenset({"allergy", "shrink", "itch", "pool"})
FEATURES = {key: re.compile(rf"(?<![^\W\d_])(?:{stems})", re.I) for key, stems in _FEATURES.items()}
# A word denying what follows within two words ("ohne Kapuze", "no lining", "not lined"), or
# the word itself negated ("ungefüttert", "unlined", "hoodless").
_NEGATION = re.compile(r"(?<![^\W\d_])(?:ohne|kein\w*|nicht|not|no|without|non|free of|never|niemals|cannot|\w+n['’]t)\W+(?:[^\W\d_]+\W+){0,2}$", re.I)
_NEGATED_WORD = re.compile(r"^(?:un|non-?)|^(?:hood|zip|pocket)less$", re.I)


# a sentence naming a feature with one of these anywhere ("Remote control not included", "Deckel
# separat erhältlich", "optional hood") says no plain yes
_RESERVATION = re.compile(
    r"(?<![^\W\d_])(?:ohne|kein\w*|nicht|not|no|without|non|never|niemals|cannot|\w+n['’]t|separat\w*|separately|optional\w*|zubehör|accessor\w*"
    r"|gegen aufpreis|extra cost|available as|erhältlich als)(?![^\W\d_])",
    re.I,
)


def plainly_states(sentence: str, feature: str) -> bool:
    """True when the sentence names the feature with no negation or reservation anywhere in it."""
    return bool(FEATURES[feature].search(sentence)) and not _RESERVATION.search(sentence)


def features(text: str) -> list[str]:
    """The features a text names, in the order of `FEATURES`."""
    return [key for key, pattern in FEATURES.items() if pattern.search(text)]


def denies(sentence: str, feature: str) -> bool | None:
    """True when every mention of the feature in the sentence is negated ("Ungefüttert – für
    kalte Tage …", "comes without a hood"), False when every one names it plainly (or there is
    none), None when they disagree ("Ungefüttert – … oder unseren gefütterten Frostkid": the
    second is another product, so the sentence decides nothing alone)."""
    negated = {
        bool(_NEGATION.search(sentence[: m.start()]) or _NEGATED_WORD.search(m.group(0)))
        for m in FEATURES[feature].finditer(sentence)
    }
    return None if len(negated) > 1 else negated == {True}


# what follows a thing to say it does not come along: "Battery and charger not included", "Akku separat erhältlich"
_NOT_INCLUDED = re.compile(
    r"^[^.;:]{0,40}?(?<![^\W\d_])(?:nicht (?:enthalten|inklusive|im lieferumfang|dabei|mitgeliefert)|not (?:included|supplied)"
    r"|sold separately|separat erhältlich)",
    re.I,
)


def denies_word(sentence: str, word: str) -> bool:
    """True when the sentence names the thing `word` (a word of a question, also inflected or as
    a compound's end: "Akkus", "Lithium-Akku") and every mention says it is not there: "ohne Akku
    und ohne Ladegerät", "Battery and charger not included"; False when one mention is plain."""
    pattern = re.compile(rf"(?<![^\W\d_])[^\W\d_]*{re.escape(word)}[^\W\d_]*", re.I)
    mentions = list(pattern.finditer(sentence))
    return bool(mentions) and all(
        _NEGATION.search(sentence[: m.start()]) or _NOT_INCLUDED.match(sentence[m.end():]) for m in mentions
    )  # fmt: skip
