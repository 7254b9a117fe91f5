"""Concurrent searches of one delta version (`LayeredIndex`), as an action server's threads run
them: FAISS's IndexIDMap swaps its own selector into the search parameters while it searches,
so parameters shared between threads let one search read another's freed selector (a crash, or
hidden products shown). Run in a child process, so a crash fails this test, not the whole run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import threading
    import numpy as np
    from catalog.index import LayeredIndex, ProductIndex

    rng = np.random.default_rng(7)
    dim, n = 32, 3000
    ids = [f"p{i}" for i in range(n)]
    vectors = rng.normal(size=(n, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    base = ProductIndex("m", dim)
    base.upsert(ids, vectors, short=vectors[::-1].copy())
    delta = ProductIndex("m", dim)
    delta.upsert(["new"], vectors[:1], short=vectors[:1])
    hidden = set(ids[::3])
    layered = LayeredIndex(base, delta, hidden)
    queries = rng.normal(size=(64, dim)).astype(np.float32)
    expected = [(layered.search(q, 10), layered.search_short(q, 10)) for q in queries]
    errors = []

    def work(seed):
        for i in range(400):
            q = (seed + i) % len(queries)
            got = (layered.search(queries[q], 10), layered.search_short(queries[q], 10))
            if got != expected[q] or any(pid in hidden for hits in got for pid, _ in hits):
                errors.append(q)

    threads = [threading.Thread(target=work, args=(s,)) for s in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("errors", len(errors))
    """
)


def test_concurrent_searches_of_a_delta_version_agree_and_never_crash():
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env={"PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"},
                              capture_output=True, text=True, timeout=300)  # fmt: skip
        assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
        assert done.stdout.strip() == "errors 0", done.stdout
