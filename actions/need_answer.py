"""Which version covers a need: "Ich habe 45 m² Wand, welche Dose?", "I drink 3 cups a day – which
bag lasts a month?", "Mein Hund wiegt 20 kg, wie lange reicht der 12-kg-Sack?". The need is read
from the question, the yield from the product's own text (`catalog.yields`); the reply shows the
computation and quotes the sentence it rests on. No yield in the text: it says so (no rate invented)."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.number_words import NUMBER_WORDS
from catalog.yields import (
    NEEDS,
    NUM,
    Feeding,
    Rate,
    feeding,
    number,
    quantity,
    rates,
    version_amounts,
)

_WORD_NUM = "|".join(NUMBER_WORDS)
_AREA = re.compile(rf"({NUM})\s*(?:m²|m2|qm|quadratmeter\w*|square met\w+|sq\.? ?m)(?!\w)", re.I)
_COATS = re.compile(
    rf"\b(?:({NUM}|{_WORD_NUM})\s*(?:anstrich\w*|schicht\w*|coats?|layers?)|(zweimal|twice|doppelt)|(dreimal))\b",
    re.I,
)
_PEOPLE = re.compile(
    rf"\b({NUM}|{_WORD_NUM})\s*(?:personen|leute|gäste|people|persons|guests|portionen|portions|servings)\b",
    re.I,
)
_USE_WORDS = r"tassen?|cups?|becher|mugs?|waschladung\w*|wäschen|waschgänge|washes|loads|mal|times|kapseln?|capsules?|tabletten?|tablets?|tabs|portionen|portions"
_PERIODS = {
    "tag": 1,
    "day": 1,
    "woche": 7,
    "week": 7,
    "monat": 30,
    "month": 30,
    "jahr": 365,
    "year": 365,
}
_PERIOD = r"(tag|day|woche|week|monat|month|jahr|year)\w*"
_DAILY = re.compile(
    rf"\b({NUM}|{_WORD_NUM})\s*(?:\w+\s+)?({_USE_WORDS})\s*(?:(?:am|pro|per|a|an|je|im|in der|each|every|jeden|jede)\s+{_PERIOD}|(täglich|daily))",
    re.I,
)
_COUNT = re.compile(rf"\b({NUM})\s*(tassen?|cups?|waschladung\w*|wäschen|washes|loads)\b", re.I)
_DURATION = re.compile(rf"\b({NUM}|{_WORD_NUM}|einen|a)\s+{_PERIOD}", re.I)
_WEIGHT = re.compile(rf"({NUM})\s*(?:kg|kilo)\b", re.I)
_ANIMAL = re.compile(
    r"\b(?:hund|hündin|dog|katze|kater|cat|wiegt|wiegen|weighs?|weight|gewicht|körpergewicht)\b",
    re.I,
)
_HOW_LONG = re.compile(r"\bwie lange\b|\bhow long\b|\bwie viele tage\b|\bhow many days\b", re.I)
_HOW_MUCH = re.compile(
    r"\bwie ?viele?\b|\bhow (?:much|many|far)\b|\bfür wie\b|\bfor how\b|\breicht|\benough\b|\blast|\bcover",
    re.I,
)
_PIECES = re.compile(r"kapsel|capsule|tablet|tabs", re.I)


@dataclass
class Need:
    area: float | None = None
    coats: int = 1
    people: float | None = None
    daily: float | None = None  # uses per day
    daily_word: str = ""
    period: float = 1.0  # the days the daily use was said for ("60 washes a year": 365)
    count: float | None = None
    days: float | None = None
    weight: float | None = None


def _num(text: str) -> float:
    return float(
        NUMBER_WORDS.get(text.lower(), 1 if text.lower() in ("einen", "a") else 0)
    ) or number(text)


def read_need(text: str, asked: list[float]) -> Need:
    """What the question needs covered; amounts that name a version (`asked`, kg) are no body weight."""
    need = Need()
    if m := _AREA.search(text):
        need.area = number(m.group(1))
    if m := _COATS.search(text):
        need.coats = 2 if m.group(2) else 3 if m.group(3) else int(_num(m.group(1)))
    if m := _PEOPLE.search(text):
        need.people = _num(m.group(1))
    daily = _DAILY.search(text)
    if daily:
        per_day = (
            _num(daily.group(1)) / _period_days(daily.group(3))
            if daily.group(3)
            else _num(daily.group(1))
        )
        need.daily, need.daily_word = per_day, daily.group(2)
        need.period = _period_days(daily.group(3)) if daily.group(3) else 1.0
    elif m := _COUNT.search(text):
        need.count = number(m.group(1))
    for m in _DURATION.finditer(text):
        if not daily or not (daily.start() <= m.start() < daily.end()):
            need.days = _num(m.group(1)) * _period_days(m.group(2))
            break
    if _ANIMAL.search(text):
        weights = [
            number(m.group(1))
            for m in _WEIGHT.finditer(text)
            if number(m.group(1)) * 1000 not in asked
        ]
        need.weight = weights[0] if weights else None
    return need


def _period_days(word: str) -> float:
    word = word.lower()
    return next(days for stem, days in _PERIODS.items() if word.startswith(stem[:4]))


def _fmt(x: float, lang: str) -> str:
    if x >= 10 or abs(x - round(x)) < 1e-9:
        s = f"{round(x):,}"
        return s.replace(",", ".") if lang == "de" else s
    s = f"{x:.2f}".rstrip("0").rstrip(".") if abs(x * 100 - round(x * 100)) < 1e-9 else f"{x:.1f}"
    return s.replace(".", ",") if lang == "de" else s


def _amount(x: float, unit: str, lang: str) -> str:
    if unit == "g" and x >= 1000:
        return f"{_fmt(x / 1000, lang)} kg"
    if unit == "piece":
        return f"{_fmt(x, lang)} {'Stück' if lang == 'de' else 'pieces'}"
    if unit == "pack":
        return f"{_fmt(x, lang)} {('Packung' if x == 1 else 'Packungen') if lang == 'de' else ('pack' if x == 1 else 'packs')}"
    return f"{_fmt(x, lang)} {unit}"


def _quote(sentence: str, lang: str) -> str:
    return (
        f"Laut Beschreibung: „{sentence}“"
        if lang == "de"
        else f'The description says: "{sentence}"'
    )


def _combination(
    versions: list[tuple[str, float, str, bool]], need: float
) -> list[tuple[str, int]] | None:
    """The versions (value, count) covering `need` with the least left over, then the fewest packs."""
    pool = [v for v in versions if v[3]] or versions
    if not pool or need <= 0:
        return None
    ranges = [range(math.ceil(need / v[1]) + 1) for v in pool]
    if math.prod(len(r) for r in ranges) > 20000:
        big = max(pool, key=lambda v: v[1])
        return [(big[0], math.ceil(need / big[1]))]
    best = min((c for c in itertools.product(*ranges) if sum(n * v[1] for n, v in zip(c, pool, strict=True)) >= need - 1e-9),
               key=lambda c: (round(sum(n * v[1] for n, v in zip(c, pool, strict=True)), 6), sum(c)))  # fmt: skip
    return [(v[0], n) for n, v in sorted(zip(best, pool, strict=True), key=lambda x: -x[1][1]) if n]


def _pick_line(versions: list[tuple[str, float, str, bool]], amount: float, lang: str) -> str:
    combo = _combination(versions, amount)
    if not combo:
        return ""
    if len(combo) == 1 and combo[0][1] == 1:
        return (
            f"die Variante {combo[0][0]} reicht."
            if lang == "de"
            else f"the {combo[0][0]} version covers it."
        )
    parts = " + ".join(f"{n} × {value}" for value, n in combo)
    total = sum(n * next(v[1] for v in versions if v[0] == value) for value, n in combo)
    unit = versions[0][2]
    return (
        f"{parts} (zusammen {_amount(total, unit, lang)})."
        if lang == "de"
        else f"{parts} ({_amount(total, unit, lang)} in all)."
    )


def _asked_versions(
    product: Product, text: str, versions: list[tuple[str, float, str, bool]]
) -> list[tuple[str, float, str, bool]]:
    """Versions the question names: "die 2,5-l-Dose", "the 1 kg bag", "the 60 pack"."""
    lowered = text.lower()
    found = []
    for v in versions:
        q = [
            quantity(m.group(0))
            for m in re.finditer(
                rf"(?<![\w.,])(?:{NUM}|{'|'.join(NUMBER_WORDS)})[\s-]*[^\W\d]+", text, re.I
            )
        ]
        bare = [
            number(m.group(1))
            for m in re.finditer(
                rf"(?<![\w.,])({NUM})[\s-]*(?:er|pack|packung|stück|dose|box)", lowered
            )
        ]
        if (
            re.search(rf"(?<![\w.,]){re.escape(v[0].lower())}(?!\w)", lowered)
            or any(x and abs(x[0] - v[1]) < 1e-9 and x[1] == v[2] for x in q)
            or (v[2] in ("piece", "pack") and v[1] in bare)
        ):
            found.append(v)
    del product
    return found


def _feeding_answer(table: Feeding, need: Need, versions: list, asked: list, lang: str) -> str:
    grams = table.grams(need.weight or 0)
    weight = _fmt(need.weight or 0, lang)
    if grams is None:
        low, high = (
            _fmt(min(r[0] for r in table.rows), lang),
            _fmt(max(r[0] for r in table.rows), lang),
        )
        line = (f"Die Fütterungstabelle reicht von {low} bis {high} kg – für {weight} kg nennt sie keine Menge." if lang == "de"
                else f"The feeding table runs from {low} to {high} kg – it gives no amount for {weight} kg.")  # fmt: skip
        return f"{line} {_quote(table.sentence, lang)}"
    daily = _amount(grams, "g", lang)
    lines = [f"Für einen Hund mit {weight} kg nennt die Fütterungstabelle etwa {daily} pro Tag." if lang == "de"
             else f"For {weight} kg the feeding table gives about {daily} a day."]  # fmt: skip
    if need.days and not asked:
        total = grams * need.days
        lines.append((f"Für {_fmt(need.days, lang)} Tage sind das ≈ {_amount(total, 'g', lang)}: " if lang == "de"
                      else f"For {_fmt(need.days, lang)} days that is ≈ {_amount(total, 'g', lang)}: ") + _pick_line(versions, total, lang))  # fmt: skip
    for v in asked or versions:
        days = math.floor(v[1] / grams)
        lines.append(f"{v[0]}: {_amount(v[1], 'g', lang)} ÷ {daily} ≈ {days} Tage." if lang == "de"
                     else f"{v[0]}: {_amount(v[1], 'g', lang)} ÷ {daily} ≈ {days} days.")  # fmt: skip
    return " ".join([*lines, _quote(table.sentence, lang)])


def _days_line(label: str, covers: float, daily: float, word: str, lang: str) -> str:
    days = covers / daily
    weeks = (
        f" ({_fmt(round(days / 7, 1), lang)} {'Wochen' if lang == 'de' else 'weeks'})"
        if days >= 14
        else ""
    )
    return (f"{label}: {_fmt(covers, lang)} {word} ÷ {_fmt(daily, lang)} pro Tag ≈ {math.floor(days)} Tage{weeks}." if lang == "de"
            else f"{label}: {_fmt(covers, lang)} {word} ÷ {_fmt(daily, lang)} a day ≈ {math.floor(days)} days{weeks}.")  # fmt: skip


def _names_need(text: str, rate: Rate) -> bool:
    """Whether the question asks for what the rate counts ("Für wie viele Quadratmeter …", "how many cups")."""
    words = [w for w, kind in NEEDS.items() if kind == rate.need] + ["fläche", "area", "cover"] * (
        rate.need == "area"
    )
    return any(re.search(rf"(?<!\w){re.escape(w)}", text, re.I) for w in words)


def _rate_for(found: list[Rate], kind: str | None) -> Rate | None:
    return (
        next((r for r in found if r.need == kind), None) if kind else (found[0] if found else None)
    )


def need_answer(product: Product, text: str, lang: str) -> str | None:
    """The reply to a question of which version covers a need or how long one lasts; None when the
    question states no need (and names no version with "wie viel / wie lange")."""
    versions = version_amounts(product)
    asked = _asked_versions(product, text, versions)
    need = read_need(text, [v[1] for v in asked if v[2] == "g"])
    table = feeding(product, lang)
    if need.weight and table and (versions or asked):
        return _feeding_answer(table, need, versions, asked, lang)
    if (
        need.daily
        and _PIECES.search(need.daily_word)
        and versions
        and all(v[2] == "piece" for v in versions)
    ):
        lines = [
            _days_line(v[0], v[1], need.daily, need.daily_word, lang) for v in asked or versions
        ]
        if need.days and not asked:
            lines.insert(0, _pick_line(versions, need.daily * need.days, lang).capitalize())
        return " ".join(lines)
    kind = "area" if need.area else "portions" if need.people else None
    if kind is None and (need.daily or need.count):
        word = (need.daily_word or _COUNT.search(text).group(2)).lower()  # type: ignore[union-attr]
        kind = (
            NEEDS.get(word)
            or NEEDS.get(word.rstrip("n"))
            or ("washes" if re.match(r"wasch|wäsch|wash|load", word) else None)
        )
        kind = kind or ("uses" if word in ("mal", "times") else None)
    found = rates(product, lang)
    rate = _rate_for(found, kind) or (found[0] if kind == "uses" and found else None)
    if rate is None:
        if kind and versions and (kind != "portions" or need.people):
            return (f"Die Beschreibung von {product.name(lang)} nennt keine Ergiebigkeit – wie weit eine Variante reicht, kann ich daraus nicht berechnen. "
                    f"Erhältlich: {', '.join(v[0] for v in versions)}." if lang == "de" else
                    f"The description of {product.name(lang)} states no yield, so I can't work out how far a version goes. "
                    f"Available: {', '.join(v[0] for v in versions)}.")  # fmt: skip
        return None
    named = bool(asked)
    if (
        not versions and rate.use
    ):  # "260 g/m²" on a jacket: a fabric weight, nothing it is used up on
        return None
    if not versions:  # one version: as much as the sentence speaks of (its pack, or "1,5 l")
        versions = [
            (
                product.name(lang),
                1.0 if rate.unit == "pack" else rate.per,
                rate.unit,
                product.total_stock > 0,
            )
        ]
        asked = asked or versions
    if rate.unit != versions[0][2] and rate.unit != "pack":
        return None
    per_unit = (
        rate.per_unit
        if rate.unit == versions[0][2]
        else rate.amount / (1.0 if versions[0][2] == "pack" else versions[0][1])
    )
    if rate.unit == "pack" and versions[0][2] != "pack":
        versions = [(v[0], 1.0, "pack", v[3]) for v in versions]
        asked = [(v[0], 1.0, "pack", v[3]) for v in asked]
    word, unit = rate.word, versions[0][2]
    total = (need.area * need.coats if need.area else need.people if need.people else
             need.count if need.count else need.daily * (need.days or 0) if need.daily else None)  # fmt: skip
    if (
        need.daily and not need.days and not _HOW_LONG.search(text)
    ):  # "60 washes a year – how many bottles?"
        total = need.daily * need.period if need.period > 1 and not asked else None
    rate_text = (f"{_amount(rate.per, rate.unit, lang)} / {_fmt(rate.amount, lang)} {word}" if rate.use
                 else f"{_fmt(rate.per_unit, lang)} {word}/{rate.unit}" if rate.unit in ("l", "g") and rate.per == 1
                 else f"{_fmt(rate.amount, lang)} {word} / {_amount(rate.per, rate.unit, lang)}")  # fmt: skip
    lines: list[str] = []
    if need.daily and (_HOW_LONG.search(text) or not total):
        lines += [
            _days_line(v[0], v[1] * per_unit, need.daily, word, lang) for v in asked or versions
        ]
    elif total:
        amount = total / per_unit
        said = f"{_fmt(need.area, lang)} m² × {need.coats}" if need.area and need.coats > 1 else ""
        head = f"{said} = " if said else ""
        lines.append(
            f"{head}{_fmt(total, lang)} {word} ÷ ({rate_text}) ≈ {_amount(amount, unit, lang)}"
        )
        for v in asked:
            covers = v[1] * per_unit
            enough = covers >= total - 1e-9
            lines.append(("Ja" if enough else "Nein") + f": {v[0]} reicht für etwa {_fmt(covers, lang)} {word}." if lang == "de"
                          else ("Yes" if enough else "No, not enough") + f": {v[0]} covers about {_fmt(covers, lang)} {word}.")  # fmt: skip
        if not asked or any(v[1] * per_unit < total - 1e-9 for v in asked):
            lines.append(_pick_line(versions, amount, lang))
        lines[0] = lines[0] + ":" if len(lines) > 1 and not asked else lines[0] + "."
    elif _HOW_MUCH.search(text) and (named or quantity(text)) and _names_need(text, rate):
        q = quantity(text)
        for v in (
            asked or [(text, q[0], q[1], True)]
            if q and (q[1] == unit or rate.unit == q[1])
            else asked
        ):  # type: ignore[index]
            label = v[0] if v in asked else _amount(v[1], v[2], lang)
            covers = v[1] * (rate.per_unit if v[2] == rate.unit else per_unit)
            lines.append(
                f"{label} reicht für etwa {_fmt(covers, lang)} {word}."
                if lang == "de"
                else f"{label} covers about {_fmt(covers, lang)} {word}."
            )
    if not lines:
        return None
    if rate.per_coat and need.area and need.coats == 1:
        lines.append("(bei einem Anstrich)" if lang == "de" else "(one coat)")
    return " ".join([*(line for line in lines if line), _quote(rate.sentence, lang)])


def need_reply(dispatcher, product: Product, text: str, lang: str) -> list | None:  # noqa: ANN001
    """`need_answer` sent as the reply with the product's card; None when it has none."""
    from rasa_sdk.events import SlotSet  # noqa: PLC0415

    from actions import facts  # noqa: PLC0415 (actions import this module)
    from actions.common import reply  # noqa: PLC0415
    from actions.context import catalog  # noqa: PLC0415

    said = need_answer(product, text, lang)
    if said is None:
        return None
    reply(
        dispatcher,
        said,
        sources=[product.id],
        payload=facts.cards_payload([product], lang, catalog().config),
    )
    return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
