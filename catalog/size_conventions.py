"""Size systems that ARE a body measure by a published standard, for products whose own option
values are in that system and whose text gives no chart of that measure (the text wins):
- hat sizes (DE/EU): the head circumference in cm ("57");
- ring sizes (DE/EU): the inner circumference in mm (a diameter d gives π·d);
- shirt collar sizes (Kragenweite): the neck circumference in cm ("41", "41/42"), or in inches ("16");
- glove sizes (EN 420 / EN ISO 21420): the hand circumference around the palm in inches (203 mm = 8);
- jeans W/L: the waist and the inside leg in inches ("W32", "L34", "W32/L34");
- bra sizes (EN 13402): the underbust rounded to 5 cm, the cup from bust minus underbust ("75B");
- socks sold in shoe-size ranges ("39–42"): the EU shoe size of the foot length.
The system is read from the option's values, its name and the product's words."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from catalog.measurements import Measurement
from catalog.models import Product
from catalog.sizes import eu_from_foot
from catalog.variants import option_kind, option_values

# the body measures each system is a standard of
MEASURES: dict[str, tuple[str, ...]] = {
    "hat": ("head",), "ring": ("finger", "finger_diameter"), "collar": ("neck",), "glove": ("hand",),
    "jeans": ("waist", "inside_leg"), "bra": ("underbust", "chest"), "socks": ("foot",),
}  # fmt: skip

# words naming the kind of product or its size option
_WORDS = {
    "hat": re.compile(
        r"\w*hut\b|\w*hüte\b|\b(?:hat|hats|mütze\w*|\w*mütze|cap|caps|kappe|beanie|fedora|panama\w*)\b|hutgr|hat size|kopfumfang|\bhead\b",
        re.I,
    ),
    "ring": re.compile(r"\b(?:rings?|ringe)\b|ringgr|ring ?size", re.I),
    "ring_compound": re.compile(r"\w+ring(?:e|s)?\b", re.I),  # "Siegelring", "Eheringe"
    "jewellery": re.compile(
        r"schmuck|jewel\w*|bijou\w*|\bgold\w*|silber\w*|\bsilver\b|platin\w*|diamant\w*|diamonds?",
        re.I,
    ),
    "collar": re.compile(r"kragen\w*|\bcollar\b|\bneck\b|halsweite", re.I),
    "shirt": re.compile(r"\w*hemd\w*|\w*shirts?\b|bluse\w*|\bblouses?\b", re.I),
    "glove": re.compile(r"handschuh\w*|\w*handschuh|fäustling\w*|\bgloves?\b|\bmittens?\b", re.I),
    "socks": re.compile(r"socke\w*|\w*socken|strümpf\w*|strumpf\w*|\bsocks?\b|stockings?", re.I),
}
# words ending in "ring" that name no ring
_NOT_RING = {
    "spring",
    "springs",
    "string",
    "strings",
    "earring",
    "earrings",
    "ohrring",
    "ohrringe",
    "bring",
    "hering",
    "herring",
    "during",
    "offering",
    "keyring",
    "schlüsselring",
    "o-ring",
}
_NUM = r"\d{1,3}(?:[.,]5)?"
_PLAIN = re.compile(rf"^\s*({_NUM})\s*$")
_COMBINED = re.compile(r"^\s*(\d{2})\s*/\s*(\d{2})\s*$")  # collar "39/40"
_RANGE = re.compile(r"^\s*(\d{2})\s*(?:–|-|—|/)\s*(\d{2})\s*$")  # socks "39–42", "43/46"
_BRA = re.compile(r"^\s*(?:(\d{2,3})\s*([A-K]{1,2})|([A-K]{1,2})\s*(\d{2,3}))\s*$")
_W = re.compile(r"^\s*W\s?(\d{2})(?:\s*[/ x]?\s*L\s?(\d{2}))?\s*$", re.I)
_L = re.compile(r"^\s*L\s?(\d{2})\s*$", re.I)
CUPS = ["AA", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]


@dataclass(frozen=True)
class Convention:
    system: str  # one of MEASURES
    size: str  # the size by the standard ("57", "75B", "W32", "16,5")
    offered: dict[str, str]  # option -> the product's own value that is that size
    nearest: dict[str, str]  # option -> the product's nearest value, for a size not offered
    basis: list[Measurement]  # the measurements it is read from


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _words(product: Product, option: str) -> str:
    return " ".join(
        [option, product.name("de"), product.name("en"), product.category, *product.tags]
    )


def _system_of(product: Product, option: str, values: list[str]) -> str | None:
    """The standard an option's values are in, from the values, the option's name and the product's words."""
    words = _words(product, option)
    if all(_BRA.match(v) for v in values):
        bands = [int(m.group(1) or m.group(4)) for v in values if (m := _BRA.match(v))]
        return "bra" if all(60 <= b <= 130 for b in bands) else None
    if any(_W.match(v) for v in values) and all(_W.match(v) or _L.match(v) for v in values):
        return "jeans"
    if all(_L.match(v) for v in values):
        return "jeans"  # the length option of a product sized W and L
    if all(m := _RANGE.match(v) for v in values) and _WORDS["socks"].search(words):
        spans = [(int(m.group(1)), int(m.group(2))) for v in values if (m := _RANGE.match(v))]
        if all(15 <= a < b <= 52 and b - a <= 5 for a, b in spans):
            return "socks"
    if all(_PLAIN.match(v) or _COMBINED.match(v) for v in values) and values:
        numbers = [_num(n) for v in values for n in re.findall(r"\d{1,3}(?:[.,]5)?", v)]
        collar_words = _WORDS["collar"].search(option) or (
            _WORDS["shirt"].search(words) and _collar_steps(values, numbers)
        )
        if collar_words and (
            all(34 <= n <= 52 for n in numbers) or all(13 <= n <= 20 for n in numbers)
        ):
            return "collar"
        if not all(_PLAIN.match(v) for v in values):
            return None
        if _WORDS["glove"].search(words) and all(5 <= n <= 13 for n in numbers):
            return "glove"
        if _WORDS["hat"].search(words) and all(46 <= n <= 66 for n in numbers):
            return "hat"
        if _names_ring(words) and all(40 <= n <= 76 for n in numbers):
            return "ring"
    return None


def _collar_steps(values: list[str], numbers: list[float]) -> bool:
    """Whether a shirt's values are collar sizes without the option saying so: combined neighbours
    ("39/40") or inches in half steps ("15.5")."""
    combined = [m for v in values if (m := _COMBINED.match(v))]
    return (
        bool(combined)
        and all(int(m.group(2)) - int(m.group(1)) == 1 for m in combined)
        or (all(13 <= n <= 20 for n in numbers) and any(n != int(n) for n in numbers))
    )


def _names_ring(words: str) -> bool:
    """A ring word ("Ring", "Ringe", "ring size"), or a compound ending in one ("Siegelring") among
    jewellery words: English words ending in "ring" are mostly no ring ("touring", "spring")."""
    if _WORDS["ring"].search(words):
        return True
    compounds = [w for w in _WORDS["ring_compound"].findall(words) if w.lower() not in _NOT_RING]
    return bool(compounds) and bool(_WORDS["jewellery"].search(words))


def systems(product: Product) -> dict[str, str]:
    """option -> the standard its values are in (a jeans' W and L options are both "jeans")."""
    found = {}
    for name, values in option_values(product).items():
        if (
            option_kind(product, name) != "color"
            and values
            and (system := _system_of(product, name, values))
        ):
            found[name] = system
    return found


def covers(product: Product, measure: str) -> bool:
    """Whether one of the product's size systems is a standard of that body measure."""
    return any(measure in MEASURES[s] for s in systems(product).values())


def _nearest(values: list[str], target: float, number=_num) -> str:
    return min(values, key=lambda v: abs(number(v) - target))


def _fmt(x: float) -> str:
    return f"{x:g}"


def _plain_size(values: list[str], size: float, lang: str) -> tuple[str, str | None]:
    """(the size as written in the product's style, the product's value equal to it or holding it)."""
    for v in values:
        numbers = [_num(n) for n in re.findall(r"\d{1,3}(?:[.,]5)?", v)]
        if size in numbers:
            return v, v
    text = _fmt(size)
    return (text.replace(".", ",") if lang == "de" else text), None


def _single(
    system: str, option: str, values: list[str], m: Measurement, lang: str
) -> Convention | None:
    """A system of one measure: hat, ring, collar, glove, socks."""
    if system == "socks":
        eu = eu_from_foot(m.cm)
        spans = {v: (int(r.group(1)), int(r.group(2))) for v in values if (r := _RANGE.match(v))}
        if not eu:
            return None
        hit = next((v for v, (a, b) in spans.items() if a <= int(eu) <= b), None)
        near = min(spans, key=lambda v: min(abs(spans[v][0] - int(eu)), abs(spans[v][1] - int(eu))))
        return Convention(
            system, eu, {option: hit} if hit else {}, {} if hit else {option: near}, [m]
        )
    numbers = [_num(n) for v in values for n in re.findall(r"\d{1,3}(?:[.,]5)?", v)]
    halves = any(n != int(n) for n in numbers)
    if system == "ring":
        size = float(round(m.cm * 10 * (math.pi if m.measure == "finger_diameter" else 1)))
    elif system == "hat" or (system == "collar" and min(numbers) >= 30):
        size = float(round(m.cm * 2) / 2 if halves else round(m.cm))
    else:  # a glove, a collar in inches
        inches = m.cm / 2.54
        size = round(inches * 2) / 2 if halves else float(round(inches))
    text, value = _plain_size(values, size, lang)
    if value:
        return Convention(system, text, {option: value}, {}, [m])
    def reach(v: str) -> float:
        return max(_num(x) for x in re.findall(r"\d{1,3}(?:[.,]5)?", v))

    # a size measured around the body (head, neck, finger, hand) must reach around it: the next one up, else the largest
    larger = [v for v in values if re.search(r"\d", v) and reach(v) >= size]
    near = min(larger, key=reach) if larger else max((v for v in values if re.search(r"\d", v)), key=reach)
    return Convention(system, text, {}, {option: near}, [m])


def _bra(option: str, values: list[str], found: dict[str, Measurement]) -> Convention | None:
    """EN 13402: the band is the underbust rounded to 5 cm, the cup the bust minus the underbust
    in 2 cm steps (10–12 AA, 12–14 A, 14–16 B …)."""
    under = found.get("underbust")
    if under is None:
        return None
    band = int(math.floor(under.cm / 5 + 0.5) * 5)
    parsed = {
        v: (int(m.group(1) or m.group(4)), (m.group(2) or m.group(3)).upper())
        for v in values
        if (m := _BRA.match(v))
    }
    bust = found.get("chest")
    if bust is None or not 10 <= bust.cm - under.cm < 10 + 2 * len(
        CUPS
    ):  # the band alone: the cup needs the bust
        in_band = any(b == band for b, _ in parsed.values())
        return Convention(
            "bra",
            str(band),
            {},
            {} if in_band else {option: min(parsed, key=lambda v: abs(parsed[v][0] - band))},
            [under],
        )
    cup = CUPS[int((bust.cm - under.cm - 10) // 2)]
    hit = next((v for v, bc in parsed.items() if bc == (band, cup)), None)
    if hit:
        return Convention("bra", f"{band}{cup}", {option: hit}, {}, [under, bust])

    def distance(v: str) -> float:
        b, c = parsed[v]
        return abs(b - band) / 5 + abs(CUPS.index(c) - CUPS.index(cup) if c in CUPS else 9)

    return Convention("bra", f"{band}{cup}", {}, {option: min(parsed, key=distance)}, [under, bust])


def _jeans(options: dict[str, list[str]], found: dict[str, Measurement]) -> Convention | None:
    """W = the waist in inches, L = the inside leg in inches; on one option ("W32/L34") or two."""
    w = round(found["waist"].cm / 2.54) if "waist" in found else None
    ln = round(found["inside_leg"].cm / 2.54) if "inside_leg" in found else None
    if w is None and ln is None:
        return None
    size = " ".join(x for x in (f"W{w}" if w else "", f"L{ln}" if ln else "") if x)
    offered: dict[str, str] = {}
    nearest: dict[str, str] = {}
    for option, values in options.items():
        ws = {
            v: (int(m.group(1)), int(m.group(2)) if m.group(2) else None)
            for v in values
            if (m := _W.match(v))
        }
        ls = {v: int(m.group(1)) for v in values if (m := _L.match(v))}
        if ws and w:
            keep = {
                v: wl for v, wl in ws.items() if wl[0] == w and (ln is None or wl[1] in (None, ln))
            }
            if len(keep) == 1 or (keep and all(wl[1] is None for wl in keep.values())):
                offered[option] = next(iter(keep))
            elif not keep:
                nearest[option] = min(
                    ws,
                    key=lambda v: (
                        abs(ws[v][0] - w) + (abs((ws[v][1] or ln or 0) - (ln or 0)) if ln else 0)
                    ),
                )
        elif ls and ln:
            hit = next((v for v, n in ls.items() if n == ln), None)
            if hit:
                offered[option] = hit
            else:
                nearest[option] = min(ls, key=lambda v: abs(ls[v] - ln))
    basis = [found[k] for k in ("waist", "inside_leg") if k in found]
    return Convention("jeans", size, offered, nearest, basis) if offered or nearest else None


def convention(
    product: Product, measurements: list[Measurement], lang: str, charted: set[str] = frozenset()
) -> Convention | None:
    """The size by the standard of the product's size system for the question's measurements;
    None when the product is in no such system, or its text charts that measure (`charted`)."""
    found = {m.measure: m for m in measurements}
    options = option_values(product)
    by_system: dict[str, list[str]] = {}
    for option, system in systems(product).items():
        by_system.setdefault(system, []).append(option)
    for system, names in by_system.items():
        measures = [m for m in MEASURES[system] if m in found]
        if not measures or charted & set(MEASURES[system]):
            continue
        if system == "jeans":
            return _jeans({n: options[n] for n in names}, found)
        if system == "bra":
            return _bra(names[0], options[names[0]], found)
        return _single(system, names[0], options[names[0]], found[measures[0]], lang)
    return None
