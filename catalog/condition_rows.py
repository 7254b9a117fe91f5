"""A "for whom / for what" reader: the lines of a product's text (or of the store's size guide
section for it) that pair one value of an option with a condition on the shopper ("H2 – bis
80 kg", "155 cm 151–162 cm", "Bis ca. 1,80 m Körpergröße: 135 x 200 cm", "130x160 (für Tische
bis ca. 90x120)", "Seitenschläfer: Fest", "Cob für kleine Warmblüter, Araber und Haflinger"),
and the value such a line gives for the question's weight, height, size pair or named use.

A measure on the exact bound of two rows ("80 kg" with "bis 80 kg" and "80 bis 110 kg") takes the
merchant's rule for the boundary when the text has one ("an der Grenze … für Seitenschläfer die
weichere") and the question says which case applies; else no value is picked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.measurements import measure_of
from catalog.models import Product
from catalog.sentences import split_sentences
from catalog.size_advice import value_pattern
from catalog.variants import option_kind, option_values

_NUM = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_APPROX = r"(?:(?:ca|approx|etwa|about|circa|rund)\.?\s*)?"
_UNITS = {"kg": r"\s*(?:kg|kilo\w*)\b", "cm": r"\s*(cm|m)\b"}
_DIMS = r"(\d{2,3})\s*[x×]\s*(\d{2,3})"
_UPTO = r"(?<!\w)(?:bis|up to|to|unter|under|below|max\.?|höchstens|maximal)"
_FROM = r"(?<!\w)(?:über|ab|over|above|from|more than|mehr als|min\.?|mindestens)"
_AND_MORE = r"\s*(?:and|und|or|oder)\s+(?:taller|more|above|over|heavier|größer|mehr|darüber|schwerer)"
_EXCLUSIVE = re.compile(r"^(?:über|over|above|more than|mehr als|unter|under|below)", re.I)

# sleeping positions: a general bedding word in both languages; "Rücken- und Bauchschläfer" names two
SLEEP = {
    "side": re.compile(r"seitenschläfer\w*|seitenlage|auf der seite|\bseiten-(?=\s*(?:und|oder|,))|side[- ]?sleep\w*|on (?:my|his|her|the|their) side", re.I),
    "back": re.compile(r"rückenschläfer\w*|rückenlage|auf dem rücken|\brücken-(?=\s*(?:und|oder|,))|back[- ]?sleep\w*|on (?:my|his|her|the|their) back", re.I),
    "stomach": re.compile(
        r"bauchschläfer\w*|bauchlage|auf dem bauch|\bbauch-(?=\s*(?:und|oder|,))|(?:stomach|front|belly)[- ]?sleep\w*"
        r"|on (?:my|his|her|the|their) (?:stomach|front|belly)",
        re.I,
    ),
}
# a girth or part of the body the question measures: never a height, length or size pair of a row
_BODY_PARTS = {"waist", "chest", "hip", "underbust", "head", "hand", "neck", "wrist", "foot", "inside_leg", "calf", "ankle", "finger", "finger_diameter"}
_BOUNDARY = re.compile(r"grenze|boundary|borderline|zwischen zwei|between two|dazwischen|in between", re.I)
_HIGHER = re.compile(r"\b(?:festere\w*|härtere\w*|firmer|harder|höhere\w*|higher|größere\w*|larger|bigger)\b", re.I)
_LOWER = re.compile(r"\b(?:weichere\w*|softer|niedrigere\w*|lower|kleinere\w*|smaller)\b", re.I)
_NAMED_FOR = re.compile(r"^\W{0,3}(?:\w+\s+)?(?:für|for)\b", re.I)  # right after the value
# a number right before a value that makes it a range's bound ("111–120 cm", "bis 120 cm"), when
# the values are in the condition's own unit (a ski's length charted by height)
_BOUND_BEFORE = re.compile(r"(?:\d\s*(?:cm|m|kg)?\s*(?:–|-|—|bis|to)|(?<!\w)(?:bis|ab|up to|from|unter|über|under|over)(?:\s+(?:ca|approx|etwa)\.?)?)\s*$", re.I)
_FOR_USE = re.compile(r"\b(?:für|for)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{5,}")
_COMMON = {
    "welche", "welcher", "welches", "größe", "grösse", "which", "would", "should", "passt", "passen", "meinen", "meine",
    "meinem", "meiner", "brauche", "brauchen", "nehmen", "empfehlen", "recommend", "about", "there", "their", "these",
    "bitte", "variante", "version", "model", "modell", "sollte", "sollen", "könnte", "could", "größen", "sizes",
}


@dataclass(frozen=True)
class Row:
    option: str
    value: str
    low: float | tuple[float, float] | None
    high: float | tuple[float, float] | None
    unit: str  # "kg", "cm", "dims" or "word"
    line: str  # the text's line, quoted
    low_in: bool = True  # "ab 80" includes 80, "über 80" does not
    high_in: bool = True


@dataclass(frozen=True)
class Pick:
    row: Row
    given: str  # the shopper's measure as said ("80 kg", "192 cm")
    rule: str = ""  # the boundary rule's sentence when it decided
    other: Row | None = None  # the second row at a boundary


def given_measure(text: str) -> tuple[str, float | tuple[float, float], str] | None:
    """(unit, value, as said) of the question's weight, height/length or size pair."""
    if m := re.search(rf"(?<![\d.,]){_NUM}{_UNITS['kg']}", text, re.I):
        value = float(m.group(1).replace(",", "."))
        return "kg", value, f"{value:g} kg"
    if m := re.search(rf"(?<![\d.,]){_DIMS}", text):
        a, b = float(m.group(1)), float(m.group(2))
        return "dims", (a, b), f"{a:g}x{b:g} cm"
    if m := re.search(rf"(?<![\d.,]){_NUM}{_UNITS['cm']}", text, re.I):
        value = _cm(m.group(1), m.group(2))
        return "cm", value, f"{value:g} cm"
    return None


def _cm(number: str, unit: str) -> float:
    value = float(number.replace(",", "."))
    return round(value * 100, 1) if unit.lower() == "m" else value


def _range(fragment: str, unit: str) -> tuple[object, object, bool, bool] | None:
    """(low, high, low included, high included) of the first range the fragment states in the unit."""
    if unit == "dims":
        if m := re.search(rf"{_UPTO}\s*{_APPROX}{_DIMS}", fragment, re.I):
            return None, (float(m.group(1)), float(m.group(2))), True, True
        return None
    u = _UNITS[unit]
    num = (lambda n, un: _cm(n, un or "cm")) if unit == "cm" else (lambda n, un: float(n.replace(",", ".")))
    found: list[tuple[int, tuple[object, object, bool, bool]]] = []
    if unit == "cm":
        between = rf"(?<![\d.,]){_NUM}\s*(?:(cm|m)\b)?\s*(?:–|-|—|bis|to)\s*{_NUM}{u}"
        if m := re.search(between, fragment, re.I):
            found.append((m.start(), (num(m.group(1), m.group(2) or m.group(4)), num(m.group(3), m.group(4)), True, True)))
    elif m := re.search(rf"(?<![\d.,]){_NUM}\s*(?:kg\b)?\s*(?:–|-|—|bis|to)\s*{_NUM}{u}", fragment, re.I):
        found.append((m.start(), (num(m.group(1), ""), num(m.group(2), ""), True, True)))
    group = 2 if unit == "cm" else 0
    if m := re.search(rf"({_UPTO})\s*{_APPROX}{_NUM}{u}", fragment, re.I):
        found.append((m.start(), (None, num(m.group(2), m.group(3) if group else ""), True, not _EXCLUSIVE.match(m.group(1)))))
    if m := re.search(rf"({_FROM})\s*{_APPROX}{_NUM}{u}", fragment, re.I):
        found.append((m.start(), (num(m.group(2), m.group(3) if group else ""), None, not _EXCLUSIVE.match(m.group(1)), True)))
    if m := re.search(rf"(?<![\d.,]){_NUM}{u}{_AND_MORE}", fragment, re.I):
        found.append((m.start(), (num(m.group(1), m.group(2) if group else ""), None, True, True)))
    return min(found, key=lambda x: x[0])[1] if found else None


def _lines(text: str) -> list[str]:
    """The text's lines and sentences, a bullet list's items apart."""
    out: list[str] = []
    for line in text.splitlines():
        for piece in split_sentences(line) or [line]:
            out += [p.strip(" -*•") for p in re.split(r"\s+[-•]\s+(?=\S)", piece) if p.strip(" -*•")]
    return out


def _segments(line: str, option: str, values: list[str]) -> list[tuple[str, str]]:
    """(value, text) for a line naming one value (the whole line) or several (from each value to the next)."""
    hits = sorted((m.start(), m.end(), v) for v in values for m in value_pattern(v).finditer(line))
    values_only = [h for h in hits if not _BOUND_BEFORE.search(line[: h[0]])]
    hits = values_only or hits  # "111–120 cm 100 cm": the 120 cm is the range's bound, the value is 100 cm
    named = {v for _, _, v in hits}
    if len(named) == 1:
        return [(hits[0][2], line[: hits[0][0]] + " " * (hits[0][1] - hits[0][0]) + line[hits[0][1]:])]
    out = []
    for i, (_start, end, value) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(line)
        out.append((value, line[end:stop]))
    return out


def rows(product: Product, texts: list[str], unit: str) -> list[Row]:
    """The rows pairing one value of a non-colour option with a range in `unit`, ordered by range."""
    found: list[Row] = []
    for option, values in option_values(product).items():
        if option_kind(product, option) == "color" or len(values) < 2:
            continue
        for text in texts:
            for line in _lines(text):
                for value, fragment in _segments(line, option, values):
                    if (r := _range(fragment, unit)) is not None:
                        found.append(Row(option, value, r[0], r[1], unit, line.strip(), r[2], r[3]))
        options = {r.option for r in found}
        if found and len(options) == 1:
            break
        found = []
    found = list({(r.value, r.line): r for r in found}.values())
    if len(found) < 2 and not (unit == "dims" and any(_FOR_USE.search(r.line) for r in found)):
        return []  # one line is a table only as "130x160 (für Tische bis ca. 90x120)"
    return sorted(found, key=lambda r: (_key(r.low, float("-inf")), _key(r.high, float("inf"))))


def _key(bound: object, default: float) -> float:
    if bound is None:
        return default
    return max(bound) if isinstance(bound, tuple) else float(bound)


def _fits(row: Row, given: float | tuple[float, float]) -> bool:
    if isinstance(given, tuple):
        high = row.high
        return isinstance(high, tuple) and all(g <= h for g, h in zip(sorted(given), sorted(high), strict=True))
    low, high = row.low, row.high
    if low is not None and not isinstance(low, tuple) and (given < low or (given == low and not row.low_in)):
        return False
    return not (high is not None and not isinstance(high, tuple) and (given > high or (given == high and not row.high_in)))


def sleeping(text: str) -> set[str]:
    """The sleeping positions a text names."""
    return {name for name, pattern in SLEEP.items() if pattern.search(text)}


def _boundary_rule(texts: list[str], question: str) -> tuple[str, str] | None:
    """("higher" or "lower", the rule's sentence) of the merchant's rule for a measure on a bound."""
    asked = sleeping(question)
    for text in texts:
        sentences = split_sentences(text)
        for i, sentence in enumerate(sentences):
            if not _BOUNDARY.search(sentence):
                continue
            if not (_HIGHER.search(sentence) or _LOWER.search(sentence)) and i + 1 < len(sentences):
                sentence = f"{sentence} {sentences[i + 1]}"  # "Genau an der Grenze? Nehmen Sie die größere."
            if not (_HIGHER.search(sentence) or _LOWER.search(sentence)):
                continue
            clauses = re.split(r"[,;]", sentence)
            for clause in clauses:
                named = sleeping(clause)
                if named and not named & asked:
                    continue
                if not named and sleeping(sentence):
                    continue  # a rule by case, and this clause names none
                if _HIGHER.search(clause):
                    return "higher", sentence
                if _LOWER.search(clause):
                    return "lower", sentence
    return None


def _names(question: str, option: str) -> bool:
    """Whether the question's measure is one of the option itself ("Rückenlänge 140", "140 cm
    back length"; not "85 kg, welcher Härtegrad?" nor "Größe")."""
    if option.lower() in {"größe", "grösse", "size", "maß", "masse", "maße"}:
        return False
    name = re.escape(option.lower())
    near = rf"(?<!\w){name}\W{{0,12}}\d|\d[\d.,]*\s*(?:cm|m)?\W{{0,3}}{name}(?!\w)"
    return bool(re.search(near, question.lower()))


def measure_pick(product: Product, texts: list[str], question: str) -> Pick | None:
    """The value the text's rows give for the question's weight, height or size pair."""
    given = given_measure(question)
    if given is None:
        return None
    unit, value, said = given
    if unit == "cm" and measure_of(question) in _BODY_PARTS:
        return None  # "Taillenumfang 74 cm": a waist is no height or length the rows are written for
    table = rows(product, texts, unit)
    if any(_names(question, o) for o in {r.option for r in table}):
        return None  # "Rückenlänge 140": a value of the option itself, not the rows' condition
    fitting = [r for r in table if _fits(r, value)]
    if not fitting:
        return None
    if unit == "dims":  # the smallest that fits
        return Pick(fitting[0], said)
    if len({r.value for r in fitting}) == 1:
        return Pick(fitting[0], said)
    if len(fitting) == 2 and (rule := _boundary_rule(texts, question)):
        chosen = fitting[1] if rule[0] == "higher" else fitting[0]
        return Pick(chosen, said, rule[1], fitting[0] if chosen is fitting[1] else fitting[1])
    return None


def word_pick(product: Product, texts: list[str], question: str) -> Pick | None:
    """The value a line gives for the sleeping position the question names ("Seitenschläfer: Fest"),
    or for a use it names after "für" ("Cob für … Haflinger"), when one line alone matches."""
    asked = sleeping(question)
    name_words = {w.lower()[:6] for t in product.title.values() for w in _WORD.findall(t)}
    words = {w.lower()[:6] for w in _WORD.findall(question) if w.lower() not in _COMMON} - name_words
    scored: list[tuple[int, Row]] = []
    for option, values in option_values(product).items():
        if option_kind(product, option) == "color" or len(values) < 2:
            continue
        words -= {w.lower()[:6] for w in _WORD.findall(option)}
        for text in texts:
            for line in _lines(text):
                if asked and (m := re.match(r"^\s*([^:]{3,40}):\s*(.+)$", line)) and sleeping(m.group(1)) == asked:
                    first = min(((h.start(), v) for v in values if (h := value_pattern(v).search(m.group(2)))), default=None)
                    if first is not None:
                        scored.append((10, Row(option, first[1], None, None, "word", line.strip())))
                    continue
                if asked or not words:
                    continue
                for value, fragment in _segments(line, option, values):
                    if _NAMED_FOR.match(fragment) and not re.fullmatch(r"[\d.,/ -]+", value):  # "Cob für …", "Pony passt für …"
                        shared = words & {w.lower()[:6] for w in _WORD.findall(fragment)}
                        if shared:
                            scored.append((len(shared), Row(option, value, None, None, "word", line.strip())))
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    best = [r for s, r in scored if s == scored[0][0]]
    if len({r.value for r in best}) != 1:
        return None
    return Pick(best[0], "")
