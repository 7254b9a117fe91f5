"""Intent classifier: Rasa's logistic regression, blended with two votes of the nearest examples.

The regression weighs n-gram counts and the USE sentence vector. The first vote asks which
training examples mean the most nearly the same (cosine of USE vectors), the second which share
the most telling words (cosine of TF-IDF word vectors); the nearest examples vote for their
intent. They err on different messages: the regression on rare words ("pfiat di", "tach"), the
meaning vote on long product questions, the word vote where a message repeats the wording of
examples whose meaning the encoder blurs. In the same folds of the proxy in bench/README.md,
German / English F1 went 0.944 / 0.945 (regression) -> 0.950 / 0.948 (+ meaning vote) ->
0.956 / 0.955 (+ word vote).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

EXAMPLES_FILE = "nearest_examples.npz"


def sentence_vector(message: Message) -> np.ndarray | None:
    """The message's dense sentence feature (the USE vector), unit length; None without one."""
    dense = message.get_dense_features(TEXT)[1]
    if dense is None:
        return None
    vector = np.asarray(dense.features, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class BlendedIntentClassifier(LogisticRegressionClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "neighbours": 10,  # training examples that vote
            "neighbour_weight": 0.35,  # share of the meaning (USE) vote in the blended probabilities
            "word_neighbour_weight": 0.2,  # share of the word (TF-IDF) vote
            "sharpness": 10.0,  # a vote weighs exp(sharpness * cosine): the nearest count most
        }

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        shares = self.config["neighbour_weight"] + self.config["word_neighbour_weight"]
        if not 0 <= shares <= 1:
            raise ValueError(f"neighbour_weight + word_neighbour_weight must lie in [0, 1], not {shares}")
        # the training examples, row for row: unit sentence vectors, intents and texts
        self.examples = np.zeros((0, 0), dtype=np.float32)
        self.labels = np.zeros(0, dtype=object)
        self.texts = np.zeros(0, dtype=object)
        self.words: TfidfVectorizer | None = None
        self.word_vectors: csr_matrix | None = None

    def _fit_words(self) -> None:
        """TF-IDF word vectors of the training texts (refitted on load: deterministic, ~50 ms)."""
        if len(self.texts):
            self.words = TfidfVectorizer(sublinear_tf=True)
            self.word_vectors = self.words.fit_transform(list(self.texts))

    def train(self, training_data: TrainingData) -> Resource:
        pairs = [(e, sentence_vector(e)) for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        pairs = [(e, v) for e, v in pairs if v is not None]
        if pairs:
            self.examples = np.vstack([v for _, v in pairs])
            self.labels = np.array([e.get(INTENT) for e, _ in pairs], dtype=object)
            self.texts = np.array([e.get(TEXT) for e, _ in pairs], dtype=object)
            self._fit_words()
        return super().train(training_data)  # fits the regression and persists both

    def persist(self) -> None:
        super().persist()
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez(
                model_dir / EXAMPLES_FILE,
                examples=self.examples,
                labels=self.labels.astype(str),
                texts=self.texts.astype(str),
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> BlendedIntentClassifier:
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        try:
            with model_storage.read_from(resource) as model_dir:
                stored = np.load(model_dir / EXAMPLES_FILE)
                component.examples = stored["examples"]
                component.labels = stored["labels"].astype(object)
                if "texts" in stored:  # a model trained before the word vote has none: it abstains
                    component.texts = stored["texts"].astype(object)
                    component._fit_words()
        except (ValueError, FileNotFoundError):
            pass  # an untrained component: the regression alone (Rasa's own fallback)
        return component

    def _votes(self, similarities: np.ndarray, labels: np.ndarray) -> np.ndarray:
        """Per message (row of cosines to the examples labelled `labels`), the nearest examples'
        weighted votes over `self.clf.classes_`."""
        columns = {label: i for i, label in enumerate(self.clf.classes_)}
        k = min(self.config["neighbours"], len(labels))
        nearest = np.argpartition(-similarities, k - 1, axis=1)[:, :k]
        votes = np.zeros((len(similarities), len(columns)))
        for row, indices in enumerate(nearest):
            for i in indices:
                votes[row, columns[labels[i]]] += np.exp(self.config["sharpness"] * similarities[row, i])
        return votes / votes.sum(axis=1, keepdims=True)

    def process(self, messages: list[Message]) -> list[Message]:
        if not messages or not hasattr(self.clf, "classes_"):
            return messages
        regression = self.clf.predict_proba(self._create_X(messages))
        # each vote takes its share of the probabilities; where a message has no vote of a kind
        # (no sentence vector, or not one word the examples know) the regression keeps that share
        probabilities = regression.copy()
        vectors = [sentence_vector(m) for m in messages]
        with_vector = [i for i, v in enumerate(vectors) if v is not None]
        if len(self.examples) and with_vector:
            weight = self.config["neighbour_weight"]
            similarities = np.vstack([vectors[i] for i in with_vector]) @ self.examples.T
            probabilities[with_vector] += weight * (self._votes(similarities, self.labels) - regression[with_vector])
        if self.words is not None:
            weight = self.config["word_neighbour_weight"]
            queries = self.words.transform([m.get(TEXT) or "" for m in messages])
            known = np.flatnonzero(queries.getnnz(axis=1))
            if len(known) and weight > 0:
                similarities = (queries[known] @ self.word_vectors.T).toarray()
                probabilities[known] += weight * (self._votes(similarities, self.labels) - regression[known])
        for message, row in zip(messages, probabilities, strict=True):
            ranking = sorted(
                ({"name": name, "confidence": float(p)} for name, p in zip(self.clf.classes_, row, strict=True)),
                key=lambda entry: -entry["confidence"],
            )
            message.set("intent", ranking[0], add_to_output=True)
            length = self.config[RANKING_LENGTH]
            message.set("intent_ranking", ranking[:length] if length > 0 else ranking, add_to_output=True)
        return messages
