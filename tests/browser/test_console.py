"""The support console in headless Chromium (Debian's package, driven by Playwright) against
the real stack: two short conversations played through Rasa's REST webhook, then an admin logs
in with the keyboard, filters, opens a transcript, corrects an intent and exports it; axe-core
checks the login, list, transcript and export pages (WCAG 2.1 A/AA). Screenshots go to
docs/screenshots/console-*.png."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path

import pytest
import requests

from tests.browser.axe import check
from tests.browser.test_widget import (
    ARGS,
    CHROMIUM,
    SHOTS,
    WAIT_MS,
    ask,
    new_page,
    open_widget,
    url,
    widget_state,
)
from tests.conftest import ROOT, running_stack

pytestmark = pytest.mark.browser
PASSWORD = "a long console password"
RUN = uuid.uuid4().hex[:6]
GERMAN = f"shopper-de-{RUN}"
ENGLISH = f"shopper-en-{RUN}"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make chromium` (apt-get install chromium)")
    data = tmp_path_factory.mktemp("console")
    shutil.copytree(ROOT / "var" / "demo", data / "demo")  # built by `make index`
    shutil.copy(ROOT / "var" / "shopbot.db", data / "shopbot.db")
    with running_stack(data, 5405, 5455, 8480) as s:
        yield s


def say(stack, sender: str, text: str, lang: str, page: str) -> list[dict]:  # noqa: ANN001
    response = requests.post(f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook", timeout=120, json={
        "sender": sender, "message": text, "metadata": {"language": lang, "page_url": page, "page_type": "other"}})  # fmt: skip
    response.raise_for_status()
    return response.json()


@pytest.fixture(scope="module")
def played(stack):
    """Two conversations, as shoppers would have them, and an admin account."""
    from bot.console import auth
    from bot.console.db import open_console_db

    assert say(stack, GERMAN, "Guten Tag", "de", "/de/")
    assert say(stack, GERMAN, "Ich suche leichte Wanderschuhe für Damen", "de", "/de/")
    assert say(stack, ENGLISH, "Can I please talk to a real person?", "en", "/en/")
    auth.add_user(open_console_db(stack.data), "admin", "admin", PASSWORD)
    return stack


@pytest.fixture(scope="module")
def browser(played):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page(browser):
    # axe is injected as a script; the console's CSP forbids scripts, so the test context bypasses it
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", bypass_csp=True)
    p = context.new_page()
    p.set_default_timeout(WAIT_MS)
    return p


def test_login_filter_transcript_correct_and_export(played, page):
    stack = played
    page.goto(url(stack, "/console"))
    assert page.url.endswith("/console/login")
    check(page)
    page.keyboard.press("Tab")  # keyboard only: skip link first, then the form
    assert page.evaluate("document.activeElement.className") == "skip"
    page.locator("#name").focus()
    page.keyboard.type("admin")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/console")

    rows = page.locator("table.conversations tbody tr")
    senders = rows.locator("td:nth-child(2) a").all_text_contents()
    assert GERMAN in senders and ENGLISH in senders
    check(page)
    page.screenshot(path=str(SHOTS / "console-list.png"), full_page=True)

    page.locator("#f-handoff").focus()
    page.keyboard.press("Space")  # keyboard only: tick the box, then the Filter button
    page.get_by_role("button", name="Filter").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]handoff=1"))
    senders = page.locator("table.conversations tbody td:nth-child(2) a").all_text_contents()
    assert ENGLISH in senders and GERMAN not in senders
    page.goto(url(stack, "/console?language=de"))
    senders = page.locator("table.conversations tbody td:nth-child(2) a").all_text_contents()
    assert GERMAN in senders and ENGLISH not in senders

    page.get_by_role("link", name=GERMAN).click()
    page.wait_for_url(re.compile(r"/console/conversation\?id="))
    messages = page.locator(".msg.user")
    assert messages.count() == 2
    search = messages.nth(1)
    assert "Wanderschuhe" in search.locator(".text").text_content()
    nlu = search.locator(".nlu").text_content()
    predicted = nlu.split("intent", 1)[1].split()[0]
    assert predicted and "runner-up" in nlu
    bot = page.locator(".msg.bot", has=page.locator(".card")).first
    assert "action_search_products" in bot.locator(".meta").first.text_content()
    assert bot.locator(".card").count() >= 1 and bot.locator(".src.prod").count() >= 1  # the products it used, as cards
    check(page)
    page.screenshot(path=str(SHOTS / "console-transcript.png"), full_page=True)

    right = "refine_search" if predicted != "refine_search" else "search_product"
    search.locator("select").select_option(right)
    with page.expect_navigation():
        search.get_by_role("button", name="Correct intent").click()
    assert f"corrected to {right} by admin" in page.locator(".msg.user").nth(1).text_content()

    page.get_by_role("link", name="Export corrections").click()
    check(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="NLU examples (YAML)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"- intent: {right}" in text and "Ich suche leichte Wanderschuhe für Damen" in text


def test_a_thumbs_down_in_the_widget_reaches_the_transcript(played, browser, page):
    stack = played
    shopper = new_page(browser)
    shopper.goto(url(stack, "/en/"))
    open_widget(shopper)
    replies = ask(shopper, "How long does shipping to Austria take?")
    assert replies
    answer = shopper.locator(".sb-msg.sb-bot").last
    answer.get_by_role("button", name="The answer was not helpful").click()
    assert answer.get_by_role("button", name="The answer was not helpful").get_attribute("aria-pressed") == "true"
    check(shopper, ".sb-panel")
    sender = widget_state(shopper)["sid"]
    page.goto(url(stack, "/console?rating=down"))  # the admin's session from the test before (or log in again)
    if page.url.endswith("/login"):
        page.locator("#name").fill("admin")
        page.locator("#password").fill(PASSWORD)
        page.locator("#password").press("Enter")
        page.goto(url(stack, "/console?rating=down"))
    page.wait_for_function("(s) => document.body.textContent.includes(s)", arg=sender)  # the rating POST is asynchronous
    page.get_by_role("link", name=sender).click()
    rated = page.locator(".msg.bot", has=page.get_by_text("shopper rated this not helpful"))
    shown = replies[-1].split(": ", 1)[1][:40]  # the widget prefixes "Assistant: " for screen readers
    assert rated.count() == 1 and shown in rated.locator(".text").text_content()
