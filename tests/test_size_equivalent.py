"""A named size of the product asked in another system ("Welche UK-Größe ist 90F?", "Was
bedeutet XL in Kragenweite?") is answered with the product text's own mapping line
(actions/size_equivalent.py); without such a line, or for a stock or fit question, it is not.
Made-up products, German and English."""

from __future__ import annotations

import pytest

from actions.size_equivalent import equivalent_reply
from tests.test_size_mapping import _product

SHIRT = {"de": "<p>Hemdgröße M entspricht Kragenweite 39/40.</p><p>L entspricht Kragenweite 41/42.</p><p>XL entspricht Kragenweite 43/44.</p>"}
BRA = {"en": "<ul><li>85E (UK 38DD)</li><li>90E (UK 40DD)</li><li>90F (UK 40E)</li></ul>"}
TOP = {"de": "Größen: S = 34/36, M = 38/40, L = 42/44."}


@pytest.mark.parametrize(
    ("values", "text", "question", "lang", "quoted"),
    [
        (["M", "L", "XL"], SHIRT, "Was bedeutet XL in Kragenweite?", "de", "43/44"),
        (["M", "L", "XL"], SHIRT, "Welche Kragenweite entspricht L?", "de", "41/42"),
        (["85E", "90E", "90F"], BRA, "Welche UK-Größe ist 90F?", "en", "UK 40E"),
        (["85E", "90E", "90F"], BRA, "What UK size is 85E?", "en", "UK 38DD"),
        (["S", "M", "L"], TOP, "Which EU size is the M?", "de", "38/40"),
    ],
)
def test_the_mapping_line_of_the_named_size(values, text, question, lang, quoted):
    reply = equivalent_reply(_product(values, text), question, lang)
    assert reply and quoted in reply, reply
    assert "Kragenweite" not in text.get("de", "") or reply.count("Kragenweite") == 1, reply  # only the named size's line


@pytest.mark.parametrize(
    ("values", "text", "question"),
    [
        (["M", "L", "XL"], SHIRT, "Ist XL noch da?"),  # stock, not another system
        (["M", "L", "XL"], SHIRT, "Was bedeutet das?"),  # no size named
        (["S", "M", "L"], {"de": "Aus Baumwolle, fällt normal aus."}, "Welche EU-Größe ist M?"),  # the text maps nothing
        (["M", "L", "XL"], SHIRT, "Welche Kragenweite entspricht L oder XL?"),  # two sizes named
        (["37", "38", "39"], {"de": "<p>37 = US 6,5 = 23,5 cm</p><p>38 = US 7,5 = 24 cm</p>"}, "Ich trage normalerweise 38, welche Größe soll ich nehmen?"),  # advice
    ],
)
def test_no_mapping_line_or_no_such_question(values, text, question):
    assert equivalent_reply(_product(values, text), question, "de") is None
