"""The live handoff pages over HTTP (aiohttp's test server, the real routes; Rasa's HTTP API is a
local aiohttp server): the live page marks the agent online and lists the queue with the
conversation so far, taking and writing need the CSRF token, the poll returns the shopper's new
messages, and the widget's REST fallback returns the agent's."""

from __future__ import annotations

import asyncio

import pytest

from bot.console import auth, handoff
from tests.test_console import ORDER, PASSWORD, save_conversation
from tests.test_console_web import csrf_of, login, run
from tests.test_handoff import local_server, ok


@pytest.fixture
def console(tmp_path, monkeypatch):
    from tests.test_console import open_console

    c = open_console(tmp_path, monkeypatch)
    yield c
    c[0].drop()


def test_queue_take_write_poll_and_widget_fallback(console, monkeypatch):
    db, events, _ = console
    auth.add_user(db, "ana", "agent", PASSWORD)
    save_conversation(events, "s-live", ORDER)
    hid = handoff.request(db, "s-live", "asked", "en", "/en/")

    with local_server(ok) as (base, received):
        monkeypatch.setenv("SHOPBOT_RASA_URL", base)

        async def scenario(client):
            await login(client, "ana")
            assert handoff.agents_online(db) == []
            page = await client.get("/console/live")
            html = await page.text()
            assert page.status == 200 and handoff.agents_online(db) == ["ana"]
            assert "script-src 'self'" in page.headers["Content-Security-Policy"]
            assert "s-live" in html and "asked for a person" in html and "page: /en/" in html
            assert "I want to talk to a person" in html and "+49 170 1234567" not in html  # the preview is masked
            fragment = await (await client.get("/console/live?part=queue")).text()
            assert "<html" not in fragment and f"/console/live/{hid}/take" in fragment

            chat = await client.get(f"/console/live/{hid}")
            csrf = csrf_of(await chat.text())
            refused = await client.post(f"/console/live/{hid}/take", data={"csrf": "wrong"}, allow_redirects=False)
            assert refused.status == 403 and handoff.get(db, hid)["status"] == "waiting"
            taken = await client.post(f"/console/live/{hid}/take", data={"csrf": csrf}, allow_redirects=False)
            assert taken.status == 303 and handoff.get(db, hid)["agent"] == "ana"
            mine = await (await client.get(f"/console/live/{hid}")).text()
            assert "+49 170 1234567" in mine and "Hand back to the bot" in mine  # the holder sees what the shopper wrote

            empty = await client.post(f"/console/live/{hid}/message", data={"csrf": csrf, "text": " "})
            assert empty.status == 400 and "the message is empty" in await empty.text()
            sent = await client.post(f"/console/live/{hid}/message", data={"csrf": csrf, "text": "Hello, Ana here."}, allow_redirects=False)
            assert sent.status == 303

            polled = await (await client.get(f"/console/live/{hid}/events.json?after=0")).json()
            assert polled["status"] == "taken" and [m["who"] for m in polled["messages"]] == ["user", "bot", "user", "bot"]
            last = polled["messages"][-1]["id"]
            await asyncio.to_thread(save_conversation, events, "s-live", [("Thanks! My order is 123456", "order_status", 0.9, "thank", "action_listen", "", [], {}, {})])
            polled = await (await client.get(f"/console/live/{hid}/events.json?after={last}")).json()
            assert polled["messages"][0] == {**polled["messages"][0], "who": "user", "text": "Thanks! My order is 123456"}

            answer = await client.get("/api/handoff/messages?sender=s-live&after=0")
            assert answer.headers["Access-Control-Allow-Origin"] == "*"  # the widget may be embedded on another domain
            fallback = await answer.json()
            assert [(m["handoff"], m["person"]) for m in fallback] == [("connected", "ana"), ("message", "ana")]
            assert fallback[1]["text"] == "Hello, Ana here."
            later = await (await client.get(f"/api/handoff/messages?sender=s-live&after={fallback[0]['handoff_message']}")).json()
            assert [m["text"] for m in later] == ["Hello, Ana here."]
            bad = await client.get("/api/handoff/messages?sender=s-live&after=x")
            assert bad.status == 400 and "after" in (await bad.json())["error"]

            back = await client.post(f"/console/live/{hid}/handback", data={"csrf": csrf}, allow_redirects=False)
            assert back.status == 303 and handoff.get(db, hid)["status"] == "closed"
            assert "Nobody is waiting" in await (await client.get("/console/live?part=queue")).text()

        run(console, scenario)
    kinds = [[e["event"] for e in r["json"]] for r in received]
    assert kinds == [["pause", "bot"], ["bot"], ["bot", "resume"]]
