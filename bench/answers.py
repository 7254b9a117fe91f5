"""Whole answers on three stores: every shopper question of bench/questions/<store>.jsonl asked
through the running stack, the answer scored against the question's `expect`.

Per store: a fresh data folder, the store's own catalog file imported and orders seeded as
`make run` does (`shopbot catalog build`, `shopbot orders seed --if-empty`; a failure is
recorded, the seeding's does not stop the run), the real stack started (`bot.stack.Stack`),
each question asked in a fresh conversation over the REST webhook with its metadata. In the
same run the discovery baseline: plain USE vectors + FAISS (`IndexFlatIP`) over title +
description, right when an expected product is in the top 3.

    .venv/bin/python -m bench.answers [--store demo|nordstil|kleinholz|all] [--kinds discovery,sizing] [--out results.json]
    .venv/bin/python -m bench.answers --questions tests/fixtures/size_phrasings.jsonl  (another question file)
    .venv/bin/python -m bench.answers --store-dir tests/fixtures/store_fashion --questions tests/fixtures/size_phrasings_fashion.jsonl
        (a store folder outside stores/, named by its folder in the questions' `store`)

`--skip-bad-rows` imports only what the importer accepts (a merchant's way around a refused
file), to see the answers on the part of a store that imports.

Ports: 5505/5555/8580 plus `SHOPBOT_TEST_PORT_OFFSET`. The nordstil store and its questions
are never used for tuning (see bench/README.md); kleinholz is the tuning store for shops the
code was not built with (its questions were written before the tuning).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

import numpy as np
import requests

from bench.answer_scoring import (
    FAILURE_MODES,
    Answer,
    failure_mode,
    read_catalog_texts,
    reply_path,
    score,
)
from bot.stack import Stack

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "bench" / "questions"
STORES = {
    name: ROOT / "stores" / name
    for name in ("demo", "nordstil", "kleinholz", "laufwerk", "elbkontor", "goldfaden", "tierhof", "werkhaus", "gipfelsport", "stromhaus", "kofferhaus", "kraemerei", "sportsfreund", "radwerk", "zwergenland", "federleicht", "blaumann", "hufschlag", "spitzenwerk", "kradhaus", "pistenzauber", "saitenspiel", "kragenweite", "taucherwelt", "seilschaft", "hutwerk", "kugelbauch", "kampfgeist", "eisbahn", "ballsaal")
}
KINDS = ["discovery", "sizing", "details", "variants", "shipping", "policy", "comparison", "out_of_scope"]


def load_questions(store: str, kinds: set[str] | None, path: Path | None = None) -> list[dict]:
    """The store's questions of `bench/questions/<store>.jsonl`, or those of another file
    (`--questions`) whose `store` is this store."""
    lines = (path or QUESTIONS / f"{store}.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    return [q for q in questions if (not kinds or q["kind"] in kinds) and q.get("store", store) == store]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# --- setting a store up as `make run` does -----------------------------------------------------


def shopbot(store: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    """The `shopbot` command, as the Makefile calls it."""
    command = [sys.executable, "-m", "bot.cli", "--store", str(store), "--data", str(data), *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)


def output(process: subprocess.CompletedProcess, first: int = 2, last: int = 1) -> str:
    """The first and last lines of a command's output (a report's summary, a traceback's error)."""
    lines = [line.strip() for line in (process.stdout + process.stderr).strip().splitlines() if line.strip()]
    shown = lines if len(lines) <= first + last else [*lines[:first], "...", *(lines[-last:] if last else [])]
    return " | ".join(shown)


def set_up(store: Path, data: Path, skip_bad_rows: bool = False) -> tuple[bool, list[str]]:
    """Import the store's catalog and seed orders as `make run` does (or, with `skip_bad_rows`,
    import only the rows the importer accepts); (catalog ready, notes of what happened)."""
    notes: list[str] = []
    if skip_bad_rows:
        catalog = next(p for p in (store / "catalog.jsonl", store / "catalog.csv") if p.is_file())
        build = shopbot(store, data, "-q", "catalog", "import", str(catalog), "--skip-bad-rows")
        notes.append(f"`shopbot catalog import --skip-bad-rows`: {output(build, 3, 0)}")
    else:
        build = shopbot(store, data, "-q", "catalog", "build")
    if build.returncode != 0:
        notes.append(f"`shopbot catalog build` exited {build.returncode}: {output(build)}")
        return False, notes
    seed = shopbot(store, data, "orders", "seed", "--if-empty")
    if seed.returncode != 0:
        notes.append(f"`shopbot orders seed --if-empty` exited {seed.returncode}: {output(seed, 0, 1)}")
    return True, notes


def shopper_address(token: uuid.UUID) -> str:
    """A client address of its own for one asked question (10.x.y.z from the token's last 24 bits):
    each question is a fresh shopper, so a store's per-address message limit (`security:
    client_messages_per_minute`, 300 by default) does not count a whole run as one client."""
    low = token.int & 0xFFFFFF
    return f"10.{low >> 16}.{(low >> 8) & 0xFF}.{low & 0xFF}"


def ask(stack: Stack, question: dict) -> Answer:
    token = uuid.uuid4()
    sender = f"answers-{token}"
    start = time.perf_counter()
    response = requests.post(
        f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook",
        json={"sender": sender, "message": question["text"], "metadata": question.get("metadata") or {}}, timeout=60,
        headers={"X-Forwarded-For": shopper_address(token)},  # the bench talks from 127.0.0.1, a trusted proxy
    )  # fmt: skip
    ms = (time.perf_counter() - start) * 1000
    response.raise_for_status()
    return Answer.from_messages(response.json(), ms)


def run_bot(name: str, questions: list[dict], names: dict[str, list[str]], ports: tuple[int, int, int], skip_bad_rows: bool = False) -> tuple[list[dict], list[str]]:
    """Per-question results of the whole bot on one store, and notes on set-up failures."""
    store = STORES[name]
    with tempfile.TemporaryDirectory(prefix=f"answers-{name}-") as tmp:
        data = Path(tmp)
        ready, notes = set_up(store, data, skip_bad_rows)
        if not ready:
            return [result(q, Answer(), ["store not started: " + notes[-1]]) for q in questions], notes
        rasa_port, action_port, web_port = ports
        stack = Stack(
            store=str(store), data=str(data), model=str(ROOT / "models" / "shopbot.tar.gz"), rasa_port=rasa_port,
            action_port=action_port, web_port=web_port, tracker_db=str(data / "conversations.db"), log_dir=data / "logs",
        )  # fmt: skip
        stack.start()
        try:
            try:
                stack.wait_ready(timeout=300)
            except (RuntimeError, TimeoutError) as exc:
                notes.append(f"stack did not start: {str(exc).splitlines()[0]}")
                return [result(q, Answer(), [notes[-1]]) for q in questions], notes
            results = []
            for q in questions:
                try:
                    answer = ask(stack, q)
                    page = q["metadata"].get("product_id") if q["kind"] not in ("discovery", "comparison") else None
                    reasons = score(q["expect"], answer, names, page)
                    results.append(result(q, answer, reasons, failure_mode(q["expect"], answer, reasons) if reasons else ""))
                except requests.RequestException as exc:
                    results.append(result(q, Answer(), [f"request failed: {exc}"]))
            return results, notes
        finally:
            stack.stop()


def result(question: dict, answer: Answer, reasons: list[str], mode: str = "other") -> dict:
    return {
        "id": question["id"], "store": question["store"], "kind": question["kind"], "lang": question["lang"],
        "text": question["text"], "metadata": question.get("metadata") or {}, "right": not reasons, "reasons": reasons,
        "mode": mode if reasons else "", "path": reply_path(answer.text),
        "reply": answer.text, "products": answer.product_ids, "ms": round(answer.ms, 1),
    }  # fmt: skip


# --- the discovery baseline ---------------------------------------------------------------------


def baseline(name: str, questions: list[dict], embedder) -> dict[str, bool]:  # noqa: ANN001
    """Question id -> an expected product among the top 3 of plain USE + FAISS over title + description."""
    import faiss

    discovery = [q for q in questions if q["kind"] == "discovery" and q["expect"].get("products_any")]
    if not discovery:
        return {}
    store = STORES[name]
    catalog = next(p for p in (store / "catalog.jsonl", store / "catalog.csv") if p.is_file())
    products = read_catalog_texts(catalog)
    vectors = np.asarray(embedder.encode([p.text for p in products]), dtype=np.float32)
    faiss.normalize_L2(vectors)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    queries = np.asarray(embedder.encode([q["text"] for q in discovery]), dtype=np.float32)
    faiss.normalize_L2(queries)
    _, top = index.search(queries, 3)
    return {q["id"]: bool({products[i].id for i in row if i >= 0} & set(q["expect"]["products_any"])) for q, row in zip(discovery, top, strict=True)}


# --- the table --------------------------------------------------------------------------------


def table(results: list[dict], base: dict[str, bool], notes: dict[str, list[str]]) -> str:
    stores = list(dict.fromkeys(r["store"] for r in results))
    cells: dict[tuple, list[bool]] = defaultdict(list)
    for r in results:
        for store in (r["store"], "all"):
            for lang in (r["lang"], "all"):
                cells[(store, r["kind"], lang)].append(r["right"])
                cells[(store, "overall", lang)].append(r["right"])
    columns = [(s, lang) for s in [*stores, *(["all"] if len(stores) > 1 else [])] for lang in ("de", "en", "all")]
    head = "| kind | " + " | ".join(f"{s} {lang}" for s, lang in columns) + " |"
    lines = [head, "|" + "---|" * (len(columns) + 1)]
    for kind in [*[k for k in KINDS if any(r["kind"] == k for r in results)], "overall"]:
        row = []
        for s, lang in columns:
            values = cells.get((s, kind, lang), [])
            row.append(f"{sum(values)}/{len(values)}" if values else "–")
        lines.append(f"| {'**overall**' if kind == 'overall' else kind} | " + " | ".join(row) + " |")
    lines.append("")
    for store in stores:
        rows = [r for r in results if r["store"] == store]
        ms = [r["ms"] for r in rows if r["ms"]]
        bot_disc = [r["right"] for r in rows if r["kind"] == "discovery"]
        base_disc = [base[r["id"]] for r in rows if r["id"] in base]
        right = sum(r["right"] for r in rows)
        lines.append(
            f"{store}: {right}/{len(rows)} right ({right / max(1, len(rows)):.2f}); reply p50 {percentile(ms, 50):.0f} ms, "
            f"p95 {percentile(ms, 95):.0f} ms; discovery: bot {sum(bot_disc)}/{len(bot_disc)}, "
            f"plain USE + FAISS top 3 {sum(base_disc)}/{len(base_disc)}"
        )  # fmt: skip
        lines.extend(f"  {store}: {note}" for note in notes.get(store, []))
    lines.extend(["", *modes_table(results)])
    return "\n".join(lines)


def modes_table(results: list[dict]) -> list[str]:
    """Misses per kind by mode (wrong product, said it does not know, ...), all stores of the run
    together: the one view of a held-out store's misses that reads none of its questions."""
    wrong = [r for r in results if not r["right"]]
    kinds = [k for k in KINDS if any(r["kind"] == k for r in wrong)]
    lines = ["| misses by mode | " + " | ".join(kinds) + " | all |", "|" + "---|" * (len(kinds) + 2)]
    for mode in FAILURE_MODES:
        counts = [sum(1 for r in wrong if r["kind"] == k and r.get("mode", "other") == mode) for k in kinds]
        total = sum(counts)
        if total:
            lines.append(f"| {mode} | " + " | ".join(str(c) for c in counts) + f" | {total} |")
    paths = list(dict.fromkeys(r.get("path", "other") for r in wrong))
    lines += ["", "| misses by the reply's path | " + " | ".join(kinds) + " | all |", "|" + "---|" * (len(kinds) + 2)]
    for path in paths:
        counts = [sum(1 for r in wrong if r["kind"] == k and r.get("path", "other") == path) for k in kinds]
        lines.append(f"| {path} | " + " | ".join(str(c) for c in counts) + f" | {sum(counts)} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", choices=[*STORES, "all"], default="all")
    parser.add_argument("--kinds", default="", help=f"comma-separated subset of {', '.join(KINDS)}")
    parser.add_argument("--skip-bad-rows", action="store_true", help="import only the rows the importer accepts (not what `make run` does)")
    parser.add_argument("--questions", type=Path, help="another question file (each question names its store) instead of bench/questions/")
    parser.add_argument("--store-dir", type=Path, help="a store folder outside stores/ (a test fixture store), asked alone")
    parser.add_argument("--out", type=Path, help="write per-question results (reply, pass/fail, reasons) as JSON")
    args = parser.parse_args()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    kinds = {k.strip() for k in args.kinds.split(",") if k.strip()} or None
    offset = int(os.environ.get("SHOPBOT_TEST_PORT_OFFSET", "0"))
    ports = (5505 + offset, 5555 + offset, 8580 + offset)

    from catalog.embedder import get_embedder

    embedder = get_embedder("use")
    results: list[dict] = []
    base: dict[str, bool] = {}
    notes: dict[str, list[str]] = {}
    if args.store_dir:
        STORES[args.store_dir.name] = args.store_dir.resolve()
        args.store = args.store_dir.name
    for name in STORES if args.store == "all" else [args.store]:
        questions = load_questions(name, kinds, args.questions)
        if not questions:
            continue
        catalog = next(p for p in (STORES[name] / "catalog.jsonl", STORES[name] / "catalog.csv") if p.is_file())
        names = {p.id: p.names for p in read_catalog_texts(catalog, visible_only=False)}
        base.update(baseline(name, questions, embedder))
        print(f"{name}: asking {len(questions)} questions ...", file=sys.stderr, flush=True)
        store_results, notes[name] = run_bot(name, questions, names, ports, args.skip_bad_rows)
        results.extend(store_results)
    if args.out:
        args.out.write_text(json.dumps({"results": results, "baseline_top3": base, "notes": notes}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results, base, notes))


if __name__ == "__main__":
    main()
