"""Last NLU step: an empty or oversized message gets the intent `invalid_input`, whatever the
classifier guessed, so the bot says what was wrong instead of answering a guess."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

INVALID_INTENT = "invalid_input"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class InputGuard(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_chars": 1000}

    def __init__(self, config: dict[str, Any]) -> None:
        self.max_chars = int(config.get("max_chars", 1000))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputGuard:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.strip() and len(text) <= self.max_chars:
                continue
            intent = {INTENT_NAME_KEY: INVALID_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.data[INTENT] = intent
            message.data[INTENT_RANKING_KEY] = [intent]
        return messages
