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


# a value's words around its one number, a note in brackets left aside: "10 oz", "Größe 2 (2,7 m)", "Stufe 3"
_AFFIXED = re.compile(r"\s*([^\W\d_][^\d()]*?)?\s*(\d+(?:[.,]\d+)?)\s*([^\W\d_][^\d()]*?)?\s*(?:\([^)]*\))?\s*")
_SIZE_WORDS = r"(?:größe|groesse|grösse|gr\.?|size)"  # "size 6" asks a value written "Größe 6"


def _affix_pattern(affix: str) -> str:
    if re.fullmatch(_SIZE_WORDS, affix):
        return _SIZE_WORDS
    return r"\s*".join(re.escape(w) for w in affix.split())


def affixed_number(values: list[str]) -> Callable[[str], tuple[str, float] | None] | None:
    """A reader of values written as one number with the same words before or after it ("10 oz" …
    "16 oz", "Größe 2 (2,7 m)" … "Größe 7 (5,2 m)"), or None when the values share no such words.
    The reader returns the message's token of that pattern ("8 oz", "Größe 8", also "size 8") and
    its number, offered or not, when the number lies within the run of the values: so a value
    that is not offered is said to be not offered instead of the question going unread."""
    parsed = [_AFFIXED.fullmatch(v) for v in values]
    if len(values) < 2 or not all(parsed):
        return None
    befores = {(m.group(1) or "").strip().lower() for m in parsed if m}
    afters = {(m.group(3) or "").strip().lower() for m in parsed if m}
    if len(befores) > 1 or len(afters) > 1 or befores == afters == {""}:
        return None
    before, after = befores.pop(), afters.pop()
    numbers = [float(m.group(2).replace(",", ".")) for m in parsed if m]
    low, high = min(min(numbers) * _RUN[0], min(numbers) - 2), max(max(numbers) * _RUN[1], max(numbers) + 2)  # small steps: "Stufe 4" of 1 … 3
    head = rf"(?<![\w.,]){_affix_pattern(before)}\s*-?\s*" if before else r"(?<![\w.,/-])"
    tail = rf"\s*-?\s*{_affix_pattern(after)}(?!\w)" if after else r"(?![\w/]|[.,]\d)"
    token = re.compile(rf"{head}(\d+(?:[.,]\d+)?){tail}", re.I)

    def read(text: str) -> tuple[str, float] | None:
        for m in token.finditer(text):
            number = float(m.group(1).replace(",", "."))
            if low <= number <= high:
                return m.group(0).strip(), number
        return None

    return read


def affixed_values(values: list[str], number: float) -> tuple[str, ...]:
    """The values whose one number is `number` ("12 oz" of 12)."""
    return tuple(v for v in values if (m := _AFFIXED.fullmatch(v)) and float(m.group(2).replace(",", ".")) == number)


_LABELLED = re.compile(r"(?<![^\W\d_])(EU|UK|US)\s*(\d{1,2}(?:[.,]5)?)(?![\d.,]\d|\d)", re.I)


def _labels(value: str) -> dict[str, float]:
    return {m.group(1).upper(): float(m.group(2).replace(",", ".")) for m in _LABELLED.finditer(value)}


def labelled_sizes(values: list[str], size: str, text: str) -> tuple[str, ...]:
    """The values that hold `size` by a system label ("EU 37" of 37, "EU 42 / UK 8" of "UK 8"):
    the system the text names when the values label it ("UK 8" as it stands, not converted),
    else the EU one; none when the size is no number."""
    try:
        number = float(size.replace(",", "."))
    except ValueError:
        return ()
    labelled = {v: _labels(v) for v in values}
    for m in _LABELLED.finditer(text):
        system, said = m.group(1).upper(), float(m.group(2).replace(",", "."))
        if any(system in parts for parts in labelled.values()):
            return tuple(v for v, parts in labelled.items() if parts.get(system) == said)
    return tuple(v for v, parts in labelled.items() if parts.get("EU") == number)


_DIMENSION = r"(\d{2,3})\s*[x×]\s*(\d{2,3})(?:\s*[x×]\s*(\d{1,3}))?"


def asked_dimensions(values: list[str], text: str) -> str | None:
    """"180x200" asked of values that all are such dimensions ("90x200", "140x200 cm") and none of
    which it is: a size the product does not come in, said so instead of going unread."""
    parsed = [re.match(rf"\s*{_DIMENSION}", v) for v in values]
    if len(values) < 2 or not all(parsed):
        return None
    arity = {m.lastindex for m in parsed if m}
    m = re.search(rf"(?<![\w.,]){_DIMENSION}(?![\w.,]\d)", text)
    if m is None or len(arity) > 1 or m.lastindex not in arity:
        return None
    return m.group(0) if all(p.groups() != m.groups() for p in parsed if p) else None


_SIGNED = re.compile(r"(?<![\w.,])([+\-−–]\s?\d{1,2}(?:[.,]\d{1,2})?)(?![\w]|[.,]\d)")


def _signed(token: str) -> float | None:
    m = re.fullmatch(r"\s*([+\-−–]?)\s?(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:dpt\.?|dioptrien|diopters?)?\s*", token, re.I)
    return None if m is None else (-1 if m.group(1) in "-−–" and m.group(1) else 1) * float(m.group(2).replace(",", "."))


def signed_value(values: list[str], text: str) -> tuple[str, tuple[str, ...]] | None:
    """A signed number the text asks of values that are signed numbers ("-4.0" of "-1,5" … "-6,0",
    "+2,5 dpt"; a word value beside them, "ohne", left aside): the token and the values equal to it
    (none when it lies within the values' run but is not offered: "-7,0" of "-1,5" … "-6,0")."""
    numbers = {v: n for v in values if (n := _signed(v)) is not None and re.search(r"[+\-−–]", v)}
    if len(numbers) < 2:
        return None
    low, high = min(numbers.values()) - 2, max(numbers.values()) + 2
    for m in _SIGNED.finditer(text):
        said = _signed(m.group(1))
        if said is not None and low <= said <= high:
            return m.group(1), tuple(v for v, n in numbers.items() if n == said)
    return None
