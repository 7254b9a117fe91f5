"""Every body measurement in a shopper's question: "ich bin 1,82 m", "Innenbeinlänge 81 cm",
"he is 3'11\"", "chest 40 inches", "she weighs 44 lbs", "about 3 stone", "a 5 year old", "my son
is 6", "Taille 68, Hüfte 95", "a 32 inch waist", "my hand measures 20 cm around the palm", "inner diameter 17.2 mm". A number
next to a measure word belongs to that word (after it, or right before it with its unit; without
unit only when it is a plausible value of that measure); what no word took is read as a height,
a weight or an age. Lengths in cm, weights in kg, ages in years (`catalog.size_chart` charts them)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.number_words import NUMBER_WORDS as BASE_NUMBER_WORDS
from catalog.size_rules import pounds_to_kg
from catalog.size_text_rules import ACCESSORY_PLAUSIBLE, with_accessories

# measure -> words naming it (German and English)
MEASURES: dict[str, str] = {
    "inside_leg": r"innenbein\w*|schrittlänge|inseam|inside[- ]leg|leg length",
    "underbust": r"unterbrust\w*|under[- ]?bust|band size",
    "chest": r"brustumfang|oberweite|brustweite|\bbrust\b|\bchest|\bbust\b|girth",  # "Orchester" names no chest
    "waist": r"taille\w*|bundweite|bundumfang|bauchumfang|\bbauch\b|waist",
    "hip": r"hüft\w*|\bhips?\b",
    # the thigh at its widest ("Oberschenkelumfang", "thigh 58 cm") of stockings, shorts and hold-ups
    "thigh": r"oberschenkel\w*|\bthighs?\b",
    "head": r"kopfumfang|head circumference|\bhead\b|\bkopf\b",
    "hand": r"handumfang|hand circumference|\bhands?\b|\bpalm\b|handgröße|around (?:the|your|my) knuckles|knuckle circumference|über (?:die|den) (?:finger)?knöchel|fingerknöchel",
    "calf": r"wadenumfang|\bwaden?\b|\bcalf\b|\bcalves\b",
    # the ankle of compression hosiery ("Fesselumfang", "Knöchel 21 cm", "ankle 22 cm"); "über die Knöchel" is the hand's
    "ankle": r"knöchelumfang|fesselumfang|(?<!über die )(?<!über den )\bknöchel\b|\bfessel\b"
             r"|\bankles?\b(?![\s-]+(?:length|long|boots?|socks?|high|height|straps?|support|protect\w*|guards?|cuffs?|zips?|grazers?|cut)\b)",
    # "back length", "32 cm along the back", "my dog's back is 40 cm", "Rücken misst 40 cm"
    "back": r"rückenlänge|back length|torso length|along (?:the|its|his|her) back|\bback\s+(?:is|measures)\b"
            r"|\brücken\s+(?:ist|misst)\b|(?:am|den|entlang des) rücken(?:s)?\b",
    # an animal's length from the nose to the base of the tail ("von der Nase bis zum Rutenansatz")
    "body_length": r"\b(?:von|ab) (?:der )?nase|nasenspitze|\bfrom (?:the |its )?(?:tip of (?:the |its )?)?nose|\bnose to\b"
                   r"|rutenansatz|schwanzansatz|base of (?:the |its )?tail",
    "foot": r"fußlänge|fusslänge|foot length|\bfuß\b|\bfüßen?\b|\bfuesse\b|\bfoot\b(?!\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|tall))"
            r"|(?<![\d'’]\s)(?<![\d'’])\bfeet\b(?!\s*(?:\d|tall|one|two|three|four|five|six|seven|eight|nine|ten|eleven))",
    "weight": r"\bwiegt\b|\bweighs?\b|\bweight\b|gewicht|\d\s*kg\b|\d\s*(?:lbs?|pounds?)\b|\bstone\b",
    "age": r"\bjahre?\b|jährig\w*|\byears?\b|year-old|\balter\b|\bage\b|\bmonate?\b|\bmonths?\b",
    "height": r"körpergröße|körperlänge|\bgroß\b|\bbin\b|\btall\b|\bheight\b|i'm|i am|ich bin|\b(?:ist|is)\s+(?:\d{2,3}\s*cm|[12][.,]\d{1,2}\s*m)",
}
MEASURES = with_accessories(MEASURES)  # wrist, neck, a frame's width (catalog/size_text_rules.py)
MEASURE_RE = {k: re.compile(v, re.I) for k, v in MEASURES.items()}
# measures read only from questions, never from a product's text (its "Ø 19,7 mm" under "sizes =
# inner circumference in mm" is the merchant's own chart): a ring's inner circumference or diameter
# ("Fingerumfang 54 mm", "innen einen Umfang von 52 mm", "inner diameter 17.2 mm")
QUESTION_MEASURES: dict[str, str] = {
    "finger_diameter": r"innendurchmesser|ringdurchmesser|fingerdurchmesser|inn(?:er|side) diameter|ring diameter|finger diameter",
    "finger": r"fingerumfang|ringumfang|innenumfang|(?:finger|ring|inner|inside) circumference|\bfingers?\b|\binnen\b[^.\d]{0,30}\bumfang\b",
}
_QUESTION_RE = {**{k: re.compile(v, re.I) for k, v in QUESTION_MEASURES.items()}, **MEASURE_RE}
# a shopper's "Bund 88 cm" / "waistband 88" is the waist; in a product's text "Gummizug im Bund" names no measure
_QUESTION_RE["waist"] = re.compile(rf"{MEASURES['waist']}|\bbund\b|\bwaistband\b", re.I)
NOT_CM = ("weight", "age")  # measures not taken in cm

_CM = re.compile(r"(\d{2,3}(?:[.,]\d)?)\s*cm", re.I)
_METRES = re.compile(r"\b([12])[.,](\d{1,2})\s*m\b", re.I)
# a height without unit beside the words for it: "ich bin 1,82 groß", "bei 1,75", "I'm 1.80", "meine Tochter ist 1,28"
_BARE_METRES = re.compile(r"(?<![\d.,])([12])[.,](\d{2})(?![\d.,]*\s*(?:€|eur|euro|kg|l\b|liter))", re.I)
_HEIGHT_CUE = re.compile(r"\b(?:groß|gross|tall|bin|bei|am|i'm|im|height|körpergröße|for|(?:ist|is|misst|measures)(?=\s+[12][.,]\d))\b", re.I)
_KG = re.compile(r"(\d{1,3}(?:[.,]\d)?)\s*(?:kg|kilos?)\b", re.I)
_LBS = re.compile(r"(\d{1,3}(?:[.,]\d)?)\s*(?:lbs?|pounds?)\b", re.I)
_STONE = re.compile(r"(\d{1,2}(?:[.,]\d)?)\s*(?:st|stone)\b(?:\s*(?:and\s+)?(\d{1,2})\s*(?:lbs?|pounds?)?)?", re.I)
# the base table; "a" stays an article: "a 5 year old" is 5
NUMBER_WORDS: dict[str, int] = dict(BASE_NUMBER_WORDS)
_WORDS = "|".join(NUMBER_WORDS)
_NUMBER = rf"(\d{{1,2}}(?:[.,]5)?|{_WORDS})"
_AGE = re.compile(rf"\b{_NUMBER}(?:\s*|-)(?:jährig\w*|jahren?\b|years?\b|year-old|yo\b|yrs?\b)", re.I)
_AGE_MONTHS = re.compile(rf"\b{_NUMBER}(?:\s*|-)(?:monate?\b|month\w*)", re.I)
# "my son is 6", "she just turned 2", "unsere Tochter ist fünf": a child's age without a unit
_PERSON = r"(?:son|daughter|kid|child|boy|girl|he|she|he's|she's|sohn|tochter|kind|junge|mädchen|er|sie|enkel\w*|grandson|granddaughter|nichte|neffe|niece|nephew)"
# a baby's age without a number: a newborn is 0 months, "a few weeks old" about one month
_NEWBORN = re.compile(r"\bneugeboren\w*|\bnew[- ]?borns?\b|\bsäugling\w*", re.I)
_WEEKS = re.compile(r"\b(?:ein paar|wenige|einige|a few|few|some)\s+(?:wochen|weeks)\s+(?:alt|old)\b", re.I)
_AGE_BARE = re.compile(
    rf"\b{_PERSON}\s+(?:is|ist|'s|just turned|turned|has just turned|wird|wurde|ist gerade)\s+(?:gerade\s+|now\s+|jetzt\s+)?"
    rf"(1[0-4]|[1-9]|{_WORDS})(?![.,]\d)(?=\s*(?:[,.!?;:–—]|-\s|$|\s+(?:and|und|but|aber|now|jetzt)\b))", re.I)
# imperial: a height in feet and inches ("5'10\"", "6 ft 1", "four foot two"), a measure in inches ("chest 40 inches")
_FEET = re.compile(rf"\b([2-7]|{_WORDS})\s*(?:'|’|ft\b|feet\b|foot\b)\s*(?:(\d{{1,2}}|{_WORDS})\b\s*(?:\"|”|''|in\b|inch\w*)?)?", re.I)
_INCHES = re.compile(r"\b(\d{1,2}(?:[.,]\d)?)\s*(?:\"|”|in\b|inch\w*)", re.I)


@dataclass(frozen=True)
class Measurement:
    measure: str  # one of MEASURES
    cm: float  # kg for a weight, years for an age


def measure_of(text: str, cm: bool = True) -> str | None:
    """The measure a text names; `cm`: only the ones measured in cm."""
    for measure, words in MEASURE_RE.items():
        if (not cm or measure not in NOT_CM) and words.search(text):
            return measure
    return None


def _number(word: str) -> float:
    return float(NUMBER_WORDS.get(word.lower(), 0) or word.replace(",", "."))


def _imperial(text: str) -> list[Measurement]:
    """5'10" is a height of 178 cm; "40 inches" at the chest is 101.6 cm."""
    found = []
    if (m := _INCHES.search(text)) and (measure := measure_of(text)) and measure != "height" and float(m.group(1).replace(",", ".")) >= 5:
        found.append(Measurement(measure, round(float(m.group(1).replace(",", ".")) * 2.54, 1)))
    if (m := _FEET.search(text)) and (not m.group(1).isdigit() or "'" in m.group(0) or "’" in m.group(0) or re.search(r"ft|feet|foot", m.group(0), re.I)):
        feet, inches = _number(m.group(1)), _number(m.group(2)) if m.group(2) else 0.0
        if 2 <= feet <= 7 and inches < 12:
            found.append(Measurement("height", round((feet * 12 + inches) * 2.54)))
    return found


def _loose(text: str, default: str | None) -> list[Measurement]:
    """A length, a weight and an age no measure word took ("he is 3'11\" and weighs 50 lbs": a
    height and a weight); a length no word names is `default`."""
    found: list[Measurement] = []
    cm: float | None = None
    if m := _CM.search(text):
        cm = float(m.group(1).replace(",", "."))
    elif m := _METRES.search(text):
        cm = int(m.group(1)) * 100 + int(m.group(2).ljust(2, "0"))
    elif (m := _BARE_METRES.search(text)) and _HEIGHT_CUE.search(text):
        cm = int(m.group(1)) * 100 + int(m.group(2))
    if cm is not None and (measure := measure_of(text) or default):
        found.append(Measurement(measure, cm))
    if cm is None:
        found += _imperial(text)
    if m := _KG.search(text):  # "she weighs 19 kg"
        found.append(Measurement("weight", float(m.group(1).replace(",", "."))))
    elif m := _STONE.search(text):  # "about 3 stone", "6 st 4 lb"
        found.append(Measurement("weight", pounds_to_kg(float(m.group(2) or 0), float(m.group(1).replace(",", ".")))))
    elif m := _LBS.search(text):  # "44 pounds"
        found.append(Measurement("weight", pounds_to_kg(float(m.group(1).replace(",", ".")))))
    if m := _AGE.search(text):  # "für eine Dreijährige", "a 3-year-old"
        found.append(Measurement("age", _number(m.group(1))))
    elif m := _AGE_MONTHS.search(text):
        found.append(Measurement("age", round(_number(m.group(1)) / 12, 2)))
    elif m := _AGE_BARE.search(text):
        found.append(Measurement("age", _number(m.group(1))))
    elif _NEWBORN.search(text):
        found.append(Measurement("age", 0.0))
    elif _WEEKS.search(text):
        found.append(Measurement("age", round(1 / 12, 2)))
    return found


_NUMBER_CM = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_UNIT = r"\s*(cm|mm|\"|″|''|in\b|inch(?:es)?|zoll|kg)?"
# a number after the measure word, a few words between ("waist is 84 cm", "hand measures 20 cm")
_AFTER = re.compile(rf"(?:\s*[:=]?\s*(?:[^\W\d]+\s+){{0,3}}?){_NUMBER_CM}{_UNIT}(?![\d.,]*\d)", re.I)
# a number with its unit right before the word ("96 cm Brustumfang", "a 32 inch waist")
_BEFORE = re.compile(rf"{_NUMBER_CM}\s*-?\s*(cm|mm|\"|″|in|inch(?:es)?|zoll)?\s*-?\s*$", re.I)
# plausible values in cm of a number given without unit
_PLAUSIBLE = {"underbust": (50, 130), "chest": (60, 160), "waist": (40, 150), "hip": (60, 170), "head": (35, 68), "thigh": (30, 95),
              "finger_diameter": (1.2, 2.8), "finger": (3.5, 9.0), "hand": (12, 32), "calf": (20, 60), "ankle": (14, 40), "foot": (9, 35), "inside_leg": (20, 110), "back": (15, 90),
              "body_length": (20, 150), **ACCESSORY_PLAUSIBLE}  # fmt: skip
_NAMED_ANY = re.compile("|".join(f"(?:{({**MEASURES, **QUESTION_MEASURES})[m]})" for m in _PLAUSIBLE), re.I)


def beyond(measure: str, cm: float) -> bool:
    """Whether a number of cm is far beyond any body's measure of that kind (an ankle of 170 cm
    is a height); an animal's or a horse's measure stays within twice a person's top."""
    return cm > 2 * _PLAUSIBLE.get(measure, (0, float("inf")))[1]


def _cm(number: str, unit: str | None) -> float:
    value = float(number.replace(",", "."))
    unit = (unit or "").lower()
    if unit in ('"', "″", "''", "in", "inch", "inches", "zoll"):
        return round(value * 2.54, 1)
    return value / 10 if unit == "mm" else value


def _named(text: str) -> tuple[list[tuple[int, Measurement]], list[tuple[int, int]]]:
    """([(place, measurement)], the spans used) of the numbers beside measure words, each measure once."""
    found: list[tuple[int, Measurement]] = []
    used: list[tuple[int, int]] = []
    for measure, (low, high) in _PLAUSIBLE.items():
        for word in _QUESTION_RE[measure].finditer(text):
            if any(f.measure == measure for _, f in found):
                break
            after = _AFTER.match(text, word.end())
            before = _BEFORE.search(text[: word.start()])
            if after and before and before.group(2) and _NAMED_ANY.match(text[after.end():].lstrip(" -")):
                after = None  # "94 cm Bundumfang und 83 cm Schrittlänge": each number before its own word
            tries = []
            if after and not _NAMED_ANY.search(text[word.end(): after.start(1)]):
                tries.append(((after.start(1), after.end()), after.group(1), after.group(2)))
            if before and before.group(2):  # "94 cm Bundumfang und bin 1,80 m": the number before when the one after is no waist
                tries.append(((before.start(1), before.end()), before.group(1), before.group(2)))
            for span, number, unit in tries:
                if (unit or "").lower() == "kg" or any(a < span[1] and span[0] < b for a, b in used):
                    break
                if low <= (cm := _cm(number, unit)) <= high:
                    found.append((word.start(), Measurement(measure, cm)))
                    used += [span, word.span()]
                    break
    return found, used


def find_measurements(text: str, default: str | None = None) -> list[Measurement]:
    """Every body measurement of a question, each measure once: those beside measure words in
    the order they are named ("Taille 68, Hüfte 95"), then a length, a weight and an age in what
    they left ("Ich bin 176 cm groß und wiege 75 kg", "he is 3'11\" and weighs 50 lbs")."""
    found, used = _named(text)
    rest = text
    for a, b in sorted(used, reverse=True):
        rest = rest[:a] + " " * (b - a) + rest[b:]
    named = [m for _, m in sorted(found, key=lambda x: x[0])]
    return named + [m for m in _loose(rest, default) if all(n.measure != m.measure for n in named)]


def find_measurement(text: str, default: str | None = None) -> Measurement | None:
    """A body measurement in the text: "ich bin 1,82 m", "Innenbeinlänge 81 cm", "chest 96 cm".
    A length no word names ("welche Größe bei 1,82 m?", "in 220 cm?") is taken as `default`
    (the caller knows what the product charts or sells by length), else None."""
    found = find_measurements(text, default)
    return found[0] if found else None
