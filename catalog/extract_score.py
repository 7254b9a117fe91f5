"""Score `catalog.extract` on a labelled set of sentences: precision and recall per kind.

Each line of the set: {"lang", "text", "facts": {key: value}}. A value counts as found when it
equals the expected one (numbers to 1 %, materials as a set, "suitable for" phrases by fuzzy
match with rapidfuzz). Used by the test and by `python -m catalog.extract_score FILE`.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from catalog.extract import KEYS, extract_sentence


def _items(key: str, value: object) -> list[object]:
    """One scored item per value; lists of materials / phrases count per element."""
    if key in ("materials", "suitable_for", "not_suitable_for"):
        return list(value)  # type: ignore[arg-type]
    return [value]


def _same(key: str, got: object, want: object) -> bool:
    if key in ("suitable_for", "not_suitable_for"):
        return fuzz.token_set_ratio(str(got).lower(), str(want).lower()) >= 85
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return abs(got - want) <= 0.01 * max(1.0, abs(want))
    return got == want


def score(path: Path | str) -> tuple[dict[str, dict[str, float]], list[str]]:
    """({kind: {precision, recall, tp, fp, fn}}, [mistakes])."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    mistakes: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        got = {f.key: f.value for f in extract_sentence(case["text"], case["lang"])}
        for key in set(got) | set(case["facts"]):
            kind = KEYS[key][0]
            want_items = _items(key, case["facts"][key]) if key in case["facts"] else []
            got_items = _items(key, got[key]) if key in got else []
            unmatched = list(want_items)
            for item in got_items:
                hit = next((w for w in unmatched if _same(key, item, w)), None)
                if hit is not None:
                    unmatched.remove(hit)
                    counts[kind]["tp"] += 1
                else:
                    counts[kind]["fp"] += 1
            counts[kind]["fn"] += len(unmatched)
            if unmatched or len(got_items) > len(want_items) - len(unmatched):
                mistakes.append(f"{key}: got {got.get(key)!r}, want {case['facts'].get(key)!r} in {case['text']!r}")
    result = {}
    for kind, c in counts.items():
        found, wanted = c["tp"] + c["fp"], c["tp"] + c["fn"]
        result[kind] = {"precision": c["tp"] / found if found else 1.0, "recall": c["tp"] / wanted if wanted else 1.0, **c}
    return result, mistakes


if __name__ == "__main__":
    scores, errors = score(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/fact_sentences.jsonl")
    print("\n".join(errors))
    for kind, s in sorted(scores.items()):
        print(f"{kind:12} precision {s['precision']:.2f} recall {s['recall']:.2f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
