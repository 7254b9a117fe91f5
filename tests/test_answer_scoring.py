"""The whole-answer scoring of bench/answers.py on hand-made replies, and the question files'
shape (every expected product exists in its store's own catalog file)."""

from __future__ import annotations

import json
import re

import pytest

from bench.answer_scoring import Answer, read_catalog_texts, score
from bench.answers import KINDS, QUESTIONS, STORES

NAMES = {
    "chelsea-boots": ["Chelsea Boots Leder"],
    "penny-loafer": ["Penny Loafer"],
    "kiesel": ["Bluetooth-Lautsprecher Kiesel"],
}


def card(pid: str, name: str, availability: str = "in stock") -> dict:
    return {"id": pid, "name": name, "price_text": "€189.00", "availability": availability}


def test_answer_collects_texts_buttons_and_cards():
    answer = Answer.from_messages([
        {"text": "The closest we have:"},
        {"custom": {"type": "products", "products": [card("penny-loafer", "Penny Loafer", "sold out")]}},
        {"text": "Shall I put you in touch?", "buttons": [{"title": "Yes, please", "payload": "/affirm"}]},
    ])  # fmt: skip
    assert answer.product_ids == ["penny-loafer"]
    assert "sold out" in answer.text and "Yes, please" in answer.text and "Penny Loafer" in answer.text


def test_must_not_reads_what_the_answer_states_not_its_buttons():
    offer = [{"text": "Our product data doesn't say whether it is lined. Shall I put you in touch with a person?",
              "buttons": [{"title": "Yes, please", "payload": "/affirm"}, {"title": "No, thanks", "payload": "/deny"}]}]  # fmt: skip
    expect = {"dont_know": True, "must_not": [r"\byes\b"]}
    assert score(expect, Answer.from_messages(offer), NAMES) == []
    claim = [{"text": "Yes, it is lined."}, {"text": "Anything else?", "buttons": [{"title": "Yes, please", "payload": "/affirm"}]}]
    assert score({"must_not": [r"\byes\b"]}, Answer.from_messages(claim), NAMES) == ["must not say /\\byes\\b/"]
    assert score({"must": [r"Yes, please"]}, Answer.from_messages(offer), NAMES) == []  # `must` still sees the buttons


def test_no_break_spaces_read_as_spaces():
    answer = Answer.from_messages([{"text": "Waschbar bei 40\u00a0°C, 189,00\u202f€"}])
    assert score({"must": [r"40 °C", r"189,00 €"]}, answer, NAMES) == []


def test_expected_product_shown_as_card_or_named():
    expect = {"products_any": ["penny-loafer", "chelsea-boots"]}
    assert score(expect, Answer("", ["chelsea-boots"]), NAMES) == []
    assert score(expect, Answer("Our Penny Loafer is made in Portugal.", []), NAMES) == []
    reasons = score(expect, Answer("We have Bluetooth-Lautsprecher Kiesel.", ["kiesel"]), NAMES)
    assert reasons and "none of" in reasons[0]


def test_a_name_counts_only_as_a_whole_name():
    expect = {"products_any": ["penny-loafer"]}
    assert score(expect, Answer("Penny Loafers2 are nice", []), NAMES)


def test_products_none_fails_when_shown_or_named():
    expect = {"products_none": ["penny-loafer"]}
    assert score(expect, Answer("Nothing like that, sorry.", []), NAMES) == []
    assert score(expect, Answer("", ["penny-loafer"]), NAMES)
    assert score(expect, Answer("Try the Penny Loafer.", []), NAMES)


def test_must_and_must_not_are_case_insensitive_regexes():
    expect = {"must": [r"\b43\b"], "must_not": [r"size up"]}
    assert score(expect, Answer("Take size 43: it runs small.", []), NAMES) == []
    assert score(expect, Answer("Take size 42.", []), NAMES) == [r"missing /\b43\b/"]
    assert score(expect, Answer("Size UP to 43.", []), NAMES) == ["must not say /size up/"]


def test_refusal_needs_a_refusal_and_no_product():
    expect = {"refuse": True}
    assert score(expect, Answer("Das kann ich leider nicht beantworten. Ich helfe Ihnen gern bei Produkten.", []), NAMES) == []
    assert score(expect, Answer("I'm afraid I can't answer that.", ["kiesel"]), NAMES)
    assert score(expect, Answer("Tomorrow will be sunny in Vienna.", []), NAMES) == ["no polite refusal"]


def test_dont_know_needs_the_admission_and_a_person():
    expect = {"dont_know": True, "must_not": [r"made in \w+"]}
    right = "Our product data for Penny Loafer doesn't say. Shall I put you in touch with a person who can check?"
    assert score(expect, Answer(right, []), NAMES) == []
    assert score(expect, Answer("It is made in Portugal.", []), NAMES) == [
        "must not say /made in \\w+/", "does not say the data lacks this", "offers no person",
    ]  # fmt: skip
    assert score(expect, Answer("Dazu steht in unseren Produktdaten leider nichts.", []), NAMES) == ["offers no person"]


def test_an_answer_about_another_product_than_the_page_is_wrong():
    expect = {"must": [r"\b43\b"]}
    other = Answer("If you usually wear 42, I recommend size 43 in Penny Loafer.", [])
    assert score(expect, other, NAMES, page_product="chelsea-boots")
    assert score(expect, other, NAMES, page_product="penny-loafer") == []
    assert score(expect, Answer("I recommend 43: it runs small.", []), NAMES, page_product="chelsea-boots") == []


def test_no_reply_is_wrong():
    assert score({}, Answer("", []), NAMES) == ["no reply"]


def test_csv_catalog_texts_hide_drafts_archived_and_unpublished():
    path = STORES["nordstil"] / "catalog.csv"
    visible = {p.id for p in read_catalog_texts(path)}
    every = {p.id for p in read_catalog_texts(path, visible_only=False)}
    hidden = {"seidenbluse-ada", "sommerkleid-vintage-2023", "reisekissen-memory"}
    assert not visible & hidden and hidden <= every
    assert len(visible) >= 60
    loafer = next(p for p in read_catalog_texts(path) if p.id == "penny-loafer")
    assert loafer.names == ["Penny Loafer"] and "fällt groß aus" in loafer.text and "<" not in loafer.text
    sweater = next(p for p in read_catalog_texts(path) if p.id == "merino-crew-sweater")
    assert "(18.5 micron)" in sweater.text and "&nbsp;" not in sweater.text and "meta" not in sweater.text


@pytest.mark.parametrize("store", list(STORES))
def test_question_files_are_well_formed(store):
    catalog = next(p for p in (STORES[store] / "catalog.jsonl", STORES[store] / "catalog.csv") if p.is_file())
    known = {p.id for p in read_catalog_texts(catalog, visible_only=False)}
    questions = [json.loads(line) for line in (QUESTIONS / f"{store}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(questions) >= 100
    assert len({q["id"] for q in questions}) == len(questions)
    for q in questions:
        assert q["store"] == store and q["kind"] in KINDS and q["lang"] in ("de", "en") and q["text"], q
        expect = q["expect"]
        assert set(expect) <= {"products_any", "products_none", "must", "must_not", "refuse", "dont_know"}, q["id"]
        assert expect, q["id"]
        for pid in [*expect.get("products_any", []), *expect.get("products_none", []), q["metadata"].get("product_id")]:
            assert pid is None or pid in known, (q["id"], pid)
        for pattern in [*expect.get("must", []), *expect.get("must_not", [])]:
            re.compile(pattern)
