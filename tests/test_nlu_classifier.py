"""The blended intent classifier: both votes of the nearest examples count, and it survives a reload."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu_classifier import BlendedIntentClassifier

rng = np.random.default_rng(0)


def message(word: int, meaning: np.ndarray, intent: str | None = None, text: str | None = None) -> Message:
    """A message whose n-gram counts say `word` and whose sentence vector says `meaning`
    (its text is `text`, by default the word itself)."""
    m = Message(data={TEXT: text or f"w{word}", **({"intent": intent} if intent else {})})
    m.add_features(Features(sp.coo_matrix(np.eye(2)[word][np.newaxis, :]), FEATURE_TYPE_SENTENCE, TEXT, "counts"))
    m.add_features(Features(meaning[np.newaxis, :], FEATURE_TYPE_SENTENCE, TEXT, "use"))
    return m


NEAR_A, NEAR_B = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])


def training_data() -> TrainingData:
    a = [message(0, NEAR_A + rng.normal(0, 0.05, 3), "ask_size") for _ in range(20)]
    b = [message(1, NEAR_B + rng.normal(0, 0.05, 3), "goodbye") for _ in range(20)]
    return TrainingData(a + b)


def classifier(
    tmp_path, weight: float, word_weight: float = 0.0
) -> tuple[BlendedIntentClassifier, LocalModelStorage, Resource, ExecutionContext]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("clf")
    context = ExecutionContext(GraphSchema({}), "test", node_name="clf")
    config = {
        **BlendedIntentClassifier.get_default_config(),
        "neighbour_weight": weight,
        "word_neighbour_weight": word_weight,
    }
    return BlendedIntentClassifier.create(config, storage, resource, context), storage, resource, context


@pytest.mark.parametrize(("weight", "expected"), [(0.0, "ask_size"), (1.0, "goodbye")])
def test_the_nearest_examples_vote(tmp_path, weight, expected):
    """Words of one intent, the meaning of another: the regression alone follows the words,
    the vote alone the meaning."""
    clf, *_ = classifier(tmp_path, weight)
    clf.train(training_data())
    mixed = clf.process([message(0, NEAR_B)])[0]
    assert mixed.get("intent")["name"] == expected
    ranking = mixed.get("intent_ranking")
    assert [r["name"] for r in ranking] == sorted(["ask_size", "goodbye"], key=lambda n: n != expected)
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6


@pytest.mark.parametrize(("word_weight", "expected"), [(0.0, "ask_size"), (1.0, "goodbye")])
def test_the_examples_sharing_words_vote(tmp_path, word_weight, expected):
    """Counts and meaning of one intent, the text of the other's examples: only the word vote
    follows the text."""
    clf, *_ = classifier(tmp_path, 0.0, word_weight)
    clf.train(training_data())
    assert clf.process([message(0, NEAR_A, text="w1")])[0].get("intent")["name"] == expected


def test_a_message_without_known_words_keeps_the_other_opinions(tmp_path):
    """With all cosines zero the "nearest" examples would be arbitrary ones: the word vote
    abstains, and the ranking is the one without a word vote."""
    data = training_data()
    probe = message(1, NEAR_B, text="zzz")
    rankings = []
    for word_weight in (0.0, 1.0):
        folder = tmp_path / f"words-{word_weight}"
        folder.mkdir()
        clf, *_ = classifier(folder, 0.0, word_weight)
        clf.train(data)
        rankings.append(clf.process([probe])[0].get("intent_ranking"))
    assert [r["name"] for r in rankings[1]] == [r["name"] for r in rankings[0]]
    assert np.allclose([r["confidence"] for r in rankings[1]], [r["confidence"] for r in rankings[0]])


def test_shares_above_one_are_refused(tmp_path):
    with pytest.raises(ValueError, match="must lie in"):
        classifier(tmp_path, 0.9, 0.2)


def test_a_reloaded_classifier_answers_the_same(tmp_path):
    clf, storage, resource, context = classifier(tmp_path, 0.5, 0.3)
    clf.train(training_data())
    loaded = BlendedIntentClassifier.load(clf.config, storage, resource, context)
    assert len(loaded.examples) == 40 and len(loaded.texts) == 40
    for probe in (message(0, NEAR_B), message(1, NEAR_A), message(0, NEAR_A), message(0, NEAR_A, text="w1")):
        before = clf.process([probe])[0].get("intent_ranking")
        after = loaded.process([probe])[0].get("intent_ranking")
        assert [r["name"] for r in before] == [r["name"] for r in after]
        assert np.allclose([r["confidence"] for r in before], [r["confidence"] for r in after])
