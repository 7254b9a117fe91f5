"""Merchant API tokens: created by `shopbot merchant token create`, shown once, stored as a
SHA-256 hash (the tokens are 256-bit random, so a plain hash is enough)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from sqlalchemy import insert, select, update

from catalog.db import Database

TOKEN_PREFIX = "sbm_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(db: Database, name: str) -> tuple[str, str]:
    """A new token; returns (token id, the token itself, shown only now)."""
    token_id = secrets.token_hex(4)
    token = f"{TOKEN_PREFIX}{token_id}_{secrets.token_urlsafe(32)}"
    with db.engine.begin() as conn:
        conn.execute(insert(db.tokens), [{"id": token_id, "name": name, "token_hash": _hash(token), "created_at": time.time()}])
    return token_id, token


def verify_token(db: Database, token: str | None) -> str | None:
    """The token's name if it is valid and not revoked, else None."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    digest = _hash(token)
    with db.engine.connect() as conn:
        row = conn.execute(select(db.tokens).where(db.tokens.c.token_hash == digest)).first()
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return row.name


def list_tokens(db: Database) -> list[dict]:
    with db.engine.connect() as conn:
        rows = conn.execute(select(db.tokens.c.id, db.tokens.c.name, db.tokens.c.created_at, db.tokens.c.revoked_at).order_by(db.tokens.c.created_at))
        return [dict(r._mapping) for r in rows]


def revoke_token(db: Database, token_id: str) -> bool:
    with db.engine.begin() as conn:
        result = conn.execute(update(db.tokens).where(db.tokens.c.id == token_id, db.tokens.c.revoked_at.is_(None)).values(revoked_at=time.time()))
        return result.rowcount > 0
