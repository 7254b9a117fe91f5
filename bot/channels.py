"""Rasa's REST and socket.io channels with one change each: a message that is empty or only
white space is turned into the intent `invalid_input`, which Rasa's NLU pipeline cannot parse
itself (it fails and the shopper would get no answer at all); socket.io also delivers custom
payloads (product cards). Same URLs and protocols as Rasa's `rest` and `socketio`."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint
from sanic.request import Request

logger = logging.getLogger(__name__)

EMPTY_MESSAGE = "/invalid_input"  # actions/context.py knows it too


class ShopRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def _extract_message(self, req: Request) -> str | None:
        text = req.json.get("message", None)
        if text is None or (isinstance(text, str) and not text.strip()):
            return EMPTY_MESSAGE
        return text if isinstance(text, str) else str(text)


class ShopSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, except that a custom payload arrives as `{"custom": {...}}`.

    Rasa's own `send_custom_json` passes the payload's keys to `AsyncServer.emit` as keyword
    arguments, so anything but `{"data": ...}` fails there; the REST channel answers with
    `{"custom": {...}}`, and the widget reads the same shape from both.
    """

    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class ShopSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (same events, session persistence, metadata, path) with the
    output above and the REST channel's answer to empty messages. Clients that ask for an
    acknowledgement get it once the message has been handled (the bot's replies are sent)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> OutputChannel | None:
        return ShopSocketIOOutput(self.sio, self.bot_message_evt) if self.sio is not None else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None

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
            text = data.get("message")
            if not isinstance(text, str) or not text.strip():
                text = EMPTY_MESSAGE
            output = ShopSocketIOOutput(sio, self.bot_message_evt)
            await on_new_message(UserMessage(text, output, sender_id, input_channel=self.name(),
                                             metadata=metadata if isinstance(metadata, dict) else {}))  # fmt: skip

        sio.on(self.user_message_evt, namespace=self.namespace)(handle_message)  # replaces Rasa's handler
        return blueprint
