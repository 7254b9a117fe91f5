"""Sizes that are the foot length in cm (Mondopoint ski boots): a foot length gives the size of
that length, or the next one up (catalog/size_chart.py)."""

from __future__ import annotations

import pytest

from catalog.size_chart import Measurement, chart, sizes_for
from tests.test_variants import optioned

_RUN = ["25.5", "26.0", "26.5", "27.0", "27.5"]


def _boot(option: str, text: dict[str, str]):
    p = optioned("boot", (option,), [(v, 3) for v in _RUN], size_option=option)
    p.description = text
    return p


@pytest.mark.parametrize(
    ("option", "text"),
    [
        ("Mondopoint", {"de": "Pistenskischuh mit Flex 120."}),  # the standard names the measure
        (
            "Größe",
            {
                "de": "Skischuh. Mondopoint entspricht Ihrer Fußlänge in Zentimetern. Zwischen zwei Größen die größere."
            },
        ),
        ("Größe", {"de": "Tourenschuh. Größe = Fußlänge in cm."}),
        ("Size", {"en": "Touring boot. Mondopoint is your foot length in cm."}),
        ("Size", {"en": "Ski boot. Sizes are the foot length in centimetres."}),
    ],
)
def test_sizes_that_are_the_foot_length(option, text):
    lang = next(iter(text))
    rows = chart(_boot(option, text), lang)
    assert {r.measure for r in rows} == {"foot"} and [r.size for r in rows] == _RUN
    assert [r.size for r in sizes_for(rows, Measurement("foot", 26.0))[0]] == ["26.0"]
    assert [r.size for r in sizes_for(rows, Measurement("foot", 27.3))[0]] == [
        "27.5"
    ]  # between two: the next one up


def test_numbered_sizes_without_the_foot_length_said_chart_nothing():
    assert (
        chart(_boot("Größe", {"de": "Kletterschuh aus Leder. Messen Sie Ihre Fußlänge."}), "de")
        == []
    )
    assert chart(_boot("Size", {"en": "Climbing shoe. Measure your foot length."}), "en") == []


def test_a_foot_length_of_exactly_one_size_is_that_size_not_between_its_neighbours():
    from actions.size_chart_answer import rows_for

    rows = chart(_boot("Mondopoint", {"en": "Ski boot."}), "en")
    assert [r.size for r in rows_for(rows, Measurement("foot", 26.0))[0]] == ["26.0"]
    assert [r.size for r in rows_for(rows, Measurement("foot", 26.3))[0]] == [
        "26.0",
        "26.5",
    ]  # between two: the shop's rule picks


@pytest.mark.parametrize(
    ("lang", "header"), [("de", "Mondopoint EU Alter"), ("en", "Mondopoint EU Age")]
)
def test_a_table_whose_size_column_is_mondopoint(lang, header):
    rows = "\n".join(
        f"{v} {int(float(v) * 1.5) - 1} 8" for v in _RUN
    )  # the table as the import keeps it
    p = _boot("Größe", {lang: f"Kids' ski boot.\n{header}\n{rows}"})
    found = chart(p, lang)
    assert {r.measure for r in found} == {"foot"}
    assert [r.size for r in sizes_for(found, Measurement("foot", 25.7))[0]] == ["26.0"]
