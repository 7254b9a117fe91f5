"""Rasa's REST and socket.io channels, same URLs and protocols as Rasa's `rest` and `socketio`,
with these changes:

- a message that is empty or only white space becomes the intent `invalid_input`, which Rasa's
  NLU pipeline cannot parse itself (it fails and the shopper would get no answer at all);
- metadata is checked (`bot/metadata.py`: wrong types and lengths dropped) and carries the
  client's address under `CLIENT_KEY`, which only the channel sets;
- too large requests and too many messages per minute (per conversation, per client address:
  `bot/limits.py`) are answered with a sentence in the shopper's language before NLU runs
  (REST: status 413 / 429 with the usual list of bot messages as the body);
- a message Rasa fails on (its lock store, tracker store or action server unreachable for the
  moment) is answered with a short "one moment, please send it again" instead of silence;
- socket.io delivers custom payloads (product cards), and a support agent's messages (bot
  events appended through Rasa's HTTP API with `execute_side_effects`, their metadata naming
  the `person`: `bot/console/live.py`) with that name, so the widget marks them as a person's;
  with `SHOPBOT_REDIS_URL` the socket.io server shares its clients with the other Rasa
  replicas through Redis (`bot/socket_manager.py`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.texts import say
from bot.limits import ChannelGuard
from bot.metadata import CLIENT_KEY, clean
from bot.socket_manager import share_across_replicas

logger = logging.getLogger(__name__)

EMPTY_MESSAGE = "/invalid_input"  # actions/context.py knows it too


def answer_failures(on_new_message: Callable[[UserMessage], Awaitable[Any]], guard: ChannelGuard) -> Callable[[UserMessage], Awaitable[None]]:
    """`on_new_message` that tells the shopper to send again when Rasa fails on the message
    (Rasa's channels log the error and answer nothing), or when it answers nothing at all:
    a custom action that failed (its action server killed mid-call) is logged by Rasa, which
    goes on without its events. A conversation a person has taken over (paused) stays quiet."""

    async def handle(message: UserMessage) -> None:
        lang = guard.language(message.metadata or {})
        try:
            await on_new_message(message)
        except Exception:
            logger.exception("message of %s not handled; the shopper is asked to send it again", message.sender_id)
            await message.output_channel.send_text_message(message.sender_id, say("try_again", lang))
            return
        if not _replied(message.output_channel) and not await _paused(message.sender_id):
            logger.warning("no reply to a message of %s (a failed action?); the shopper is asked to send it again", message.sender_id)
            await message.output_channel.send_text_message(message.sender_id, say("try_again", lang))

    return handle


def _replied(output: OutputChannel | None) -> bool:
    if isinstance(output, CollectingOutputChannel):
        return bool(output.messages)
    if isinstance(output, ShopSocketIOOutput):
        return output.sent > 0
    return True  # a channel that does not tell: as answered


async def _paused(sender_id: str | None) -> bool:
    """Whether the conversation is paused (a person answers); False when that can't be told."""
    try:
        agent = Sanic.get_app().ctx.agent
        tracker = await agent.tracker_store.retrieve(sender_id)
        return bool(tracker is not None and tracker.is_paused())
    except Exception:  # no single app (tests), no agent: not paused
        return False


class ShopRestInput(RestInput):
    def __init__(self, guard: ChannelGuard | None = None) -> None:
        super().__init__()
        self.guard = guard or ChannelGuard()

    @classmethod
    def name(cls) -> str:
        return "rest"

    def _extract_message(self, req: Request) -> str | None:
        text = req.json.get("message", None)
        if text is None or (isinstance(text, str) and not text.strip()):
            return EMPTY_MESSAGE
        return text if isinstance(text, str) else str(text)

    def get_metadata(self, request: Request) -> dict[str, Any]:
        meta = clean(request.json.get("metadata"), str(request.json.get("sender")))
        meta[CLIENT_KEY] = request.ctx.client
        return meta

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guard = self.guard
        blueprint = super().blueprint(answer_failures(on_new_message, guard))

        @blueprint.middleware("request")
        async def check(request: Request) -> HTTPResponse | None:
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            request.ctx.client = guard.client(request.ip, request.headers.get("x-forwarded-for"))
            size = len(request.body or b"")
            if size > guard.max_bytes:
                return response.json([{"recipient_id": None, "text": guard.too_large_text(size, guard.default_language)}], status=413)
            try:
                body = request.json
            except Exception:
                body = None
            if not isinstance(body, dict):
                return response.json({"error": "the body must be a JSON object {sender, message, metadata}"}, status=400)
            sender = body.get("sender")
            if sender is not None and (not isinstance(sender, str) or len(sender) > 255):
                return response.json({"error": "sender must be a string of at most 255 characters"}, status=400)
            if await guard.too_fast(sender or "", request.ctx.client):
                lang = guard.language(clean(body.get("metadata"), sender or ""))
                return response.json([{"recipient_id": sender, "text": guard.slow_down_text(lang)}], status=429)
            return None

        return blueprint


class ShopSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, except that a custom payload arrives as `{"custom": {...}}`.

    Rasa's own `send_custom_json` passes the payload's keys to `AsyncServer.emit` as keyword
    arguments, so anything but `{"data": ...}` fails there; the REST channel answers with
    `{"custom": {...}}`, and the widget reads the same shape from both.
    """

    sent = 0  # messages sent for the turn (an output is made per message)

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """A person's message (the console's live handoff) keeps who wrote it; the rest as Rasa's."""
        person = message.get("person")
        if isinstance(person, str) and person:
            keys = ("text", "person", "handoff", "handoff_message")
            await self._send_message(recipient_id, {k: message[k] for k in keys if message.get(k) is not None})
            return
        await super().send_response(recipient_id, message)


class ShopSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (same events, session persistence, metadata, path) with the
    output above and the REST channel's answer to empty messages. Clients that ask for an
    acknowledgement get it once the message has been handled (the bot's replies are sent)."""

    def __init__(self, *args: Any, guard: ChannelGuard | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guard = guard or ChannelGuard()

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> OutputChannel | None:
        return ShopSocketIOOutput(self.sio, self.bot_message_evt) if self.sio is not None else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        on_new_message = answer_failures(on_new_message, self.guard)
        sio = self.sio
        assert sio is not None
        share_across_replicas(sio)  # with SHOPBOT_REDIS_URL: an emit on any replica reaches the client
        guard = self.guard
        # engine.io drops the connection beyond this; below it, a too large message gets an answer
        sio.eio.max_http_buffer_size = 4 * guard.max_bytes

        async def handle_message(sid: str, data: dict) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                if not data.get("session_id"):
                    logger.warning("socket.io message without a session_id ignored")
                    return
                sender_id = str(data["session_id"])[:100]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            metadata = clean(metadata, sender_id)
            # engine.io's sanic driver puts 127.0.0.1 into REMOTE_ADDR: the request knows the peer
            request = (sio.get_environ(sid, namespace=self.namespace) or {}).get("sanic.request")
            metadata[CLIENT_KEY] = guard.client(request.ip if request else None, request.headers.get("x-forwarded-for") if request else None)
            output = ShopSocketIOOutput(sio, self.bot_message_evt)
            size = len(json.dumps(data, default=str).encode())
            if size > guard.max_bytes:
                await output.send_text_message(sender_id, guard.too_large_text(size, guard.language(metadata)))
                return
            if await guard.too_fast(sender_id, metadata[CLIENT_KEY]):
                await output.send_text_message(sender_id, guard.slow_down_text(guard.language(metadata)))
                return
            text = data.get("message")
            if not isinstance(text, str) or not text.strip():
                text = EMPTY_MESSAGE
            await on_new_message(UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata))

        sio.on(self.user_message_evt, namespace=self.namespace)(handle_message)  # replaces Rasa's handler
        return blueprint
