"""The journey analytics dashboard against the real stack, checked with known answers: six
scripted conversations are played through Rasa's REST webhook (one per journey stage, a handoff,
a fallback and a product the shop does not carry) and one answer is rated helpful in the
widget's API; the dashboard's CSVs must give exactly the funnel and rates these conversations
contain. Then Chromium opens the dashboard (charts drawn, axe clean), downloads a CSV and
follows an unanswered-question group to its conversations. Screenshot:
docs/screenshots/console-dashboard.png."""

from __future__ import annotations

import csv
import io
import re
import shutil
import uuid
from pathlib import Path

import pytest
import requests

from tests.browser.axe import check
from tests.browser.test_widget import ARGS, CHROMIUM, SHOTS, WAIT_MS, url
from tests.conftest import ROOT, running_stack

pytestmark = pytest.mark.browser
PASSWORD = "a long dashboard password"
RUN = uuid.uuid4().hex[:6]
CART = [{"id": "x", "quantity": 1}]
# sender: [(text, language, page_type, cart)]
SCRIPT = {
    "aware": [("Hallo", "de", "home", None)],
    "consider": [("Ich suche leichte Wanderschuhe für Damen", "de", "other", None)],
    "purchase": [("How long does shipping to Austria take?", "en", "cart", CART)],
    "after": [("Where is my order?", "en", "other", None)],
    "person": [("Can I please talk to a real person?", "en", "other", None)],
    "unknown": [("xkcd qwpz blorf vrumm", "en", "other", None), ("Do you sell garden gnomes?", "en", "other", None)],
}


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: run `make chromium` (apt-get install chromium)")
    data = tmp_path_factory.mktemp("dashboard")
    shutil.copytree(ROOT / "var" / "demo", data / "demo")  # built by `make index`
    shutil.copy(ROOT / "var" / "shopbot.db", data / "shopbot.db")
    with running_stack(data, 5406, 5456, 8481) as s:
        yield s


def say(stack, sender: str, text: str, lang: str, page_type: str, cart: list | None) -> list[dict]:  # noqa: ANN001
    meta = {"language": lang, "page_url": f"/{lang}/", "page_type": page_type, **({"cart": cart} if cart else {})}
    response = requests.post(f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook", timeout=120,
                             json={"sender": sender, "message": text, "metadata": meta})  # fmt: skip
    response.raise_for_status()
    return response.json()


@pytest.fixture(scope="module")
def played(stack):
    """The scripted conversations, a helpful rating on the shipping answer, an agent account."""
    from bot.console import auth
    from bot.console.db import open_console_db

    replies = {}
    for name, turns in SCRIPT.items():
        for text, lang, page_type, cart in turns:
            replies[name] = say(stack, f"{name}-{RUN}", text, lang, page_type, cart)
            assert replies[name], f"no reply to {text!r}"
    print({k: [m.get("text", "")[:80] for m in v] for k, v in replies.items()})
    rated = requests.post(url(stack, "/api/rating"), timeout=30,
                          json={"sender": f"purchase-{RUN}", "text": replies["purchase"][0]["text"], "rating": "up"})  # fmt: skip
    assert rated.status_code == 200, rated.text
    auth.add_user(open_console_db(stack.data), "agent", "agent", PASSWORD)
    return stack


def logged_in(stack) -> requests.Session:  # noqa: ANN001
    s = requests.Session()
    page = s.get(url(stack, "/console/login"), timeout=30)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert s.post(url(stack, "/console/login"), data={"csrf": csrf, "name": "agent", "password": PASSWORD}, timeout=30).ok
    return s


def table(session: requests.Session, stack, name: str, **query: str) -> list[dict]:  # noqa: ANN001
    response = session.get(url(stack, f"/console/dashboard/{name}.csv"), params=query, timeout=120)
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


def test_funnel_and_rates_of_the_seeded_conversations(played):
    s = logged_in(played)
    funnel = {r["stage"]: int(r["conversations"]) for r in table(s, played, "funnel")}
    print(funnel)
    # the gnome question is a product search: consideration too
    assert funnel == {"awareness": 1, "consideration": 3, "purchase": 1, "post_purchase": 1, "advocacy": 1}
    (day,) = [d for d in table(s, played, "days") if d["conversations"] != "0"]
    print(day)
    assert int(day["conversations"]) == 6 and int(day["user_messages"]) == 7
    assert int(day["handoffs"]) == 1 and float(day["containment"]) == pytest.approx(5 / 6, abs=1e-4)
    assert int(day["fallback"]) == 1 and int(day["dont_know"]) == 1
    assert (int(day["rated_up"]), int(day["rated_down"])) == (1, 0)
    langs = {r["language"]: int(r["conversations"]) for r in table(s, played, "languages")}
    assert langs == {"de": 2, "en": 4}
    unanswered = table(s, played, "unanswered")
    print(unanswered)
    assert sorted(r["question"] for r in unanswered) == ["Do you sell garden gnomes?", "xkcd qwpz blorf vrumm"]
    (resp,) = table(s, played, "response_times")
    assert int(resp["replies"]) == 7 and 0 < float(resp["p50"]) <= float(resp["p95"]) < 60


def test_dashboard_in_the_browser_axe_csv_and_group_link(played):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        # axe is injected as a script: the test context bypasses the page's CSP for it (the charts run under it)
        context = b.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
        page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        page.goto(url(played, "/console/login"))
        page.locator("#name").fill("agent")
        page.locator("#password").fill(PASSWORD)
        page.locator("#password").press("Enter")
        page.wait_for_url("**/console")
        page.get_by_role("link", name="Dashboard").click()
        page.wait_for_url("**/console/dashboard")
        page.wait_for_function("() => window.Chart && Object.keys(Chart.instances).length === 4")
        assert not errors, errors  # Chart.js ran under the strict CSP
        page.screenshot(path=str(SHOTS / "console-dashboard.png"), full_page=True)
        with page.expect_download() as download:
            page.get_by_role("link", name="Download CSV (funnel)").click()
        rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
        assert {r["stage"]: r["conversations"] for r in rows}["consideration"] == "3"
        page.get_by_role("link", name=re.compile("asking “Do you sell garden gnomes")).click()
        page.wait_for_url(re.compile(r"/console\?ids="))
        assert page.locator("table.conversations tbody tr").all_text_contents()[0].count(f"unknown-{RUN}") == 1
        assert page.locator("table.conversations tbody tr").count() == 1
        axe_context = b.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True, storage_state=context.storage_state())
        axe_page = axe_context.new_page()
        axe_page.goto(url(played, "/console/dashboard"))
        check(axe_page)
        b.close()
