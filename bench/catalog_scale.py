"""Catalog at scale: import throughput, index build time, time from a merchant API change to
the change in the action server's catalog, and search latency (flat and HNSW) for generated
catalogs of 1k, 10k and 100k products. Real USE embeddings, real SQLite, real FAISS.

    python -m bench.catalog_scale [--sizes 1000,10000] [--out bench/catalog_scale.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import faiss
import numpy as np
import requests

from bench.catalog_gen import write_jsonl

BUILD_THREADS = faiss.omp_get_max_threads()  # before actions.context sets 1 for serving

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "waterproof hiking boots", "leichte Regenjacke", "quiet air purifier", "Vitamin D3 Kapseln", "warm down parka",
    "vegan running shoe", "kompakter Wasserkocher", "breathable base layer", "robuster Staubsauger", "omega-3",
    "sandals for summer", "leise Ventilator", "fleece jacket in navy", "magnesium tablets", "sneaker unter 50 €",
]  # fmt: skip


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


def search_latency(service, runs: int = 200) -> dict:  # noqa: ANN001
    """Full `CatalogService.search` (query embedding, FAISS, lexical, filters) in ms."""
    times = []
    for i in range(runs):
        started = time.perf_counter()
        service.search(QUERIES[i % len(QUERIES)])
        times.append((time.perf_counter() - started) * 1000)
    return {"p50": pct(times, 50), "p95": pct(times, 95)}


def faiss_latency(index, vectors: np.ndarray, exact: list[set[str]] | None = None) -> dict:  # noqa: ANN001
    times, recalls = [], []
    for i, vector in enumerate(vectors):
        started = time.perf_counter()
        hits = index.search(vector, 60)
        times.append((time.perf_counter() - started) * 1000)
        if exact is not None:
            recalls.append(len({pid for pid, _ in hits[:10]} & exact[i]) / 10)
    out = {"p50": pct(times, 50), "p95": pct(times, 95)}
    if recalls:
        out["recall@10"] = statistics.mean(recalls)
    return out


class SampledEmbedder:
    """USE on every `every`-th text; the others get that vector plus a little noise.

    Only for sizes where embedding every product would take longer than the benchmark may run
    (100k products at ~100/s on a shared 2-core machine is 15-30 min): import throughput is
    then reported without embedding, and everything else (database, publish, index build,
    reader load, change to answer, search) is measured for real.
    """

    def __init__(self, real, every: int = 20):  # noqa: ANN001
        self.real, self.every = real, every
        self.name, self.dim = real.name, real.dim
        self.rng = np.random.default_rng(1)
        self.count = 0
        self.real_texts = 0
        self.last = None

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            if self.last is None or self.count % self.every == 0:
                self.last = self.real.encode([text])[0]
                self.real_texts += 1
                out[i] = self.last
            else:
                v = self.last + self.rng.normal(0, 0.02, self.dim).astype(np.float32)
                out[i] = v / np.linalg.norm(v)
            self.count += 1
        return out


def run_size(n: int, work: Path, sample_above: int) -> dict:
    from actions.context import LiveCatalog
    from catalog.admin import CatalogAdmin
    from catalog.db import open_database
    from catalog.index import ProductIndex
    from catalog.tokens import create_token
    from tests.merchant_server import ServerThread

    faiss.omp_set_num_threads(BUILD_THREADS)  # actions.context set one thread for serving; writers use all

    store = work / "store"
    shutil.copytree(ROOT / "tests" / "fixtures" / "store", store)
    data = work / "data"
    catalog_file = write_jsonl(work / f"gen-{n}.jsonl", n)
    from catalog.embedder import get_embedder

    real = get_embedder("use")
    real.encode(["warm-up"])
    embedder = SampledEmbedder(real) if n > sample_above else real
    admin = CatalogAdmin(store, data, embedder)
    result: dict = {"products": n, "embedded_for_real": n <= sample_above}
    started = time.monotonic()
    report = admin.import_file(catalog_file)
    result["import_s"] = time.monotonic() - started
    result["products_per_s"] = n / result["import_s"]
    if isinstance(embedder, SampledEmbedder):
        result["real_embeddings"] = embedder.real_texts
    assert report.version == 1 and len(report.added) == n, report.rejected[:3]
    with open_database(data).engine.connect() as conn:
        row = conn.execute(admin.db.versions.select().where(admin.db.versions.c.version == 1)).first()
    result["index_build_s"] = row.build_seconds
    result["index_mb"] = sum(f.stat().st_size for f in (Path(row.path) / "index").iterdir()) / 2**20
    started = time.monotonic()
    again = admin.import_file(catalog_file)
    result["reimport_s"] = time.monotonic() - started
    assert again.embedded == 0
    # the action server's view
    live = LiveCatalog(str(store), str(data))
    started = time.monotonic()
    service = live.get()
    result["reader_load_s"] = time.monotonic() - started
    # change to answer through the merchant API
    _, token = create_token(admin.db, "bench")
    headers = {"Authorization": f"Bearer {token}"}
    delays = []
    with ServerThread(str(store), str(data)) as server:
        for k in range(3):
            pid = f"gen-{(k * 7919) % n:06d}"
            price = 1234.5 + k
            started = time.monotonic()
            r = requests.patch(f"{server.url}/merchant/v1/products/{pid}", headers=headers, json={"price": price}, timeout=600)
            r.raise_for_status()
            while live.get().get(pid).min_price != price:
                time.sleep(0.01)
                if time.monotonic() - started > 600:
                    raise TimeoutError(pid)
            delays.append(time.monotonic() - started)
    result["change_visible_s"] = {"median": statistics.median(delays), "max": max(delays)}
    # FAISS alone, exact flat vs HNSW, and the whole search with each
    from catalog.index import serve_single_queries
    from catalog.search import CatalogService

    serve_single_queries()  # searches as in the action server
    result["served_index"] = service.index.kind
    ids = service.index.product_ids
    vectors = service.index.vectors(ids)
    short = service.index.short_vectors(ids) if service.index.has_short else None  # searched as served
    flat = ProductIndex(service.index.model, service.index.dim, kind="flat")
    flat.upsert(ids, vectors, short)
    queries = admin.embedder.encode(QUERIES * 7)
    exact = [{pid for pid, _ in flat.search(v, 10)} for v in queries]
    result["flat_ms"] = faiss_latency(flat, queries)
    started = time.monotonic()
    hnsw = ProductIndex(flat.model, flat.dim, kind="hnsw")
    faiss.omp_set_num_threads(BUILD_THREADS)
    hnsw.upsert(ids, vectors, short)
    serve_single_queries()
    result["hnsw_build_s"] = time.monotonic() - started
    result["hnsw_ms"] = faiss_latency(hnsw, queries, exact)
    for name, index in (("flat", flat), ("hnsw", hnsw)):
        other = CatalogService(service.store, list(service.products.values()), index, service.embedder, service.policies)
        result[f"search_{name}_ms"] = search_latency(other)
    live.stop()
    open_database(data).drop()
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the whole run so far
    return result


def _ms(r: dict, key: str) -> str:
    return f"{r[key]['p50']:.1f} / {r[key]['p95']:.1f}" if key in r else "–"


def table(results: list[dict]) -> str:
    lines = [
        "| products | import (s) | products/s | index build (s) | re-import, nothing changed (s) | reader load (s) | API change → live (median / max, s) | FAISS flat p50 / p95 (ms) | FAISS HNSW p50 / p95 (ms), recall@10, build (s) | whole search, flat p50 / p95 (ms) | whole search, HNSW p50 / p95 (ms) | index files (MB) | peak RSS so far (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        star = "" if r.get("embedded_for_real", True) else " *"
        lines.append(
            f"| {r['products']:,}{star} | {r['import_s']:.1f} | {r['products_per_s']:.0f} | {r['index_build_s']:.2f} | {r['reimport_s']:.1f} "
            f"| {r['reader_load_s']:.1f} | {r['change_visible_s']['median']:.2f} / {r['change_visible_s']['max']:.2f} "
            f"| {r['flat_ms']['p50']:.2f} / {r['flat_ms']['p95']:.2f} "
            f"| {r['hnsw_ms']['p50']:.2f} / {r['hnsw_ms']['p95']:.2f}, {r['hnsw_ms']['recall@10']:.2f}, {r['hnsw_build_s']:.1f} "
            f"| {_ms(r, 'search_flat_ms')} | {_ms(r, 'search_hnsw_ms')} | {r.get('index_mb', float('nan')):.1f} | {r.get('peak_rss_mb', float('nan')):.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--sample-above", type=int, default=20000, help="above this size embed 1 in 20 texts for real")
    parser.add_argument("--out", default=str(ROOT / "bench" / "catalog_scale.json"))
    args = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(out.read_text()) if out.is_file() else []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix=f"shopbot-scale-{n}-") as work:
            print(f"--- {n} products", flush=True)
            result = run_size(n, Path(work), args.sample_above)
            result["measured_at"] = time.strftime("%Y-%m-%d %H:%M")
            result["load_average"] = os.getloadavg()[0]
            print(json.dumps(result, indent=1), flush=True)
            results = [r for r in results if r["products"] != n] + [result]
            out.write_text(json.dumps(sorted(results, key=lambda r: r["products"]), indent=1))
    print(table(sorted(results, key=lambda r: r["products"])))


if __name__ == "__main__":
    main()
