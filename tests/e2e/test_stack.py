"""The real stack (trained Rasa model, action server over HTTP, web page), asked real
questions over the REST webhook; facts in the replies are checked against the catalog and
the store config."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
import requests

from bot.stack import Stack
from catalog.build import read_current_products
from catalog.store import Store
from tests.conftest import DEMO_STORE, ROOT, running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e")
    shutil.copytree(ROOT / "var" / "demo", data / "demo")  # built by `make index`
    with running_stack(data, 5105, 5155, 8180) as s:
        yield s


@pytest.fixture(scope="module")
def products(stack):
    return {p.id: p for p in read_current_products(Path(stack.data) / "demo")}


@pytest.fixture(scope="module")
def config():
    return Store(DEMO_STORE).config


def ask(stack: Stack, text: str, sender: str, **metadata) -> list[dict]:
    response = requests.post(
        f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook",
        json={"sender": sender, "message": text, "metadata": metadata}, timeout=30,
    )  # fmt: skip
    response.raise_for_status()
    return response.json()


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def cards(replies: list[dict]) -> list[dict]:
    return [p for r in replies if r.get("custom", {}).get("type") == "products" for p in r["custom"]["products"]]


def test_search_in_german_with_price_limit(stack, products):
    replies = ask(stack, "Ich suche wasserdichte Wanderschuhe unter 150 €", f"e2e-{uuid.uuid4()}")
    found = cards(replies)
    assert 1 <= len(found) <= 3
    for card in found:
        product = products[card["id"]]
        assert product.category == "shoes"
        assert any(v.price <= 150 for v in product.variants)
        assert product.name("de") in texts(replies)


def test_follow_up_second_one_and_size(stack, products):
    sender = f"e2e-{uuid.uuid4()}"
    first = cards(ask(stack, "I'm looking for running shoes", sender))
    assert len(first) >= 2
    second = ask(stack, "tell me more about the second one", sender)
    assert products[first[1]["id"]].name("en") in texts(second)
    reply = texts(ask(stack, "is it available in size 44?", sender))
    assert products[first[1]["id"]].name("en") in reply


def test_shipping_to_austria_matches_store_config(stack, config):
    reply = texts(ask(stack, "Wie lange dauert der Versand nach Österreich?", f"e2e-{uuid.uuid4()}"))
    zone = config.zone_for("AT")
    assert f"{zone.days[0]}–{zone.days[1]} Werktage" in reply
    assert f"{zone.cost:.2f}".replace(".", ",") in reply


def test_size_question_on_product_page_uses_page_context(stack, products):
    page = "trailrunner-gtx"
    reply = texts(ask(stack, "Gibt es den in 44?", f"e2e-{uuid.uuid4()}", product_id=page, language="de"))
    assert products[page].name("de") in reply and "44" in reply


def test_policy_question_in_english(stack, config):
    reply = texts(ask(stack, "How many days do I have to return an item?", f"e2e-{uuid.uuid4()}"))
    assert str(config.returns.window_days) in reply


def test_out_of_scope_is_honest(stack):
    reply = texts(ask(stack, "Who will win the football world cup?", f"e2e-{uuid.uuid4()}"))
    assert "can't answer" in reply or "nicht beantworten" in reply


def test_bad_input_gets_a_clear_answer(stack):
    assert "too long" in texts(ask(stack, "please help " * 500, f"e2e-{uuid.uuid4()}"))
    assert "leer" in texts(ask(stack, "   ", f"e2e-{uuid.uuid4()}", language="de"))
    reply = texts(ask(stack, "<img src=x onerror=alert(1)> rain jacket", f"e2e-{uuid.uuid4()}"))
    assert "onerror" not in reply


def test_product_answers_record_their_sources(stack):
    sender = f"e2e-{uuid.uuid4()}"
    found = cards(ask(stack, "air purifier for allergies", sender))
    assert found
    response = requests.get(
        f"http://127.0.0.1:{stack.rasa_port}/conversations/{sender}/tracker", params={"token": stack.token}, timeout=10
    )
    bot_events = [e for e in response.json()["events"] if e["event"] == "bot"]
    assert bot_events[-1]["metadata"]["sources"] == [c["id"] for c in found]
    assert requests.get(f"http://127.0.0.1:{stack.rasa_port}/conversations/{sender}/tracker", timeout=10).status_code == 401


def test_conversations_are_kept_in_sql(stack, config):
    sender = f"e2e-{uuid.uuid4()}"
    replies = ask(stack, "Hallo", sender)
    db = sqlite3.connect(os.path.join(stack.data, "conversations.db"))
    rows = db.execute("select count(*) from events where sender_id = ?", (sender,)).fetchone()[0]
    assert rows >= 3
    event = json.loads(db.execute("select data from events where sender_id = ? and type_name = 'bot'", (sender,)).fetchone()[0])
    assert event["text"] in texts(replies)  # what the shopper got is what was stored
    assert config.store.name in event["text"]  # the greeting names the store (store.yml)


def test_web_page_proxies_chat(stack):
    page = requests.get(f"http://127.0.0.1:{stack.web_port}/chat", timeout=10)
    assert page.status_code == 200 and "shopbot" in page.text
    replies = requests.post(
        f"http://127.0.0.1:{stack.web_port}/api/chat",
        json={"sender": f"e2e-{uuid.uuid4()}", "message": "do you ship to Switzerland?", "metadata": {"language": "en"}}, timeout=30,
    ).json()  # fmt: skip
    assert "Switzerland" in texts(replies)
    bad = requests.post(f"http://127.0.0.1:{stack.web_port}/api/chat", data="nope", timeout=10)
    assert bad.status_code == 400 and "JSON" in bad.json()["error"]


@pytest.mark.parametrize(
    ("question", "product_id", "lang", "key", "value"),
    [
        ("Bei wie viel Grad kann ich die Jacke waschen?", "regenhaut-packable", "de", "wash_temp_c", "30 °C"),
        ("What material is it?", "merino-trail-socks", "en", "materials", "merino wool"),
    ],
)
def test_product_fact_from_its_text_is_quoted(stack, products, question, product_id, lang, key, value):
    product = products[product_id]
    source = product.fact_sources[key]
    assert source["origin"] == "text"  # the fact exists only in the product's text
    reply = texts(ask(stack, question, f"e2e-{uuid.uuid4()}", product_id=product_id, language=lang))
    assert value in reply
    assert (source.get("texts") or {}).get(lang, source["text"]) in reply  # the merchant's sentence, quoted
