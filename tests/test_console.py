"""The support console without the stack: accounts (argon2, lockout, sessions), the HTTP side
(cookies, CSRF refusal, roles), the summary table kept from Rasa's own SQL tracker store,
filters, transcript, corrections exported as YAML that Rasa's readers load, masking, purge and
GDPR requests. Conversations are written with Rasa's `SQLTrackerStore`, as the stack writes them."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.console import auth, export, privacy, review
from bot.console.db import ConsoleDB
from bot.console.events import EventStore
from bot.console.query import Filters, list_conversations
from bot.console.summary import refresh
from bot.console.transcript import load_turns, page_of
from tests.conftest import PG_URL, ROOT, use_database

PASSWORD = "correct horse battery"


def open_console(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ConsoleDB, EventStore, Path]:
    """Fresh console tables (SQLite in `tmp_path`) and a tracker store beside them."""
    use_database("sqlite", monkeypatch)
    db = ConsoleDB.connect(f"sqlite:///{tmp_path / 'shopbot.db'}")
    return db, EventStore(f"sqlite:///{tmp_path / 'conversations.db'}"), tmp_path


@pytest.fixture
def console(tmp_path, monkeypatch):
    c = open_console(tmp_path, monkeypatch)
    yield c
    c[0].drop()


@pytest.fixture(params=["sqlite", "postgres"])
def any_console(request, tmp_path, monkeypatch):
    """As `console`, and again on the running PostgreSQL: console tables with a fresh prefix,
    the conversations in a database of their own (Rasa's `events` table has a fixed name)."""
    if request.param == "sqlite":
        c = open_console(tmp_path, monkeypatch)
        yield c
        c[0].drop()
        return
    from sqlalchemy import create_engine, text

    use_database("postgres", monkeypatch)
    name = f"console_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = ConsoleDB.connect(PG_URL)
    events = EventStore(PG_URL.rsplit("/", 1)[0] + "/" + name)
    yield db, events, tmp_path
    db.drop()
    events.engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def add_turns(tracker, turns: list[tuple], start: float) -> None:  # noqa: ANN001
    """Adds `turns` to a Rasa tracker as Rasa would: (text, intent, confidence, runner_up,
    action, bot_text, sources, metadata, slots), ten seconds apart from `start`."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

    for i, (text, intent, conf, runner, action, bot_text, sources, meta, slots) in enumerate(turns):
        t = start + i * 10
        parse = {"text": text, "intent": {"name": intent, "confidence": conf},
                 "intent_ranking": [{"name": intent, "confidence": conf}, {"name": runner, "confidence": round(1 - conf, 3)}],
                 "entities": []}  # fmt: skip
        tracker.update(UserUttered(text, parse["intent"], [], parse, timestamp=t, metadata=meta))
        tracker.update(ActionExecuted(action, policy="RulePolicy", confidence=1.0, timestamp=t + 1))
        data = {"custom": {"type": "products", "products": [{"id": s, "name": s.title(), "price_text": "9,90 €", "availability": "in stock"}
                for s in sources if ":" not in s and "." not in s]}} if sources else {}  # fmt: skip
        tracker.update(BotUttered(bot_text, data, {"sources": sources}, timestamp=t + 2))
        for name, value in (slots or {}).items():
            tracker.update(SlotSet(name, value, timestamp=t + 2))
        tracker.update(ActionExecuted("action_listen", timestamp=t + 3))


def save_conversation(events: EventStore, sender: str, turns: list[tuple], start: float | None = None) -> None:
    """Writes a conversation through Rasa's SQLTrackerStore. `turns`: (text, intent, confidence,
    runner_up, action, bot_text, sources, metadata, slots)."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.load(str(ROOT / "domain.yml"))
    url = events.engine.url
    if url.drivername.startswith("sqlite"):
        store = SQLTrackerStore(domain, dialect="sqlite", db=url.database)
    else:
        store = SQLTrackerStore(domain, dialect="postgresql", host=url.host, port=url.port, username=url.username, db=url.database)
    tracker = asyncio.run(store.retrieve(sender)) or DialogueStateTracker(sender, domain.slots)
    ts = start or time.time()
    add_turns(tracker, turns, ts)
    asyncio.run(store.save(tracker))
    store.engine.dispose()


SHOES = [
    ("Ich suche Wanderschuhe", "search_product", 0.93, "refine_search", "action_search_products", "Hier sind zwei Wanderschuhe.",
     ["trail-a", "trail-b"], {"language": "de", "page_url": "/de/"}, {"language": "de"}),
    ("Gibt es den in 44?", "ask_size", 0.41, "ask_product_info", "action_answer_size", "Leider weiß ich das nicht.",
     [], {"language": "de", "page_url": "/de/products/trail-a", "product_id": "trail-a"}, None),
]
ORDER = [
    ("Where is my order 123456? Mail: jane.doe@example.com", "order_status", 0.88, "return_item", "action_ask_order_contact",
     "Your order 123456 ships tomorrow.", ["order:123456"], {"language": "en", "page_url": "/en/"}, {"language": "en"}),
    ("I want to talk to a person, call me at +49 170 1234567", "human_handoff", 0.97, "thank", "action_handoff",
     "Our team is happy to help.", ["store.yml#contact"], {"language": "en", "page_url": "/en/"}, {"handoff_requested": True}),
]


# ---------------------------------------------------------------- accounts


def test_password_is_argon2_and_login_makes_a_session(console):
    db, _, _ = console
    auth.add_user(db, "ana", "agent", PASSWORD)
    with db.engine.connect() as conn:
        stored = conn.execute(select(db.users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    token = auth.login(db, "ana", PASSWORD)
    sess = auth.session(db, token)
    assert sess and sess.user == "ana" and sess.role == "agent" and not sess.admin
    with db.engine.connect() as conn:  # only a hash of the cookie value is kept
        assert conn.execute(select(db.sessions.c.token_hash)).scalar_one() != token
    assert auth.login(db, "ana", "wrong password!") is None
    assert auth.login(db, "nobody", PASSWORD) is None
    auth.logout(db, token)
    assert auth.session(db, token) is None


@pytest.mark.parametrize("name,role,password,problem", [
    ("bad name!", "agent", PASSWORD, "user name"), ("ana", "boss", PASSWORD, "role"), ("ana", "agent", "short", "too short"),
])  # fmt: skip
def test_bad_account_input_names_the_problem(console, name, role, password, problem):
    with pytest.raises(auth.AccountError, match=problem):
        auth.add_user(console[0], name, role, password)


def test_lock_after_five_failures_even_for_the_right_password_until_the_window_passes(console):
    db, _, _ = console
    auth.add_user(db, "ana", "agent", PASSWORD)
    for _ in range(auth.MAX_FAILURES):
        assert auth.login(db, "ana", "guess guess guess") is None
    assert auth.is_locked(db, "ana")
    assert auth.login(db, "ana", PASSWORD) is None  # locked: the right password does not help
    with db.engine.begin() as conn:  # the window passes
        conn.execute(update(db.failures).values(at=time.time() - auth.LOCK_WINDOW - 1))
    assert auth.login(db, "ana", PASSWORD) is not None


def test_removing_a_user_ends_their_sessions(console):
    db, _, _ = console
    auth.add_user(db, "ana", "admin", PASSWORD)
    token = auth.login(db, "ana", PASSWORD)
    assert auth.remove_user(db, "ana")
    assert auth.session(db, token) is None and auth.list_users(db) == []


# ---------------------------------------------------------------- summary table and filters


def test_summary_is_updated_incrementally_from_the_tracker_store(any_console):
    db, events, tmp = any_console
    save_conversation(events, "shoes", SHOES, start=time.time() - 3600)
    assert refresh(db, events) > 0
    assert refresh(db, events) == 0  # nothing new: nothing read
    rows, total = list_conversations(db, Filters())
    assert total == 1
    row = rows[0]
    assert row["language"] == "de" and row["user_messages"] == 2 and row["bot_messages"] == 2
    assert row["intent_list"] == ["search_product", "ask_size"]
    assert row["dont_knows"] == 1 and row["fallbacks"] == 0 and not row["handoff"]
    assert row["min_confidence"] == pytest.approx(0.41)
    assert set(row["product_list"]) == {"trail-a", "trail-b"} and row["page"] == "/de/products/trail-a"
    save_conversation(events, "order", ORDER)
    save_conversation(events, "shoes", [("danke", "thank", 0.99, "affirm", "action_smalltalk", "Gern!", [], {"language": "de"}, None)], start=time.time() + 60)
    assert refresh(db, events) > 0
    rows, total = list_conversations(db, Filters())
    assert [r["sender_id"] for r in rows] == ["shoes", "order"]  # newest activity first
    assert rows[0]["user_messages"] == 3 and "thank" in rows[0]["intent_list"] and rows[0]["dont_knows"] == 1
    assert rows[1]["handoff"] and rows[1]["language"] == "en"


def test_filters(any_console):
    db, events, tmp = any_console
    save_conversation(events, "shoes", SHOES)
    save_conversation(events, "order", ORDER)
    refresh(db, events)
    review.add_tag(db, "order", "needs follow-up")

    def senders(**query) -> list[str]:
        f = Filters.from_query(query)
        assert not f.errors
        return sorted(r["sender_id"] for r in list_conversations(db, f)[0])

    assert senders() == ["order", "shoes"]
    assert senders(language="en") == ["order"]
    assert senders(intent="ask_size") == ["shoes"]
    assert senders(intent="ask") == []  # whole intent names only
    assert senders(fallback="1") == ["shoes"]
    assert senders(handoff="1") == ["order"]
    assert senders(low_confidence="1") == ["shoes"]
    assert senders(tag="needs follow-up") == ["order"]
    assert senders(product="trail-b") == ["shoes"]
    assert senders(text="WANDERSCHUHE") == ["shoes"]
    assert senders(text="100%") == []  # LIKE wildcards are matched literally
    assert senders(review="unreviewed") == ["order", "shoes"]
    review.set_reviewed(db, "shoes", True)
    refresh(db, events)
    assert senders(review="reviewed") == ["shoes"]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    assert senders(**{"from": today, "to": today}) == ["order", "shoes"]
    assert senders(to="2000-01-01") == []
    assert senders(stage="consideration") == ["shoes"]
    assert senders(stage="post_purchase") == ["order"]
    assert senders(stage="purchase") == []
    save_conversation(events, "buyer", [("kann ich mit Rechnung zahlen?", "ask_policy", 0.8, "ask_shipping", "action_answer_policy", "Ja.",
                                         ["policy:payment"], {"language": "de", "page_type": "product", "cart": [{"id": "trail-a"}]}, None)])  # fmt: skip
    refresh(db, events)
    assert senders(stage="purchase") == ["buyer"]
    assert list_conversations(db, Filters.from_query({"stage": "purchase"}))[0][0]["stage_list"] == ["consideration", "purchase"]
    bad = Filters.from_query({"from": "yesterday", "review": "maybe", "stage": "bliss"})
    assert any("from" in e for e in bad.errors) and any("review" in e for e in bad.errors) and any("stage" in e for e in bad.errors)


def test_paging(any_console):
    db, events, tmp = any_console
    for i in range(7):
        save_conversation(events, f"c{i}", SHOES[:1], start=1_700_000_000 + i * 100)
    refresh(db, events, batch=5)  # several batches
    first, total = list_conversations(db, Filters(page=1), page_size=3)
    third, _ = list_conversations(db, Filters(page=3), page_size=3)
    assert total == 7 and [r["sender_id"] for r in first] == ["c6", "c5", "c4"] and [r["sender_id"] for r in third] == ["c0"]


# ---------------------------------------------------------------- transcript and masking


def test_transcript_shows_intents_runner_up_sources_cards_pages_and_slots_masked(console):
    _, events, tmp = console
    save_conversation(events, "order", ORDER)
    save_conversation(events, "shoes", SHOES)
    turns = load_turns(events, "order")
    user = turns[0].items[0]
    assert user["intent"] == "order_status" and user["confidence"] == 0.88 and user["runner_up"] == "return_item"
    assert user["page"] == "/en/"
    assert "123456" not in user["text"] and "jane.doe" not in user["text"] and "[order •••]" in user["text"]
    bot = next(i for i in turns[0].items if i["kind"] == "bot")
    assert bot["action"] == "action_ask_order_contact" and bot["passages"] == ["order:[order •••]"] and "123456" not in bot["text"]
    assert "1234567" not in turns[1].items[0]["text"]
    assert {"kind": "slot", "name": "handoff_requested", "value": True} in turns[1].items
    unmasked = load_turns(events, "order", masked=False)[0].items
    assert "jane.doe@example.com" in unmasked[0]["text"] and unmasked[2]["passages"] == ["order:123456"]
    shoes = load_turns(events, "shoes")
    bot = next(i for i in shoes[0].items if i["kind"] == "bot")
    assert bot["products"] == ["trail-a", "trail-b"] and [c["id"] for c in bot["cards"]] == ["trail-a", "trail-b"]


def test_long_conversations_page_from_the_end():
    from bot.console.transcript import Turn

    turns = [Turn([{"n": i}]) for i in range(120)]
    last, earlier, later = page_of(turns, 0)
    assert [t.items[0]["n"] for t in last] == list(range(70, 120)) and earlier == 1 and later is None
    first, earlier, later = page_of(turns, 2)
    assert [t.items[0]["n"] for t in first] == list(range(0, 20)) and earlier is None and later == 1


@pytest.mark.parametrize("text,hidden", [
    ("mail me: max.mustermann+shop@example.co.uk", "max.mustermann"), ("Tel. 030 / 1234 5678", "1234 5678"),
    ("+49 (170) 123-4567 please", "123-4567"), ("Bestellung #654321", "654321"), ("order 654321.", "654321"),
])  # fmt: skip
def test_mask_hides_personal_data(text, hidden):
    assert hidden not in privacy.mask(text)


@pytest.mark.parametrize("text", ["Größe 44 für 129,90 €", "2 Stück, 10 cm, 1.5 kg", "Modell 2025"])
def test_mask_keeps_sizes_prices_and_years(text):
    assert privacy.mask(text) == text


# ---------------------------------------------------------------- corrections and export


def test_corrections_export_as_yaml_that_rasas_readers_load(any_console, tmp_path):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
    from rasa.shared.nlu.training_data.loading import load_data

    db, events, tmp = any_console
    save_conversation(events, "shoes", SHOES)
    turns = load_turns(events, "shoes")
    size_question = turns[1].items[0]["id"]
    wrong_answer = next(i for i in turns[1].items if i["kind"] == "bot")["id"]
    review.correct_intent(db, events, "shoes", size_question, "ask_product_fit", "ana")
    review.correct_answer(db, events, "shoes", wrong_answer, "Ja, in 44 ist er lieferbar.", "action_answer_fit", "ana")
    with pytest.raises(review.ReviewError, match="not an intent"):
        review.correct_intent(db, events, "shoes", size_question, "buy_everything", "ana")
    with pytest.raises(review.ReviewError, match="no shopper message"):
        review.correct_intent(db, events, "shoes", wrong_answer, "greet", "ana")
    items = export.corrections(db)
    assert len(items) == 2 and export.corrections(db, since=__import__("datetime").date(2999, 1, 1)) == []
    nlu_file, stories_file = tmp_path / "nlu.yml", tmp_path / "stories.yml"
    nlu_file.write_text(export.nlu_yaml(items), encoding="utf-8")
    stories_file.write_text(export.stories_yaml(items), encoding="utf-8")
    data = load_data(str(nlu_file))
    assert [(m.get("text"), m.get("intent")) for m in data.intent_examples] == [("Gibt es den in 44?", "ask_product_fit")]
    steps = YAMLStoryReader(Domain.load(str(ROOT / "domain.yml"))).read_from_file(str(stories_file))
    assert len(steps) == 2
    events_of = [[type(e).__name__ + ":" + str(getattr(e, "intent_name", None) or getattr(e, "action_name", "")) for e in s.events] for s in steps]
    assert events_of[0] == ["UserUttered:ask_product_fit"]
    assert events_of[1] == ["UserUttered:ask_product_fit", "ActionExecuted:action_answer_fit"]
    assert "# right answer: Ja, in 44 ist er lieferbar." in stories_file.read_text()


# ---------------------------------------------------------------- purge and GDPR


def test_purge_and_gdpr_export_and_delete(any_console):
    db, events, tmp = any_console
    save_conversation(events, "old", SHOES, start=time.time() - 40 * 86400)
    save_conversation(events, "order", ORDER)
    save_conversation(events, "shoes", SHOES)
    refresh(db, events)
    review.add_tag(db, "old", "x")
    assert privacy.purge(db, events, 30) == (1, pytest.approx(1, abs=100))
    assert sorted(r["sender_id"] for r in list_conversations(db, Filters())[0]) == ["order", "shoes"]
    with events.engine.connect() as conn:
        assert conn.execute(select(events.table.c.id).where(events.table.c.sender_id == "old")).first() is None
    assert privacy.resolve(events, None, "JANE.DOE@example.com") == ["order"]
    assert privacy.resolve(events, None, "doe@example.com") == []  # whole addresses only
    exported = privacy.export_conversations(events, ["order"])
    assert any(e.get("text", "").startswith("Where is my order") for e in exported["conversations"]["order"])
    assert privacy.delete_conversations(db, events, ["order"]) > 0
    assert privacy.resolve(events, "order", None) == [] and [r["sender_id"] for r in list_conversations(db, Filters())[0]] == ["shoes"]


def test_cli_user_add_export_and_gdpr(console, tmp_path, monkeypatch, capsys):
    import io

    from bot.cli import main

    db, events, tmp = console
    data = tmp  # the console's database and conversations live in the data folder
    monkeypatch.delenv("SHOPBOT_TRACKER_DB", raising=False)
    monkeypatch.delenv("SHOPBOT_TRACKER_DB_URL", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--data", str(data), "console", "user", "add", "boss", "--role", "admin", "--password-stdin"]) == 0
    assert auth.login(db, "boss", PASSWORD)
    assert main(["--data", str(data), "console", "user", "list"]) == 0 and "boss\tadmin" in capsys.readouterr().out
    save_conversation(events, "order", ORDER)
    assert main(["--data", str(data), "console", "gdpr", "export", "--email", "jane.doe@example.com", "--out", str(tmp_path / "g.json")]) == 0
    assert "jane.doe@example.com" in (tmp_path / "g.json").read_text()
    assert main(["--data", str(data), "console", "export", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "nlu_corrections.yml").exists()
    assert main(["--data", str(data), "console", "gdpr", "delete", "--conversation", "order"]) == 0
    assert main(["--data", str(data), "console", "gdpr", "delete", "--conversation", "order"]) == 1
    with pytest.raises(SystemExit):
        main(["--data", str(data), "console", "purge", "--older-than", "-3"])
    assert re.search(r"must not be negative", capsys.readouterr().err)


def test_dont_know_survives_a_fold_that_ends_between_the_action_and_its_reply(console):
    db, events, _ = console
    save_conversation(events, "shoes", SHOES)
    refresh(db, events, batch=1)  # every event in a fold of its own
    row = list_conversations(db, Filters())[0][0]
    assert row["dont_knows"] == 1 and row["user_messages"] == 2 and row["intent_list"] == ["search_product", "ask_size"]


def test_purge_takes_the_retention_from_store_yml(console, tmp_path, monkeypatch, capsys):
    from bot.cli import main

    db, events, data = console
    monkeypatch.delenv("SHOPBOT_TRACKER_DB", raising=False)
    monkeypatch.delenv("SHOPBOT_TRACKER_DB_URL", raising=False)
    store = tmp_path / "store"
    store.mkdir()
    (store / "store.yml").write_text("store: {name: x}\n", encoding="utf-8")
    args = ["--data", str(data), "--store", str(store), "console", "purge"]
    assert main(args) == 2 and "console.retention_days" in capsys.readouterr().err
    (store / "store.yml").write_text("console: {retention_days: soon}\n", encoding="utf-8")
    assert main(args) == 2 and "'soon' is not a number of days" in capsys.readouterr().err
    (store / "store.yml").write_text("console: {retention_days: 30}\n", encoding="utf-8")
    save_conversation(events, "old", SHOES, start=time.time() - 40 * 86400)
    save_conversation(events, "new", SHOES)
    assert main(args) == 0 and "deleted 1 conversation(s)" in capsys.readouterr().out
    assert [r["sender_id"] for r in list_conversations(db, Filters())[0]] == ["new"]
