"""Import jobs: an uploaded catalog file imported in the background, with progress and a report
kept in the database (so any process can read them and a crash is visible afterwards)."""

from __future__ import annotations

import json
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import insert, select, update

from catalog.admin import CatalogAdmin
from catalog.db import Database

# One import at a time per process: imports are CPU-bound (embedding) and replace the catalog.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import")


class Jobs:
    """Import jobs of one store."""

    def __init__(self, admin: CatalogAdmin):
        self.admin = admin
        self.db: Database = admin.db
        self.t = self.db.jobs

    def fail_interrupted(self) -> int:
        """Jobs left queued or running by a process that died: mark them failed (nothing was changed)."""
        with self.db.engine.begin() as conn:
            result = conn.execute(
                update(self.t)
                .where(self.t.c.store == self.admin.slug, self.t.c.status.in_(("queued", "running")))
                .values(status="failed", error="interrupted (server stopped); the previous catalog stays in service, run the import again",
                        updated_at=time.time())
            )  # fmt: skip
            return result.rowcount

    def get(self, job_id: str) -> dict | None:
        with self.db.engine.connect() as conn:
            row = conn.execute(select(self.t).where(self.t.c.id == job_id, self.t.c.store == self.admin.slug)).first()
        return _job(row) if row else None

    def recent(self, limit: int = 20) -> list[dict]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(select(self.t).where(self.t.c.store == self.admin.slug).order_by(self.t.c.created_at.desc()).limit(limit))
            return [_job(r) for r in rows]

    def _set(self, job_id: str, **values) -> None:  # noqa: ANN003
        with self.db.engine.begin() as conn:
            conn.execute(update(self.t).where(self.t.c.id == job_id).values(updated_at=time.time(), **values))

    def start_import(self, path: Path, skip_bad_rows: bool, fmt: str | None = None) -> dict:
        """Queue the import of an uploaded file; the file is removed when the job ends. `fmt`
        ("shopify" / "woocommerce") insists on one CSV kind; else it is told by the header."""
        job_id = secrets.token_hex(8)
        now = time.time()
        with self.db.engine.begin() as conn:
            conn.execute(insert(self.t), [{"id": job_id, "store": self.admin.slug, "kind": "import", "status": "queued",
                                           "stage": "queued", "done": 0, "total": 0, "created_at": now, "updated_at": now}])  # fmt: skip
        _executor.submit(self._run_import, job_id, path, skip_bad_rows, fmt)
        return self.get(job_id) or {}

    def _run_import(self, job_id: str, path: Path, skip_bad_rows: bool, fmt: str | None = None) -> None:
        last = [0.0]
        lock = threading.Lock()

        def progress(stage: str, done: int, total: int) -> None:
            now = time.monotonic()
            with lock:
                if now - last[0] < 0.3 and done < total:
                    return
                last[0] = now
            self._set(job_id, stage=stage, done=done, total=total)

        try:
            self._set(job_id, status="running", stage="reading")
            report = self.admin.import_file(path, skip_bad_rows, progress, fmt=fmt)
            summary = report.summary()
            if report.version is None:
                self._set(job_id, status="failed", stage="validated", report=json.dumps(summary),
                          error=f"{len(report.rejected)} rejected row(s); nothing was changed (set skip_bad_rows to import the rest)")  # fmt: skip
            else:
                self._set(job_id, status="done", stage="published", report=json.dumps(summary))
        except Exception as exc:  # the previous catalog stays in service
            self._set(job_id, status="failed", error=f"{type(exc).__name__}: {exc}")
        finally:
            path.unlink(missing_ok=True)


def _job(row) -> dict:  # noqa: ANN001
    return {
        "id": row.id, "kind": row.kind, "status": row.status, "stage": row.stage,
        "progress": {"done": row.done, "total": row.total},
        "report": json.loads(row.report) if row.report else None, "error": row.error,
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(row.created_at)),
        "updated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(row.updated_at)),
    }  # fmt: skip
