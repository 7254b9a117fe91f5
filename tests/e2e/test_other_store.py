"""`make run STORE=path` on a store the bot was not built with: the German WooCommerce export of
`tests/fixtures/store_woo` is indexed and its demo orders seeded by the `shopbot` command (what
`make index orders STORE=...` runs), then the real stack answers from that store's catalog."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest

from catalog.build import read_current_products
from tests.conftest import FIXTURES, ROOT, running_stack
from tests.e2e.test_stack import ask, cards, texts

pytestmark = pytest.mark.e2e
STORE = FIXTURES / "store_woo"


def shopbot(data, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", "--store", str(STORE), "--data", str(data), "-q", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)  # fmt: skip


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data = tmp_path_factory.mktemp("other-store")
    built = shopbot(data, "catalog", "build")
    assert built.returncode == 0, built.stderr
    seeded = shopbot(data, "orders", "seed", "--if-empty")
    assert seeded.returncode == 0 and "Traceback" not in seeded.stderr, seeded.stderr
    assert "seeded" in seeded.stdout, seeded.stdout
    return data


@pytest.fixture(scope="module")
def stack(data):
    with running_stack(data, 5135, 5185, 8195, store=STORE) as s:
        yield s


def test_index_holds_only_what_shoppers_may_see(data):
    ids = {p.id for p in read_current_products(data / "store_woo")}
    assert "wolldecke-alpaka" in ids and "leinenkissen-entwurf" not in ids  # the unpublished one stays out


def test_answers_name_the_stores_own_products(stack):
    replies = ask(stack, "Ich suche eine warme Wolldecke", f"woo-{uuid.uuid4()}", language="de")
    assert "Wolldecke Alpaka" in texts(replies) or any(c.get("id") == "wolldecke-alpaka" for c in cards(replies)), replies
    replies = ask(stack, "Do you have a merino scarf?", f"woo-{uuid.uuid4()}", language="en")
    assert "Merino Scarf" in texts(replies) or any(c.get("id") == "merino-scarf" for c in cards(replies)), replies


def test_order_status_from_the_stores_demo_orders(stack):
    sender = f"woo-{uuid.uuid4()}"
    ask(stack, "Wo ist meine Bestellung?", sender, language="de")
    replies = ask(stack, "100234, anna@example.org", sender, language="de")
    assert "100234" in texts(replies) and "DHL" in texts(replies), replies  # shipped, Germany: DHL in this store
