"""Conversation tests: `rasa test core` on the end-to-end test stories in tests/stories/
(German and English user texts, NLU included), against the trained model.

NLU is statistical, so the bar is a rate, not perfection: at least 90 % of the conversations
must come out exactly as written and at least 95 % of all predicted actions must be right.
The failing conversations are printed for review (results/stories/failed_test_stories.yml).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.stories
MODEL = ROOT / "models" / "shopbot.tar.gz"
OUT = ROOT / "results" / "stories"


@pytest.fixture(scope="module")
def story_results():
    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make model` first")
    rasa = Path(sys.executable).parent / "rasa"
    subprocess.run(
        [str(rasa), "test", "core", "--model", str(MODEL), "--stories", "tests/stories", "--out", str(OUT)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return OUT


def _stories(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stories") or []


def test_conversations_pass(story_results):
    total = sum(len(_stories(path)) for path in sorted((ROOT / "tests" / "stories").glob("*.yml")))
    failed = _stories(story_results / "failed_test_stories.yml")
    names = [s["story"] for s in failed]
    assert total >= 30
    assert len(failed) <= 0.1 * total, f"{len(failed)} of {total} conversations failed: {names}"


def test_action_accuracy(story_results):
    report = json.loads((story_results / "story_report.json").read_text())
    assert report["accuracy"] >= 0.95, f"action accuracy {report['accuracy']:.3f}"
