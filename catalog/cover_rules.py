"""The merchant's rules for a textile that covers something of the shopper's, in German and
English: the gathering factor of a curtain ("rechnen Sie 1,5 bis 2 Vorhangbreiten pro Meter
Stange", "1.5 to 2 times the rod length") that gives how many panels a rod needs, and an
allowance over the covered thing ("etwa 50 cm breiter und länger als die Matratze", "30 cm
larger than the table") that gives the size to take. The store's size guide section for the
product's category supplies a rule the product's text lacks (`guide_sentences`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.sentences import split_sentences
from catalog.size_advice import GUIDE_HEADING
from catalog.variants import option_kind, option_values

_N = r"(\d{1,2}(?:[.,]\d)?)"
_ROD = re.compile(r"stange|schiene|\brod\b|\bpole\b|\btrack\b|\brail\b", re.I)
_RULE_FACTOR = re.compile(
    rf"{_N}(?:-?fache)?-?\s*(?:–|-|bis|to)\s*{_N}\s*(?:-?fache|times|x\b|\w+breiten)?[^.;,]{{0,40}}?"
    r"(?:pro meter|per met\w*|je meter|stangenlänge|(?:rod|pole|track) length|length of the (?:rod|pole|track))",
    re.I,
)
_COUNT = re.compile(r"\bwie ?viele?\b|\bhow many\b|\banzahl\b|\bnumber of\b", re.I)
_LENGTH = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*(cm|m)\b", re.I)
_WIDTH = re.compile(r"(?:breite|width)\s*:?\s*(?:ca\.?\s*)?(\d{2,3})\s*cm|(\d{2,3})\s*cm\s*(?:breit\w*|wide)", re.I)
_ALLOWANCE = re.compile(
    r"(\d{1,3})\s*cm\s+(?:breiter und länger|länger und breiter|größer|grösser|wider and longer|longer and wider|larger|bigger)\s+(?:als|than)",
    re.I,
)
_DIMS = re.compile(r"(?<![\d.,])(\d{2,3})\s*[x×]\s*(\d{2,3})(?![\d])")


@dataclass(frozen=True)
class Panels:
    count: tuple[int, int]  # panels for the low and the high factor
    factor: tuple[float, float]
    rod_cm: float
    width_cm: float
    sentence: str


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _cm(number: str, unit: str) -> float:
    return round(_num(number) * 100, 1) if unit.lower() == "m" else _num(number)


def guide_sentences(passages: list, product: Product, lang: str, categories: dict) -> list[str]:
    """The sentences of the store's size guide sections whose heading names the product's
    category ("## Vorhänge" for a product in the category Vorhänge / Curtains)."""
    category = categories.get(product.category)
    names = {product.category.lower()}
    if category is not None:
        names |= {n.lower() for n in (category.de, category.en, *category.synonyms) if n}
    out: list[str] = []
    for p in passages:
        if p.lang != lang or not GUIDE_HEADING.search(p.title or ""):
            continue
        heading = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", p.heading)}
        if heading & names:
            out += split_sentences(p.text)
    return out


def panels(texts: list[str], guide: list[str], question: str) -> Panels | None:
    """How many panels of a curtain a rod needs, for "Meine Stange ist 2 m – wie viele Vorhänge?":
    the rod's length times the text's gathering factor, over the panel's width."""
    if not _COUNT.search(question) or not _ROD.search(question):
        return None
    rod = next((_cm(m.group(1), m.group(2)) for m in _LENGTH.finditer(question) if not _WIDTH.match(question[m.start():])), None)
    own = [s for t in texts for s in split_sentences(t)]
    width = _width(question) or next((w for s in own if (w := _width(s))), None)
    rule = next((m for s in own if (m := _RULE_FACTOR.search(s)) and _ROD.search(s)), None)
    sentence = rule.string if rule else ""
    if rule is None:  # the guide's rule, when one clause names the product's heading ("bei Kräuselband …")
        for s in guide:
            for clause in re.split(r"[,;]\s*", s):
                words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", clause)}
                if (m := _RULE_FACTOR.search(clause) or _bare_factor(clause)) and any(w in " ".join(own).lower() for w in words - _RULE_WORDS):
                    rule, sentence = m, s
                    break
            if rule:
                break
    if rod is None or width is None or rule is None:
        return None
    low, high = sorted((_num(rule.group(1)), _num(rule.group(2))))
    count = (math.ceil(rod * low / width - 1e-9), math.ceil(rod * high / width - 1e-9))
    return Panels(count, (low, high), rod, width, sentence)


_RULE_WORDS = {"breite", "width", "fache", "times", "stangenlänge", "length"}


def _bare_factor(clause: str) -> re.Match | None:
    """"bei Ösen das 1,3- bis 1,5-fache": a factor whose rod the sentence named before."""
    return re.search(rf"{_N}-?\s*(?:-|–|bis|to)\s*{_N}\s*(?:-?fache|times)", clause, re.I)


def _width(text: str) -> float | None:
    m = _WIDTH.search(text)
    return float(m.group(1) or m.group(2)) if m else None


def allowance_pick(product: Product, texts: list[str], question: str) -> tuple[str, str, str, tuple[float, float]] | None:
    """(option, value, the rule's sentence, the size needed) for "Meine Matratze ist 100x200 –
    welches Maß?" and a text saying "etwa 50 cm breiter und länger als die Matratze wählen": the
    smallest offered size at least that large."""
    asked = _DIMS.search(question)
    if asked is None:
        return None
    rule = next((m for t in texts for s in split_sentences(t) if (m := _ALLOWANCE.search(s))), None)
    if rule is None:
        return None
    extra = float(rule.group(1))
    need = tuple(sorted((float(asked.group(1)) + extra, float(asked.group(2)) + extra)))
    for option, values in option_values(product).items():
        if option_kind(product, option) == "color":
            continue
        sized = [(tuple(sorted((float(m.group(1)), float(m.group(2))))), v) for v in values if (m := _DIMS.search(v))]
        if len(sized) < 2 or len(sized) != len(values):
            continue
        fitting = sorted((dims, v) for dims, v in sized if dims[0] >= need[0] and dims[1] >= need[1])
        if fitting:
            return option, fitting[0][1], rule.string, (need[0], need[1])
    return None
