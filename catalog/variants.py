"""Which version of a product the shopper asked for, and its state.

"Die 44 in Blau?", "in 220 cm?", "die 2-Liter-Version", "im 3er-Pack": every option a variant
has (size, colour, length, capacity, pack …) is read generically from `Variant.options` (name →
value as the merchant exported it; the size-like and colour options are marked on the product),
with `Variant.size` / `Variant.color` as the fallback for catalogs without options. The answer
names the asked value with its state — in stock, only n left, sold out, not offered — and the
nearest alternatives: nearest values of the same option in stock with the rest unchanged
(nearest sizes in that colour), and the other options' values in stock (other colours in that
size).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog.lexicon import SHADE_WORDS, find_colors, normalize_color
from catalog.models import Product, Variant
from catalog.option_shapes import (
    affixed_number,
    affixed_values,
    asked_dimensions,
    labelled_sizes,
    several_colors,
    shaped_size,
    signed_value,
    system_size,
)
from catalog.query import find_size
from catalog.size_table import own_eu
from catalog.size_values import (
    LETTER,
    LETTER_AFTER,
    WORD_SIZE,
    WORD_SIZE_FIRST,
    WORD_SIZES,
    number_size,
    same_size,
    size_key,
)
from catalog.size_values import named_numbers as find_named_numbers
from catalog.sizes import LETTERS, normalize_letter, uk_us_to_eu
from catalog.value_amounts import amount as amount  # the readers of amounts import it from here
from catalog.value_amounts import amounts
from catalog.value_distance import larger_first, value_distance
from catalog.value_match import (
    comparative_value,
    counts_said,
    names_value,
    noun_counts,
    other_material,
)
from catalog.variant_amounts import (
    bare_number_value,
    looks_like_sizes,
    noted_value,
    spoken_amount,
    up_to,
    value_amount,
)

LOW_STOCK = 3  # at most this many left: "only n left"
ALTERNATIVES = 3  # values named per option

SIZE = "size"
COLOR = "color"
_COLOR_NAMES = re.compile(r"^(?:farbe|colou?r|farbton|shade)$", re.I)
_SIZE_NAMES = re.compile(r"^(?:größe|groesse|grösse|size|gr\.?|schuhgröße|shoe size)$", re.I)

def variant_options(product: Product, variant: Variant) -> dict[str, str]:
    """Option name -> value of a variant: its exported options, else its size and colour."""
    options = dict(getattr(variant, "options", None) or {})
    if not options:
        if variant.size:
            options[SIZE] = variant.size
        if variant.color:
            options[COLOR] = getattr(variant, "color_label", None) or variant.color
    return options


def option_kind(product: Product, name: str) -> str:
    """'color', 'size' (the product's size-like option) or 'other'."""
    if name == COLOR or name == getattr(product, "color_option", None) or _COLOR_NAMES.match(name):
        return COLOR
    if name == SIZE or name == getattr(product, "size_option", None) or _SIZE_NAMES.match(name):
        return SIZE
    return "other"


def is_size_name(name: str) -> bool:
    """Whether an option is called size ("Größe", "Size"), not length, capacity or pack."""
    return name == SIZE or _SIZE_NAMES.match(name) is not None


def option_values(product: Product) -> dict[str, list[str]]:
    """Every option with its values in the order the merchant lists the variants."""
    values: dict[str, dict[str, None]] = {}
    for variant in product.variants:
        for name, value in variant_options(product, variant).items():
            values.setdefault(name, {})[value] = None
    return {name: list(v) for name, v in values.items()}


def _family(product: Product, name: str, value: str) -> str | None:
    """The colour family of a colour value (from the variant, else from the colour words)."""
    for variant in product.variants:
        if variant_options(product, variant).get(name) == value and variant.color:
            return variant.color
    return normalize_color(value)


# shade names that are first of all what a thing is made of or holds ("aus Leinen?", "carbon frame")
_MATERIAL_SHADES = {"carbon", "stone", "stein", "beton", "concrete", "zement", "cement", "leder", "leather", "leinen", "linen",
                    "natur", "natural", "jeans", "denim", "wine", "wein", "kaffee", "coffee", "espresso", "gold", "golden",
                    "kupfer", "copper", "bronze", "titan", "titanium", "chrom", "chrome", "aluminium", "aluminum",
                    "edelstahl", "stainless", "platin", "platinum", "honig", "honey", "tinte", "melange", "heather"}  # fmt: skip


def _shade_of_one(product: Product, name: str, values: list[str], text: str) -> str | None:
    """"in sage?" of a sheet in "Salbei": a shade name of the merchants' lexicon, too ambiguous
    to be a colour in any message ("sage", "stone", "natural"), is one when exactly one colour
    of this product is of its family."""
    for word in re.findall(r"[a-zäöüß]+", text.lower()):
        if len(word) >= 4 and word not in _MATERIAL_SHADES and (family := SHADE_WORDS.get(word)):
            matching = [v for v in values if _family(product, name, v) == family]
            if len(matching) == 1:
                return matching[0]
    return None


def _part_of_one(values: list[str], text: str) -> str | None:
    """"in Rosé?" of "Abendrot-Rosé": the one value a word of which, in no other value, the
    text names (merchants join a fancy name to the colour)."""
    parts = {v: {p for p in re.split(r"[\s/-]+", v.lower()) if len(p) >= 4 and p.isalpha() and p not in _MATERIAL_SHADES} for v in values}
    found = [v for v, own in parts.items() if len(own) > 1 and any(
        _word_in(p, text) and not any(p in o for w, o in parts.items() if w != v) for p in own)]
    return found[0] if len(found) == 1 else None


_NEAR = {"blue": "navy", "navy": "blue", "green": "olive", "olive": "green", "grey": "silver", "silver": "grey"}


def _word_in(value: str, text: str) -> bool:
    """The value as a word of the text, also as the first part of a compound ("Waldkauz-Variante")."""
    return re.search(rf"(?<![\w-]){re.escape(value.lower())}(?!\w|-\d)", text.lower()) is not None


def _letter_sizes(product: Product) -> bool:
    """Whether the product is sized in letters ("M", "S/M", "L (52)", "XL-XXL")."""
    return product.size_system == "letter" or any(
        k in LETTERS for s in product.sizes() for k in (size_key(p) for p in re.split(r"[/\s()–-]+", s) if p))


def wanted_size(text: str, product: Product) -> str | None:
    """A clothing or shoe size named in the text (UK/US shoe sizes converted to EU)."""
    if m := re.search(r"\b(uk|us)\s*(\d{1,2}(?:[.,]5)?)\b", text, re.I):
        if product.size_system in (None, "eu_shoe"):
            own = own_eu(product, text)  # the product's own EU/UK/US table first
            return own[2] if own else uk_us_to_eu(m.group(1), m.group(2).replace(",", "."))
    size = find_size(text)
    if size is None and _letter_sizes(product):
        # a letter alone only in capitals ("M?", "die L"; not the "m" of "I'm" or "5 m"), in any
        # case after a word that gives a size ("i usually wear l"); "medium", "large"
        m = re.search(rf"(?<![\w'’]){LETTER}(?![\w'’])", text) or LETTER_AFTER.search(text)
        if m:
            size = normalize_letter(m.group(1))
        elif (w := WORD_SIZE.search(text) or WORD_SIZE_FIRST.search(text)) and not re.search(r"\b(?:runs?|fits?|comes?( up)?|fällt)\s+(?:\w+\s+)?" + re.escape(w.group(1)), text, re.I):
            size = WORD_SIZES[w.group(1).lower()]
    return size


@dataclass(frozen=True)
class Asked:
    """One option value the shopper asked for."""

    option: str  # the option's name as exported ("Größe", "Länge", "color")
    kind: str  # size / color / other
    wanted: str  # what the shopper asked for, as they said it (or the colour family)
    values: tuple[str, ...]  # the product's values that match it (empty: not offered)


@dataclass
class VariantState:
    asked: list[Asked]
    state: str  # in_stock / low_stock / sold_out / not_offered / combination_not_offered
    stock: int = 0
    price: float | None = None
    # option name -> values in stock nearest to the asked one, the other asked values kept
    alternatives: dict[str, list[str]] = field(default_factory=dict)
    offered: dict[str, list[str]] = field(default_factory=dict)  # option -> every value, for "not offered"
    all_sold_out: bool = False


# a temperature ("washable at 30 degrees", "bei 30 Grad", "30 °C") is no size or option number
_TEMPERATURE = re.compile(r"[-+−]?\d+(?:[.,]\d+)?\s*(?:°\s*[CF]?|grad\b|degrees?\b|deg\b)", re.I)


def find_asked(product: Product, text: str) -> list[Asked]:
    """The option values of `product` the text asks for (temperatures left out unless an option's
    values are temperatures)."""
    if not any(_TEMPERATURE.search(v) for values in option_values(product).values() for v in values):
        text = _TEMPERATURE.sub(" ", text)
    asked: list[Asked] = []
    colors = find_colors(text, shades=True)
    text_amounts = amounts(text)
    has_color_option = any(option_kind(product, n) == COLOR for n in option_values(product))
    named_numbers = find_named_numbers(option_values(product), text)
    name_words = frozenset(w for title in product.title.values() for w in re.findall(r"[^\W\d_]+", title.lower()))
    for name, values in option_values(product).items():  # "UK 9" of an option "Größe (UK)": its value as it stands
        if found := system_size(name, text):
            asked.append(Asked(name, SIZE, found[0], tuple(v for v in values if same_size(v, found[0]))))
            text = text[: found[1][0]] + " " * (found[1][1] - found[1][0]) + text[found[1][1] :]  # no other option reads it
    for name, values in option_values(product).items():
        if any(a.option == name for a in asked):
            continue
        kind = option_kind(product, name)
        if kind == COLOR:
            exact = [v for v in values if _word_in(v, text)]
            exact = [v for v in exact if not any(o != v and _word_in(v, o) for o in exact)]  # "Black/Teal", not "Black"
            if exact:
                asked.append(Asked(name, kind, exact[0], tuple(exact)))
            elif several := several_colors(values, normalize_color, text):
                asked.append(Asked(name, kind, several[0], several))  # "rust/navy?" of "Rost/Navy kariert"
            elif colors:
                matching = tuple(v for v in values if _family(product, name, v) in colors)
                if not matching:  # "in blue?" of a jacket in "Dunkelblau": the next family counts
                    near = {_NEAR[c] for c in colors if c in _NEAR}  # a family without a neighbour matches no shade outside the lexicon
                    matching = tuple(v for v in values if _family(product, name, v) in near)
                asked.append(Asked(name, kind, colors[0], matching))
            elif shade := _shade_of_one(product, name, values, text):
                asked.append(Asked(name, kind, shade, (shade,)))
            elif part := _part_of_one(values, text):
                asked.append(Asked(name, kind, part, (part,)))
            continue
        value_amounts: dict[str, tuple[str, float] | None] = {v: value_amount(name, v) for v in values}
        spoken_counts: list[tuple[str, float]] = []
        if not any(value_amounts.values()):  # "60 Kapseln" / "120 Kapseln": counts of one thing
            counts, spoken_counts = noun_counts(values, text)
            value_amounts.update(counts)
        if any(value_amounts.values()):
            dimensions = {a[0] for a in value_amounts.values() if a}
            wanted = [a for a in [*spoken_counts, *text_amounts] if a[0] in dimensions]
            if not wanted and dimensions == {"count"}:  # "with 3 hooks" of "2 Haken" / "3 Haken"
                wanted = counts_said({a for a in value_amounts.values() if a}, text)
            if wanted:
                matching = tuple(v for v, a in value_amounts.items() if a == wanted[0]) or up_to(value_amounts, wanted[0])
                spoken = spoken_amount(text, wanted[0])
                asked.append(Asked(name, kind, matching[0] if matching else spoken, matching))
                continue
            if not text_amounts and (other := comparative_value(value_amounts, text)):  # "in einer grösseren Flasche?"
                asked.append(Asked(name, kind, other, (other,)))
                continue
            if (kind == SIZE or _word_in(name, text)) and (bare := bare_number_value(values, text)):
                asked.append(Asked(name, kind, bare, (bare,)))  # "Rahmenhöhe 56" is "56 cm (L)"
                continue
        if (named := named_numbers.get(name)) is not None:  # "W32 L34": one number per option
            asked.append(Asked(name, kind, named, tuple(v for v in values if same_size(v, named))))
            continue
        exact = sorted((v for v in values if names_value(v, values, name, text, name_words)), key=len, reverse=True)
        if exact:
            asked.append(Asked(name, kind, exact[0], (exact[0],)))
            continue
        if (read := affixed_number(values)) and (said := read(text)):  # "in 8 oz?" of "10 oz" … "16 oz": offered or not
            asked.append(Asked(name, kind, said[0], affixed_values(values, said[1])))
            continue
        if signed := signed_value(values, text):  # "-4.0" of "-1,5" … "-6,0"
            asked.append(Asked(name, kind, signed[0], signed[1]))
            continue
        if dimensions := asked_dimensions(values, text):  # "180x200?" of "90x200" / "140x200"
            asked.append(Asked(name, kind, dimensions, ()))
            continue
        if noted := noted_value(product, name, values, text):  # "in der normalen Weite" of "Weite 10 (normal)" in the text
            asked.append(Asked(name, kind, noted, (noted,)))
            continue
        if colors and not has_color_option and (tinted := tuple(v for v in values if normalize_color(v) in colors)):
            asked.append(Asked(name, kind, colors[0], tinted))  # "in Weiß?" of an "Ausführung: Weiß lasiert"
            continue
        elsewhere = " ".join([*product.title.values(), *(v for n, vs in option_values(product).items() if n != name for v in vs)])
        if kind != SIZE and (material := other_material(values, text, elsewhere)):  # "titanium?" of "Aluminium" / "Stainless Steel"
            asked.append(Asked(name, kind, material, ()))
            continue
        if kind == SIZE or (kind == "other" and not any(a.kind == SIZE for a in asked) and looks_like_sizes(values)):
            size = wanted_size(text, product)
            if size is None or not any(same_size(v, size) for v in values):
                size = number_size(text, values) or size
            shaped = read(text) if (read := shaped_size(values)) else None  # "in 90D?" of "70B" … "85D", "W38?" of "W30" … "W36"
            if shaped and (size is None or not any(same_size(v, size) for v in values)):
                size = shaped
            if size:
                matching = tuple(v for v in values if same_size(v, size) or v.strip().upper() == size) \
                    or labelled_sizes(values, size, text)  # "37" of "EU 37", "UK 8" of "EU 42 / UK 8"
                asked.append(Asked(name, SIZE, size, matching))
    return asked


def _matches(product: Product, variant: Variant, asked: list[Asked]) -> bool:
    options = variant_options(product, variant)
    return all(options.get(a.option) in a.values for a in asked)


def in_stock_only(product: Product, asked: list[Asked]) -> dict[str, list[str]]:
    """For each option the shopper did not ask about, the values in which the asked version is in
    stock, where it comes in more ("size 44" of a shoe in black and blue, black sold out: blue)."""
    named = {a.option for a in asked}
    found: dict[str, list[str]] = {}
    for option, values in option_values(product).items():
        if option in named or len(values) < 2:
            continue
        versions = [v for v in product.variants if _matches(product, v, asked)]
        offered = {variant_options(product, v).get(option) for v in versions}
        have = [value for value in values if any(v.stock > 0 and variant_options(product, v).get(option) == value for v in versions)]
        if have and len(have) < len(offered - {None}):
            found[option] = have
    return found


def sold_out_among(product: Product, asked: list[Asked]) -> dict[str, list[str]]:
    """For an asked value that several values match ("black" of "Schwarz" and "Anthrazit"), those
    of them sold out with the rest of the question kept, when some others are in stock: the
    version in stock must not hide the one the shopper may mean."""
    found: dict[str, list[str]] = {}
    for a in asked:
        if len(a.values) < 2:
            continue
        others = [o for o in asked if o.option != a.option and o.values]
        sold = []
        for value in a.values:
            versions = [v for v in product.variants if _matches(product, v, others) and variant_options(product, v).get(a.option) == value]
            if versions and sum(v.stock for v in versions) == 0:
                sold.append(value)
        if sold and len(sold) < len(a.values):
            found[a.option] = sold
    return found


def variant_state(product: Product, asked: list[Asked]) -> VariantState:
    """The state of what was asked, with the alternatives in stock."""
    all_values = option_values(product)
    all_sold_out = product.total_stock == 0
    offered = [a for a in asked if a.values]
    missing = [a for a in asked if not a.values]
    state = VariantState(asked, "in_stock", all_sold_out=all_sold_out)
    state.offered = {a.option: all_values[a.option] for a in missing}
    if missing:
        state.state = "not_offered"
    variants = [v for v in product.variants if _matches(product, v, offered)]
    if not missing:
        if not variants:
            state.state = "combination_not_offered"
        else:
            stock = sum(v.stock for v in variants)
            state.stock, state.price = stock, min(v.price for v in (v for v in variants if v.stock > 0 or stock == 0))
            state.state = "sold_out" if stock == 0 else "low_stock" if stock <= LOW_STOCK else "in_stock"
    if state.state != "in_stock" or missing:
        for a in asked:
            others = [o for o in offered if o.option != a.option]
            in_stock = {
                variant_options(product, v).get(a.option)
                for v in product.variants
                if v.stock > 0 and _matches(product, v, others)
            } - {None, *a.values}  # fmt: skip
            run = all_values[a.option]
            wanted = a.values[0] if a.values else a.wanted
            # equally near sizes: the larger first (a size too big still fits, one too small does not);
            # then the merchant's order, never the set's (string hashes differ from run to run)
            ranked = sorted(in_stock, key=lambda v: (value_distance(run, wanted, v), larger_first(run, wanted, v) if a.kind == SIZE else 0, run.index(v)))
            if ranked:
                state.alternatives[a.option] = ranked[:ALTERNATIVES]
    return state
