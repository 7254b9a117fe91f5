"""Order number, e-mail address and postal code in a shopper's free text.

"it's 100234, anna@example.org", "Bestellung Nr. 100234", "#100234 / 1012 AB": the parts may
come in any order, in one message or several. Everything found is plain text; nothing here
is ever put into a query string or a page, so SQL or HTML in a message is just characters.

Problems come back as reason codes (`NUMBER_LENGTH`, `EMAIL_INVALID`, ...) that the bot turns
into a clear sentence (see `actions/texts.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ORDER_NUMBER_DIGITS = 6
MAX_EMAIL = 254

# reason codes
NUMBER_LENGTH = "order_number_length"  # digits given, but not six
NUMBER_MISSING = "order_number_missing"  # nothing that looks like an order number
EMAIL_INVALID = "email_invalid"  # has an "@", but is no usable address
CONTACT_MISSING = "contact_missing"  # neither an e-mail address nor a postal code

_EMAIL_CANDIDATE = re.compile(r"[^\s@<>()\[\],;:\"'`]*@[^\s@<>()\[\],;:\"'`]*")
_EMAIL_VALID = re.compile(
    r"[a-z0-9!#$%&*+/=?^_{|}~-]+(?:\.[a-z0-9!#$%&*+/=?^_{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}"
)
_ORDER_NUMBER = re.compile(r"(?<![\d.,/-])\d{6}(?![\d.,/]\d|\d)")
_DIGITS = re.compile(r"(?<![\d.,])\d+(?![.,]?\d)")

# postal codes: (country, pattern); the first match wins, so the specific formats come first
_POSTCODES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("UK", re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b", re.I)),
    ("NL", re.compile(r"(?<![\d-])([1-9]\d{3}) ?((?!SA|SD|SS)[A-Z]{2})\b", re.I)),
    ("US", re.compile(r"(?<![\d-])(\d{5})-(\d{4})(?!\d)")),
    ("DE", re.compile(r"(?<![\d.,#-])(\d{5})(?![.,]?\d)")),  # also US ZIP
    ("AT", re.compile(r"(?<![\d.,#-])([1-9]\d{3})(?![.,]?\d)")),  # also CH
)


@dataclass(frozen=True)
class OrderInfo:
    """What one message says about an order; `problems` holds reason codes."""

    order_number: str | None = None
    email: str | None = None
    postcode: str | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)
    wrong_digits: int | None = None  # length of a digit run given where an order number was wanted

    @property
    def contact(self) -> str | None:
        return self.email or self.postcode


def normalize_postcode(value: str) -> str:
    """Upper case, single spaces: "sw1a1aa" -> "SW1A 1AA", "1012ab" -> "1012 AB"."""
    value = re.sub(r"\s+", "", value.upper())
    if m := re.fullmatch(r"([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})", value):
        return f"{m.group(1)} {m.group(2)}"
    if m := re.fullmatch(r"(\d{4})([A-Z]{2})", value):
        return f"{m.group(1)} {m.group(2)}"
    return value


def is_email(value: str) -> bool:
    return len(value) <= MAX_EMAIL and _EMAIL_VALID.fullmatch(value.lower()) is not None


def find_email(text: str) -> tuple[str | None, bool]:
    """(address, something with an "@" was there): the first valid address, lower-cased."""
    candidates = [c.strip(".!?") for c in _EMAIL_CANDIDATE.findall(text)]
    for candidate in candidates:
        if is_email(candidate):
            return candidate.lower(), True
    return None, bool(candidates)


def find_order_number(text: str) -> str | None:
    m = _ORDER_NUMBER.search(text)
    return m.group(0) if m else None


def find_postcode(text: str) -> str | None:
    for _country, pattern in _POSTCODES:
        if m := pattern.search(text):
            return normalize_postcode(m.group(0))
    return None


def parse(text: str, expect: str | None = None) -> OrderInfo:
    """Order number, e-mail and postal code in `text`.

    `expect` is what the bot just asked for ("order_number" or "contact"): a lone digit run
    of the wrong length is then reported as a wrong order number (not read as a postal code),
    and a message with nothing usable gets the matching "missing" code.
    """
    text = text or ""
    problems: list[str] = []
    email, had_at = find_email(text)
    if had_at and email is None:
        problems.append(EMAIL_INVALID)
    rest = _EMAIL_CANDIDATE.sub(" ", text)  # digits inside an address are not numbers
    number = find_order_number(rest)
    if number:
        rest = rest.replace(number, " ", 1)
    wrong = None
    postcode = None
    if expect == "order_number" and not number:
        runs = _DIGITS.findall(rest)
        if runs:
            wrong = len(runs[0])
            problems.append(NUMBER_LENGTH)
        elif not email:
            problems.append(NUMBER_MISSING)
    else:
        postcode = find_postcode(rest)
    if expect == "contact" and not (email or postcode) and not had_at:
        runs = _DIGITS.findall(rest)
        if runs and not number and len(runs[0]) > ORDER_NUMBER_DIGITS:
            wrong = len(runs[0])
        problems.append(CONTACT_MISSING)
    return OrderInfo(order_number=number, email=email, postcode=postcode, problems=tuple(problems), wrong_digits=wrong)


# --- which order lines a message means ("the jacket", "1 and 3", "beide") ------------------

ALL_WORDS = re.compile(r"\b(alle|alles|beide|beides|komplett|gesamte|ganze|all|both|everything|whole|entire)\b", re.I)
_ORDINAL_WORDS = {
    1: r"erste[nrms]?|first", 2: r"zweite[nrms]?|second", 3: r"dritte[nrms]?|third",
    4: r"vierte[nrms]?|fourth", 5: r"fünfte[nrms]?|fifth",
}  # fmt: skip
_LAST = re.compile(r"\b(letzte[nrms]?|last)\b", re.I)
_STOP = set("""ich möchte moechte will würde gerne gern bitte zurück zurueck zurückschicken zurückgeben zurücksenden
    umtauschen tauschen retournieren retoure rücksendung artikel bestellung meine meinen mein meiner einen eine ein
    der die das den dem des und oder mit aus von für statt gegen sind ist war habe hatte nicht auch noch
    want would like return send back exchange swap order item items the and with from for instead this that these
    those them they it's its mine have please thanks thank just only one ones size colour color""".split())


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-zäöüß]+", text.lower()) if len(w) >= 4 and w not in _STOP]


def pick_lines(text: str, lines: list[tuple[int, str, str]]) -> list[int]:
    """Line ids a message names, in order: "all"/"beide" -> every line; list positions
    ("2", "die erste", "the last one", a button's `"item": "2"`); else product words, where a
    title or tag word ("jacke" in "Regenjacke") weighs more than a description word.
    `lines` holds (line id, title and tag text, description text)."""
    if not lines:
        return []
    if ALL_WORDS.search(text or ""):
        return [line for line, _, _ in lines]
    lowered = (text or "").lower()
    positions: set[int] = set()
    for match in re.finditer(r"(?<![\w.,])(\d)(?![\d.,]?\d)", lowered):
        if 1 <= int(match.group(1)) <= len(lines):
            positions.add(int(match.group(1)))
    for position, pattern in _ORDINAL_WORDS.items():
        if position <= len(lines) and re.search(rf"\b({pattern})\b", lowered):
            positions.add(position)
    if _LAST.search(lowered):
        positions.add(len(lines))
    if positions:
        return [lines[p - 1][0] for p in sorted(positions)]
    # each word votes for the line it fits best: whole word (German compounds: "jacke" in
    # "regenjacke") > shared stem ("socken" ~ "socks") > description word
    prepared = []
    for line, strong, weak in lines:
        strong_l = strong.lower()
        stems = {t[:4] for t in re.findall(r"[a-zäöüß]+", strong_l) if len(t) >= 4}
        prepared.append((line, strong_l, stems, weak.lower()))
    winners: list[int] = []
    tied: list[int] = []
    for word in _words(lowered):
        scored = [(3 if word in strong_l else 2 if word[:4] in stems else 1 if word in weak_l else 0, line)
                  for line, strong_l, stems, weak_l in prepared]  # fmt: skip
        best = max(score for score, _ in scored)
        top = [line for score, line in scored if score == best and best > 0]
        if len(top) == 1:
            winners.append(top[0])
        else:
            tied += top
    chosen = set(winners) or set(tied)
    return [line for line, _, _ in lines if line in chosen]
