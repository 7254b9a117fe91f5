"""Reply latency of an order-status turn over the REST webhook.

Starts the real stack on its own ports with a copy of the data folder and freshly seeded demo
orders, then runs conversations of two turns: "where's my order 100234?" (the form asks for
the e-mail) and "anna@example.org" (proof, status, delivery window: the measured turn).

    .venv/bin/python -m bench.order_latency [--conversations 100]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import requests

from bench.latency import percentile
from bot.stack import Stack
from catalog.importer import import_file
from catalog.store import Store
from orders.demo import seed
from orders.sql import SqlOrders

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "stores" / "demo"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        shutil.copytree(ROOT / "var" / "demo", data / "demo")
        shutil.copy(ROOT / "var" / "shopbot.db", data / "shopbot.db")
        store = Store(STORE)
        seed(SqlOrders.open(STORE, data), import_file(store.catalog_file, store.config.categories).products)
        stack = Stack(store=str(STORE), data=str(data), model=str(ROOT / "models" / "shopbot.tar.gz"), rasa_port=5205,
                      action_port=5255, web_port=8280, tracker_db=str(data / "conversations.db"), log_dir=data / "logs")  # fmt: skip
        stack.start()
        try:
            stack.wait_ready(timeout=300)
            url = f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook"
            asks, statuses = [], []
            for _ in range(args.conversations):
                sender = f"bench-{uuid.uuid4()}"
                for text, bucket in (("where's my order 100234?", asks), ("anna@example.org", statuses)):
                    start = time.perf_counter()
                    reply = requests.post(url, json={"sender": sender, "message": text}, timeout=60).json()
                    bucket.append((time.perf_counter() - start) * 1000)
                assert any("100234" in (r.get("text") or "") for r in reply), reply
        finally:
            stack.stop()
    for name, values in (("ask turn (form starts)", asks), ("status turn (proof + status)", statuses)):
        print(f"{name}: n={len(values)} p50={percentile(values, 50):.0f} ms p95={percentile(values, 95):.0f} ms mean={statistics.mean(values):.0f} ms")


if __name__ == "__main__":
    main()
