"""The live handoff without the stack: service hours, the queue in the database, take / write /
hand back (the events sent to Rasa's HTTP API, which is a local aiohttp server here), the
ticket webhook (another local aiohttp server) and the .eml outbox, the socket.io output of a
person's message, the widget's REST fallback, and the actions that put a shopper in the queue."""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import json
import threading
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.console import handoff, live
from bot.console.handoff import HandoffError
from bot.console.hours import HandoffConfig, HandoffConfigError, load_handoff_config, parse_hours
from bot.console.tickets import Ticket, send_ticket
from tests.test_console import any_console, open_console  # noqa: F401 (a fixture)

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def console(tmp_path, monkeypatch):
    c = open_console(tmp_path, monkeypatch)
    yield c
    c[0].drop()


@contextmanager
def local_server(handler, path: str = "/{tail:.*}"):  # noqa: ANN001, ANN201
    """An aiohttp server on a free local port in a thread; yields (base URL, received requests)."""
    received: list[dict] = []
    ready = threading.Event()
    state: dict = {}

    async def record(request: web.Request) -> web.Response:
        received.append({"path": request.raw_path.split("?")[0], "query": dict(request.query), "json": await request.json()})
        return await handler(request)

    def serve() -> None:
        loop = asyncio.new_event_loop()
        app = web.Application()
        app.router.add_post(path, record)
        runner = web.AppRunner(app)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        state["port"] = site._server.sockets[0].getsockname()[1]
        state["loop"], state["runner"] = loop, runner
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield f"http://127.0.0.1:{state['port']}", received
    finally:
        state["loop"].call_soon_threadsafe(state["loop"].stop)
        thread.join(10)


async def ok(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


# ---------------------------------------------------------------- service hours


def test_service_hours_in_the_store_time_zone():
    cfg = HandoffConfig(email="x@y.z", hours=parse_hours({"mon-fri": "09:00-18:00", "sat": ["10:00-12:00", "13:00-14:00"]}))
    at = lambda *a: dt.datetime(*a, tzinfo=BERLIN)  # noqa: E731
    assert cfg.is_open(at(2026, 11, 30, 9, 0)) and cfg.is_open(at(2026, 12, 4, 17, 59))  # Monday, Friday
    assert not cfg.is_open(at(2026, 11, 30, 18, 0)) and not cfg.is_open(at(2026, 11, 30, 8, 59))
    assert cfg.is_open(at(2026, 12, 5, 11, 0)) and not cfg.is_open(at(2026, 12, 5, 12, 30))  # Saturday's two spans
    assert not cfg.is_open(at(2026, 12, 6, 11, 0))  # Sunday
    assert cfg.is_open(dt.datetime(2026, 11, 30, 8, 30, tzinfo=dt.timezone.utc))  # 09:30 in Berlin
    assert HandoffConfig(email="x@y.z").is_open(at(2026, 12, 6, 3, 0))  # no service hours set: always
    assert HandoffConfig(email="x", hours=parse_hours({"mon-sun": "00:00-24:00"})).is_open(at(2026, 12, 6, 23, 59))


@pytest.mark.parametrize("raw, named", [
    ({"mon-fr": "09:00-18:00"}, "'mon-fr' is not a weekday"),
    ({"fri-mon": "09:00-18:00"}, "runs backwards"),
    ({"sat": "9-18"}, "console.service_hours.sat: '9-18' is not a time span"),
    ({"sat": "18:00-09:00"}, "start before end"),
    ("always", "expected days mapped to time spans"),
])  # fmt: skip
def test_bad_service_hours_are_named(raw, named):
    with pytest.raises(HandoffConfigError, match=named):
        parse_hours(raw)


def test_config_from_store_yml(tmp_path):
    (tmp_path / "store.yml").write_text(
        "store: {name: Shop, timezone: Europe/Vienna}\ncontact: {email: help@shop.test, hours: {de: Mo-Fr, en: Mon-Fri}}\n"
        "console: {service_hours: {mon-fri: '10:00-18:00'}, ticket_webhook: 'https://desk.example/hook'}\n", encoding="utf-8")  # fmt: skip
    cfg = load_handoff_config(tmp_path)
    assert cfg.timezone == "Europe/Vienna" and cfg.ticket_webhook == "https://desk.example/hook" and cfg.hours["fri"] == [(600, 1080)]
    assert cfg.email == "help@shop.test" and cfg.contact_hours["en"] == "Mon-Fri" and cfg.hours.get("sat") is None
    (tmp_path / "store.yml").write_text("contact: {email: a@b.c}\nconsole: {ticket_webhook: desk.example}\n", encoding="utf-8")
    with pytest.raises(HandoffConfigError, match="console.ticket_webhook: 'desk.example' is not an http"):
        load_handoff_config(tmp_path)


# ---------------------------------------------------------------- queue


def test_queue_take_messages_and_hand_back(any_console):  # noqa: F811 (the fixture)
    db = any_console[0]
    first = handoff.request(db, "s1", "asked", "de", "/de/products/p1", now=100)
    assert handoff.request(db, "s1", "asked", "de", "/de/", now=101) == first  # once per conversation
    second = handoff.request(db, "s2", "dont_know", "en", None, now=99)
    assert [h["id"] for h in handoff.queue(db)] == [second, first]  # oldest request first
    assert handoff.queue(db)[1]["page"] == "/de/products/p1" and handoff.queue(db)[1]["status"] == "waiting"

    with pytest.raises(HandoffError, match="not yours"):
        handoff.add_message(db, first, "ana", "Hallo")
    handoff.take(db, first, "ana", now=110)
    handoff.take(db, first, "ana")  # taking again is harmless for the holder
    with pytest.raises(HandoffError, match="is taken by ana, it cannot be taken"):
        handoff.take(db, first, "ben")
    with pytest.raises(HandoffError, match="the message is empty"):
        handoff.add_message(db, first, "ana", "   ")
    handoff.add_message(db, first, "ana", "Sie sind verbunden", kind="connected", now=111)
    assert handoff.get(db, first)["first_reply_at"] is None  # a notice is not a reply
    m1 = handoff.add_message(db, first, "ana", "Guten Tag, wie kann ich helfen?", now=125)
    handoff.add_message(db, first, "ana", "Noch da?", now=140)
    row = handoff.get(db, first)
    assert (row["taken_at"], row["first_reply_at"]) == (110, 125)  # time to first reply: 15 s after taking
    assert [m["text"] for m in handoff.messages_for(db, "s1", after=m1)] == ["Noch da?"]
    with pytest.raises(HandoffError, match="not yours"):
        handoff.hand_back(db, first, "ben")
    handoff.hand_back(db, first, "ana", now=150)
    assert handoff.get(db, first)["status"] == "closed" and handoff.open_handoff(db, "s1") is None
    assert [h["id"] for h in handoff.queue(db)] == [second]
    assert handoff.request(db, "s1", "asked", "de", None) != first  # a new request after the last one closed


def test_agents_online_while_polling(any_console):  # noqa: F811 (the fixture)
    db = any_console[0]
    handoff.heartbeat(db, "ana", now=1000)
    handoff.heartbeat(db, "ben", now=1020)
    assert handoff.agents_online(db, now=1025) == ["ana", "ben"]
    assert handoff.agents_online(db, now=1000 + handoff.ONLINE_SECONDS + 1) == ["ben"]
    handoff.heartbeat(db, "ana", now=1040)
    assert handoff.agents_online(db, now=1045) == ["ana", "ben"]


# ---------------------------------------------------------------- Rasa's HTTP API: pause, messages, resume


def test_take_pauses_writes_and_hand_back_resumes(console, monkeypatch):
    db = console[0]
    hid = handoff.request(db, "shopper/1", "asked", "de", "/de/")
    with local_server(ok) as (base, received):
        monkeypatch.setenv("SHOPBOT_RASA_URL", base)
        monkeypatch.setenv("SHOPBOT_API_TOKEN", "secret-token")
        asyncio.run(live.take(db, hid, "ana"))
        asyncio.run(live.send(db, hid, "ana", "  Guten Tag!  "))
        asyncio.run(live.hand_back(db, hid, "ana"))
    assert [r["path"] for r in received] == ["/conversations/shopper%2F1/tracker/events"] * 3
    assert all(r["query"] == {"token": "secret-token", "execute_side_effects": "true", "output_channel": "socketio"} for r in received)
    pause, connected = received[0]["json"]
    assert pause["event"] == "pause" and connected["event"] == "bot"
    assert connected["metadata"]["person"] == "ana" and connected["metadata"]["handoff"] == "connected"
    assert connected["text"] == "Sie sind jetzt mit ana aus unserem Kundenservice verbunden."
    (message,) = received[1]["json"]
    assert message["text"] == "Guten Tag!" and message["metadata"]["person"] == "ana" and message["metadata"]["handoff"] == "message"
    back, resume = received[2]["json"]
    assert back["metadata"]["handoff"] == "handed_back" and resume["event"] == "resume"
    assert handoff.get(db, hid)["status"] == "closed"
    stored = handoff.messages_for(db, "shopper/1")
    assert [m["kind"] for m in stored] == ["connected", "message", "handed_back"]
    assert [m["id"] for m in stored] == [connected["metadata"]["handoff_message"], message["metadata"]["handoff_message"], back["metadata"]["handoff_message"]]


def test_rasa_refusing_is_an_error_and_the_handoff_stays_taken(console, monkeypatch):
    db = console[0]
    hid = handoff.request(db, "s1", "asked", "en", None)

    async def refuse(request: web.Request) -> web.Response:
        return web.json_response({"message": "wrong token"}, status=401)

    with local_server(refuse) as (base, _):
        monkeypatch.setenv("SHOPBOT_RASA_URL", base)
        with pytest.raises(live.RasaError, match="Rasa answered 401"):
            asyncio.run(live.take(db, hid, "ana"))
        with pytest.raises(live.RasaError, match="401"):
            asyncio.run(live.hand_back(db, hid, "ana"))
    assert handoff.get(db, hid)["status"] == "taken"  # hand back again once Rasa answers


def test_socketio_output_keeps_the_person():
    from bot.channels import ShopSocketIOOutput

    class Sio:
        def __init__(self):
            self.sent = []

        async def emit(self, event, data, room=None, **kwargs):  # noqa: ANN001, ANN003
            self.sent.append((event, data, room))

    sio = Sio()
    out = ShopSocketIOOutput(sio, "bot_uttered")
    asyncio.run(out.send_response("s1", {"text": "Hallo", "person": "ana", "handoff": "message", "handoff_message": 7, "timestamp": 1.0}))
    asyncio.run(out.send_response("s1", {"text": "Ich bin der Bot"}))
    assert sio.sent[0] == ("bot_uttered", {"text": "Hallo", "person": "ana", "handoff": "message", "handoff_message": 7}, "s1")
    assert sio.sent[1] == ("bot_uttered", {"text": "Ich bin der Bot"}, "s1")


# ---------------------------------------------------------------- tickets


def _ticket() -> Ticket:
    messages = [{"from": "shopper", "text": "Kann ich mit jemandem sprechen?", "at": 1764500000.0}, {"from": "bot", "text": "Gern.", "at": 1764500001.0}]
    return Ticket("CHAT-3", "s1", "asked", "outside_hours", "de", "/de/", "Bergfink", messages)


def test_ticket_goes_to_the_webhook(tmp_path):
    with local_server(ok) as (base, received):
        where = send_ticket(_ticket(), f"{base}/hooks/shopbot", "service@shop.test", tmp_path / "outbox")
    assert where.endswith("/hooks/shopbot") and not (tmp_path / "outbox").exists()
    body = received[0]["json"]
    assert received[0]["path"] == "/hooks/shopbot" and body["number"] == "CHAT-3" and body["conversation_id"] == "s1"
    assert "outside service hours" in body["subject"] and "Shopper: Kann ich mit jemandem sprechen?" in body["body"]
    assert body["messages"][1] == {"from": "bot", "text": "Gern.", "at": 1764500001.0}


def test_failing_webhook_falls_back_to_the_outbox(tmp_path):
    async def broken(request: web.Request) -> web.Response:
        return web.Response(status=500, text="desk down")

    with local_server(broken) as (base, received):
        where = send_ticket(_ticket(), f"{base}/hook", "service@shop.test", tmp_path / "outbox")
    assert len(received) == 1 and where.endswith(".eml")
    msg = email.message_from_bytes((tmp_path / "outbox" / where.rsplit("/", 1)[1]).read_bytes(), policy=email.policy.default)
    assert msg["To"] == "service@shop.test" and "CHAT-3" in msg["Subject"]
    text, attached = [part for part in msg.walk() if not part.is_multipart()]
    assert "Shopper: Kann ich mit jemandem sprechen?" in text.get_content()
    assert attached.get_filename() == "conversation-CHAT-3.json" and json.loads(attached.get_content())["conversation_id"] == "s1"


# ---------------------------------------------------------------- the actions


@pytest.fixture
def shop_console(console, run_action, monkeypatch):
    """The actions' console database and a config with service hours all week (or none)."""
    from actions import handoff as action_handoff

    db = console[0]
    monkeypatch.setattr(action_handoff, "console_db", lambda: db)
    monkeypatch.setattr(action_handoff, "_data", lambda: console[2])
    cfg = {"value": HandoffConfig(email="hilfe@shop.test", hours=parse_hours({"mon-sun": "00:00-24:00"}), contact_hours={"de": "Mo–Fr 9–18 Uhr", "en": "Mon–Fri 9–18"})}
    monkeypatch.setattr(action_handoff, "config", lambda: cfg["value"])
    return db, cfg, console[2]


def test_asking_for_a_person_with_an_agent_online_queues(shop_console, run_action):
    from actions.conversation import ActionHandoff

    db, _, _ = shop_console
    handoff.heartbeat(db, "ana")
    messages, slots = run_action(ActionHandoff(), "Ich möchte mit einem Menschen sprechen", intent="human_handoff", metadata={"language": "de", "page_url": "/de/products/x"})
    assert "Ich verbinde Sie mit einer Person" in messages[0]["text"] and slots["handoff_requested"] is True
    (queued,) = handoff.queue(db)
    assert (queued["sender_id"], queued["reason"], queued["page"], queued["language"]) == ("test-user", "asked", "/de/products/x", "de")
    messages, _ = run_action(ActionHandoff(), "Hallo? Jemand da?", intent="human_handoff", metadata={"language": "de"})
    assert "bereits" in messages[0]["text"] and len(handoff.queue(db)) == 1


def test_no_agent_online_means_a_ticket_in_the_outbox(shop_console, run_action):
    from actions.conversation import ActionHandoff

    db, _, tmp = shop_console
    messages, slots = run_action(ActionHandoff(), "Can I talk to a person?", intent="human_handoff", metadata={"language": "en"})
    text = messages[0]["text"]
    assert "nobody from our customer service is in the chat right now" in text and "hilfe@shop.test" in text
    assert handoff.queue(db) == [] and slots["handoff_requested"] is True
    outbox = list((tmp / "outbox").glob("*.eml"))
    assert len(outbox) == 1
    number = email.message_from_bytes(outbox[0].read_bytes(), policy=email.policy.default)["Subject"].split("Chat ")[1].split(":")[0]
    assert number in text and number.startswith("CHAT-")


def test_outside_service_hours_says_when_and_sends_a_ticket(shop_console, run_action):
    from actions.conversation import ActionHandoff

    db, cfg, _ = shop_console
    handoff.heartbeat(db, "ana")  # online, but the shop is closed
    cfg["value"] = HandoffConfig(email="hilfe@shop.test", hours={}, contact_hours={"de": "Mo–Fr 9–18 Uhr"})
    messages, _ = run_action(ActionHandoff(), "Mitarbeiter bitte", intent="human_handoff", metadata={"language": "de"})
    assert "unsere Servicezeiten: Mo–Fr 9–18 Uhr" in messages[0]["text"] and "hilfe@shop.test" in messages[0]["text"]
    assert handoff.queue(db) == []


def _fallback_tracker(previous_sources: list | None) -> Tracker:
    events = [
        {"event": "user", "text": "blub", "timestamp": 1.0},
        {"event": "action", "name": "action_fallback", "timestamp": 2.0},
        {"event": "bot", "text": "Das kann ich leider nicht beantworten.", "metadata": {"sources": previous_sources or []}, "timestamp": 3.0},
        {"event": "action", "name": "action_listen", "timestamp": 4.0},
        {"event": "user", "text": "blab", "timestamp": 5.0},
    ]
    latest = {"text": "blab", "intent": {"name": "nlu_fallback", "confidence": 0.2}, "entities": [], "metadata": {"language": "de", "page_url": "/de/"}}
    return Tracker("twice", {}, latest, events, False, None, {}, "action_listen")


def test_two_dont_know_answers_in_a_row_queue_for_a_person(shop_console):
    from actions.conversation import ActionFallback

    db, _, _ = shop_console
    handoff.heartbeat(db, "ana")
    dispatcher = CollectingDispatcher()
    events = ActionFallback().run(dispatcher, _fallback_tracker(None), {})
    assert "zweimal nicht weiterhelfen" in dispatcher.messages[-1]["text"]
    assert {"event": "slot", "timestamp": None, "name": "handoff_requested", "value": True} in events  # the list's "handoff" filter
    (queued,) = handoff.queue(db)
    assert queued["reason"] == "dont_know" and queued["sender_id"] == "twice" and queued["page"] == "/de/"


def test_one_dont_know_or_nobody_online_does_not_queue(shop_console):
    from actions.conversation import ActionFallback

    db, _, _ = shop_console
    dispatcher = CollectingDispatcher()
    ActionFallback().run(dispatcher, _fallback_tracker(None), {})  # nobody online: the fallback's own offer stands
    assert handoff.queue(db) == [] and len(dispatcher.messages) == 1
    handoff.heartbeat(db, "ana")
    dispatcher = CollectingDispatcher()
    ActionFallback().run(dispatcher, _fallback_tracker(["policy:returns#1"]), {})  # the previous turn answered
    assert handoff.queue(db) == [] and len(dispatcher.messages) == 1


def test_transcript_marks_an_agents_message(console):
    from sqlalchemy import insert

    from bot.console.transcript import load_turns

    _, events, _ = console
    events.create()
    data = {"event": "bot", "text": "Hello, Ana here.", "metadata": {"person": "ana", "handoff": "message", "handoff_message": 1}}
    with events.engine.begin() as conn:
        conn.execute(insert(events.table).values(sender_id="s1", type_name="bot", timestamp=1.0, data=json.dumps(data)))
    (turn,) = load_turns(events, "s1")
    (item,) = [i for i in turn.items if i["kind"] == "bot"]
    assert item["person"] == "ana" and item["text"] == "Hello, Ana here."


def test_a_waiting_shopper_whose_agents_left_gets_a_ticket_on_asking_again(shop_console, run_action):
    from actions.conversation import ActionHandoff

    db, _, tmp = shop_console
    handoff.heartbeat(db, "ana", now=1.0)  # long gone
    hid = handoff.request(db, "test-user", "asked", "en", "/en/")
    messages, _ = run_action(ActionHandoff(), "Hello? Is anybody there?", intent="human_handoff", metadata={"language": "en"})
    assert f"CHAT-{hid}" in messages[0]["text"] and handoff.queue(db) == []
    assert handoff.get(db, hid)["status"] == "ticket" and handoff.get(db, hid)["ticket"].endswith(".eml")
    assert len(list((tmp / "outbox").glob("*.eml"))) == 1


def test_without_the_console_database_the_contact_details_answer(shop_console, run_action, monkeypatch):
    from actions import handoff as action_handoff
    from actions.conversation import ActionHandoff

    def broken():
        raise OSError("database is gone")

    monkeypatch.setattr(action_handoff, "console_db", broken)
    messages, slots = run_action(ActionHandoff(), "A person please", intent="human_handoff", metadata={"language": "en"})
    assert "hilfe@shop.test" in messages[0]["text"] and slots["handoff_requested"] is True
