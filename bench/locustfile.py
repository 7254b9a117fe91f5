"""Locust shoppers for the cluster bench (`make bench-cluster`, `bench/cluster.py`).

Each simulated shopper runs one realistic conversation of the demo store in German or
English — search, refine, size, shipping, then the status of a demo order with its proof —
with think time between messages, over Rasa's REST webhook or over socket.io (Rasa's own
protocol, as the storefront widget speaks it), then starts a new conversation. A message
without any bot reply is a failure; so is an order status that never shows the order after
the proof (the conversation's state was lost between replicas).

Runs in `.venv-load` (Python 3.11, requirements-load.txt), against any base URL:

    .venv-load/bin/locust -f bench/locustfile.py --headless -u 20 -r 5 -t 60s --host http://127.0.0.1:8390

Settings (environment): SHOPBOT_LOAD_THINK "min,max" seconds between messages (default
"2,5"; "0" = none, the saturation run), SHOPBOT_LOAD_SOCKETIO share of socket.io shoppers
(default 0.25), SHOPBOT_LOAD_WRITES share of shoppers who return or exchange an item
(default 0), SHOPBOT_LOAD_OUT path of a JSON file with every turn (sender, time, latency,
outcome) for `bench/cluster.py` and `bench/faults.py`.

Each shopper gets its own client address in X-Forwarded-For (documentation range
198.18.0.0/15, never contacted: a header only), as real shoppers have, so the per-address
rate limit of `store.yml` sees many shoppers behind the trusted proxy, not one.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
import uuid
from dataclasses import dataclass

import gevent
import gevent.event
import requests
import socketio
from locust import User, events, task

# (language, [(step, message, must contain after the proof or "")])
JOURNEYS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("de", [("search", "Ich suche wasserdichte Trailrunning-Schuhe", ""),
            ("refine", "gibt es die auch in schwarz?", ""),
            ("size", "Ich trage normalerweise 42, welche Größe soll ich nehmen?", ""),
            ("shipping", "Was kostet der Versand nach Österreich?", ""),
            ("order", "Wo ist meine Bestellung 100234?", ""),
            ("proof", "anna@example.org", "100234")]),
    ("de", [("search", "Wanderstiefel für breite Füße", ""),
            ("refine", "gibt es welche unter 150 €?", ""),
            ("size", "Gibt es den in 44?", ""),
            ("shipping", "Wie lange dauert die Lieferung nach München?", ""),
            ("order", "Wo ist meine Bestellung 100239?", ""),
            ("proof", "PLZ 1060", "100239")]),
    ("de", [("search", "Ich suche eine leichte Regenjacke zum Radfahren", ""),
            ("refine", "und in Blau?", ""),
            ("size", "Ich trage sonst M und möchte einen Pulli darunter tragen. Welche Größe?", ""),
            ("shipping", "Liefern Sie nach Zürich?", ""),
            ("order", "Wo ist meine Bestellung 100241?", ""),
            ("proof", "8001", "100241")]),
    ("en", [("search", "lightweight shoes for road running", ""),
            ("refine", "the second one", ""),
            ("size", "I'm between 42 and 43, which size should I take?", ""),
            ("shipping", "How long does shipping to Vienna take?", ""),
            ("order", "where's my order 100234?", ""),
            ("proof", "anna@example.org", "100234")]),
    ("en", [("search", "a packable rain jacket for cycling", ""),
            ("refine", "is it available in black?", ""),
            ("size", "I normally take a 50, which size should I get?", ""),
            ("shipping", "Do you ship to the US and what does it cost?", ""),
            ("order", "Where is my order 100244?", ""),
            ("proof", "80302", "100244")]),
    ("en", [("search", "warm winter boots for minus 20 degrees", ""),
            ("refine", "something cheaper?", ""),
            ("size", "What's a UK 9 in EU sizes?", ""),
            ("shipping", "How much is shipping?", ""),
            ("order", "what's the status of order 100238?", ""),
            ("proof", "NW1 6XE", "100238")]),
]  # fmt: skip

# shoppers who write to the order tables (`bench/faults.py` checks for double writes); a share of
# SHOPBOT_LOAD_WRITES (default 0) of the conversations. Once the speaker is returned (or the
# order line exchanged) the next ones are told so: still a full conversation.
WRITE_JOURNEYS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("de", [("return", "Ich möchte den Lautsprecher zurückgeben", ""),
            ("order", "100245", ""),
            ("proof", "50667", ""),
            ("reason", '/provide_order_info{"reason": "damaged"}', ""),
            ("confirm", "/affirm", "")]),
    ("en", [("exchange", "I'd like to exchange the rain jacket from order 100235", ""),
            ("proof", "anna@example.org", ""),
            ("size", "L please", ""),
            ("confirm", "/affirm", "")]),
]  # fmt: skip

# the "one moment" notices: nginx's answer for a replica that failed mid-message (deploy/nginx),
# the widget's while it reconnects; a shopper who gets one sends the message again, once
RETRY_MARKERS = ("einen moment", "one moment")
RECORDS: list[dict] = []
_addresses = itertools.count(1)


def _think() -> tuple[float, float]:
    low, _, high = os.environ.get("SHOPBOT_LOAD_THINK", "2,5").partition(",")
    return float(low), float(high or low)


def _address() -> str:
    n = next(_addresses)
    return f"198.{18 + (n >> 16) % 2}.{(n >> 8) % 256}.{n % 256}"


@dataclass
class Reply:
    messages: list[dict]
    status: int = 200
    error: str = ""

    def text(self) -> str:
        return "\n".join(str(m.get("text") or "") for m in self.messages)

    def retry_notice(self) -> bool:
        low = self.text().lower()
        return any(marker in low for marker in RETRY_MARKERS)


class Shopper:
    """The conversation, shared by the REST and socket.io shoppers; `send` is the channel."""

    channel = ""
    environment = None

    def send(self, sender: str, text: str, language: str) -> Reply:
        raise NotImplementedError

    def converse(self) -> None:
        writes = float(os.environ.get("SHOPBOT_LOAD_WRITES", "0"))
        language, steps = random.choice(WRITE_JOURNEYS if random.random() < writes else JOURNEYS)
        sender = f"load-{uuid.uuid4().hex[:16]}"
        low, high = _think()
        for step, text, must in steps:
            if high > 0:
                gevent.sleep(random.uniform(low, high))
            self.turn(sender, step, text, must, language)

    def turn(self, sender: str, step: str, text: str, must: str, language: str) -> None:
        for attempt in (1, 2):
            start = time.perf_counter()
            reply = self.send(sender, text, language)
            ms = (time.perf_counter() - start) * 1000
            notice = reply.retry_notice()
            error = reply.error
            if not error and not reply.messages:
                error = "no reply"
            elif not error and must and not notice and must not in reply.text():
                error = f"state lost: {must} not in the reply after the proof"
            RECORDS.append({"t": time.time(), "channel": self.channel, "sender": sender, "step": step, "text": text,
                            "attempt": attempt, "ms": round(ms, 1), "status": reply.status, "replies": len(reply.messages),
                            "retry_notice": notice, "error": error,
                            "refs": re.findall(r"\b(?:RMA|EX)-\d{6}-\d+\b", reply.text())})  # fmt: skip
            self.environment.events.request.fire(
                request_type=self.channel, name=step, response_time=ms, response_length=len(reply.messages),
                exception=RuntimeError(error) if error else None, context={"sender": sender},
            )
            if not notice:
                return
            gevent.sleep(1.0)  # the shopper reads "one moment" and sends the message again


class RestShopper(Shopper, User):
    """A shopper on the REST webhook (what the demo shop's server and other integrations use);
    its own HTTP session, so that locust's statistics hold turns judged by `Shopper.turn`."""

    channel = "rest"
    weight = 100 - round(100 * float(os.environ.get("SHOPBOT_LOAD_SOCKETIO", "0.25")))

    def on_start(self) -> None:
        self.address = _address()
        self.http = requests.Session()

    def on_stop(self) -> None:
        self.http.close()

    def send(self, sender: str, text: str, language: str) -> Reply:
        body = {"sender": sender, "message": text, "metadata": {"language": language}}
        headers = {"X-Forwarded-For": self.address, "Accept-Language": language}
        try:
            response = self.http.post(f"{self.host}/webhooks/rest/webhook", json=body, headers=headers, timeout=30)
        except requests.RequestException as exc:
            return Reply([], 0, f"{type(exc).__name__}: {exc}")
        status = response.status_code
        try:
            messages = response.json()
        except ValueError:
            messages = []
        if not isinstance(messages, list):
            messages = []
        if status >= 400 and not Reply(messages).retry_notice():
            return Reply(messages, status, f"HTTP {status}")
        return Reply(messages, status)

    @task
    def shop(self) -> None:
        self.converse()


class SocketIOShopper(Shopper, User):
    """A shopper on socket.io as the widget talks it: session_request with a persistent
    session id, each message with an acknowledgement that comes once the bot's replies are
    sent. A dropped connection is reconnected (the widget shows "offline, retrying") and the
    unacknowledged message is sent again."""

    channel = "socketio"
    weight = round(100 * float(os.environ.get("SHOPBOT_LOAD_SOCKETIO", "0.25")))

    def on_start(self) -> None:
        self.address = _address()
        self.sio: socketio.Client | None = None
        self.session = ""
        self.inbox: list[dict] = []

    def on_stop(self) -> None:
        if self.sio is not None:
            self.sio.disconnect()

    def _connect(self, session: str) -> None:
        if self.sio is not None and self.sio.connected and self.session == session:
            return
        if self.sio is not None:
            self.sio.disconnect()
        sio = socketio.Client(reconnection=False)
        confirmed = gevent.event.Event()
        sio.on("bot_uttered", lambda data: self.inbox.append(data if isinstance(data, dict) else {"text": str(data)}))
        sio.on("session_confirm", lambda *_: confirmed.set())
        sio.connect(self.host, socketio_path="socket.io", transports=["websocket"],
                    headers={"X-Forwarded-For": self.address}, wait_timeout=10)  # fmt: skip
        sio.emit("session_request", {"session_id": session})
        if not confirmed.wait(10):
            sio.disconnect()
            raise TimeoutError("no session_confirm")
        self.sio, self.session = sio, session

    def send(self, sender: str, text: str, language: str) -> Reply:
        error = ""
        for attempt in range(3):  # the widget's reconnect, bounded
            try:
                self._connect(sender)
                self.inbox.clear()
                assert self.sio is not None
                self.sio.call("user_uttered", {"message": text, "session_id": sender, "metadata": {"language": language}}, timeout=30)
                return Reply(list(self.inbox))
            except Exception as exc:  # noqa: BLE001 - a dropped socket: reconnect as the widget does
                error = f"{type(exc).__name__}: {exc}"
                if self.sio is not None:
                    self.sio.disconnect()
                self.sio = None
                gevent.sleep(min(4.0, 0.5 * 2**attempt))
        return Reply([], 0, error)

    @task
    def shop(self) -> None:
        self.converse()


@events.quitting.add_listener
def _write_records(environment, **_kwargs) -> None:  # noqa: ANN001
    out = os.environ.get("SHOPBOT_LOAD_OUT")
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(RECORDS, fh)
