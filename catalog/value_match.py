"""Whether a shopper's message names one option value of a product as the merchant wrote it.

Merchants write values with a note in brackets ("Weit (2E)", "Extra warm (Winter)", "56 cm (L)"),
shoppers say the value inflected ("in der weiten Ausführung"), in the other language ("wide",
"summer"; not the words that mostly mean something else: "right size", "one left", "how long"), short values in capitals ("ML", "II") or only the range that sets one apart ("the
140–160 sheet" of "140–160 × 200 cm"). Values are matched as words, never inside a word.
"""

from __future__ import annotations

import re

from catalog.names import is_measure
from catalog.size_values import same_dimensions

# one word of a value and its word in the other language (both ways)
_PAIRS = (
    ("weit", "wide"), ("schmal", "narrow"), ("kurz", "short"), ("normal", "regular"), ("normal", "standard"),
    ("kurz", "petite"), ("short", "petite"), ("lang", "tall"), ("long", "tall"),  # petite and tall lengths
    ("hoch", "high"), ("niedrig", "low"), ("mittel", "medium"), ("mittel", "mittler"),  # heights, levels: "mittlere Wade"
    ("sommer", "summer"), ("ganzjahr", "all year"), ("ganzjahr", "all-season"), ("ganzjahres", "all-season"),
    # how foods and drugstore goods are sold: grind, refills, caffeine, sweetness
    ("gemahlen", "ground"), ("bohne", "bean"), ("ganze bohne", "whole bean"), ("ganze bohnen", "whole beans"),
    ("nachfüllpack", "refill"), ("nachfüllpackung", "refill"), ("nachfüllbeutel", "refill"), ("entkoffeiniert", "decaf"),
    ("koffeinfrei", "decaf"), ("entkoffeiniert", "decaffeinated"), ("ungesüßt", "unsweetened"), ("zuckerfrei", "sugar-free"),
    ("trocken", "dry"), ("halbtrocken", "off-dry"), ("lieblich", "sweet"), ("grob", "coarse"),
    # the hand a thing is made for (instruments, scissors, gloves, mice) and a plug's or a tip's shape;
    # "left" / "right" alone mostly mean something else ("one left", "the right size")
    ("links", "left-handed"), ("links", "linkshänder"), ("linkshänder", "left-handed"), ("rechts", "right-handed"),
    ("rechts", "rechtshänder"), ("rechtshänder", "right-handed"), ("gewinkelt", "angled"), ("abgewinkelt", "angled"),
    ("gewinkelt", "abgewinkelt"),  # not "gerade": in German mostly "right now"
    # a longer than usual length (ties, sleeves, beds, duvets)
    ("überlänge", "extra long"), ("überlänge", "extra-long"), ("überlang", "extra long"), ("extralang", "extra long"),
    ("extra lang", "extra long"),
)  # fmt: skip
# common words of colours, materials and scents/flavours as merchants name option values, with
# their word in the other language (each group names one thing); "gold" names "Gelbgold" as
# the last part of the compound (`_word_of_value`)
MATERIAL_WORDS: tuple[tuple[str, ...], ...] = (
    ("schwarz", "black"), ("weiß", "weiss", "white"), ("rot", "red"), ("blau", "blue"), ("grün", "gruen", "green"),
    ("gelb", "yellow"), ("grau", "grey", "gray"), ("braun", "brown"), ("rosa", "pink"), ("lila", "purple"),
    ("silber", "silver"), ("gold",), ("gelbgold", "yellow gold"), ("weißgold", "weissgold", "white gold"),
    ("roségold", "rosegold", "rose gold", "rotgold", "red gold"), ("platin", "platinum"), ("titan", "titanium"),
    ("edelstahl", "stainless steel"), ("stahl", "steel"), ("messing", "brass"), ("kupfer", "copper"), ("leder", "leather"),
    ("holz", "wood"), ("eiche", "oak"), ("buche", "beech"), ("nussbaum", "walnut"), ("bambus", "bamboo"), ("kork", "cork"),
    ("baumwolle", "cotton"), ("wolle", "wool"), ("seide", "silk"), ("leinen", "linen"), ("kaschmir", "cashmere"),
    ("glas", "glass"), ("keramik", "ceramic"), ("kunststoff", "plastic"), ("gummi", "rubber"), ("stoff", "fabric"),
    ("minze", "mint"), ("pfefferminz", "pfefferminze", "peppermint"), ("vanille", "vanilla"), ("honig", "honey"),
    ("lavendel", "lavender"), ("zitrone", "lemon"), ("rose", "rosen"), ("kokos", "coconut"), ("mandel", "almond"),
    ("kirsche", "cherry"), ("erdbeere", "strawberry"), ("himbeere", "raspberry"), ("apfel", "apple"), ("zimt", "cinnamon"),
    ("ingwer", "ginger"), ("kamille", "chamomile"), ("sandelholz", "sandalwood"), ("zeder", "cedar"), ("kaffee", "coffee"),
    ("schokolade", "chocolate"), ("unparfümiert", "parfümfrei", "unscented", "fragrance-free", "fragrance free"),
)  # fmt: skip
_OTHER_LANGUAGE: dict[str, set[str]] = {}
for _a, _b in _PAIRS + tuple((a, b) for group in MATERIAL_WORDS for a in group for b in group if a != b):
    _OTHER_LANGUAGE.setdefault(_a, set()).add(_b)
    _OTHER_LANGUAGE.setdefault(_b, set()).add(_a)
_MATERIAL = {w for group in MATERIAL_WORDS for w in group}

_INFLECTED = r"(?:e|en|er|es|em|n|s)?"  # "weit" in "weiten", "lang" in "langer", "leicht" in "leichte"
_RANGE = re.compile(r"(\d{1,3})\s*[-–]\s*(\d{1,3})")
_SIZE_WORDS = r"(?:size|größe|groesse|grösse|gr\.?)"


def value_forms(value: str, name_words: frozenset[str] = frozenset()) -> list[str]:
    """The ways a value may be named: whole, without its bracketed note and the note alone
    ("Weit (2E)" -> "weit (2e)", "weit", "2e"), the name before its measure ("Duschtuch 70×140 cm"
    -> "duschtuch"), lower case, with the other language's word."""
    value = value.strip().lower()
    forms = [value]
    if m := re.fullmatch(r"(.+?)\s*\((.+)\)", value):
        forms += [m.group(1).strip(), m.group(2).strip()]
    m = re.fullmatch(r"([^\W\d]{4,})\s+\d.*", value)  # "Duschtuch 70×140 cm": the name before its measure,
    if m and m.group(1) not in name_words:  # unless the product is called so ("Frottier-Handtuch": "Handtuch 50×100 cm")
        forms.append(m.group(1))
    forms += [other for form in list(forms) for other in sorted(_OTHER_LANGUAGE.get(form, ()))]
    return [f for f in dict.fromkeys(forms) if len(f) >= 3 and not f.isdigit()]


# a bundle named by what it adds: "mit Zweitakku", "Gerät + Ersatzfilter", "inkl. Tasche", "with case"
_ADDED = re.compile(r"(?:^|\s)(?:mit|inkl\.?|inklusive|plus|with|incl\.?|including|\+)\s+(?:\d+\s+)?([^\W\d][\w-]{3,}(?:\s+[^\W\d][\w-]{2,})?)$", re.I)


def added_part(value: str) -> list[str]:
    """What a bundle value adds, as the shopper names it: "mit Zweitakku" -> "zweitakku",
    "Gerät + Ersatzfilter" -> "ersatzfilter"; of a hyphenated compound also its first part
    ("mit To-go-Flaschen" -> "to-go", said "with the to-go bottles")."""
    m = _ADDED.search(value.strip().lower())
    if not m:
        return []
    word = m.group(1)
    head = word.rsplit("-", 1)[0] if "-" in word.strip("-") else ""
    return [word] + ([head] if len(head) >= 4 else [])


# the shopper asks for a bundle: "mit"/"with" (the …), "im Set", "inkl.", "plus", "+" shortly before
_BUNDLED = re.compile(r"(?:\b(?:mit|with|inkl|incl|including|inklusive|plus|set|bundle|paket)\b|\+)\W*(?:\w+\W+){0,2}$")


def _bundle_in(value: str, lowered: str) -> bool:
    """What the bundle value adds, named right after "mit" / "with" / "im Set" … in the text."""
    return any(_BUNDLED.search(lowered[: m.start()]) for form in added_part(value) for m in _forms_at(form, lowered))


def _forms_at(form: str, text: str) -> list[re.Match[str]]:
    ending = _INFLECTED if form[-1].isalpha() and len(form) >= 4 else ""
    return list(re.finditer(rf"(?<![\w-]){re.escape(form)}{ending}(?!\w|-\d)", text))


def _form_in(form: str, text: str) -> bool:
    ending = _INFLECTED if form[-1].isalpha() and len(form) >= 4 else ""
    return re.search(rf"(?<![\w-]){re.escape(form)}{ending}(?!\w|-\d)", text) is not None


def _capitals_in(value: str, option: str, text: str) -> bool:
    """A value in capitals ("ML", "II"), also with a digit ("H3", "T2", "2B"), said in capitals as a
    word of its own; a single letter ("I") only after the option's name or "size", or before the
    option's name or a width, length or cup ("G width")."""
    if not re.fullmatch(r"[A-Z][A-Z0-9]{0,3}|\d{1,2}[A-Z]{1,2}", value):  # also a number with letters: drumsticks "2B", "7A"
        return False
    before = rf"(?i:{_SIZE_WORDS}|{re.escape(option)})\s+" if len(value) == 1 else r"(?<![\w'’-])"
    if len(value) == 1 and re.search(rf"(?<![\w'’-]){value}\s+(?i:{re.escape(option)}|width|length|cup)\b", text):
        return True  # "in G width", "E cup"
    return re.search(rf"{before}{value}(?![\w'’-])", text) is not None


def _range_in(value: str, values: list[str], text: str) -> bool:
    """"the 140–160 sheet": a range in the text that is in this value and in no other."""
    for m in _RANGE.finditer(text):
        pair = m.groups()
        if pair in {r.groups() for r in _RANGE.finditer(value)} and all(
            pair not in {r.groups() for r in _RANGE.finditer(other)} for other in values if other != value):
            return True
    return False


_SPAN = r"(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?"
_DIMENSION_SPANS = re.compile(rf"{_SPAN}\s*[x×]\s*{_SPAN}", re.I)
_TEXT_DIMENSIONS = re.compile(r"(?<![\d.,–-])(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)(?!\s*[-–]?\s*\d)", re.I)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _dimensions_within(value: str, text: str) -> bool:
    """"140x200" in the text lies within the value "140–160 × 200 cm" (a fitted sheet's range)."""
    v = _DIMENSION_SPANS.search(value)
    if v is None or (v.group(2) is None and v.group(4) is None):
        return False  # no range: only the same dimensions name it (`same_dimensions`)
    spans = [(_number(v.group(1)), _number(v.group(2) or v.group(1))), (_number(v.group(3)), _number(v.group(4) or v.group(3)))]
    return any(all(low <= _number(n) <= high for n, (low, high) in zip(m.groups(), spans, strict=True))
               for m in _TEXT_DIMENSIONS.finditer(text))  # fmt: skip


def names_value(value: str, values: list[str], option: str, text: str, name_words: frozenset[str] = frozenset()) -> bool:
    """Whether the text names this value of the option (`values`: all of the option's values;
    `name_words`: the lower-case words of the product's name)."""
    if _capitals_in(value.strip(), option, text) or same_dimensions(value, text) or _dimensions_within(value, text):
        return True
    if _range_in(value, values, text) or _side_in(value, values, text):
        return True
    lowered = text.lower()
    shared = {form for v in values if v != value for form in value_forms(v, name_words)}  # "weite" of "Weite 10" and "Weite 12"
    if any(_form_in(form, lowered) for form in value_forms(value, name_words) if form not in shared):
        return True
    if _bundle_in(value, lowered) and not any(_bundle_in(v, lowered) for v in values if v != value):
        return True  # "im Set mit Ersatzfilter" of "Gerät + Ersatzfilter"; not "Welcher Ersatzfilter passt?"
    if _word_of_value(value, lowered) and not any(_word_of_value(v, lowered) for v in values if v != value):
        return True
    return _own_word_in(value, values, lowered, name_words) and not any(
        _own_word_in(v, values, lowered, name_words) for v in values if v != value)


# one side of a measure named with what it measures: "in 250 Länge", "245 cm lang", "width 140"
_SIDE_WORDS = r"(?:länge|lang|long|length|breite|breit|wide|width|höhe|hoch|high|height|tiefe|deep|depth)"
_SIDE = re.compile(rf"(?<![\w.,x×-])(\d{{2,4}})(?:\s*cm)?\s+{_SIDE_WORDS}\b|\b{_SIDE_WORDS}\s+(?:von\s+|of\s+)?(\d{{2,4}})(?![\w.,x×-])", re.I)


def _sides(value: str) -> set[float]:
    return {_number(n) for m in _TEXT_DIMENSIONS.finditer(value) for n in m.groups()}


def _side_in(value: str, values: list[str], text: str) -> bool:
    """"Oliv in 250 Länge?" of the values "140x160" / "140x250": a number said with what it
    measures that is a side of this value's measure and of no other value's."""
    if _TEXT_DIMENSIONS.search(text):
        return False  # a whole measure is matched as such
    for m in _SIDE.finditer(text):
        number = _number(m.group(1) or m.group(2))
        if number in _sides(value) and not any(number in _sides(v) for v in values if v != value):
            return True
    return False


_LETTERS = re.compile(r"[^\W\d_]{5,}")


def _own_word_in(value: str, values: list[str], lowered: str, name_words: frozenset[str]) -> bool:
    """A word of the value that no other value of the option has and the product's name does not
    ("Magnum" of "1,5 l Magnum", "Nachfüllpack" of "500 ml Nachfüllpack"), named in the text, in
    the other language or with the noun ending "-ung" ("Nachfüllpackung")."""
    if len(values) < 2:  # a word of the only value is no choice between values
        return False
    others = {w for v in values if v != value for w in _LETTERS.findall(v.lower())}
    others |= {w for part in added_part(value) for w in _LETTERS.findall(part)}  # a bundle's added part only after "mit" / "with"
    for word in _LETTERS.findall(value.lower()):
        if word in others or any(n.startswith(word[:5]) or word.startswith(n[:5]) for n in name_words if len(n) >= 5):
            continue
        forms = {word, *_OTHER_LANGUAGE.get(word, ())}
        if any(_form_in(form, lowered) for form in forms):
            return True
        if len(word) >= 6 and re.search(rf"(?<![\w-]){re.escape(word)}(?:ung|ungen)\b", lowered):
            return True
    return False


def _word_forms(word: str) -> set[str]:
    """A colour, material or scent word of a value with its other-language words, and the word
    its compound ends with ("gelbgold": also "gold")."""
    forms = ({word} | _OTHER_LANGUAGE.get(word, set())) if word in _MATERIAL else set()
    for head in _MATERIAL:
        if " " not in head and len(head) >= 4 and word.endswith(head) and len(word) >= len(head) + 3:
            forms |= {head} | _OTHER_LANGUAGE.get(head, set())
    return forms


def _word_of_value(value: str, lowered: str) -> bool:
    """"gold" of "585 Gelbgold", "silver" of "925 Silber", "honey" of "Honig-Vanille": a colour,
    material or scent word of a value of several words named in the text (the caller keeps it
    to the one value of the option that has it)."""
    words = [w for w in re.split(r"[\s/,+&()-]+", value.lower()) if len(w) >= 4 and w.isalpha()]
    return any(_form_in(form, lowered) for w in words for form in _word_forms(w))


# the groups of MATERIAL_WORDS that are materials (metals, woods, fibres …), not colours or scents
_MATERIAL_GROUPS = MATERIAL_WORDS[MATERIAL_WORDS.index(("gold",)) : MATERIAL_WORDS.index(("stoff", "fabric")) + 1]


def _materials_in(text: str) -> set[int]:
    """The material groups a text names, also as the end of a compound ("Gelbgold": gold)."""
    lowered = text.lower()
    found = {i for i, group in enumerate(_MATERIAL_GROUPS) if any(_form_in(w, lowered) for w in group)}
    for word in re.findall(r"[^\W\d_]{5,}", lowered):
        found |= {i for i, group in enumerate(_MATERIAL_GROUPS) if any(" " not in w and len(w) >= 4 and word.endswith(w) for w in group)}
    return found


def other_material(values: list[str], text: str, elsewhere: str = "") -> str | None:
    """A material the text asks for that no value of the option is made of, as said ("the titanium
    backplate?" of "Aluminium" / "Stainless Steel", "in Platin?" of "Gelbgold" / "Weißgold"), when a
    value names a material; none named `elsewhere` (the product's name, its other options' values)."""
    have = set().union(*(_materials_in(v) for v in values))
    if not have:
        return None
    missing = _materials_in(text) - have - _materials_in(elsewhere)
    lowered = text.lower()
    for i in sorted(missing):
        return next((w for w in _MATERIAL_GROUPS[i] if _form_in(w, lowered)), _MATERIAL_GROUPS[i][0])
    return None


# a pack named by a word, not a number ("Single" / "Trio" is a "3er-Pack")
_COUNT_WORDS = {
    "single": 1, "einzeln": 1, "einzel": 1, "einzelpack": 1, "solo": 1, "duo": 2, "doppelpack": 2, "double": 2, "twin": 2,
    "zweierpack": 2, "trio": 3, "triple": 3, "dreierpack": 3, "quartett": 4, "quartet": 4, "viererpack": 4, "sechserpack": 6,
}  # fmt: skip


def count_word(value: str) -> tuple[str, float] | None:
    """("count", n) of a value that names its pack by a word ("Trio", "Doppelpack"), else None."""
    if re.search(r"\d", value):
        return None
    counts = [_COUNT_WORDS[w] for w in re.findall(r"[a-zäöü]+", value.lower()) if w in _COUNT_WORDS]
    return ("count", float(counts[0])) if len(counts) == 1 else None


_PACK_OPTION = re.compile(r"^(?:pack\w*|paket|set|bundle|anzahl|menge|stückzahl|quantity|count)$", re.I)


def counted(option: str, value: str) -> tuple[str, float] | None:
    """("count", n) of a value that is a number of things under a pack option ("Pack: 4 bulbs",
    "Anzahl: 6 Flaschen"), so "the 4-pack" / "im 6er-Pack" names it."""
    m = re.fullmatch(r"\s*(\d+)\s+[^\W\d_]+\s*", value) if _PACK_OPTION.match(option.strip()) else None
    return ("count", float(m.group(1))) if m else None


_NOUN_COUNT = re.compile(r"\s*(\d+)\s+([^\W\d_]{4,})\s*")


def noun_counts(values: list[str], text: str) -> tuple[dict[str, tuple[str, float]], list[tuple[str, float]]]:
    """Values that count one kind of thing ("60 Kapseln" / "120 Kapseln", "30 tea bags" is not one
    word): each value's count, and the counts the text gives of that thing ("die 90 Kapseln",
    "90 capsule pack"; "120er" and "120 count" are read as amounts already), else nothing."""
    found = {v: m for v in values if (m := _NOUN_COUNT.fullmatch(v))}
    stems = {m.group(2).lower()[:5] for m in found.values()}
    if len(values) < 2 or len(found) < len(values) or len(stems) != 1:
        return {}, []
    stem = stems.pop()
    spoken = re.finditer(rf"(\d+)\s*-?\s*{re.escape(stem)}\w*", text, re.I)
    return {v: ("count", float(m.group(1))) for v, m in found.items()}, [("count", float(m.group(1))) for m in spoken]


# a number and the word it counts ("3 hooks", "mit 4 Haken"), not a measure ("3 cm") nor part of a range or a size
_COUNTED = re.compile(r"(?<![\w.,/–-])(\d{1,3})\s+([^\W\d_]{3,})")


def counts_said(offered: set[tuple[str, float]], text: str) -> list[tuple[str, float]]:
    """The counts of the values ("3 Haken", "Pack: 8 pads") the text says with the thing they count in
    its own language ("with 3 hooks", "mit 8 Polstern"): a number of things that is one of the values'."""
    said = [("count", float(m.group(1))) for m in _COUNTED.finditer(text) if not is_measure(m.group(2).lower())]
    return [c for c in said if c in offered]


_UP = r"größer|grösser|groesser|länger|laenger|bigger|larger|longer"
_COMPARATIVE = re.compile(  # attributive only: "in einer grösseren Flasche", "a bigger bottle", not "fällt größer aus"
    r"\b(?:((?:größer|grösser|groesser|länger|laenger|kleiner|kürzer|kuerzer)e[nmrs]?)"
    r"|(bigger|larger|smaller|longer|shorter)\s+(?!than\b)[a-z]{3,})\b", re.I)


def comparative_value(amounts: dict[str, tuple[str, float] | None], text: str) -> str | None:
    """"in einer grösseren Flasche?" of values "200 ml" / "500 ml": the next value up from the
    smallest (down from the largest for "smaller", "kürzere"); "longer" / "shorter" only of lengths."""
    m = _COMPARATIVE.search(text)
    if m is None:
        return None
    word = (m.group(1) or m.group(2)).lower()
    lengthwise = word.startswith(("läng", "laeng", "long", "kürz", "kuerz", "short"))
    measured = sorted((a[1], v) for v, a in amounts.items() if a and (a[0] == "length" or not lengthwise))
    if len({a for a, _ in measured}) < 2 or len({a[0] for v, a in amounts.items() if a}) > 1:
        return None
    up = re.match(_UP, word) is not None
    return measured[1][1] if up else measured[-2][1]
