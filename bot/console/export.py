"""Corrections as training data: Rasa NLU YAML (`nlu:` examples per corrected intent, for
`data/nlu/`) and test stories (`stories:` in the `rasa test` end-to-end format of
`tests/stories/`). Each corrected turn becomes a one-turn story: the shopper's text with the
right intent, and for a wrong answer the action that should have run (when the reviewer named
one); the right answer's wording is kept as a comment for whoever writes the response."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from bot.console.db import ConsoleDB

HEADER = "# Exported by the shopbot support console ({when}); {count} correction(s){since}.\n"


def corrections(db: ConsoleDB, since: dt.date | None = None) -> list[dict]:
    c = db.corrections
    q = select(c).order_by(c.c.at, c.c.id)
    if since:
        q = q.where(c.c.at >= dt.datetime.combine(since, dt.time(), tzinfo=dt.timezone.utc).timestamp())
    with db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(_one_line(text), ensure_ascii=False)


def _header(items: list[dict], since: dt.date | None) -> str:
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return HEADER.format(when=when, count=len(items), since=f" since {since.isoformat()}" if since else "")


def nlu_yaml(items: list[dict], since: dt.date | None = None) -> str:
    by_intent: dict[str, list[str]] = {}
    for c in items:
        if c["intent"] and c["text"] and not c["text"].startswith("/"):
            examples = by_intent.setdefault(c["intent"], [])
            if _one_line(c["text"]) not in examples:
                examples.append(_one_line(c["text"]))
    out = [_header(items, since), 'version: "3.1"\n', "nlu:\n" if by_intent else "nlu: []\n"]
    for intent in sorted(by_intent):
        out.append(f"- intent: {intent}\n  examples: |\n")
        out.extend(f"    - {text}\n" for text in by_intent[intent])
    return "".join(out)


def stories_yaml(items: list[dict], since: dt.date | None = None) -> str:
    stories = [c for c in items if c["intent"] and c["text"] and not c["text"].startswith("/")]
    out = [_header(items, since), 'version: "3.1"\n', "stories:\n" if stories else "stories: []\n"]
    for c in stories:
        name = f"console correction {c['id']} ({c['kind']}) of {c['sender_id']}"
        out.append(f"\n- story: {_q(name)}\n  steps:\n  - user: {_q(c['text'])}\n    intent: {c['intent']}\n")
        if c["kind"] == "answer":
            out.append(f"  # right answer: {_one_line(c['answer'] or '')}\n")
            if c["action"]:
                out.append(f"  - action: {c['action']}\n")
    return "".join(out)
