"""Word forms the passage ranking (`catalog.passages`) treats as one word, and the sentence that
alone shares a question's asked word."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

# after it in a name: the words naming the product's kind ("Kopfhörer"); no word of the question asks
# them, and they are taken out of the question's vector only when it says one (`named_part`)
KINDS_MARK = " | "
_WORD = re.compile(r"[^\W\d_]{4,}")


def named_part(question: str, name: str) -> str:
    """The name as far as the question says it: the title (and category) alone unless the question
    also names the product's kind ("Does the speaker have a radio?"). Taking the kind out of a
    question that never says it pulls it off its topic ("Kann ich einen Plattenspieler anschließen?")."""
    title, _, kinds = name.partition(KINDS_MARK)
    said = {w.lower() for w in _WORD.findall(question)}
    return name if any(k.lower() in said for k in _WORD.findall(kinds)) else title


# a German verb and its "-bar" adjective: "kürzen" ~ "kürzbar", "wechseln" ~ "wechselbar", "waschen" ~ "waschbar"
_VERB = re.compile(r"^(\w{4,}?)e?n$")
_ABLE = re.compile(r"^(\w{4,})bar(?:e|en|er|es)?$")


def able(one: str, other: str) -> bool:
    """True for a verb and the adjective saying it can be done to the thing ("Kann man den Akku
    wechseln?" ~ "Der Akku ist wechselbar"), either way round."""
    for verb, adjective in ((one, other), (other, one)):
        v, a = _VERB.match(verb), _ABLE.match(adjective)
        if v and a and v.group(1) == a.group(1):
            return True
    return False


# the verbs asking whether a thing goes with another ("Unterstützt er LDAC?", "Does it work with aptX?")
_ASKING = re.compile(r"^(?:unterstütz|support|kompatib|compatib|funktionier|work)", re.I)


def sole_sharer(
    words: set[str], sentences: list[str], shares: Callable[[set[str], str], float]
) -> np.ndarray:
    """Which sentence answers a question whose asked words (`words`: without the product's name and
    kind) only one sentence of the text shares by spelling ("LDAC" in "Codecs: SBC, AAC, LDAC",
    "kürzen" in "alle 10 cm kürzbar"): that one, when it shares every word any sentence shares and
    every other word of the question is a verb asking whether it goes with it ("unterstützt"); not
    "Ist das Holz FSC-zertifiziert?" by the one sentence naming the wood."""
    none = np.zeros(len(sentences), dtype=bool)
    if not words:
        return none
    shared = [{w for w in words if shares({w}, s)} for s in sentences]
    known = set().union(*shared) if shared else set()
    holders = [i for i, found in enumerate(shared) if found]
    unknown = {w for w in words - known if not _ASKING.match(w)}
    if len(holders) != 1 or shared[holders[0]] != known or unknown:
        return none
    none[holders[0]] = True
    return none


# "What does the CI in the name mean?", "Wofür steht GTX?", "Was bedeutet S3?": the letters whose meaning is asked
_ASKS_MEANING = re.compile(
    r"\b(?:mean|means|meaning|stand(?:s)? for|short for|steh(?:t|en)\b[^?]*\bfür|wofür\s+steh\w*|bedeut\w*|heißt|abkürzung|abbreviation)\b", re.I)
_LETTERS = re.compile(r"(?<![\w-])(?-i:[A-Z][A-Z0-9]{0,5})(?![\w-])")
# a sentence explaining letters: "the CI mark means tested cold insulation", "GTX steht für Gore-Tex", "S3 (…)"
_EXPLAINS = re.compile(
    r"\b(?:means?|meaning|stands? for|short for|steh(?:t|en) für|bedeute[nt]|heißt|kurz für|abkürzung|abbreviation|indicates?|kennzeichnet)\b", re.I)


def asked_letters(question: str) -> str | None:
    """The abbreviation a question asks the meaning of ("CI" of "What does the CI in the name
    mean?"), None when it asks no meaning or names no such letters."""
    if not _ASKS_MEANING.search(question):
        return None
    found = [m.group(0) for m in _LETTERS.finditer(question) if m.group(0) not in ("I", "A")]
    return found[0] if len(found) == 1 else None


def explaining(letters: str | None, sentences: list[str]) -> np.ndarray:
    """Which sentence explains the asked letters: the one sentence naming them with a word of
    meaning ("… the CI mark means tested cold insulation of the sole."); none when two or none do."""
    if not letters:
        return np.zeros(len(sentences), dtype=bool)
    named = re.compile(rf"(?<![\w-]){re.escape(letters)}(?![\w-])")
    out = np.array([bool(named.search(s) and _EXPLAINS.search(s)) for s in sentences], dtype=bool)
    return out if out.sum() == 1 else np.zeros(len(sentences), dtype=bool)
