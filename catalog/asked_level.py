"""The level, mode or setting a question asks a figure for ("Wie lange hält der Akku auf der
höchsten Stufe?", "battery life on level 1?", "mit ANC?", "auf der leisesten Stufe?"): the
clause of the product's text that gives that level's figure, not the product's headline value
("bis zu 40 Stunden" is the runtime without ANC). German and English, generic words only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.answer_kinds import UNITS
from catalog.fact_kinds import CLAUSES, without_narrower
from catalog.features import FEATURES, denies
from catalog.quantities import FIGURE

# the strongest setting ("höchste Stufe", "volle Leistung", "boost") or the weakest ("Eco-Modus", "leiseste Stufe")
_HIGH = re.compile(
    r"höchste\w*|stärkste\w*|volle[nr]? (?:leistung|power|stufe|helligkeit)|maximale\w* (?:stufe|leistung|helligkeit)|max(?:imum)? (?:level|setting|power|mode)"
    r"|full (?:power|output|brightness|blast)|highest|strongest|boost|turbo|lauteste\w*|loudest|hellste\w*|brightest",
    re.I,
)
_LOW = re.compile(
    r"niedrigste\w*|schwächste\w*|kleinste[nr]? stufe|leiseste\w*|dunkelste\w*|minimale\w* (?:stufe|leistung)|min(?:imum)? (?:level|setting)"
    r"|lowest|weakest|quietest|dimmest|\beco\b|eco-?modus|eco mode|sparmodus|energiespar\w*",
    re.I,
)
# a numbered level: "Stufe 1", "level 3", "auf Stufe 2"
_NUMBERED = re.compile(r"\b(?:stufe|level|modus|mode|setting|einstellung|heizstufe|heat level)\s*(\d{1,2})\b", re.I)
# the kinds whose figure depends on the setting; a runtime falls as the setting rises
LEVEL_KINDS = ("battery", "duration", "loudness", "power", "speed", "pressure")
_FALLS = frozenset({"battery", "duration"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# with or without a feature: "30 Stunden mit ANC, 40 Stunden ohne ANC"
_WITH = re.compile(r"\b(?:mit|with|bei|using|eingeschaltete\w*|aktive\w*|active|on)\b", re.I)
_WITHOUT = re.compile(r"\b(?:ohne|without|ausgeschaltete\w*|off)\b", re.I)


@dataclass(frozen=True)
class Level:
    clause: str  # the clause giving the asked level's figure
    figure: str  # that figure as written ("2 h", "24 dB")
    alone: bool = True  # the clause's sentence gives no other figure of the kind: quoted whole


def asked_level(question: str) -> str | None:
    """"high", "low", "n:<number>", "f:<feature>" (with it) or "-:<feature>" (without it) for a
    question naming a setting, else None."""
    if m := _NUMBERED.search(question):
        return f"n:{m.group(1)}"
    if _HIGH.search(question):
        return "high"
    if _LOW.search(question):
        return "low"
    for key, pattern in FEATURES.items():
        if not (m := pattern.search(question)):
            continue
        before = question[max(0, m.start() - 25):m.start()]
        if _WITHOUT.search(before):
            return f"-:{key}"
        if _WITH.search(before):
            return f"f:{key}"
    return None


def without_level(question: str) -> str:
    """The question without the words naming the setting: "at full power" asks no power."""
    for pattern in (_NUMBERED, _HIGH, _LOW):
        question = pattern.sub(" ", question)
    return question


def _clauses(sentence: str, kind: str) -> list[str]:
    """The sentence's clauses, without those of another measure ("Charging time: approx. 4 h" is no runtime)."""
    return [c.strip() for c in CLAUSES.split(without_narrower(sentence, [kind])) if c.strip()]


# a time's unit in hours, so "90 Minuten" is less than "3 Stunden"
_IN_HOURS = ((re.compile(r"min", re.I), 1 / 60), (re.compile(r"s(?:e[kc]\w*)?$", re.I), 1 / 3600), (re.compile(r"tag|day", re.I), 24))


def _value(figure: str, low_end: bool) -> float:
    numbers = [float(n.replace(",", ".")) for n in _NUMBER.findall(figure.replace(".000", "000"))]
    unit = re.sub(r"^[\d.,\s–-]+(?:(?:bis|to)[\d.,\s]+)?", "", figure)
    factor = next((f for pattern, f in _IN_HOURS if pattern.match(unit)), 1.0)
    return factor * (min(numbers) if low_end else max(numbers))


def level_figure(question: str, kinds: list[str], sentences: list[str]) -> tuple[int, Level] | None:
    """(index of the sentence, the level) giving the figure of the asked kind at the level the
    question names; None when no level is asked, no kind of `LEVEL_KINDS`, or the text gives no
    figure that differs by level."""
    level = asked_level(question)
    kind = next((k for k in kinds if k in LEVEL_KINDS), None)
    if not level or not kind:
        return None
    units = UNITS["charge_time"] if kind == "battery" else UNITS[kind]  # a runtime in hours, not the battery's mAh
    unit = re.compile(rf"{FIGURE}\s*(?:{units})(?![^\W\d_])", re.I)
    found = [(i, c, m.group(0).strip()) for i, s in enumerate(sentences) for c in _clauses(s, kind) for m in [unit.search(c)] if m]
    if level.startswith("n:"):
        number = re.compile(rf"(?<![\d.,]){level[2:]}(?![\d.,]|\s*(?:{units}|°|v\b|%)(?![^\W\d_]))", re.I)
        hits = [(i, c, f) for i, c, f in found if number.search(c.replace(f, " "))]
        return _level(hits[0], found) if len(hits) == 1 else None
    if level[1] == ":" and level[0] in "f-":  # "mit ANC" / "ohne ANC": the clause naming it so, best one set against its opposite
        key, wanted = level[2:], level[0] == "-"
        named = [(i, c, f) for i, c, f in found if FEATURES[key].search(c)]
        hits = [(i, c, f) for i, c, f in named if bool(denies(c, key)) == wanted]
        paired = [h for h in hits if any(j == h[0] and bool(denies(c, key)) != wanted for j, c, _ in named)]
        hits = paired or hits
        return _level(hits[0], found) if len(hits) == 1 and len(found) > 1 else None
    # the strongest setting: a runtime's least, a loudness's or power's most (the weakest the other way)
    least = (level == "high") == (kind in _FALLS)
    ranged = [(i, c, f) for i, c, f in found if re.search(r"\d\s*(?:[-–]|bis|to)\s*\d", f)]
    values = {_value(f, least) for _, _, f in found}
    if len(found) < 2 and not ranged or len(values) < 2 and not ranged:
        return None
    i, clause, figure = best = (min if least else max)(found, key=lambda x: _value(x[2], least))
    if re.search(r"\d\s*(?:[-–]|bis|to)\s*\d", figure):  # "Lautstärke: 24–52 dB": the asked end of the range
        unit_word = re.search(r"[^\d\s.,–-]+$", figure)
        figure = " ".join(x for x in (_NUMBER.findall(figure)[0 if least else -1], unit_word.group(0) if unit_word else "") if x)
    return i, Level(clause, figure, _level(best, found)[1].alone)


def _level(hit: tuple[int, str, str], found: list[tuple[int, str, str]]) -> tuple[int, Level]:
    return hit[0], Level(hit[1], hit[2], sum(1 for j, _, _ in found if j == hit[0]) == 1)
