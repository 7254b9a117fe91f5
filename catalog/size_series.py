"""Size tables whose sizes are combinations of measures, not one series: German workwear's normal
sizes (44–64), short sizes (Kurzgrößen 24–28: the same waist, shorter legs) and long / slim sizes
(Langgrößen 94–110: longer legs), or waist × leg sizes. One waist then appears in several sizes,
so the size is the one whose row fits every measure the shopper gives, not the larger of the
sizes each measure picks on its own."""

from __future__ import annotations

import re

from catalog.size_chart import ChartRow, Measurement

_TOLERANCE = 0.5  # cm around a row of one value


def _distance(row: ChartRow, cm: float) -> float:
    if row.low - _TOLERANCE <= cm <= row.high + _TOLERANCE:
        return 0.0
    return row.low - cm if cm < row.low else cm - row.high


def several_series(rows: list[ChartRow], measures: set[str]) -> bool:
    """Whether one of these measures has the same row in different sizes (waist 94 cm in 52, 25
    and 106): the sizes are combinations, not one series from small to large."""
    for measure in measures:
        spans = [(r.low, r.high) for r in rows if r.measure == measure]
        if len(spans) != len(set(spans)):
            return True
    return False


def joint_fit(rows: list[ChartRow], measurements: list[Measurement]) -> str | None:
    """The size whose row fits all the measurements in a table of several series; None in a
    table of one series or when no size fits them all (the merchant's rules between sizes then
    decide)."""
    measures = {m.measure for m in measurements}
    if len(measures) < 2 or not several_series(rows, measures):
        return None
    by_size: dict[str, dict[str, ChartRow]] = {}
    for r in rows:
        if r.measure in measures:
            by_size.setdefault(r.size, {})[r.measure] = r
    scored = [(sum(_distance(got[m.measure], m.cm) for m in measurements), i, size)
              for i, (size, got) in enumerate(by_size.items()) if measures <= set(got)]  # fmt: skip
    fits = [x for x in scored if x[0] == 0.0]
    return min(fits)[2] if fits else None


def one_series(rows: list[ChartRow], measure: str, named: str | None = None) -> list[ChartRow]:
    """A table of several series asked with one measure ("94 cm Bundumfang"): the rows of one
    series — the named size's ("Passt 52 …?"), else the largest (the normal sizes) — so that the
    answer is not "between 52 and 106". Series are runs of numeric sizes apart by a jump of more
    than a third (28 → 44, 64 → 94); other tables stay as they are."""
    if not several_series(rows, {measure}):
        return rows
    numbers = sorted({float(r.size.replace(",", ".")) for r in rows if re.fullmatch(r"\d{1,3}(?:[.,]5)?", r.size)})
    if len(numbers) < 2 or len(numbers) < len({r.size for r in rows}):
        return rows
    series: list[list[float]] = [[numbers[0]]]
    for n in numbers[1:]:
        if n <= series[-1][-1] * 4 / 3:
            series[-1].append(n)
        else:
            series.append([n])
    chosen = next((run for run in series if named and float(named.replace(",", ".")) in run), max(series, key=len))
    return [r for r in rows if r.measure != measure or float(r.size.replace(",", ".")) in chosen]


# the series of German clothing sizes by their names (DE/EN)
SERIES: dict[str, re.Pattern[str]] = {
    "short": re.compile(r"kurzgr[öo]ß\w*|short[- ]sizes?|short[- ]fit sizes?|untersetzt\w*", re.I),
    "long": re.compile(
        r"langgr[öo]ß\w*|long[- ]sizes?|schlankgr[öo]ß\w*|slim sizes?|tall sizes?", re.I
    ),
    "normal": re.compile(r"normalgr[öo]ß\w*|normal sizes?|regular sizes?|standard sizes?", re.I),
}
_HEIGHT_WORDS = re.compile(r"körpergröße|\bheight\b|\btall\b|\bgroß\b|body size", re.I)
_SPAN = re.compile(r"[^\d.;]{0,25}?(\d{3})\s*(?:–|-|—|bis|to)\s*(\d{3})\s*cm", re.I)


def series_heights(sentences: list[str]) -> dict[str, tuple[float, float, str]]:
    """series -> (lowest, highest height, sentence) from a sentence of the text giving heights for
    the series ("Körpergröße als Anhaltspunkt: Normalgrößen für 170–188 cm, Kurzgrößen für 160–172 cm")."""
    found: dict[str, tuple[float, float, str]] = {}
    for sentence in sentences:
        if not _HEIGHT_WORDS.search(sentence):
            continue
        for series, words in SERIES.items():
            for word in words.finditer(sentence):
                if series not in found and (m := _SPAN.match(sentence, word.end())):
                    found[series] = (float(m.group(1)), float(m.group(2)), sentence)
    return found


def series_size(usual: str, series: str, offered: list[str]) -> str | None:
    """The usual (normal) size in a series by the German convention: a short size is half the
    normal size (52 -> 26), a long / slim size twice it (52 -> 104); the normal size itself."""
    try:
        number = int(usual)
    except ValueError:
        return None
    size = {"short": number / 2, "long": number * 2, "normal": number}[series]
    text = f"{size:g}"
    return text if text in offered else None


_SHORTER = re.compile(r"(\d{1,2})\s*cm\s+(?:kürzer|shorter)", re.I)
_LONGER = re.compile(r"(\d{1,2})\s*cm\s+(?:länger|longer)", re.I)


def series_offset(sentences: list[str], series: str) -> tuple[float, str] | None:
    """(how much longer the legs of a series are, the sentence) from the first sentence naming the series with
    "N cm kürzer / shorter" (short) or "N cm länger / longer" (long) after the name."""
    words, pattern, sign = (
        (SERIES["short"], _SHORTER, -1) if series == "short" else (SERIES["long"], _LONGER, 1)
    )
    for sentence in sentences:
        if (w := words.search(sentence)) and (m := pattern.search(sentence, w.end())):
            return sign * float(m.group(1)), sentence
    return None


def derived_rows(rows: list[ChartRow], sentences: list[str], offered: list[str]) -> list[ChartRow]:
    """Rows for the short and long sizes a table of normal sizes leaves out, where the text names
    the series: the same waist (and other girths) as the normal size by the convention (26 has
    52's, 102 has 51's, between 50 and 52), the inside leg shifted by the text's "N cm shorter"."""
    charted = {r.size for r in rows}
    out: list[ChartRow] = []
    for series in ("short", "long"):
        if not any(SERIES[series].search(s) for s in sentences):
            continue
        stated = series_offset(sentences, series)
        offset, source = stated if stated else (None, "")
        for value in offered:
            if value in charted or not value.isdigit():
                continue
            normal = int(value) * 2 if series == "short" else int(value) / 2
            for measure in {r.measure for r in rows if r.measure}:
                if measure == "inside_leg" and offset is None:
                    continue
                if (low := _at(rows, measure, normal)) is None:
                    continue
                shift = offset if measure == "inside_leg" and offset is not None else 0.0
                out.append(
                    ChartRow(
                        value,
                        rows[0].option,
                        low + shift,
                        low + shift,
                        measure,
                        source or f"{value} ≈ {normal:g}",
                    )
                )
    return out


def _at(rows: list[ChartRow], measure: str, size: float) -> float | None:
    """A one-value measure of a normal size, between two neighbours for one the table lacks (47)."""
    points = sorted(
        (float(r.size), r.low)
        for r in rows
        if r.measure == measure and r.size.isdigit() and r.low == r.high
    )
    for (a, va), (b, vb) in zip(points, points[1:], strict=False):
        if a <= size <= b:
            return (
                va
                if size == a
                else vb
                if size == b
                else round(va + (vb - va) * (size - a) / (b - a), 1)
            )
    return None
