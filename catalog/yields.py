"""What one unit of a product covers, as the merchant states it, in German and English: "Ergiebigkeit:
ca. 8 m²/l", "ergibt ca. 40 Tassen pro 100 g", "1,5 l reichen für 30 Waschladungen", "Aussaatmenge:
25 g/m²", "Each bottle is enough for 40 washes", "Serves 6", a feeding table (g per day by body
weight, `catalog.feeding`) — and the amount each version holds ("0,75 l", "12 kg", "60 capsules"). Read by
`actions.need_answer` to say which version covers a shopper's need."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from catalog.models import Product
from catalog.needs import NUM, number, use_per_day
from catalog.number_words import NUMBER_WORDS

_RANGE = rf"({NUM})(?:\s*(?:[-–]|bis|to)\s*({NUM}))?"  # "10–12", "30 bis 40": a low and a high

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
    rf"(?<![\w.,–-]){_RANGE}\s*({_NEED})(?![\w²])\s*{_PER}\s*(?:({NUM})\s*)?(?:(?:einen|einem|a|one)\s+)?({_UNIT})(?!\w)",
    re.I,
)
# "1,5 l reichen für 30 Waschladungen", "1 kg treats approx. 33 m²", "500 g … reicht für ca. 8 Vollbäder"
_QUANTITY_COVERS = re.compile(
    rf"(?<![\w.,])({NUM})\s*({_UNIT})(?!\w)[^.;\n]{{0,25}}?\b(?:reicht|reichen|ergibt|ergeben|genügt|genügen|treats|covers|makes|is enough|are enough|for)"
    rf"\s+(?:für\s+|for\s+)?(?:{_APPROX}\s*)?{_RANGE}\s*({_NEED})(?![\w²])", re.I)  # fmt: skip
# "Aussaatmenge: 25 g/m²", "Apply 30 g per m²", "Use about 7 g of coffee per cup"
_USE_PER = re.compile(
    rf"(?<![\w.,–-]){_RANGE}\s*({_UNIT})(?!\w)\)?(?:\s+[^\W\d]+){{0,3}}?\s*(?:pro|je|per|/|for each|für jede[n]?)\s*(?:1\s*)?({_NEED})(?![\w²])",
    re.I,
)
# "Inhalt reicht für 4 Portionen", "Each bottle is enough for 40 washes", "für 30 Waschladungen", "Serves 6"
_PACK_COVERS = re.compile(
    rf"(?:\b(?:reicht|reichen|ergibt|ergiebig|enough|lasts?|makes|für|for|good for)\s+(?:für\s+|for\s+|bis zu\s+|up to\s+)?(?:{_APPROX}\s*)?{_RANGE}\s*({_NEED})(?![\w²]))"
    rf"|(?:\bserves\s+{_RANGE})", re.I)  # fmt: skip
_COATS = re.compile(
    r"\b(?:(zwei|2|two)|(drei|3|three))\s*(?:-?maligem|fachem)?\s*(?:anstrich\w*|schicht\w*|coats?|layers?)|zweimalige\w* anstrich",
    re.I,
)


@dataclass(frozen=True)
class Rate:
    """`amount` of `need` (in the shop's word `word`) per `per` base units (`unit`) of product, for
    `coats` coats; `use`: the text states the use per need ("25 g/m²"), not the cover per unit.
    Of a range ("10–12 m²/l", "30–40 g/m²") the amount that surely suffices; `span` as written."""

    need: str
    word: str
    amount: float
    per: float
    unit: str
    sentence: str
    approx: bool
    use: bool = False
    coats: int = 1
    span: str = ""  # the figure as written: "8", "10–12"
    per_text: str = ""  # what the figure is per / uses, as written: "l", "100 g", "125 ml"
    options: bool = False  # read from the versions' names, not a sentence

    @property
    def written(self) -> str:
        """The yield as a figure with its units: "8 m²/l", "100–125 ml/m²", "40 Tassen / 100 g"."""
        if self.use:
            return f"{self.span} {self.per_text.split()[-1]}/{self.word}"
        if re.match(r"\d", self.per_text):
            return f"{self.span} {self.word} / {self.per_text}"
        return (
            f"{self.span} {self.word}/{self.per_text}"
            if self.per_text
            else f"{self.span} {self.word}"
        )

    @property
    def high(self) -> float:
        """The upper figure of a range of cover ("10–12 m²/l": 12); the amount when there is none."""
        return (
            number(self.span.split("–")[-1]) * self.amount / number(self.span.split("–")[0])
            if "–" in self.span
            else self.amount
        )

    @property
    def per_unit(self) -> float:
        """Need covered per one base unit of product."""
        return self.amount / self.per


def quantity(text: str) -> tuple[float, str] | None:
    """An amount in a base unit: "0,75 l" -> (0.75, "l"), "12 kg" -> (12000, "g"), "60 Kapseln" ->
    (60, "piece"), "2 bottles" -> (2, "pack"); "1 Liter" as a word too ("ein Liter")."""
    m = re.search(
        rf"(?<![\w.,])(?:(\d+)\s*[x×]\s*)?({NUM}|{'|'.join(NUMBER_WORDS)})[\s-]*({_UNIT})(?!\w)",
        text,
        re.I,
    )
    if not m:
        return None
    unit, factor = _UNITS[m.group(3).lower()]
    value = NUMBER_WORDS.get(m.group(2).lower()) or number(m.group(2))
    return value * factor * (int(m.group(1)) if m.group(1) else 1), unit  # "6 x 200 g": 1200 g


def sentences(product: Product, lang: str) -> list[str]:
    value = product.description or {}
    text = value.get(lang) or next(iter(value.values()), "")
    return [
        s.strip()
        for line in text.split("\n")
        for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", line)
        if s.strip()
    ]


def _written_amount(sentence: str) -> str:
    """The first volume or weight written in figures ("1.5 l"), "" when none."""
    for m in re.finditer(rf"(?<![\w.,])({NUM})\s*({_UNIT})(?!\w)", sentence, re.I):
        if _UNITS[m.group(2).lower()][0] in ("l", "g"):
            return f"{m.group(1)} {m.group(2)}"
    return ""


def _symbol(unit: str) -> str:
    return "l" if unit.lower() in ("l", "liter", "litre", "ltr") else unit


def _coats(sentence: str) -> int:
    m = _COATS.search(sentence)
    return 1 if m is None else 3 if m.group(2) else 2


def _low_high(low: str, high: str | None) -> tuple[float, float, str]:
    return number(low), number(high or low), f"{low}–{high}" if high else low


def rates(product: Product, lang: str) -> list[Rate]:
    """Every yield the product's text states, in the order written, then the one its versions
    name ("1,5 l (30 WL)")."""
    out: list[Rate] = []
    for sentence in sentences(product, lang):
        ca, coats = bool(re.search(_APPROX, sentence, re.I)), _coats(sentence)
        for m in _COVER_PER.finditer(sentence):  # "8 m²/l": of "10–12 m²" the 10 surely covered
            low, _, span = _low_high(m.group(1), m.group(2))
            unit, factor = _UNITS[m.group(5).lower()]
            per = (number(m.group(4)) if m.group(4) else 1.0) * factor
            per_text = f"{m.group(4)} {m.group(5)}" if m.group(4) else _symbol(m.group(5))
            need = NEEDS[m.group(3).lower()]
            out.append(
                Rate(
                    need,
                    m.group(3),
                    low,
                    per,
                    unit,
                    sentence,
                    ca,
                    coats=coats,
                    span=span,
                    per_text=per_text,
                )
            )
        for m in _QUANTITY_COVERS.finditer(sentence):  # "1,5 l reichen für 30 Waschladungen"
            low, _, span = _low_high(m.group(3), m.group(4))
            unit, factor = _UNITS[m.group(2).lower()]
            need = NEEDS[m.group(5).lower()]
            per = number(m.group(1)) * factor
            per_text = (
                _symbol(m.group(2)) if number(m.group(1)) == 1 else f"{m.group(1)} {m.group(2)}"
            )
            out.append(
                Rate(
                    need,
                    m.group(5),
                    low,
                    per,
                    unit,
                    sentence,
                    ca,
                    coats=coats,
                    span=span,
                    per_text=per_text,
                )
            )
        for m in _USE_PER.finditer(sentence):  # "25 g/m²": of "30–40 g/m²" the 40 surely enough
            _, high, span = _low_high(m.group(1), m.group(2))
            unit, factor = _UNITS[m.group(3).lower()]
            need = NEEDS[m.group(4).lower()]
            per_text = f"{m.group(2) or m.group(1)} {m.group(3)}"
            rate = Rate(
                need,
                m.group(4),
                1.0,
                high * factor,
                unit,
                sentence,
                ca,
                True,
                coats,
                span,
                per_text,
            )
            out.append(rate)
        if any(r.sentence == sentence for r in out):
            continue
        for m in _PACK_COVERS.finditer(sentence):  # "Inhalt reicht für 4 Portionen", "Serves 4–6"
            if m.group(4):
                low, _, span = _low_high(m.group(4), m.group(5))
                word = "servings" if lang == "en" else "Portionen"
                out.append(Rate("portions", word, low, 1.0, "pack", sentence, ca, span=span))
            elif (
                NEEDS[m.group(3).lower()] != "area"
            ):  # "enough for about 120 m²" on a robot: a reach, no yield
                low, _, span = _low_high(m.group(1), m.group(2))
                held = _written_amount(
                    sentence
                )  # "One bottle is enough for about 40 loads (1.5 l)": per 1.5 l
                per, unit = quantity(held) or (1.0, "pack") if held else (1.0, "pack")
                per_text = held if unit != "pack" else ""
                out.append(
                    Rate(
                        NEEDS[m.group(3).lower()],
                        m.group(3),
                        low,
                        per,
                        unit,
                        sentence,
                        ca,
                        span=span,
                        per_text=per_text,
                    )
                )
    return out + _option_rates(product)


_NAMED_NEED = re.compile(rf"(?<![\w.,])({NUM})\s*({_NEED})(?![\w²])", re.I)


def _option_rates(product: Product) -> list[Rate]:
    """The yield the versions' own names give ("1,5 l (30 WL)", "3 L (60 washes)") when every
    version names one and all give the same (a concentrate sold beside a plain one gives none)."""
    found = []
    for value, amount, unit, _, _ in version_amounts(product):
        m = _NAMED_NEED.search(value)
        if m is None:
            return []
        per_text = value[: m.start()].strip(" (") or value
        found.append(
            Rate(
                NEEDS[m.group(2).lower()],
                m.group(2),
                number(m.group(1)),
                amount,
                unit,
                "",
                False,
                per_text=per_text,
            )
        )
    if not found or any(
        abs(r.per_unit - found[0].per_unit) > 0.05 * found[0].per_unit for r in found
    ):
        return []
    names = ", ".join(v[0] for v in version_amounts(product))
    option = product.size_option or product.option_names[0]
    first = found[0]
    span = f"{first.amount:g}"
    sentence = f"{option}: {names}"
    return [
        Rate(
            first.need,
            first.word,
            first.amount,
            first.per,
            first.unit,
            sentence,
            False,
            span=span,
            per_text=first.per_text,
            options=True,
        )
    ]


_CONTENT = re.compile(
    r"\b(?:inhalt|packungsinhalt|füllmenge|nettofüllmenge|content|contents|net weight|pack of|dose mit|packung mit)\b",
    re.I,
)


def content(product: Product, lang: str) -> tuple[float, str] | None:
    """What a product sold in one version holds: the amount its name gives ("… – 120 Kapseln"),
    else the one after "Inhalt" / "contents" in its text."""
    if found := quantity(product.name(lang)):
        return found
    for sentence in sentences(product, lang):
        if (m := _CONTENT.search(sentence)) and (found := quantity(sentence[m.end() :])):
            return found
    return None


def dose(product: Product, lang: str) -> tuple[float, str, str] | None:
    """(pieces per day, the word, the sentence) of the text's dose ("Verzehrempfehlung: täglich 2
    Kapseln", "Take 1 capsule daily")."""
    for sentence in sentences(product, lang):
        used = use_per_day(sentence)
        if used and re.match(r"kapsel|capsule|tablet|tabs", used[1], re.I):
            return used[0], used[1], sentence
    return None


_CLASS = re.compile(
    rf"{NUM}\s*(?:[-–]|bis|to)\s*{NUM}|\b(?:bis|ab|up to|from|unter|über|under|over)\s*{NUM}|[<>≤≥]",
    re.I,
)


class Version(NamedTuple):
    value: str  # as the shop names it ("0,75 l")
    amount: float  # in the base unit
    unit: str  # "l", "g", "piece", "pack"
    in_stock: bool
    price: float


def version_amounts(product: Product) -> list[Version]:
    """The versions of the size-like option, each with the amount it names; [] when its versions
    are no amounts."""
    option = product.size_option or (
        product.option_names[0] if len(product.option_names) == 1 else None
    )
    if option is None:
        return []
    seen: dict[str, Version] = {}
    for v in product.variants:
        value = v.options.get(option) or (v.size if option == product.size_option else None)
        if not value:
            continue
        if (q := quantity(value)) is None or _CLASS.search(
            value
        ):  # "15–20 kg", "bis 25 kg": who it is for
            return []
        old = seen.get(value)
        stock, price = (
            v.stock > 0 or bool(old and old.in_stock),
            min(v.price, old.price) if old else v.price,
        )
        seen[value] = Version(value, q[0], q[1], stock, price)
    return list(seen.values())
