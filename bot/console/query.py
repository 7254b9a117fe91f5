"""The conversation list: filters over the summary table, newest first (by last activity),
with paging. Every filter value comes from a form and is checked here; a bad value is an error
that names the field, never silently ignored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, func, select

from bot.console.db import ConsoleDB
from bot.console.journey import STAGES

PAGE_SIZE = 50
LOW_CONFIDENCE = 0.6  # "low NLU confidence": some message's top intent below this
REVIEW = ("", "reviewed", "unreviewed")
RATING = {"": None, "up": 1, "down": -1}
MAX_IDS = 500


class FilterError(ValueError):
    """A filter value that cannot be used, naming the field."""


@dataclass
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    language: str = ""
    intent: str = ""
    fallback: bool = False  # fallback or "don't know" answers
    handoff: bool = False
    low_confidence: bool = False
    tag: str = ""
    review: str = ""
    rating: str = ""  # a shopper rated some answer up / down
    stage: str = ""  # journey stage reached
    product: str = ""
    text: str = ""
    ids: list[str] = field(default_factory=list)  # these conversations (a dashboard group links here)
    page: int = 1
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, q: Any) -> Filters:
        """From request query parameters; problems are collected in `errors` (the list is still shown)."""
        f = cls()

        def date(name: str) -> dt.date | None:
            value = (q.get(name) or "").strip()
            if not value:
                return None
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                f.errors.append(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
                return None

        f.date_from, f.date_to = date("from"), date("to")
        for name in ("language", "intent", "tag", "product", "text"):
            setattr(f, name, (q.get(name) or "").strip()[:200])
        for name in ("fallback", "handoff", "low_confidence"):
            setattr(f, name, q.get(name) in ("1", "on", "true"))
        f.ids = [i for i in (q.get("ids") or "").split(",") if i.strip()]
        if len(f.ids) > MAX_IDS:
            f.errors.append(f"ids: {len(f.ids)} conversations, at most {MAX_IDS}; showing the first {MAX_IDS}")
            f.ids = f.ids[:MAX_IDS]
        f.review = q.get("review") or ""
        if f.review not in REVIEW:
            f.errors.append(f"review: {f.review!r} is not one of reviewed, unreviewed")
            f.review = ""
        f.stage = q.get("stage") or ""
        if f.stage and f.stage not in STAGES:
            f.errors.append(f"stage: {f.stage!r} is not one of {', '.join(STAGES)}")
            f.stage = ""
        f.rating = q.get("rating") or ""
        if f.rating not in RATING:
            f.errors.append(f"rating: {f.rating!r} is not one of up, down")
            f.rating = ""
        try:
            f.page = max(1, int(q.get("page") or 1))
        except ValueError:
            f.errors.append(f"page: {q.get('page')!r} is not a number")
        return f

    def where(self, db: ConsoleDB) -> list:
        s = db.summaries
        cond = []
        if self.date_from:
            cond.append(s.c.last_ts >= _epoch(self.date_from))
        if self.date_to:
            cond.append(s.c.first_ts < _epoch(self.date_to + dt.timedelta(days=1)))
        if self.language:
            cond.append(s.c.language == self.language)
        if self.intent:
            cond.append(s.c.intents.like(f"% {_escape(self.intent)} %", escape="\\"))
        if self.stage == "advocacy":
            r = db.ratings
            cond.append(exists().where(and_(r.c.sender_id == s.c.sender_id, r.c.rating > 0)))
        elif self.stage:
            cond.append(s.c.stages.like(f"% {self.stage} %"))
        if self.ids:
            cond.append(s.c.sender_id.in_(self.ids))
        if self.product:
            cond.append(s.c.products.like(f"% {_escape(self.product)} %", escape="\\"))
        if self.fallback:
            cond.append((s.c.fallbacks > 0) | (s.c.dont_knows > 0))
        if self.handoff:
            cond.append(s.c.handoff.is_(True))
        if self.low_confidence:
            cond.append(s.c.min_confidence < LOW_CONFIDENCE)
        if self.review:
            cond.append(s.c.reviewed.is_(self.review == "reviewed"))
        if self.tag:
            t = db.tags
            cond.append(exists().where(and_(t.c.sender_id == s.c.sender_id, t.c.tag == self.tag)))
        if self.rating:
            r = db.ratings
            cond.append(exists().where(and_(r.c.sender_id == s.c.sender_id, r.c.rating == RATING[self.rating])))
        if self.text:
            cond.append(s.c.search_text.like(f"%{_escape(self.text.lower())}%", escape="\\"))
        return cond


def _epoch(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc).timestamp()


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_conversations(db: ConsoleDB, f: Filters, page_size: int = PAGE_SIZE) -> tuple[list[dict], int]:
    """One page of summaries (newest activity first) and the total that match."""
    s = db.summaries
    cond = f.where(db)
    with db.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(s).where(*cond)).scalar_one()
        rows = conn.execute(
            select(s).where(*cond).order_by(s.c.last_ts.desc(), s.c.sender_id).limit(page_size).offset((f.page - 1) * page_size)
        ).all()  # fmt: skip
        senders = [r.sender_id for r in rows]
        tags: dict[str, list[str]] = {}
        advocates: set[str] = set()
        if senders:
            for t in conn.execute(select(db.tags).where(db.tags.c.sender_id.in_(senders)).order_by(db.tags.c.tag)):
                tags.setdefault(t.sender_id, []).append(t.tag)
            r = db.ratings
            advocates = {x[0] for x in conn.execute(select(r.c.sender_id).where(r.c.sender_id.in_(senders), r.c.rating > 0))}
    out = []
    for r in rows:
        d = dict(r._mapping)
        d["tags"] = tags.get(r.sender_id, [])
        d["intent_list"] = d["intents"].split()
        d["product_list"] = d["products"].split()
        d["stage_list"] = [st for st in STAGES if f" {st} " in d["stages"]] + (["advocacy"] if r.sender_id in advocates else [])
        out.append(d)
    return out, total


def known_values(db: ConsoleDB) -> dict[str, list[str]]:
    """Languages and tags in use, for the filter form's choices."""
    with db.engine.connect() as conn:
        langs = [r[0] for r in conn.execute(select(db.summaries.c.language).distinct()) if r[0]]
        tags = [r[0] for r in conn.execute(select(db.tags.c.tag).distinct().order_by(db.tags.c.tag))]
    return {"languages": sorted(langs), "tags": tags}
