"""Word lists for `catalog.extract`: materials (German and English names -> one English name)
and "suitable / not suitable for ..." phrases."""

from __future__ import annotations

import re

# (pattern, canonical English name); earlier rules consume their words ("Baumwolle" is not
# "Wolle", "stainless steel" not "steel", "Kunstleder" not "Leder").
_MATERIAL_WORDS: list[tuple[str, str]] = [
    (r"baumwoll\w*|\bcotton\b", "cotton"),
    (r"merino(?:wolle|\s+wool)?", "merino wool"),
    (r"kaschmir\w*|cashmere", "cashmere"),
    (r"\w*wolle\b|\bwool(?:en)?\b", "wool"),
    (r"\bleinen\b|\blinen\b", "linen"),
    (r"\bseide\b|\bsilk\b", "silk"),
    (r"polyester", "polyester"),
    (r"polyamid\w*", "polyamide"),
    (r"\bnylon\b", "nylon"),
    (r"elasth?an\w*|\belastane\b|spandex|lycra", "elastane"),
    (r"viskose|viscose", "viscose"),
    (r"\bacryl\w*|\bacrylic\b", "acrylic"),
    (r"fleece", "fleece"),
    (r"\w*daune\w*|\b(?:goose|duck)\s+down\b|\bdown\s+(?:fill\w*|insulat\w*|feather\w*)", "down"),
    (r"kunstleder|faux\s+leather|vegan\w*\s+leather|synthetic\s+leather", "synthetic leather"),
    (r"\w*leder\b|\bleather\b|\bsuede\b", "leather"),
    (r"\btextil\b|\btextile\b", "textile"),
    (r"\bgummi\b|\w*gummi(?:sohle|laufsohle)|\brubber\b", "rubber"),
    (r"alumin\w*", "aluminium"),
    (r"edelstahl|stainless\s+steel", "stainless steel"),
    (r"\w*stahl\b|\bsteel\b", "steel"),
    (r"\btitan\b|titanium", "titanium"),
    (r"\bcarbon\b|\bkarbon\b|kohlefaser|carbon\s+fib(?:re|er)", "carbon"),
    (r"\bkork\b|\bcork\b", "cork"),
    (r"\btritan\b", "tritan"),
    (r"bambus|bamboo", "bamboo"),
    (r"\bholz\b|\w+holz\b|\bwood(?:en)?\b", "wood"),
    (r"\bglas\b|\bglass\b", "glass"),
    (r"silikon|silicone", "silicone"),
    (r"keramik|ceramic", "ceramic"),
    (r"neopren\w*", "neoprene"),
    (r"\bhanf\b|\bhemp\b", "hemp"),
    (r"kunststoff|\bplastic\b", "plastic"),
]
MATERIALS: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), name) for p, name in _MATERIAL_WORDS]

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
_ARTICLES = re.compile(r"^(?:der|die|das|den|dem|des|ein|eine|einen|einem|the|a|an|all|alle|jede\w*|any|your|ihre?)\s+", re.I)
_NOT_A_USE = re.compile(r"°|\bgrad\b|\bdegrees?\b|^(?:mit|with|dank|thanks|because|weil|da|so|damit|and\s+with)\b", re.I)


def _split(text: str) -> list[str]:
    out = []
    for part in re.split(r",|\s+(?:und|oder|sowie|and|or|as\s+well\s+as)\s+|/", text):
        part = _ARTICLES.sub("", part.strip().strip("\"'„“”")).strip()
        part = re.sub(r"\s+(?:geeignet|gemacht|gedacht)$", "", part)
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
