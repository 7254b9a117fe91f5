"""Shared fixtures: a small test store indexed with the real multilingual embedder, and a way
to run a custom action against a rasa-sdk `Tracker`."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TEST_STORE = FIXTURES / "store"
DEMO_STORE = ROOT / "stores" / "demo"
MODEL = ROOT / "models" / "shopbot.tar.gz"
PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def service_missing(message: str) -> None:
    """A service the tests use (PostgreSQL, Redis) is not reachable: skip on a developer's
    machine, but fail in CI (`CI` set, as CI services set `CI=true`), where a skip would hide
    that the tests did not run."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{message} (CI is set: every service must be running)")
    pytest.skip(message)


def pg_available() -> bool:
    try:
        import sqlalchemy

        engine = sqlalchemy.create_engine(PG_URL)
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def use_database(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the code at fresh tables (a random `SHOPBOT_TABLE_PREFIX`): on the running PostgreSQL
    for `kind="postgres"` (skipped when it is not reachable), else in the data folder's SQLite."""
    monkeypatch.setenv("SHOPBOT_TABLE_PREFIX", f"t{uuid.uuid4().hex[:8]}_")
    if kind == "postgres":
        if not pg_available():
            service_missing("PostgreSQL not reachable at 127.0.0.1:5432")
        monkeypatch.setenv("DATABASE_URL", PG_URL)
    else:
        monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.fixture
def rasa_unpatched():
    """Gives back Rasa's own functions after a test that applied `bot.rasa_speedups` (all of them)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    from bot import rasa_speedups

    saved = [(owner, name, owner.__dict__[name]) for owner, name in rasa_speedups.PATCHED]
    yield saved
    for owner, name, value in saved:
        setattr(owner, name, value)
    rasa_speedups._event_types.clear()
    assert RemoteAction._validate_action_result is not rasa_speedups._validate_action_result
    assert Event.resolve_by_type is not rasa_speedups._resolve_by_type


@pytest.fixture(scope="session")
def use_embedder():
    from catalog.embedder import get_embedder

    return get_embedder("use")


@pytest.fixture(scope="session")
def test_catalog(tmp_path_factory, use_embedder):
    """The test store, imported and indexed into a temporary data dir; the actions use it."""
    from actions import context
    from catalog.build import build
    from catalog.importer import import_file
    from catalog.search import CatalogService
    from catalog.store import Store

    data = tmp_path_factory.mktemp("data")
    store = Store(TEST_STORE)
    result = import_file(store.catalog_file, store.config.categories)
    assert result.ok, result.errors
    build(result.products, data / store.slug, use_embedder)
    os.environ["SHOPBOT_STORE"] = str(TEST_STORE)
    os.environ["SHOPBOT_DATA"] = str(data)
    os.environ["SHOPBOT_EMBEDDER"] = "use"
    context.catalog.cache_clear()
    service = CatalogService.open(TEST_STORE, data, "use")
    yield service
    context.catalog.cache_clear()


@pytest.fixture
def run_action(test_catalog):
    """run_action(action, text, intent=..., slots=..., metadata=...) -> (messages, slot dict)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    def _run(action, text: str, intent: str = "", slots: dict | None = None, metadata: dict | None = None):
        latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": [], "metadata": metadata or {}}
        tracker = Tracker("test-user", dict(slots or {}), latest, [], False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, tracker, {})
        new_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        return dispatcher.messages, new_slots

    return _run


def imported_store(tmp_path: Path, embedder):  # noqa: ANN001, ANN201
    """A copy of the test store in `tmp_path/store`, its catalog imported into the database of
    `tmp_path/data` and published as version 1; returns the `CatalogAdmin`."""
    import shutil

    from catalog.admin import CatalogAdmin

    store = tmp_path / "store"
    shutil.copytree(TEST_STORE, store)
    admin = CatalogAdmin(store, tmp_path / "data", embedder)
    report = admin.import_file(store / "catalog.jsonl")
    assert report.version == 1 and len(report.added) == 9, report
    return admin


@contextmanager
def serving_store(store_dir: Path, data: Path, embedder) -> Iterator[None]:  # noqa: ANN001
    """The actions answer from `store_dir` (its catalog imported and built into `data`) inside
    the block, then from the store they served before."""
    from actions import context
    from catalog.build import build
    from catalog.importer import import_file
    from catalog.store import Store

    store = Store(store_dir)
    result = import_file(store.catalog_file, store.config.categories)
    assert result.ok, result.errors
    build(result.products, data / store.slug, embedder)
    before = {k: os.environ.get(k) for k in ("SHOPBOT_STORE", "SHOPBOT_DATA")}
    os.environ.update(SHOPBOT_STORE=str(store_dir), SHOPBOT_DATA=str(data))
    context.catalog.cache_clear()
    try:
        yield
    finally:
        for key, value in before.items():
            os.environ[key] = value or ""
        context.catalog.cache_clear()


@contextmanager
def running_stack(data: Path, rasa_port: int, action_port: int, web_port: int, store: Path = DEMO_STORE,
                  endpoints: str = "endpoints.yml") -> Iterator:  # fmt: skip
    """The real stack (Rasa with the trained model, action server, web app) on `store` (the demo
    store unless told), with its own data folder and ports; stopped on leaving.
    `SHOPBOT_TEST_PORT_OFFSET` shifts all three ports, so several checkouts can run their stacks
    on one machine at once."""
    from bot.stack import Stack

    offset = int(os.environ.get("SHOPBOT_TEST_PORT_OFFSET", "0"))
    rasa_port, action_port, web_port = rasa_port + offset, action_port + offset, web_port + offset

    if not MODEL.is_file():
        pytest.fail(f"{MODEL} missing: run `make model` first")
    stack = Stack(
        store=str(store), data=str(data), model=str(MODEL), rasa_port=rasa_port, action_port=action_port,
        web_port=web_port, tracker_db=str(data / "conversations.db"), log_dir=data / "logs", endpoints=endpoints,
    )  # fmt: skip
    stack.start()
    try:
        stack.wait_ready(timeout=300)
        yield stack
    finally:
        stack.stop()
