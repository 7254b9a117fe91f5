"""What every catalog format shares: the import result and its report, row errors with file, row
and reason, CSV reading as real exports come (BOM, `;` or `,`), numbers with comma decimals,
HTML to text, and the mapping of a shop's product types onto the categories of `store.yml`."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from catalog.embedder import Embedder
from catalog.models import Product
from catalog.store import Category

# An unknown product type means a store category when the mean of its three best cosines
# (multilingual USE) with the category's names and shopper words reaches this. On 33 generic
# types against the demo store's categories: 13 of 18 that belong to one were placed right
# ("Trail Running Shoes" 0.77, "Kaffeemühle" 0.71, "Katzenspielzeug" 0.62), none of the 15 that
# belong to none ("Ohrringe" 0.59, "Books" 0.53); a miss only makes a category of its own.
CATEGORY_MATCH = 0.60
EmbedderSource = Embedder | Callable[[], Embedder] | None


@dataclass
class RowError:
    file: str
    row: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}: {self.reason}"


@dataclass
class ImportResult:
    products: list[Product] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    product_rows: dict[str, int] = field(default_factory=dict)  # product id -> first row
    format: str = ""  # jsonl, shopify, woocommerce
    # how each product type of the file was placed: type -> "category key (how)"
    category_mapping: dict[str, str] = field(default_factory=dict)
    new_categories: dict[str, Category] = field(default_factory=dict)  # made from types no category matched

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.products)

    @property
    def hidden(self) -> list[str]:
        """Products imported for the merchant but not shown to shoppers (draft, archived, unpublished)."""
        return [p.id for p in self.products if not p.shown]


def check_duplicates(result: ImportResult, name: str, rows: list[int]) -> None:
    seen_ids: dict[str, int] = {}
    seen_skus: dict[str, str] = {}
    for product, row in zip(result.products, rows, strict=True):
        result.product_rows.setdefault(product.id, row)
        if product.id in seen_ids:
            result.errors.append(
                RowError(name, row, f"duplicate product id {product.id!r} (first in row {seen_ids[product.id]})")
            )
        seen_ids.setdefault(product.id, row)
        for v in product.variants:
            if v.sku in seen_skus and seen_skus[v.sku] != product.id:
                result.errors.append(RowError(name, row, f"SKU {v.sku!r} is also used by {seen_skus[v.sku]!r}"))
            seen_skus.setdefault(v.sku, product.id)


# --- text and numbers -------------------------------------------------------------


_BLOCKS = ("p", "br", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "table", "dt", "dd")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")


def html_to_text(html: str) -> str:
    """Plain text of an HTML description. Block elements (paragraphs, list items, table rows)
    stay on lines of their own, so a bullet list is not read as one long sentence."""
    parser = _TextExtractor()
    parser.feed(html or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


_MONEY = re.compile(r"^-?\d{1,3}([.,' ]\d{3})*([.,]\d+)?$|^-?\d+([.,]\d+)?$")


def parse_number(text: str) -> float:
    """'129.95', '129,95', '1.299,00', '1,299.00', '€ 12,50' -> float; ValueError otherwise."""
    value = re.sub(r"[€$£\s]|EUR|CHF|USD", "", text.strip())
    if not _MONEY.match(value):
        raise ValueError(text)
    if "," in value and "." in value:  # the later one is the decimal mark
        value = value.replace(".", "").replace(",", ".") if value.rfind(",") > value.rfind(".") else value.replace(",", "")
    elif "," in value:
        head, _, tail = value.rpartition(",")
        value = value.replace(",", "") if len(tail) == 3 and value.count(",") > 1 else head.replace(",", "") + "." + tail
    value = value.replace("'", "")
    return float(value)


def parse_stock(text: str) -> int | None:
    """Stock count; empty means not tracked (None). ValueError for words."""
    text = text.strip()
    if not text:
        return None
    return int(parse_number(text))


def slug(text: str) -> str:
    """A name as an id: lower case, umlauts spelt out, every other letter or digit by its plain
    form ("Waffelpiqué" -> "waffelpique", "600 g/m²" -> "600-g-m2", "Ø 28" -> "o-28")."""
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:100]


# --- CSV ------------------------------------------------------------------------------


def read_header(path: Path) -> list[str]:
    """The column names of a CSV file (its first line only)."""
    with path.open("rb") as fh:
        first = fh.readline(1 << 20)
    text = first.decode("utf-8-sig", errors="replace")
    delimiter = max((",", ";", "\t"), key=text.count)
    return [h.strip() for h in next(csv.reader([text], delimiter=delimiter), [])]


def open_csv(path: Path) -> tuple[list[str], Iterator[dict[str, str]]]:
    """(header, rows) of a CSV export: UTF-8 with or without BOM (else Windows-1252), `,` `;` or
    tab separated as the header line shows."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    return header, ({k: (v or "") for k, v in row.items() if k is not None} for row in reader)


# --- categories ---------------------------------------------------------------------------


_PHRASES: dict[tuple[str, str], np.ndarray] = {}  # (model, category word) -> vector, across imports


def _phrase_vectors(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Vectors of the categories' names and words; a server's next import embeds only new words."""
    missing = list(dict.fromkeys(t for t in texts if (embedder.name, t) not in _PHRASES))
    if missing:
        if len(_PHRASES) > 20_000:
            _PHRASES.clear()
        _PHRASES.update(((embedder.name, t), v) for t, v in zip(missing, embedder.encode(missing), strict=True))
    return np.stack([_PHRASES[(embedder.name, t)] for t in texts])


class CategoryMapper:
    """Places a product type (or category path, or tags) in one of the store's categories: by
    name or shopper word first, then by meaning (cosine with the category's names and words),
    else as a new category named after the type. Remembers every decision for the report."""

    def __init__(self, categories: dict[str, Category] | None, embedder: EmbedderSource = None,
                 threshold: float = CATEGORY_MATCH):  # fmt: skip
        self.categories = categories
        self._embedder = embedder
        self.threshold = threshold
        self.mapping: dict[str, str] = {}
        self.new: dict[str, Category] = {}
        self._decided: dict[str, str] = {}
        self._vectors: tuple[np.ndarray, list[str]] | None = None
        self._words = {} if categories is None else {
            w.lower(): key for key, c in categories.items() for w in (key, c.de, c.en, *c.synonyms)
        }  # fmt: skip

    def embedder(self) -> Embedder:
        if self._embedder is None:
            import os

            from catalog.embedder import DEFAULT_EMBEDDER, get_embedder

            self._embedder = get_embedder(os.environ.get("SHOPBOT_EMBEDDER", DEFAULT_EMBEDDER))
        elif not hasattr(self._embedder, "encode"):
            self._embedder = self._embedder()
        return self._embedder

    def category_for(self, product_type: str, path: str = "", tags: list[str] | tuple[str, ...] = ()) -> str:
        """The category key for a product of this type / category path ("A > B > C") / tags."""
        product_type = product_type.strip()
        leaves = [p.strip() for p in re.split(r"\s*>\s*|\s*,\s*|\s*\|\s*", path) if p.strip()][::-1]
        named = [c for c in (product_type, *leaves) if c]
        label = named[0] if named else (tags[0] if tags else "")
        decided_key = "\n".join([*named, *tags]).lower()
        if decided_key in self._decided:
            return self._decided[decided_key]
        key = self._decide(named, list(tags), label)
        self._decided[decided_key] = key
        return key

    def _decide(self, named: list[str], tags: list[str], label: str) -> str:
        if self.categories is None:
            return slug(label) or "other"
        key = self._by_word(named)
        if key:
            return key
        for candidate in named:  # the type's meaning before any tag's word
            key, score = self._nearest(candidate)
            if score >= self.threshold:
                self.mapping[candidate] = f"{key} (by meaning, {score:.2f})"
                return key
        key = self._by_word(tags)
        if key:
            return key
        if not label:
            label = "Other"
        key = slug(label) or "other"
        if key not in self.categories:
            self.new.setdefault(key, Category(de=label, en=label, synonyms=[label.lower()]))
        self.mapping[label] = f"{key} (new category)"
        return key

    def _by_word(self, candidates: list[str]) -> str | None:
        assert self.categories is not None
        for candidate in candidates:
            key = self._words.get(candidate.lower())
            if key:
                if candidate.lower() not in (key, self.categories[key].de.lower(), self.categories[key].en.lower()):
                    self.mapping.setdefault(candidate, f"{key} (shopper word)")
                return key
        return None

    def _nearest(self, text: str) -> tuple[str, float]:
        assert self.categories is not None
        embedder = self.embedder()
        if self._vectors is None:
            keys, texts = [], []
            for key, c in self.categories.items():
                for phrase in dict.fromkeys((c.de, c.en, *c.synonyms)):
                    keys.append(key)
                    texts.append(phrase)
            self._vectors = (_phrase_vectors(embedder, texts), keys)
        matrix, keys = self._vectors
        scores = matrix @ embedder.encode([text])[0]
        by_category: dict[str, list[float]] = {}
        for key, score in zip(keys, scores.tolist(), strict=True):
            by_category.setdefault(key, []).append(score)
        ranked = {key: float(np.mean(sorted(values, reverse=True)[:3])) for key, values in by_category.items()}
        best = max(ranked, key=ranked.__getitem__)
        return best, ranked[best]
