"""The cluster bench's own arithmetic: what counts as an answered turn, a failure, a recovered
shopper, a lost or doubled message, and a flat memory line (bench/load.py, faults.py, soak.py)."""

from __future__ import annotations

from bench.faults import count_tracker, recovered
from bench.load import summarize
from bench.soak import judge


def rec(sender: str, t: float, text: str = "hi", error: str = "", notice: bool = False, attempt: int = 1, ms: float = 100.0) -> dict:
    return {"t": t, "sender": sender, "text": text, "error": error, "retry_notice": notice, "attempt": attempt, "ms": ms}


def test_summary_counts_answers_failures_and_notices_and_times_first_attempts_only():
    records = [rec("a", 1, ms=100), rec("a", 2, ms=300), rec("b", 3, error="no reply"),
               rec("b", 4, notice=True, ms=5), rec("b", 5, attempt=2, ms=900)]  # fmt: skip
    stats = summarize("x", 2, "0", records, seconds=2.0)
    assert (stats.turns, stats.failures, stats.retry_notices) == (4, 1, 1)
    assert stats.p50 == 100 and stats.p99 == 300  # the notice and the re-sent message are not timed
    assert stats.throughput == 2.0 and stats.errors == {"no reply": 1}


def test_a_shopper_hit_by_a_fault_recovers_only_if_the_next_message_is_answered():
    records = [rec("a", 1), rec("a", 2, notice=True), rec("a", 3, attempt=2),
               rec("b", 1, error="HTTP 502"), rec("b", 2, error="HTTP 502"),
               rec("c", 1), rec("c", 2)]  # fmt: skip
    assert recovered(records) == (2, 1)


def test_tracker_check_finds_lost_doubled_and_unanswered_messages():
    records = [rec("a", 1, "one"), rec("a", 2, "two"), rec("a", 3, "three", notice=True)]
    events = {"a": [("user", "one"), ("bot", ""), ("action", ""),  # answered
                    ("user", "three"), ("user", "three")]}  # "two" lost; "three" twice, no bot turn  # fmt: skip
    assert count_tracker(records, events) == {"conversations": 1, "user_events": 3, "lost_messages": 1,
                                              "duplicated_messages": 1, "user_events_without_bot_turn": 2}  # fmt: skip


def test_memory_is_flat_unless_the_fitted_line_rises():
    flat = [(t * 10.0, {"rasa-1": 500 + (t % 3)}) for t in range(200)]
    growing = [(t * 10.0, {"rasa-1": 500 + t * 0.5}) for t in range(200)]
    assert judge(flat, 30)["rasa-1"]["flat"]
    verdict = judge(growing, 30)["rasa-1"]
    assert not verdict["flat"] and 170 < verdict["slope_mb_per_hour"] < 190
