"""The support console at scale: fold time of the summary table and list-query latency at
10k and 100k conversations, on SQLite and PostgreSQL, and the time of the journey analytics
dashboard (`/console/dashboard`: every figure, the unanswered questions embedded and grouped)
over the month of conversations, per day, per week and for one language.

    .venv/bin/python -m bench.console_list [--conversations 10000 100000] [--backend sqlite postgres]

Conversations are synthetic (6 events each, written into an `events` table with Rasa's
columns): a shopper message with intent, confidence and page; the action; the bot's reply with
sources; a slot. Each list query runs 20 times; p50/p95 in ms."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, insert, text

from bot.console import clusters, dashboard
from bot.console.dashboard import Range
from bot.console.dashboard_web import figures
from bot.console.db import ConsoleDB
from bot.console.events import EventStore
from bot.console.query import Filters, list_conversations
from bot.console.summary import refresh

PG = "postgresql://postgres@127.0.0.1:5432"
INTENTS = ["greet", "search_product", "ask_size", "ask_shipping", "ask_policy", "order_status", "human_handoff", "nlu_fallback"]
ACTIONS = {"greet": "action_smalltalk", "search_product": "action_search_products", "ask_size": "action_answer_size",
           "ask_shipping": "action_answer_shipping", "ask_policy": "action_answer_policy", "order_status": "order_verification_form",
           "human_handoff": "action_handoff", "nlu_fallback": "action_fallback"}  # fmt: skip
WORDS = "wanderschuhe jacke rucksack größe versand rückgabe boots jacket backpack size shipping return".split()
QUERIES = {
    "newest, page 1": {}, "newest, page 100": {"page": "100"}, "language": {"language": "en"}, "intent": {"intent": "ask_size"},
    "fallback / don't know": {"fallback": "1"}, "handoff": {"handoff": "1"}, "low confidence": {"low_confidence": "1"},
    "product": {"product": "p-0042"}, "text search": {"text": "rucksack"}, "date range": {"from": "2026-01-10", "to": "2026-01-12"},
}  # fmt: skip
DASHBOARD = {"per day": {}, "per week": {"per": "week"}, "language en": {"language": "en"}}
PARTS = {"conversations": dashboard.conversation_figures, "response times": dashboard.response_times,
         "products": dashboard.top_products, "unanswered": lambda db, r: clusters.group(dashboard.unanswered_messages(db, r))}  # fmt: skip


def events_for(n: int, start_id: int, rng: random.Random) -> list[dict]:
    rows, eid = [], start_id
    base = 1_767_225_600  # 2026-01-01
    for c in range(n):
        sender, ts = f"bench-{c}", base + rng.random() * 30 * 86400
        for _turn in range(2):
            intent = rng.choice(INTENTS)
            lang = "de" if c % 3 else "en"
            product = f"p-{rng.randrange(500):04d}"
            user = {"event": "user", "text": f"{rng.choice(WORDS)} {rng.choice(WORDS)} {c}", "timestamp": ts,
                    "parse_data": {"intent": {"name": intent, "confidence": rng.uniform(0.3, 1)}, "intent_ranking": []},
                    "metadata": {"language": lang, "page_url": f"/{lang}/products/{product}", "product_id": product}}  # fmt: skip
            action = {"event": "action", "name": ACTIONS[intent], "timestamp": ts + 1}
            bot = {"event": "bot", "text": "…", "timestamp": ts + 1 + rng.expovariate(1.0), "metadata": {"sources": [product] if rng.random() < 0.8 else []}}
            for e in (user, action, bot):
                eid += 1
                rows.append({"id": eid, "sender_id": sender, "type_name": e["event"], "timestamp": e["timestamp"],
                             "intent_name": intent if e["event"] == "user" else None,
                             "action_name": e.get("name"), "data": json.dumps(e)})  # fmt: skip
            ts += 30
    return rows


def measure(backend: str, n: int) -> dict:
    rng = random.Random(7)
    name = f"bench_console_{uuid.uuid4().hex[:8]}"
    tmp = Path(tempfile.mkdtemp())
    if backend == "postgres":
        admin = create_engine(f"{PG}/test", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        db_url = events_url = f"{PG}/{name}"
    else:
        db_url, events_url = f"sqlite:///{tmp / 'shopbot.db'}", f"sqlite:///{tmp / 'conversations.db'}"
    db, events = ConsoleDB.connect(db_url, "bench_"), EventStore(events_url)
    events.create()
    try:
        rows = events_for(n, 0, rng)
        with events.engine.begin() as conn:
            for i in range(0, len(rows), 5000):
                conn.execute(insert(events.table), rows[i : i + 5000])
        t0 = time.perf_counter()
        refresh(db, events)
        fold = time.perf_counter() - t0
        out = {"backend": backend, "conversations": n, "events": len(rows), "fold_s": round(fold, 1), "queries": {}}
        for label, q in QUERIES.items():
            f = Filters.from_query(q)
            times = []
            for _ in range(20):
                t0 = time.perf_counter()
                list_conversations(db, f)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            out["queries"][label] = (round(statistics.median(times), 1), round(times[int(0.95 * len(times)) - 1], 1))
        out["dashboard"] = dashboard_times(db)
        return out
    finally:
        db.engine.dispose()
        events.engine.dispose()
        if backend == "postgres":
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def dashboard_times(db: ConsoleDB, runs: int = 5) -> dict[str, tuple[float, float]]:
    """Seconds for the whole dashboard (first run, with the unanswered messages not yet embedded;
    then the median of the next runs)."""
    out = {}
    for label, q in DASHBOARD.items():
        r = Range.from_query({"from": "2026-01-01", "to": "2026-01-31", **q})
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            figures(db, r)
            times.append(time.perf_counter() - t0)
        out[label] = (round(times[0], 2), round(statistics.median(times[1:]), 2))
    r = Range.from_query({"from": "2026-01-01", "to": "2026-01-31"})
    for name, part in PARTS.items():
        t0 = time.perf_counter()
        part(db, r)
        out[f"  of which {name}"] = (round(time.perf_counter() - t0, 2), 0.0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--backend", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    args = parser.parse_args()
    for backend in args.backend:
        for n in args.conversations:
            r = measure(backend, n)
            print(f"{backend} {n} conversations ({r['events']} events): fold {r['fold_s']} s")
            for label, (p50, p95) in r["queries"].items():
                print(f"  {label:24s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")
            for label, (first, warm) in r["dashboard"].items():
                if label.startswith("  "):
                    print(f"  dashboard {label:24s} {first:6.2f} s")
                else:
                    print(f"  dashboard {label:14s} first {first:6.2f} s  then {warm:6.2f} s")


if __name__ == "__main__":
    main()
