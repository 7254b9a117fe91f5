"""Which size after a fit problem ("Die 42 war zu klein", "the M was too tight — which size now?",
"the band of my 75C is too tight"): the tried size of the product moves one in its own run, a bra's
band to the sister size; built products in German and English, read directly and asked through the
size and fit actions on their page."""

from __future__ import annotations

import pytest

from actions.product_questions import ActionAnswerFit
from actions.size_problem import fit_problem, problem_reply
from actions.sizing import ActionAnswerSize
from tests.need_probes import _product
from tests.test_need_answers import page_asker

BOOT_DE = _product("wanderstiefel-kiesel", "Wanderstiefel Kiesel", "Robuster Lederstiefel mit Profilsohle.", "de", "Größe",
                   ("40", "41", "42", "43", "44"))  # fmt: skip
JACKET_EN = _product("rain-jacket-drizzle", "Rain Jacket Drizzle", "Light rain jacket with a hood.", "en", "Size", ("S", "M", "L", "XL"))
BRA_EN = _product("bra-petal", "Underwired Bra Petal", "Lace bra. If the band feels too tight, take the sister size: one band up, one cup down.",
                  "en", "Size", ("75B", "75C", "80B", "80C", "80D"))  # fmt: skip


@pytest.mark.parametrize(
    ("product", "text", "found"),
    [
        (BOOT_DE, "Die 42 war zu klein, welche jetzt?", ("42", 1)),
        (BOOT_DE, "Die 42 war mir zu groß – welche soll ich nehmen?", ("42", -1)),
        (BOOT_DE, "Sonst trage ich 43, aber die 42 war zu groß", ("42", -1)),
        (JACKET_EN, "I got the M but it's too tight — which size now?", ("M", 1)),
        (JACKET_EN, "the XL was too loose", ("XL", -1)),
    ],
)
def test_a_tried_size_that_did_not_fit(product, text, found) -> None:  # noqa: ANN001
    assert fit_problem(product, text)[:2] == found


@pytest.mark.parametrize(
    ("product", "text"),
    [
        (BOOT_DE, "Ist die 42 zu klein für mich?"),  # asks whether it would be
        (BOOT_DE, "Die 42 war nicht zu eng, welche Farbe gibt es?"),  # no problem
        (BOOT_DE, "Fällt die 42 zu klein aus?"),  # the fit question
        (BOOT_DE, "Wenn die 42 zu klein ist, kann ich sie umtauschen?"),  # a case, asked of the rules
        (JACKET_EN, "Will the M be too tight over a fleece?"),
        (JACKET_EN, "My old jacket was too tight, which size?"),  # no size of this product named
    ],
)
def test_no_fit_problem_of_a_named_size(product, text) -> None:  # noqa: ANN001
    assert fit_problem(product, text) is None


@pytest.mark.usefixtures("test_catalog")
def test_the_next_size_in_the_products_run() -> None:
    assert "Größe: 43" in problem_reply(BOOT_DE, "Die 42 war zu klein, welche jetzt?", "de")[0]
    assert "Größe: 41" in problem_reply(BOOT_DE, "Die 42 war mir zu groß", "de")[0]
    assert "size L" in problem_reply(JACKET_EN, "the XL was too loose, which one now?", "en")[0]
    assert "not come in a size larger than XL" in problem_reply(JACKET_EN, "the XL was too small", "en")[0]


@pytest.mark.usefixtures("test_catalog")
def test_a_bras_band_moves_to_the_sister_size_and_the_cup_alone() -> None:
    said = problem_reply(BRA_EN, "the band of my 75C is too tight, what size instead?", "en")[0]
    assert "sister size 80B" in said and "one band up" in said  # the merchant's sentence quoted
    assert "size 75C" in problem_reply(BRA_EN, "the cup of the 75B is too small", "en")[0]


@pytest.fixture
def ask(run_action, monkeypatch):  # noqa: ANN001, ANN201
    return page_asker(run_action, monkeypatch)


@pytest.mark.parametrize("action", (ActionAnswerSize(), ActionAnswerFit()), ids=lambda a: a.name())
@pytest.mark.parametrize(
    ("product", "text", "lang", "must"),
    [(BOOT_DE, "Die 41 war zu klein – welche jetzt?", "de", "Größe: 42"), (JACKET_EN, "The L was too big. Which size now?", "en", "size M")],
)
def test_a_fit_problem_is_answered_on_the_page(ask, action, product, text, lang, must) -> None:  # noqa: ANN001
    assert must in ask(action, product, text, lang)


def test_a_usual_size_said_beside_the_tried_one_is_where_the_advice_starts() -> None:
    from actions.size_problem import usual_beside

    assert usual_beside(BOOT_DE, "Die 42 war mir zu groß, sonst trage ich 43. Welche Größe?") == "43"
    assert usual_beside(JACKET_EN, "The L was too big, I usually wear M. Which one?") == "M"
    assert problem_reply(BOOT_DE, "Die 42 war mir zu groß, sonst trage ich 43.", "de") is None
    assert usual_beside(BOOT_DE, "Die 42 war mir zu groß.") is None
