"""The scoring of the sentence-ranking benchmark (bench/sentence_ranking.py)."""

from __future__ import annotations

from bench.sentence_ranking import Case, gold_indices, summary


def test_gold_sentences_match_every_must_pattern_else_any():
    texts = [
        "Gewicht: 254 g",
        "Akkulaufzeit: 30 Stunden mit ANC, 40 Stunden ohne ANC",
        "Battery lasts 30 hours",
    ]
    assert gold_indices(texts, [r"30\s?(Stunden|h|hours)"]) == [1, 2]
    assert gold_indices(texts, [r"30\s?(Stunden|hours)", r"40\s?Stunden"]) == [1]
    assert gold_indices(texts, [r"254\s?g", r"40\s?hours"]) == [0]
    assert gold_indices(texts, [r"LDAC"]) == []


def _case(
    order: tuple[int, ...], scores: tuple[float, ...], gold: set[int], cross: bool = False
) -> Case:
    return Case(
        "q",
        "Wie schwer ist es?" if not cross else "How heavy is it?",
        cross,
        frozenset(gold),
        order,
        scores,
    )


def test_top1_top2_and_where_the_top_sentence_lands():
    right = _case((0, 1, 2), (0.5, 0.2, 0.1), {0})
    second = _case(
        (1, 0, 2), (0.2, 0.25, 0.0), {0}, cross=True
    )  # a named sentence ranked first though it scores less
    missed = _case((2, 1, 0), (0.0, 0.05, 0.08), {0})
    assert (right.top1, right.top2, right.outcome) == (True, True, "answer right")
    assert (second.top1, second.top2, second.outcome) == (False, True, "closest wrong")
    assert (missed.top1, missed.top2, missed.outcome) == (False, False, "none")
    assert second.gold_score == 0.2 and second.wrong_score == 0.25


def test_summary_counts_accuracy_and_outcomes():
    cases = [
        _case((0, 1), (0.5, 0.2), {0}),
        _case((1, 0), (0.1, 0.35), {0}),
        _case((0,), (0.2,), {0}),
    ]
    s = summary(cases)
    assert s["n"] == 3 and abs(s["top1"] - 2 / 3) < 1e-9 and s["top2"] == 1.0
    assert s["outcomes"] == {
        "answer right": 1,
        "answer wrong": 1,
        "closest right": 1,
        "closest wrong": 0,
        "none": 0,
    }
    assert s["gold_above"] == 2  # the one without a wrong sentence counts as above
