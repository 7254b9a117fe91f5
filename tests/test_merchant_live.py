"""The switch between catalog versions under load: chat answers while the catalog is
re-imported come from the old or the new catalog, never an error; a killed import leaves the
previous version in service; several action-server processes follow the same versions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEST_STORE, imported_store, service_missing


@pytest.fixture
def shop(tmp_path, monkeypatch, use_embedder):
    from actions import context

    monkeypatch.delenv("DATABASE_URL", raising=False)
    admin = imported_store(tmp_path, use_embedder)
    monkeypatch.setenv("SHOPBOT_STORE", str(admin.store_dir))
    monkeypatch.setenv("SHOPBOT_DATA", str(admin.data_dir))
    context.catalog.cache_clear()
    yield admin
    context.catalog.cache_clear()


def shifted_catalog(path: Path, shift: float) -> dict[str, float]:
    """The test catalog with every price raised by `shift`; returns id -> lowest price."""
    prices = {}
    with path.open("w") as fh:
        for line in (TEST_STORE / "catalog.jsonl").read_text().splitlines():
            product = json.loads(line)
            for variant in product["variants"]:
                variant["price"] = round(variant["price"] + shift, 2)
            prices[product["id"]] = min(v["price"] for v in product["variants"])
            fh.write(json.dumps(product) + "\n")
    return prices


def test_answers_during_reimport_come_from_old_or_new_catalog(shop, tmp_path, run_action):
    from actions import context
    from actions.search import ActionSearchProducts

    context.catalog.cache_clear()  # run_action's fixture pointed the actions at its own store
    old = shifted_catalog(tmp_path / "old.jsonl", 0)
    new = shifted_catalog(tmp_path / "new.jsonl", 1000)
    questions = ["waterproof hiking boots", "Ich suche eine leichte Regenjacke", "air purifier for allergies", "vitamin D"]
    answers: list[tuple[str, set[str]]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def chat(worker: int) -> None:
        i = worker
        while not stop.is_set():
            try:
                messages, _ = run_action(ActionSearchProducts(), questions[i % len(questions)], "search_product")
                cards = [c for m in messages if (m.get("custom") or {}).get("type") == "products" for c in m["custom"]["products"]]
                versions = {"old" if old[c["id"]] == c["price"] else "new" if new[c["id"]] == c["price"] else "mixed" for c in cards}
                answers.append((questions[i % len(questions)], versions))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)
            i += 1

    context.catalog()  # loaded before the chat starts
    threads = [threading.Thread(target=chat, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    try:
        for round_ in range(4):
            source = new if round_ % 2 == 0 else old
            report = shop.import_file(tmp_path / ("new.jsonl" if source is new else "old.jsonl"))
            assert report.embedded == 0 and len(report.changed) == 9
            time.sleep(0.6)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert not errors, errors[:3]
    assert len(answers) >= 20
    assert all(len(v) <= 1 and "mixed" not in v for _, v in answers), [x for x in answers if len(x[1]) > 1][:5]
    seen = set().union(*(v for _, v in answers))
    assert seen == {"old", "new"}


def test_killed_import_leaves_previous_version_and_can_be_rerun(shop, tmp_path):
    from actions.context import catalog
    from bench.catalog_gen import write_jsonl

    big = write_jsonl(tmp_path / "big.jsonl", 1500)
    pointer = (shop.folder / "CURRENT").read_text()
    cli = [sys.executable, "-m", "bot.cli", "--store", str(shop.store_dir), "--data", str(shop.data_dir)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([*cli, "catalog", "import", str(big)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    # wait until it is embedding (its progress bar), then kill it
    deadline = time.monotonic() + 120
    buffer = ""
    while "embedding" not in buffer and time.monotonic() < deadline and proc.poll() is None:
        buffer += proc.stderr.read(1) or ""
    assert "embedding" in buffer, buffer[-500:]
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert (shop.folder / "CURRENT").read_text() == pointer
    assert shop.repo.counts()[0] == 9
    assert catalog().get("trailrunner-gtx") is not None and len(catalog().products) == 9
    small = write_jsonl(tmp_path / "small.jsonl", 30)
    rerun = subprocess.run([*cli, "-q", "catalog", "import", str(small)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert "added 30" in rerun.stdout and "removed 9" in rerun.stdout


WATCHER = """
import sys, time
from actions.context import LiveCatalog
live = LiveCatalog(sys.argv[1], sys.argv[2])
live.get()
print("ready", flush=True)
last = None
end = time.monotonic() + 30
while time.monotonic() < end:
    price = live.get().get("trailrunner-gtx").min_price
    if price != last:
        print(f"{time.time():.3f} {price}", flush=True)
        last = price
    if price == 1.0:
        break
    time.sleep(0.01)
"""


def test_several_action_server_processes_switch_together(shop):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", WATCHER, str(shop.store_dir), str(shop.data_dir)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, text=True)  # fmt: skip
        for _ in range(2)
    ]
    try:
        for proc in procs:
            assert proc.stdout.readline().strip() == "ready"
        shop.patch_product("trailrunner-gtx", {"price": 50.0})
        time.sleep(0.5)
        changed_at = time.time()
        shop.patch_product("trailrunner-gtx", {"price": 1.0})
        outputs = [proc.communicate(timeout=30)[0] for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    for out in outputs:
        lines = [line.split() for line in out.strip().splitlines()]
        prices = [float(p) for _, p in lines]
        assert prices[-1] == 1.0 and 50.0 in prices, out
        assert float(lines[-1][0]) - changed_at < 2.0, out


def test_redis_announcement_wakes_readers_before_the_poll(shop, monkeypatch):
    import redis

    from actions.context import LiveCatalog

    try:
        redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_timeout=1).ping()
    except Exception:
        service_missing("Redis not reachable at 127.0.0.1:6379")
    monkeypatch.setenv("SHOPBOT_REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setenv("SHOPBOT_POLL_SECONDS", "30")  # only Redis can wake the reader in time
    live = LiveCatalog(str(shop.store_dir), str(shop.data_dir))
    live.get()
    time.sleep(0.5)  # the watcher has subscribed
    started = time.monotonic()
    shop.patch_product("trailrunner-gtx", {"price": 42.0})
    while live.get().get("trailrunner-gtx").min_price != 42.0:
        assert time.monotonic() - started < 2.0, "not woken by Redis"
        time.sleep(0.01)
    live.stop()
