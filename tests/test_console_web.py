"""The console over HTTP (aiohttp's test server, the real app routes): login sets an HttpOnly,
SameSite=Strict session cookie; a POST without the session's CSRF token is refused; agents
cannot export; the transcript masks personal data until it is opened on purpose (logged)."""

from __future__ import annotations

import asyncio
import re

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.console import auth, privacy
from bot.console.web import setup_console
from tests.test_console import ORDER, PASSWORD, open_console, save_conversation


@pytest.fixture
def console(tmp_path, monkeypatch):
    c = open_console(tmp_path, monkeypatch)
    yield c
    c[0].drop()


def run(console, scenario) -> None:  # noqa: ANN001
    """Runs `scenario(client)` against an app with only the console mounted."""
    db, events, tmp = console

    async def main() -> None:
        app = web.Application()
        setup_console(app, tmp, db_url=str(db.engine.url), events_url=str(events.engine.url))
        async with TestClient(TestServer(app)) as client:
            await scenario(client)

    asyncio.run(main())


async def login(client, name: str, password: str = PASSWORD):  # noqa: ANN001, ANN201
    page = await client.get("/console/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', await page.text()).group(1)
    return await client.post("/console/login", data={"csrf": csrf, "name": name, "password": password}, allow_redirects=False)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_login_cookie_flags_csrf_and_logout(console):
    auth.add_user(console[0], "ana", "agent", PASSWORD)

    async def scenario(client):
        assert (await client.get("/console", allow_redirects=False)).headers["Location"] == "/console/login"
        response = await login(client, "ana")
        assert response.status == 303
        cookie = next(v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("shopbot_console="))
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/console" in cookie
        page = await client.get("/console")
        assert page.status == 200 and "Conversations" in await page.text()
        assert "default-src 'none'" in page.headers["Content-Security-Policy"]
        html = await page.text()
        refused = await client.post("/console/logout", data={"csrf": "forged"}, allow_redirects=False)
        assert refused.status == 403 and "CSRF" in await refused.text()
        assert (await client.get("/console")).status == 200  # still logged in
        out = await client.post("/console/logout", data={"csrf": csrf_of(html)}, allow_redirects=False)
        assert out.status == 303
        assert (await client.get("/console", allow_redirects=False)).status == 303

    run(console, scenario)


def test_login_without_the_forms_token_is_refused_and_wrong_passwords_lock(console):
    auth.add_user(console[0], "ana", "agent", PASSWORD)

    async def scenario(client):
        forged = await client.post("/console/login", data={"name": "ana", "password": PASSWORD}, allow_redirects=False)
        assert forged.status == 403
        for _ in range(auth.MAX_FAILURES):
            assert (await login(client, "ana", "not the password")).status == 401
        locked = await login(client, "ana")
        assert locked.status == 401 and "locked" in await locked.text()

    run(console, scenario)


def test_agents_see_masked_data_open_it_logged_and_cannot_export(console):
    db, events, _ = console
    auth.add_user(db, "ana", "agent", PASSWORD)
    auth.add_user(db, "boss", "admin", PASSWORD)
    save_conversation(events, "order-1", ORDER)

    async def scenario(client):
        await login(client, "ana")
        listing = await client.get("/console", params={"handoff": "1"})
        assert "order-1" in await listing.text()
        bad = await client.get("/console", params={"from": "last week"})
        assert bad.status == 400 and "is not a date" in await bad.text()
        page = await client.get("/console/conversation", params={"id": "order-1"})
        html = await page.text()
        assert "jane.doe@example.com" not in html and "123456" not in html and "[e-mail •••]" in html
        assert "runner-up return_item" in html and "order:" in html
        opened = await client.post("/console/conversation/reveal", data={"csrf": csrf_of(html), "id": "order-1"})
        assert "jane.doe@example.com" in await opened.text()
        assert [(a["user"], a["what"]) for a in privacy.access_log(db, "order-1")] == [("ana", "reveal_personal_data")]
        assert (await client.get("/console/export/nlu.yml")).status == 403
        event = re.search(r'name="event" value="(\d+)"', html).group(1)
        wrong = await client.post("/console/conversation/intent", data={"csrf": csrf_of(html), "id": "order-1", "event": event, "intent": "nope"})
        assert wrong.status == 400 and "not an intent of domain.yml" in await wrong.text()
        ok = await client.post("/console/conversation/intent", data={"csrf": csrf_of(html), "id": "order-1", "event": event, "intent": "return_item"})
        assert ok.status == 200 and "corrected to return_item by ana" in await ok.text()
        client.session.cookie_jar.clear()
        await login(client, "boss")
        nlu = await client.get("/console/export/nlu.yml")
        assert nlu.status == 200 and "- intent: return_item" in await nlu.text()
        assert "attachment" in nlu.headers["Content-Disposition"]
        assert (await client.get("/console/export/stories.yml", params={"since": "soon"})).status == 400

    run(console, scenario)


@pytest.mark.parametrize("path", ["/console", "/console/conversation?id=x", "/console/export", "/console/export/nlu.yml"])
def test_pages_need_a_session(console, path):
    async def scenario(client):
        response = await client.get(path, allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/console/login"

    run(console, scenario)


def test_admins_manage_users_agents_cannot(console):
    db = console[0]
    auth.add_user(db, "ana", "agent", PASSWORD)
    auth.add_user(db, "boss", "admin", PASSWORD)

    async def scenario(client):
        await login(client, "ana")
        html = await (await client.get("/console")).text()
        assert "/console/users" not in html
        assert (await client.get("/console/users")).status == 403
        refused = await client.post("/console/users/add", data={"csrf": csrf_of(html), "name": "eve", "role": "admin", "password": PASSWORD})
        assert refused.status == 403 and "eve" not in [u["name"] for u in auth.list_users(db)]
        client.session.cookie_jar.clear()
        await login(client, "boss")
        html = await (await client.get("/console/users")).text()
        added = await client.post("/console/users/add", data={"csrf": csrf_of(html), "name": "tom", "role": "agent", "password": PASSWORD})
        assert added.status == 200 and "tom" in await added.text()
        short = await client.post("/console/users/add", data={"csrf": csrf_of(html), "name": "kim", "role": "agent", "password": "short"})
        assert short.status == 400 and "too short" in await short.text()
        self_removal = await client.post("/console/users/remove", data={"csrf": csrf_of(html), "name": "boss"})
        assert self_removal.status == 400 and "your own account" in await self_removal.text()
        await client.post("/console/users/remove", data={"csrf": csrf_of(html), "name": "ana"})
        assert sorted(u["name"] for u in auth.list_users(db)) == ["boss", "tom"]

    run(console, scenario)


def test_widget_ratings_are_stored_with_the_turn_shown_and_filtered(console):
    db, events, _ = console
    auth.add_user(db, "ana", "agent", PASSWORD)
    save_conversation(events, "order-1", ORDER)
    answer = ORDER[1][5]

    async def scenario(client):
        def post(body, content_type="application/json"):  # noqa: ANN001, ANN202
            import json

            return client.post("/api/rating", data=json.dumps(body), headers={"Content-Type": content_type})

        assert (await post({"sender": "order-1", "text": answer, "rating": "up"}, "text/plain")).status == 415
        assert (await post({"sender": "order-1", "text": answer, "rating": "meh"})).status == 400
        assert (await post({"sender": "someone-else", "text": answer, "rating": "up"})).status == 404
        assert (await post({"sender": "order-1", "text": "words the bot never said", "rating": "up"})).status == 404
        assert (await post({"sender": "order-1", "text": answer, "rating": "down"})).status == 200
        await login(client, "ana")
        html = await (await client.get("/console/conversation", params={"id": "order-1"})).text()
        assert "shopper rated this not helpful" in html and html.count("shopper rated this") == 1
        assert "order-1" in await (await client.get("/console", params={"rating": "down"})).text()
        assert "order-1" not in await (await client.get("/console", params={"rating": "up"})).text()
        assert (await post({"sender": "order-1", "text": answer, "rating": "none"})).status == 200  # taken back
        assert "shopper rated this" not in await (await client.get("/console/conversation", params={"id": "order-1"})).text()

    run(console, scenario)


def test_long_transcripts_show_the_last_50_turns_and_page_back(console):
    db, events, _ = console
    auth.add_user(db, "ana", "agent", PASSWORD)
    turn = ("noch eine Frage {}", "ask_shipping", 0.9, "ask_policy", "action_answer_shipping", "Antwort {}", ["policy:shipping"], {"language": "de"}, None)
    save_conversation(events, "long", [tuple(x.format(i) if isinstance(x, str) else x for x in turn) for i in range(60)])

    async def scenario(client):
        await login(client, "ana")
        last = await (await client.get("/console/conversation", params={"id": "long"})).text()
        assert "(60 turns)" in last and last.count('class="msg user"') == 50
        assert "noch eine Frage 59" in last and "noch eine Frage 9<" not in last and "earlier=1" in last
        first = await (await client.get("/console/conversation", params={"id": "long", "earlier": "1"})).text()
        assert first.count('class="msg user"') == 10 and "noch eine Frage 0<" in first and "Later turns" in first

    run(console, scenario)


def test_the_tracker_store_is_found_where_the_stack_writes_it(monkeypatch, tmp_path):
    from bot.console.events import tracker_url

    for name in ("SHOPBOT_TRACKER_DB_URL", "SHOPBOT_TRACKER_DB", "ENDPOINTS", "SHOPBOT_PG_HOST"):
        monkeypatch.delenv(name, raising=False)
    assert tracker_url(tmp_path) == f"sqlite:///{tmp_path.resolve() / 'conversations.db'}"
    monkeypatch.setenv("SHOPBOT_TRACKER_DB", str(tmp_path / "other.db"))
    assert tracker_url(tmp_path).endswith("/other.db")
    monkeypatch.setenv("ENDPOINTS", "endpoints.postgres.yml")
    monkeypatch.setenv("SHOPBOT_PG_HOST", "db.internal")
    monkeypatch.setenv("SHOPBOT_PG_USER", "rasa")
    monkeypatch.setenv("SHOPBOT_PG_DB", "conversations")
    assert tracker_url(tmp_path) == "postgresql://rasa@db.internal:5432/conversations"
    monkeypatch.setenv("SHOPBOT_TRACKER_DB_URL", "postgres://x@y/z")
    assert tracker_url(tmp_path) == "postgresql://x@y/z"
