"""The journey analytics dashboard (`/console/dashboard`): figures over the summary table and
the dashboard's own tables (`console_replies`, `console_unanswered`), per day or week and per
language. Every rate is a share of conversations, so the figures add up with the list's filters:

- containment: conversations without a handoff (answered without a person);
- "don't know" / fallback rate: conversations with at least one such answer;
- handoff rate: conversations where a person was asked for, or that entered the live handoff
  (`console_handoffs`, e.g. after two don't-knows in a row);
- time to the first agent reply: from the handoff request to the agent's first message;
- the funnel: conversations that reached each journey stage (`journey.py`);
- response time: seconds from a shopper message to the bot's first reply after it.

Conversations are bucketed by the UTC day they started (`day` in the summary)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import and_, case, exists, func, or_, select

from bot.console import handoff
from bot.console.db import ConsoleDB
from bot.console.journey import FOLDED, STAGES

PERIODS = ("day", "week")
DEFAULT_DAYS = 28
PERCENTILES = (50, 90, 95, 99)
EPOCH = dt.date(1970, 1, 1)


class DashboardError(ValueError):
    """A dashboard parameter that cannot be used, naming it."""


@dataclass
class Range:
    """What the dashboard shows: days (inclusive, UTC), language ("" for all), per day or week."""

    date_from: dt.date
    date_to: dt.date
    language: str = ""
    per: str = "day"
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, q: Any, today: dt.date | None = None) -> Range:
        """From request parameters (`from`, `to`, `language`, `per`); bad values are named in
        `errors` and replaced by the default (the last 28 days, per day)."""
        today = today or dt.datetime.now(dt.timezone.utc).date()
        errors = []

        def date(name: str, default: dt.date) -> dt.date:
            value = (q.get(name) or "").strip()
            if not value:
                return default
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                errors.append(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
                return default

        date_to = date("to", today)
        date_from = date("from", date_to - dt.timedelta(days=DEFAULT_DAYS - 1))
        if date_from > date_to:
            errors.append(f"from: {date_from} is after to: {date_to}")
            date_from = date_to - dt.timedelta(days=DEFAULT_DAYS - 1)
        per = q.get("per") or "day"
        if per not in PERIODS:
            errors.append(f"per: {per!r} is not one of day, week")
            per = "day"
        return cls(date_from, date_to, (q.get("language") or "").strip()[:10], per, errors)

    @property
    def days(self) -> tuple[int, int]:
        return (self.date_from - EPOCH).days, (self.date_to - EPOCH).days

    def query(self) -> dict[str, str]:
        return {"from": self.date_from.isoformat(), "to": self.date_to.isoformat(), "language": self.language, "per": self.per}


def bucket_label(bucket: int, per: str) -> str:
    """A day number's date, or a week number's Monday."""
    day = bucket if per == "day" else bucket * 7 - 3
    return (EPOCH + dt.timedelta(days=day)).isoformat()


def _conditions(db: ConsoleDB, r: Range) -> list:
    s = db.summaries
    lo, hi = r.days
    cond = [s.c.day >= lo, s.c.day <= hi]
    if r.language:
        cond.append(s.c.language == r.language)
    return cond


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def conversation_figures(db: ConsoleDB, r: Range) -> dict[str, Any]:
    """Per bucket and in total: conversations, messages, stage counts (the funnel), handoffs,
    fallback / don't-know conversations, ratings; and the totals per language."""
    s, rt = db.summaries, db.ratings
    bucket = s.c.day if r.per == "day" else (s.c.day + 3) / 7  # weeks start on Monday (1970-01-01 was a Thursday)
    advocate = exists().where(and_(rt.c.sender_id == s.c.sender_id, rt.c.rating > 0))
    h = handoff.tables(db).handoffs  # a live handoff also counts when the shopper did not ask (two don't-knows)
    handed = or_(s.c.handoff.is_(True), exists().where(h.c.sender_id == s.c.sender_id))
    cols = [
        func.count().label("conversations"), func.sum(s.c.user_messages).label("user_messages"),
        func.sum(s.c.bot_messages).label("bot_messages"), func.sum(case((handed, 1), else_=0)).label("handoffs"),
        func.sum(case((s.c.fallbacks > 0, 1), else_=0)).label("fallback"), func.sum(case((s.c.dont_knows > 0, 1), else_=0)).label("dont_know"),
        *[func.sum(case((s.c.stages.like(f"% {st} %"), 1), else_=0)).label(st) for st in FOLDED],
        func.sum(case((advocate, 1), else_=0)).label("advocacy"),
    ]  # fmt: skip
    cond = _conditions(db, r)
    with db.engine.connect() as conn:
        rows = conn.execute(select(bucket.label("bucket"), *cols).where(*cond).group_by(bucket).order_by(bucket)).all()
        langs = conn.execute(select(s.c.language, *cols).where(*cond).group_by(s.c.language).order_by(s.c.language)).all()
        ratings = conn.execute(
            select(bucket.label("bucket"), rt.c.rating, func.count()).select_from(rt.join(s, rt.c.sender_id == s.c.sender_id))
            .where(*cond).group_by(bucket, rt.c.rating)
        ).all()  # fmt: skip
    found = {int(row.bucket): row for row in rows}
    lo, hi = r.days
    span = range(lo, hi + 1) if r.per == "day" else range((lo + 3) // 7, (hi + 3) // 7 + 1)
    series = [_figures({**found[b]._mapping} if b in found else {}, label=bucket_label(b, r.per)) for b in span]  # empty days as 0
    by_bucket = {bucket_label(int(b), r.per): {} for b, _, _ in ratings}
    for b, rating, n in ratings:
        by_bucket[bucket_label(int(b), r.per)]["up" if rating > 0 else "down"] = n
    for row in series:
        row["rated_up"], row["rated_down"] = by_bucket.get(row["label"], {}).get("up", 0), by_bucket.get(row["label"], {}).get("down", 0)
    total = _figures({k: sum(x[k] for x in series) for k in ("conversations", "user_messages", "bot_messages", "handoffs", "fallback", "dont_know", *STAGES)}, "total")
    total["rated_up"], total["rated_down"] = sum(x["rated_up"] for x in series), sum(x["rated_down"] for x in series)
    languages = [_figures({**row._mapping}, label=row.language or "unknown") for row in langs]
    return {"series": series, "total": total, "languages": languages}


def _figures(row: dict[str, Any], label: str) -> dict[str, Any]:
    out = {k: int(row.get(k) or 0) for k in ("conversations", "user_messages", "bot_messages", "handoffs", "fallback", "dont_know", *STAGES)}
    n = out["conversations"]
    out.update(label=label, containment=share(n - out["handoffs"], n), handoff_rate=share(out["handoffs"], n),
               fallback_rate=share(out["fallback"], n), dont_know_rate=share(out["dont_know"], n))  # fmt: skip
    return out


def response_times(db: ConsoleDB, r: Range) -> dict[str, Any]:
    """Percentiles of the bot's response time (seconds), in total and per bucket, by the day of
    the reply: computed by PostgreSQL (`percentile_cont`, linear interpolation as numpy's
    default) there, else from the fetched seconds."""
    rp, s = db.replies, db.summaries
    lo, hi = r.days
    bucket = rp.c.day if r.per == "day" else (rp.c.day + 3) / 7
    cond = [rp.c.day >= lo, rp.c.day <= hi]
    source = rp
    if r.language:
        source, cond = rp.join(s, rp.c.sender_id == s.c.sender_id), [*cond, s.c.language == r.language]
    if db.engine.dialect.name == "postgresql":
        cols = [func.count().label("replies"), *[func.percentile_cont(p / 100).within_group(rp.c.seconds).label(f"p{p}") for p in PERCENTILES]]
        with db.engine.connect() as conn:
            rows = conn.execute(select(bucket.label("bucket"), *cols).select_from(source).where(*cond).group_by(bucket).order_by(bucket)).all()
            total = conn.execute(select(*cols).select_from(source).where(*cond)).one()
        as_dict = lambda row: {k: (int(row.replies) if k == "replies" else row._mapping[k]) for k in ("replies", *[f"p{p}" for p in PERCENTILES])}  # noqa: E731
        return {"total": as_dict(total), "series": [{"label": bucket_label(int(x.bucket), r.per), **as_dict(x)} for x in rows]}
    with db.engine.connect() as conn:
        rows = conn.execute(select(bucket, rp.c.seconds).select_from(source).where(*cond)).all()
    buckets = np.array([x[0] for x in rows], dtype=int)
    seconds = np.array([x[1] for x in rows], dtype=float)
    series = [{"label": bucket_label(int(b), r.per), **percentiles(seconds[buckets == b])} for b in np.unique(buckets)]
    return {"total": percentiles(seconds), "series": series}


def percentiles(values: np.ndarray) -> dict[str, Any]:
    if not len(values):
        return {"replies": 0, **{f"p{p}": None for p in PERCENTILES}}
    return {"replies": int(len(values)), **{f"p{p}": float(v) for p, v in zip(PERCENTILES, np.percentile(values, PERCENTILES), strict=True)}}


def top_products(db: ConsoleDB, r: Range, limit: int = 10) -> list[dict[str, Any]]:
    """The products most conversations were about (asked from a product page or answered with)."""
    counts: Counter[str] = Counter()
    with db.engine.connect() as conn:
        for (products,) in conn.execute(select(db.summaries.c.products).where(*_conditions(db, r))):
            counts.update(set(products.split()))
    return [{"product": p, "conversations": n} for p, n in counts.most_common(limit)]


def unanswered_messages(db: ConsoleDB, r: Range, limit: int = 1000) -> list[dict[str, Any]]:
    """The latest shopper messages a fallback or "don't know" answered (at most `limit`)."""
    u, s = db.unanswered, db.summaries
    lo, hi = r.days
    q = select(u.c.sender_id, u.c.text, u.c.kind, u.c.at).where(u.c.day >= lo, u.c.day <= hi)
    if r.language:
        q = q.select_from(u.join(s, u.c.sender_id == s.c.sender_id)).where(s.c.language == r.language)
    with db.engine.connect() as conn:
        return [dict(x._mapping) for x in conn.execute(q.order_by(u.c.at.desc()).limit(limit))]


def agent_reply_seconds(db: ConsoleDB, r: Range) -> list[float]:
    """Seconds from each handoff request to the agent's first message (`console_handoffs` of
    the live handoff, `handoff.py`), for the conversations in the range an agent answered."""
    h, s = handoff.tables(db).handoffs, db.summaries
    q = (select(h.c.first_reply_at - h.c.requested_at).select_from(h.join(s, h.c.sender_id == s.c.sender_id))
         .where(*_conditions(db, r), h.c.first_reply_at.is_not(None)))  # fmt: skip
    with db.engine.connect() as conn:
        return [max(0.0, float(x[0])) for x in conn.execute(q)]
