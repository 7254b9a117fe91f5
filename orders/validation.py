"""Checks and normal forms for what a shopper types to prove an order is theirs.

Each `clean_*` returns the normal form or raises `InvalidInput` with a code the bot turns into
a sentence (`order_number`, `email`, `postal_code`), so bad input is explained, never looked up.
"""

from __future__ import annotations

import re

ORDER_NUMBER = re.compile(r"[0-9]{6}")
EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}")
POSTAL_CODE = re.compile(r"[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]")
MAX_EMAIL = 254


class InvalidInput(ValueError):
    """`field` is one of order_number, email, postal_code."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def clean_order_number(value: str) -> str:
    """"#100234", " 100234 " -> "100234"; six digits."""
    text = re.sub(r"[\s#]", "", str(value))
    if not ORDER_NUMBER.fullmatch(text):
        raise InvalidInput("order_number", "an order number has six digits, e.g. 100234")
    return text


def clean_email(value: str) -> str:
    text = str(value).strip().lower()
    if len(text) > MAX_EMAIL or not EMAIL.fullmatch(text):
        raise InvalidInput("email", "not an e-mail address (name@example.org)")
    return text


def clean_postal_code(value: str) -> str:
    """The code as typed, trimmed and upper-case: "sw1a 1aa" -> "SW1A 1AA"; 3 to 10 characters with a digit."""
    text = re.sub(r"\s+", " ", str(value).strip().upper())
    if not POSTAL_CODE.fullmatch(text) or not any(ch.isdigit() for ch in text):
        raise InvalidInput("postal_code", "a postal code has 3 to 10 letters and digits, e.g. 10115")
    return text


def postal_key(value: str) -> str:
    """What two postal codes are compared by: "D-10115" and "10115" stay different, "1010 ab" == "1010AB"."""
    return re.sub(r"[\s]", "", clean_postal_code(value))
