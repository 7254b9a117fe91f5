"""A message the classifier took for a greeting, farewell or thanks but which has no word of one
and names what the catalog carries ("Tweed-Sakko", "practice pad" taken for a goodbye) is
answered as a search (`actions/conversation.py`); real small talk stays small talk."""

from __future__ import annotations

import pytest

from actions.conversation import misheard_smalltalk


@pytest.mark.parametrize("text", ["Tweed-Sakko", "practice pad", "Luftreiniger", "merino socks", "Wanderschuh aus Leder"])
def test_no_word_of_small_talk(text: str) -> None:
    assert misheard_smalltalk(text)


@pytest.mark.parametrize("text", ["Tschüss!", "Danke, das war's", "thanks a lot", "bye", "Hallo", "Guten Morgen", "ok super", "have a nice day"])
def test_small_talk_words(text: str) -> None:
    assert not misheard_smalltalk(text)


def test_a_product_taken_for_a_goodbye_is_searched(run_action) -> None:
    from actions.conversation import ActionSmalltalk

    for text, lang, intent, product in (
        ("Nordwand Parka", "de", "goodbye", "nordwand-parka"),
        ("Merino Trail Socks", "en", "thank", "merino-socks"),
        ("Luftreiniger", "de", "greet", "airpure-300"),
    ):
        messages, _ = run_action(ActionSmalltalk(), text, intent, metadata={"language": lang})
        shown = [p["id"] for m in messages for p in (m.get("custom") or {}).get("products", [])]
        assert product in shown, messages
    for text, lang, intent, said in (("Tschüss!", "de", "goodbye", "Auf Wiedersehen"), ("thanks!", "en", "thank", "")):
        messages, _ = run_action(ActionSmalltalk(), text, intent, metadata={"language": lang})
        assert not any((m.get("custom") or {}).get("products") for m in messages) and said in messages[0]["text"]
    # no product of the catalog: small talk's answer, not an empty search
    messages, _ = run_action(ActionSmalltalk(), "Quantenphysik", "goodbye", metadata={"language": "de"})
    assert "Auf Wiedersehen" in messages[0]["text"]
