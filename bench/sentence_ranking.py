"""How well the product's own sentences are ranked for a details question, on the TUNING stores.

For each `details` question asked on a product page, the gold sentences are those of the page
product's text (`catalog.passages.product_sentences`) that the question's `must` patterns match
(all of them where a sentence does, else any one); questions with no `must`, with `dont_know` or
with no matching sentence are left out. The ranking is the one `PassageFinder.answer` quotes
from (`PassageFinder.ordered`: sentences naming all that is asked first, then by score).

    .venv/bin/python -m bench.sentence_ranking [--store S ...] [--misses]

Printed per pair kind (question and gold sentence in the same language or not): top-1 / top-2
accuracy, the gold sentence's and the best wrong sentence's score (quartiles), and where the
top-1 sentence lands: quoted as the answer (≥ ANSWER_SIMILARITY), as the closest the text comes
(≥ CLOSEST_SIMILARITY) or not at all. Only the held-in tuning stores are read (bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from actions.product_text import product_name
from catalog.embedder import get_embedder
from catalog.importer import import_file
from catalog.passages import ANSWER_SIMILARITY, CLOSEST_SIMILARITY, PassageFinder, capped
from catalog.store import Store

ROOT = Path(__file__).resolve().parent.parent
TUNING = (
    "demo",
    "kleinholz",
    "laufwerk",
    "elbkontor",
    "goldfaden",
    "tierhof",
    "werkhaus",
    "gipfelsport",
    "stromhaus",
)


def gold_indices(texts: list[str], must: list[str]) -> list[int]:
    """The sentences a question's `must` patterns match: all patterns where some sentence
    carries all, else any one (a two-part answer quoted from two sentences)."""
    patterns = [re.compile(p, re.I) for p in must]
    every = [i for i, t in enumerate(texts) if all(p.search(t) for p in patterns)]
    return every or [i for i, t in enumerate(texts) if any(p.search(t) for p in patterns)]


@dataclass(frozen=True)
class Case:
    """One question's ranking: `order` of sentence positions best first, their `scores`."""

    qid: str
    question: str
    cross: bool  # the gold sentence is in the other language than the question
    gold: frozenset[int]
    order: tuple[int, ...]
    scores: tuple[float, ...]
    texts: tuple[str, ...] = ()

    @property
    def top1(self) -> bool:
        return bool(self.order) and self.order[0] in self.gold

    @property
    def top2(self) -> bool:
        return bool(set(self.order[:2]) & self.gold)

    @property
    def gold_score(self) -> float:
        return max(self.scores[i] for i in self.gold)

    @property
    def wrong_score(self) -> float | None:
        wrong = [s for i, s in enumerate(self.scores) if i not in self.gold]
        return max(wrong) if wrong else None

    @property
    def outcome(self) -> str:
        """ "answer" / "closest" / "none" by the top-1 score, with "right" or "wrong"."""
        score = self.scores[self.order[0]]
        band = (
            "answer"
            if score >= ANSWER_SIMILARITY
            else "closest"
            if score >= CLOSEST_SIMILARITY
            else "none"
        )
        return band if band == "none" else f"{band} {'right' if self.top1 else 'wrong'}"


OUTCOMES = ("answer right", "answer wrong", "closest right", "closest wrong", "none")


def quartiles(values: list[float]) -> str:
    if not values:
        return "–"
    q = np.percentile(values, [25, 50, 75])
    return f"{q[1]:.2f} ({q[0]:.2f}–{q[2]:.2f})"


def summary(cases: list[Case]) -> dict:
    """Top-1/top-2 accuracy, score quartiles and top-1 outcomes of a group of cases."""
    n = len(cases)
    return {
        "n": n,
        "top1": sum(c.top1 for c in cases) / n if n else 0.0,
        "top2": sum(c.top2 for c in cases) / n if n else 0.0,
        "gold": quartiles([c.gold_score for c in cases]),
        "wrong": quartiles([c.wrong_score for c in cases if c.wrong_score is not None]),
        "gold_above": sum(
            1 for c in cases if c.wrong_score is None or c.gold_score > c.wrong_score
        ),
        "outcomes": {o: sum(1 for c in cases if c.outcome == o) for o in OUTCOMES},
    }


def print_table(cases: list[Case]) -> None:
    print("| pairs | n | top-1 | top-2 | gold score, median (IQR) | best wrong, median (IQR) | "
          + " | ".join(f"top-1 {o}" for o in OUTCOMES) + " |")  # fmt: skip
    print("|---|---|---|---|---|---|" + "---|" * len(OUTCOMES))
    for label, group in (
        ("same language", [c for c in cases if not c.cross]),
        ("cross-language", [c for c in cases if c.cross]),
        ("all", cases),
    ):
        s = summary(group)
        print(f"| {label} | {s['n']} | {s['top1']:.3f} | {s['top2']:.3f} | {s['gold']} | {s['wrong']} | "
              + " | ".join(str(s["outcomes"][o]) for o in OUTCOMES) + " |")  # fmt: skip


def store_cases(store_name: str, finder: PassageFinder, keep_texts: bool = False) -> list[Case]:
    """The ranked details questions of one tuning store."""
    store = Store(ROOT / "stores" / store_name)
    result = import_file(
        store.catalog_file, store.config.categories, embedder=lambda: finder.embedder
    )
    categories = {**result.new_categories, **store.config.categories}
    products = {p.id: p for p in result.products}
    path = ROOT / "bench" / "questions" / f"{store_name}.jsonl"
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        q = json.loads(line) if line.strip() else {}
        meta, expect = q.get("metadata") or {}, q.get("expect") or {}
        product = products.get(meta.get("product_id"))
        if (
            q.get("kind") != "details"
            or meta.get("page_type") != "product"
            or not product
            or not expect.get("must")
            or expect.get("dont_know")
        ):
            continue
        lang = q.get("lang") or meta.get("language") or "de"
        name = product_name(product, lang, categories)
        sentences, scores, _named, order = finder.ordered(product, q["text"], lang, name)
        gold = gold_indices([s.quoted for s in sentences], expect["must"])
        if not gold:
            continue
        final = tuple(
            capped(q["text"], s.ranked, float(v), name)
            for s, v in zip(sentences, scores, strict=True)
        )
        cases.append(Case(q["id"], q["text"], sentences[gold[0]].lang != lang, frozenset(gold), tuple(order), final,
                          tuple(s.quoted for s in sentences) if keep_texts else ()))  # fmt: skip
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", nargs="+", default=list(TUNING), choices=TUNING)
    parser.add_argument(
        "--misses", action="store_true", help="print each question whose top-1 sentence is not gold"
    )
    args = parser.parse_args()
    finder = PassageFinder(get_embedder("use"))
    cases: list[Case] = []
    for store in args.store:
        found = store_cases(store, finder, keep_texts=args.misses)
        s = summary(found)
        print(f"{store}: {s['n']} questions, top-1 {s['top1']:.3f}, top-2 {s['top2']:.3f}")
        cases += found
    print_table(cases)
    if args.misses:
        for c in cases:
            if not c.top1:
                top = c.order[0]
                g = max(c.gold, key=lambda i: c.scores[i])
                print(f"\n{c.qid} {'X' if c.cross else '='} {c.question}\n  top  {c.scores[top]:.3f} {c.texts[top][:150]}"
                      f"\n  gold {c.scores[g]:.3f} (rank {c.order.index(g) + 1}) {c.texts[g][:150]}")  # fmt: skip


if __name__ == "__main__":
    main()
