"""Products sized by the shoe size they fit: socks in shoe-size ranges ("47–50") and gaiters
whose table gives the shoe sizes of each size ("S/M 36–42"), asked with a shoe size
(catalog/size_rules.py, actions/size_advice.py)."""

from __future__ import annotations

import pytest

from actions import size_advice
from catalog.size_rules import by_shoe_size
from catalog.size_table import text_lines
from tests.test_variants import optioned

_SOCKS = ["35–38", "39–42", "43–46", "47–50"]


def _gaiters(lang: str):
    p = optioned("gaiters", ("Size",), [("S/M", 3), ("L/XL", 2)], size_option="Size")
    header = {
        "de": "<tr><th>Größe</th><th>Schuhgröße</th></tr>",
        "en": "<tr><th>Size</th><th>Shoe size</th></tr>",
    }[lang]
    p.description = {
        lang: f"<p>Gaiters, 40 cm.</p><table>{header}<tr><td>S/M</td><td>36–42</td></tr><tr><td>L/XL</td><td>43–48</td></tr></table>"
    }
    return p


def test_a_shoe_size_in_a_range_of_sizes():
    assert by_shoe_size(_SOCKS, [], 48) == ("47–50", "47–50")
    assert by_shoe_size(_SOCKS, [], 42) == ("39–42", "39–42")
    assert by_shoe_size(_SOCKS, [], 51) is None
    assert by_shoe_size(["S", "M"], [], 42) is None


@pytest.mark.parametrize(("lang", "shoe", "size"), [("de", 42, "S/M"), ("en", 44, "L/XL")])
def test_a_shoe_size_in_the_shoe_size_column_of_a_table(lang, shoe, size):
    p = _gaiters(lang)
    found = by_shoe_size(["S/M", "L/XL"], text_lines(p, lang), shoe)
    assert found is not None and found[0] == size


@pytest.mark.parametrize(
    ("text", "lang", "size"),
    [
        ("Ich habe Schuhgröße 42 – welche Gamaschengröße?", "de", "S/M"),
        ("I wear EU 44 boots. Which size gaiters?", "en", "L/XL"),
    ],
)
def test_the_usual_shoe_size_on_gaiters(monkeypatch, text, lang, size):
    monkeypatch.setattr(size_advice, "say", lambda key, lang, **kw: f"{key}:{kw.get('size')}")
    assert size_advice._by_shoe_size(_gaiters(lang), text, lang) == (size, f"size_row_own:{size}")
    assert size_advice._by_shoe_size(_gaiters(lang), "Is it 40 cm high?", lang) is None


@pytest.mark.parametrize(("lang", "said", "size"), [("de", 40, "25.5"), ("en", 42, "27.0")])
def test_an_eu_size_in_the_eu_column_of_a_boot_sized_in_mondopoint(lang, said, size):
    from catalog.size_table import tables

    run = ["25.0", "25.5", "26.0", "27.0"]
    p = optioned("boot", ("Mondopoint",), [(v, 3) for v in run], size_option="Mondopoint")
    rows = "\n".join(f"{v} {eu} {v} cm" for v, eu in zip(run, (39, 40, 40.5, 42), strict=True))
    p.description = {
        lang: f"Ski boot.\nMondopoint EU {'Fußlänge' if lang == 'de' else 'Foot length'}\n{rows}"
    }
    found = by_shoe_size(run, text_lines(p, lang), said, tables(p, lang))
    assert found is not None and found[0] == size
    assert (
        by_shoe_size(run, text_lines(p, lang), 44, tables(p, lang)) is None
    )  # not in the shop's table: no guess
