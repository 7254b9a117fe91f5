"""An order placed at another shop: "Where is my Zalando order?", "order from Louis",
"Ich habe bei Otto bestellt", "meine Amazon-Bestellung". The bot knows only its own shop's
orders, so such a message gets the polite refusal, not the request for an order number.

The other shop is a capitalised name where people put a shop in an order question (before
"order" / "-Bestellung", after "order from / at", "bei … bestellt / gekauft"), that is none of
this shop's own name words, no brand the catalog sells (an order of a brand we carry is ours),
no place (an order "from Austria" is an order sent there), no day or month and no pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from catalog.lexicon import find_country

_NAME = r"(?P<name>[A-ZÄÖÜ][\w&'.-]*(?:\s+[A-ZÄÖÜ][\w&'.-]*){0,2})"
_SHAPES = [
    # "my Zalando order", "the Amazon order", "meine Amazon-Bestellung"
    re.compile(rf"\b(?:my|the|our|meine[rn]?|die|unsere[rn]?)\s+{_NAME}(?:\s+|-)(?:order|purchase|parcel|package|Bestellung|Lieferung|Paket)\b"),
    # "order from Louis", "order at Sport Schuster", "ordered on Etsy", "bought from Otto"
    re.compile(rf"\b(?:order|ordered|purchase|purchased|bought|parcel|package)\s+(?:\w+\s+){{0,3}}?(?:from|at|on|with|via)\s+{_NAME}"),
    # "Bestellung bei Otto", "bei Thomann bestellt", "bei Zalando gekauft", "Bestellung von Amazon"
    re.compile(rf"\b(?:Bestellung|Lieferung|Paket)\s+(?:\w+\s+){{0,2}}?(?:bei|von|über)\s+{_NAME}"),
    re.compile(rf"\b(?:bei|über)\s+{_NAME}\s+(?:\w+\s+){{0,3}}?(?:bestellt|gekauft|geordert)\b"),
]
_NOT_A_SHOP = {
    # pronouns, days, months, seasons and time words people put in the same places
    "ihnen", "euch", "ihr", "sie", "dir", "du", "you", "your", "us", "me", "i", "ich", "wir", "we",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "januar", "februar", "märz", "april", "mai",
    "juni", "juli", "august", "september", "oktober", "november", "dezember", "january", "february",
    "march", "may", "june", "july", "october", "december", "weihnachten", "christmas", "ostern", "easter",
    "black", "cyber", "woche", "week", "monat", "month", "jahr", "year", "gestern", "yesterday", "heute",
    "today", "letzte", "letzten", "last", "online", "internet", "website", "webseite", "shop", "store",
    "laden", "onlineshop", "webshop", "app", "telefon", "phone", "e-mail", "email", "mail",
    # carriers and ways to pay: "meine DHL-Lieferung" is an order of this shop on its way
    "dhl", "dpd", "gls", "hermes", "ups", "fedex", "tnt", "post", "postnl", "paypal", "klarna",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\wÄÖÜäöüß&'-]+", text)}


def other_shop(text: str, own_names: Iterable[str], brands: Iterable[str] = (), sells: Callable[[str], bool] = lambda w: False) -> str | None:
    """The other shop an order question names, or None. `own_names`: this shop's name, address
    and carriers; `brands`: the vendors the catalog sells; `sells(word)`: whether a word names
    something of the catalog ("meine Helm-Bestellung" is an order of helmets, not of a shop)."""
    own = set().union(*(_words(n) for n in own_names))
    sold = {b.lower() for b in brands if b}
    for shape in _SHAPES:
        for m in shape.finditer(text):
            name = m.group("name").strip(" .'-")
            words = _words(name)
            if not words or words & own or name.lower() in sold or words & sold:
                continue
            if any(w in _NOT_A_SHOP or sells(w) for w in words) or find_country(name):
                continue
            if re.fullmatch(r"[\d\W]+", name):
                continue
            return name
    return None
