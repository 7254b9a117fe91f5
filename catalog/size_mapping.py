"""The product text's own mapping of its sizes to another size system ("M (38/40)", "S = 75A–75B",
"L entspricht Kragenweite 41/42", "S = UK 8–10 / EU 36–38", "M passt über Handschuhe der Größen
S–M", a table row "43/44  43–44 cm  XL"): a usual size the shopper gives in that other system
is answered with the product's own size the merchant maps it to. Merchants write such lines for
bras, shapewear, shirts, jackets, gloves alike; the mapping is theirs, so it wins over any
general conversion (`actions.size_advice.usual_in_product_system`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LETTERS = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL", "4XL", "5XL"]
_CUPS = ["AA", "A", "B", "C", "D", "DD", "E", "F", "FF", "G", "GG", "H", "HH", "I", "J", "JJ", "K"]
_DASH = r"\s*(?:–|-|—|bis|to)\s*"
# what stands between a size and what it maps to: "S:", "S =", "M (", "S fits", "L entspricht", "M passt über"
_SEPARATOR = re.compile(
    r"\s*(?:[:=(]|\bfits\b|\bpasst\b|\bpassen\b|\büber\b|\bentspricht\b|\bentsprechen\b|\bcorresponds? to\b|\bequals\b|\bis\b|\bfür\b|\bfor\b)",
    re.I)
_UNIT = re.compile(rf"\d+(?:[.,]\d+)?(?:{_DASH}\d+(?:[.,]\d+)?)?\s*(?:cm|mm|kg|m|in|inch(?:es)?|\"|jahre|years|monate|months)\b", re.I)
# a number after a body measure's name is that measure, no size ("Brust 92 / Hüfte 100", "chest 42")
_BODY = re.compile(rf"(?i:\b(?:unterbrust|underbust|oberweite|brust|chest|bust|hüft|hips?|taille|bund|waist|läng|length|inseam|schritt|kopf|head"
                   rf"|körper|height|gewicht|weight)\w*)\s*:?\s*\d+(?:[.,]\d+)?(?:{_DASH}\d+(?:[.,]\d+)?)?")
_BRA_SPAN = re.compile(rf"(?<![\w/.,])(\d{{2,3}}){_DASH}(\d{{2,3}})\s*([A-K]{{1,2}}){_DASH}([A-K]{{1,2}})(?![\w])")
_BRA_RANGE = re.compile(rf"(?<![\w/.,])(\d{{2,3}})([A-K]{{1,2}}){_DASH}(\d{{2,3}})([A-K]{{1,2}})(?![\w])")
_BRA = re.compile(r"(?<![\w/.,])(\d{2,3})\s?([A-K]{1,2})(?![\w])")
_TAGGED = re.compile(rf"\b(UK|US|EU|DE|FR|IT)\s?(\d{{1,2}}(?:[.,]5)?)(?:{_DASH}(\d{{1,2}}(?:[.,]5)?))?(?![\w])", re.I)
_NUMBERS = re.compile(rf"(?<![\w.,])(\d{{2}}(?:[.,]5)?)((?:\s*/\s*\d{{2}}(?:[.,]5)?)+|{_DASH}\d{{2}}(?:[.,]5)?)?(?![\w]|[.,]\d)")
_LETTER = re.compile(rf"(?<![\w/])(XXXL|{'|'.join(sorted(_LETTERS, key=len, reverse=True))})(?:{_DASH}(XXXL|{'|'.join(sorted(_LETTERS, key=len, reverse=True))}))?(?![\w/])")


@dataclass(frozen=True)
class Mapped:
    """What one product size maps to: bra sizes (band, cup), system-tagged and plain number
    ranges (low, high), letters; and the line saying so."""

    size: str
    bras: frozenset[tuple[int, str]]
    tagged: tuple[tuple[str, float, float], ...]
    plain: tuple[tuple[float, float], ...]
    letters: frozenset[str]
    line: str


def _letter(word: str) -> str:
    return "3XL" if word.upper() == "XXXL" else word.upper()


def _cup_range(low: str, high: str) -> list[str]:
    if low not in _CUPS or high not in _CUPS:
        return []
    return _CUPS[_CUPS.index(low): _CUPS.index(high) + 1]


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _read(size: str, segment: str, line: str, top_cup: str) -> Mapped | None:
    """The equivalents one segment names (units such as "88–95 cm" are body measures, no size)."""
    rest = _UNIT.sub(" ", _BODY.sub(" ", segment))
    bras: set[tuple[int, str]] = set()
    for m in _BRA_SPAN.finditer(rest):  # "70–75 B–D": every band with every cup
        bras |= {(band, cup) for band in range(int(m.group(1)), int(m.group(2)) + 1, 5) for cup in _cup_range(m.group(3), m.group(4))}
    rest = _BRA_SPAN.sub(" ", rest)
    for m in _BRA_RANGE.finditer(rest):  # "65A–70B": band after band, the first from its cup up, the last up to its cup
        low, high = int(m.group(1)), int(m.group(3))
        for band in range(low, high + 1, 5):
            first = m.group(2) if band == low else "A"
            last = m.group(4) if band == high else (top_cup if low != high else m.group(4))
            bras |= {(band, cup) for cup in _cup_range(first, last)}
    rest = _BRA_RANGE.sub(" ", rest)
    bras |= {(int(m.group(1)), m.group(2)) for m in _BRA.finditer(rest) if m.group(2) in _CUPS}
    rest = _BRA.sub(" ", rest)
    tagged = tuple((m.group(1).upper(), _number(m.group(2)), _number(m.group(3) or m.group(2))) for m in _TAGGED.finditer(rest))
    rest = _TAGGED.sub(" ", rest)
    plain: list[tuple[float, float]] = []
    for m in _NUMBERS.finditer(rest):
        more = m.group(2) or ""
        if "/" in more:  # "36/38": each
            plain += [(_number(n), _number(n)) for n in [m.group(1), *re.findall(r"\d{2}(?:[.,]5)?", more)]]
        else:
            high = re.search(r"\d{2}(?:[.,]5)?", more)
            plain.append((_number(m.group(1)), _number(high.group(0)) if high else _number(m.group(1))))
    letters: set[str] = set()
    for m in _LETTER.finditer(rest):
        low, high = _letter(m.group(1)), _letter(m.group(2) or m.group(1))
        if low in _LETTERS and high in _LETTERS:
            letters |= set(_LETTERS[_LETTERS.index(low): _LETTERS.index(high) + 1])
    if not (bras or tagged or plain or letters):
        return None
    return Mapped(size, frozenset(bras), tagged, tuple(plain), frozenset(letters), line)


def _anchor(value: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/.,–-]){re.escape(value)}(?![\w/]|[.,]\d|\s*[–-]\s*\w)(?={_SEPARATOR.pattern})", re.I if len(value) > 2 else 0)


def _sentence(line: str, at: int) -> str:
    """The sentence of the line around a position, to quote ("Größen: S = 36/38, …" without what follows)."""
    starts = [0, *(m.end() for m in re.finditer(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", line))]
    begin = max(s for s in starts if s <= at)
    end = next((s for s in starts if s > at), len(line))
    return line[begin:end].strip()


def mappings(lines: list[str], values: list[str]) -> list[Mapped]:
    """Every product size the text maps to sizes of another system, per line: segments after a
    size and a separator ("S = …, M = …"), else a short table row starting with the size whose
    other cells name letters, bra or system sizes ("43/44  43–44 cm  XL")."""
    values = [v for v in dict.fromkeys(values) if v.strip()]
    top = max((c for line in lines for c in re.findall(r"(?<![\w/.,])\d{2,3}([A-K]{1,2})(?![\w])", line) if c in _CUPS),
              key=_CUPS.index, default="D")
    found: list[Mapped] = []
    for line in lines:
        anchors = sorted((m.start(), m.end(), v) for v in values for m in _anchor(v).finditer(line))
        anchors = [a for i, a in enumerate(anchors) if not any(b[0] <= a[0] < b[1] and b != a for b in anchors[:i])]
        if anchors:
            for i, (start, end, value) in enumerate(anchors):
                stop = anchors[i + 1][0] if i + 1 < len(anchors) else len(line)
                segment = _SEPARATOR.sub(" ", line[end:stop], count=1)
                if (mapped := _read(value, segment, _sentence(line, start), top)) is not None:
                    found.append(mapped)
            continue
        words = line.split()
        if 2 <= len(words) <= 8 and words[0] in values:  # a table row: the size first, its equivalents after
            mapped = _read(words[0], " ".join(words[1:]), line, top)
            if mapped is not None and not mapped.plain:  # bare numbers in a row are measures of a chart
                found.append(mapped)
    return found


@dataclass(frozen=True)
class Said:
    """The usual size the shopper gives: a bra size, a number with its system, a plain number or a letter."""

    shown: str
    bra: tuple[int, str] | None = None
    system: str = ""
    number: float | None = None
    letter: str = ""


def said_size(text: str) -> Said | None:
    """The shopper's size in another system: "75C", "UK 12", "42" (not "42 cm"), "XL"."""
    plain = _UNIT.sub(" ", _BODY.sub(" ", text))
    if (m := _BRA.search(plain)) and m.group(2) in _CUPS and 28 <= int(m.group(1)) <= 130:
        return Said(f"{m.group(1)}{m.group(2)}", bra=(int(m.group(1)), m.group(2)))
    if m := _TAGGED.search(plain):
        return Said(f"{m.group(1).upper()} {m.group(2)}", system=m.group(1).upper(), number=_number(m.group(2)))
    if m := re.search(r"(?<![\w.,/–-])(\d{2})(?![\w/–-]|[.,]\d|\s*(?:–|-|bis|to)\s*\d)", plain):
        return Said(m.group(1), number=_number(m.group(1)))
    if m := re.search(r"(?<![\w/])(XXS|XS|XXXL|3XL|XXL|XL)(?![\w/])|(?i:\b(?:größe|gr\.|size|trage|wear)\s+(?:\w+\s+)?)(S|M|L)\b", plain):
        return Said(_letter(m.group(1) or m.group(2)), letter=_letter(m.group(1) or m.group(2)))
    return None


def _holds(mapped: Mapped, said: Said) -> bool:
    if said.bra is not None:
        return said.bra in mapped.bras
    if said.letter:
        return said.letter in mapped.letters
    if said.number is None:
        return False
    if said.system and said.system not in ("EU", "DE"):
        return any(s == said.system and lo <= said.number <= hi for s, lo, hi in mapped.tagged)
    return any(lo <= said.number <= hi for lo, hi in mapped.plain) \
        or any(s in ("EU", "DE") and lo <= said.number <= hi for s, lo, hi in mapped.tagged)


def mapped_size(lines: list[str], values: list[str], text: str) -> tuple[str, str, str] | None:
    """(the product's size, the size as said, the line) for a usual size in another system that
    the text maps to exactly one of the product's sizes; None when it maps to none or several."""
    said = said_size(text)
    if said is None or (said.number is not None and not said.system and said.shown in values):
        return None  # "Ich trage 42" on a product sized 42: its own size
    found = {m.size: m.line for m in mappings(lines, values) if _holds(m, said)}
    if len(found) != 1:
        return None
    size, line = next(iter(found.items()))
    return size, said.shown, line
