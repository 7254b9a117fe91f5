"""The demo shop's sessions (cart, last order) in memory, under a cookie.

A session is made only when something is stored in it (a product added to the cart), so page
views, bots and health checks cost nothing. Sessions idle for longer than `idle_seconds` are
gone, and at most `max_sessions` are kept: the least recently used one makes room for a new one.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

IDLE_SECONDS = float(os.environ.get("SHOPBOT_SHOP_SESSION_IDLE", str(2 * 3600)))
MAX_SESSIONS = int(os.environ.get("SHOPBOT_SHOP_MAX_SESSIONS", "10000"))


@dataclass
class Session:
    lines: dict[str, int] = field(default_factory=dict)  # sku -> quantity
    last_order: str | None = None
    last_total: float | None = None
    last_email: str = ""


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

    def _expire(self, now: float) -> None:
        """Drop idle sessions: they are in order of last use, so only the oldest few are looked at."""
        while self._sessions:
            token, (used, _) = next(iter(self._sessions.items()))
            if now - used <= self.idle_seconds:
                break
            del self._sessions[token]
