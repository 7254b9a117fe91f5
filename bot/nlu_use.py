"""Dense NLU features from the same multilingual encoder the catalog uses (USE v3).

Sentence feature: the embedding of the whole message. Sequence features: the embedding of
each token (cached, since chat vocabulary repeats). German and English share one space, so
an intent learnt from German examples also carries to English phrasing and back.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS, TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from catalog.embedder import UseEmbedder


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class UseFeaturizer(DenseFeaturizer, GraphComponent):
    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # sequence features (one vector per token) cost training time; sentence alone is cheap.
        # `scale` multiplies the unit-length vectors: at 1.0 they are tiny next to the sparse
        # n-gram counts and DIET hardly uses them (bench/README.md, NLU cross-validation).
        return {**DenseFeaturizer.get_default_config(), "sequence": False, "scale": 1.0}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._encoder = UseEmbedder()
        self._token_cache: dict[str, np.ndarray] = {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> UseFeaturizer:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        pass

    def _token_vectors(self, tokens: list[str]) -> np.ndarray:
        missing = list({t for t in tokens if t not in self._token_cache})
        for start in range(0, len(missing), 256):
            chunk = missing[start : start + 256]
            self._token_cache.update(zip(chunk, self._encoder.encode(chunk) * self._config["scale"], strict=True))
        return np.stack([self._token_cache[t] for t in tokens])

    def _featurize(self, messages: list[Message]) -> None:
        todo = [m for m in messages if m.get(TEXT) and m.get(TOKENS_NAMES[TEXT])]
        for start in range(0, len(todo), 256):
            batch = todo[start : start + 256]
            sentences = self._encoder.encode([m.get(TEXT) for m in batch]) * self._config["scale"]
            for message, sentence in zip(batch, sentences, strict=True):
                alias = self._config[FEATURIZER_CLASS_ALIAS]
                if self._config["sequence"]:
                    tokens = [t.text.lower() for t in message.get(TOKENS_NAMES[TEXT])]
                    message.add_features(Features(self._token_vectors(tokens), FEATURE_TYPE_SEQUENCE, TEXT, alias))
                message.add_features(Features(sentence[np.newaxis, :], FEATURE_TYPE_SENTENCE, TEXT, alias))

    def process(self, messages: list[Message]) -> list[Message]:
        self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples)
        return training_data
