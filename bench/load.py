"""What the cluster bench, the fault runs and the soak share: running locust headless against a
base URL (bench/locustfile.py in `.venv-load`), summing the turns it recorded, the CPU time of
a set of processes (psutil), and the tracker events stored in SQL for the senders a run used.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
LOCUST = ROOT / ".venv-load" / "bin" / "locust"
RESULTS = ROOT / "bench" / "results"


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


@dataclass
class RunStats:
    """One locust run: turns (messages) answered, latencies of the first attempt of each, and
    what went wrong."""

    label: str
    users: int
    think: str
    seconds: float
    turns: int
    failures: int
    retry_notices: int
    p50: float
    p95: float
    p99: float
    throughput: float  # turns per second over the run
    cpu_seconds: float = 0.0  # CPU time of the cluster's processes during the run
    cpu_ms_per_turn: float = 0.0
    cpu_ms_per_turn_by_part: dict[str, float] = field(default_factory=dict)  # rasa, actions, nginx, web ...
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)
    errors: dict[str, int] = field(default_factory=dict)

    def row(self) -> str:
        return (f"{self.label:22} {self.users:5d} {self.think:>6} {self.turns:6d} {self.failures:5d} {self.retry_notices:6d} "
                f"{self.p50:7.0f} {self.p95:7.0f} {self.p99:7.0f} {self.throughput:8.1f} {self.cpu_ms_per_turn:8.1f}")  # fmt: skip

    @staticmethod
    def header() -> str:
        return (f"{'configuration':22} {'users':>5} {'think':>6} {'turns':>6} {'fail':>5} {'notice':>6} "
                f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'turns/s':>8} {'CPU ms/turn':>8}")  # fmt: skip

    def as_dict(self) -> dict:
        return asdict(self)


def summarize(label: str, users: int, think: str, records: list[dict], seconds: float) -> RunStats:
    answered = [r for r in records if not r["error"]]
    first = [r["ms"] for r in answered if r["attempt"] == 1 and not r["retry_notice"]]
    errors: dict[str, int] = {}
    for r in records:
        if r["error"]:
            key = r["error"].split(":")[0][:60]
            errors[key] = errors.get(key, 0) + 1
    return RunStats(
        label=label, users=users, think=think, seconds=round(seconds, 1), turns=len(answered),
        failures=sum(1 for r in records if r["error"]), retry_notices=sum(1 for r in records if r["retry_notice"]),
        p50=percentile(first, 50), p95=percentile(first, 95), p99=percentile(first, 99),
        throughput=len(answered) / seconds if seconds else 0.0, errors=errors,
    )  # fmt: skip


def process_tree(pids: dict[str, int]) -> dict[str, list[psutil.Process]]:
    """Each named process with its children (Rasa's and Sanic's subprocesses)."""
    tree: dict[str, list[psutil.Process]] = {}
    for name, pid in pids.items():
        try:
            proc = psutil.Process(pid)
            tree[name] = [proc, *proc.children(recursive=True)]
        except psutil.Error:
            tree[name] = []
    return tree


def cpu_seconds(tree: dict[str, list[psutil.Process]]) -> dict[str, float]:
    """User + system CPU seconds so far, per name (processes gone meanwhile count 0)."""
    out: dict[str, float] = {}
    for name, procs in tree.items():
        total = 0.0
        for proc in procs:
            try:
                t = proc.cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        out[name] = total
    return out


def rss_mb(tree: dict[str, list[psutil.Process]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, procs in tree.items():
        total = 0
        for proc in procs:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        out[name] = total / 2**20
    return out


class Locust:
    """locust headless in the background: `start`, then `wait` (bounded) for its records."""

    def __init__(self, url: str, users: int, seconds: float, think: str = "2,5", socketio_share: float = 0.25,
                 spawn_rate: float | None = None, log: Path | None = None, writes: float = 0.0) -> None:  # fmt: skip
        self.url, self.users, self.seconds, self.think = url, users, seconds, think
        self.out = Path(tempfile.mkstemp(prefix="shopbot-locust-", suffix=".json")[1])
        self.log = log or self.out.with_suffix(".log")
        env = dict(os.environ, SHOPBOT_LOAD_THINK=think, SHOPBOT_LOAD_OUT=str(self.out),
                   SHOPBOT_LOAD_SOCKETIO=str(socketio_share), SHOPBOT_LOAD_WRITES=str(writes), PYTHONPATH=str(ROOT))  # fmt: skip
        if not LOCUST.exists():
            raise SystemExit(f"{LOCUST} is missing: run `make bench-cluster` (it builds .venv-load from requirements-load.txt)")
        rate = spawn_rate or max(1.0, users / 5)
        args = [str(LOCUST), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(users),
                "-r", f"{rate:g}", "-t", f"{int(seconds)}s", "--host", url, "--only-summary",
                "--stop-timeout", "35", "--loglevel", "WARNING", "--exit-code-on-error", "0"]  # fmt: skip
        self.started = time.time()
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT)

    def wait(self) -> list[dict]:
        try:
            self.proc.wait(timeout=self.seconds + 120)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        try:
            records = json.loads(self.out.read_text() or "[]")
        except (OSError, ValueError):
            tail = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"locust wrote no records (exit {self.proc.returncode}):\n{tail}") from None
        finally:
            self.out.unlink(missing_ok=True)
        return records


def run(label: str, url: str, users: int, seconds: float, think: str, pids: dict[str, int] | None = None,
        socketio_share: float = 0.25) -> tuple[RunStats, list[dict]]:  # fmt: skip
    """One measured locust run; CPU of `pids` (with children) over it."""
    tree = process_tree(pids or {})
    before = cpu_seconds(tree)
    start = time.perf_counter()
    records = Locust(url, users, seconds, think, socketio_share).wait()
    elapsed = time.perf_counter() - start
    after = cpu_seconds(tree)
    stats = summarize(label, users, think, records, seconds_of(records) or elapsed)
    stats.cpu_seconds = round(sum(after.values()) - sum(before.values()), 2)
    stats.cpu_ms_per_turn = round(1000 * stats.cpu_seconds / stats.turns, 1) if stats.turns else 0.0
    parts: dict[str, float] = {}
    for name in after:
        part = name.split("-")[0]
        parts[part] = parts.get(part, 0.0) + after[name] - before.get(name, 0.0)
    stats.cpu_ms_per_turn_by_part = {k: round(1000 * v / stats.turns, 1) for k, v in parts.items()} if stats.turns else {}
    stats.load_average = tuple(round(x, 2) for x in os.getloadavg())  # type: ignore[assignment]
    return stats, records


def seconds_of(records: list[dict]) -> float:
    """From the first message sent to the last answered (the spawn ramp included)."""
    if len(records) < 2:
        return 0.0
    first = min(r["t"] - r["ms"] / 1000 for r in records)
    return max(r["t"] for r in records) - first


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def write_json(name: str, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    path.write_text(json.dumps(payload, indent=2, default=str) + "\n")
    return path
