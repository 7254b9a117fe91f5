"""Order number, e-mail and postal code found in free text (orders/parse.py)."""

from __future__ import annotations

import pytest

from orders import parse as p


@pytest.mark.parametrize(
    "text, number, email, postcode",
    [
        ("it's 100234, anna@example.org", "100234", "anna@example.org", None),
        ("Anna@Example.ORG und die Nummer ist #100234", "100234", "anna@example.org", None),
        ("Bestellung Nr. 100234, PLZ 10115", "100234", None, "10115"),
        ("100234 1010", "100234", None, "1010"),
        ("order no. 100234, postcode SW1A 1AA", "100234", None, "SW1A 1AA"),
        ("my postcode is sw1a1aa", None, None, "SW1A 1AA"),
        ("postcode 1012ab, order 100234", "100234", None, "1012 AB"),
        ("ZIP 10001-1234", None, None, "10001-1234"),
        ("8001", None, None, "8001"),
        ("where is my order?", None, None, None),
        ("anna.berg+shop@mail.example.co.uk.", None, "anna.berg+shop@mail.example.co.uk", None),
    ],
)
def test_finds_the_parts_in_any_order(text, number, email, postcode):
    info = p.parse(text)
    assert (info.order_number, info.email, info.postcode) == (number, email, postcode)
    assert info.problems == ()


def test_digits_inside_an_email_are_not_an_order_number():
    info = p.parse("kunde123456@example.org")
    assert info.order_number is None and info.email == "kunde123456@example.org"


def test_wrong_length_order_number_is_reported_with_its_length():
    info = p.parse("12345", expect="order_number")
    assert info.order_number is None and info.postcode is None
    assert info.problems == (p.NUMBER_LENGTH,) and info.wrong_digits == 5
    assert p.parse("10023456", expect="order_number").wrong_digits == 8
    # the same digits are a postal code when the bot asked for the contact
    assert p.parse("12345", expect="contact").postcode == "12345"


def test_nothing_usable_gets_a_missing_code():
    assert p.parse("keine Ahnung", expect="order_number").problems == (p.NUMBER_MISSING,)
    assert p.parse("weiß ich nicht", expect="contact").problems == (p.CONTACT_MISSING,)


@pytest.mark.parametrize("text", ["anna@example", "anna@@example.org", "@example.org", "anna@exa mple.org"])
def test_bad_email_is_reported(text):
    info = p.parse(text, expect="contact")
    assert info.email is None
    assert p.EMAIL_INVALID in info.problems


def test_decimal_numbers_and_prices_are_not_order_numbers():
    assert p.find_order_number("it cost 100234.50") is None
    assert p.find_order_number("1002345") is None
    assert p.find_order_number("#100234!") == "100234"


@pytest.mark.parametrize(
    "text",
    [
        "100234'; DROP TABLE orders; --",
        "100234 OR 1=1",
        "<script>alert(1)</script> 100234",
        "100234<img src=x onerror=alert(1)>",
    ],
)
def test_sql_and_html_are_just_text(text):
    info = p.parse(text, expect="order_number")
    assert info.order_number == "100234"
    assert info.email is None


def test_html_around_an_email_is_not_part_of_it():
    assert p.parse("<b>anna@example.org</b>").email == "anna@example.org"
    assert "'" not in (p.parse("x' OR '1'='1@example.org").email or "")


def test_postcode_normalisation():
    assert p.normalize_postcode(" ec1a 1bb ") == "EC1A 1BB"
    assert p.normalize_postcode("1012 ab") == "1012 AB"
    assert p.normalize_postcode("10115") == "10115"


def test_contact_prefers_email():
    info = p.parse("anna@example.org 10115")
    assert info.contact == "anna@example.org"
