"""socket.io across Rasa replicas (used by `bot.channels.ShopSocketIOInput`).

A shopper's socket is connected to one replica, but a message for it can be sent by any: the
support console appends an agent's message through Rasa's HTTP API on whichever replica the
load balancer picks. With `SHOPBOT_REDIS_URL` set, python-socketio's Redis client manager
carries every emit to all replicas (Redis pub/sub channel `SHOPBOT_SOCKETIO_CHANNEL`), and each
delivers it to the clients connected to it.

Two changes to python-socketio's `AsyncRedisManager`: the clients connected to the emitting
replica get the message directly (and the copy coming back from Redis is skipped), so a bot's
answer on the same replica needs no Redis round trip and still arrives while Redis is down; and
engine.io session ids start with the replica's name (`SHOPBOT_NODE`, e.g. `r1-...`), so nginx
can route a long-polling client's later requests to the replica that holds its session.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from socketio import AsyncRedisManager, AsyncServer
from socketio.asyncio_manager import AsyncManager

logger = logging.getLogger(__name__)
DEFAULT_CHANNEL = "shopbot:socketio"


class LocalFirstRedisManager(AsyncRedisManager):
    """`AsyncRedisManager` that serves its own clients first, then tells the other replicas."""

    async def emit(self, event: str, data: Any, namespace: str | None = None, room: str | None = None,
                   skip_sid: Any = None, callback: Any = None, **kwargs: Any) -> None:  # fmt: skip
        if kwargs.get("ignore_queue") or callback is not None:  # acknowledgements: python-socketio's own path
            await super().emit(event, data, namespace=namespace, room=room, skip_sid=skip_sid, callback=callback, **kwargs)
            return
        namespace = namespace or "/"
        await AsyncManager.emit(self, event, data, namespace, room=room, skip_sid=skip_sid)
        await self._publish({"method": "emit", "event": event, "data": data, "namespace": namespace, "room": room,
                             "skip_sid": skip_sid, "callback": None, "host_id": self.host_id, "origin": self.host_id})  # fmt: skip

    async def _handle_emit(self, message: dict) -> None:
        if message.get("origin") == self.host_id:  # sent to our clients already
            return
        await super()._handle_emit(message)


def share_across_replicas(sio: AsyncServer) -> bool:
    """Gives Rasa's socket.io server the Redis manager and node-named session ids, when
    `SHOPBOT_REDIS_URL` / `SHOPBOT_NODE` are set; True when the Redis manager is in place."""
    node = os.environ.get("SHOPBOT_NODE", "")
    if node:
        make_id = sio.eio.generate_id
        sio.eio.generate_id = lambda: f"{node}-{make_id()}"
    url = os.environ.get("SHOPBOT_REDIS_URL")
    if not url:
        return False
    channel = os.environ.get("SHOPBOT_SOCKETIO_CHANNEL") or DEFAULT_CHANNEL
    manager = LocalFirstRedisManager(url, channel=channel, redis_options={"socket_connect_timeout": 1})
    manager.set_server(sio)
    sio.manager = manager
    sio.manager_initialized = False  # initialised (its listener started) on the first connection
    logger.info("socket.io shares its clients across replicas through Redis channel %s", channel)
    return True
