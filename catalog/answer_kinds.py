"""Whether a sentence can supply the kind of answer a question asks: a figure in the unit of the
asked quantity, a "Label: value" line whose label names the asked thing.

"Wie lange hält der Akku?" wants hours or minutes: "Leuchtdauer bis 40 Stunden" can answer it,
"Akku: 1.800 mAh, fest verbaut" and "Akku alle drei Monate nachladen" cannot, however close their
words. "How long is the cable?" is answered by "Kabel: 3 m", a line labelled with the asked thing
and giving a length. Units and generic words only, German and English, nothing from one shop;
`catalog.passages.PassageFinder.rank` adds `unit_scores` and `label_scores` to the similarity.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from catalog.fact_kinds import ASPECTS, NARROWER, NOT_RATE, asks_figure, without_narrower
from catalog.food_kinds import FOOD_FIGURES
from catalog.quantities import FIGURE

_HOURS = r"h|std\.?|stunden?|hours?|hrs?|min\.?|minuten|minutes?|mins?"
_DAYS = r"tage?n?|days?|wochen|weeks?|monate?n?|months?|jahre?n?|years?"
_LENGTH = r"mm|cm|m|km|meter|metern?|metres?|meters?|zoll|inch(?:es)?|\""
# the units a figure answering each kind of fact is given in (`catalog.fact_kinds` kinds)
UNITS: dict[str, str] = {
    "weight": rf"(?:kg|g|gramm|grams?){NOT_RATE}|lbs?|oz|t",
    "load": rf"kg{NOT_RATE}|lbs?|t",
    "duration": rf"{_HOURS}|sek\w*|sec\w*|s|{_DAYS}",
    "battery": rf"{_HOURS}|mah|wh",  # runtime or its capacity; with "wie lange" only the hours (`fitting`)
    "charge_time": _HOURS,
    "heat_up": rf"{_HOURS}|sek\w*|sec\w*|s",
    "power_reserve": rf"{_HOURS}|{_DAYS}",
    "shelf_life": rf"{_HOURS}|{_DAYS}",  # "keeps it warm for 30 minutes" too
    "age": r"jahre?n?|years?|monate?n?|months?|\+",
    "temperature": r"°\s*[cf]?|grad|degrees?",
    "capacity": r"l|ml|cl|dl|liter|litern?|litres?|liters?|tassen|cups?|kg|g",  # dry goods by weight: "Bohnenbehälter: 250 g", "8 kg" of laundry
    "power": r"w|kw|watt",
    "energy": r"wh|kwh|mah",
    "pressure": r"bar|psi|kpa|hpa|pa",
    "nutrients": r"%|kcal|kj",  # an analytical share of pet food, a nutrition table's calories
    "loudness": r"db(?:\s*\(?a\)?)?",
    "speed": r"km/h|mph|rpm|u/min|m/s|upm",
    "range": _LENGTH,
    "size": _LENGTH,
    "height": _LENGTH,
    "width": _LENGTH,
    "length": _LENGTH,
    "depth": _LENGTH,
    "diameter": _LENGTH,
    "thickness": _LENGTH,
}
_PATTERNS = {
    key: re.compile(rf"{FIGURE}\s*(?:{units})(?![^\W\d_])", re.I) for key, units in UNITS.items()
}
_PATTERNS.update({key: re.compile(figure, re.I) for key, figure in FOOD_FIGURES.items()})  # "SPF 50": the figure after its name
# A sentence giving a figure in the asked unit gains UNIT_BONUS; asked for a figure, a sentence
# with no number at all loses NO_FIGURE_PENALTY, one giving the figure of only part of what is
# asked ("1.800 mAh" for "Wie lange hält der Akku?": the battery, not how long) WRONG_UNIT_PENALTY.
UNIT_BONUS = 0.08
NO_FIGURE_PENALTY = 0.05
WRONG_UNIT_PENALTY = 0.05
# a "Label: value" line whose label names the asked thing (and, asked for a figure, gives one in its unit)
LABEL_BONUS = 0.08
# a definition's label: a few words before a colon ("Kabel: 3 m", "Akkulaufzeit: 30 Stunden")
_LABEL = re.compile(r"^([^\W\d][^\d:.!?]{0,38}):\s+(\S.*)$", re.S)


# a yes/no question asks no figure, even about a kind of fact answered by one ("Kann ich mein Handy
# darauf laden?", "Is the battery replaceable?"), unless it also asks how, what or which
_YES_NO = re.compile(
    r"^\W*(?:(?:und|and|also)\s+)?(?:kann|können|ist|sind|hat|haben|gibt|lässt|darf|muss|passt|geht|wird|werden|kommt|eignet|taugt"
    r"|can|could|is|are|does|do|has|have|will|would|should|may)\b",
    re.I,
)
# kinds asking how long something takes or lasts: their time is the figure asked, the other kinds
# only say of what (the battery's runtime, a length for "how long is the cable?" stays asked)
_HOW_LONG = frozenset({"duration", "shelf_life", "power_reserve", "charge_time", "heat_up"})
_ASKING = re.compile(
    r"\b(?:wie|was|welche\w*|wo|wann|wieviel\w*|how|what|which|where|when)\b", re.I
)


def unit_kinds(aspects: list[str], question: str = "") -> list[str]:
    """The asked kinds answered by a figure in a unit of `UNITS`; none when the question asks no
    figure (`asks_figure`, a yes/no question)."""
    if not asks_figure(aspects) or (_YES_NO.search(question) and not _ASKING.search(question)):
        return []
    if _HOW_LONG & set(aspects):  # "How long does it keep water warm?": minutes, not °C
        aspects = [key for key in aspects if key in _HOW_LONG or key in ("battery", "length")]
    return [key for key in aspects if key in _PATTERNS]


def about_other(label: str, aspects: list[str]) -> bool:
    """True when a label names a narrower kind than one asked, not asked itself ("Charging time:
    approx. 2 hours" is no answer to "How long does the battery last?")."""
    return any(
        key not in aspects and set(wider) & set(aspects) and ASPECTS[key][1].search(label)
        for key, wider in NARROWER.items()
    )


def given_units(sentence: str, kinds: list[str]) -> int:
    """How many of the asked kinds the sentence gives a figure in the unit of ("40 Stunden": the
    battery and the duration asked by "Wie lange hält der Akku?", "1.800 mAh": the battery only)."""
    return sum(1 for key in kinds if _PATTERNS[key].search(sentence))


def fitting(sentences: list[str], kinds: list[str]) -> list[bool]:
    """Per sentence whether it gives the asked figure: in the units of as many asked kinds as any
    sentence of the text does, at least one ("How long does the battery last?" asks a size too, by
    "how long": hours, not "1200 mAh" nor "12 cm")."""
    given = [given_units(s, kinds) for s in sentences]
    most = max(given, default=0)
    return [bool(most) and n == most for n in given]


def unit_scores(sentences: list[str], aspects: list[str], question: str = "") -> list[float]:
    """`UNIT_BONUS` for a sentence giving the asked figure (`fitting`), `-WRONG_UNIT_PENALTY` for one
    giving a figure of fewer asked kinds, `-NO_FIGURE_PENALTY` for one without any number, when the
    question asks a figure; else 0."""
    kinds = unit_kinds(aspects, question)
    if not kinds:
        return [0.0] * len(sentences)
    own = [without_narrower(s, aspects) for s in sentences]  # "Ladezeit ca. 3 Stunden" is no runtime's hours
    fits = fitting(own, kinds)
    out = []
    for sentence, part, fit in zip(sentences, own, fits, strict=True):
        if fit:
            out.append(UNIT_BONUS)
        elif not re.search(r"\d", sentence):
            out.append(-NO_FIGURE_PENALTY)
        else:
            out.append(-WRONG_UNIT_PENALTY if given_units(part, kinds) else 0.0)
    return out


def label_of(sentence: str) -> tuple[str, str] | None:
    """(label, value) of a "Label: value" line of four words of label at most, else None."""
    m = _LABEL.match(sentence)
    return (m.group(1), m.group(2)) if m and len(m.group(1).split()) <= 4 else None


def label_scores(
    sentences: list[str], aspects: list[str], names_asked: Callable[[str], bool], question: str = ""
) -> list[float]:
    """`LABEL_BONUS` for a "Label: value" line whose label names the asked thing (`names_asked`: a
    word of the question or an asked kind, in either language) and, when a figure is asked, that
    gives it in its unit (`fitting`: "How long is the cable?" -> "Kabel: 3 m", not "Kabel: gerade")."""
    kinds = unit_kinds(aspects, question)
    fits = fitting([without_narrower(s, aspects) for s in sentences], kinds) if kinds else [True] * len(sentences)
    out = []
    for sentence, fit in zip(sentences, fits, strict=True):
        parts = label_of(sentence)
        ok = (
            fit
            and parts is not None
            and names_asked(parts[0])
            and not about_other(parts[0], aspects)
        )
        out.append(LABEL_BONUS if ok else 0.0)
    return out
