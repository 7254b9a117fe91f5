"""The cluster under load: 1 replica and 2 replicas in the same run, 20 / 50 / 100 concurrent
shoppers with think time, and a saturation run without think time (`make bench-cluster`).

Each configuration starts `bot.cluster.Cluster` (nginx, Rasa, action servers, web app on
PostgreSQL + Redis + RabbitMQ) and drives it through nginx with locust (bench/locustfile.py:
multi-turn German and English shoppers over REST and socket.io). Reported per run: turns,
failures, p50 / p95 / p99, throughput, and the CPU time of every cluster process per turn
(psutil; PostgreSQL, Redis and RabbitMQ are the machine's shared servers and not counted).
From those, on paper: replicas and cores for 1,000 concurrent shoppers at p95 <= 150 ms.

    .venv/bin/python -m bench.cluster [--seconds 60] [--replicas 1 2] [--users 20 50 100]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import time

from bench.load import RunStats, run, write_json

THINK = "2,5"  # seconds between a shopper's messages, uniform: mean 3.5 s
P95_TARGET_MS = 150.0
SHOPPERS = 1000
UTILISATION = 0.6  # of a core, the most a replica may be busy on average for a short queue


QUEUE = "shopbot_events_bench"  # the bench's own RabbitMQ queue, removed after each cluster


def start_cluster(replicas: int):  # noqa: ANN201 - bot.cluster.Cluster
    """The cluster on this run's port offset (SHOPBOT_TEST_PORT_OFFSET), its own PostgreSQL
    database and Redis prefix (per offset, bot/cluster.py), its own event queue and data folder
    (SHOPBOT_CLUSTER_DATA, default var/cluster)."""
    from bot.cluster import Cluster

    os.environ.setdefault("SHOPBOT_EVENT_QUEUE", QUEUE)
    cluster = Cluster(replicas=replicas, data=os.environ.get("SHOPBOT_CLUSTER_DATA", "var/cluster"))
    try:
        cluster.start()
    except BaseException:
        stop_cluster(cluster)
        raise
    return cluster


def stop_cluster(cluster) -> None:  # noqa: ANN001
    cluster.stop()
    if os.environ.get("SHOPBOT_EVENT_QUEUE") == QUEUE and shutil.which("rabbitmqctl"):
        subprocess.run(["rabbitmqctl", "-q", "delete_queue", QUEUE], capture_output=True, timeout=60, check=False)  # nosec B603 B607


def measure(replicas: int, users: list[int], seconds: float, saturation_users: int) -> list[RunStats]:
    cluster = start_cluster(replicas)
    rows: list[RunStats] = []
    try:
        pids = cluster.pids()
        run("warm-up", cluster.url, 5, 15, "0.5,1", pids)  # model caches, connection pools
        for n in users:
            stats, _ = run(f"{replicas} replica(s)", cluster.url, n, seconds, THINK, pids)
            rows.append(stats)
            print(stats.row(), flush=True)
        stats, _ = run(f"{replicas} replica(s), saturation", cluster.url, saturation_users, seconds, "0", pids)
        rows.append(stats)
        print(stats.row(), flush=True)
    finally:
        stop_cluster(cluster)
    return rows


def estimate(rows: list[RunStats], replicas: list[int]) -> dict:
    """Replicas and cores for 1,000 shoppers, from the runs with think time: the offered turn
    rate times the CPU a turn costs (in the busiest run: at low rates the processes' idle
    work is a large share of each turn), at most UTILISATION of a
    core busy so that requests rarely queue; one Rasa replica is one process (one core at most).
    Where a run met p95 <= 150 ms, its turns/s per replica gives a second, measured figure."""
    mean_think = sum(map(float, THINK.split(","))) / 2
    runs = [r for r in rows if r.think == THINK and r.turns]
    if not runs:
        return {}
    busiest = max(rows, key=lambda r: r.throughput)  # the least idle CPU (heartbeats, polls) per turn
    total_ms, rasa_ms = busiest.cpu_ms_per_turn, busiest.cpu_ms_per_turn_by_part.get("rasa", 0.0)
    offered = SHOPPERS / (mean_think + min(r.p50 for r in runs) / 1000)  # turns per second
    ok = [r.throughput / int(r.label.split()[0]) for r in runs if r.p95 <= P95_TARGET_MS]
    per_replica = max(ok) if ok else None
    return {
        "shoppers": SHOPPERS, "think_time_s": THINK, "mean_think_s": mean_think, "offered_turns_per_s": round(offered, 1),
        "cpu_ms_per_turn": total_ms, "rasa_cpu_ms_per_turn": rasa_ms, "utilisation_target": UTILISATION,
        "cores": math.ceil(offered * total_ms / 1000 / UTILISATION),
        "rasa_replicas": math.ceil(offered * rasa_ms / 1000 / UTILISATION),
        "measured_turns_per_s_per_replica_at_p95_target": round(per_replica, 1) if per_replica else None,
        "rasa_replicas_by_measured_rate": math.ceil(offered / per_replica) if per_replica else None,
        "replicas_measured": replicas,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of each measured run")
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--users", type=int, nargs="+", default=[20, 50, 100])
    parser.add_argument("--saturation-users", type=int, default=20, help="shoppers without think time")
    args = parser.parse_args()
    started = time.time()
    rows: list[RunStats] = []
    print(RunStats.header(), flush=True)
    for replicas in args.replicas:
        rows += measure(replicas, args.users, args.seconds, args.saturation_users)
    by = {(r.label, r.users, r.think): r for r in rows}
    scaling = {}
    for n in args.users:
        one, two = by.get(("1 replica(s)", n, THINK)), by.get(("2 replica(s)", n, THINK))
        if one and two:
            scaling[f"p95 at {n} shoppers, 2 vs 1"] = round(two.p95 / one.p95, 2)
    sat1 = next((r for r in rows if r.label == "1 replica(s), saturation"), None)
    sat2 = next((r for r in rows if r.label == "2 replica(s), saturation"), None)
    if sat1 and sat2 and sat1.throughput:
        scaling["saturation throughput, 2 vs 1"] = round(sat2.throughput / sat1.throughput, 2)
    plan = estimate(rows, args.replicas)
    print("\nscaling:", scaling)
    if plan:
        print(f"\n1,000 concurrent shoppers (think time {THINK} s uniform, mean {plan['mean_think_s']} s): "
              f"{plan['offered_turns_per_s']} turns/s; CPU {plan['cpu_ms_per_turn']} ms per turn over all cluster processes "
              f"({plan['rasa_cpu_ms_per_turn']} ms in Rasa) -> {plan['cores']} cores and {plan['rasa_replicas']} Rasa replicas "
              f"at {UTILISATION:.0%} busy; measured at p95 <= {P95_TARGET_MS:.0f} ms: "
              f"{plan['measured_turns_per_s_per_replica_at_p95_target']} turns/s per replica "
              f"-> {plan['rasa_replicas_by_measured_rate']} replicas")  # fmt: skip
    path = write_json("cluster.json", {
        "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started)), "cpus": os.cpu_count(),
        "load_average_end": os.getloadavg(), "runs": [r.as_dict() for r in rows], "scaling": scaling, "estimate": plan,
    })  # fmt: skip
    print(f"written: {path}")


if __name__ == "__main__":
    main()
