"""The need a shopper states, in German and English: an area ("45 m² Wand", with "zwei Anstriche"
/ "two coats"), persons ("für 6 Personen"), a use per period ("3 Tassen am Tag", "4 Mal pro
Woche", "zweimal pro Woche", "2 capsules a day"), a count ("60 washes"), a duration ("einen
Monat", "two months") and an animal's body weight ("Mein Hund wiegt 20 kg"). Read by
`actions.need_answer`; the same use-per-day reader finds a dose in a product's text
("Verzehrempfehlung: täglich 2 Kapseln")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.number_words import NUMBER_WORDS

NUM = r"\d+(?:[.,]\d+)?"
_WORD_NUM = "|".join(NUMBER_WORDS)
_AREA = re.compile(rf"({NUM})\s*(?:m²|m2|qm|quadratmeter\w*|square met\w+|sq\.? ?m)(?!\w)", re.I)
_COATS = re.compile(
    rf"\b(?:({NUM}|{_WORD_NUM})\s*(?:anstrich\w*|schicht\w*|coats?|layers?)"
    r"|(zweimal|twice|doppelt|zweifach)|(dreimal|three times))\b",
    re.I,
)
_PEOPLE = re.compile(
    rf"\b({NUM}|{_WORD_NUM})\s*(?:personen|leute|gäste|esser|people|persons|guests|portionen|portions|servings)\b",
    re.I,
)
USE_WORDS = (
    r"tassen?|cups?|becher|mugs?|kannen?|pots?|waschladung\w*|wäschen|waschgänge|washes|loads"
    r"|kapseln?|capsules?|tabletten?|tablets?|tabs|portionen|portions|servings|bäder|baths|mal|times|x"
)
_PERIODS = {
    "tag": 1,
    "day": 1,
    "woch": 7,
    "week": 7,
    "mona": 30,
    "mont": 30,
    "jahr": 365,
    "year": 365,
}
_PERIOD = r"(tag|day|woche|week|monat|month|jahr|year)\w*"
_EVERY = r"(?:am|pro|per|a|an|je|im|in der|die|the|in a|each|every|jeden|jede|jedes|einmal am)"
_DAILY = re.compile(
    rf"(?<![\w.,])({NUM}|{_WORD_NUM})\s*-?\s*(?:[^\W\d]+\s+){{0,2}}?({USE_WORDS})(?!\w)\s*(?:\w+\s+)?"
    rf"(?:{_EVERY}\s+{_PERIOD}|(täglich|daily|a day|per day))"
    rf"|\b(einmal|zweimal|dreimal|viermal|fünfmal|once|twice)\s+(?:\w+\s+)?(?:{_EVERY}\s+{_PERIOD}|(täglich|daily))"
    rf"|\b(täglich|daily)\s+({NUM}|{_WORD_NUM})\s*({USE_WORDS})(?!\w)",
    re.I,
)
_TIMES = {
    "einmal": 1,
    "once": 1,
    "zweimal": 2,
    "twice": 2,
    "dreimal": 3,
    "viermal": 4,
    "fünfmal": 5,
}
_COUNT = re.compile(
    rf"(?<![\w.,])({NUM})\s*(tassen?|cups?|waschladung\w*|wäschen|washes|loads|bäder|baths)\b", re.I
)
_DURATION = re.compile(rf"\b({NUM}|{_WORD_NUM}|einen|a)\s+{_PERIOD}", re.I)
PET = re.compile(
    r"\b(?:hund\w*|hündin|dog|katze\w*|kater|cat|welpe\w*|puppy|kitten|pferd\w*|horse|kaninchen|rabbit)\b",
    re.I,
)
_WEIGHT = re.compile(rf"({NUM})\s*(?:kg|kilo)\b", re.I)
# "wiegt 4 kg", "weighs about 20 kg", "ein 20-kg-Hund", "my 20 kg dog": a body weight, whatever a version is called
BODY_WEIGHT = re.compile(
    rf"\b(?:wiegt|wiegen|weighs?|weight|gewicht)\s+(?:(?:of|von|ca\.|circa|etwa|about|around|gut|knapp)\s+)*({NUM})\s*(?:kg|kilo)\b"
    rf"|(?<![\w.,])({NUM})[\s-]*(?:kg|kilo)[\s-]*(?:schwer\w*|heavy|hund\w*|dog|katze\w*|cat|kater|pferd\w*|horse|pony|ponys|ponies)\b",
    re.I,
)
ANIMAL = re.compile(
    r"\b(?:hund\w*|hündin|dog|katze|kater|cat|welpe|puppy|kitten|pferd\w*|horse|pony|ponys|ponies|fohlen|foal"
    r"|wiegt|wiegen|weighs?|weight|gewicht|körpergewicht)\b",
    re.I,
)


@dataclass
class Need:
    area: float | None = None
    coats: int | None = None  # said in the question; None: as the text's yield assumes
    people: float | None = None
    daily: float | None = None  # uses per day
    daily_word: str = ""
    period: float = 1.0  # the days the use was said for ("60 washes a year": 365)
    count: float | None = None
    days: float | None = None
    weight: float | None = None

    def stated(self) -> bool:
        return any(
            v is not None for v in (self.area, self.people, self.daily, self.count, self.weight)
        )


def number(text: str) -> float:
    """ "1,5" / "1.5" / "12.000" (a German thousands separator) as a number."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text.replace(",", "."))


def _num(text: str) -> float:
    word = text.lower()
    if word in ("einen", "a"):
        return 1.0
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else number(text)


def period_days(word: str) -> float:
    return next(days for stem, days in _PERIODS.items() if word.lower().startswith(stem))


def use_per_day(text: str) -> tuple[float, str, float, tuple[int, int]] | None:
    """(uses per day, the word counted, the period's days, the span): "3 Tassen am Tag" -> (3,
    "Tassen", 1), "4 Mal pro Woche" -> (4/7, "Mal", 7), "täglich 2 Kapseln" -> (2, "Kapseln", 1)."""
    m = _DAILY.search(text)
    if m is None:
        return None
    if m.group(1):
        count, word, period = _num(m.group(1)), m.group(2), m.group(3)
    elif m.group(5):
        count, word, period = float(_TIMES[m.group(5).lower()]), "Mal", m.group(6)
    else:
        count, word, period = _num(m.group(9)), m.group(10), None
    days = period_days(period) if period else 1.0
    return count / days, word, days, m.span()


def read_need(text: str, version_kg: list[float]) -> Need:
    """What the question needs covered; kilograms that name a version (`version_kg`) are no body weight."""
    need = Need()
    if m := _AREA.search(text):
        need.area = number(m.group(1))
    if m := _COATS.search(text):
        need.coats = 2 if m.group(2) else 3 if m.group(3) else int(_num(m.group(1)))
    if m := _PEOPLE.search(text):
        need.people = _num(m.group(1))
    span = (0, 0)
    if used := use_per_day(text):
        need.daily, need.daily_word, need.period, span = used
        if need.daily_word.lower() in ("mal", "x", "times") and _COATS.search(text) and need.area:
            need.daily = None  # "zweimal streichen": coats, no use per day
    elif m := _COUNT.search(text):
        need.count = number(m.group(1))
    for m in _DURATION.finditer(text):
        if not span[0] <= m.start() < span[1]:
            need.days = _num(m.group(1)) * period_days(m.group(2))
            break
    if m := BODY_WEIGHT.search(text):
        need.weight = number(m.group(1) or m.group(2))
    elif ANIMAL.search(text):
        weights = [
            number(m.group(1))
            for m in _WEIGHT.finditer(text)
            if number(m.group(1)) not in version_kg
        ]
        need.weight = weights[0] if weights else None
    return need
