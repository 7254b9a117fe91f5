"""What the cluster's atomic lock store costs per message against Rasa's own RedisLockStore
(the baseline, measured in the same run on the same Redis): one conversation lock taken and
released (`issue_ticket` ... `cleanup`), p50 / p95 and locks per second, one process alone and
two threads (two "servers") on distinct conversations.

    .venv/bin/python -m bench.lock_store [--redis redis://127.0.0.1:6379/0] [--n 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import threading
import time
import uuid
from urllib.parse import urlsplit

from rasa.core.lock_store import RedisLockStore

from bot.lock_store import AtomicRedisLockStore


def make(kind: type, url: str, prefix: str) -> RedisLockStore:
    u = urlsplit(url)
    return kind(host=u.hostname or "127.0.0.1", port=u.port or 6379, db=int(u.path.lstrip("/") or 0), key_prefix=prefix)


def one_run(store: RedisLockStore, n: int) -> list[float]:
    """n lock / unlock cycles on fresh conversation ids; seconds each."""
    times = []

    async def go() -> None:
        for _ in range(n):
            cid = uuid.uuid4().hex
            t = time.perf_counter()
            async with store.lock(cid, 30):
                pass
            times.append(time.perf_counter() - t)

    asyncio.run(go())
    return times


def measure(kind: type, url: str, n: int, threads: int) -> tuple[float, float, float]:
    prefix = f"bench{uuid.uuid4().hex[:6]}"
    stores = [make(kind, url, prefix) for _ in range(threads)]
    results: list[list[float]] = [[] for _ in range(threads)]
    start = time.perf_counter()
    workers = [threading.Thread(target=lambda i=i: results[i].extend(one_run(stores[i], n))) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    wall = time.perf_counter() - start
    times = sorted(t for r in results for t in r)
    p95 = times[int(0.95 * (len(times) - 1))]
    return statistics.median(times) * 1000, p95 * 1000, len(times) / wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    print("| lock store | servers | p50 ms | p95 ms | locks/s |\n|---|---|---|---|---|")
    for threads in (1, 2):
        for kind in (RedisLockStore, AtomicRedisLockStore):
            p50, p95, rate = measure(kind, args.redis, args.n, threads)
            print(f"| {kind.__name__} | {threads} | {p50:.2f} | {p95:.2f} | {rate:.0f} |")


if __name__ == "__main__":
    main()
