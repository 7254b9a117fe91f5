"""Option values read by their shape, where no lexicon knows the value the shopper asks for.

Two ways merchants write values that the size and colour readers miss:

- a size as a number with a letter before or after it, the same pattern for every value: bra
  sizes "75B" / "80C", waist sizes "W30" / "W32", suit sizes "50R", board lengths "154" /
  "158W". A token of the same pattern in the message ("in 90D?", "W38?", "auch in 166?") asks
  that option's value, offered or not (then the answer says it is not offered and names the
  nearest ones), when its number lies within the run of the values;
- a size option whose name says the sizing system ("Größe (UK)", "US Size", "EU-Größe"): "UK 9"
  in the message is its value "9" as it stands, not converted to another system;
- a colour value of several colours ("Rost/Navy kariert", "Schwarz/Rot", "Black & White"): the
  message names it when it names each of its colours ("rust/navy?"), in either language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_VALUE = re.compile(r"\s*([A-Za-z]{0,2})(\d{2,3})([A-Za-z]{0,2})\s*")
_TOKEN = re.compile(r"(?<![\w.,/-])([A-Za-z]{0,2})(\d{2,3})(?: ?([A-Za-z]{1,2}))?(?![\w/-]|[.,]\d)")  # "75B", "75 B"
_RUN = (0.8, 1.2)  # a number this far below the smallest / above the largest value still asks one


def shaped_size(values: list[str]) -> Callable[[str], str | None] | None:
    """A reader of the values' pattern (number with letters before or after it), or None when the
    values do not all share one. The reader returns the token of the message that asks a value of
    that pattern ("90D" of "70B" … "85D"), spelt like the values."""
    parsed = [_VALUE.fullmatch(v) for v in values]
    if len(values) < 2 or not all(parsed):
        return None
    prefixes = {m.group(1).upper() for m in parsed if m}
    suffixes = {m.group(3).upper() for m in parsed if m}
    if len(prefixes) > 1 or (prefixes == {""} and suffixes == {""}):
        return None  # bare numbers are read by the size readers; mixed prefixes are no one pattern
    numbers = [int(m.group(2)) for m in parsed if m]
    low, high = min(numbers) * _RUN[0], max(numbers) * _RUN[1]
    prefix = prefixes.pop()
    lettered = "" not in suffixes and all(len(s) == 1 for s in suffixes)  # a cup letter after every band

    def read(text: str) -> str | None:
        for m in _TOKEN.finditer(text):
            before, number, after = m.group(1).upper(), int(m.group(2)), (m.group(3) or "").upper()
            if before != prefix or not low <= number <= high:
                continue
            if (lettered and len(after) == 1 and after.isalpha()) or after in suffixes:
                return f"{before}{m.group(2)}{after}"
        return None

    return read


_PARTS = re.compile(r"\s*(?:/|&|\+|,|\bund\b|\band\b|\bmit\b|\bwith\b)\s*", re.I)


def several_colors(values: list[str], family: Callable[[str], str | None], text: str) -> tuple[str, ...]:
    """The values of several colours every one of which the message names ("rust/navy?" of
    "Rost/Navy kariert"); `family` gives a colour name's family (shade names too: "rust" is no
    colour in most messages, but beside "navy" asked of a value "Rost/Navy" it is one)."""
    colors = {f for w in re.findall(r"[^\W\d_]+", text) if (f := family(w))}
    found = []
    for value in values:
        parts = [p for p in _PARTS.split(value) if p.strip()]
        families = [family(p) for p in parts]
        if len(parts) > 1 and all(families) and len(set(families)) > 1 and set(families) <= colors:
            found.append(value)
    return tuple(found)


_SYSTEM = re.compile(r"(?<![^\W\d_])(UK|US|EU|FR|IT|JP)(?![^\W\d_])", re.I)


def system_size(option: str, text: str) -> tuple[str, tuple[int, int]] | None:
    """"9" and where it stands of "in UK 9" / "UK size 9" / "9 UK" when the option is named by that
    system ("Größe (UK)"); None when the option names no system or the text gives none of it."""
    named = _SYSTEM.search(option)
    if named is None:
        return None
    system = re.escape(named.group(1))
    m = re.search(rf"(?<![\w-]){system}\W{{0,2}}(?:size\W+|größe\W+|gr\.\s*)?(\d{{1,2}}(?:[.,]5)?)(?![\d.,]\d|\w)"
                  rf"|(?<![\w.,])(\d{{1,2}}(?:[.,]5)?)\s*{system}(?![\w-])", text, re.I)
    if m is None:
        return None
    return (m.group(1) or m.group(2)).replace(",", "."), m.span()
