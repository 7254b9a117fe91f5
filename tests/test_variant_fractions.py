"""The nearest versions in stock for sizes written as fractions, as string instruments and their
bows are sized ("1/2", "3/4", "4/4"): nearest by value, the larger first, and always in the same
order (the in-stock values are a set, whose order changes with Python's string hashes)."""

from __future__ import annotations

import os
import subprocess
import sys

from catalog.value_distance import fraction
from catalog.variants import find_asked, variant_state
from tests.test_variants import optioned


def cello():
    return optioned("cello", ("Größe",), [("1/8", 2), ("1/4", 3), ("1/2", 0), ("3/4", 4), ("4/4", 1)])


def test_a_fraction_is_a_number():
    assert fraction("3/4") == 0.75 and fraction(" 1/2 ") == 0.5 and fraction("4/4") == 1.0
    assert fraction("1/0") is None and fraction("42") is None and fraction("W32/L34") is None
    assert fraction("39/40") is None and fraction("92/98") is None  # a collar's and a kids' size pair
    pairs = optioned("hemd", ("Kragenweite",), [("37/38", 2), ("39/40", 0), ("41/42", 3), ("43/44", 1)])
    state = variant_state(pairs, find_asked(pairs, "Ist 39/40 vorrätig?"))
    assert set(state.alternatives["Kragenweite"][:2]) == {"41/42", "37/38"} and state.alternatives["Kragenweite"][2] == "43/44"


def test_the_nearest_fractions_first():
    for text in ("Ist die Größe 1/2 vorrätig?", "Is the 1/2 size in stock?"):
        state = variant_state(cello(), find_asked(cello(), text))
        assert state.state == "sold_out"
        assert state.alternatives["Größe"] == ["3/4", "1/4", "1/8"]  # 0.25 above before 0.25 below; 4/4 is farthest


def test_the_order_is_the_same_in_every_process():
    code = (
        "from tests.test_variant_fractions import cello;"
        "from catalog.variants import find_asked, variant_state;"
        "print(variant_state(cello(), find_asked(cello(), 'Ist 1/2 da?')).alternatives)"
    )
    seen = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }  # fmt: skip
    assert len(seen) == 1
