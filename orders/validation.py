"""Checks and normal forms for what a shopper types: to prove an order is theirs (chat), and the
contact and address of a new order (the shop's checkout form and the orders backend, which
use the same functions, so the form accepts exactly what the backend stores).

Each `clean_*` returns the normal form or raises `InvalidInput` with a field name the bot or
the form turns into a sentence (`order_number`, `email`, `postal_code`, `name`, `street`,
`city`, ...), so bad input is explained, never looked up or stored.
"""

from __future__ import annotations

import re
import unicodedata

ORDER_NUMBER = re.compile(r"[0-9]{6}")
EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}")
POSTAL_CODE = re.compile(r"[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]")
MAX_EMAIL = 254


ADDRESS_LIMITS = {"name": 200, "street": 200, "city": 100}  # characters


class InvalidInput(ValueError):
    """`field` names what was wrong: order_number, email, postal_code, name, street, city, ..."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class InvalidFields(InvalidInput):
    """Several fields were wrong at once; `errors` has one `InvalidInput` per field (a form
    shows them all), `field` is the first."""

    def __init__(self, errors: list[InvalidInput]):
        super().__init__(errors[0].field, "; ".join(f"{e.field}: {e}" for e in errors))
        self.errors = errors


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


def clean_line(field: str, value: object, limit: int) -> str:
    """A one-line text (name, street, city): trimmed, 1 to `limit` characters, no control characters."""
    text = value.strip() if isinstance(value, str) else ""
    if not 1 <= len(text) <= limit or any(unicodedata.category(ch) == "Cc" for ch in text):
        raise InvalidInput(field, f"1 to {limit} characters on one line")
    return text


def clean_address(*, email: str, name: str, street: str, postal_code: str, city: str) -> dict[str, str]:
    """The contact and address of a new order in normal form; `InvalidFields` names every bad field."""
    checks = {
        "email": lambda: clean_email(email),
        "name": lambda: clean_line("name", name, ADDRESS_LIMITS["name"]),
        "street": lambda: clean_line("street", street, ADDRESS_LIMITS["street"]),
        "postal_code": lambda: clean_postal_code(postal_code),
        "city": lambda: clean_line("city", city, ADDRESS_LIMITS["city"]),
    }
    out: dict[str, str] = {}
    errors: list[InvalidInput] = []
    for field, check in checks.items():
        try:
            out[field] = check()
        except InvalidInput as exc:
            errors.append(exc)
    if errors:
        raise InvalidFields(errors)
    return out
