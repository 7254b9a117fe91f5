"""The journey analytics dashboard without the stack: conversations written with Rasa's own
SQLTrackerStore, folded into the summary, and the figures checked against what they contain
(funnel, containment, don't-know / fallback / handoff rates, ratings, response times, the
unanswered questions and their groups); the page and its CSV over HTTP."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time

import numpy as np
import pytest

from bot.console import auth, clusters, dashboard, handoff
from bot.console.query import Filters, list_conversations
from bot.console.ratings import rate
from bot.console.summary import refresh
from tests.test_console import ORDER, PASSWORD, SHOES, any_console, save_conversation  # noqa: F401  (fixture)
from tests.test_console_web import console, login, run  # noqa: F401  (fixture)

GIFT = [("Do you sell gift cards? jane.doe@example.com", "nlu_fallback", 0.31, "ask_policy", "action_fallback", "Sorry, I did not get that.", [],
         {"language": "en", "page_url": "/en/", "page_type": "home"}, None)]  # fmt: skip


class FakeEmbedder:
    """Unit-test boundary: one axis per first word, so messages starting alike are one question."""

    name, dim = "fake", 8

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, hash(t.split()[0].lower()) % self.dim] = 1.0
        return out


def seed(db, events) -> None:  # noqa: ANN001
    start = time.time() - 3600
    save_conversation(events, "c-shoes", SHOES, start=start)
    save_conversation(events, "c-order", ORDER, start=start + 60)
    save_conversation(events, "c-gift", GIFT, start=start + 120)
    refresh(db, events)
    rate(db, events, "c-order", "Our team is happy to help.", "up")
    rate(db, events, "c-shoes", "Leider weiß ich das nicht.", "down")


def test_figures_match_the_seeded_conversations(any_console):  # noqa: F811
    """On SQLite and PostgreSQL (the weeks' integer division, the EXISTS for advocacy)."""
    db, events, _ = any_console
    seed(db, events)
    r = dashboard.Range.from_query({})
    f = dashboard.conversation_figures(db, r)
    t = f["total"]
    assert t["conversations"] == 3 and t["user_messages"] == 5
    assert (t["awareness"], t["consideration"], t["purchase"], t["post_purchase"], t["advocacy"]) == (1, 1, 0, 1, 1)
    assert t["handoffs"] == 1 and t["containment"] == pytest.approx(2 / 3)
    assert t["dont_know_rate"] == pytest.approx(1 / 3) and t["fallback_rate"] == pytest.approx(1 / 3)
    assert (t["rated_up"], t["rated_down"]) == (1, 1)
    assert {x["label"]: (x["conversations"], x["advocacy"]) for x in f["languages"]} == {"de": (1, 0), "en": (2, 1)}
    assert [c["sender_id"] for c in list_conversations(db, Filters(stage="advocacy"))[0]] == ["c-order"]
    assert sum(x["conversations"] for x in f["series"]) == 3 and len(f["series"]) == dashboard.DEFAULT_DAYS  # days without any: 0
    assert dashboard.conversation_figures(db, dashboard.Range.from_query({"per": "week"}))["total"]["advocacy"] == 1
    resp = dashboard.response_times(db, r)
    assert resp["total"]["replies"] == 5 and resp["total"]["p50"] == pytest.approx(2.0) and resp["total"]["p99"] == pytest.approx(2.0)
    assert {p["product"] for p in dashboard.top_products(db, r)} == {"trail-a", "trail-b"}
    unanswered = dashboard.unanswered_messages(db, r)
    assert {(u["sender_id"], u["kind"], u["text"]) for u in unanswered} == {
        ("c-shoes", "dont_know", "Gibt es den in 44?"), ("c-gift", "fallback", "Do you sell gift cards? [e-mail •••]")}  # masked, as agents see it
    en = dashboard.Range.from_query({"language": "en"})
    assert dashboard.conversation_figures(db, en)["total"]["conversations"] == 2
    assert [u["sender_id"] for u in dashboard.unanswered_messages(db, en)] == ["c-gift"]
    assert dashboard.response_times(db, en)["total"]["replies"] == 3
    assert dashboard.agent_reply_seconds(db, r) == []  # nobody in the live handoff yet


def test_live_handoffs_count_and_time_to_the_first_agent_reply(any_console):  # noqa: F811
    """A conversation put in the live queue after don't-knows counts as handed off, though the
    shopper never asked; the agent's first message 45 s after the request is the reply time."""
    db, events, _ = any_console
    seed(db, events)
    at = time.time() - 600
    hid = handoff.request(db, "c-shoes", "dont_know", "de", "/de/", now=at)
    handoff.take(db, hid, "ana", now=at + 20)
    handoff.add_message(db, hid, "ana", "Guten Tag, ich helfe Ihnen gern.", now=at + 45)
    handoff.add_message(db, hid, "ana", "Größe 44 ist vorrätig.", now=at + 90)
    handoff.request(db, "c-gift", "dont_know", "en", "/en/", now=at)  # waiting: no agent reply yet
    r = dashboard.Range.from_query({})
    t = dashboard.conversation_figures(db, r)["total"]
    assert t["handoffs"] == 3 and t["containment"] == pytest.approx(0.0)
    assert dashboard.agent_reply_seconds(db, r) == [pytest.approx(45.0)]
    assert dashboard.agent_reply_seconds(db, dashboard.Range.from_query({"language": "en"})) == []


def test_too_many_conversation_ids_are_named():
    f = Filters.from_query({"ids": ",".join(f"c{i}" for i in range(501))})
    assert f.errors == ["ids: 501 conversations, at most 500; showing the first 500"] and len(f.ids) == 500


def test_range_errors_are_named():
    r = dashboard.Range.from_query({"from": "yesterday", "per": "month"}, today=dt.date(2026, 11, 30))
    assert r.errors == ["from: 'yesterday' is not a date (YYYY-MM-DD)", "per: 'month' is not one of day, week"]
    assert (r.date_from, r.date_to, r.per) == (dt.date(2026, 11, 3), dt.date(2026, 11, 30), "day")
    assert dashboard.Range.from_query({"from": "2026-12-01", "to": "2026-11-01"}).errors == ["from: 2026-12-01 is after to: 2026-11-01"]


def test_weeks_start_on_monday():
    assert dashboard.bucket_label((dt.date(2026, 11, 30) - dashboard.EPOCH).days, "day") == "2026-11-30"
    day = (dt.date(2026, 12, 3) - dashboard.EPOCH).days  # a Thursday
    assert dashboard.bucket_label((day + 3) // 7, "week") == "2026-11-30"


def test_groups_by_meaning_with_the_catalog_embedder():
    msgs = ["Haben Sie Gutscheine?", "Do you sell gift cards?", "Kann ich einen Geschenkgutschein kaufen?",
            "Can you repair my watch?", "Wie lange dauert die Reparatur meiner Uhr?", "What's the weather tomorrow?"]  # fmt: skip
    groups = clusters.group([{"text": m, "sender_id": f"s{i}", "kind": "dont_know", "at": i} for i, m in enumerate(msgs)])
    assert [sorted(g["senders"]) for g in groups] == [["s0", "s1", "s2"], ["s3", "s4"], ["s5"]]


def test_page_and_csv_over_http(console, monkeypatch):  # noqa: F811
    db, events, _ = console
    seed(db, events)
    auth.add_user(db, "ana", "agent", PASSWORD)
    monkeypatch.setattr(clusters, "embedder", FakeEmbedder)

    async def scenario(client):
        assert (await client.get("/console/dashboard", allow_redirects=False)).status == 303
        await login(client, "ana")
        page = await client.get("/console/dashboard")
        html = await page.text()
        assert page.status == 200 and "script-src 'self'" in page.headers["Content-Security-Policy"]
        assert '<script src="/console/vendor/chart.umd.min.js">' in html and "Do you sell gift cards? [e-mail •••]" in html and "jane.doe" not in html
        assert "/console?ids=c-gift" in html  # a group links to its conversations in the list
        listed = await (await client.get("/console?ids=c-gift")).text()
        assert "c-gift" in listed and "c-order" not in listed
        funnel = await client.get("/console/dashboard/funnel.csv")
        assert funnel.headers["Content-Type"].startswith("text/csv") and "attachment" in funnel.headers["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(await funnel.text())))
        assert rows[0] == ["stage", "conversations", "share"] and ["advocacy", "1", "0.3333"] in rows
        days = list(csv.DictReader(io.StringIO(await (await client.get("/console/dashboard/days.csv?language=de")).text())))
        assert len(days) == dashboard.DEFAULT_DAYS and days[-1]["period"] == dt.datetime.now(dt.timezone.utc).date().isoformat()
        active = [d for d in days if d["conversations"] != "0"]
        assert len(active) == 1 and active[0]["dont_know_rate"] == "1.0" and days[0]["dont_know_rate"] == ""  # no conversations: no rate
        bad = await client.get("/console/dashboard/days.csv?per=month")
        assert bad.status == 400 and "per: 'month'" in await bad.text()
        assert (await client.get("/console/dashboard?from=nope")).status == 400
        js = await client.get("/console/vendor/chart.umd.min.js")
        assert js.status == 200 and "Chart" in (await js.text())[:2000]

    run(console, scenario)


def test_an_older_summary_table_gets_the_new_columns(console):  # noqa: F811
    """A database folded before the dashboard existed: the columns are added, old rows get a day."""
    from sqlalchemy import inspect, text

    from bot.console.db import ConsoleDB

    db, events, _ = console
    save_conversation(events, "c-old", SHOES, start=time.time() - 60)
    refresh(db, events)
    table = db.summaries.name
    with db.engine.begin() as conn:
        for column in ("day", "pending_ts", "pending_text"):
            conn.execute(text(f'DROP INDEX IF EXISTS "ix_{table}_{column}"'))
            conn.execute(text(f'ALTER TABLE "{table}" DROP COLUMN "{column}"'))
    assert "day" not in {c["name"] for c in inspect(db.engine).get_columns(table)}
    again = ConsoleDB.connect(str(db.engine.url))
    assert {"day", "pending_ts", "pending_text"} <= {c["name"] for c in inspect(again.engine).get_columns(table)}
    save_conversation(events, "c-old", GIFT, start=time.time())
    refresh(again, events)
    assert dashboard.conversation_figures(again, dashboard.Range.from_query({}))["total"]["conversations"] == 1


def test_response_time_percentiles_interpolate_alike_on_both_backends(any_console):  # noqa: F811
    db, _, _ = any_console
    today = (dt.datetime.now(dt.timezone.utc).date() - dashboard.EPOCH).days
    with db.engine.begin() as conn:
        conn.execute(db.replies.insert(), [{"sender_id": f"s{i % 7}", "day": today - i % 2, "seconds": float(i)} for i in range(1, 101)])
    resp = dashboard.response_times(db, dashboard.Range.from_query({}))
    assert resp["total"] == {"replies": 100, "p50": pytest.approx(50.5), "p90": pytest.approx(90.1), "p95": pytest.approx(95.05), "p99": pytest.approx(99.01)}
    assert [(x["replies"], x["p50"]) for x in resp["series"]] == [(50, pytest.approx(50.0)), (50, pytest.approx(51.0))]  # odd seconds yesterday, even today
    (week,) = dashboard.response_times(db, dashboard.Range.from_query({"per": "week", "from": (dashboard.EPOCH + dt.timedelta(days=today)).isoformat()}))["series"]
    assert week["replies"] == 50 and week["p50"] == pytest.approx(51.0)


def test_csv_cells_never_start_a_formula():
    from bot.console.dashboard_web import cell

    assert [cell(v) for v in ("=HYPERLINK(\"x\")", "+1", "@sum", "-2", "Haben Sie Gutscheine?", None, 0.333333, 3)] == [
        "'=HYPERLINK(\"x\")", "'+1", "'@sum", "'-2", "Haben Sie Gutscheine?", "", 0.3333, 3]
