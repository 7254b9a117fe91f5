"""Orders backend latency on SQLite and PostgreSQL: what one order turn costs the action server
(verify + eligibility + delivery window), listing by e-mail, and writes (return, exchange +
reservation, status update), p50/p95 over the demo orders. Baseline in the same run: a bare
`SELECT 1` on the same engine.

    .venv/bin/python -m bench.orders_backend [--rounds 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
from sqlalchemy import text

from catalog.db import open_database
from catalog.importer import import_file
from catalog.repository import CatalogRepository
from catalog.store import Store
from orders.api import NewOrderLine, ReturnLine
from orders.demo import seed
from orders.policy import delivery_window
from orders.sql import SqlOrders

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "stores" / "demo"
PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


class _Vectors:
    name, dim = "bench", 4

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), dtype=np.float32) / 2


def _ms(fn, rounds: int) -> tuple[float, float]:  # noqa: ANN001
    times = []
    for k in range(rounds):
        start = time.perf_counter()
        fn(k)
        times.append((time.perf_counter() - start) * 1000)
    q = statistics.quantiles(times, n=20)
    return statistics.median(times), q[18]


def run(url: str, rounds: int) -> dict[str, tuple[float, float]]:
    store = Store(DEMO)
    products = import_file(store.catalog_file, store.config.categories).products
    prefix = f"b{uuid.uuid4().hex[:6]}_"
    db = open_database(".", url, prefix)
    CatalogRepository(db, "demo").replace_all(products, _Vectors())
    backend = SqlOrders(DEMO, url, prefix)
    now = dt.datetime.now(dt.timezone.utc)
    out = {}
    try:
        seed(backend, products, now)
        numbers = [o.number for o in backend.list_by_email("anna@example.org")]

        def select_one(_k: int) -> None:
            with backend.engine.connect() as conn:
                conn.execute(text("SELECT 1"))

        def status_turn(k: int) -> None:
            order = backend.verify(numbers[k % len(numbers)], email="anna@example.org")
            backend.eligibility(order, now)
            delivery_window(order, backend.config, now)

        out["SELECT 1 (baseline)"] = _ms(select_one, rounds)
        out["order-status turn (verify + eligibility + delivery window)"] = _ms(status_turn, rounds)
        out["wrong proof (verify -> None)"] = _ms(lambda k: backend.verify("100234", email="x@example.org"), rounds)
        out["list by e-mail (3 orders)"] = _ms(lambda k: backend.list_by_email("anna@example.org"), rounds)
        writes = max(20, rounds // 5)

        def one_return(k: int) -> None:  # a fresh delivered order each time; `return alone` times the return
            order = backend.create_order(email=f"bench{k}@example.org", name="B", street="W 1", postal_code="10115",
                                         city="Berlin", country="DE", language="de", payment_method="PayPal",
                                         lines=[NewOrderLine("lichtkegel-400", "LK4-BLK", 1)])  # fmt: skip
            backend.update_status(order.number, "shipped", now=now)
            backend.update_status(order.number, "delivered", now=now)
            start = time.perf_counter()
            backend.create_return(order.number, [ReturnLine(order.items[0].line_id, 1, "too_small")], "original_payment", now)
            returns.append((time.perf_counter() - start) * 1000)

        returns: list[float] = []
        out["checkout + shipped + delivered + return"] = _ms(one_return, writes)
        out["return alone"] = (statistics.median(returns), statistics.quantiles(returns, n=20)[18])
    finally:
        backend.drop()
        db.drop()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", f"sqlite:///{tmp}/bench.db"), ("PostgreSQL", PG_URL)]
        for name, url in targets:
            try:
                results = run(url, args.rounds)
            except Exception as exc:  # PostgreSQL not running
                print(f"{name}: skipped ({type(exc).__name__}: {str(exc)[:80]})")
                continue
            print(f"\n{name}: ms p50 / p95")
            for label, (p50, p95) in results.items():
                print(f"  {label:62} {p50:7.2f} {p95:7.2f}")


if __name__ == "__main__":
    main()
