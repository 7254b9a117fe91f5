"""Chart rows that hold only for a range of the wearer's shoe size: a board's wide version "for
boots EU 44 and up", a table's column "Schuhgröße … bis 43 / ab 44". A row whose line bounds the
shoe size is kept for a shopper whose shoe size the question gives within the bound; without a
shoe size in the question, rows needing a minimum shoe size give way to rows that need none
and hold the measurement (the wide board is for big boots only)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

_SHOE_WORDS = re.compile(r"schuh|boot|stiefel|shoe", re.I)
_SIZE = r"(\d{2}(?:[.,]5)?)"
_MIN = re.compile(rf"\b(?:ab|from)\s+(?:(?:eu|gr\.|größe|size)\s*)?{_SIZE}(?![\d.,]*\s*(?:kg|cm|mm|m\b|%|jahr|year))"
                  rf"|\b(?:eu|gr\.|größe|size)\s*{_SIZE}\s*(?:and up|and above|or larger|or bigger|und größer|und mehr|\+)", re.I)
_MAX = re.compile(rf"\b(?:bis|up to|max\.?)\s+(?:(?:eu|gr\.|größe|size)\s*)?{_SIZE}(?![\d.,]*\s*(?:kg|cm|mm|m\b|%|jahr|year))", re.I)
_ASKED = re.compile(
    rf"\b(?:boot|schuh|shoe|stiefel)\w*\s*(?:size|größe|gr\.)?\s*(?:(?:is|ist|von|of)\s+)?(?:eu\s*)?{_SIZE}(?!\s*(?:kg|cm|mm))"
    rf"|\b(?:size|größe)\s*(?:eu\s*)?{_SIZE}\s*(?:boots?|schuhe?|shoes?|stiefel)\b", re.I)


class _Row(Protocol):
    measure: str | None
    low: float
    high: float
    source: str


R = TypeVar("R", bound=_Row)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def bounds(source: str) -> tuple[float, float] | None:
    """(lowest, highest) shoe size a row's line allows; None when it bounds none."""
    low = next((_number(g) for m in _MIN.finditer(source) for g in m.groups() if g and 30 <= _number(g) <= 50), None)
    high = next((_number(g) for m in _MAX.finditer(source) for g in m.groups() if g and 30 <= _number(g) <= 50), None)
    if low is None and high is None:
        return None
    return (low or 0.0, high or float("inf"))


def asked_shoe_size(text: str) -> float | None:
    """The shoe size the question gives ("boot size 42", "Schuhgröße 44", "size 43 boots")."""
    for m in _ASKED.finditer(text):
        value = _number(next(g for g in m.groups() if g))
        if 30 <= value <= 50:
            return value
    return None


def shoe_fit(rows: Sequence[R], text: str, product_text: str, measure: str, cm: float) -> list[R]:
    """The rows that hold for the question's shoe size (see the module's docstring) and a
    measurement (`measure`, `cm`); all of them where the product names no shoes or no row bounds the shoe size."""
    if not _SHOE_WORDS.search(product_text):
        return list(rows)
    bounded = {id(r): b for r in rows if (b := bounds(r.source)) is not None}
    if not bounded or len({r.source for r in rows}) < 2:
        return list(rows)  # one sentence for all rows bounds none of them apart
    size = asked_shoe_size(text)
    if size is not None:
        return [r for r in rows if id(r) not in bounded or bounded[id(r)][0] <= size <= bounded[id(r)][1]]
    plain = [r for r in rows if bounded.get(id(r), (0.0, 0.0))[0] == 0.0 and r.measure in (measure, None) and r.low <= cm <= r.high]
    return [r for r in rows if not (plain and id(r) in bounded and bounded[id(r)][0] > 0)]
