"""Markdown tables for bench/README.md from bench/results/{cluster,faults,soak}.json.

    .venv/bin/python -m bench.cluster_report
"""

from __future__ import annotations

import json

from bench.load import RESULTS


def _load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def cluster_table(data: dict) -> list[str]:
    out = ["| configuration | shoppers | think s | turns | failures | p50 ms | p95 ms | p99 ms | turns/s | CPU ms/turn (Rasa / actions / nginx) | load avg. |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in data["runs"]:
        part = r.get("cpu_ms_per_turn_by_part", {})
        split = " / ".join(f"{part.get(k, 0):.0f}" for k in ("rasa", "actions", "nginx"))
        out.append(f"| {r['label']} | {r['users']} | {r['think'].replace(',', '–')} | {r['turns']} | {r['failures']} | "
                   f"{r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | {r['throughput']:.1f} | {r['cpu_ms_per_turn']:.0f} ({split}) | "
                   f"{r['load_average'][0]:.1f} |")  # fmt: skip
    return out


def faults_table(data: dict) -> list[str]:
    out = ["| fault | turns | failures | retry notices | shoppers hit / next answered | lost events | doubled messages | user event without bot turn | returns+exchanges written / not confirmed / lines over qty | orders before → after |",
           "|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in data["faults"]:
        t = r["tracker"]
        out.append(f"| {r['fault']} | {r['turns']} | {r['failures']} | {r['retry_notices']} | {r['shoppers_hit']} / "
                   f"{r['shoppers_hit_next_answered']} | {t['lost_messages']} | {t['duplicated_messages']} | "
                   f"{t['user_events_without_bot_turn']} | {r['returns_exchanges_written']} / {len(r['written_not_confirmed'])} / "
                   f"{len(r['order_lines_over_quantity'])} | {r['orders_before']} → {r['orders_after']} |")  # fmt: skip
    return out


def soak_table(data: dict) -> list[str]:
    out = ["| process | mean RSS MB | first → last MB | fitted slope MB/h | fitted rise over the run MB | flat |", "|---|---|---|---|---|---|"]
    for name, v in data["memory"].items():
        out.append(f"| {name} | {v['mean_mb']:.0f} | {v['first_mb']:.0f} → {v['last_mb']:.0f} | {v['slope_mb_per_hour']:+.1f} | "
                   f"{v['fitted_rise_mb']:+.1f} | {'yes' if v['flat'] else '**no**'} |")  # fmt: skip
    return out


def main() -> None:
    for name, render in (("cluster.json", cluster_table), ("faults.json", faults_table), ("soak.json", soak_table)):
        data = _load(name)
        if data:
            print(f"\n{name}\n")
            print("\n".join(render(data)))
            for key in ("scaling", "estimate", "stats"):
                if key in data:
                    print(f"\n{key}: {json.dumps(data[key])}")


if __name__ == "__main__":
    main()
