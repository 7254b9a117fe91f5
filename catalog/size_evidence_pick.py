"""The size for a question's measurements from the size evidence (`catalog.size_evidence`):
the question's numbers with their measure word — a known measure (`catalog.measurements`) or
any word beside a number with a unit ("Sattelhöhe 75 cm", "my wrist is 16 cm around") — matched
to the evidence's labels, then the size whose range holds the value, the smallest whose single
value reaches it, the two it lies between, or the nearest outside every range."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.measurements import MEASURE_RE, find_measurements, measure_of
from catalog.size_evidence import Evidence, _label_words, amounts, label_matches

_TOLERANCE = 0.5  # around a single value ("S 88 / M 96": 88.3 is still S)


@dataclass(frozen=True)
class Asked:
    label: (
        str  # a known measure ("chest") or the question's word ("Sattelhöhe"); "" for a bare number
    )
    known: bool  # whether `label` is a measure of `catalog.measurements`
    value: float
    unit: str  # "cm", "kg" or "years"


@dataclass(frozen=True)
class Pick:
    asked: Asked
    rows: list[Evidence]  # the label's rows, small to large
    size: str  # the size to take (the nearest, when outside)
    kind: str  # "fit", "between" or "outside"
    other: str | None  # the smaller of two it lies between
    source: str  # the line the size comes from


def _unit_of(measure: str) -> str:
    return {"weight": "kg", "age": "years"}.get(measure, "cm")


def asked_measures(text: str) -> list[Asked]:
    """The question's measurements: the known ones, then a number with a length unit beside a
    word no known measure names ("Sattelhöhe 75 cm", "Torsolänge von 48 cm") with that word."""
    found = [Asked("" if m.measure == "?" else m.measure, m.measure != "?", m.cm, _unit_of(m.measure))
             for m in find_measurements(text, default="?")]  # fmt: skip
    for a in amounts(text):
        if not a.unit or a.unit[0] != "cm":
            continue
        value = round(a.low * a.unit[1], 1)
        before = re.split(r"[,;:?!.]|\b(?:und|and)\b", text[max(0, a.start - 40) : a.start])[-1]
        after = re.split(r"[,;:?!.]|\b(?:und|and)\b", text[a.end : a.end + 30])[0]
        words = [
            w
            for w in (_label_words(before).split()[-2:] + _label_words(after).split()[:1])
            if not _question_word(w)
        ]
        label = " ".join(words)
        if not label or measure_of(label, cm=False) is not None and not other_height(label):
            continue
        same = [f for f in found if f.unit == "cm" and abs(f.value - value) < 0.2]
        if same and all(f.known and f.label != "height" for f in same) and not other_height(label):
            continue
        found = [f for f in found if f not in same] + [Asked(label, False, value, "cm")]
    return found


_QUESTION_WORDS = re.compile(r"^(?:welche\w*|which|what|passt|fits?|nehmen|take|brauche|need|habe|have|meine?[mnrs]?|my|mein\w*"
                             r"|ich|i|bin|am|ist|misst|measures?|beträgt|hat|has|cm|around|herum|umfang)$", re.I)  # fmt: skip


# "saddle height", "seat height": a height, but not the body's
_OTHER_HEIGHT = re.compile(
    r"\b(?!body\b|rider\b|user\b|person\b|your\b|child\b|my\b)[^\W\d_]{3,}\s+height\b", re.I
)


def other_height(label: str) -> bool:
    """Whether a label names the height of something other than the body ("Saddle height")."""
    return bool(_OTHER_HEIGHT.search(label))


def _question_word(word: str) -> bool:
    return bool(_QUESTION_WORDS.match(word))


def _rows_for(asked: Asked, rows: list[Evidence]) -> list[Evidence]:
    """The rows of the one label the asked measure names (known measure, then words, then the
    one label charted in that unit)."""
    sizes: dict[str, set[str]] = {}
    for r in rows:
        sizes.setdefault(r.label, set()).add(r.size)
    usable = [
        r for r in rows if r.unit == asked.unit and len(sizes[r.label]) >= 2
    ]  # a chart gives two sizes or more
    labels = list(dict.fromkeys(r.label for r in usable))
    if asked.known:
        named = [
            lb
            for lb in labels
            if lb and measure_of(lb, cm=asked.unit == "cm") == asked.label and not other_height(lb)
        ]
        named = named or [
            lb
            for lb in labels
            if lb and MEASURE_RE[asked.label].search(lb) and not other_height(lb)
        ]
    else:
        named = [lb for lb in labels if asked.label and label_matches(asked.label, lb)]
    if (
        not named and not asked.known and asked.label
    ):  # a word the text does not chart ("Tiefe 30 cm")
        return []
    if not named:  # the one measure the text charts in that unit, when the question names none the text contradicts
        free = (
            [lb for lb in labels if not lb or measure_of(lb, cm=False) is None or other_height(lb)]
            if asked.known and asked.unit == "cm"
            else labels
        )
        if len(free) != 1 or len(labels) != 1 and asked.known and asked.unit == "cm":
            return []
        chosen = [r for r in usable if r.label == free[0]]
        lows, highs = [r.low for r in chosen], [r.high for r in chosen if r.high != float("inf")]
        if asked.unit == "cm" and not (min(lows) * 0.7 <= asked.value <= max(highs or lows) * 1.3):
            return []
        named = free
    return sorted((r for r in usable if r.label == named[0]), key=lambda r: (r.low, r.high))


def pick(asked: Asked, rows: list[Evidence]) -> Pick | None:
    """The size for one measurement from its label's rows."""
    rows = _rows_for(asked, rows)
    if not rows:
        return None
    v = asked.value
    single = all(r.low == r.high for r in rows)
    inside = [
        r
        for r in rows
        if r.low - (_TOLERANCE if single else 0) <= v <= r.high + (_TOLERANCE if single else 0)
    ]
    if len(inside) == 1 or len({r.size for r in inside}) == 1 and inside:
        return Pick(asked, rows, inside[0].size, "fit", None, inside[0].source)
    if len(inside) >= 2:
        return Pick(asked, rows, inside[-1].size, "between", inside[0].size, inside[-1].source)
    above = [r for r in rows if r.low > v]
    below = [r for r in rows if r.high < v]
    if single and above:  # the smallest size whose value reaches the body's
        first = above[0]
        return Pick(
            asked,
            rows,
            first.size,
            "between" if below else "fit",
            below[-1].size if below else None,
            first.source,
        )
    if above and below:
        return Pick(asked, rows, above[0].size, "between", below[-1].size, above[0].source)
    nearest = above[0] if above else below[-1]
    return Pick(asked, rows, nearest.size, "outside", None, nearest.source)


def picks(text: str, rows: list[Evidence]) -> list[Pick]:
    """A pick for every measurement of the question the evidence charts."""
    return [p for a in asked_measures(text) if (p := pick(a, rows))]
