"""Pull the hard constraints out of a shopper's message: price range, colours, size, category.

What is left is embedded for the semantic search. Regexes and word lists only (no Duckling).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from catalog.lexicon import find_colors
from catalog.store import Category

_NUM = r"(\d+(?:[.,]\d{1,2})?)"
_CUR = r"\s*(?:€|eur|euro|euros)?"
# a number followed by a unit is not a price ("bis 25 kg", "over 40 m²")
_UNIT = r"(?!\d)(?!\s*(?:kg|g|l|ml|m|cm|mm|m²|m2|qm|w|h|std|stunden|hours|mah|gb|tb|%|grad|°|degrees?|celsius|tage|days|personen|people|liter|litre|liters|lumen|lm|db|mg|iu|ie|jahre|years|zoll|inch)(?![a-zäöüß]))"
_MAX = re.compile(
    rf"(?:unter|bis(?: zu)?|max(?:imal)?\.?|höchstens|hoechstens|weniger als|nicht mehr als|günstiger als|billiger als|"
    rf"under|below|up to|less than|no more than|at most|cheaper than|max\.?|<)\s*{_NUM}{_UNIT}{_CUR}{_UNIT}",
    re.I,
)
_MIN = re.compile(
    rf"(?:über|ueber|ab|mindestens|mehr als|over|above|more than|at least|from|>)\s*{_NUM}{_UNIT}{_CUR}{_UNIT}",
    re.I,
)
_BETWEEN = re.compile(rf"(?:zwischen|between)\s*{_NUM}{_CUR}\s*(?:und|and|-|–)\s*{_NUM}{_CUR}", re.I)
_RANGE = re.compile(rf"{_NUM}\s*(?:-|–|bis|to)\s*{_NUM}\s*(?:€|eur|euro)", re.I)
_PRICE_ONLY = re.compile(rf"(?:für|for|um|around|ca\.?|about)?\s*{_NUM}\s*(?:€|eur|euro)\b", re.I)

_LETTER = r"(?:xxs|xs|s|m|l|xl|xxl|xxxl|2xl|3xl)"
_SIZE = re.compile(
    rf"(?:\b(?:größe|groesse|grösse|gr\.|size|in|sz\.?)\s*(?:eu\s*)?(?P<num>\d{{2}}(?:[.,]5)?)\b"
    rf"|\b(?:(?:größe|groesse|grösse|size|in)\s+|gr\.\s*)(?P<letter>{_LETTER})\b"  # not "sizes", "ins"
    rf"|\b(?P<bare>\d{{2}}(?:[.,]5)?)\s*(?:eu)?\b(?!\s*(?:€|eur|euro|%|m²|m2|qm|grad|°|degree|celsius|tage|days|gb|l\b|liter|w\b|mg|kg|g\b|cm|mm)))",
    re.I,
)
_FOREIGN_SIZE = re.compile(r"\b(uk|us)\s*(\d{1,2}(?:[.,]5)?)\b", re.I)


# Qualities a shopper asks for ("leicht", "warm", "light", "small", "für Kinder"): they say how a product
# should be, not what it is, so a product is never found because its name shares one ("Featherlight
# Down Vest", "Sunrise Wake-Up Light", "Leichter Campingstuhl"); the embedding weighs them.
# German stems take the usual adjective endings (leicht, leichte, leichter, leichten …).
_QUALITY_STEMS_DE = """leicht schwer warm kalt klein groß gross lang kurz weich hart dünn dick breit schmal hell dunkel
    stark leise laut schnell günstig billig teuer gut neu alt praktisch bequem robust stabil kompakt wasserdicht
    wasserfest atmungsaktiv modern klassisch schön hübsch einfach sicher flach hoch niedrig tief eng weit
    ultraleicht superleicht federleicht extra""".split()
_QUALITY_EN = """light lightweight heavy warm warmer warmest cold cool small smaller large larger big bigger long short
    soft hard thin thick wide narrow bright dark strong quiet loud fast quick cheap cheaper cheapest expensive good
    better best new old practical comfortable comfy sturdy robust stable compact waterproof water-resistant
    breathable modern classic nice pretty beautiful simple safe flat high low deep tight loose ultralight
    featherlight extra great little cordless wireless""".split()
# who or when a product is for says how it should be, not what it is ("Kinderroller" is no puzzle)
_FOR_WHOM = """kinder kind kids kid children child baby babys damen herren frauen männer women men womens mens
    jungen mädchen boys girls kabellos kabellose kabellosen""".split()
_DE_ENDINGS = ("", "e", "en", "er", "es", "em", "ere", "eren", "erer", "ste", "sten")
# Seasons help tell products apart ("Sommerschlafsack") but never name one ("winter tyres" is no
# "Winter Spice Black Tea").
SEASON_WORDS = frozenset("winter sommer summer frühling frühjahr spring herbst autumn fall".split())
QUALITY_WORDS = frozenset([s + e for s in _QUALITY_STEMS_DE for e in _DE_ENDINGS] + _QUALITY_EN + _FOR_WHOM)


@dataclass(frozen=True)
class Query:
    text: str
    semantic_text: str
    min_price: float | None = None
    max_price: float | None = None
    colors: tuple[str, ...] = ()
    size: str | None = None
    foreign_size: tuple[str, str] | None = None  # ("uk", "9")
    category: str | None = None
    extras: dict = field(default_factory=dict)

    @property
    def has_filters(self) -> bool:
        return any(
            (self.min_price is not None, self.max_price is not None, self.colors, self.size, self.category)
        )

    def merged_into(self, previous: Query) -> Query:
        """A follow-up ("and in black?") keeps what it does not change from the previous query."""
        return replace(
            previous,
            text=f"{previous.text} / {self.text}",
            min_price=self.min_price if self.min_price is not None else previous.min_price,
            max_price=self.max_price if self.max_price is not None else previous.max_price,
            colors=self.colors or previous.colors,
            size=self.size or previous.size,
            foreign_size=self.foreign_size or previous.foreign_size,
            category=self.category or previous.category,
        )


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def find_size(text: str) -> str | None:
    """An EU size ('44', '42.5') or a letter size ('M') named in the text."""
    cleaned = _FOREIGN_SIZE.sub(" ", text)
    for match in _SIZE.finditer(cleaned):
        value = match.group("num") or match.group("letter") or match.group("bare")
        if value:
            if match.group("bare") and not (30 <= _num(value) <= 52):
                continue
            return value.upper().replace(",", ".") if match.group("letter") else value.replace(",", ".")
    return None


def find_category(text: str, categories: dict[str, Category]) -> str | None:
    words = re.findall(r"[a-zäöüß0-9-]+", text.lower())
    lowered = " " + " ".join(words) + " "
    best: tuple[int, str] | None = None
    for key, cat in categories.items():
        for name in {key, cat.de.lower(), cat.en.lower(), *(s.lower() for s in cat.synonyms)}:
            if f" {name} " in lowered and (best is None or len(name) > best[0]):
                best = (len(name), key)
    return best[1] if best else None


def parse_query(text: str, categories: dict[str, Category] | None = None) -> Query:
    semantic = text
    min_price = max_price = None
    if m := _BETWEEN.search(text) or _RANGE.search(text):
        min_price, max_price = sorted((_num(m.group(1)), _num(m.group(2))))
        semantic = semantic.replace(m.group(0), " ")
    else:
        if m := _MAX.search(text):
            max_price = _num(m.group(1))
            semantic = semantic.replace(m.group(0), " ")
        if m := _MIN.search(semantic):
            min_price = _num(m.group(1))
            semantic = semantic.replace(m.group(0), " ")
        if min_price is None and max_price is None and (m := _PRICE_ONLY.search(semantic)):
            max_price = _num(m.group(1)) * 1.1  # "a jacket for 100 €": around that price
            semantic = semantic.replace(m.group(0), " ")
    foreign = None
    if m := _FOREIGN_SIZE.search(text):
        foreign = (m.group(1).lower(), m.group(2).replace(",", "."))
    size = find_size(semantic)
    return Query(
        text=text,
        semantic_text=re.sub(r"\s+", " ", semantic).strip() or text,
        min_price=min_price,
        max_price=max_price,
        colors=tuple(find_colors(text)),
        size=size,
        foreign_size=foreign,
        category=find_category(text, categories) if categories else None,
    )
