"""The live handoff with two browsers against the real stack (headless Debian Chromium driven by
Playwright): a shopper in the demo shop's widget asks for a person, an agent in the console takes
over (Rasa pauses the conversation), they write to each other, the agent hands back and the bot
answers again. axe-core checks the live pages; the screenshot is docs/screenshots/console-handoff.png.

The store is the demo store with service hours all week, so the test does not depend on the clock."""

from __future__ import annotations

import email
import email.policy
import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.axe import check
from tests.browser.test_widget import (
    ARGS,
    CHROMIUM,
    SHOTS,
    WAIT_MS,
    ask,
    bot_count,
    new_page,
    open_widget,
    tracker,
    url,
    widget_state,
)
from tests.conftest import DEMO_STORE, ROOT, running_stack

pytestmark = pytest.mark.browser
PASSWORD = "a long console password"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make chromium` (apt-get install chromium)")
    data = tmp_path_factory.mktemp("handoff")
    shutil.copytree(ROOT / "var" / "demo", data / "demo")  # built by `make index`
    shutil.copy(ROOT / "var" / "shopbot.db", data / "shopbot.db")
    store = data / "stores" / "demo"  # the index in data/demo is found by the store folder's name
    shutil.copytree(DEMO_STORE, store)
    config = yaml.safe_load((store / "store.yml").read_text(encoding="utf-8"))
    config["console"]["service_hours"] = {"mon-sun": "00:00-24:00"}
    (store / "store.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with running_stack(data, 5605, 5655, 8680, store=store) as s:
        from bot.console import auth
        from bot.console.db import open_console_db

        auth.add_user(open_console_db(s.data), "maria", "agent", PASSWORD)
        yield s


@pytest.fixture(scope="module")
def browser(stack):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def agent_page(browser, stack):  # noqa: ANN001, ANN201
    # the live pages allow scripts from 'self' only: the test's injected axe needs the CSP bypassed
    page = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-GB", bypass_csp=True).new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url(stack, "/console/login"))
    page.get_by_label("Name").fill("maria")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/console")
    page.get_by_role("link", name="Live").click()
    page.wait_for_url("**/console/live")
    return page


def test_two_browser_handoff(stack, browser):
    from bot.console import handoff
    from bot.console.db import open_console_db

    agent = agent_page(browser, stack)  # the open live page makes maria an online agent
    check(agent)

    shopper = new_page(browser, 420, 800)
    shopper.goto(url(stack, "/en/"))
    open_widget(shopper)
    sender = widget_state(shopper)["sid"]
    answer = " ".join(ask(shopper, "Can I please talk to a real person?"))
    assert "putting you through to a person" in answer, answer

    item = agent.locator(f"li.handoff[data-id]:has-text('{sender}')")
    item.wait_for()  # the queue refreshes itself (live.js)
    assert "asked for a person" in item.text_content() and "page: /en/" in item.text_content()
    # the conversation so far: the tracker is stored after the hand-off row, so it may come with the next poll of the queue
    expect(item.locator(".preview")).to_contain_text("Can I please talk to a real person?", timeout=10_000)
    item.get_by_role("button", name=f"Take conversation {sender}").click()
    agent.wait_for_url(re.compile(r"/console/live/\d+"))

    shopper.locator(".sb-notice", has_text="You're now connected to maria from our customer service.").wait_for()
    agent.get_by_label("Your message to the shopper").fill("Hello, this is Maria. How can I help you?")
    agent.get_by_role("button", name="Send", exact=True).click()
    person = shopper.locator(".sb-msg.sb-human", has_text="Hello, this is Maria.")
    person.wait_for()
    assert person.locator(".sb-person").text_content() == "maria · customer service"
    assert shopper.locator(".sb-log").get_attribute("aria-live") == "polite"

    before = bot_count(shopper)
    shopper.locator("#sb-input").fill("My parcel arrived with a torn box, what now?")
    shopper.locator("#sb-input").press("Enter")
    agent.locator("#chat .msg.user", has_text="My parcel arrived with a torn box").wait_for()  # live, without reloading
    shopper.wait_for_function("() => { const s = JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('shopbot:'))[1]); return s.queue.length === 0; }")
    shopper.wait_for_timeout(2000)
    assert bot_count(shopper) == before  # the bot is paused: no answer of its own
    agent.get_by_label("Your message to the shopper").fill("I'm sorry! Please send us a photo and we'll replace it.")
    agent.get_by_role("button", name="Send", exact=True).click()
    shopper.locator(".sb-msg.sb-human", has_text="send us a photo").wait_for()
    agent.locator("#chat .msg.person", has_text="send us a photo").wait_for()
    check(agent)
    SHOTS.mkdir(parents=True, exist_ok=True)
    agent.screenshot(path=str(SHOTS / "console-handoff.png"), full_page=True)
    shopper.screenshot(path=str(SHOTS / "widget-handoff.png"))

    agent.get_by_role("button", name="Hand back to the bot").click()
    shopper.locator(".sb-notice", has_text="maria has handed the conversation back to the digital assistant.").wait_for()
    answer = " ".join(ask(shopper, "How long does shipping to Germany take?"))
    assert answer and "maria" not in answer  # the bot answers again

    events = tracker(stack, sender)["events"]
    kinds = [e["event"] for e in events]
    assert "pause" in kinds and "resume" in kinds and kinds.index("pause") < kinds.index("resume")
    paused = events[kinds.index("pause") : kinds.index("resume")]
    assert any(e["event"] == "user" and "torn box" in e["text"] for e in paused)  # stored while paused
    assert not any(e["event"] == "action" and e["name"] != "action_listen" for e in paused)  # and not answered by the bot
    (row,) = [h for h in _handoffs(open_console_db(stack.data), handoff) if h["sender_id"] == sender]
    assert row["status"] == "closed" and row["agent"] == "maria" and row["first_reply_at"] >= row["taken_at"] >= row["requested_at"]
    agent.context.close()
    shopper.context.close()


def _handoffs(db, handoff):  # noqa: ANN001, ANN202
    from sqlalchemy import select

    t = handoff.tables(db).handoffs
    with db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t))]


def test_nobody_online_gets_a_ticket_by_email(stack, browser):
    """A minute after the agent left, a shopper asking for a person is told so and the
    conversation is written to the outbox for the shop's e-mail address."""
    from bot.console import handoff
    from bot.console.db import open_console_db

    db = open_console_db(stack.data)
    t = handoff.tables(db).online
    with db.engine.begin() as conn:
        conn.execute(t.delete())  # nobody has a live page open
    shopper = new_page(browser, 420, 800)
    shopper.goto(url(stack, "/de/"))
    open_widget(shopper)
    answer = " ".join(ask(shopper, "Ich möchte bitte mit einem Menschen sprechen"))
    assert "niemand aus unserem Kundenservice im Chat" in answer and "service@bergfink-outdoor.example" in answer, answer
    number = re.search(r"CHAT-\d+", answer).group(0)
    outbox = list((Path(stack.data) / "outbox").glob(f"*{number}.eml"))
    assert len(outbox) == 1
    mail = email.message_from_bytes(outbox[0].read_bytes(), policy=email.policy.default)
    assert mail["To"] == "service@bergfink-outdoor.example" and "mit einem Menschen sprechen" in mail.get_body().get_content()
    shopper.context.close()

