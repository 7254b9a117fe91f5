"""Message rate limits for the chat channels: per conversation and per client address.

A fixed one-minute window per key: the first `limit` messages in a minute pass, the rest are
answered with "please slow down" before NLU runs. With `SHOPBOT_REDIS_URL` the counters live in
Redis (`INCR` + `EXPIRE`, keys under `SHOPBOT_REDIS_PREFIX`), so they hold across Rasa processes and replicas; without it, or while
Redis is unreachable, each process counts in memory.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable

from actions.texts import say
from bot.metadata import client_address, networks
from catalog.store import Security

log = logging.getLogger(__name__)
WINDOW = 60  # seconds


class RateLimiter:
    def __init__(self, limits: dict[str, int], redis_url: str | None = None,
                 clock: Callable[[], float] = time.time, prefix: str = "shopbot:rate") -> None:  # fmt: skip
        self.limits = limits  # scope ("conversation", "client") -> messages per window
        self.redis_url = redis_url
        self.clock = clock
        self.prefix = prefix
        self._redis = None
        self._counts: dict[tuple[str, str], int] = {}
        self._window = -1

    async def allow(self, scope: str, key: str) -> bool:
        """Counts one message of `key` in `scope`; False when it is over the scope's limit."""
        window = int(self.clock() // WINDOW)
        count = await self._redis_incr(scope, key, window) if self.redis_url else None
        if count is None:
            count = self._memory_incr(scope, key, window)
        return count <= self.limits[scope]

    def _memory_incr(self, scope: str, key: str, window: int) -> int:
        if window != self._window:  # a new minute: every old count is over
            self._counts.clear()
            self._window = window
        count = self._counts.get((scope, key), 0) + 1
        self._counts[(scope, key)] = count
        return count

    async def _redis_incr(self, scope: str, key: str, window: int) -> int | None:
        try:
            if self._redis is None:
                from redis.asyncio import Redis

                self._redis = Redis.from_url(self.redis_url, socket_timeout=1, socket_connect_timeout=1)
            name = f"{self.prefix}:{scope}:{window}:{key[:255]}"
            async with self._redis.pipeline(transaction=True) as pipe:
                count, _ = await pipe.incr(name).expire(name, 2 * WINDOW).execute()
            return int(count)
        except Exception as exc:  # Redis down: count in this process rather than refuse every shopper
            log.warning("rate limit counted in memory, Redis failed: %s", exc)
            self._redis = None
            return None


class ChannelGuard:
    """What the chat channels check before a message reaches NLU: body size, message rate per
    conversation and per client address; and who the client is. Settings: `store.yml`
    `security:` of the store in service (`SHOPBOT_STORE`)."""

    def __init__(self, security: Security | None = None, default_language: str = "de",
                 redis_url: str | None = None) -> None:  # fmt: skip
        if security is None:
            security, default_language = _store_security()
        self.security = security
        self.default_language = default_language
        self.trusted = networks(security.trusted_proxies)
        self.limiter = RateLimiter({"conversation": security.conversation_messages_per_minute,
                                    "client": security.client_messages_per_minute},
                                   redis_url if redis_url is not None else os.environ.get("SHOPBOT_REDIS_URL") or None,
                                   prefix=f"{os.environ.get('SHOPBOT_REDIS_PREFIX') or 'shopbot'}:rate")  # fmt: skip

    @property
    def max_bytes(self) -> int:
        return self.security.max_request_bytes

    def language(self, metadata: dict) -> str:
        lang = metadata.get("language")
        return lang if lang in ("de", "en") else self.default_language

    def client(self, peer: str | None, forwarded_for: str | None) -> str:
        return client_address(peer, forwarded_for, self.trusted)

    async def too_fast(self, sender: str, client: str) -> bool:
        """Counts the message; True when the conversation or the address is over its limit."""
        conversation_ok = await self.limiter.allow("conversation", sender)
        client_ok = await self.limiter.allow("client", client)
        return not (conversation_ok and client_ok)

    def too_large_text(self, size: int, lang: str) -> str:
        return say("request_too_large", lang, size=size, limit=self.max_bytes)

    def slow_down_text(self, lang: str) -> str:
        return say("slow_down", lang)


def _store_security() -> tuple[Security, str]:
    from catalog.store import Store, StoreConfigError

    try:
        config = Store(os.environ.get("SHOPBOT_STORE", "stores/demo")).config
        return config.security, config.store.default_language
    except StoreConfigError as exc:
        log.error("channel limits: store config not readable, defaults apply: %s", exc)
        return Security(), "de"
