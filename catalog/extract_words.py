"""Word lists for `catalog.extract`: materials (German and English names -> one English name)
and "suitable / not suitable for ..." phrases."""

from __future__ import annotations

import re

# (words one of which must occur, pattern, canonical English name); earlier rules consume their words ("Baumwolle" is not
# "Wolle", "stainless steel" not "steel", "Kunstleder" not "Leder").
_MATERIAL_WORDS: list[tuple[str, str, str]] = [
    ("baumwoll cotton", r"baumwoll\w*|\bcotton\b", "cotton"),
    ("merino", r"merino(?:wolle|\s+wool)?", "merino wool"),
    ("kaschmir cashmere", r"kaschmir\w*|cashmere", "cashmere"),
    ("wolle wool", r"\w*wolle\b|\bwool(?:en)?\b", "wool"),
    ("leinen linen", r"\bleinen\b|\blinen\b", "linen"),
    ("seide silk", r"\bseide\b|\bsilk\b", "silk"),
    ("polyester", r"polyester", "polyester"),
    ("polyamid", r"polyamid\w*", "polyamide"),
    ("nylon", r"\bnylon\b", "nylon"),
    ("elasthan elastan spandex lycra", r"elasth?an\w*|spandex|lycra", "elastane"),
    ("viskose viscose", r"viskose|viscose", "viscose"),
    ("acryl", r"\bacryl\w*", "acrylic"),
    ("fleece", r"fleece", "fleece"),
    ("daune down", r"\w*daune(?!nwasch)\w*|\b(?:goose|duck)\s+down\b|\bdown\s+(?:fill\w*|insulat\w*|feather\w*)", "down"),
    ("kunstleder leather", r"kunstleder|(?:faux|vegan\w*|synthetic)\s+leather", "synthetic leather"),
    ("leder leather suede", r"\w*leder\b|\bleather\b|\bsuede\b", "leather"),
    ("textil", r"\btextile?\b", "textile"),
    ("gummi rubber kautschuk", r"\bgummi\b|\w*gummi(?:sohle|laufsohle)|\brubber\b|\w*kautschuk\w*", "rubber"),
    ("alumin", r"alumin\w*", "aluminium"),
    ("edelstahl stainless", r"edelstahl|stainless\s+steel", "stainless steel"),
    ("stahl steel", r"\w*stahl\b|\bsteel\b", "steel"),
    ("titan", r"\w*(?<!r)titan\b|titanium", "titanium"),
    ("carbon karbon kohlefaser", r"(?<!activated )\bcarbon(?:faser\w*)?\b(?![\s-]*filter)|\bkarbon\b|kohlefaser\w*|carbon\s+fib(?:re|er)", "carbon"),
    ("kork cork", r"\w*kork\b|\bcork\b", "cork"),
    ("tritan", r"\btritan\b", "tritan"),
    ("bambus bamboo", r"bambus|bamboo", "bamboo"),
    ("holz wood", r"\bholz\b|\w+holz\b|\bwood(?:en)?\b", "wood"),
    ("glas", r"\w*(?<!fern)glas\b|\bglass\b", "glass"),  # not "Fernglas" (binoculars)
    ("silikon silicone", r"silikon|silicone", "silicone"),
    ("keramik ceramic", r"keramik|ceramic", "ceramic"),
    ("neopren", r"neopren\w*", "neoprene"),
    ("hanf hemp", r"\bhanf\b|\bhemp\b", "hemp"),
    ("kunststoff plastic", r"kunststoff|\bplastic\b", "plastic"),
]
MATERIALS: list[tuple[re.Pattern, re.Pattern, str]] = [
    (re.compile("|".join(w.split())), re.compile(p, re.I), name) for w, p, name in _MATERIAL_WORDS
]
MATERIAL_STEMS: tuple[str, ...] = tuple(sorted({stem for words, _, _ in _MATERIAL_WORDS for stem in words.split()}))

_END = r"(?=[.;:!?()–—]|\s-\s|$)"
_NOT_SUITABLE = [
    re.compile(rf"\b(?:nicht|keinesfalls)\s+(?:geeignet\s+|empfohlen\s+|gedacht\s+|gemacht\s+)?(?:für|zum|zur)\s+(?P<x>.+?)(?:\s+(?:geeignet|empfohlen|gedacht))?{_END}", re.I),
    re.compile(rf"\b(?:für|zum|zur)\s+(?P<x>[^.;:!?,]+?)\s+(?:nicht|un)\s*geeignet{_END}", re.I),
    re.compile(rf"\bungeeignet\s+(?:für|zum|zur)\s+(?P<x>.+?){_END}", re.I),
    re.compile(rf"\bnot\s+(?:suitable|recommended|designed|intended|made|meant|safe|approved)\s+for\s+(?P<x>.+?){_END}", re.I),
    re.compile(rf"\bunsuitable\s+for\s+(?P<x>.+?){_END}", re.I),
]
_SUITABLE = [
    re.compile(rf"\b(?:geeignet|ideal|perfekt|optimal|gemacht|konzipiert|entwickelt|gedacht|empfohlen)\s+(?:für|zum|zur)\s+(?P<x>.+?){_END}", re.I),
    re.compile(rf"\b(?:für|zum|zur)\s+(?P<x>[^.;:!?,]+?)\s+(?:geeignet|gemacht|konzipiert|gedacht){_END}", re.I),
    re.compile(rf"\b(?:suitable|ideal|perfect|great|designed|made|recommended|built|intended|meant|best|choice)\s+for\s+(?P<x>.+?){_END}", re.I),
]
# a sentence without one of these words has no "suitable / not suitable for" phrase (lowercased)
PHRASE_GATE = "geeignet|ideal|perfekt|optimal|gemacht|konzipiert|entwickelt|gedacht|empfohlen|suitable|perfect|great|designed|made|recommended|built|intended|meant|best|choice|nicht|not"
_ARTICLES = re.compile(r"^(?:der|die|das|den|dem|des|ein|eine|einen|einem|the|a|an|all|alle|jede\w*|any|your|ihre?)\s+", re.I)
_NOT_A_USE = re.compile(r"°|\bgrad\b|\bdegrees?\b|^(?:mit|with|dank|thanks|because|weil|da|so|damit|and\s+with)\b", re.I)


def _split(text: str) -> list[str]:
    out = []
    text = re.split(r"\s+(?:wenn|falls|sofern|where|when|if|while|während|damit|so\s+that)\s+", text, maxsplit=1)[0]
    for part in re.split(r",|\s+(?:und|oder|sowie|and|or|as\s+well\s+as)\s+|/", text):
        part = _ARTICLES.sub("", part.strip().strip("\"'„“”")).strip()
        part = re.sub(r"(?:\s+(?:geeignet|gemacht|gedacht|eher|leider|bedingt|nur|weniger|absolut|völlig|gar|rather|really|less))+$", "", part)
        if part and len(part.split()) <= 6 and not _NOT_A_USE.search(part):
            out.append(part)
    return out


def phrases(sentence: str) -> tuple[list[str], list[str]]:
    """(suitable for, not suitable for): short phrases as the merchant wrote them."""
    bad: list[str] = []
    rest = sentence
    for rule in _NOT_SUITABLE:
        for m in rule.finditer(rest):
            bad.extend(p for p in _split(m.group("x")) if p not in bad)
        rest = rule.sub(" ; ", rest)
    good: list[str] = []
    for rule in _SUITABLE:
        for m in rule.finditer(rest):
            good.extend(p for p in _split(m.group("x")) if p not in good)
        rest = rule.sub(" ; ", rest)
    return good, bad

# the German name of each material, for answers in German
MATERIAL_NAMES_DE: dict[str, str] = {
    "cotton": "Baumwolle", "merino wool": "Merinowolle", "cashmere": "Kaschmir", "wool": "Wolle",
    "linen": "Leinen", "silk": "Seide", "polyester": "Polyester", "polyamide": "Polyamid", "nylon": "Nylon",
    "elastane": "Elasthan", "viscose": "Viskose", "acrylic": "Acryl", "fleece": "Fleece", "down": "Daune",
    "synthetic leather": "Kunstleder", "leather": "Leder", "textile": "Textil", "rubber": "Gummi",
    "aluminium": "Aluminium", "stainless steel": "Edelstahl", "steel": "Stahl", "titanium": "Titan",
    "carbon": "Carbon", "cork": "Kork", "tritan": "Tritan", "bamboo": "Bambus", "wood": "Holz", "glass": "Glas",
    "silicone": "Silikon", "ceramic": "Keramik", "neoprene": "Neopren", "hemp": "Hanf", "plastic": "Kunststoff",
}  # fmt: skip
