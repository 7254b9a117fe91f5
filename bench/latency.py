"""Reply latency over the REST webhook at 1 and 20 concurrent conversations.

Starts the real stack on its own ports. Baseline in the same run: Rasa's NLU parse alone
(`/model/parse`), i.e. what a turn costs before dialogue, action server and catalog. The 20
conversations run with a shopper's think time between messages (default 3 s) and, as a
stress test, back to back.

    .venv/bin/python -m bench.latency [--turns 200]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

from bot.stack import Stack

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = [
    "Hallo",
    "Ich suche wasserdichte Wanderschuhe unter 150 €",
    "und in schwarz?",
    "das zweite bitte",
    "Gibt es den in 44?",
    "Wie lange dauert der Versand nach Österreich?",
    "I'm looking for a light rain jacket for cycling",
    "is this jacket warm enough for -10 °C?",
    "what's the difference between the first and the second?",
    "How long do I have to return something?",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def conversation(session: aiohttp.ClientSession, url: str, turns: int, latencies: list[tuple[int, float]], parse_only: bool, token: str, think: float) -> None:
    sender = f"bench-{uuid.uuid4()}"
    await asyncio.sleep(random.uniform(0, think))  # conversations start spread out, like shoppers
    for i in range(turns):
        if i:
            await asyncio.sleep(think)
        text = SCRIPT[i % len(SCRIPT)]
        start = time.perf_counter()
        if parse_only:
            async with session.post(f"{url}/model/parse?token={token}", json={"text": text}) as r:
                await r.read()
        else:
            async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}) as r:
                await r.read()
        r.raise_for_status()
        latencies.append((i, (time.perf_counter() - start) * 1000))


async def measure(url: str, token: str, concurrency: int, total_turns: int, parse_only: bool, think: float = 0.0) -> tuple[list[tuple[int, float]], float]:
    """`concurrency` shoppers at a time, each a conversation of the scripted length, until
    `total_turns` turns are done (so no conversation grows longer than a real one).
    Returns (script step, ms) per turn and the turns per second."""
    latencies: list[tuple[int, float]] = []
    rounds = max(1, total_turns // (concurrency * len(SCRIPT)))
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        start = time.perf_counter()
        for _ in range(rounds):
            await asyncio.gather(*(conversation(session, url, len(SCRIPT), latencies, parse_only, token, think) for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return latencies, len(latencies) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200, help="turns per measurement")
    parser.add_argument("--think", type=float, default=3.0, help="seconds a shopper takes between messages")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="shopbot-bench-"))
    shutil.copytree(ROOT / "var" / "demo", data / "demo")
    stack = Stack(data=str(data), rasa_port=5205, action_port=5255, web_port=8280, tracker_db=str(data / "c.db"), log_dir=data / "logs")
    stack.start()
    try:
        stack.wait_ready(timeout=300)
        url = f"http://127.0.0.1:{stack.rasa_port}"
        asyncio.run(measure(url, stack.token, 2, 20, parse_only=False))  # warm-up
        rows, steps = [], {}
        runs = [
            ("NLU parse only (baseline)", True, 1, 0.0),
            ("NLU parse only (baseline)", True, 20, 0.0),
            ("full reply", False, 1, 0.0),
            (f"full reply, {args.think:g} s think time", False, 20, args.think),
            ("full reply, no think time", False, 20, 0.0),
        ]
        for name, parse_only, concurrency, think in runs:
            timed, throughput = asyncio.run(measure(url, stack.token, concurrency, args.turns, parse_only, think))
            lat = [ms for _, ms in timed]
            steps[name, concurrency] = timed
            rows.append((name, concurrency, len(lat), statistics.median(lat), percentile(lat, 95), throughput))
    finally:
        stack.stop()
        shutil.rmtree(data, ignore_errors=True)
    print(f"\n{'measurement':34} {'conv.':>5} {'turns':>6} {'p50 ms':>8} {'p95 ms':>8} {'turns/s':>8}")
    for name, conc, n, p50, p95, tput in rows:
        print(f"{name:34} {conc:5d} {n:6d} {p50:8.1f} {p95:8.1f} {tput:8.1f}")
    print("\nper message of the script, full reply (p50 / p95 ms): 1 conversation | 20 with think time")
    single, thinking = steps["full reply", 1], steps[f"full reply, {args.think:g} s think time", 20]
    for i, text in enumerate(SCRIPT):
        cells = []
        for timed in (single, thinking):
            ms = [m for step, m in timed if step == i]
            cells.append(f"{statistics.median(ms):6.1f} / {percentile(ms, 95):6.1f}" if ms else "-")
        print(f"{i:2d} {text[:48]:48} {cells[0]:>16} | {cells[1]:>16}")


if __name__ == "__main__":
    main()
