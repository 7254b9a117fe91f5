"""The chat channels (bot/channels.py) served by a real Sanic server in this process, with a
recording handler in place of Rasa's agent (the boundary): metadata checked, the client's
address set by the channel alone, message rate and size limits answered in the shopper's
language before a message reaches the agent."""

from __future__ import annotations

import asyncio
import json
import socket
import uuid

import aiohttp
import pytest
import socketio
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from actions.texts import say
from bot.channels import ShopRestInput, ShopSocketIOInput
from bot.limits import ChannelGuard, RateLimiter
from bot.metadata import CLIENT_KEY, clean, client_address, networks
from catalog.store import Security

HOSTILE = {"product_id": ["trailrunner-gtx"], "country": {"code": "DE"}, "language": "x" * 5000, "cart": "all of it",
           "page_type": "product", CLIENT_KEY: "10.9.9.9"}  # fmt: skip


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    """Several apps in one process: Sanic rewrites its HTTP class once per process otherwise."""
    monkeypatch.setattr(Sanic, "test_mode", True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """Both channels on one Sanic app; `received` are the messages that reached the agent."""

    def __init__(self, **security):
        self.received: list[UserMessage] = []
        guard = ChannelGuard(Security(**security), "de", redis_url="")
        guard.limiter.clock = lambda: 6000.0  # one minute for the whole test
        self.rest, self.sio = ShopRestInput(guard), ShopSocketIOInput(session_persistence=True, guard=guard)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    async def handle(self, message: UserMessage) -> None:
        self.received.append(message)
        if message.text == "boom":  # Rasa failing on a message: its lock store or database gone
            raise ConnectionError("Redis is down")
        if message.text != "(silent)":  # as Rasa when a custom action failed: nothing to say
            await message.output_channel.send_text_message(message.sender_id, f"echo: {message.text}")

    async def __aenter__(self):
        app = Sanic(f"t{uuid.uuid4().hex}")
        app.blueprint(self.rest.blueprint(self.handle), url_prefix="/webhooks/rest")
        app.blueprint(self.sio.blueprint(self.handle))
        self.server = await app.create_server(host="127.0.0.1", port=self.port, return_asyncio_server=True)
        await self.server.startup()
        self.http = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc):
        await self.http.close()
        self.server.close()
        await self.server.wait_closed()

    async def post(self, body, headers=None) -> tuple[int, object]:
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        async with self.http.post(f"{self.url}/webhooks/rest/webhook", data=data, headers=headers or {}) as r:
            return r.status, await r.json(content_type=None)


def run(coro):
    return asyncio.run(coro)


def test_rest_drops_malformed_metadata_and_sets_the_client_address():
    async def go():
        async with Served(trusted_proxies=[]) as s:
            status, replies = await s.post({"sender": "a", "message": "hallo", "metadata": HOSTILE},
                                           {"X-Forwarded-For": "203.0.113.9"})  # fmt: skip
            assert status == 200 and replies[0]["text"] == "echo: hallo"
            meta = s.received[0].metadata
            assert meta == {"page_type": "product", CLIENT_KEY: "127.0.0.1"}  # the peer: no proxy is trusted
            status, _ = await s.post({"sender": "b", "message": "hi", "metadata": ["not", "an", "object"]})
            assert status == 200 and s.received[1].metadata == {CLIENT_KEY: "127.0.0.1"}
    run(go())


def test_rest_believes_x_forwarded_for_only_from_a_trusted_proxy():
    async def go():
        async with Served(trusted_proxies=["127.0.0.1"]) as s:
            await s.post({"sender": "a", "message": "hi"}, {"X-Forwarded-For": "198.51.100.4, 203.0.113.9"})
            assert s.received[0].metadata[CLIENT_KEY] == "203.0.113.9"  # the hop the proxy saw, not what the client wrote
    run(go())


def test_rest_flood_gets_429_with_a_reply_in_the_shoppers_language():
    async def go():
        async with Served(conversation_messages_per_minute=3, client_messages_per_minute=6) as s:
            for _ in range(3):
                assert (await s.post({"sender": "flood", "message": "hi"}))[0] == 200
            status, replies = await s.post({"sender": "flood", "message": "hi", "metadata": {"language": "en"}})
            assert status == 429 and "Please wait a moment" in replies[0]["text"]
            assert len(s.received) == 3  # the agent never saw it
            # new conversation ids from the same address do not get around the address limit (refused messages count too)
            assert (await s.post({"sender": "fresh-1", "message": "hi"}))[0] == 200
            assert (await s.post({"sender": "fresh-2", "message": "hi"}))[0] == 200
            status, replies = await s.post({"sender": "fresh-3", "message": "hi"})
            assert status == 429 and "Bitte warten Sie einen Moment" in replies[0]["text"]
    run(go())


def test_rest_refuses_a_too_large_body_and_a_bad_sender_before_the_agent():
    async def go():
        async with Served(max_request_bytes=2048) as s:
            status, replies = await s.post({"sender": "a", "message": "x" * 3000})
            assert status == 413 and "2048" in replies[0]["text"]
            status, body = await s.post({"sender": ["a"], "message": "hi"})
            assert status == 400 and "sender" in body["error"]
            status, body = await s.post(b"{not json")
            assert status == 400 and "JSON" in body["error"]
            assert s.received == []
    run(go())


def test_socketio_checks_metadata_sets_the_address_and_limits_the_rate():
    async def go():
        async with Served(conversation_messages_per_minute=2) as s:
            client = socketio.AsyncClient()
            replies: list[str] = []
            client.on("bot_uttered", lambda data: replies.append(data.get("text", "")))
            await client.connect(s.url, transports=["polling"], headers={"X-Forwarded-For": "192.0.2.33"})
            await client.emit("session_request", {"session_id": "sio-1"})
            for k in range(3):
                await client.call("user_uttered", {"message": f"hi {k}", "session_id": "sio-1",
                                                   "metadata": {**HOSTILE, "language": "en"}}, timeout=10)  # fmt: skip
            await asyncio.sleep(0.2)
            await client.disconnect()
            assert [m.text for m in s.received] == ["hi 0", "hi 1"]
            assert s.received[0].metadata == {"page_type": "product", "language": "en", CLIENT_KEY: "192.0.2.33"}
            assert replies[:2] == ["echo: hi 0", "echo: hi 1"] and "Please wait a moment" in replies[2]
    run(go())


def test_a_turn_without_any_reply_gets_a_retry_notice_on_both_channels():
    async def go():
        async with Served() as s:
            status, replies = await s.post({"sender": "a", "message": "(silent)", "metadata": {"language": "en"}})
            assert status == 200 and [r["text"] for r in replies] == [say("try_again", "en")]
            status, replies = await s.post({"sender": "a", "message": "hallo"})
            assert [r["text"] for r in replies] == ["echo: hallo"]  # an answered turn gets nothing more
            client = socketio.AsyncClient()
            got: list[str] = []
            client.on("bot_uttered", lambda data: got.append(data.get("text", "")))
            await client.connect(s.url, transports=["polling"])
            await client.emit("session_request", {"session_id": "sio-2"})
            for text in ("(silent)", "hi"):
                await client.call("user_uttered", {"message": text, "session_id": "sio-2", "metadata": {"language": "de"}}, timeout=10)
            await asyncio.sleep(0.2)
            await client.disconnect()
            assert got == [say("try_again", "de"), "echo: hi"]
    run(go())


def test_a_message_rasa_fails_on_gets_a_retry_notice_not_silence():
    from actions.texts import say

    async def go():
        async with Served() as s:
            status, replies = await s.post({"sender": "a", "message": "boom", "metadata": {"language": "en"}})
            assert status == 200 and [r["text"] for r in replies] == [say("try_again", "en")]
            status, replies = await s.post({"sender": "a", "message": "hallo"})
            assert [r["text"] for r in replies] == ["echo: hallo"]  # no notice when all went well
    run(go())


def test_socketio_with_redis_down_still_answers_its_own_clients(monkeypatch):
    """The cluster's socket.io set-up (bot/socket_manager.py) with Redis unreachable: the replica's
    own client still gets its answers (sent directly, not through Redis), and engine.io session
    ids carry the replica's name for nginx's routing."""
    from bot.socket_manager import LocalFirstRedisManager

    monkeypatch.setenv("SHOPBOT_REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("SHOPBOT_NODE", "r7")

    async def go():
        async with Served() as s:
            assert isinstance(s.sio.sio.manager, LocalFirstRedisManager)
            client = socketio.AsyncClient()
            replies: list[str] = []
            client.on("bot_uttered", lambda data: replies.append(data.get("text", "")))
            await client.connect(s.url, transports=["polling"])
            await client.emit("session_request", {"session_id": "sio-r"})
            await client.call("user_uttered", {"message": "hallo", "session_id": "sio-r"}, timeout=10)
            await asyncio.sleep(0.2)
            sid = client.eio.sid
            await client.disconnect()
            assert replies == ["echo: hallo"] and sid.startswith("r7-")
    run(go())


def test_metadata_rules():
    assert clean({"language": "en", "product_id": "p-1", "country": "AT", "order_number": None,
                  "cart": [{"product_id": "p-1", "sku": "S", "quantity": 2}], "x": "short", "y": {"deep": 1}}) == {
        "language": "en", "product_id": "p-1", "country": "AT", "order_number": None,
        "cart": [{"product_id": "p-1", "sku": "S", "quantity": 2}], "x": "short"}  # fmt: skip
    assert clean({"cart": [{"product_id": 5}]}) == {} and clean("text") == {} and clean(None) == {}
    trusted = networks(["10.0.0.0/8", "::1"])
    assert client_address("10.1.2.3", "203.0.113.1, 10.0.0.7", trusted) == "203.0.113.1"
    assert client_address("203.0.113.50", "10.0.0.7", trusted) == "203.0.113.50"
    assert client_address("::1", "not-an-ip", trusted) == "::1"


def test_rate_counts_are_shared_through_redis():
    pytest.importorskip("redis")
    import redis

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("Redis not reachable at 127.0.0.1:6379")
    prefix = f"test:{uuid.uuid4().hex}"

    async def go():
        one = RateLimiter({"conversation": 3}, "redis://127.0.0.1:6379/0", prefix=prefix)
        two = RateLimiter({"conversation": 3}, "redis://127.0.0.1:6379/0", prefix=prefix)  # another process
        assert [await one.allow("conversation", "c"), await two.allow("conversation", "c"), await one.allow("conversation", "c")] == [True] * 3
        assert await two.allow("conversation", "c") is False
        down = RateLimiter({"conversation": 1}, "redis://127.0.0.1:1/0")  # Redis down: counted in memory
        assert await down.allow("conversation", "c") is True and await down.allow("conversation", "c") is False
    run(go())


def test_the_window_starts_over_each_minute():
    now = [1000.0]
    limiter = RateLimiter({"client": 1}, None, clock=lambda: now[0])

    async def go():
        assert await limiter.allow("client", "a") and not await limiter.allow("client", "a")
        now[0] += 60
        assert await limiter.allow("client", "a")
    run(go())


def test_the_chat_page_proxy_forwards_the_shoppers_address(monkeypatch):
    """bot/web.py /api/chat posts to Rasa from loopback: it names the shopper in X-Forwarded-For
    (whatever the shopper put into that header), and the REST channel believes loopback."""
    from aiohttp import web
    from aiohttp.test_utils import TestServer

    from bot.web import chat

    seen: list[str | None] = []

    async def rasa(request):
        seen.append(request.headers.get("X-Forwarded-For"))
        return web.json_response([{"recipient_id": "a", "text": "hi"}])

    async def go():
        fake_rasa = web.Application()
        fake_rasa.router.add_post("/webhooks/rest/webhook", rasa)
        site = web.Application()
        site.router.add_post("/api/chat", chat)
        async with TestServer(fake_rasa, host="127.0.0.1") as r, TestServer(site, host="127.0.0.1") as s:
            monkeypatch.setenv("SHOPBOT_RASA_URL", str(r.make_url("")).rstrip("/"))
            async with aiohttp.ClientSession() as http:
                async with http.post(s.make_url("/api/chat"), json={"sender": "a", "message": "hi"},
                                     headers={"X-Forwarded-For": "6.6.6.6"}) as response:  # fmt: skip
                    assert response.status == 200
    run(go())
    assert seen == ["127.0.0.1"]
