"""The parts of a reply about a need (`actions.need_answer`): numbers and amounts as the shopper's
language writes them ("5,6 l", "1,25 kg"), the quote of the sentence a yield comes from, the versions
that cover an amount, and how many days an amount lasts."""

from __future__ import annotations

import itertools
import math

from catalog.yields import Version

_PERIOD_WORDS = {
    1: ("Tag", "day"),
    7: ("Woche", "week"),
    30: ("Monat", "month"),
    365: ("Jahr", "year"),
}
EPS = 1e-9


def fmt(x: float, lang: str) -> str:
    """A number as the shopper's language writes it: "5,6" / "5.6", "12.000" / "12,000"."""
    if x >= 10 or abs(x - round(x)) < EPS:
        s = f"{round(x):,}"
        return s.replace(",", ".") if lang == "de" else s
    exact = abs(x * 100 - round(x * 100)) < EPS
    s = f"{x:.2f}".rstrip("0").rstrip(".") if exact else f"{x:.1f}"
    return s.replace(".", ",") if lang == "de" else s


def amount_text(x: float, unit: str, lang: str) -> str:
    if unit == "g" and x >= 1000:
        return f"{fmt(x / 1000, lang)} kg"
    if unit == "l" and 0 < x < 1:  # a dose of "0,055 l" is said "55 ml"
        return f"{fmt(round(x * 1000, 1), lang)} ml"
    if unit == "piece":
        return f"{fmt(x, lang)} {'Stück' if lang == 'de' else 'pieces'}"
    if unit == "pack":
        many = x != 1
        return f"{fmt(x, lang)} {('Packungen' if many else 'Packung') if lang == 'de' else ('packs' if many else 'pack')}"
    return f"{fmt(x, lang)} {unit}"


def quote(sentence: str, lang: str, options: bool = False) -> str:
    if not sentence:
        return ""
    if options:
        return say_in(lang, f"(Die Varianten: {sentence})", f"(The versions: {sentence})")
    return (
        f"Laut Beschreibung: „{sentence}“"
        if lang == "de"
        else f'The description says: "{sentence}"'
    )


def say_in(lang: str, de: str, en: str) -> str:
    return de if lang == "de" else en


def cover(versions: list[Version], need: float) -> list[tuple[Version, int]]:
    """The smallest version that covers `need` alone, else the combination that costs least (then
    leaves the least over, then is the fewest packs)."""
    pool = [v for v in versions if v.in_stock] or versions
    if not pool or need <= 0:
        return []
    if singles := [v for v in pool if v.amount >= need - EPS]:
        return [(min(singles, key=lambda v: v.amount), 1)]
    ranges = [range(math.ceil(need / v.amount) + 1) for v in pool]
    if math.prod(len(r) for r in ranges) > 20000:
        big = max(pool, key=lambda v: v.amount)
        return [(big, math.ceil(need / big.amount))]

    def total(c: tuple[int, ...]) -> float:
        return sum(n * v.amount for n, v in zip(c, pool, strict=True))

    covering = (c for c in itertools.product(*ranges) if total(c) >= need - EPS)
    best = min(
        covering,
        key=lambda c: (
            round(sum(n * v.price for n, v in zip(c, pool, strict=True)), 2),
            round(total(c), 6),
            sum(c),
        ),
    )
    return [
        (v, n) for n, v in sorted(zip(best, pool, strict=True), key=lambda x: -x[1].amount) if n
    ]


def pick(versions: list[Version], amount: float, lang: str) -> str:
    combo = cover(versions, amount)
    if not combo:
        return ""
    if len(combo) == 1 and combo[0][1] == 1:
        return say_in(
            lang,
            f"Die Variante {combo[0][0].value} reicht.",
            f"The {combo[0][0].value} version covers it.",
        )
    parts = " + ".join(f"{n} × {v.value}" for v, n in combo)
    total = amount_text(sum(n * v.amount for v, n in combo), combo[0][0].unit, lang)
    return say_in(
        lang, f"Sie brauchen {parts} (zusammen {total}).", f"You need {parts} ({total} in all)."
    )


def per_period(daily: float, period: float, lang: str) -> str:
    de, en = (
        _PERIOD_WORDS.get(int(period), ("Tag", "day"))
        if period in _PERIOD_WORDS
        else ("Tag", "day")
    )
    count = daily * (period if period in _PERIOD_WORDS else 1)
    return say_in(lang, f"{fmt(count, lang)} pro {de}", f"{fmt(count, lang)} a {en}")


def days_line(label: str, covers: str, days: float, per: str, lang: str) -> str:
    weeks = (
        f" (≈ {fmt(round(days / 7, 1), lang)} {say_in(lang, 'Wochen', 'weeks')})"
        if days >= 14
        else ""
    )
    n = math.floor(days + EPS)
    return f"{label}: {covers} ÷ {per} ≈ {n} {say_in(lang, 'Tage', 'days') if n != 1 else say_in(lang, 'Tag', 'day')}{weeks}."
