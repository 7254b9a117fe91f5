"""The whole-answer bench (`bench/answers.py`) asks each question as a fresh shopper: its own
conversation and its own client address, so a store's per-address message limit does not turn
the last questions of a long run (more than 300 a minute from 127.0.0.1) into "please slow down"."""

from __future__ import annotations

import ipaddress
from types import SimpleNamespace

from bench import answers
from bot.metadata import client_address, networks


class _Reply:
    def raise_for_status(self) -> None:
        return None

    def json(self) -> list[dict]:
        return [{"recipient_id": "x", "text": "Hallo"}]


def test_each_question_comes_from_a_client_address_of_its_own(monkeypatch):
    sent: list[dict] = []

    def post(url, json, timeout, headers=None):  # noqa: ANN001
        sent.append({"sender": json["sender"], "headers": headers or {}})
        return _Reply()

    monkeypatch.setattr(answers.requests, "post", post)
    stack = SimpleNamespace(rasa_port=5505)
    for text in ("Wie lange kann ich zurückgeben?", "Do you ship to Spain?", "Hallo"):
        answers.ask(stack, {"text": text, "metadata": {"language": "de"}})
    forwarded = [s["headers"].get("X-Forwarded-For") for s in sent]
    assert len({s["sender"] for s in sent}) == 3
    assert all(forwarded) and len(set(forwarded)) == 3
    # the channel believes the header from the bench's own address (a trusted proxy by default)
    trusted = networks(["127.0.0.1", "::1"])
    clients = {client_address("127.0.0.1", f, trusted) for f in forwarded}
    assert clients == set(forwarded)
    assert all(ipaddress.ip_address(c) in ipaddress.ip_network("10.0.0.0/8") for c in clients)


def test_a_miss_is_counted_by_its_mode_and_by_the_path_of_the_reply():
    from bench.answer_scoring import Answer, failure_mode, reply_path, score

    names = {"p1": ["Trail Jacket"], "p2": ["City Coat"]}
    wrong_product = Answer("These match best:\nCity Coat – €99.00 – in stock", ["p2"])
    reasons = score({"products_any": ["p1"]}, wrong_product, names)
    assert failure_mode({"products_any": ["p1"]}, wrong_product, reasons) == "wrong product"
    assert reply_path(wrong_product.text) == "search results"
    unknown = Answer("Our product data for Trail Jacket doesn't say. Shall I put you in touch with a person?")
    reasons = score({"must": ["20\\s?mm"]}, unknown, names, "p1")
    assert failure_mode({"must": ["20\\s?mm"]}, unknown, reasons) == "said it does not know"
    assert reply_path(unknown.text) == "said it does not know"
    chart = Answer("Bei Körpergröße 176 cm passt laut Größenangaben von Trail Jacket: M. Ich empfehle M.\nTrail Jacket – 99,00 € – vorrätig")
    reasons = score({"must": ["empfehle (Größe )?L"]}, chart, names, "p1")
    assert failure_mode({"must": ["empfehle (Größe )?L"]}, chart, reasons) == "missing the fact"
    assert reply_path(chart.text) == "size from the chart"
    assert reply_path("Trail Jacket: 450 g.\nTrail Jacket – 99,00 € – vorrätig") == "other"  # the card states no variant
    assert reply_path("Wenn Sie sonst 42 tragen, empfehle ich bei Trail Jacket Größe 43.") == "size from the usual size"
    assert reply_path("The description of Trail Jacket says: “Weight: 450 g”") == "quoted the text"
    assert reply_path("Für diesen Artikel gilt unsere Größenberatung (Bekleidung). Bei Brustumfang 98 cm passt …") == "the store's size guide"
    assert reply_path("By the standard sizing (EN 13402), the size for underbust 74 cm is 75B.") == "general rule"
    refusal = Answer("I'm afraid I can't answer that. I can help with products, sizes, shipping and our store policies.")
    assert failure_mode({"refuse": True}, Answer("These match best:", ["p1"]), ["x"]) == "did not refuse"
    assert reply_path(refusal.text) == "refused as out of scope"
