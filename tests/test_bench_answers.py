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
