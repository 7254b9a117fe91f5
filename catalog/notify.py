"""Telling action servers that a new catalog version or new store policies are out.

Readers always poll the store's `CURRENT` pointer and policy files (a few `stat` calls every
`POLL_SECONDS`); when `SHOPBOT_REDIS_URL` is set, writers also publish on a Redis channel and
readers wake up at once instead of waiting for the next poll.
"""

from __future__ import annotations

import logging
import os
import time

log = logging.getLogger(__name__)

CHANNEL = "shopbot:catalog"
POLL_SECONDS = float(os.environ.get("SHOPBOT_POLL_SECONDS", "0.25"))


def redis_url() -> str | None:
    return os.environ.get("SHOPBOT_REDIS_URL") or None


def announce(store: str, what: str, version: int | None = None) -> None:
    """Tell readers that `store` changed (`catalog` or `policies`); never fails the write."""
    url = redis_url()
    if not url:
        return
    try:
        import redis

        client = redis.Redis.from_url(url, socket_timeout=1)
        client.publish(CHANNEL, f"{store} {what} {version or ''}".strip())
        client.close()
    except Exception as exc:  # readers still poll
        log.warning("could not announce the change on Redis: %s", exc)


class Waiter:
    """Sleeps until the next poll, or until Redis says something changed."""

    def __init__(self, poll: float | None = None):
        self.poll = poll if poll is not None else float(os.environ.get("SHOPBOT_POLL_SECONDS", str(POLL_SECONDS)))
        self._pubsub = None
        url = redis_url()
        if url:
            try:
                import redis

                self._pubsub = redis.Redis.from_url(url, socket_timeout=5).pubsub(ignore_subscribe_messages=True)
                self._pubsub.subscribe(CHANNEL)
            except Exception as exc:
                log.warning("Redis not reachable, polling only: %s", exc)
                self._pubsub = None

    def wait(self) -> None:
        if self._pubsub is None:
            time.sleep(self.poll)
            return
        try:
            self._pubsub.get_message(timeout=self.poll)
        except Exception:
            self._pubsub = None
            time.sleep(self.poll)
