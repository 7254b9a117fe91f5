"""Soak: the 2-replica cluster at a steady moderate load for 30 minutes (a parameter), the
resident memory (RSS, with children) of every cluster process sampled every 10 s, plotted into
bench/results/soak.png; "flat" is judged by a least-squares line through each process's samples
after the first 2 minutes (warm-up): its rise over the run must stay under 5 % of the process's
memory and under 25 MB. Errors (messages without an answer) are counted.

    .venv/bin/python -m bench.soak [--minutes 30] [--users 30]
"""

from __future__ import annotations

import argparse
import os
import threading
import time

import numpy as np

from bench.cluster import start_cluster, stop_cluster
from bench.load import RESULTS, Locust, process_tree, rss_mb, summarize, write_json

SAMPLE_S = 10.0
WARM_UP_S = 120.0
THINK = "2,5"


def sample(pids: dict[str, int], stop: threading.Event, out: list[tuple[float, dict[str, float]]]) -> None:
    start = time.monotonic()
    while not stop.is_set():
        out.append((time.monotonic() - start, rss_mb(process_tree(pids))))
        stop.wait(SAMPLE_S)


def judge(samples: list[tuple[float, dict[str, float]]], minutes: float) -> dict[str, dict]:
    verdict = {}
    names = sorted(samples[0][1]) if samples else []
    for name in names:
        pts = [(t, mem[name]) for t, mem in samples if t >= WARM_UP_S and mem.get(name)]
        if len(pts) < 3:
            pts = [(t, mem[name]) for t, mem in samples if mem.get(name)]
        if len(pts) < 3:
            continue
        t, mb = np.array([p[0] for p in pts]), np.array([p[1] for p in pts])
        slope = float(np.polyfit(t, mb, 1)[0])  # MB per second
        rise = slope * (t[-1] - t[0])
        verdict[name] = {"mean_mb": round(float(mb.mean()), 1), "first_mb": round(float(mb[0]), 1), "last_mb": round(float(mb[-1]), 1),
                         "slope_mb_per_hour": round(slope * 3600, 2), "fitted_rise_mb": round(rise, 2),
                         "flat": bool(rise < 0.05 * mb.mean() and rise < 25)}  # fmt: skip
    return verdict


def plot(samples: list[tuple[float, dict[str, float]]], verdict: dict[str, dict], title: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 5.5))
    for name in verdict:
        t = [s[0] / 60 for s in samples if s[1].get(name)]
        mb = [s[1][name] for s in samples if s[1].get(name)]
        ax.plot(t, mb, label=f"{name} ({verdict[name]['slope_mb_per_hour']:+.1f} MB/h)")
    ax.set_xlabel("minutes")
    ax.set_ylabel("RSS, MB (with children)")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, ncol=2)
    fig.tight_layout()
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "soak.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--users", type=int, default=30)
    args = parser.parse_args()
    cluster = start_cluster(2)
    samples: list[tuple[float, dict[str, float]]] = []
    stop = threading.Event()
    try:
        pids = cluster.pids()
        sampler = threading.Thread(target=sample, args=(pids, stop, samples), daemon=True)
        sampler.start()
        started = time.time()
        records = Locust(cluster.url, args.users, args.minutes * 60, THINK).wait()
        stats = summarize("soak, 2 replicas", args.users, THINK, records, time.time() - started)
        stop.set()
        sampler.join(timeout=30)
        alive = {name: pid for name, pid in cluster.pids().items()}
    finally:
        stop.set()
        stop_cluster(cluster)
    verdict = judge(samples, args.minutes)
    title = f"soak: 2 replicas, {args.users} shoppers ({THINK} s think time), {args.minutes:g} min, {stats.turns} turns, {stats.failures} errors"
    png = plot(samples, verdict, title)
    print(title)
    for name, v in verdict.items():
        print(f"  {name:12} mean {v['mean_mb']:7.1f} MB  slope {v['slope_mb_per_hour']:+7.2f} MB/h  fitted rise {v['fitted_rise_mb']:+6.2f} MB  {'flat' if v['flat'] else 'GROWS'}")
    print(f"  p50 {stats.p50:.0f} ms, p95 {stats.p95:.0f} ms, p99 {stats.p99:.0f} ms, {stats.throughput:.1f} turns/s; errors {stats.errors or 0}")
    restarted = sorted(n for n, pid in alive.items() if pids.get(n) != pid)
    path = write_json("soak.json", {"minutes": args.minutes, "users": args.users, "think": THINK, "stats": stats.as_dict(),
                                    "memory": verdict, "processes_restarted": restarted, "plot": png,
                                    "samples": [[round(t, 1), mem] for t, mem in samples], "load_average_end": os.getloadavg()})  # fmt: skip
    print(f"written: {path}, {png}")


if __name__ == "__main__":
    main()
