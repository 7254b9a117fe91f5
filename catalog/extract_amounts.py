"""Facts that are amounts, for `catalog.extract`: weight, capacity, what it carries, dimensions,
waterproofness (mm, IP rating), comfort / limit / washing temperatures, battery (hours, mAh, Wh)
and warranty years. Each reader takes one sentence and its language and yields (key, value);
numbers and units are read by `catalog.extract_units`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from catalog import extract_units as u


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start].lower()


# --- weight, capacity, dimensions ----------------------------------------------------
_WEIGHT = re.compile(rf"({u.NUMBER})\s*-?\s*({u.unit_pattern(u.WEIGHT_UNITS)})", re.I)  # "1,5-kg-Schlafsack" too
_NOT_WEIGHT = re.compile(
    r"(?:füllgewicht|füllmenge|fill\s*(?:weight|power)|belastbar|tragkraft|traglast|trägt|load|bis\s+zu|up\s+to|max\.?|maximal"
    r"|pro\s+portion|per\s+serving|je\s+portion|inhalt|contains)\W*(?:\w+\W+){0,2}$"  # a load, a filling, a dose
    r"|(?:\b(?:bis|ab|über|unter|von|from|to|over|under|above|below)\s+|\d\s*[x×]\s*)$"  # "Hunde bis 15 kg", "12 × 85 g"
    r"|\d\s*[–-]\s*$"  # "Gewicht des Kindes: 3,5–20 kg": a range is what it is for, not its own weight
    r"|\d\s*\(\s*(?:ca\.|etwa|approx\.|~)?\s*$",  # "ab Kleidergröße 74 (ca. 9 kg)": the weight a size stands for
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


def weight(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
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


def load(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    """"belastbar bis 136 kg", "Holds up to 136 kg", "max. Belastung 30 kg": what it carries."""
    if m := _LOAD.search(sentence):
        if value := u.parse_number(m.group(1), lang):
            yield "max_load_kg", u.clean(value)


def capacity(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    holds = bool(_HOLDS.search(sentence))
    for m in _VOLUME.finditer(sentence):
        after = sentence[m.end() :]
        if _LAYERS_AFTER.search(after) or (not holds and (_NOT_HOLDING.search(sentence[: m.start()]) or _SUBSTANCE_AFTER.search(after))):
            continue
        value = u.parse_number(m.group(1), lang)
        if value:
            yield "capacity_l", u.clean(value * u.VOLUME_UNITS[m.group(2).lower()][1])
            return


def dimensions(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
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


def waterproof(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
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
_WASH_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,4}(?:waschbar|washable|\w*wäsche|wash|\w*waschen|\w*wasch(?:gang|programm))", re.I)  # "30 °C Schonwaschgang"


def _hand_wash_only(sentence: str) -> bool:
    """"Handwäsche bei 30 °C" is no machine wash at 30 °C (a machine named too: it is)."""
    return bool(re.search(r"hand\s*-?wäsche|handwäsche|hand\s*-?wash|von hand|by hand", sentence, re.I)) and not re.search(r"maschin|machine", sentence, re.I)


def temperatures(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
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


def battery(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
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


# --- warranty ---------------------------------------------------------------------------
_DURATION = rf"({u.NUMBER}|{u.NUMBER_WORD})[\s-]*(jahre?n?|years?|monate?n?|months?)"
_WARRANTY_WORD = r"(?:\w*garantie|\w*gewährleistung|warranty|guarantee)"
_WARRANTY = re.compile(rf"{_DURATION}[\s-]+(?:\w+[\s-]+){{0,3}}?{_WARRANTY_WORD}|{_WARRANTY_WORD}\w*\s*:?\s*(?:von\s+|of\s+|für\s+|for\s+)?{_DURATION}", re.I)


def warranty(sentence: str, lang: str) -> Iterator[tuple[str, Any]]:
    m = _WARRANTY.search(sentence)
    if not m:
        return
    number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    value = u.parse_number(number, lang)
    if value:
        yield "warranty_years", u.clean(value / 12 if unit.lower().startswith(("monat", "month")) else value)
