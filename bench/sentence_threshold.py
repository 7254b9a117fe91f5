"""Precision and recall of "this sentence of the product text answers the question" per
similarity threshold, on the labelled set `tests/fixtures/answer_sentences.jsonl` (made-up
product texts of 17 product types, German and English questions, half of them cross-lingual,
a quarter not answered by the text at all).

    .venv/bin/python -m bench.sentence_threshold [--file PATH ...]

By default both labelled sets: `answer_sentences.jsonl` (plain prose) and
`answer_sentences_merchant.jsonl` (descriptions as merchants write them: HTML tables, bold
labels, lists; mostly cross-lingual questions).

A question counts as answered when the best sentence scores at least the threshold; it is
answered right when that sentence is one of the labelled ones. Precision = right / answered,
recall = right / answerable. `catalog.passages.ANSWER_SIMILARITY` is picked from this table.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from catalog.embedder import get_embedder
from catalog.passages import ANSWER_SIMILARITY, CLOSEST_SIMILARITY, PassageFinder, capped
from catalog.sentences import split_sentences

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
DEFAULT = [FIXTURES / "answer_sentences.jsonl", FIXTURES / "answer_sentences_merchant.jsonl"]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scored(rows: list[dict], finder: PassageFinder) -> list[tuple[dict, str, float]]:
    """(row, best sentence, its score) per labelled question."""
    out = []
    for row in rows:
        sentences = list(dict.fromkeys(split_sentences(row["text"])))
        missing = [a for a in row["answers"] if a not in sentences]
        if missing:
            raise SystemExit(f"{row['product']}: labelled answer is not one sentence of the text: {missing}")
        name = f"{row['title']} ({row['category']['de']}, {row['category']['en']})"  # as actions.product_text names it
        scores = finder.rank(row["question"], sentences, name)
        best = int(np.argmax(scores))
        out.append((row, sentences[best], capped(row["question"], sentences[best], float(scores[best]))))
    return out


def table(results: list[tuple[dict, str, float]], thresholds: list[float]) -> list[dict]:
    answerable = [r for r in results if r[0]["answers"]]
    rows = []
    for t in thresholds:
        answered = [r for r in results if r[2] >= t]
        right = [r for r in answered if r[1] in r[0]["answers"]]
        rows.append({
            "threshold": t,
            "answered": len(answered),
            "right": len(right),
            "precision": len(right) / len(answered) if answered else 1.0,
            "recall": len(right) / len(answerable) if answerable else 0.0,
            "honest_none": sum(1 for r in results if not r[0]["answers"] and r[2] < t),
        })  # fmt: skip
    return rows


def pick(rows: list[dict], floor: float = 0.9) -> float:
    """The threshold with the best recall whose precision is at least `floor`."""
    ok = [r for r in rows if r["precision"] >= floor] or rows
    return max(ok, key=lambda r: (r["recall"], r["threshold"]))["threshold"]


def held_out(results: list[tuple[dict, str, float]], thresholds: list[float]) -> list[str]:
    """Two folds by product: pick the threshold on one half of the products, score the other."""
    products = sorted({r[0]["product"] for r in results})
    folds = [set(products[0::2]), set(products[1::2])]
    lines = []
    for i, fold in enumerate(folds):
        tune = [r for r in results if r[0]["product"] not in fold]
        test = [r for r in results if r[0]["product"] in fold]
        t = pick(table(tune, thresholds))
        row = table(test, [t])[0]
        lines.append(f"fold {i + 1}: threshold {t:.3f} picked on {len(tune)} questions; on the other {len(test)}: "
                     f"precision {row['precision']:.3f}, recall {row['recall']:.3f}")  # fmt: skip
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, nargs="+", default=DEFAULT)
    args = parser.parse_args()
    rows = [row for path in args.file for row in load(path)]
    finder = PassageFinder(get_embedder("use"))
    results = scored(rows, finder)
    answerable = [r for r in results if r[0]["answers"]]
    top1 = sum(1 for r in answerable if r[1] in r[0]["answers"]) / len(answerable)
    cross = [r for r in answerable if r[0]["q_lang"] != r[0]["text_lang"]]
    top1_cross = sum(1 for r in cross if r[1] in r[0]["answers"]) / len(cross)
    print(f"{len(rows)} questions, {len(answerable)} answerable ({len(cross)} cross-lingual), "
          f"{len(rows) - len(answerable)} not answered by the text")  # fmt: skip
    print(f"best sentence right (no threshold): {top1:.3f} all, {top1_cross:.3f} cross-lingual")
    print("| threshold | answered | right | precision | recall | honest 'not in the data' (of unanswerable) |")
    print("|---|---|---|---|---|---|")
    none_total = len(rows) - len(answerable)
    thresholds = [round(0.2 + 0.025 * i, 3) for i in range(13)]
    for row in table(results, thresholds):
        mark = " ←" if abs(row["threshold"] - ANSWER_SIMILARITY) < 1e-6 else ""
        print(f"| {row['threshold']:.3f}{mark} | {row['answered']} | {row['right']} | {row['precision']:.3f} | "
              f"{row['recall']:.3f} | {row['honest_none']}/{none_total} |")  # fmt: skip
    print(f"best recall at precision >= 0.9: threshold {pick(table(results, thresholds)):.3f}")
    print("\n".join(held_out(results, thresholds)))
    band = [r for r in results if CLOSEST_SIMILARITY <= r[2] < ANSWER_SIMILARITY]
    right = sum(1 for r in band if r[1] in r[0]["answers"])
    empty = sum(1 for r in band if not r[0]["answers"])
    print(f"closest sentence offered ({CLOSEST_SIMILARITY:.2f} <= score < {ANSWER_SIMILARITY:.2f}, said to be no clear answer, "
          f"a person offered): {len(band)} questions; the labelled answer {right}, another sentence {len(band) - right - empty}, "
          f"the text has no answer {empty}")  # fmt: skip


if __name__ == "__main__":
    main()
