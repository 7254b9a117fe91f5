"""Faults mid-load on the 2-replica cluster (`make bench-cluster`, or alone `make bench-faults`).

For each fault, shoppers (bench/locustfile.py, a share of them returning or exchanging an item)
talk to the cluster through nginx; 20 s in, the fault: an action server or a Rasa replica is
killed (SIGKILL, brought back after the run), PostgreSQL is restarted (`pg_ctlcluster`; this
machine has no systemd), or Redis is frozen for 10 s (SIGSTOP / SIGCONT of its pid: the same
outage for its clients as a stopped server, with nothing of the shared server's data at risk).
Checked per fault, from what the shoppers saw and what the databases hold:

- every message got an answer or a retry notice ("one moment"), and a shopper who got a notice
  or an error had the next message answered;
- tracker events (Rasa's SQL tracker store in PostgreSQL) against messages sent: every answered
  message has its `user` event, every `user` event a bot turn after it, no message twice;
- no return or exchange written twice: per order line, returned + exchanged <= quantity; every
  return / exchange written during the run is one a shopper saw confirmed; orders unchanged.

PostgreSQL and Redis are shared with other work on the machine: each is always brought back
(finally), and `--faults` picks which faults run.

    .venv/bin/python -m bench.faults [--seconds 60] [--faults actions rasa postgres redis]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import time
from collections import Counter, defaultdict
from collections.abc import Callable

from sqlalchemy import create_engine, text

from bench.cluster import start_cluster, stop_cluster
from bench.load import Locust, run, summarize, write_json

FAULT_AT = 20.0  # seconds into the run
WRITES = 0.2  # share of shoppers who return or exchange


def _kill(cluster, name: str) -> Callable[[], None]:  # noqa: ANN001
    cluster.kill(name)
    return lambda: cluster.restart(name)


def _postgres(cluster) -> Callable[[], None]:  # noqa: ANN001, ARG001
    version, name = _pg_cluster()
    try:
        subprocess.run(["pg_ctlcluster", version, name, "restart", "-m", "fast"], check=True, timeout=120)
    finally:
        _ensure_postgres()
    return lambda: None


def _pg_cluster() -> tuple[str, str]:
    line = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout.split("\n")[0].split()
    return line[0], line[1]


def _ensure_postgres() -> None:
    version, name = _pg_cluster()
    status = subprocess.run(["pg_ctlcluster", version, name, "status"], capture_output=True)
    if status.returncode != 0:
        subprocess.run(["pg_ctlcluster", version, name, "start"], check=False, timeout=120)


def _redis_pid() -> int:
    from redis import Redis

    return int(Redis(host="127.0.0.1", port=6379, socket_timeout=5).info("server")["process_id"])


def _redis(cluster, seconds: float = 10.0) -> Callable[[], None]:  # noqa: ANN001, ARG001
    pid = _redis_pid()
    os.kill(pid, signal.SIGSTOP)
    try:
        time.sleep(seconds)
    finally:
        os.kill(pid, signal.SIGCONT)
    return lambda: None


FAULTS: dict[str, tuple[str, Callable]] = {
    "actions": ("kill an action server (actions-1)", lambda c: _kill(c, "actions-1")),
    "rasa": ("kill a Rasa replica (rasa-1)", lambda c: _kill(c, "rasa-1")),
    "postgres": ("restart PostgreSQL", _postgres),
    "redis": ("stop Redis for 10 s (SIGSTOP/SIGCONT)", _redis),
}


def database_urls(cluster) -> tuple[str, str, str]:  # noqa: ANN001
    """(tracker store URL, shop database URL, table prefix) of the cluster."""
    env = cluster.env() if hasattr(cluster, "env") else dict(os.environ)
    shop = env.get("DATABASE_URL", "")
    tracker = env.get("SHOPBOT_TRACKER_URL") or shop
    if not tracker and env.get("SHOPBOT_PG_HOST"):
        tracker = (f"postgresql://{env.get('SHOPBOT_PG_USER', 'postgres')}:{env.get('SHOPBOT_PG_PASSWORD', '')}@"
                   f"{env['SHOPBOT_PG_HOST']}:{env.get('SHOPBOT_PG_PORT', '5432')}/{env.get('SHOPBOT_PG_DB', 'postgres')}")  # fmt: skip
    return tracker, shop, env.get("SHOPBOT_TABLE_PREFIX", "shopbot_")


def order_rows(url: str, prefix: str) -> dict:
    engine = create_engine(url)
    with engine.connect() as conn:
        orders = conn.execute(text(f'SELECT count(*) FROM "{prefix}orders"')).scalar()
        lines = conn.execute(text(f'''
            SELECT i.line_id, i.quantity,
                   COALESCE((SELECT sum(r.quantity) FROM "{prefix}order_return_lines" r WHERE r.line_id = i.line_id), 0),
                   (SELECT count(*) FROM "{prefix}order_exchanges" e WHERE e.line_id = i.line_id AND e.store = i.store)
            FROM "{prefix}order_items" i''')).all()  # nosec B608 # the prefix is our own setting
        returns = {r for (r,) in conn.execute(text(f'SELECT rma FROM "{prefix}order_returns"'))}
        exchanges = {r for (r,) in conn.execute(text(f'SELECT reference FROM "{prefix}order_exchanges"'))}
    engine.dispose()
    over = [line for line, qty, returned, exchanged in lines if returned + exchanged > qty]
    return {"orders": orders, "lines_over_quantity": over, "refs": returns | exchanges}


def tracker_check(url: str, records: list[dict]) -> dict:
    """Messages the shoppers sent against the events Rasa's SQL tracker store holds for them."""
    senders = sorted({r["sender"] for r in records})
    events: dict[str, list[tuple[str, str]]] = defaultdict(list)
    engine = create_engine(url)
    with engine.connect() as conn:
        for i in range(0, len(senders), 500):
            rows = conn.execute(text("SELECT sender_id, type_name, data FROM events WHERE sender_id = ANY(:s) ORDER BY id"),
                                {"s": senders[i:i + 500]})  # fmt: skip
            for sender, kind, data in rows:
                body = json.loads(data) if isinstance(data, str) else (data or {})
                events[sender].append((kind, str(body.get("text") or "") if kind == "user" else ""))
    engine.dispose()
    return count_tracker(records, events)


def count_tracker(records: list[dict], events: dict[str, list[tuple[str, str]]]) -> dict:
    """Lost: an answered message without its `user` event; duplicated: more `user` events of a
    text than the shopper sent it (retries included); and `user` events with no bot event
    before the next `user` event."""
    senders = sorted({r["sender"] for r in records})
    lost = duplicated = no_bot_turn = 0
    for sender in senders:
        sent = [r for r in records if r["sender"] == sender]
        stored = Counter(t for kind, t in events.get(sender, []) if kind == "user")
        answered = Counter(r["text"] for r in sent if not r["error"] and not r["retry_notice"])
        attempts = Counter(r["text"] for r in sent)
        lost += sum(max(0, n - stored[t]) for t, n in answered.items())
        duplicated += sum(max(0, n - attempts[t]) for t, n in stored.items())
        kinds = [kind for kind, _ in events.get(sender, [])]
        for j, kind in enumerate(kinds):
            if kind == "user":
                after = kinds[j + 1:]
                nxt = after.index("user") if "user" in after else len(after)
                if "bot" not in after[:nxt]:
                    no_bot_turn += 1
    return {"conversations": len(senders), "user_events": sum(stored_n for stored_n in
            (sum(1 for k, _ in events.get(s, []) if k == "user") for s in senders)),
            "lost_messages": lost, "duplicated_messages": duplicated, "user_events_without_bot_turn": no_bot_turn}  # fmt: skip


def recovered(records: list[dict]) -> tuple[int, int]:
    """(shoppers who got a notice or an error, of them: whose next message was answered)."""
    by: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(records, key=lambda r: r["t"]):
        by[r["sender"]].append(r)
    hit = ok = 0
    for turns in by.values():
        bad = [i for i, r in enumerate(turns) if r["error"] or r["retry_notice"]]
        if bad:
            hit += 1
            later = turns[bad[0] + 1:]
            ok += bool(later) and not later[0]["error"]
    return hit, ok


def run_fault(cluster, key: str, seconds: float, users: int) -> dict:  # noqa: ANN001
    title, inject = FAULTS[key]
    tracker_url, shop_url, prefix = database_urls(cluster)
    before = order_rows(shop_url, prefix)
    started = time.time()
    locust = Locust(cluster.url, users, seconds, "1,3", socketio_share=0.25, writes=WRITES)
    time.sleep(FAULT_AT)
    fault_at = time.time()
    recover = inject(cluster)
    fault_end = time.time()
    records = locust.wait()
    recover()
    stats = summarize(title, users, "1,3", records, time.time() - started)
    after = order_rows(shop_url, prefix)
    confirmed = {ref for r in records for ref in r.get("refs", [])}
    new_refs = after["refs"] - before["refs"]
    hit, ok = recovered(records)
    result = {
        "fault": title, "fault_at_s": round(fault_at - started, 1), "fault_s": round(fault_end - fault_at, 1),
        "turns": stats.turns, "failures": stats.failures, "retry_notices": stats.retry_notices, "errors": stats.errors,
        "p50": stats.p50, "p95": stats.p95, "p99": stats.p99,
        "shoppers_hit": hit, "shoppers_hit_next_answered": ok,
        "tracker": tracker_check(tracker_url, records),
        "orders_before": before["orders"], "orders_after": after["orders"],
        "returns_exchanges_written": len(new_refs), "written_not_confirmed": sorted(new_refs - confirmed),
        "order_lines_over_quantity": after["lines_over_quantity"],
    }  # fmt: skip
    print(json.dumps(result, default=str), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--faults", nargs="+", default=list(FAULTS), choices=list(FAULTS))
    args = parser.parse_args()
    cluster = start_cluster(2)
    results = []
    try:
        run("warm-up", cluster.url, 4, 15, "0.5,1")  # model caches and connection pools, as in bench/cluster.py
        for key in args.faults:
            results.append(run_fault(cluster, key, args.seconds, args.users))
    finally:
        stop_cluster(cluster)
        _ensure_postgres()
    print(f"\n{'fault':40} {'turns':>5} {'fail':>4} {'notice':>6} {'hit/next ok':>11} {'lost':>4} {'dup msg':>7} {'no bot':>6} {'dup writes':>10}")
    for r in results:
        t = r["tracker"]
        dup_writes = len(r["written_not_confirmed"]) + len(r["order_lines_over_quantity"]) + (r["orders_after"] != r["orders_before"])
        print(f"{r['fault']:40} {r['turns']:5d} {r['failures']:4d} {r['retry_notices']:6d} {r['shoppers_hit']:5d}/{r['shoppers_hit_next_answered']:<5d} "
              f"{t['lost_messages']:4d} {t['duplicated_messages']:7d} {t['user_events_without_bot_turn']:6d} {dup_writes:10d}")  # fmt: skip
    print(f"written: {write_json('faults.json', {'faults': results, 'load_average_end': os.getloadavg()})}")


if __name__ == "__main__":
    main()
