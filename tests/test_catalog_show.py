"""`shopbot catalog show ID`: a merchant sees which facts were found for a product and where."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, TEST_STORE


def test_show_lists_facts_with_their_sentences(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", "show_")
    cli = [sys.executable, "-m", "bot.cli", "--store", str(TEST_STORE), "--data", str(tmp_path), "-q"]
    imported = subprocess.run([*cli, "catalog", "import", str(TEST_STORE / "catalog.jsonl")], cwd=ROOT, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    shown = subprocess.run([*cli, "catalog", "show", "nordwand-parka"], cwd=ROOT, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    lines = {line.split()[0]: line for line in shown.stdout.splitlines() if line.startswith("  ")}
    assert "runs_large" in lines["fit"] and "text (de)" in lines["fit"]
    assert '"Fällt groß aus – bestellen Sie eine Nummer kleiner."' in lines["fit"]
    assert "-20 °C" in lines["min_temp_c"] and "structured" in lines["min_temp_c"]
    assert "30 °C" in lines["wash_temp_c"]
    as_json = subprocess.run([*cli, "catalog", "show", "velo-rain-shell", "--json"], cwd=ROOT, capture_output=True, text=True)
    facts = json.loads(as_json.stdout)["facts"]
    assert facts["weight_g"] == {"value": 180, "unit": "g", "sentence": "Weighs only 180 g.", "lang": "en", "origin": "structured"}
    missing = subprocess.run([*cli, "catalog", "show", "no-such-product"], cwd=ROOT, capture_output=True, text=True)
    assert missing.returncode == 1 and "no-such-product" in missing.stderr
