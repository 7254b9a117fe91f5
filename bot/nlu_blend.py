"""DIET's intent ranking blended with a logistic regression on the same sentence features.

DIET (no transformer layers) and a linear model see the same n-gram counts and USE vector but
make different mistakes; averaging their probabilities beats either alone in 3-fold
cross-validation (bench/README.md, NLU cross-validation). Placed after DIETClassifier: it
trains the regression, and at inference replaces `intent` / `intent_ranking` by the blend.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class IntentBlend(LogisticRegressionClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [DIETClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # weight of the regression; DIET gets the rest
        return {**LogisticRegressionClassifier.get_default_config(), "weight": 0.5}

    def process(self, messages: list[Message]) -> list[Message]:
        if not messages:
            return messages
        weight = float(self.config["weight"])
        probabilities = self.clf.predict_proba(self._create_X(messages))
        for message, row in zip(messages, probabilities, strict=True):
            diet = {r["name"]: r["confidence"] for r in message.get("intent_ranking") or []}
            blend = {name: weight * float(p) + (1 - weight) * diet.get(name, 0.0) for name, p in zip(self.clf.classes_, row, strict=True)}
            ranking = sorted(({"name": n, "confidence": c} for n, c in blend.items()), key=lambda r: -r["confidence"])
            message.set("intent", ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking[: self.config["ranking_length"]] if self.config["ranking_length"] > 0 else ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # the training examples keep their own intent labels
