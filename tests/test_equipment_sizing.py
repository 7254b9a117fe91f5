"""Equipment sized by the shopper's body: a length charted by height in the same unit as the
sizes, read by the condition rows ("111–120 cm: 100 cm" — the 120 cm is the range's bound, not a
size), and the merchant's
one-size step for something worn underneath applied to a size read from the size evidence.
Made-up products in German and English, asked on their page."""

from __future__ import annotations

import re

import pytest

from actions.sizing import ActionAnswerSize
from catalog.condition_rows import measure_pick
from catalog.models import Product
from tests.need_probes import _product
from tests.test_need_answers import page_asker

SLED_DE = _product(
    "kinderlanglauf-set", "Kinder-Langlaufset Fuchs", "Ski mit Bindung für die ersten Loipenrunden.\nWelche Länge?\n"
    "Körpergröße Skilänge\n91–100 cm 90 cm\n101–110 cm 100 cm\n111–120 cm 110 cm\n121–130 cm 120 cm",
    "de", "Länge", ("90 cm", "100 cm", "110 cm", "120 cm"),
)  # fmt: skip
BAT_EN = _product(
    "kids-xc-ski", "Kids' Cross-Country Ski Otter", "Waxless kids' ski with binding.\nSki length by the child's height:\n"
    "up to 100 cm: 90 cm\n101–110 cm: 100 cm\n111–120 cm: 110 cm\n121–130 cm: 120 cm",
    "en", "Length", ("90 cm", "100 cm", "110 cm", "120 cm"),
)  # fmt: skip
VEST_DE = _product(
    "reitweste-sturm", "Reitweste Sturm", "Sicherheitsweste nach EN 13158.\nGröße S – Brustumfang 84–89 cm\n"
    "Größe M – Brustumfang 90–95 cm\nGröße L – Brustumfang 96–101 cm\nGröße XL – Brustumfang 102–107 cm\n"
    "Wer eine dicke Jacke darunter trägt, nimmt eine Größe größer.",
    "de", "Größe", ("S", "M", "L", "XL"),
)  # fmt: skip
PADDLE_JACKET_EN = _product(
    "paddle-jacket", "Paddle Jacket Tern", "Breathable cag for touring.\nSize S – chest 88–93 cm\nSize M – chest 94–99 cm\n"
    "Size L – chest 100–105 cm\nSize XL – chest 106–111 cm\nIf you wear a buoyancy aid or fleece underneath, take one size up.",
    "en", "Size", ("S", "M", "L", "XL"),
)  # fmt: skip


@pytest.mark.parametrize(
    ("product", "question", "want"),
    [
        (SLED_DE, "Meine Tochter ist 118 cm groß, welche Länge?", "110 cm"),
        (SLED_DE, "Mein Sohn ist 1,08 m", "100 cm"),
        (BAT_EN, "my son is 124 cm tall, which length?", "120 cm"),
        (BAT_EN, "she is 96 cm", "90 cm"),
    ],
)
def test_a_length_charted_by_height_in_the_same_unit(product: Product, question: str, want: str) -> None:
    pick = measure_pick(product, [product.text("description", "de") or product.text("description", "en")], question)
    assert pick is not None and pick.row.value == want


@pytest.fixture
def ask(run_action, monkeypatch):
    """ask(product, question, lang) -> the size answer on the product's page."""
    page = page_asker(run_action, monkeypatch)
    return lambda product, question, lang: page(ActionAnswerSize(), product, question, lang)


@pytest.mark.parametrize(
    ("product", "question", "lang", "want", "not_want"),
    [
        (VEST_DE, "Brust 92 cm, ich trage eine dicke Jacke darunter", "de", r"Größe L\b", r"empfehle Größe M\b"),
        (VEST_DE, "Brustumfang 92 cm", "de", r"Größe M\b", r"Größe L\b"),
        (PADDLE_JACKET_EN, "chest 96 cm and I wear a fleece underneath", "en", r"\bsize L\b", r"recommend size M\b"),
        (VEST_DE, "Brust 92 cm, ohne Jacke darunter", "de", r"Größe M\b", r"Größe L\b"),
    ],
)
def test_the_answer_on_the_page(ask, product: Product, question: str, lang: str, want: str, not_want: str) -> None:  # noqa: ANN001
    reply = ask(product, question, lang)
    assert re.search(want, reply) and not re.search(not_want, reply), reply
