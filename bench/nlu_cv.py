"""NLU intent accuracy and F1 per language from Rasa's cross-validation.

Runs `rasa test nlu --cross-validation`, then splits the held-out predictions by the language
of each example (German / English) and reports weighted F1 per language. Baseline in the same
run: a majority-class classifier.

    .venv/bin/python -m bench.nlu_cv [--folds 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from catalog.language import detect_language

ROOT = Path(__file__).resolve().parent.parent


def weighted_f1(pairs: list[tuple[str, str]]) -> float:
    labels = Counter(t for t, _ in pairs)
    total = 0.0
    for label, support in labels.items():
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = support - tp
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * support
    return total / sum(labels.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "results" / "nlu_cv"))
    parser.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when a language scores below this")
    args = parser.parse_args()
    out = Path(args.out)
    rasa = Path(sys.executable).parent / "rasa"
    subprocess.run(
        [str(rasa), "test", "nlu", "--nlu", "data/nlu.yml", "--config", "config.yml", "--cross-validation",
         "--folds", str(args.folds), "--out", str(out)],
        cwd=ROOT, check=True,
    )  # fmt: skip
    examples = [m for m in load_data(str(ROOT / "data" / "nlu.yml")).intent_examples]
    errors = {(e["text"], e["intent"]): e["intent_prediction"]["name"] for e in json.loads((out / "intent_errors.json").read_text())}
    by_lang: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for m in examples:
        text, intent = m.get("text"), m.get("intent")
        lang = detect_language(text) or "?"
        by_lang[lang].append((intent, errors.get((text, intent), intent)))
    majority = Counter(m.get("intent") for m in examples).most_common(1)[0][0]
    print(f"\nNLU cross-validation, {args.folds} folds, {len(examples)} examples")
    print(f"{'language':10} {'n':>5} {'accuracy':>9} {'F1 (weighted)':>14} {'baseline F1 (majority)':>23}")
    worst = 1.0
    for lang in sorted(by_lang):
        pairs = by_lang[lang]
        accuracy = sum(t == p for t, p in pairs) / len(pairs)
        f1 = weighted_f1(pairs)
        baseline = weighted_f1([(t, majority) for t, _ in pairs])
        if lang in ("de", "en"):
            worst = min(worst, f1)
        print(f"{lang:10} {len(pairs):5d} {accuracy:9.3f} {f1:14.3f} {baseline:23.3f}")
    report = json.loads((out / "intent_report.json").read_text())
    weakest = sorted((v["f1-score"], k) for k, v in report.items() if isinstance(v, dict) and "f1-score" in v and k not in ("macro avg", "weighted avg", "micro avg"))[:4]
    print("weakest intents: " + ", ".join(f"{k} {f:.3f}" for f, k in weakest))
    return 1 if worst < args.min_f1 else 0


if __name__ == "__main__":
    sys.exit(main())
