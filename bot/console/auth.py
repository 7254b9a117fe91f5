"""Console accounts: argon2 password hashes, sessions (only a hash of the cookie value is
stored), a CSRF token per session, and a lock after repeated failures (kept in the database,
so it holds across restarts and processes)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, insert, select

from bot.console.db import ConsoleDB

ROLES = ("agent", "admin")
MAX_FAILURES = 5
LOCK_WINDOW = 15 * 60  # seconds: MAX_FAILURES failures within this window lock the account
SESSION_SECONDS = 8 * 3600
NAME = re.compile(r"^[A-Za-z0-9._@-]{1,100}$")
MIN_PASSWORD = 10
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not-a-password-of-anyone")  # same work for unknown names


class AccountError(ValueError):
    """A bad user name, role or password, with what was wrong."""


@dataclass(frozen=True)
class Session:
    user: str
    role: str
    csrf: str

    @property
    def admin(self) -> bool:
        return self.role == "admin"


def _sha(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def add_user(db: ConsoleDB, name: str, role: str, password: str) -> None:
    if not NAME.match(name):
        raise AccountError(f"user name {name!r}: use 1-100 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise AccountError(f"role {role!r}: must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters")
    with db.engine.begin() as conn:
        if conn.execute(select(db.users.c.name).where(db.users.c.name == name)).first():
            raise AccountError(f"user {name!r} exists already")
        conn.execute(insert(db.users).values(name=name, role=role, password_hash=_hasher.hash(password), created_at=time.time()))


def list_users(db: ConsoleDB) -> list[dict]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(db.users.c.name, db.users.c.role, db.users.c.created_at).order_by(db.users.c.name))
        return [dict(r._mapping) for r in rows]


def remove_user(db: ConsoleDB, name: str) -> bool:
    with db.engine.begin() as conn:
        conn.execute(delete(db.sessions).where(db.sessions.c.user == name))
        return conn.execute(delete(db.users).where(db.users.c.name == name)).rowcount > 0


def is_locked(db: ConsoleDB, name: str, now: float | None = None) -> bool:
    now = time.time() if now is None else now
    with db.engine.connect() as conn:
        count = conn.execute(
            select(func.count()).select_from(db.failures).where(db.failures.c.user == name, db.failures.c.at > now - LOCK_WINDOW)
        ).scalar_one()
    return count >= MAX_FAILURES


def login(db: ConsoleDB, name: str, password: str) -> str | None:
    """A new session's cookie value, or None (wrong name or password, or locked). A locked
    account stays locked even for the right password until the window has passed."""
    if is_locked(db, name):
        return None
    with db.engine.connect() as conn:
        row = conn.execute(select(db.users).where(db.users.c.name == name)).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
        ok = row is not None
    except (VerificationError, InvalidHashError):
        ok = False
    now = time.time()
    with db.engine.begin() as conn:
        if not ok:
            conn.execute(insert(db.failures).values(user=name, at=now))
            return None
        conn.execute(delete(db.failures).where(db.failures.c.user == name))
        conn.execute(delete(db.sessions).where(db.sessions.c.expires_at < now))
        token = secrets.token_urlsafe(32)
        conn.execute(insert(db.sessions).values(
            token_hash=_sha(token), user=name, csrf=secrets.token_urlsafe(24), created_at=now, expires_at=now + SESSION_SECONDS,
        ))  # fmt: skip
    return token


def session(db: ConsoleDB, token: str | None) -> Session | None:
    if not token:
        return None
    s, u = db.sessions, db.users
    with db.engine.connect() as conn:
        row = conn.execute(
            select(s.c.user, s.c.csrf, u.c.role).join(u, u.c.name == s.c.user)
            .where(s.c.token_hash == _sha(token), s.c.expires_at > time.time())
        ).first()  # fmt: skip
    return Session(row.user, row.role, row.csrf) if row else None


def logout(db: ConsoleDB, token: str | None) -> None:
    if token:
        with db.engine.begin() as conn:
            conn.execute(delete(db.sessions).where(db.sessions.c.token_hash == _sha(token)))


def csrf_ok(sess: Session, submitted: str | None) -> bool:
    return bool(submitted) and hmac.compare_digest(sess.csrf, submitted)
