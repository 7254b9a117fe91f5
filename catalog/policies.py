"""Store policy texts (`policies/<topic>.<lang>.md`) split into passages and searched by meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from catalog.embedder import Embedder

_FILE = re.compile(r"^(?P<topic>[a-z0-9_-]+)\.(?P<lang>de|en)\.md$")


@dataclass(frozen=True)
class Passage:
    topic: str
    lang: str
    heading: str
    text: str

    @property
    def ref(self) -> str:
        return f"{self.topic}.{self.lang}#{self.heading}"


def read_passages(folder: Path) -> list[Passage]:
    passages: list[Passage] = []
    for path in sorted(folder.glob("*.md")):
        match = _FILE.match(path.name)
        if not match:
            continue
        heading, lines = "", []
        for line in [*path.read_text(encoding="utf-8").splitlines(), "## "]:
            if line.startswith("## ") or line.startswith("# "):
                body = " ".join(t.strip() for t in lines if t.strip())
                if body:
                    passages.append(Passage(match["topic"], match["lang"], heading, body))
                heading, lines = line.lstrip("# ").strip(), []
            else:
                lines.append(line)
    return passages


class PolicyIndex:
    def __init__(self, passages: list[Passage], embedder: Embedder):
        self.passages = passages
        self.embedder = embedder
        texts = [f"{p.heading}. {p.text}" for p in passages]
        self.vectors = embedder.encode(texts) if texts else np.zeros((0, embedder.dim), np.float32)

    def search(self, question: str, lang: str, k: int = 2, vector: np.ndarray | None = None) -> list[tuple[Passage, float]]:
        """Best passages in the shopper's language (passages in the other language only if none)."""
        if not self.passages:
            return []
        vector = self.embedder.encode([question])[0] if vector is None else vector
        scores = self.vectors @ vector
        langs = np.array([p.lang == lang for p in self.passages])
        if langs.any():
            scores = np.where(langs, scores, -1.0)
        order = np.argsort(-scores)[:k]
        return [(self.passages[i], float(scores[i])) for i in order if scores[i] > -1.0]
