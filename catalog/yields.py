"""What one unit of a product covers, as the merchant states it, in German and English: "Ergiebigkeit:
ca. 8 m²/l", "ergibt ca. 40 Tassen pro 100 g", "1,5 l reichen für 30 Waschladungen", "Aussaatmenge:
25 g/m²", "Each bottle is enough for 40 washes", "Serves 6", a feeding table (g per day by body
weight) — and the amount each version holds ("0,75 l", "12 kg", "60 capsules"). Read by
`actions.need_answer` to say which version covers a shopper's need."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.models import Product
from catalog.number_words import NUMBER_WORDS

NUM = r"\d+(?:[.,]\d+)?"
_APPROX = (
    r"(?:ca\.|circa|etwa|rund|ungefähr|approx\.?|approximately|about|around|roughly|bis zu|up to)"
)

# a product's own quantity, to its base unit: litres, grams, pieces, packs
_UNITS: dict[str, tuple[str, float]] = {
    "ml": ("l", 0.001), "cl": ("l", 0.01), "l": ("l", 1.0), "ltr": ("l", 1.0), "liter": ("l", 1.0), "litre": ("l", 1.0),
    "litres": ("l", 1.0), "liters": ("l", 1.0), "g": ("g", 1.0), "gramm": ("g", 1.0), "grams": ("g", 1.0), "kg": ("g", 1000.0),
    "kapsel": ("piece", 1.0), "kapseln": ("piece", 1.0), "capsule": ("piece", 1.0), "capsules": ("piece", 1.0),
    "tablette": ("piece", 1.0), "tabletten": ("piece", 1.0), "tablet": ("piece", 1.0), "tablets": ("piece", 1.0),
    "tabs": ("piece", 1.0), "stück": ("piece", 1.0), "stk": ("piece", 1.0), "pcs": ("piece", 1.0), "pieces": ("piece", 1.0),
    "pads": ("piece", 1.0), "beutel": ("piece", 1.0), "sachets": ("piece", 1.0), "teebeutel": ("piece", 1.0),
    "tea bags": ("piece", 1.0), "bottle": ("pack", 1.0), "bottles": ("pack", 1.0), "flasche": ("pack", 1.0),
    "flaschen": ("pack", 1.0), "packs": ("pack", 1.0), "packungen": ("pack", 1.0), "dosen": ("pack", 1.0), "tins": ("pack", 1.0),
}  # fmt: skip
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_LITRE_WORD = r"(?:l|liter|litre|ltr)"

# what a unit covers, by the word the shop uses for it: the need it is counted in
NEEDS: dict[str, str] = {
    "m²": "area", "m2": "area", "qm": "area", "quadratmeter": "area", "square metres": "area", "square meters": "area", "sq m": "area",
    "tasse": "cups", "tassen": "cups", "cup": "cups", "cups": "cups", "kanne": "pots", "kannen": "pots",
    "waschladung": "washes", "waschladungen": "washes", "wl": "washes", "wäschen": "washes", "waschgänge": "washes",
    "wash": "washes", "washes": "washes", "loads": "washes", "load": "washes", "spülgänge": "washes", "anwendungen": "uses",
    "uses": "uses", "applications": "uses", "portion": "portions", "portionen": "portions", "portions": "portions",
    "serving": "portions", "servings": "portions", "personen": "portions", "people": "portions", "persons": "portions",
    "bäder": "baths", "vollbäder": "baths", "baths": "baths", "liter wasser": "water", "litres of water": "water",
}  # fmt: skip
_NEED = "|".join(sorted((re.escape(n) for n in NEEDS), key=len, reverse=True))
_PER = r"(?:pro|je|per|/|für|for|from|aus|a|an|each)"

# "8 m²/l", "ca. 20 m² pro Liter", "ergibt ca. 40 Tassen pro 100 g", "12 m² per litre per coat"
_COVER_PER = re.compile(
    rf"(?<![\w.,])({NUM})\s*({_NEED})(?![\w²])\s*{_PER}\s*(?:({NUM})\s*)?(?:(?:einen|einem|a|one)\s+)?({_UNIT})(?!\w)",
    re.I,
)
# "1,5 l reichen für 30 Waschladungen", "1 kg treats approx. 33 m²", "500 g … reicht für ca. 8 Vollbäder"
_QUANTITY_COVERS = re.compile(
    rf"(?<![\w.,])({NUM})\s*({_UNIT})(?!\w)[^.;\n]{{0,25}}?\b(?:reicht|reichen|ergibt|ergeben|genügt|genügen|treats|covers|makes|is enough|are enough|for)"
    rf"\s+(?:für\s+|for\s+)?(?:{_APPROX}\s*)?({NUM})\s*({_NEED})(?![\w²])", re.I)  # fmt: skip
# "Aussaatmenge: 25 g/m²", "Apply 30 g per m²", "Use about 7 g of coffee per cup"
_USE_PER = re.compile(
    rf"(?<![\w.,])({NUM})\s*({_UNIT})(?!\w)(?:\s+[^\W\d]+){{0,3}}?\s*(?:pro|je|per|/|for each|für jede[n]?)\s*(?:1\s*)?({_NEED})(?![\w²])",
    re.I,
)
# "Inhalt reicht für 4 Portionen", "Each bottle is enough for 40 washes", "für 30 Waschladungen", "Serves 6"
_PACK_COVERS = re.compile(
    rf"(?:\b(?:reicht|reichen|ergibt|ergiebig|enough|lasts?|makes|für|for|good for)\s+(?:für\s+|for\s+|bis zu\s+|up to\s+)?(?:{_APPROX}\s*)?({NUM})\s*({_NEED})(?![\w²]))"
    rf"|(?:\bserves\s+({NUM}))", re.I)  # fmt: skip
_PER_COAT = re.compile(
    r"pro anstrich|je anstrich|per coat|bei einem anstrich|one coat|einem anstrich", re.I
)
_TABLE_HEAD = re.compile(
    r"(?:pro tag|per day|täglich|daily|tagesration|daily amount|futtermenge|feeding)", re.I
)
_ROW = re.compile(rf"({NUM})\s*kg\s*[:=–-]?\s*({NUM})(?:\s*[-–]\s*({NUM}))?\s*g\b", re.I)


@dataclass(frozen=True)
class Rate:
    """`amount` of `need` (in the shop's word `word`) per `per` base units (`unit`) of product;
    `use`: the text states the use per need ("25 g/m²"), not the cover per unit."""

    need: str
    word: str
    amount: float
    per: float
    unit: str
    sentence: str
    approx: bool
    use: bool = False
    per_coat: bool = False

    @property
    def per_unit(self) -> float:
        """Need covered per one base unit of product."""
        return self.amount / self.per


@dataclass(frozen=True)
class Feeding:
    """A feeding table: (body weight kg, grams per day) rows, from the lines it is read from."""

    rows: tuple[tuple[float, float], ...]
    sentence: str

    def grams(self, weight: float) -> float | None:
        """Grams per day for a body weight, between two rows on the straight line; None outside."""
        rows = sorted(self.rows)
        for (w1, g1), (w2, g2) in zip(rows, rows[1:], strict=False):
            if w1 <= weight <= w2:
                return g1 + (g2 - g1) * (weight - w1) / (w2 - w1) if w2 > w1 else g1
        return rows[0][1] if rows and weight == rows[0][0] else None


def number(text: str) -> float:
    return (
        float(text.replace(".", "").replace(",", "."))
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text)
        else float(text.replace(",", "."))
    )


def quantity(text: str) -> tuple[float, str] | None:
    """An amount in a base unit: "0,75 l" -> (0.75, "l"), "12 kg" -> (12000, "g"), "60 Kapseln" ->
    (60, "piece"), "2 bottles" -> (2, "pack"); "1 Liter" as a word too ("ein Liter")."""
    m = re.search(rf"(?<![\w.,])({NUM}|{'|'.join(NUMBER_WORDS)})[\s-]*({_UNIT})(?!\w)", text, re.I)
    if not m:
        return None
    unit, factor = _UNITS[m.group(2).lower()]
    value = NUMBER_WORDS.get(m.group(1).lower()) or number(m.group(1))
    return value * factor, unit


def _unit(word: str) -> tuple[str, float]:
    return _UNITS[word.lower()]


def _sentences(product: Product, lang: str) -> list[str]:
    value = product.description or {}
    text = value.get(lang) or next(iter(value.values()), "")
    return [
        s.strip()
        for line in text.split("\n")
        for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", line)
        if s.strip()
    ]


def rates(product: Product, lang: str) -> list[Rate]:
    """Every yield the product's text states, in the order written."""
    out: list[Rate] = []
    for sentence in _sentences(product, lang):
        approx = bool(re.search(_APPROX, sentence, re.I))
        coat = bool(_PER_COAT.search(sentence))
        for m in _COVER_PER.finditer(sentence):
            unit, factor = _unit(m.group(4))
            per = (number(m.group(3)) if m.group(3) else 1.0) * factor
            out.append(
                Rate(
                    NEEDS[m.group(2).lower()],
                    m.group(2),
                    number(m.group(1)),
                    per,
                    unit,
                    sentence,
                    approx,
                    per_coat=coat,
                )
            )
        for m in _QUANTITY_COVERS.finditer(sentence):
            unit, factor = _unit(m.group(2))
            out.append(
                Rate(
                    NEEDS[m.group(4).lower()],
                    m.group(4),
                    number(m.group(3)),
                    number(m.group(1)) * factor,
                    unit,
                    sentence,
                    approx,
                )
            )
        for m in _USE_PER.finditer(sentence):
            unit, factor = _unit(m.group(2))
            out.append(
                Rate(
                    NEEDS[m.group(3).lower()],
                    m.group(3),
                    1.0,
                    number(m.group(1)) * factor,
                    unit,
                    sentence,
                    approx,
                    use=True,
                    per_coat=coat,
                )
            )
        if not any(r.sentence == sentence for r in out):
            for m in _PACK_COVERS.finditer(sentence):
                if m.group(3):
                    out.append(
                        Rate(
                            "portions",
                            "servings" if lang == "en" else "Portionen",
                            number(m.group(3)),
                            1.0,
                            "pack",
                            sentence,
                            approx,
                        )
                    )
                elif (
                    NEEDS[m.group(2).lower()] != "area"
                ):  # "enough for about 120 m²" on a robot: a reach, no yield
                    out.append(
                        Rate(
                            NEEDS[m.group(2).lower()],
                            m.group(2),
                            number(m.group(1)),
                            1.0,
                            "pack",
                            sentence,
                            approx,
                        )
                    )
    return out


def feeding(product: Product, lang: str) -> Feeding | None:
    """The feeding table of the text: rows "20 kg 250 g" / "20 kg: 250 g" after a heading that
    says they are per day (a range of grams is read as its middle)."""
    lines = _sentences(product, lang)
    for i, line in enumerate(lines):
        if not _TABLE_HEAD.search(line):
            continue
        rows, used = [], []
        for candidate in lines[i : i + 12]:
            found = [
                (number(m.group(1)), (number(m.group(2)) + number(m.group(3) or m.group(2))) / 2)
                for m in _ROW.finditer(candidate)
            ]
            if found:
                rows += found
                used.append(candidate)
            elif rows:
                break
        if len(rows) >= 2:
            return Feeding(
                tuple(rows),
                " ".join(dict.fromkeys([line, *used])) if line not in used else " ".join(used),
            )
    return None


def version_amounts(product: Product) -> list[tuple[str, float, str, bool]]:
    """(option value, amount, base unit, in stock) of each version of the size-like option that
    names an amount; [] when its versions are no amounts."""
    option = product.size_option or (
        product.option_names[0] if len(product.option_names) == 1 else None
    )
    if option is None:
        return []
    seen: dict[str, tuple[str, float, str, bool]] = {}
    for v in product.variants:
        value = v.options.get(option) or (v.size if option == product.size_option else None)
        if not value:
            continue
        q = quantity(value)
        if q is None:
            return []
        old = seen.get(value)
        seen[value] = (value, q[0], q[1], v.stock > 0 or bool(old and old[3]))
    return list(seen.values())
