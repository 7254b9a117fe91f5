"""A product's own text as the sentences `catalog.passages` ranks: each with its field, its
language, a table row's column labels and the items a lead-in line lists. Split out of
`catalog.passages`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.sentences import listed_after, split_sentences, table_headers

# Sentences from a product's fields, in this order (the title is the product's name: it
# answers nothing a description sentence does not say better).
FIELDS = ("description", "fit_notes", "materials", "care")
# a figure joined to its unit by a hyphen, as in a compound ("110-dB-Alarm", "40-mm-Treiber", "a 120-dB siren"):
# the kinds of fact read "110 dB", so the hyphen after the figure goes when ranked
_JOINED_UNIT = re.compile(r"(\d)-(?=(?:db|mm|cm|m|km|kg|g|l|ml|w|kw|v|ah|mah|wh|h|nm|bar|lm|k|pa|zoll|inch)(?![^\W\d_]))", re.I)


@dataclass(frozen=True)
class Sentence:
    text: str
    field: str  # the product field it comes from
    lang: str  # the language of that field's text
    header: str = ""  # a table row's header line (`catalog.sentences.table_headers`)
    items: str = ""  # the list a line ending in a colon introduces (`catalog.sentences.listed_after`)

    @property
    def ranked(self) -> str:
        """What is scored: a table row with its column labels, a list's lead-in with its items;
        a figure joined to its unit in a compound ("110-dB-Alarm") as the figure and its unit."""
        text = f"{self.header}: {self.text}" if self.header else f"{self.text} {self.items}" if self.items else self.text
        return _JOINED_UNIT.sub(r"\1 ", text)

    @property
    def quoted(self) -> str:
        """What is quoted: a table row after its header, a list's lead-in with its items."""
        return f"{self.header} … {self.text}" if self.header else f"{self.text} {self.items}" if self.items else self.text


@dataclass(frozen=True)
class Answer:
    sentence: Sentence
    score: float


def product_sentences(product: Product, lang: str) -> list[Sentence]:
    """The product's sentences in the shopper's language where the merchant wrote it, else in
    the other one (each field once: a bilingual description is not searched twice)."""
    seen: set[str] = set()
    out: list[Sentence] = []
    for field in FIELDS:
        value = getattr(product, field, None) or {}
        field_lang = lang if lang in value else next(iter(value), lang)
        texts = split_sentences(value.get(field_lang, "")) if value else []
        headers = table_headers(texts)
        for i, text in enumerate(texts):
            if text not in seen:
                seen.add(text)
                out.append(Sentence(text, field, field_lang, headers.get(i, ""), "; ".join(listed_after(texts, i))))
    return out
