"""Typed facts from a product's title and description, German and English.

Merchants write facts into the text, not into structured fields: "fällt eine halbe Nummer
klein aus", "10.000 mm Wassersäule", "30 Std. Akkulaufzeit", "5 Jahre Garantie". Each
`Fact` keeps the sentence it came from, so an answer can quote it. Regexes plus unit parsing
(`catalog.extract_units`); a sentence that matches no rule yields nothing — no guessing.
`catalog.enrich` stores the facts with the product (structured data wins).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from catalog import extract_units as u
from catalog.extract_words import MATERIAL_STEMS, MATERIALS, PHRASE_GATE, phrases
from catalog.sentences import split_sentences

# key -> (kind it is scored under, unit shown to merchants)
KEYS: dict[str, tuple[str, str | None]] = {
    "fit": ("fit", None), "width": ("width", None), "weight_g": ("weight", "g"),
    "waterproof": ("waterproof", None), "waterproof_mm": ("waterproof", "mm"), "ip": ("waterproof", None),
    "min_temp_c": ("temperature", "°C"), "limit_temp_c": ("temperature", "°C"),
    "battery_hours": ("battery", "h"), "battery_mah": ("battery", "mAh"), "battery_wh": ("battery", "Wh"),
    "capacity_l": ("capacity", "l"), "dimensions_cm": ("dimensions", "cm"),
    "wash_temp_c": ("care", "°C"), "tumble_dry": ("care", None), "materials": ("materials", None),
    "warranty_years": ("warranty", "years"), "suitable_for": ("suitable", None),
    "not_suitable_for": ("suitable", None), "carry_on": ("carry_on", None), "max_load_kg": ("load", "kg"),
}  # fmt: skip


@dataclass
class Fact:
    key: str
    value: Any
    text: str  # the sentence it came from
    lang: str

    @property
    def unit(self) -> str | None:
        return KEYS[self.key][1]

    @property
    def kind(self) -> str:
        return KEYS[self.key][0]


_ABBREVIATIONS = r"(?:ca|Gr|gr|Std|std|approx|z|B|bzw|inkl|incl|max|min|Nr|no|ggf|usw|etc|vs|evtl|Art|bspw|u|a|Mio)"


def sentences(text: str) -> list[str]:
    """Split a description into sentences; "ca. 350 g" and "Gr. 42" do not end one."""
    return split_sentences(text, min_chars=1)


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start].lower()


# --- fit and width ------------------------------------------------------------------
_SIZE = r"(?:nummer|größe|groesse|gr\.|size)"
_CLAUSE_END = r"(?=\s*(?:[.,;:!?–—(-]|$|\s(?:so|and|und|but|aber|for|if|when|wenn)\b))"  # "fits small items" is no fit
_FIT_RULES: list[tuple[str, re.Pattern]] = [
    ("runs_small", re.compile(
        rf"fällt\s+(?:\w+\s+){{0,4}}?klein(?:er)?\s+aus|\bruns\s+(?:\w+\s+){{0,4}}?small{_CLAUSE_END}|\bfits\s+(?:\w+\s+){{0,2}}?small{_CLAUSE_END}"
        rf"|\b(?:eine|einer|halbe|ganze|1|½)\s+(?:halbe\s+)?{_SIZE}\s+größer(?!\s+aus\b)|größer\s+zu\s+(?:bestellen|wählen|nehmen)"
        r"|\bsize\s+up\b|\b(?:a|one|half\s+a|1|½)\s+size\s+(?:up|larger|bigger)\b|between\s+sizes,?\s+(?:\w+\s+){0,3}(?:larger|bigger)"
        r"|zwischen\s+zwei\s+größen\W+(?:[\w,]+\s+){0,5}(?:größere|größer)", re.I)),
    ("runs_large", re.compile(
        rf"fällt\s+(?:\w+\s+){{0,4}}?(?:groß|größer|weit)\s+aus|\bruns\s+(?:\w+\s+){{0,4}}?(?:large|big){_CLAUSE_END}|\bfits\s+(?:\w+\s+){{0,2}}?large{_CLAUSE_END}"
        rf"|\b(?:eine|einer|halbe|ganze|1|½)\s+(?:halbe\s+)?{_SIZE}\s+kleiner(?!\s+aus\b)|kleiner\s+zu\s+(?:bestellen|wählen|nehmen)"
        r"|\bsize\s+down\b|\b(?:a|one|half\s+a|1|½)\s+size\s+(?:down|smaller)\b|\bsizes?\s+down\b"
        r"|between\s+sizes,?\s+(?:\w+\s+){0,3}smaller|zwischen\s+zwei\s+größen\W+(?:[\w,]+\s+){0,5}kleinere"
        r"|\bcut\s+is\s+generous|großzügig\s+geschnitten", re.I)),
    ("true_to_size", re.compile(
        r"fällt\s+(?:\w+\s+){0,2}?(?:normal|größengerecht|passgenau|regulär)\s+aus|größengerecht|true\s+to\s+size"
        r"|gewohnte(?:n)?\s+größe|übliche(?:n)?\s+größe|\busual\s+size|\bnormal(?:e|en)?\s+größe|\bregular\s+size", re.I)),
]
_WIDTH_RULES: list[tuple[str, re.Pattern]] = [
    ("narrow", re.compile(r"\bschmal(?:e|er|es)?\s+(?:passform|geschnitten\w*|leisten)|\bschmal\s+geschnitten|fällt\s+(?:\w+\s+){0,2}?schmal\s+aus|(?:leisten|passform)\s+(?:ist|sind)\s+(?:\w+\s+)?schmal"
                          r"|\bnarrow\s+(?:fit|last|cut|width)|\bruns\s+narrow|\bweite\s*\(?[ef]\)?(?![\w])", re.I)),
    ("wide", re.compile(r"\bweite\s+passform|\bbreite[nr]?\s+(?:füße|leisten|zehenbox|passform)|\bextra\s+weit|\bweite\s*\(?[hk]\)?(?![\w])"
                        r"|\bwide\s+(?:fit|last|toe\s*box|width|feet)|\bextra[\s-]wide|\b(?:2e|4e|ee|eee)\s+width", re.I)),
    ("standard", re.compile(r"\bnormale(?:n)?\s+weite|\bweite\s*\(?g\)?(?![\w])|\b(?:standard|medium|regular|normal)\s+width", re.I)),
]


def _fit(sentence: str) -> Iterator[tuple[str, Any]]:
    for fit, rule in _FIT_RULES:
        if rule.search(sentence):
            yield "fit", fit
            return


def _width(sentence: str) -> Iterator[tuple[str, Any]]:
    for width, rule in _WIDTH_RULES:
        if rule.search(sentence):
            yield "width", width
            return


# --- weight, capacity, dimensions ----------------------------------------------------
_WEIGHT = re.compile(rf"({u.NUMBER})\s*-?\s*({u.unit_pattern(u.WEIGHT_UNITS)})", re.I)  # "1,5-kg-Schlafsack" too
_NOT_WEIGHT = re.compile(
    r"(?:füllgewicht|füllmenge|fill\s*(?:weight|power)|belastbar|tragkraft|traglast|trägt|load|bis\s+zu|up\s+to|max\.?|maximal"
    r"|pro\s+portion|per\s+serving|je\s+portion|inhalt|contains)\W*(?:\w+\W+){0,2}$"  # a load, a filling, a dose
    r"|(?:\b(?:bis|ab|über|unter|von|from|to|over|under|above|below)\s+|\d\s*[x×]\s*)$",  # "Hunde bis 15 kg", "12 × 85 g"
    re.I,
)
_RANGE_AFTER = re.compile(r"\W{0,3}\s*(?:bis|to|–|-)\s*\d", re.I)  # "(3,5 kg) bis 20 kg": a range of what it is for
_WITH = re.compile(r"\b(?:mit|with)\s+$", re.I)
_WEIGHT_WORD = re.compile(r"\s*\w*(?:gewicht|weight)", re.I)
_VOLUME = re.compile(rf"({u.NUMBER})\s*-?\s*({u.unit_pattern(u.VOLUME_UNITS)})", re.I)  # "8-litre vest", "20-Liter-Rucksack"
_DIMENSIONS = re.compile(rf"({u.NUMBER})\s*(?:cm|mm)?\s*[x×X*]\s*({u.NUMBER})(?:\s*(?:cm|mm)?\s*[x×X*]\s*({u.NUMBER}))?\s*({u.unit_pattern(u.LENGTH_UNITS)})")
_PACKED = re.compile(r"packmaß|packmass|packgröße|verpackt|packed|pack\s+size|folded|zusammengelegt|gefaltet", re.I)


# the last word naming what a weight is: "Füllgewicht 650 g (Regular) bzw. 720 g (Long)" are both fillings
_WEIGHT_LABEL = re.compile(r"füllgewicht|füllmenge|fill\s*weight|fill\s*power|gewicht|weight|wiegt|weighs", re.I)


def _filling(before: str) -> bool:
    labels = _WEIGHT_LABEL.findall(before)
    return bool(labels) and re.match(r"füll|fill", labels[-1], re.I) is not None


def _weight(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    matches = list(_WEIGHT.finditer(sentence))
    for i, m in enumerate(matches):
        if _NOT_WEIGHT.search(_before(sentence, m.start())) or _RANGE_AFTER.match(sentence, m.end()) or _filling(sentence[: m.start()]):
            continue
        if _WITH.search(_before(sentence, m.start())) and not _WEIGHT_WORD.match(sentence, m.end()):
            continue  # "Filter mit 600 g Aktivkohle" is a part, "mit 2,45 kg Mindestgewicht" the product
        value = u.parse_number(m.group(1), lang)
        if value:
            grams = value * u.WEIGHT_UNITS[m.group(2).lower()][1]
            after = matches[i + 1] if i + 1 < len(matches) else None
            if after and after.group(2).lower() == "oz" and m.group(2).lower() in ("lb", "lbs", "pounds") and not sentence[m.end() : after.start()].strip():
                grams += (u.parse_number(after.group(1), lang) or 0) * u.WEIGHT_UNITS["oz"][1]  # "2 lbs 3 oz"
            yield "weight_g", round(grams)
            return


_HOLDS = re.compile(r"fasst|fassungs|hält|holds?|volum|capacity|kapazität|inhalt|stauraum|tank|flasche|bottle|fach|compartment|packsack|rucksack|pack\b", re.I)
_NOT_HOLDING = re.compile(r"(?:\b(?:bis\s+zu|up\s+to|bis|über|ab|over|from)\s+)$", re.I)  # "filters up to 1,000 litres"
_SUBSTANCE_AFTER = re.compile(r"^\s+(?:of\s+)?(?:wasser|water|milch|milk|flüssigkeit|liquid)\b", re.I)  # "1 Liter Wasser kocht in ..."
_LAYERS_AFTER = re.compile(r"^[\s-]+\w*(?:shell|lagen|layer|jacke|jacket|hose|pants|membran|material|fabric)", re.I)  # "3L Hardshell"


_LOAD = re.compile(
    rf"(?:belastbar\w*|\w*belastung|tragkraft|traglast|tragfähigkeit|trägt|hält|holds?|supports?|carries|load(?:\s*capacity)?"
    rf"|(?:max(?:imum|\.)?\s*)?(?:user|nutzer|benutzer)\s*-?gewicht|user\s+weight|höchstgewicht|max(?:imum|\.)?\s+(?:weight|gewicht))"
    rf"\W{{0,3}}(?:(?:bis|zu|up|to|max(?:imal|imum)?\.?|of|von|von\s+bis\s+zu)\s+){{0,3}}({u.NUMBER})\s*(kg|kilo)\b",
    re.I,
)


def _load(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    """"belastbar bis 136 kg", "Holds up to 136 kg", "max. Belastung 30 kg": what it carries."""
    if m := _LOAD.search(sentence):
        if value := u.parse_number(m.group(1), lang):
            yield "max_load_kg", u.clean(value)


def _capacity(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    holds = bool(_HOLDS.search(sentence))
    for m in _VOLUME.finditer(sentence):
        after = sentence[m.end() :]
        if _LAYERS_AFTER.search(after) or (not holds and (_NOT_HOLDING.search(sentence[: m.start()]) or _SUBSTANCE_AFTER.search(after))):
            continue
        value = u.parse_number(m.group(1), lang)
        if value:
            yield "capacity_l", u.clean(value * u.VOLUME_UNITS[m.group(2).lower()][1])
            return


def _dimensions(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    found = [m for m in _DIMENSIONS.finditer(sentence) if not _PACKED.search(_before(sentence, m.start(), 25))]
    if len(found) != 1:
        return  # none, or one per size ("M 80 × 60 cm, L 100 × 70 cm"): no single fact
    m = found[0]
    factor = u.LENGTH_UNITS[m.group(4).lower()][1]
    numbers = [u.parse_number(g, lang) for g in m.groups()[:3] if g]
    if all(n for n in numbers):
        yield "dimensions_cm", [u.clean(n * factor) for n in numbers]


# --- water, temperature, battery ---------------------------------------------------------
_WATERPROOF = re.compile(r"\bwasserdicht\w*|\bwaterproof\b|\bwater-proof\b|\bwasserfest\w*", re.I)
_NEGATION = re.compile(r"\b(?:nicht|not|kein\w*|non|no|never|nie)\b[\s-]*(?:\w+\s+){0,2}$", re.I)
_WATER_MM = re.compile(rf"({u.NUMBER})\s*mm\b")
_WATER_CONTEXT = re.compile(r"wassersäule|hydrostatic|water\s*column|wasserdicht|waterproof|water\s*head|rating", re.I)
_IP = re.compile(r"\bIP\s?([0-6X])([0-9])\b")


def _waterproof(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    m = _WATERPROOF.search(sentence)
    if m and not m.group(0).lower().startswith("wasserdichtigkeit"):
        yield "waterproof", not _NEGATION.search(sentence[: m.start()])
    if _WATER_CONTEXT.search(sentence):
        for mm in _WATER_MM.finditer(sentence):
            value = u.parse_number(mm.group(1), lang)
            if value and value >= 500:
                yield "waterproof_mm", u.clean(value)
                break
    if ip := _IP.search(sentence):
        yield "ip", f"IP{ip.group(1)}{ip.group(2)}"


_TEMPERATURE = re.compile(rf"({u.SIGNED})\s*(°\s*[CF]\b|°|grad\b|degrees?(?:\s+celsius)?\b)", re.I)
_TEMP_WORDS: list[tuple[str, re.Pattern]] = [
    ("wash_temp_c", re.compile(r"wasch\w*|\w*wäsche|\bwash\w*|waschgang", re.I)),
    ("limit_temp_c", re.compile(r"\blimit\w*|grenz\w*|t-?lim", re.I)),
    ("extreme", re.compile(r"extrem\w*", re.I)),
    ("min_temp_c", re.compile(r"komfort\w*|comfort\w*|warm\s+bis|warm\s+(?:down\s+)?to|down\s+to|rated\s+(?:down\s+)?to|temperaturen\s+bis"
                              r"|kälteschutz\s+bis|geeignet\s+bis|\bbis\s+minus|t-?comf", re.I)),
]  # fmt: skip
_WASH_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,4}(?:waschbar|washable|wäsche|wash|waschen)", re.I)


def _hand_wash_only(sentence: str) -> bool:
    """"Handwäsche bei 30 °C" is no machine wash at 30 °C (a machine named too: it is)."""
    return bool(re.search(r"hand\s*-?wäsche|handwäsche|hand\s*-?wash|von hand|by hand", sentence, re.I)) and not re.search(r"maschin|machine", sentence, re.I)


def _temperatures(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    seen: set[str] = set()
    start = 0
    for m in _TEMPERATURE.finditer(sentence):
        prefix, start = sentence[start : m.start()], m.end()
        found = [(w.end(), key) for key, rule in _TEMP_WORDS for w in rule.finditer(prefix)]
        key = max(found)[1] if found else ("wash_temp_c" if _WASH_AFTER.search(sentence[m.end() :]) else None)
        value = u.parse_number(m.group(1), lang)
        if key in (None, "extreme") or key in seen or value is None or (key == "wash_temp_c" and _hand_wash_only(sentence)):
            continue
        seen.add(key)
        yield key, u.fahrenheit_to_celsius(value) if m.group(2).upper().endswith("F") else u.clean(value)


_BATTERY_CONTEXT = re.compile(r"akku|batter|laufzeit|runtime|run\s*time|leuchtdauer|brenndauer|spielzeit|playback|wiedergabe|play\s*time"
                              r"|(?:on|per)\s+(?:one|a|a\s+single|each|every|full)\s+charge|pro\s+(?:akku)?ladung|mit\s+einer\s+(?:akku)?ladung", re.I)
_CHARGING = re.compile(r"ladezeit|lädt\s+in|aufgeladen\s+in|charging\s+time|charged\s+in|charges\s+in|recharge\s+in", re.I)
_HOURS = re.compile(rf"({u.NUMBER})\s*({u.unit_pattern(u.HOUR_UNITS)})\.?", re.I)
_MAH = re.compile(rf"({u.NUMBER})\s*mAh\b", re.I)
_WH = re.compile(rf"({u.NUMBER})\s*Wh\b")
_LIMIT_WORD = re.compile(r"(?:über|unter|bis|max\.?|maximal|under|over|above|below|less\s+than|more\s+than|up\s+to|<|>)\s*$", re.I)


def _battery(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    if _BATTERY_CONTEXT.search(sentence) and not _CHARGING.search(sentence):
        for m in _HOURS.finditer(sentence):
            value = u.parse_number(m.group(1), lang)
            if value:
                yield "battery_hours", u.clean(value * u.HOUR_UNITS[m.group(2).lower()])
                break
    if m := _MAH.search(sentence):
        if value := u.parse_number(m.group(1), lang):
            yield "battery_mah", u.clean(value)
    for m in _WH.finditer(sentence):
        value = u.parse_number(m.group(1), lang)
        if value and not _LIMIT_WORD.search(sentence[: m.start()]):
            yield "battery_wh", u.clean(value)
            break


# --- care, materials, warranty ----------------------------------------------------------
_NO_DRYER = re.compile(r"nicht\s+(?:in\s+den|im)\s+(?:wäsche)?trockner|nicht\s+trockner\w*|kein(?:en)?\s+trockner|do\s+not\s+tumble|don'?t\s+tumble"
                       r"|no\s+tumble|not\s+(?:suitable\s+for\s+(?:the\s+)?)?(?:tumble[\s-])?dryer|nicht\s+maschinell\s+trocknen", re.I)
_DRYER = re.compile(r"trocknergeeignet|trockner\s*geeignet|im\s+(?:wäsche)?trockner|in\s+den\s+(?:wäsche)?trockner|tumble[\s-]dry|tumble\s+dryer\s+safe|dryer[\s-]safe", re.I)
CARE_WORDS = re.compile(  # a care instruction, not "Luftreiniger" or "vacuum cleaner"
    r"\bwasch\w*|\w*wäsche\b|\bwash\w*|waschbar|trockner|dryer|tumble|bügeln|\biron(?:ing)?\b|bleich|bleach"
    r"|chemisch\w*\s+reinig|dry[\s-]clean|pflegehinweis|care\s+instructions|\bhandwäsche|\bhand\s+wash",
    re.I,
)


def _care(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    if _NO_DRYER.search(sentence):
        yield "tumble_dry", False
    elif _DRYER.search(sentence):
        yield "tumble_dry", True


_FREE_OF = re.compile(r"[-\s]?(?:free|frei)\b", re.I)  # "glass-free", "PVC-frei"
_FOR_BEFORE = re.compile(r"\b(?:for|für|zum|zur)\s+(?:\w+\s+){0,2}$", re.I)  # "not suitable for wool" is what it is for


def _materials(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    text, low, found = sentence, sentence.lower(), {}
    for gate, rule, name in MATERIALS:
        if not gate.search(low):
            continue
        hits = [m for m in rule.finditer(text) if not _FREE_OF.match(text, m.end()) and not _FOR_BEFORE.search(text[max(0, m.start() - 30) : m.start()])]
        text = rule.sub(lambda m: " " * len(m.group(0)), text)  # consumed, positions kept
        if hits and name not in found:
            found[name] = hits[0].start()
    if found:
        yield "materials", sorted(found, key=found.get)  # in the order the merchant wrote them


_DURATION = rf"({u.NUMBER}|{u.NUMBER_WORD})[\s-]*(jahre?n?|years?|monate?n?|months?)"
_WARRANTY_WORD = r"(?:\w*garantie|\w*gewährleistung|warranty|guarantee)"
_WARRANTY = re.compile(rf"{_DURATION}[\s-]+(?:\w+[\s-]+){{0,3}}?{_WARRANTY_WORD}|{_WARRANTY_WORD}\w*\s*:?\s*(?:von\s+|of\s+|für\s+|for\s+)?{_DURATION}", re.I)


def _warranty(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    m = _WARRANTY.search(sentence)
    if not m:
        return
    number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    value = u.parse_number(number, lang)
    if value:
        yield "warranty_years", u.clean(value / 12 if unit.lower().startswith(("monat", "month")) else value)


# --- suitable for, carry-on ---------------------------------------------------------------------
def _suitable(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    good, bad = phrases(sentence)
    if good:
        yield "suitable_for", good
    if bad:
        yield "not_suitable_for", bad


_CARRY_ON = re.compile(r"handgepäck\w*|bordgepäck\w*|carry[\s-]on|cabin[\s-](?:bag\w*|luggage|size)|hand\s+luggage|hand\s+baggage|overhead\s+(?:bins?|lockers?)", re.I)
_CARRY_NO = re.compile(r"\b(?:nicht|not|kein\w*|no|too\s+(?:large|big)|zu\s+groß|verboten|prohibited|forbidden)\b", re.I)


# "bei vielen Airlines", "check with your airline first": the merchant does not promise it, so no fact
_CARRY_HEDGE = re.compile(
    r"\b(?:viele[nr]?|manche[nr]?|einige[nr]?|many|some)\s+(?:airlines?|fluggesellschaften|fluglinien)"
    r"|(?:bei|mit)\s+(?:ihrer|deiner|der)\s+(?:airline|fluggesellschaft)\s+(?:\w+\s+){0,2}(?:nachfragen|erkundigen|prüfen|klären)"
    r"|check\s+with\s+(?:your|the)\s+airline|depends\s+on\s+(?:the|your)\s+airline|je\s+nach\s+(?:airline|fluggesellschaft)",
    re.I,
)


def _carry_on(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    if _CARRY_HEDGE.search(sentence):
        return
    for clause in re.split(r"[,;–—:]|\s-\s", sentence):
        if _CARRY_ON.search(clause):
            yield "carry_on", not _CARRY_NO.search(clause)
            return


# (a cheap test on the lowercased sentence, rule): the gate keeps the rule's regexes off the
# many sentences that cannot match.
_NUMBER_UNIT = r"\d\s*-?\s*(?:{})(?![a-zäöü])"
_RULES: list[tuple[str, Callable[[str, str], Iterator[tuple[str, Any]]]]] = [
    ("fällt|runs|fits|größe|size|nummer|generous|großzügig|true to", lambda s, _lang: _fit(s)),
    ("schmal|narrow|weit|breit|wide|width", lambda s, _lang: _width(s)),
    (_NUMBER_UNIT.format("kg|g|gr|gramm|grams?|kilo|oz|ounces|lbs?|pounds"), _weight),
    (_NUMBER_UNIT.format("l|ml|cl|lite?r|litres?|liters|ltr"), _capacity),
    (r"\d\s*(?:kg|kilo)(?![a-zäöü])", _load),
    (r"\d\s*(?:cm|mm|m)?\s*[x×*]\s*\d", _dimensions),
    ("wasser|water|ip|hydrostatic|mm", _waterproof),
    ("°|grad|degree", _temperatures),
    ("mah|wh|akku|batter|laufzeit|runtime|run time|dauer|spielzeit|playback|wiedergabe|play ?time|charge|ladung", _battery),
    ("trockner|dry", _care),
    ("|".join(MATERIAL_STEMS), _materials),
    ("garantie|gewährleistung|warrant|guarantee", _warranty),
    (PHRASE_GATE, _suitable),
    ("gepäck|carry|cabin|luggage|baggage|overhead", _carry_on),
]  # fmt: skip
_GATES = [re.compile(gate) for gate, _ in _RULES]


_CONDITIONAL = re.compile(r"^\W*(?:wenn|falls|sofern|if|should\s+you|in\s+case)\b", re.I)


def extract_sentence(sentence: str, lang: str) -> list[Fact]:
    """Every fact one sentence states (at most one per key); "If you wear a fleece underneath,
    size up" states none about the product."""
    if _CONDITIONAL.search(sentence):
        return []
    facts: dict[str, Fact] = {}
    low = sentence.lower()
    for gate, (_, rule) in zip(_GATES, _RULES, strict=True):
        if not gate.search(low):
            continue
        for key, value in rule(sentence, lang):
            facts.setdefault(key, Fact(key, value, sentence, lang))
    if "materials" in facts:  # "not suitable for wool – use a wool detergent": what it is for, not made of
        phrases_ = " ".join(str(p) for k in ("suitable_for", "not_suitable_for") if k in facts for p in facts[k].value)
        kept = [m for m in facts["materials"].value if not any(name == m and rule.search(phrases_) for _, rule, name in MATERIALS)]
        if kept:
            facts["materials"].value = kept
        else:
            del facts["materials"]
    return list(facts.values())


def extract_text(text: str, lang: str) -> list[Fact]:
    """The facts of a title or description; for each key the first sentence that states it."""
    facts: dict[str, Fact] = {}
    for sentence in sentences(text):
        for fact in extract_sentence(sentence, lang):
            facts.setdefault(fact.key, fact)
    return list(facts.values())
