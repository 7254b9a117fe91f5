"""A raw export's shoes carry no `size_system`: a run of EU sizes with odd or half sizes is read
as shoe sizes, so a foot length is answered by the usual rule."""

from __future__ import annotations

from actions.size_measure import charts, is_shoe
from catalog.measurements import Measurement
from tests.test_variants import optioned


def test_a_run_of_shoe_sizes_is_a_shoe_without_a_size_system():
    boot = optioned("boot", ("EU-Größe",), [(str(n), 2) for n in range(36, 43)], size_option="EU-Größe")
    assert boot.size_system is None and is_shoe(boot)
    assert charts(boot, Measurement("foot", 24.5), "de")


def test_clothing_and_letter_sizes_are_no_shoes():
    jacket = optioned("jacke", ("Größe",), [(str(n), 2) for n in (36, 38, 40, 42)], size_option="Größe")
    shirt = optioned("shirt", ("Größe",), [("S", 1), ("M", 1), ("L", 1)], size_option="Größe")
    assert not is_shoe(jacket) and not is_shoe(shirt)
    assert not charts(jacket, Measurement("foot", 24.5), "en")
