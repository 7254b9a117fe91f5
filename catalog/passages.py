"""Sentences of a product's own text that answer a shopper's question.

A merchant writes most facts into the description ("Der Bohnenbehälter fasst 250 g", "not
allowed in checked baggage"). When no structured fact answers a question, the bot quotes the
sentence closest in meaning to it — across languages, since USE puts German and English in one
space — or says that the product data does not tell. The threshold is calibrated on a labelled
set (`tests/fixtures/answer_sentences.jsonl`, `bench/sentence_threshold.py`, bench/README.md).
"""

from __future__ import annotations

import re

import numpy as np

from catalog.answer_kinds import label_scores, unit_scores
from catalog.embedder import Embedder, VectorCache
from catalog.fact_kinds import (
    ASPECTS,
    FIGURE_KINDS,
    MEASURED_KINDS,
    asks_figure,
    without_narrower,
)
from catalog.features import FEATURES
from catalog.food_kinds import FOOD_FIGURES, SOLE_FOOD_KINDS
from catalog.language import detect_language
from catalog.models import Product
from catalog.passage_sentences import FIELDS, Answer, Sentence, product_sentences
from catalog.quantities import QUANTITIES, states_figure
from catalog.question_asks import (
    asked_aspects,
    asked_features,
    asked_materials,
    asking_words,
    definition_label,
    free_of,
    names_features,
    names_material,
    states_aspect,
)
from catalog.shared_words import content_words, shares_word
from catalog.word_forms import asked_letters, explaining, named_part, sole_sharer

# re-exported: callers import the question's kinds and the product's sentences from here
__all__ = [
    "ANSWER_SIMILARITY", "ASPECT_BONUS", "CLOSEST_SIMILARITY", "FIELDS", "FIGURE_BONUS", "Answer", "PassageFinder",
    "Sentence", "asked_aspects", "asked_features", "capped", "content_words", "free_of", "product_sentences",
    "shares_word", "states_aspect",
]  # fmt: skip

# A sentence scoring at least this answers the question (bench/sentence_threshold.py).
ANSWER_SIMILARITY = 0.30
# Below it, the best sentence scoring at least this is offered as the closest the text comes,
# said to be no clear answer, with the offer of a person (bench/sentence_threshold.py).
CLOSEST_SIMILARITY = 0.10
# How much of the product's own name is taken out of the question's vector: "wie viel wiegt
# der Helm?" is about the weight, not about helmets, so sentences that merely name the
# product should not win.
NAME_WEIGHT = 0.3
# A sentence that carries the kind of fact the question asks for (a weight for "how heavy",
# a °C figure for "how warm") gains ASPECT_BONUS; when the question asks for a known kind
# and the sentence carries none of it, it loses ASPECT_PENALTY.
ASPECT_BONUS = 0.15
ASPECT_PENALTY = 0.05
# where a sentence listing several facts is cut into its clauses (not "2,5 kg": a comma before a space)
CLAUSE = re.compile(r"[,;]\s+|\s+[–—]\s+")
# a sentence stating an asked kind with its figure ("Höhe 24 cm", "60 ± 1 HRC", "20 mm stark") gains this too
FIGURE_BONUS = 0.05
# each further asked kind the sentence states ("wie wird er aufgeladen?": battery and charging)
MORE_ASPECTS_BONUS = 0.05
# A sentence sharing a word of the question (besides the product's name and function words)
# gains LEXICAL_BONUS: as typed, as a longer compound ("atmungsaktiv" ~ "Atmungsaktivität") or
# nearly so across the languages ("induction" ~ "Induktion"), which USE alone misses in short questions.
LEXICAL_BONUS = 0.05
# A word of the sentence whose own vector is this close to a word of the question is the same
# word in the other language or another form ("Druck" ~ "pressure" 0.82, "Wert" ~ "value" 0.91,
# "saunas" ~ "sauna" 0.94; unrelated words stay below 0.45): it counts as a shared word.
WORD_SIMILARITY = 0.7
# the shared words of one sentence count up to this much (each 2 when the same word or its twin
# across the languages, 1 for a compound or a near spelling)
MAX_SHARED = 4.0
# A second sentence is quoted when it scores within this of the best (and states the asked kind).
SECOND_MARGIN = 0.05
# kinds of fact asked and stated: `catalog.fact_kinds`

def capped(question: str, sentence: str, score: float, name: str = "") -> float:
    """A sentence that does not state the kind of fact asked for ("is the mattress waterproof?"
    -> "Comes with a 3 cm foldable mattress") is at most the closest the text comes, never the answer."""
    aspects = asked_aspects(question, name)
    if aspects and not (states_aspect(sentence, aspects) and names_features(sentence, aspects)):
        return min(score, ANSWER_SIMILARITY - 0.001)
    return score


# kinds of fact that one sentence states so plainly that it answers when it is the text's only one: a
# place of making ("gefertigt von der Sattlerei X in Bad Tölz", "aus Süddeutschland"), a quantity by its own
# unit ("Saugkraft?" -> "mit 6000 Pa", "Farbtemperatur?" -> "2700 K", "Which standard?" -> "EN 12277 type C")
SOLE_ANSWER_KINDS = frozenset({"origin"}) | MEASURED_KINDS | frozenset(QUANTITIES) | SOLE_FOOD_KINDS


def _twin(word: str, near: list[str]) -> float:
    """2 for a near word when both are 5+ letters, 1 for a shorter one, 0 for none."""
    return max((2.0 if min(len(word), len(w)) >= 5 else 1.0 for w in near), default=0.0)


class PassageFinder:
    """Ranks a product's sentences against a question by cosine similarity of their USE vectors.
    Sentence vectors are kept in a `VectorCache`, so a product's text is embedded once per
    process, not once per question."""

    def __init__(self, embedder: Embedder, cache: VectorCache | None = None, threshold: float = ANSWER_SIMILARITY):
        self.embedder = embedder
        self.cache = cache or VectorCache()
        self.threshold = threshold

    def rank(self, question: str, sentences: list[str], name: str = "") -> np.ndarray:
        """Score of each sentence as an answer to the question (same order): cosine similarity
        to the question with the product's `name` taken out, plus the fact-kind bonus."""
        if not sentences:
            return np.zeros(0, dtype=np.float32)
        question_vector = self.embedder.encode([question])[0]
        if name:
            question_vector = question_vector - NAME_WEIGHT * self.cache.encode(self.embedder, [named_part(question, name)])[0]
            question_vector /= max(float(np.linalg.norm(question_vector)), 1e-12)
        scores = self.cache.encode(self.embedder, sentences) @ question_vector
        aspects = asked_aspects(question, name)
        if asks_figure(aspects):  # "…, Höhe 24 cm, Bezug …": a list of facts is as close as its clause stating the asked kind
            scores = np.maximum(scores, self.clause_scores(question_vector, sentences, aspects))
        if aspects:
            own = [without_narrower(s, aspects) for s in sentences]  # "Ladezeit 3 h" states no runtime
            stated = [sum(1 for a in aspects if ASPECTS[a][1].search(s)) for s in own]
            scores = scores + np.array([ASPECT_BONUS + MORE_ASPECTS_BONUS * (n - 1) if n else -ASPECT_PENALTY for n in stated])
            # the asked kind stated with its figure ("Höhe 24 cm", "180 Nm"): said in passing in a long sentence, still the answer
            figures = [asks_figure(aspects) and any(states_figure(ASPECTS[a][1], s) for a in aspects if a in FIGURE_KINDS) for s in sentences]
            scores = scores + FIGURE_BONUS * np.array(figures, dtype=np.float32)
        if substance := free_of(question):
            scores = scores + np.array([ASPECT_BONUS if substance in s.lower() else 0.0 for s in sentences])
        if materials := asked_materials(question, aspects, name):  # "Aus welchem Leder?": "aus Ziegenleder", not "Lederpflege"
            scores = scores + np.array([ASPECT_BONUS if names_material(s, materials) else 0.0 for s in sentences])
        words = content_words(question, exclude=name)
        # the asked figure in its unit ("wie lange hält der Akku?" -> hours), a "Label: value" line on the asked thing
        named_by = lambda label: states_aspect(label, aspects) or bool(words and self.shared_words(words, [label], name)[0])  # noqa: E731
        extra = np.array(unit_scores(sentences, aspects, question), dtype=np.float32)
        extra = extra + np.array(label_scores(sentences, aspects, named_by, question), dtype=np.float32)
        # they order, but make no answer of a sentence naming nothing the question names ("the filter's power?": not "Heizer 50 W")
        things = words - asking_words(question, aspects, sentences)
        naming = np.array(self.shared_words(things, sentences, name), dtype=np.float32) > 0 if things else np.ones(len(sentences), dtype=bool)
        lifted = scores + extra
        scores = np.where(~naming & (scores < ANSWER_SIMILARITY) & (lifted >= ANSWER_SIMILARITY), np.maximum(scores, ANSWER_SIMILARITY - 0.001), lifted)
        # "lined" ~ "Ungefüttert", "aufladen" ~ "via USB-C": the asked thing named, whatever the language
        named = [key for key in aspects if key in FEATURES or key == "charging"]
        if (words or named) and LEXICAL_BONUS:
            shared = self.shared_words(words, sentences, name)
            scores = scores + np.array([
                LEXICAL_BONUS * max(n, 2.0 if states_aspect(s, named) else 0.0) for s, n in zip(sentences, shared, strict=True)
            ])
        return scores.astype(np.float32)

    def clause_scores(self, question_vector: np.ndarray, sentences: list[str], aspects: list[str]) -> np.ndarray:
        """Per sentence, the similarity of its closest clause (between commas, semicolons or
        dashes) stating an asked kind; -1 for a sentence of one clause or none stating it."""
        out = np.full(len(sentences), -1.0, dtype=np.float32)
        for i, sentence in enumerate(sentences):
            clauses = [c.strip() for c in CLAUSE.split(sentence) if c.strip()]
            stating = [c for c in clauses if states_aspect(c, aspects)] if len(clauses) > 1 else []
            if stating:
                out[i] = float(np.max(self.cache.encode(self.embedder, stating) @ question_vector))
        return out

    def shared_words(self, question_words: set[str], sentences: list[str], name: str = "") -> list[float]:
        """How many of the question's words each sentence shares, up to `MAX_SHARED`: per word
        `shares_word`'s 2 (the same word of 7+ letters) or 1 (a short one, a compound, a near
        spelling), or for a word whose vector is near the question word's (`WORD_SIMILARITY`:
        another form of it or its twin in the other language) 2 when both are 5+ letters
        ("Druck" ~ "pressure"), else 1 ("Schuh" ~ "shoe").
        Words of the product's `name` in the sentence share nothing ("Bett" of a "Hochbett" is no
        "Etagenbett")."""
        asked = sorted(question_words)
        sentence_words = [sorted(content_words(s, exclude=name)) for s in sentences]
        vocabulary = sorted(set().union(*sentence_words)) if sentence_words else []
        if not asked or not vocabulary:
            return [0.0] * len(sentences)
        near = self.cache.encode(self.embedder, vocabulary) @ self.cache.encode(self.embedder, asked).T >= WORD_SIMILARITY
        row = {w: i for i, w in enumerate(vocabulary)}
        out = []
        for words in sentence_words:
            text = " ".join(words)
            total = sum(max(shares_word({word}, text), _twin(word, [w for w in words if near[row[w], j]])) for j, word in enumerate(asked))
            out.append(min(total, MAX_SHARED))
        return out

    def definitions(self, question: str, sentences: list[Sentence], name: str, aspects: list[str]) -> np.ndarray:
        """Which sentences are definitions answering the question: their label (`definition_label`)
        states every kind of fact asked (and names every asked feature) ("Was ist im Lieferumfang enthalten?": "In the box: …";
        "What's the sleeve length?": "Armlänge: 64 cm") — or, when none is asked, carries every
        word of the question — and shares each other word of the question that the text mentions
        ("How long is the cable?" is not answered by "Length: 120 cm" when a sentence names the cable)."""
        labels = [definition_label(s.text) for s in sentences]  # a table row's column labels are no label
        if not any(labels):
            return np.zeros(len(sentences), dtype=bool)
        texts = [s.ranked for s in sentences]
        words = content_words(question, exclude=name) - asking_words(question, aspects, texts)
        needed = words if not aspects else {w for w in words if any(self.shared_words({w}, texts, name))}
        out = []
        for label in labels:
            # "3 Jahre Garantie." states no runtime: a narrower kind not asked is left out (`without_narrower`)
            states_all = all(states_aspect(without_narrower(label, aspects), [key]) for key in aspects) if label is not None else False
            ok = label is not None and (bool(aspects) and states_all or not aspects and bool(words))
            out.append(ok and all(self.shared_words({w}, [label], name)[0] for w in needed))
        return np.array(out, dtype=bool)

    def sole_statement(self, question: str, aspects: list[str], sentences: list[str], name: str) -> np.ndarray:
        """Which sentence answers a question asking only for a kind of `SOLE_ANSWER_KINDS`: the one
        sentence of the text stating it (or of several, the one giving its figure; none when two or none do), when the question asks nothing
        else: besides the words asking for the kind, one word at most the sentence does not share,
        the one naming the product ("Where is the cat cave made?"; not "Ist der Diamant
        konfliktfrei und aus welchem Land stammt er?")."""
        kind = aspects[0] if len(aspects) == 1 and aspects[0] in SOLE_ANSWER_KINDS else None
        stating = np.array([kind is not None and states_aspect(s, aspects) for s in sentences], dtype=bool)
        figured = stating & np.array([kind is not None and states_figure(ASPECTS[kind][1], s) for s in sentences], dtype=bool)
        # a physical quantity by its figure ("20 mm stark", not "stark" said of anything); of two sentences
        # stating the kind, the one giving its figure ("Quick charger …" / "Charges … in approx. 45 minutes")
        if kind in QUANTITIES or kind in FOOD_FIGURES or (stating.sum() > 1 and figured.sum() == 1):
            stating = figured
        if stating.sum() != 1:
            return np.zeros(len(sentences), dtype=bool)
        sentence = sentences[int(np.argmax(stating))]
        words = sorted(content_words(question, exclude=name) - asking_words(question, aspects, [sentence]))
        shared = [self.shared_words({w}, [sentence], name)[0] for w in words]
        return stating if sum(1 for n in shared if not n) <= 1 else np.zeros(len(sentences), dtype=bool)

    def unknown_words(self, question_words: set[str], sentences: list[str], name: str = "") -> set[str]:
        """The question's words no sentence shares (`shared_words`): what the text never mentions.
        When at least half of a question's words are such ("Ist das Leder chromfrei gegerbt?",
        "Does the laptop sleeve have a USB charging port?"), no sentence answers it, only the
        closest (`answer`). Only the text in the question's language is searched for them:
        across the languages a word's twin is often missed ("Schaltet der Wasserkocher ab?" on
        "Switches off automatically"). A word asking for a kind of fact a sentence states
        ("heavy" and a weight) counts as known."""
        return {w for w in question_words if not any(self.shared_words({w}, sentences, name))}

    def answer(self, product: Product, question: str, lang: str, limit: int = 2, name: str | None = None, threshold: float | None = None) -> list[Answer]:
        """The sentences that answer the question, best first; empty when none is close enough.
        A second sentence is added only when it scores nearly as high as the first and states
        the kind of fact asked for, if the question asks for a known kind. `name` is what
        names the product in a question (default: its title; the caller may add its category)."""
        name = name or product.name(lang)
        sentences, scores, named, order = self.ordered(product, question, lang, name)
        aspects = asked_aspects(question, name)
        floor = self.threshold if threshold is None else threshold
        own = [s.ranked for s in sentences if s.lang == lang]  # a word missing is telling only in the question's language
        if detect_language(" ".join(own)) not in (lang, None):  # an English text in a German shop's field
            own = []
        if threshold is None and own and not named.any():
            words = content_words(question, exclude=name) - asking_words(question, aspects, own)
            unknown = self.unknown_words(words, own, name)
            if unknown and 2 * len(unknown) >= len(words):
                return []
        best = [Answer(sentences[i], capped(question, sentences[i].ranked, float(scores[i]), name)) for i in order[:limit]]
        best = [a for a in best if a.score >= floor]
        if not best:
            return []
        return [best[0]] + [
            a for a in best[1:]
            if a.score >= best[0].score - SECOND_MARGIN and (not aspects or states_aspect(a.sentence.ranked, aspects))
        ]  # fmt: skip

    def ordered(self, product: Product, question: str, lang: str, name: str) -> tuple[list[Sentence], np.ndarray, np.ndarray, list[int]]:
        """The product's sentences, their scores, which of them name all that is asked (scored at
        least `ANSWER_SIMILARITY`) and their order as answers, best first (`bench/sentence_ranking.py`)."""
        sentences = product_sentences(product, lang)
        scores = self.rank(question, [s.ranked for s in sentences], name)
        headers = {s.header for s in sentences if s.header}  # column labels alone answer nothing: their rows do
        scores = np.where([s.text in headers for s in sentences], -1.0, scores).astype(np.float32)
        aspects = asked_aspects(question, name)
        named = np.zeros(len(sentences), dtype=bool)
        if aspects and all(key in FEATURES for key in aspects):  # "is it lined?": the sentence naming the lining answers it
            named = np.array([names_features(s.ranked, aspects) for s in sentences], dtype=bool)
        is_header = np.array([s.text in headers for s in sentences], dtype=bool)
        named = named | (self.definitions(question, sentences, name, aspects) & ~is_header)  # "In the box: …" answers "Lieferumfang?"
        named = named | self.sole_statement(question, aspects, [s.ranked for s in sentences], name)  # "Where is it made?" -> "… in Bad Tölz"
        named = named | explaining(asked_letters(question), [s.ranked for s in sentences])  # "What does the CI mean?" -> "CI means …"
        if not set(aspects) - {"count"} and not named.any():  # "Unterstützt der Kopfhörer LDAC?" -> "Codecs: SBC, AAC, LDAC"
            named = sole_sharer(content_words(question, exclude=name), [s.ranked for s in sentences], shares_word)
        scores = np.where(named, np.maximum(scores, ANSWER_SIMILARITY), scores).astype(np.float32)
        order = sorted(range(len(sentences)), key=lambda i: (not named[i], -float(scores[i])))  # naming all of them first
        return sentences, scores, named, order
