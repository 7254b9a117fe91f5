"""Fuzz the merchant API from its own OpenAPI description with schemathesis (installed in
`.venv-st`, as it conflicts with Rasa's pins): no request may cause a server error, and every
response must be one the document describes (status code, content type and body schema)."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import ROOT, imported_store
from tests.merchant_server import ServerThread

SCHEMATHESIS = ROOT / ".venv-st" / "bin" / "schemathesis"

pytestmark = [pytest.mark.fuzz, pytest.mark.st]


CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_merchant_api_keeps_to_its_openapi_document(tmp_path, monkeypatch, use_embedder):
    if not SCHEMATHESIS.exists():  # `make merchant-fuzz` builds it: a missing tool is a failure, not a skip
        pytest.fail(f"{SCHEMATHESIS} missing: run `make .venv-st/.installed`")
    from catalog.db import open_database
    from catalog.tokens import create_token

    monkeypatch.delenv("DATABASE_URL", raising=False)
    admin = imported_store(tmp_path, use_embedder)
    store, data = admin.store_dir, admin.data_dir
    _, token = create_token(admin.db, "fuzz")
    with ServerThread(str(store), str(data)) as server:
        result = subprocess.run(
            [str(SCHEMATHESIS), "run", f"{server.url}/merchant/v1/openapi.json", "--url", f"{server.url}/merchant/v1",
             "-H", f"Authorization: Bearer {token}", "--checks", CHECKS, "--max-examples", "30",
             "--seed", "1", "--generation-deterministic", "--workers", "1", "--no-color"],
            cwd=tmp_path, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
    open_database(data).drop()
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "merchant-fuzz.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
