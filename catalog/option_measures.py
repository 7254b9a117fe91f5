"""An option sold by a measure ("Länge: 145 cm, 175 cm, 245 cm", "Diameter: 24 cm, 28 cm") and a
related measure the shopper gives ("Meine Stange hängt 2,47 m über dem Boden", "my hob ring is 18
cm"). A measure is never a usual size: the value comes from the text's own rule for measuring
("messen Sie … und ziehen Sie 2 cm ab"), else from a second measure the text pairs with each value
when the shopper's measure matches one of those ("28 cm (base 21 cm)", a table row "24 cm 18 cm"),
else it is the nearest value offered, said as such. Without a length, the value the text names for
the use the question names ("für halbhohe Fenster 175 cm")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.length_formula import length_rule
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.variants import amount, option_kind, option_values

# a rule for measuring with an amount to take off or add ("ziehen Sie 2 cm ab", "subtract 2 cm", "plus 5 cm")
_MEASURING = re.compile(r"\bmess\w*|\bmeasur\w*|\bgemessen\b", re.I)
_MINUS = re.compile(
    r"\b(?:zieh\w*|abzieh\w*|subtract\w*|deduct\w*|take (?:off|away)|minus|abzüglich)\s+(?:sie\s+)?(\d{1,2}(?:[.,]\d)?)"
    r"(?:\s*[–-]\s*\d{1,2}(?:[.,]\d)?)?\s*cm"
    r"|(\d{1,2}(?:[.,]\d)?)(?:\s*[–-]\s*\d{1,2}(?:[.,]\d)?)?\s*cm\s+(?:abzieh\w*|abziehen|weniger)",  # "1–2 cm abziehen"
    re.I,
)
_PLUS = re.compile(
    r"\b(?:add\w*|addier\w*|zuzüglich|plus|geben sie)\s+(?:sie\s+)?(\d{1,2}(?:[.,]\d)?)\s*cm", re.I
)
# the shopper's own length ("2,47 m", "21 cm", "180 mm")
_GIVEN = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*(cm|mm|m)\b", re.I)
# a person's height or a body measure: the size-chart paths answer those
_PERSON = re.compile(
    r"körpergröße|\bgroß\b|\btall\b|\bheight\b|\bi'?m\b|\bi am\b|\bich bin\b|\bbin\b|\b(?:son|daughter|child|kid|boy|girl|he|she|"
    r"sohn|tochter|kind|junge|mädchen|er|sie)\s+(?:is|ist)\b",
    re.I,
)
_PAIR_GAP = (
    r"\s*(?:\(\s*[^\d()]{0,25}|[/|,;]?\s*)"  # "24 cm (base 17 cm)", "24 cm 18 cm", "24 cm / 18 cm"
)
_ONE_LENGTH = re.compile(
    r"^\s*\d{1,3}(?:[.,]\d{1,2})?\s*(?:cm|mm|m)\s*$", re.I
)  # "245 cm", not "140–160 × 200 cm"
_TOLERANCE = 1.0  # cm: a paired measure this close is the shopper's


@dataclass(frozen=True)
class MeasuredPick:
    option: str
    value: str  # the offered value to take
    how: str  # "rule", "guide" (the store's size guide's rule), "paired", "nearest" or "use"
    given: float  # the shopper's measure in cm
    target: float  # what the rule gives, the paired measure, or the given one
    source: str  # the rule's sentence or the text pairing the value
    values: tuple[str, ...]  # every value offered


def measured_option(product: Product) -> tuple[str, list[tuple[str, float]]] | None:
    """(option, [(value, cm)]) of the first non-colour option whose every value is one length
    ("24 cm"; a sheet's "140–160 × 200 cm" is a size with ranges)."""
    for name, values in option_values(product).items():
        if option_kind(product, name) == "color" or len(values) < 2:
            continue
        lengths = [
            (v, a[1])
            for v in values
            if _ONE_LENGTH.match(v) and (a := amount(v)) and a[0] == "length"
        ]
        if len(lengths) == len(values):
            return name, lengths
    return None


def given_length(text: str) -> float | None:
    """The shopper's length in cm ("2,47 m" -> 247)."""
    m = _GIVEN.search(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    unit = m.group(2).lower()
    return round(value * 100, 1) if unit == "m" else value / 10 if unit == "mm" else value


def _rule(product: Product, lang: str, guide: tuple[str, ...] = ()) -> tuple[float, str] | None:
    """(cm to add, sentence) of the text's rule for measuring ("… und ziehen Sie 2 cm ab" -> -2);
    else of the store's size guide sentences for the product's kind (`guide`)."""
    for text in [*(s.text for s in product_sentences(product, lang)), *guide]:
        if not _MEASURING.search(text):
            continue
        if m := _MINUS.search(text):
            return -float((m.group(1) or m.group(2)).replace(",", ".")), text
        if m := _PLUS.search(text):
            return float(m.group(1).replace(",", ".")), text
    return None


def _number(value: float) -> str:
    return rf"{value:g}".replace(".", r"[.,]")


def paired(
    product: Product, lang: str, lengths: list[tuple[str, float]]
) -> dict[str, tuple[float, str]]:
    """value -> (the second length the text writes right after it, that passage): "28 cm (base
    21 cm)", a table row "24 cm 18 cm 2,6 kg"; only when the text pairs at least two values."""
    text = "\n".join(s.text for s in product_sentences(product, lang))
    found: dict[str, tuple[float, str]] = {}
    for value, cm in lengths:
        pattern = rf"(?<![\d.,]){_number(cm)}\s*cm\b{_PAIR_GAP}(\d{{1,3}}(?:[.,]\d)?)\s*cm\b\)?"
        if m := re.search(pattern, text, re.I):
            found[value] = (float(m.group(1).replace(",", ".")), m.group(0).strip())
    return found if len(found) >= 2 and len({v for v, _ in found.values()}) == len(found) else {}


def measured_pick(product: Product, text: str, lang: str, guide: tuple[str, ...] = ()) -> MeasuredPick | None:
    """The value of an option sold by a measure for a related length the question gives; None when
    the question gives no length, one of the offered values, or a person's measure."""
    option = measured_option(product)
    given = given_length(text)
    if option is None or given is None or _PERSON.search(text):
        return None
    name, lengths = option
    if length_rule([s.text for s in product_sentences(product, lang)], lang):
        return None  # a length by body height ("Körpergröße minus 10 cm"): the height's answer
    if any(abs(cm - given) < 0.05 for _, cm in lengths):
        return None  # "in 245 cm?" asks for that version
    values = tuple(v for v, _ in lengths)

    def nearest(cm: float) -> str:
        return min(lengths, key=lambda x: (abs(x[1] - cm), x[1]))[0]

    if rule := _rule(product, lang, guide):
        target = given + rule[0]
        return MeasuredPick(name, nearest(target), "rule" if rule[1] not in guide else "guide", given, target, rule[1], values)
    pairs = paired(product, lang, lengths)
    if pairs:
        value, (second, source) = min(pairs.items(), key=lambda x: abs(x[1][0] - given))
        if abs(second - given) <= _TOLERANCE and abs(second - given) < min(
            abs(cm - given) for _, cm in lengths
        ):
            return MeasuredPick(name, value, "paired", given, second, source, values)
    return MeasuredPick(name, nearest(given), "nearest", given, given, "", values)


_CLAUSES = re.compile(r"[,;]|\s(?:und|and|oder|or)\s")
_FOR = re.compile(r"\b(?:für|for)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{4,}")


def _stems(text: str, skip: set[str]) -> set[str]:
    """The words of 4+ letters cut to six letters ("halbhohes" ~ "halbhohe"), but the option's name."""
    return {w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in skip}


def use_pick(product: Product, text: str, lang: str) -> MeasuredPick | None:
    """The value the text recommends for a use the question names ("Welche Länge für ein halbhohes
    Fenster?" -> "für halbhohe Fenster 175 cm"): the clause naming one offered value after "für" /
    "for" that shares the most words with the question, when it alone shares the most."""
    option = measured_option(product)
    if option is None or given_length(text) is not None:
        return None
    name, lengths = option
    skip = {name.lower(), "länge", "length", "welche", "which", "what", "größe", "size"}
    asked = _stems(text, skip)
    scored: list[tuple[int, str, str]] = []
    for s in product_sentences(product, lang):
        for clause in _CLAUSES.split(s.text):
            named = [
                v for v, cm in lengths if re.search(rf"(?<![\d.,]){_number(cm)}\s*cm\b", clause)
            ]
            if len(named) == 1 and _FOR.search(clause):
                scored.append((len(asked & _stems(clause, skip)), named[0], s.text))
    scored.sort(key=lambda x: -x[0])
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    _, value, sentence = scored[0]
    cm = dict(lengths)[value]
    return MeasuredPick(name, value, "use", cm, cm, sentence, tuple(v for v, _ in lengths))
