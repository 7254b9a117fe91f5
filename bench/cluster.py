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
import time

from bench.load import RunStats, run, write_json

THINK = "2,5"  # seconds between a shopper's messages, uniform: mean 3.5 s
P95_TARGET_MS = 150.0
SHOPPERS = 1000
UTILISATION = 0.6  # of a core, the most a replica may be busy on average for a short queue


def start_cluster(replicas: int):  # noqa: ANN201 - bot.cluster.Cluster, imported late (another branch)
    from bot.cluster import Cluster

    cluster = Cluster(replicas=replicas)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster


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
        cluster.stop()
    return rows


def estimate(rows: list[RunStats], replicas: list[int]) -> dict:
    """Replicas and cores for 1,000 shoppers, from the measured runs with think time."""
    mean_think = sum(map(float, THINK.split(","))) / 2
    think_runs = [r for r in rows if r.think == THINK and r.turns]
    cpu = [r.cpu_ms_per_turn for r in think_runs if r.cpu_ms_per_turn]
    cpu_ms = max(cpu) if cpu else float("nan")  # the dearest measured turn: pessimistic
    ok = [r for r in think_runs if r.p95 <= P95_TARGET_MS]
    per_replica = max((r.throughput / int(r.label.split()[0]) for r in ok), default=float("nan"))
    latency_s = (min(r.p50 for r in think_runs) / 1000) if think_runs else 0.0
    offered = SHOPPERS / (mean_think + latency_s)  # turns per second
    cores = offered * cpu_ms / 1000 / UTILISATION
    return {
        "shoppers": SHOPPERS, "think_time_s": THINK, "mean_think_s": mean_think,
        "offered_turns_per_s": round(offered, 1), "cpu_ms_per_turn": cpu_ms,
        "measured_turns_per_s_per_replica_at_p95_target": round(per_replica, 1) if per_replica == per_replica else None,
        "replicas_by_measured_rate": math.ceil(offered / per_replica) if per_replica == per_replica else None,
        "cores_by_cpu_cost": math.ceil(cores) if cores == cores else None,
        "replicas_by_cpu_cost": math.ceil(cores) if cores == cores else None,
        "utilisation_target": UTILISATION,
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
    print(f"\n1,000 concurrent shoppers (think time {THINK} s uniform, mean {plan['mean_think_s']} s): "
          f"{plan['offered_turns_per_s']} turns/s; CPU {plan['cpu_ms_per_turn']} ms per turn over all cluster processes "
          f"-> {plan['cores_by_cpu_cost']} cores at {UTILISATION:.0%} busy; "
          f"{plan['measured_turns_per_s_per_replica_at_p95_target']} turns/s per replica measured at p95 <= {P95_TARGET_MS:.0f} ms "
          f"-> {plan['replicas_by_measured_rate']} replicas")  # fmt: skip
    path = write_json("cluster.json", {
        "started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started)), "cpus": os.cpu_count(),
        "load_average_end": os.getloadavg(), "runs": [r.as_dict() for r in rows], "scaling": scaling, "estimate": plan,
    })  # fmt: skip
    print(f"written: {path}")


if __name__ == "__main__":
    main()
