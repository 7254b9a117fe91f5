"""Store policy texts (`policies/<topic>.<lang>.md`) split into passages, and the passage that
answers a question.

A passage is scored by meaning twice — against its heading (with the document's title; half of
it the same section's heading in the other language, so one shared word such as "Rücksendung"
weighs less) and against heading plus text — plus the share of the question's words in its
heading and text, plus what it shares with the question (`policy_aspects`): the topic (returns,
shipping, payment …, from the document's title) and the aspect (window vs cost vs how to return,
opening hours vs address …). What a heading names beyond its document's topic is what the
section is about: asked, it counts most; not asked, it costs ("Was kostet die Rücksendung?" for
"wie lange habe ich Zeit …"). A section of a document on another topic than the question's gets
no credit for shared words (a product's name in the loft bed's guarantee does not answer "how is
a loft bed delivered?"). A question about an aspect no passage of the store talks about ("can I
pick it up in your shop?" in a shop without pickup, gift wrapping) scores low, so the bot says it
does not know instead of answering with a neighbouring section. Weights set on
`bench/policy_questions.jsonl`, `…_other.jsonl` and `…_kleinholz.jsonl` (`python -m bench.policies`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from catalog.embedder import Embedder
from catalog.language import STOPWORDS
from catalog.policy_aspects import SOFT_ASPECTS, TOPICS, question_aspects, section_aspects

_FILE = re.compile(r"^(?P<topic>[a-z0-9_-]+)\.(?P<lang>de|en)\.md$")
HEADING_WEIGHT = 0.5  # meaning: heading vs heading + text
WORDS_IN_HEADING = 0.2
WORDS_IN_TEXT = 0.1
ASPECT_IN_HEADING = 0.3
ASPECT_IN_TEXT = 0.05
ASPECT_IN_TITLE = 0.1  # the document's topic ("Rückgabe und Umtausch") is the question's
TOPIC_MISMATCH = 0.1  # the question names a topic, the section's document is on others
OTHER_ASPECT = 0.2  # the heading names what the question does not ask ("Was kostet …" for "wie lange …")
OTHER_LANGUAGE = 0.5  # meaning of the heading: its share of the same section in the other language
ASPECT_MISSING = 0.3  # the question asks about something no passage of the store mentions
# a row of the section's table holds two or more of the question's words: the table lists what is
# asked ("Was kostet ein Gitarren-Setup?" -> "| Gitarren-Setup (Saitenlage …) | 49 € |" under "Preise")
TABLE_ROW = 0.3
ROW_WORDS = 2
# Below this score no passage answers the question ("don't know" + a person). Measured on the three
# tuning sets: unanswerable questions score at most -0.04, answered ones at least 0.23.
MIN_SCORE = 0.2


@dataclass(frozen=True)
class Passage:
    topic: str
    lang: str
    heading: str
    text: str
    title: str = ""  # the document's "# Title"
    rows: tuple[str, ...] = ()  # the rows of a table in the text, without its header row

    @property
    def ref(self) -> str:
        return f"{self.topic}.{self.lang}#{self.heading}"


def read_passages(folder: Path) -> list[Passage]:
    passages: list[Passage] = []
    for path in sorted(folder.glob("*.md")):
        match = _FILE.match(path.name)
        if not match:
            continue
        title, heading, lines = "", "", []
        for line in [*path.read_text(encoding="utf-8").splitlines(), "## "]:
            if line.startswith("## ") or line.startswith("# "):
                body = " ".join(t.strip() for t in lines if t.strip())
                if body:
                    passages.append(Passage(match["topic"], match["lang"], heading, body, title, table_rows(lines)))
                heading, lines = line.lstrip("# ").strip(), []
                if line.startswith("# "):
                    title = heading
            else:
                lines.append(line)
    return passages


def table_rows(lines: list[str]) -> tuple[str, ...]:
    """The body rows of the Markdown tables among the lines (a header row is the one above `|---|`)."""
    rows = [line.strip() for line in lines if line.strip().startswith("|")]
    rule = re.compile(r"\|?[\s:|-]+\|?")
    body = [r for i, r in enumerate(rows) if not rule.fullmatch(r) and not (i + 1 < len(rows) and rule.fullmatch(rows[i + 1]))]
    return tuple(body)


def _stems(text: str) -> set[str]:
    """Content words cut to five letters, so "returns" meets "return" and "Rückgabe" "Rückgabefrist"."""
    return {w[:5] for w in re.findall(r"[a-zäöüß]+", text.lower()) if len(w) >= 4 and w not in STOPWORDS}


def _twins(passages: list[Passage], vectors: np.ndarray) -> list[int]:
    """For each passage the same section in the other language: of the same topic, the passage
    whose text means most nearly the same, and it the same for this one (files need not list their
    sections in the same order); else itself."""
    def best(i: int) -> int | None:
        others = [j for j, q in enumerate(passages) if q.topic == passages[i].topic and q.lang != passages[i].lang]
        return max(others, key=lambda j: float(vectors[i] @ vectors[j])) if others else None

    nearest = [best(i) for i in range(len(passages))]
    return [j if j is not None and nearest[j] == i else i for i, j in enumerate(nearest)]


class PolicyIndex:
    def __init__(self, passages: list[Passage], embedder: Embedder):
        self.passages = passages
        self.embedder = embedder
        empty = np.zeros((0, embedder.dim), np.float32)
        self.vectors = embedder.encode([f"{p.heading}. {p.text}" for p in passages]) if passages else empty
        self.heading_vectors = embedder.encode([f"{p.title}: {p.heading}" for p in passages]) if passages else empty
        self._heading_stems = [_stems(p.heading) for p in passages]
        self._text_stems = [_stems(p.text) for p in passages]
        self._row_stems = [[_stems(r) for r in p.rows] for p in passages]
        self._twin = _twins(passages, self.vectors)
        self._heading_aspects = [section_aspects(p.heading) | section_aspects(passages[j].heading) for j, p in zip(self._twin, passages, strict=True)]
        self._text_aspects = [section_aspects(p.text) for p in passages]
        self._title_aspects = [section_aspects(f"{p.title} {p.topic}") for p in passages]
        self._only_text = [self._only_text_naming(i) for i in range(len(passages))]
        headed = {lang: set().union(*(h for h, p in zip(self._heading_aspects, passages, strict=True) if p.lang == lang)) for lang in {p.lang for p in passages}}
        self._unheaded = [self._text_aspects[i] - headed[p.lang] - TOPICS.keys() for i, p in enumerate(passages)]

    def scores(self, question: str, vector: np.ndarray) -> tuple[np.ndarray, set[str]]:
        """How well each passage answers the question (see the module docstring)."""
        heading = self.heading_vectors @ vector
        heading = (1 - OTHER_LANGUAGE) * heading + OTHER_LANGUAGE * heading[self._twin]
        scores = HEADING_WEIGHT * heading + (1 - HEADING_WEIGHT) * (self.vectors @ vector)
        asked = question_aspects(question)
        scores += np.array([self._aspect_score(asked, i) for i in range(len(self.passages))])
        words = _stems(question)
        if words:  # a product's name in a section on another topic is no answer
            other = np.array([self._other_topic(asked, i) for i in range(len(self.passages))])
            scores += ~other * WORDS_IN_HEADING * np.array([len(words & h) / len(words) for h in self._heading_stems])
            scores += ~other * WORDS_IN_TEXT * np.array([len(words & t) / len(words) for t in self._text_stems])
            scores += ~other * TABLE_ROW * np.array([any(len(words & r) >= ROW_WORDS for r in rows) for rows in self._row_stems])
        return scores, asked

    def _other_topic(self, asked: set[str], i: int) -> bool:
        """The question names a topic, passage i's document is on others."""
        doc_topics = self._title_aspects[i] & TOPICS.keys()
        return bool(asked & TOPICS.keys() and doc_topics and not doc_topics & asked)

    def _only_text_naming(self, i: int) -> set[str]:
        """The aspects passage i's text is the only one to name, of all passages in its language,
        while no heading names them ("Invoice via Klarna" under "Payment methods")."""
        same = [j for j, p in enumerate(self.passages) if p.lang == self.passages[i].lang]
        headed = set().union(*(self._heading_aspects[j] for j in same))
        return {a for a in self._text_aspects[i] - headed - TOPICS.keys() if sum(a in self._text_aspects[j] for j in same) == 1}

    def _aspect_score(self, asked: set[str], i: int) -> float:
        """Topics and aspects of the question against passage i's heading, text and document title.
        What the heading names beyond its document's topic is what the section is about; it costs
        nothing when the section's text is the only place of the store naming what is asked
        ("Can I pay by invoice?": "Payment methods", whose text names the invoice)."""
        if not asked:
            return 0.0
        heading, text, title = self._heading_aspects[i], self._text_aspects[i], self._title_aspects[i]
        doc_topics = title & TOPICS.keys()
        named = heading - doc_topics
        # a store without a section on what is asked states it in the text of its topic's section
        # ("innerhalb von 30 Tagen" under "Rückgabe & Umtausch"): as if the heading named it
        alone = asked & self._unheaded[i] - named - title if doc_topics & asked else set()
        score = (ASPECT_IN_HEADING * len(asked & named | alone) + ASPECT_IN_TITLE * len(asked & title - named)
                 + ASPECT_IN_TEXT * len(asked & text - named - title - alone)) / len(asked)  # fmt: skip
        if named and not named & asked and not asked & self._only_text[i]:
            score -= OTHER_ASPECT
        if self._other_topic(asked, i):
            score -= TOPIC_MISMATCH
        return score

    def search(self, question: str, lang: str, k: int = 2, vector: np.ndarray | None = None) -> list[tuple[Passage, float]]:
        """Best passages in the shopper's language (passages in the other language only if none)."""
        if not self.passages:
            return []
        vector = self.embedder.encode([question])[0] if vector is None else vector
        scores, asked = self.scores(question, vector)
        langs = np.array([p.lang == lang for p in self.passages])
        if not langs.any():
            langs[:] = True
        known = set().union(*(h | t for h, t, ok in zip(self._heading_aspects, self._text_aspects, langs, strict=True) if ok))
        if asked - known - SOFT_ASPECTS:
            scores = scores - ASPECT_MISSING
        scores = np.where(langs, scores, -np.inf)
        order = np.argsort(-scores)[:k]
        return [(self.passages[i], float(scores[i])) for i in order if np.isfinite(scores[i])]

    def answer(self, question: str, lang: str, vector: np.ndarray | None = None) -> list[Passage]:
        """The passage(s) that answer the question: the best one, and the next one of the same
        document when it scores nearly as well; empty when none scores `MIN_SCORE`."""
        hits = self.search(question, lang, k=2, vector=vector)
        if not hits or hits[0][1] < MIN_SCORE:
            return []
        best, score = hits[0]
        chosen = [best]
        if len(hits) > 1 and hits[1][1] >= score - 0.03 and hits[1][0].topic == best.topic:
            chosen.append(hits[1][0])
        return chosen
