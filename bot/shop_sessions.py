"""The demo shop's sessions (cart, last order) under a cookie: in memory (one web process, the
embedded default) or, with `SHOPBOT_REDIS_URL`, in Redis, so any web replica serves any shopper.

A session is made only when something is stored in it (a product added to the cart), so page
views, bots and health checks cost nothing. Sessions idle for longer than `idle_seconds` are
gone (in Redis: the key's expiry, renewed on every read); in memory at most `max_sessions` are
kept: the least recently used one makes room for a new one. A handler that changed a session
calls `save` (a no-op in memory, where the object itself is stored).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Protocol

log = logging.getLogger(__name__)

IDLE_SECONDS = float(os.environ.get("SHOPBOT_SHOP_SESSION_IDLE", str(2 * 3600)))
MAX_SESSIONS = int(os.environ.get("SHOPBOT_SHOP_MAX_SESSIONS", "10000"))


@dataclass
class Session:
    lines: dict[str, int] = field(default_factory=dict)  # sku -> quantity
    last_order: str | None = None
    last_total: float | None = None
    last_email: str = ""


class SessionsUnavailable(RuntimeError):
    """The session store (Redis) cannot be reached: the shop answers 503, nothing is overwritten."""


class Sessions(Protocol):
    def get(self, token: str | None) -> Session | None: ...
    def create(self) -> tuple[str, Session]: ...
    def save(self, token: str, session: Session) -> None: ...


class SessionStore:
    """token -> `Session`, least recently used first; safe to use from several threads."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS, max_sessions: int = MAX_SESSIONS,
                 clock: Callable[[], float] = time.monotonic):  # fmt: skip
        self.idle_seconds = idle_seconds
        self.max_sessions = max_sessions
        self.clock = clock
        self._sessions: OrderedDict[str, tuple[float, Session]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._sessions)

    def get(self, token: str | None) -> Session | None:
        """The live session of a cookie token (and it counts as used now), or None."""
        if not token:
            return None
        now = self.clock()
        with self._lock:
            self._expire(now)
            entry = self._sessions.get(token)
            if entry is None:
                return None
            self._sessions[token] = (now, entry[1])
            self._sessions.move_to_end(token)
            return entry[1]

    def create(self) -> tuple[str, Session]:
        """A new session and its token; the least recently used one goes when the store is full."""
        now = self.clock()
        token, session = secrets.token_urlsafe(18), Session()
        with self._lock:
            self._expire(now)
            while len(self._sessions) >= self.max_sessions:
                self._sessions.popitem(last=False)
            self._sessions[token] = (now, session)
        return token, session

    def save(self, token: str, session: Session) -> None:
        """Nothing to do: the stored object is the one the handler changed."""

    def _expire(self, now: float) -> None:
        """Drop idle sessions: they are in order of last use, so only the oldest few are looked at."""
        while self._sessions:
            token, (used, _) = next(iter(self._sessions.items()))
            if now - used <= self.idle_seconds:
                break
            del self._sessions[token]


class RedisSessionStore:
    """The same store in Redis: one JSON value per session under `<prefix>:<token>`, expiring
    after `idle_seconds` without use. Redis errors raise `SessionsUnavailable`."""

    def __init__(self, url: str, idle_seconds: float = IDLE_SECONDS, prefix: str = "shopbot:shop") -> None:
        import redis

        self.idle_seconds = max(1, int(idle_seconds))
        self.prefix = prefix
        self.redis = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)

    def _key(self, token: str) -> str:
        return f"{self.prefix}:{token[:64]}"

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        try:
            raw = self.redis.getex(self._key(token), ex=self.idle_seconds)  # read and renew the idle time
        except Exception as exc:
            log.warning("shop sessions: Redis failed: %s", exc)
            raise SessionsUnavailable(str(exc)) from exc
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            return Session(lines={str(k): int(v) for k, v in data.get("lines", {}).items()}, last_order=data.get("last_order"),
                           last_total=data.get("last_total"), last_email=str(data.get("last_email") or ""))  # fmt: skip
        except (ValueError, TypeError, AttributeError):
            log.warning("shop sessions: unreadable session dropped")
            return None

    def create(self) -> tuple[str, Session]:
        token, session = secrets.token_urlsafe(18), Session()
        self.save(token, session)
        return token, session

    def save(self, token: str, session: Session) -> None:
        try:
            self.redis.set(self._key(token), json.dumps(asdict(session)), ex=self.idle_seconds)
        except Exception as exc:
            log.warning("shop sessions: Redis failed: %s", exc)
            raise SessionsUnavailable(str(exc)) from exc


def make_session_store() -> Sessions:
    """Redis with `SHOPBOT_REDIS_URL` (prefix `SHOPBOT_REDIS_PREFIX`), else in memory."""
    url = os.environ.get("SHOPBOT_REDIS_URL")
    if url:
        return RedisSessionStore(url, prefix=f"{os.environ.get('SHOPBOT_REDIS_PREFIX', 'shopbot')}:shop")
    return SessionStore()
