"""A bra's own band and cup chart in its text, and the size it gives for an underbust and a bust.

Merchants chart bras in two steps whatever the layout: the underbust picks the band ("Band 75 =
Unterbrust 73–77 cm", "Unterbrust 73–77 cm → Band 75 · 78–82 cm → 80", a table "Unterbrustweite
Bandgröße" over "68–72 cm 70"), the bust minus the underbust picks the cup ("Cup B = 14–15 cm",
"Differenz 15–16 cm = B, 17–18 = C", "13–14 cm A"). Each clause pairing one range with one of the
product's bands (a range of body size) or one of its cups (a range of a few cm) is a step. The
merchant's rules are applied: between two cups the one the text names ("zwischen zwei Cups … den
kleineren"), and an underbust at the upper end of a band range the next band with the same cup
("am oberen Ende eines Bereichs (die obersten 2 cm) … das nächstgrößere Band").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.size_table import text_lines
from catalog.variants import option_kind, option_values

_COMBINED = re.compile(r"^\s*(\d{2,3})\s*([A-K]{1,3})\s*$")  # "75B", "80 DD"
_BAND = re.compile(r"^\s*(\d{2,3})\s*$")
_CUP = re.compile(r"^\s*([A-K]{1,3})\s*$")
_RANGE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d)?)\s*(?:–|-|—|bis|to)\s*(\d{1,3}(?:[.,]\d)?)(?![\d])(?:\s*cm\b)?", re.I)
_CLAUSE = re.compile(r"\n|·|•|;|\||(?<!\d),|,(?!\d)|\.\s")
# the upper end of a band's range takes the next band: "am oberen Ende eines Bereichs (die obersten 2 cm) … das nächstgrößere Band"
_UPPER_END = re.compile(r"oberen ende|obere[nr]? rand|upper end|top end|top of (?:a|the) range|high end", re.I)
_NEXT_BAND = re.compile(r"(?:nächstgrößere|nächst größere|größere|next larger|next bigger|larger|bigger)\s+(?:band|unterbrust|underband)", re.I)
_TOP_CM = re.compile(r"(?:obersten|top|upper|letzten|last)\s+(\d(?:[.,]\d)?)\s*cm", re.I)
# between two cups: "Wenn Sie zwischen zwei Cups liegen, nehmen Sie … den kleineren Cup", "between two cup sizes, go up"
_BETWEEN_CUPS = re.compile(r"zwischen zwei (?:cups?|cupgrößen|körbchen\w*)|between (?:two )?cups?\b(?: sizes)?", re.I)
_SMALLER = re.compile(r"\bkleiner\w*|\bsmaller\b|\bgo down\b|\blower\b", re.I)
_LARGER = re.compile(r"\bgrößer\w*|\bgrösser\w*|\blarger\b|\bbigger\b|\bgo up\b|\bhigher\b", re.I)


@dataclass(frozen=True)
class Step:
    value: str  # the band ("75") or cup ("B") as the product's sizes spell it
    low: float
    high: float
    source: str  # the line it comes from


@dataclass(frozen=True)
class BraChart:
    bands: list[Step]
    cups: list[Step]
    combined: dict[tuple[str, str], tuple[str, str]]  # (band, cup) -> (option, value "75B")
    band_option: str  # the band's option when band and cup are two options, else ""
    cup_option: str


@dataclass(frozen=True)
class BraFit:
    band: str
    cup: str
    difference: float
    band_exact: bool  # the underbust lies in the band's range (else between two or outside)
    rules: list[str]  # the merchant's sentences applied


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def _sizes(product: Product) -> tuple[set[str], set[str], dict[tuple[str, str], tuple[str, str]], str, str]:
    """The product's bands and cups: from values "75B" of one option, or a band and a cup option."""
    bands: set[str] = set()
    cups: set[str] = set()
    combined: dict[tuple[str, str], tuple[str, str]] = {}
    band_option = cup_option = ""
    for name, values in option_values(product).items():
        if option_kind(product, name) == "color" or not values:
            continue
        if all(_COMBINED.match(v) for v in values):
            for v in values:
                m = _COMBINED.match(v)
                assert m
                bands.add(m.group(1))
                cups.add(m.group(2))
                combined[(m.group(1), m.group(2))] = (name, v)
        elif all(_BAND.match(v) for v in values) and all(55 <= int(v) <= 130 for v in values) and not band_option:
            band_option, bands = name, bands | {v.strip() for v in values}
        elif all(_CUP.match(v) for v in values) and not cup_option:
            cup_option, cups = name, cups | {v.strip() for v in values}
    if not combined and not (band_option and cup_option):
        return set(), set(), {}, "", ""
    return bands, cups, combined, band_option, cup_option


def bra_chart(product: Product, lang: str) -> BraChart | None:
    """The band and cup steps of the product's text, or None when it charts not both (two or
    more steps each)."""
    bands, cups, combined, band_option, cup_option = _sizes(product)
    if not bands or not cups:
        return None
    band_steps: dict[str, Step] = {}
    cup_steps: dict[str, Step] = {}
    for line in text_lines(product, lang):
        for clause in _CLAUSE.split(line):
            ranges = list(_RANGE.finditer(clause))
            if len(ranges) != 1:
                continue
            low, high = _float(ranges[0].group(1)), _float(ranges[0].group(2))
            rest = clause[: ranges[0].start()] + " " + clause[ranges[0].end():]
            band = {n for n in re.findall(r"(?<![\d.,])(\d{2,3})(?!\d|[.,]\d)", rest) if n in bands}  # "= 80." at the end
            cup = {c for c in re.findall(r"(?<![\w-])([A-K]{1,3})(?![\w-])", rest) if c in cups}
            if len(band) == 1 and not cup and 50 <= low < high <= 140:
                band_steps.setdefault(band.pop(), Step("", low, high, line))
            elif len(cup) == 1 and not band and 5 <= low < high <= 40:
                cup_steps.setdefault(cup.pop(), Step("", low, high, line))
    if len(cup_steps) < 2:
        cup_steps = _point_cups(product, lang, cups) or cup_steps
    if len(band_steps) < 2 or len(cup_steps) < 2:
        return None
    return BraChart(
        sorted((Step(v, s.low, s.high, s.source) for v, s in band_steps.items()), key=lambda s: s.low),
        sorted((Step(v, s.low, s.high, s.source) for v, s in cup_steps.items()), key=lambda s: s.low),
        combined, band_option, cup_option,
    )


_POINT = re.compile(r"(?<![\d.,–-])(\d{1,2}(?:[.,]\d)?)\s*cm\b(?!\s*(?:–|-|bis|to)\s*\d)", re.I)


def _point_cups(product: Product, lang: str, cups: set[str]) -> dict[str, Step]:
    """Cups charted by one difference each ("ca. 15 cm = B, ca. 17 cm = C, ca. 19 cm = D"): each
    cup holds the differences nearer to its own than to its neighbours'."""
    for line in text_lines(product, lang):
        points: dict[str, float] = {}
        for clause in _CLAUSE.split(line):
            found = list(_POINT.finditer(clause))
            cup = {c for c in re.findall(r"(?<![\w-])([A-K]{1,3})(?![\w-])", clause) if c in cups}
            if len(found) == 1 and len(cup) == 1 and not _RANGE.search(clause) and 5 <= _float(found[0].group(1)) <= 40:
                points.setdefault(cup.pop(), _float(found[0].group(1)))
        ordered = sorted(points.items(), key=lambda x: x[1])
        if len(ordered) < 2 or len({v for _, v in ordered}) < len(ordered):
            continue
        steps: dict[str, Step] = {}
        for k, (cup, cm) in enumerate(ordered):
            below = ordered[k - 1][1] if k else cm - (ordered[1][1] - cm)
            above = ordered[k + 1][1] if k + 1 < len(ordered) else cm + (cm - ordered[k - 1][1])
            steps[cup] = Step("", (below + cm) / 2, (cm + above) / 2, line)
        return steps
    return {}


def _step(steps: list[Step], value: float, prefer: str | None) -> tuple[Step, bool]:
    """(the step whose range holds the value, True), else the nearer of the two around it (a tie:
    `prefer` "smaller" / "larger", else the larger), else the nearest end of the chart."""
    inside = [s for s in steps if s.low <= value <= s.high]
    if inside:
        return inside[0], True
    below = [s for s in steps if s.high < value]
    above = [s for s in steps if s.low > value]
    if below and above:
        lower, upper = below[-1], above[0]
        gap_low, gap_up = value - lower.high, upper.low - value
        if gap_low == gap_up:
            return (lower if prefer == "smaller" else upper), False
        return (lower if gap_low < gap_up else upper), False
    return (steps[-1] if below else steps[0]), False


def _cup_rule(product: Product, lang: str) -> tuple[str, str] | None:
    """("smaller" | "larger", sentence) when the text says which cup to take between two."""
    for line in text_lines(product, lang):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", line):
            if m := _BETWEEN_CUPS.search(sentence):
                rest = sentence[m.end():]
                smaller, larger = bool(_SMALLER.search(rest)), bool(_LARGER.search(rest))
                if smaller != larger:
                    return ("smaller" if smaller else "larger"), sentence
    return None


def _upper_end_rule(product: Product, lang: str) -> tuple[float, str] | None:
    """(how many cm count as the upper end, sentence) of the rule "an underbust at the upper end of
    a range takes the next band"."""
    for line in text_lines(product, lang):  # a line, not a sentence: "z. B." ends none
        if (end := _UPPER_END.search(line)) and (nxt := _NEXT_BAND.search(line, end.end())):
            top = _TOP_CM.search(line, end.start(), nxt.start())
            return (_float(top.group(1)) if top else 1.0), line
    return None


def bra_fit(product: Product, lang: str, chart: BraChart, underbust: float, bust: float) -> BraFit | None:
    """The band and cup the product's own chart gives for an underbust and a bust (cm)."""
    difference = round(bust - underbust, 1)
    if difference <= 0:
        return None
    rules: list[str] = []
    rule = _cup_rule(product, lang)
    prefer = rule[0] if rule else None
    cup, cup_exact = _step(chart.cups, difference, prefer)
    if not cup_exact and prefer and chart.cups[0].low <= difference <= chart.cups[-1].high:
        rules.append(rule[1])  # type: ignore[index]
    band, band_exact = _step(chart.bands, underbust, None)
    upper = _upper_end_rule(product, lang)
    if band_exact and upper and underbust > band.high - upper[0] and band is not chart.bands[-1]:
        band = chart.bands[chart.bands.index(band) + 1]
        rules.append(upper[1])
    return BraFit(band.value, cup.value, difference, band_exact, rules)
