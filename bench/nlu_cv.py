"""NLU intent F1 per language from Rasa's cross-validation.

Runs `rasa test nlu --cross-validation`, then splits the held-out predictions by the language
of each example (German / English / undetected) and reports accuracy, weighted and macro F1
and the F1 of every intent per language. Baseline in the same run: a majority-class classifier.

    .venv/bin/python -m bench.nlu_cv [--folds 3] [--reuse]

`--reuse` skips the cross-validation and re-reads the predictions of the last run in `--out`.
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
Pairs = list[tuple[str, str]]  # (true intent, predicted intent)


def intent_f1(pairs: Pairs) -> dict[str, float]:
    """F1 of every true intent in `pairs`."""
    scores = {}
    for label in sorted({t for t, _ in pairs}):
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = sum(1 for t, p in pairs if t == label and p != label)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def weighted_f1(pairs: Pairs) -> float:
    support = Counter(t for t, _ in pairs)
    scores = intent_f1(pairs)
    return sum(scores[label] * n for label, n in support.items()) / len(pairs)


def macro_f1(pairs: Pairs) -> float:
    scores = intent_f1(pairs)
    return sum(scores.values()) / len(scores)


def predictions(out: Path) -> dict[tuple[str, str], str]:
    """(text, intent) -> predicted intent for the misclassified held-out examples."""
    errors = json.loads((out / "intent_errors.json").read_text())
    return {(e["text"], e["intent"]): e["intent_prediction"]["name"] for e in errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--nlu", default="data/nlu")  # a folder: every file in it
    parser.add_argument("--config", default="config.yml")
    parser.add_argument("--out", default=str(ROOT / "results" / "nlu_cv"))
    parser.add_argument("--reuse", action="store_true", help="report on the predictions already in --out")
    parser.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when a language scores below this")
    args = parser.parse_args()
    out = Path(args.out)
    if not args.reuse:
        rasa = Path(sys.executable).parent / "rasa"
        subprocess.run(
            [str(rasa), "test", "nlu", "--nlu", args.nlu, "--config", args.config, "--cross-validation",
             "--folds", str(args.folds), "--out", str(out)],
            cwd=ROOT, check=True,
        )  # fmt: skip
    examples = load_data(str(ROOT / args.nlu)).intent_examples
    errors = predictions(out)
    by_lang: dict[str, Pairs] = defaultdict(list)
    for m in examples:
        text, intent = m.get("text"), m.get("intent")
        by_lang[detect_language(text) or "?"].append((intent, errors.get((text, intent), intent)))
    everything = [p for pairs in by_lang.values() for p in pairs]
    majority = Counter(m.get("intent") for m in examples).most_common(1)[0][0]
    print(f"\nNLU cross-validation, {args.folds} folds, {len(examples)} examples")
    print(f"{'language':10} {'n':>5} {'accuracy':>9} {'F1 weighted':>12} {'F1 macro':>9} {'baseline F1 (majority)':>23}")
    worst = 1.0
    for lang in [*sorted(by_lang), "all"]:
        pairs = everything if lang == "all" else by_lang[lang]
        accuracy = sum(t == p for t, p in pairs) / len(pairs)
        f1 = weighted_f1(pairs)
        baseline = weighted_f1([(t, majority) for t, _ in pairs])
        if lang in ("de", "en"):
            worst = min(worst, f1)
        print(f"{lang:10} {len(pairs):5d} {accuracy:9.3f} {f1:12.3f} {macro_f1(pairs):9.3f} {baseline:23.3f}")
    per_lang = {lang: intent_f1(pairs) for lang, pairs in by_lang.items()}
    overall = intent_f1(everything)
    langs = [lang for lang in ("de", "en") if lang in per_lang]
    print(f"\n{'intent':20} " + " ".join(f"{'F1 ' + lang:>8}" for lang in langs) + f" {'F1 all':>8}  most often taken for")
    for intent in sorted(overall, key=overall.get):
        wrong = Counter(p for t, p in everything if t == intent and p != intent).most_common(2)
        cells = " ".join(f"{per_lang[lang].get(intent, float('nan')):8.3f}" for lang in langs)
        print(f"{intent:20} {cells} {overall[intent]:8.3f}  " + ", ".join(f"{p} ({n})" for p, n in wrong))
    return 1 if worst < args.min_f1 else 0


if __name__ == "__main__":
    sys.exit(main())
