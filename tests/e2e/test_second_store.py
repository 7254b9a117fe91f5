"""The second store (stores/nordstil, a raw Shopify product export the bot was never tuned to)
set up as `make run STORE=stores/nordstil` does it, then asked one or two questions per kind
over the REST webhook; the answers are checked against its own export, store.yml and policies.

Not yet part of `make test` (run it with `make second-store`): the coordinator wires it in once
the importer and answer work of issue 13 has landed. Its questions stay few and are not the
benchmark's (bench/questions/nordstil.jsonl).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest
import requests

from bench.answer_scoring import Answer, read_catalog_texts, score
from bot.stack import Stack
from catalog.build import read_current_products
from tests.conftest import MODEL, ROOT

pytestmark = pytest.mark.second_store

STORE = ROOT / "stores" / "nordstil"
EXPORT = STORE / "catalog.csv"
SOLD_OUT = r"ausverkauft|sold out|out of stock"
# recommending a size (not "43 instead of 42"), within one sentence
RECOMMEND = r"(empfehle ich|empfehlen wir|würde ich|ich würde|I recommend|we recommend|I'd recommend|I suggest)(?:(?!statt|instead|rather)[^.\n]){0,50}"


def size(value: int) -> str:
    """A size as a whole token: 42 but not 42.5, 142 or 40/42."""
    return rf"(?<![\w.,/-]){value}(?![\w/-]|[.,]\d)"


def shopbot(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}
    command = [sys.executable, "-m", "bot.cli", "--store", str(STORE), "--data", str(data), *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("nordstil")


@pytest.fixture(scope="module")
def imported(data) -> subprocess.CompletedProcess:
    """`make run`'s index step: the store's own raw export, imported and indexed."""
    return shopbot(data, "-q", "catalog", "build")


@pytest.fixture(scope="module")
def seeded(data, imported) -> subprocess.CompletedProcess:
    """`make run`'s orders step."""
    return shopbot(data, "orders", "seed", "--if-empty")


@pytest.fixture(scope="module")
def stack(data, imported, seeded):
    if imported.returncode != 0:
        pytest.fail(f"the raw export was refused:\n{imported.stdout[-2000:]}{imported.stderr[-2000:]}")
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make model` first")
    offset = int(os.environ.get("SHOPBOT_TEST_PORT_OFFSET", "0"))
    s = Stack(
        store=str(STORE), data=str(data), model=str(MODEL), rasa_port=5405 + offset, action_port=5455 + offset,
        web_port=8480 + offset, tracker_db=str(data / "conversations.db"), log_dir=data / "logs",
    )  # fmt: skip
    s.start()
    try:
        s.wait_ready(timeout=300)
        yield s
    finally:
        s.stop()


@pytest.fixture(scope="module")
def names() -> dict[str, list[str]]:
    return {p.id: p.names for p in read_catalog_texts(EXPORT, visible_only=False)}


def ask(stack: Stack, text: str, **metadata) -> Answer:
    response = requests.post(
        f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook",
        json={"sender": f"nordstil-{uuid.uuid4()}", "message": text, "metadata": metadata}, timeout=60,
    )  # fmt: skip
    response.raise_for_status()
    return Answer.from_messages(response.json())


def check(stack: Stack, names: dict, text: str, expect: dict, **metadata) -> None:
    answer = ask(stack, text, **metadata)
    page = metadata.get("product_id")
    assert score(expect, answer, names, page) == [], f"{text!r} -> {answer.text!r} {answer.product_ids}"


def test_the_raw_export_imports_completely(data, imported):
    assert imported.returncode == 0, imported.stdout[-2000:] + imported.stderr[-2000:]
    variants = Counter(row["Handle"] for row in csv.DictReader(EXPORT.open(encoding="utf-8")) if row["Variant SKU"])
    visible = {p.id for p in read_catalog_texts(EXPORT)}
    products = {p.id: p for p in read_current_products(data / "nordstil")}
    assert set(products) == visible  # drafts, archived and unpublished products are not shown
    assert {pid: len(p.variants) for pid, p in products.items()} == {pid: variants[pid] for pid in visible}


def test_make_run_seeds_demo_orders_or_skips_them(seeded):
    """`make run` goes on only when the seeding exits 0 (orders from this store's catalog, or
    skipped with a line saying so), and never with a traceback."""
    output = seeded.stdout + seeded.stderr
    assert seeded.returncode == 0 and "Traceback" not in output, output


def test_discovery_of_types_the_demo_store_does_not_carry(stack, names):
    check(stack, names, "Haben Sie einen Plattenspieler?", {"products_any": ["turntable-vinyl-one"]}, language="de")
    check(stack, names, "noise cancelling headphones for long flights", {"products_any": ["silent-pro-kopfhoerer"]}, language="en")


def test_size_advice_follows_the_description(stack, names):
    # "fällt klein aus – eine Nummer größer bestellen"
    check(stack, names, "Ich trage normalerweise 42, welche Größe soll ich nehmen?",
          {"must": [size(43)], "must_not": [RECOMMEND + size(42)]},
          language="de", page_type="product", product_id="chelsea-boots-leder")  # fmt: skip


def test_a_fact_only_in_the_description_across_languages(stack, names):
    # German description, English question: "Akkulaufzeit: bis 30 Stunden mit ANC, bis 45 Stunden ohne"
    check(stack, names, "How long does the battery last with noise cancelling on?",
          {"must": [r"\b30 ?(h\b|hours|Stunden)"]},
          language="en", page_type="product", product_id="silent-pro-kopfhoerer")  # fmt: skip


def test_a_product_sold_out_in_every_variant(stack, names):
    check(stack, names, "Gibt es die in 39?", {"must": [SOLD_OUT], "must_not": [r"Lappi[^.\n]{0,60}\b(vorrätig|lieferbar|in stock)"]},
          language="de", page_type="product", product_id="winterboots-lappi")  # fmt: skip


def test_shipping_to_a_city_uses_this_stores_zones(stack, names):
    # Zürich -> CH zone: DPD, 3–5 business days, 12.90 (the demo store charges 14.90)
    check(stack, names, "Was kostet der Versand nach Zürich?", {"must": [r"12,90"], "must_not": [r"14,90"]}, language="de")


def test_policy_answer_from_this_stores_own_text(stack, names):
    # 14 days here (the demo store: 30)
    check(stack, names, "How long do I have to return something?", {"must": [r"\b14 days"], "must_not": [r"\b30 days"]}, language="en")


def test_out_of_scope_is_still_refused(stack, names):
    check(stack, names, "Wie wird das Wetter morgen in Wien?", {"refuse": True}, language="de")
