"""Size advice on one product: the size to take for the shopper's usual size (also given in
another system: the product's own EU/UK/US table, UK/US shoe sizes, adults' or children's, a
German number on a product sized in letters; a size up or down for the roomier or snugger fit
the shopper wants where the merchant says so), between two sizes (the merchant's rule first),
and how the product fits ("does it run small?", "should I size up?")."""

from __future__ import annotations

import re

from actions import facts
from actions.context import catalog
from actions.product_text import fit_advice
from actions.size_stock import availability, in_stock_parts, size_option
from actions.texts import say
from catalog.cup_step import cup_step, moved_cup
from catalog.fashion_sizes import convert_product, product_system
from catalog.models import Product
from catalog.size_advice import between_only, preference
from catalog.size_advice import between_rule as merchant_between
from catalog.size_bounds import has_bound
from catalog.size_mapping import mapped_size
from catalog.size_rules import KIDS_WORDS, by_shoe_size, dress_eu, kids_shoe_eu, letter_for_number
from catalog.size_step_rules import FROM_USUAL, stated_step
from catalog.size_table import own_eu, tables, text_lines
from catalog.size_text_rules import plain_system_size, row_size
from catalog.size_thresholds import applies, rules
from catalog.sizes import recommend_size, shift_size, uk_us_to_eu
from catalog.variants import COLOR, SIZE, Asked, option_values, same_size

USUAL = re.compile(
    r"(normalerweise|sonst|meistens|üblicherweise|eigentlich|usually|normally|typically|generally|i wear|i take|ich trage|ich habe|trage ich|habe ich"
    r"|usual size|übliche größe|normale größe|normal size|regular size|\b(?:normalen?|üblichen?|gewohnten?)\s+\w+größe|\b(?:usual|normal|regular|everyday)\s+\w+\s+size\b(?!s)|meine größe ist|my size is|\bmeine\s+\w+größe\s+ist\b|\bmy\s+\w+\s+size\s+is\b|in der regel|i'm (?:a|an) (?:(?:men'?s|women'?s|ladies'?|kids'?|boys'?|girls'?|uk|us|eu)\s+)?(?:size )?(?:\d|[xsml]+\b|small\b|medium\b|large\b)"
    r"|\b(?:trägt|wears|takes|hat)\b(?:\s+\w+){0,2}?\s+(?:größe\s+|size\s+|schuhgröße\s+|a\s+|an\s+)?(?:\d|[xsml]+\b|small\b|medium\b|large\b)"  # "mein Kind trägt 31", "she wears 116"
    r"|\b(?:is|ist)\s+(?:a|an|eine?)\s+(?:uk\s+|us\s+)?\d|in most brands|in den meisten"  # "my daughter is a 20"
    r"|\b(?:normal|usual|regular|everyday|street)\s+(?:shoes\s+are|shoe(?:\s+size)?\s+is)\s+(?:(?:a|an|size|eu|uk|us)\s+)?\d"  # "my normal shoes are 41", "my street shoe is EU 41"
    r"|\bstraßenschuh\w*\s+(?:ist|hat|sind|haben)?\s*(?:(?:größe|gr\.|eu|uk|us)\s+)?\d"  # "mein Straßenschuh hat 41", "Straßenschuhgröße 41"
    r"|\b(?:normalen|üblichen|gewohnten)\s+schuhe\s+(?:haben|sind)\s+(?:(?:größe|gr\.)\s+)?\d)",  # "meine normalen Schuhe haben 41"
    re.I,
)
ADVICE = re.compile(
    r"(welche größe|welche grösse|welche nummer|welche größe soll|größe empfehlen|empfehlen sie|which size|what size\b(?!s)|recommend"
    r"|size should i|welche länge|which length|welche helmgröße|which one|welche soll|size up|größer bestellen|should i (?:get|order|take))",
    re.I,
)
# "which sizes are there?" asks for the overview, not for advice
WHICH_SIZES = re.compile(r"(welche größen|welche grössen|in welchen größen|which sizes|what sizes|sizes (?:do you have|are there|available))", re.I)
# "should I size up?", "eine Nummer größer bestellen?": asks whether it runs small (or large)
_SIZE_UP = re.compile(r"\bsize up\b|\bone size (?:up|bigger|larger)\b|\b(?:nummer|größe) größer\b|\bgrößer bestellen\b", re.I)
_SIZE_DOWN = re.compile(r"\bsize down\b|\bone size (?:down|smaller)\b|\b(?:nummer|größe) kleiner\b|\bkleiner bestellen\b", re.I)
# "fällt der Schuh klein aus?", "does it run small?", "is it true to size?": how the product fits
FIT_QUESTION = re.compile(
    r"fällt|fallen|ausfallen|größengetreu|größengerecht|grössengerecht|passgenau|passform|\bruns?\b|\bcomes? up\b"
    r"|true to size|\bfit(?:s)? (?:small|large|big|true|normal)|how (?:does|do) (?:it|they|this|these) fit|\bsize (?:up|down)\b"
    r"|\bone size (?:up|down|bigger|larger|smaller)\b|\b(?:nummer|größe) (?:größer|kleiner)\b|\b(?:größer|kleiner) bestellen\b", re.I)
_FIT_ASKED = {
    "runs_small": re.compile(r"\b(?:klein\w*|small\w*|eng\w*|tight|knapp)\b", re.I),
    "runs_large": re.compile(r"\b(?:groß\w*|gross\w*|large\w*|big\w*|weit\w*|loose)\b", re.I),
    "true_to_size": re.compile(r"\b(?:normal\w*|true to size|größengetreu|größengerecht|passgenau|regular)\b", re.I),
}
_SYSTEM = r"(?:(?:uk|us|eu|de|it|fr)\s)?"  # "between UK 10 and UK 12"
_SIZE_WORD = r"(?:(?:größen?|sizes?|a|an|einer?|den|der|die|the)\s+)*"
_BETWEEN = re.compile(
    rf"\b(?:zwischen|between)\s+(?:(?:zwei|two|2)\s+(?:größen|sizes)\s*[,:(–-]?\s*(?:nämlich\s+|also\s+|i\.\s?e\.\s+)?)?{_SIZE_WORD}({_SYSTEM}[\w.,/]+)"
    rf"\s+(?:und|and|or|oder|&)\s+{_SIZE_WORD}({_SYSTEM}[\w.,/]+)", re.I)
BETWEEN_SIZES = re.compile(r"\b(?:between (?:two )?sizes|zwischen (?:zwei|den) größen)\b", re.I)
_UK_US = re.compile(r"\b(uk|us)[- ]?(?:(?:men['’]?s|women['’]?s|herren|damen)\s+)?(?:size\s+|größe\s+|kids?\s+|kinder\s+)?(\d{1,2}(?:[.,]5)?)\b(?!\s*(?:cm|kg|lbs?|jahre|years))", re.I)
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{2})(?![\w/-]|[.,]\d)")


def shoe_run(product: Product) -> list[float]:
    """The product's sizes when it is sized like shoes (whole or half numbers one apart, EU 15-50)."""
    try:
        numbers = sorted({float(s.replace(",", ".")) for s in product.sizes()})
    except ValueError:
        return []
    steps = {round(b - a, 1) for a, b in zip(numbers, numbers[1:], strict=False)}
    return numbers if numbers and 15 <= numbers[0] and numbers[-1] <= 50 and steps & {0.5, 1.0} else []


def usual_in_product_system(product: Product, text: str, lang: str) -> tuple[str, str] | None:
    """(the product's size, the sentence saying how) for a usual size given in another system:
    a UK/US shoe size on a shoe (the children's chart when children are named or when only it
    falls within the product's sizes), a UK/US dress size on a product in German numbers, a
    German number on a product sized in letters (38 -> M; 44 and 46 are women's and men's).
    The product's own EU/UK/US table wins over the usual conversion; a jeans waist ("W32") is
    read in the row of the text's table that starts with it ("W32 90 cm 95")."""
    text = plain_system_size(text)  # "US-Grösse 7" is "US 7"
    if mapped := mapped_usual(product, text, lang):  # "M: 70C, 75B, 75C" in the text: the merchant's own mapping
        return mapped
    if own := own_eu(product, text, lang):
        return own[2], say("size_conversion_own", lang, product=product.name(lang), system=own[0], size=own[1], eu=own[2])
    if row := row_size(text_lines(product, lang), option_values(product).get(size_option(product) or SIZE, []), text):
        return row[0], say("size_row_own", lang, product=product.name(lang), said=row[1], size=row[0], row=row[2])
    if found := _by_shoe_size(product, text, lang):
        return found
    run = shoe_run(product)
    fashion = convert_product(text, option_values(product), " ".join([product.name(lang), *product.tags]))  # collars, rings, hats, gloves run like shoes
    if fashion and (not run or fashion[1].kind in ("collar", "ring", "hat", "glove")):
        found = fashion[1]
        other = say("size_fashion_bare_us", lang, said=found.said, other=found.other) if found.other else ""
        return found.value, say(f"size_fashion_{found.kind}", lang, said=found.said, size=found.shown or found.value, other=other)
    if (m := _UK_US.search(text)) and run:
        system, size = m.group(1).upper(), float(m.group(2).replace(",", "."))
        adult = uk_us_to_eu(system, f"{size:g}")
        kids = kids_shoe_eu(system, size, run)
        inside = (lambda eu: eu is not None and run[0] <= float(eu) <= run[-1])  # noqa: E731
        if kids and (KIDS_WORDS.search(text) or (not inside(adult) and inside(kids))):
            return kids, say("size_conversion_kids", lang, system=system, size=f"{size:g}", eu=kids)
        if adult:
            return adult, say("size_conversion_usual", lang, system=system, size=f"{size:g}", eu=adult)
        return None
    numbers = [v for v in option_values(product).get(size_option(product) or SIZE, []) if v.strip().isdigit()]
    if m and numbers and not run and max(int(n) for n in numbers) <= 60 and (eu := dress_eu(m.group(1), float(m.group(2).replace(",", ".")))):
        return eu, say("size_conversion_dress", lang, system=m.group(1).upper(), size=m.group(2), eu=eu)
    letters = product.size_system == "letter" or product_system(size_option(product) or "", option_values(product).get(size_option(product) or SIZE, [])) == "letter"
    if letters and not m and (n := _NUMBER.search(text)) and USUAL.search(text):
        women, men = letter_for_number(float(n.group(1)))
        if (women or men) and not (women and men):
            return (women or men), say("size_number_as_letter", lang, number=n.group(1), letter=women or men)
    return None


_WHICH = re.compile(r"\b(?:welche[nrs]?|which)\b", re.I)  # "Meine Handschuhe haben Größe XL, welche Überhandschuhe?"


def mapped_usual(product: Product, text: str, lang: str) -> tuple[str, str] | None:
    """(size, sentence) for a usual size the product's text maps to one of its sizes
    (`catalog.size_mapping`): asked as the usual size or with "which size"."""
    if not (USUAL.search(text) or ADVICE.search(text) or _WHICH.search(text)):
        return None
    values = option_values(product).get(size_option(product) or SIZE, [])
    if not (found := mapped_size(text_lines(product, lang), values, text)):
        return None
    return found[0], say("size_row_own", lang, product=product.name(lang), said=found[1], size=found[0], row=found[2])


_SHOE_SAID = re.compile(r"(?<![\w.,/–-])(\d{2}(?:[.,]5)?)(?![\w/–-]|[.,]\d|\s*(?:–|-|bis|to)\s*\d)")
_SHOE_WORDS = re.compile(r"schuh\w*|stiefel\w*|\bshoes?\b|\bboots?\b|\bsneakers?\b|\beu\b", re.I)


def _by_shoe_size(product: Product, text: str, lang: str) -> tuple[str, str] | None:
    """(size, sentence) for a shoe size on a product sized by the shoe size it fits (socks
    "47–50", gaiters "S/M" for "Schuhgröße 36–42"): the usual size or a shoe named with it."""
    m = _SHOE_SAID.search(text)
    if not m or not (USUAL.search(text) or _SHOE_WORDS.search(text)) or not 15 <= (shoe := float(m.group(1).replace(",", "."))) <= 50:
        return None
    values = option_values(product).get(size_option(product) or SIZE, [])
    if m.group(1) in values or not (found := by_shoe_size(values, text_lines(product, lang), shoe, tables(product, lang))):
        return None
    if found[0] == found[1]:
        return None  # a value holding the shoe size ("43-46"): the usual size itself names it
    return found[0], say("size_row_own", lang, product=product.name(lang), said=m.group(1), size=found[0], row=found[1])


def _roomier(product: Product, usual: str, size: str, text: str, lang: str) -> tuple[str, str] | None:
    """(size, the merchant's sentence) for a shopper who wants it roomier ("over a fleece", "mag
    es locker") or snugger where the text says to size up or down for that; counted from the
    usual size when the product's fit was read from that very sentence."""
    wanted = preference(product, lang, text)
    if wanted is None:
        return None
    notes = " ".join((product.fit_notes or {}).values())
    from_usual = product.fit is None or wanted[1] in notes or notes in wanted[1] or FROM_USUAL.search(wanted[1])
    base = usual if from_usual else size  # "eine Nummer kleiner als sonst": counted from the usual size
    return shift_size(product, base, wanted[0]), wanted[1]


def _around(product: Product, usual: str) -> tuple[str, str] | None:
    """The product's two neighbouring numbered sizes around a usual size it does not make
    ("38,5" between 38 and 39), one step of its run apart; None when it is made or not numbered."""
    values = option_values(product).get(size_option(product) or SIZE, [])
    try:
        wanted = float(usual.replace(",", "."))
        numbers = sorted((float(v.replace(",", ".")), v) for v in values)
    except ValueError:
        return None
    below = [v for n, v in numbers if n < wanted]
    above = [v for n, v in numbers if n > wanted]
    if any(n == wanted for n, _ in numbers) or not below or not above:
        return None
    low, high = float(below[-1].replace(",", ".")), float(above[0].replace(",", "."))
    step = min(b[0] - a[0] for a, b in zip(numbers, numbers[1:], strict=False))  # the run's own step: 36, 38, 40 go by two
    return (below[-1], above[0]) if high - low <= max(step, 1) else None


# advice that points away from the usual size ("fällt klein aus", "one size up", "eng geschnitten"); other
# advice ("should fit snugly") goes with the usual size
_SIZES_ANOTHER_WAY = re.compile(r"klein|gro(?:ß|ss)|small|large|big|kleiner|größer|\bup\b|\bdown\b|\beng|tight|weit|loose|knapp|nummer|schmal|breit|narrow|wide", re.I)


def recommend(product: Product, usual: str, asked: list[Asked], lang: str, text: str = "", mapped: bool = False) -> tuple[list[str], list[str]]:
    """The size to take for a shopper's usual size: one up for a product that runs small, with
    the merchant's advice; without fit data the advice sentence of the text is quoted instead
    of naming a size that may be wrong; up or down for the fit the question asks for where the
    merchant says so (`text`); other options asked named with it ("45, Weite Weit (2E)").
    `mapped`: the size is the merchant's own for that usual size (`mapped_usual`), no fit step on top."""
    if mapped:
        option = size_option(product) or SIZE
        values = tuple(v for v in option_values(product).get(option, []) if same_size(v, usual))
        said, sources = availability(product, [Asked(option, SIZE, usual, values), *(a for a in asked if a.kind != SIZE)], lang)
        return [said], sources
    if pair := _around(product, usual):  # "sonst 38,5" where only 38 and 39 are made: between two sizes
        return recommend_between(product, pair, asked, lang)
    name = product.name(lang)
    advice = fit_advice(product, lang, catalog().embedder)
    option = size_option(product) or SIZE
    others = [a for a in asked if a.kind != SIZE]
    if bound := applies(product, lang, text):  # "Bei Körpergrößen über 1,75 m eine Nummer größer" and "ich bin 1,78 m"
        return _stated(product, usual, ([float(bound.step)], bound.sentence), [*others], lang)
    if (cup := cup_step(product, lang)) and (moved := moved_cup(usual, cup[0], option_values(product).get(option, []))):
        return _stated(product, usual, ([], cup[1]), [*others], lang, sizes=[moved])  # "eine Cupgröße größer als üblich": 75B -> 75C
    if (stated := stated_step(product, lang)) and not preference(product, lang, text):
        return _stated(product, usual, stated, [*others], lang)
    size, why = (usual, "unknown") if product.fit is None else recommend_size(product, usual)
    roomier = _roomier(product, usual, size, text, lang)
    if roomier:
        size = roomier[0]
    values = tuple(v for v in option_values(product).get(option, []) if same_size(v, size))
    shown = values[0] if values else size  # a range such as "42-44" holds the size: name the range
    shown += "".join(f", {a.option} {a.values[0]}" for a in others if a.kind != COLOR and a.values)
    if roomier:
        lines = [say("size_recommend", lang, usual=usual, product=name, size=shown, why=say("fit_advice_quote", lang, sentence=roomier[1]))]
    elif product.fit is None and advice and not between_only(advice) and _SIZES_ANOTHER_WAY.search(advice) \
            and not has_bound(advice):  # "ab Cup D eine Nummer größer" steps for others: the usual size, the rule quoted
        lines = [say("size_advice_only", lang, usual=usual, product=name, advice=advice)]  # "fallen eher klein aus": its words decide
    elif product.fit is None and advice:  # advice for in-between sizes only: the usual size it is
        lines = [say("size_recommend", lang, usual=usual, product=name, size=shown, why=advice)]
    else:
        reason = (advice or facts.fit_sentence(product, lang)) if why != "unknown" else _bound_or_unknown(product, lang)
        lines = [say("size_recommend", lang, usual=usual, product=name, size=shown, why=reason)]
    text, sources = availability(product, [Asked(option, SIZE, size, values), *others], lang)
    return [*lines, text], sources


def _bound_or_unknown(product: Product, lang: str) -> str:
    """The merchant's step for others ("Ab Cup D eine Nummer größer") that the shopper's stated
    measure does not reach, quoted; else that the fit is unknown."""
    bound = next((r for r in rules(product, lang) if r.step), None)
    return say("fit_advice_quote", lang, sentence=bound.sentence) if bound else say("fit_unknown", lang)


def _stated(product: Product, usual: str, stated: tuple[list[float], str], others: list[Asked], lang: str,
            sizes: list[str] | None = None) -> tuple[list[str], list[str]]:
    """The merchant's own step from the usual size ("eine bis zwei Nummern kleiner als Ihr
    Straßenschuh": 42 -> 41 or 40; `sizes`: the stepped sizes given), with the sentence; the
    stock of the nearest of them."""
    option = size_option(product) or SIZE
    sizes = sizes or list(dict.fromkeys(shift_size(product, usual, step) for step in stated[0]))
    held = [next((v for v in option_values(product).get(option, []) if same_size(v, s)), s) for s in sizes]  # 25 -> "24/25"
    shown = say("size_or", lang, a=held[0], b=held[1]) if len(held) > 1 else held[0]
    why = say("fit_advice_quote", lang, sentence=stated[1])
    lines = [say("size_recommend", lang, usual=usual, product=product.name(lang), size=shown, why=why)]
    values = tuple(v for v in option_values(product).get(option, []) if same_size(v, sizes[0]))
    text, sources = availability(product, [Asked(option, SIZE, sizes[0], values), *others], lang)
    return [*lines, text], sources


def fit_answer(product: Product, text: str, lang: str) -> str:
    """How the product fits, for "fällt der klein aus?" or "should I size up?" without a usual
    size: yes or no when the product's fit is known, the merchant's advice quoted, and the offer
    to name the size."""
    name = product.name(lang)
    advice = fit_advice(product, lang, catalog().embedder)
    if _SIZE_UP.search(text) or _SIZE_DOWN.search(text):  # "size up?" asks whether it runs small
        asked = ["runs_small"] if _SIZE_UP.search(text) else ["runs_large"]
    else:
        asked = [fit for fit, words in _FIT_ASKED.items() if words.search(text)]
    lines = []
    if product.fit:
        if len(asked) == 1:
            lines.append(say("fit_answer_yes" if asked[0] == product.fit else "fit_answer_no", lang))
        lines.append(say(f"fit_product_{product.fit}", lang, product=name))
        if advice:
            lines.append(advice)
    elif advice:
        lines.append(say("fit_product_advice", lang, product=name, advice=advice))
    else:
        lines.append(say("fit_unknown_for", lang, product=name))
    parts = in_stock_parts(product, lang)
    if parts:
        lines.append("; ".join(parts) + ".")
    lines.append(say("fit_offer_size", lang))
    return " ".join(lines)


def between(product: Product, text: str) -> tuple[str, str] | None:
    """("42", "43") for "I'm between 42 and 43" / "zwischen zwei Größen, 122 und 128" when both
    are sizes of the product, smaller first."""
    m = _BETWEEN.search(text)
    option = size_option(product)
    if not m or option is None:
        return None
    values = option_values(product).get(option, [])
    found = [next((v for v in values if same_size(v, w.strip(".,"))), None) for w in (m.group(1), m.group(2))]
    if None in found or found[0] == found[1]:
        return None
    return tuple(sorted(found, key=values.index))  # type: ignore[return-value]


def recommend_between(product: Product, sizes: tuple[str, str], asked: list[Asked], lang: str) -> tuple[list[str], list[str]]:
    """Between two sizes: the smaller for a product that runs large, else the larger (for room);
    without a fit fact the merchant's advice is quoted and both sizes' stock is given."""
    name = product.name(lang)
    option = size_option(product) or SIZE
    advice = fit_advice(product, lang, catalog().embedder)
    others = [a for a in asked if a.kind != SIZE]
    if rule := merchant_between(product, lang):  # "Between two sizes? Pick the smaller one."
        size = sizes[0] if rule[0] == "smaller" else sizes[1]
        lines = [say("size_between", lang, a=sizes[0], b=sizes[1], product=name, size=size, why=say("fit_advice_quote", lang, sentence=rule[1]))]
        chosen = [size]
    elif product.fit is None and advice:
        lines = [say("size_between_advice", lang, a=sizes[0], b=sizes[1], product=name, advice=advice)]
        chosen = list(sizes)
    else:
        size = sizes[0] if product.fit == "runs_large" else sizes[1]
        why = advice or (facts.fit_sentence(product, lang) if product.fit else "")
        if product.fit not in ("runs_large", "runs_small"):
            why = f"{why} {say('chart_between_default', lang)}".strip()
        lines = [say("size_between", lang, a=sizes[0], b=sizes[1], product=name, size=size, why=why)]
        chosen = [size]
    sources = [product.id]
    for size in chosen:
        text, ids = availability(product, [Asked(option, SIZE, size, (size,)), *others], lang)
        lines.append(text)
        sources += ids
    return lines, sources


def between_rule(product: Product, lang: str) -> str:
    """"I'm between sizes" without naming them: the merchant's advice and rule, else the
    product's fit, else the general rule, and the offer to name the size."""
    advice = fit_advice(product, lang, catalog().embedder)
    if merchant := merchant_between(product, lang):  # the merchant's own rule between two sizes
        rule = "" if merchant[1] in advice else say("fit_advice_quote", lang, sentence=merchant[1])
    elif product.fit in ("runs_small", "runs_large"):
        rule = say(f"between_rule_{product.fit}", lang, product=product.name(lang))
    else:
        rule = say("between_rule_general", lang)
    return " ".join(x for x in (advice, rule, say("between_rule_offer", lang)) if x)


def example_size(product: Product) -> str:
    """A size of the product to show how to answer "what size do you usually wear?"."""
    values = option_values(product).get(size_option(product) or SIZE) or []
    return values[len(values) // 2] if values else ("M" if product.size_system == "letter" else "42")
