"""Editing a store's policies (`policies/<topic>.<lang>.md`) and `store.yml` from the merchant API.

Files stay the source of truth for these (they are small, reviewed by people and kept in
version control by many shops). Every write is validated first and then replaces the file
atomically (`catalog.files`); one edit at a time per store folder, across the server's handler
threads and across processes (a file lock, `.shopbot-edit.lock` in the store folder). The
action servers notice the new modification time within their poll interval.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from pathlib import Path

import yaml
from pydantic import ValidationError

from catalog.files import atomic_write_text, file_lock, fsync_dir
from catalog.notify import announce
from catalog.policies import read_passages
from catalog.store import StoreConfig

TOPIC = re.compile(r"^[a-z0-9_-]{1,40}$")
MAX_POLICY_CHARS = 100_000


class EditError(Exception):
    """An edit was refused; `fields` names each bad field."""

    def __init__(self, message: str, fields: list[dict] | None = None, status: int = 422):
        super().__init__(message)
        self.fields = fields or []
        self.status = status


LOCK_FILE = ".shopbot-edit.lock"


def _edit_lock(store_dir: Path) -> AbstractContextManager[None]:
    return file_lock(store_dir / LOCK_FILE)


def _policy_path(store_dir: Path, topic: str, lang: str) -> Path:
    if not TOPIC.match(topic):
        raise EditError("invalid topic", [{"field": "topic", "message": "1-40 characters a-z, 0-9, '-' or '_'"}])
    if lang not in ("de", "en"):
        raise EditError("invalid language", [{"field": "lang", "message": "must be 'de' or 'en'"}])
    return store_dir / "policies" / f"{topic}.{lang}.md"


def list_policies(store_dir: Path) -> list[dict]:
    out: dict[tuple[str, str], dict] = {}
    for passage in read_passages(store_dir / "policies"):
        entry = out.setdefault((passage.topic, passage.lang), {"topic": passage.topic, "lang": passage.lang, "sections": []})
        entry["sections"].append(passage.heading)
    return list(out.values())


def read_policy(store_dir: Path, topic: str, lang: str) -> str | None:
    path = _policy_path(store_dir, topic, lang)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def write_policy(store_dir: Path, topic: str, lang: str, text: str) -> bool:
    """Create or replace a policy text; True when it was created."""
    path = _policy_path(store_dir, topic, lang)
    if len(text) > MAX_POLICY_CHARS:
        raise EditError("text too long", [{"field": "text", "message": f"at most {MAX_POLICY_CHARS} characters"}])
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or not lines[0].startswith("# "):
        raise EditError("invalid policy text", [{"field": "text", "message": "must start with a '# Title' line"}])
    if not any(line.startswith("## ") for line in lines) or len(lines) < 3:
        raise EditError("invalid policy text", [{"field": "text", "message": "needs at least one '## Section' with text"}])
    path.parent.mkdir(parents=True, exist_ok=True)
    with _edit_lock(store_dir):
        created = not path.is_file()
        atomic_write_text(path, text if text.endswith("\n") else text + "\n")
    announce(store_dir.name, "policies")
    return created


def delete_policy(store_dir: Path, topic: str, lang: str) -> bool:
    path = _policy_path(store_dir, topic, lang)
    with _edit_lock(store_dir):
        if not path.is_file():
            return False
        path.unlink()
        fsync_dir(path.parent)
    announce(store_dir.name, "policies")
    return True


def read_store_config(store_dir: Path) -> dict:
    return yaml.safe_load((store_dir / "store.yml").read_text(encoding="utf-8"))


def write_store_config(store_dir: Path, raw: dict) -> StoreConfig:
    """Validate and replace `store.yml` (comments in the old file are not kept)."""
    if not isinstance(raw, dict):
        raise EditError("expected a JSON object", [{"field": "", "message": "expected a JSON object"}])
    try:
        config = StoreConfig.parse_obj(raw)
    except ValidationError as exc:
        fields = [{"field": ".".join(str(p) for p in e["loc"] if p != "__root__"), "message": e["msg"]} for e in exc.errors()]
        raise EditError("invalid store config", fields) from exc
    data = yaml.safe_load(config.json(exclude_none=True))  # plain types (dates and times as strings)
    text = "# Written by the shopbot merchant API.\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with _edit_lock(store_dir):
        atomic_write_text(store_dir / "store.yml", text)
    announce(store_dir.name, "policies")
    return config
