"""Comparing two products: the attribute the shopper asks about first, and which one has more
or less of it ("Welche hält länger?"), else the sentence of each product's text that answers
the question; then the overview (price, facts, sizes, fit, colours, first sentence)."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet

from actions import facts
from actions.common import ShopAction, reply
from actions.context import catalog, metadata, shown, text_of
from actions.product_text import quote
from actions.size_asks import asks_size_advice
from actions.sizing import answer_size
from actions.texts import say
from catalog.language import STOPWORDS
from catalog.models import Product
from catalog.names import is_measure
from catalog.passages import asked_aspects, content_words
from catalog.search import names_a_product
from catalog.stated_measures import stated_measure

# "X or Y", "X vs. Y", "zwischen X und Y": each side names one product
_SIDES = re.compile(r"\s+(?:or|oder|vs\.?|versus|und|and|gegen|against|compared to|im vergleich zu)\s+|,|/", re.I)
# a side of more words than this is a question around a name, not a short name ("der Hanna")
MAX_SIDE_WORDS = 4
# what stands before the first name ("Was ist der Unterschied zwischen …") and after the last ("… – welche ist leichter?")
_BETWEEN = re.compile(r"\b(?:zwischen|between)\b", re.I)
_AFTER_NAME = re.compile(r"\s[–—-]\s|[?!:;]|\s(?:bei der|beim|hinsichtlich|bezüglich|in puncto|in terms of|regarding)\s", re.I)  # "… bei der Saugkraft?"
# comparative words -> (attribute, True when more of it is what the word asks for); the first
# one both products have a value for is answered ("länger" of a headlamp is its battery)
_COMPARATIVES: list[tuple[re.Pattern, str, bool]] = [
    (re.compile(p, re.I), key, more)
    for p, key, more in (
        (r"leichter|lighter", "weight_g", False),
        (r"schwerer|heavier", "weight_g", True),
        (r"wärmer|warmer", "min_temp_c", False),
        (r"mehr garantie|länger\w* garantie|longer (?:warranty|guarantee)", "warranty_years", True),
        (r"länger|longer|ausdauernder", "battery_hours", True),
        (r"leiser|quieter", "noise_db", False),
        (r"lauter|louder", "noise_db", True),
        (r"größere[nrm]? (?:räume|raum|zimmer|wohnung)|bigger room|larger room|größeren? fläche", "room_size_m2", True),
        (r"größer|bigger|larger|mehr (?:platz|volumen|stauraum)|passt mehr|fasst mehr|more (?:space|room)|holds? more", "capacity_l", True),
        (r"stärker|leistungsstärker|more powerful", "power_w", True),
        (r"wasserdichter|more waterproof", "waterproof_mm", True),
        (r"mehr akku|bigger battery|more battery", "battery_wh", True),
    )
]  # fmt: skip


# comparatives of a measure the texts state rather than a typed fact ("Höhe 185 cm", "96 cm high"),
# said of the products ("Welcher ist höher?", "which is taller than"), not of a price or quality
_PREDICATIVE = r"(?=\s*(?:[,?!.:;–-]|$|als\b|than\b|oder\b|or\b))"
_TEXT_COMPARATIVES: list[tuple[re.Pattern, str, bool]] = [
    (re.compile(p + _PREDICATIVE, re.I), kind, more)
    for p, kind, more in (
        (r"\b(?:höher|hoeher|taller|higher)", "height", True),
        (r"\b(?:niedriger|flacher)", "height", False),
        (r"\b(?:breiter|wider)", "width", True),
        (r"\b(?:schmaler|schmäler|narrower)", "width", False),
    )
]  # fmt: skip


def named_pair(text: str) -> list[Product]:
    """The products named on the two sides of "X or Y", the best-named one per side."""
    out: list[Product] = []  # not the whole text's matches: one word ("Merino") may fit several names
    said: list[str] = []  # the side that named each
    for i, side in enumerate(_SIDES.split(_unsuspended(text))):
        found = (_best_named(side, text) or _whole_title(side) or _one_title(side) or _title_run(side, i == 0)
                 or _compound_title(side)) if side and side.strip() else []  # fmt: skip
        for product in found:
            if product not in out:
                out.append(product)
                said.append(side)
    if len(out) == 2:
        for i in (0, 1):
            out[i] = _of_the_others_kind(said[i], out[i], out[1 - i])
    return out


def _of_the_others_kind(side: str, chosen: Product, other: Product) -> Product:
    """Of the products a side names equally well, the one of the other side's category: two
    things weighed are of one kind ("Sport-BH Pulse und der Flow": the sports bra "Flow", not
    the briefs "Flow"; "the Alto tent or the Nimbus": the tent "Nimbus")."""
    if chosen.category == other.category:
        return chosen
    cat = catalog()
    weight = round(cat.mentioned_weight(side, chosen), 3)
    same = [p for _, p in cat.named_scores(side) if p not in (chosen, other) and p.category == other.category
            and round(cat.mentioned_weight(side, p), 3) >= weight]  # fmt: skip
    return same[0] if len(same) == 1 else chosen


def _best_named(side: str, text: str) -> list[Product]:
    """The product a side names: of those it names about as well, the one it says most of
    ("Falke hoch": the boot "Falke hoch", not the bib trousers "Falke"), then the one the whole
    question asks for ("Fels or Vento helmet": the helmet "Fels", not the fleece jacket "Fels")."""
    cat = catalog()
    named = cat.find_named(side)
    if len(named) < 2:
        return named
    weight = {p.id: round(cat.mentioned_weight(side, p), 3) for p in named}
    most = [p for p in named if weight[p.id] == max(weight.values())]
    if len(most) > 1:
        ranked = [h.product.id for h in cat.search(text).hits]
        most.sort(key=lambda p: ranked.index(p.id) if p.id in ranked else len(ranked))
    return most[:1]


# what any comparison says: a comparing word, "or" / "versus", "which …", "better", "than"; a
# message with none of these ("a drill that comes with two batteries") weighs nothing
COMPARING = re.compile(
    r"\b(?:vergleich\w*|compar\w*|unterschied\w*|unterscheide\w*|differen\w*|differ|versus|vs|oder|or|welche[nrsm]?|which"
    r"|besser|better|best\w*|lieber|rather|statt|instead|gegenüber|als|than|beide[nrs]?|both|either)\b"
    r"|\w+er\s+(?:als|than)\b",
    re.I,
)

# "X or Y?" (not "X and Y"): the shopper weighs one against the other
_CHOICE = re.compile(r"\s(?:or|oder|vs\.?|versus)\s", re.I)


def asked_pair(text: str) -> list[Product]:
    """The two products a message weighs against each other, each side of its "or" naming one
    ("Riviera or Piz Palü for driving?", whatever the classifier called it); else empty. A choice
    between kinds ("Ring oder Kette?") names no two products."""
    if not _CHOICE.search(text):
        return []
    pair = named_pair(text)
    return pair if len(pair) == 2 else []


def _whole_title(side: str) -> list[Product]:
    """The product whose whole title the side spells out, though each of its words is a kind or
    a measure ("Trinkrucksack 12 L": no rare word names it, all its words together do)."""
    said = f" {_words(side)} "
    found = []
    for product in catalog().products.values():
        if any(len(t.split()) >= 2 and f" {t} " in said for t in map(_words, product.title.values())):
            found.append(product)
    return found[:1]


def _one_title(side: str) -> list[Product]:
    """The one product whose title holds every word of the side beyond function words, one of
    them a word that can name a product: "der Hanna" for "Jeans Hanna High Waist Straight",
    "Powerbank 20.000" for "Powerbank 20,000 mAh" beside a "Magnetische Powerbank 5.000 mAh" —
    in a comparison each side names one product, so a shorter name than usual is enough."""
    side = _BETWEEN.split(_AFTER_NAME.split(side)[0])[-1]  # "der Unterschied zwischen X", "X – welche ist leichter?"
    said = {w for w in _words(side).split() if w not in STOPWORDS}
    if not said or len(said) > MAX_SIDE_WORDS or not any(names_a_product(w) and not w.isdigit() for w in said):
        return []
    return _only_title(said)


def _only_title(said: set[str]) -> list[Product]:
    """The one product whose title holds every word of `said`, else none."""
    found = [p for p in catalog().products.values() if any(said <= set(_words(t).split()) for t in p.title.values())]
    return found if len(found) == 1 else []


def _title_run(side: str, first: bool) -> list[Product]:
    """The one product a run of the side's words names, the longest run first, where the side says
    more around the name: the first side's name after its question ("Which rope is lighter per
    metre: the Isarseil 9.2 Dry"), the last side's before it; every other word of the name's part
    that names products is in that title too, or ends a word of it ("Weser-Jeans" of "Umstandsjeans
    Skinny Weser"; not "tights class 1" for "Compression Knee Socks Class 1")."""
    parts = _AFTER_NAME.split(_BETWEEN.split(side)[-1])
    words = [w for w in _words(parts[-1] if first else parts[0]).split() if w not in STOPWORDS]
    for size in range(min(MAX_SIDE_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            run = set(words[start : start + size])
            # two or more words together may name one title though none alone names a product ("dem Kompakt X")
            if not ((size >= 2 and any(w.isalpha() and not is_measure(w) for w in run)) or any(names_a_product(w) and not w.isdigit() for w in run)) or not (found := _only_title(run)):
                continue
            title = {t for name in found[0].title.values() for t in _words(name).split()}
            if all(any(t.endswith(w) for t in title) for w in set(words) - run if names_a_product(w) and not w.isdigit()):
                return found
    return []


def _joins(word: str, title_words: list[str]) -> bool:
    """Whether a compound is a word of the title followed by the end of another of its words
    ("sommerschlafsack" of "Babyschlafsack Sommer")."""
    return any(len(t) >= 3 and word.startswith(t) and len(rest := word[len(t):]) >= 4
               and any(o != t and o.endswith(rest) for o in title_words) for t in title_words)  # fmt: skip


def _compound_title(side: str) -> list[Product]:
    """The one product a compound of the side joins two words of the title of ("Sommerschlafsack"
    of "Babyschlafsack Sommer"): a German shopper writes a name's kind and its variety as one word."""
    for word in _words(side).split():
        if len(word) < 8:
            continue
        found = [p for p in catalog().products.values() if any(_joins(word, _words(t).split()) for t in p.title.values())]
        if len(found) == 1:
            return found
    return []


# "Sommer- und Winterschlafsack": the first compound's second part left out after its hyphen
_SUSPENDED = re.compile(r"\b([^\W\d_]{3,})-\s+(und|oder|or|and|bzw\.?)\s+((?:[^\W\d_]+\s+){0,2}?)([^\W\d_]{7,})\b", re.I)


def _unsuspended(text: str) -> str:
    """"Sommer- und Winterschlafsack" written out ("Sommerschlafsack und Winterschlafsack") when
    the completed first compound names a product by `_compound_title`."""
    def complete(m: re.Match[str]) -> str:
        head, tail = m.group(1), m.group(4)
        for cut in range(3, len(tail) - 3):
            if _compound_title(head + tail[cut:].lower()):
                return f"{head}{tail[cut:].lower()} {m.group(2)} {m.group(3)}{tail}"
        return m.group(0)

    return _SUSPENDED.sub(complete, text)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def comparative_line(a: Product, b: Product, question: str, lang: str) -> str | None:
    """"Lighter: A – 255 g; B – 310 g" for the first comparative of the question both products
    have a number for."""
    for pattern, key, more in _COMPARATIVES:
        left, right = _number(a.attributes.get(key)), _number(b.attributes.get(key))
        if not pattern.search(question) or left is None or right is None:
            continue
        phrase_a, phrase_b = facts.attribute_phrase(key, a.attributes[key], lang), facts.attribute_phrase(key, b.attributes[key], lang)
        if left == right:
            return say("compare_same", lang, a=a.name(lang), b=b.name(lang), phrase=phrase_a)
        winner, loser = (a, b) if (left > right) == more else (b, a)
        won, lost = (phrase_a, phrase_b) if winner is a else (phrase_b, phrase_a)
        return say("compare_pick", lang, winner=winner.name(lang), won=won, loser=loser.name(lang), lost=lost)
    return _stated_line(a, b, question, lang)


def _stated_line(a: Product, b: Product, question: str, lang: str) -> str | None:
    """"Welcher ist höher?" from the height each text states ("Höhe 185 cm" against "96 cm high")."""
    for pattern, kind, more in _TEXT_COMPARATIVES:
        left, right = stated_measure(a, kind), stated_measure(b, kind)
        if not pattern.search(question) or left is None or right is None:
            continue
        if left[0] == right[0]:
            return say("compare_same", lang, a=a.name(lang), b=b.name(lang), phrase=left[1])
        (winner, won), (loser, lost) = ((a, left), (b, right)) if (left[0] > right[0]) == more else ((b, right), (a, left))
        return say("compare_pick", lang, winner=winner.name(lang), won=won[1], loser=loser.name(lang), lost=lost[1])
    return None


def asked_lines(a: Product, b: Product, question: str, lang: str) -> list[str]:
    """The typed facts the question asks about, side by side, first; else, for a question about
    a kind of fact, the sentence of each product's own text that answers it."""
    keys = [k for k in facts.asked_attributes(question) if k in a.attributes or k in b.attributes]
    lines = [
        f"- {facts.attribute_phrase(k, a.attributes.get(k), lang) or '–'} | {facts.attribute_phrase(k, b.attributes.get(k), lang) or '–'}"
        for k in keys
    ]  # fmt: skip
    if lines:
        return lines
    # a kind of fact asked: the whole question; else what it asks of both, if anything ("für fettige Haut?")
    whole = bool(asked_aspects(question))
    asked = question if whole else without_names(question, (a, b))
    if not whole and not content_words(asked):
        return lines
    cat = catalog()
    # without the names in the question, their categories' words need not be taken out of it either
    categories = cat.config.categories if whole else None
    quotes = [quote(p, asked, lang, cat.embedder, categories)[0] for p in (a, b)]
    return [q for q in quotes if q]


def without_names(question: str, products: tuple[Product, ...]) -> str:
    """The question without the words naming the compared products, in either language
    ("Gesichtscreme Alpenrose oder Hyaluron-Serum für fettige Haut?" -> "für fettige Haut?"):
    what is asked of both, so a word of one product's name ("Creme") does not pick the other's
    sentence that mentions it ("before your cream")."""
    names = " ".join(f"{p.name('de')} {p.name('en')}" for p in products)
    for word in content_words(question) - content_words(question, exclude=names):
        question = re.sub(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", " ", question, flags=re.I)
    question = _SIDES.sub(" ", f" {question} ")  # the "oder" / "vs" left between the names
    return re.sub(r"\s+", " ", re.sub(r"(?<!\w)[-–—,/](?!\w)", " ", question)).strip()


class ActionCompareProducts(ShopAction):
    def name(self) -> str:
        return "action_compare_products"

    def respond(self, dispatcher, tracker, lang):
        if asks_size_advice(tracker):  # "she's between 110 and 116, which one?" compares two sizes, not products
            return answer_size(dispatcher, tracker, lang)
        from actions.compare_versions import answer_versions  # noqa: PLC0415 (it imports this module)

        if (events := answer_versions(dispatcher, tracker, lang)) is not None:  # "in 60 cm im Vergleich zu 80 cm?"
            return events
        cat = catalog()
        text = text_of(tracker)
        named = named_pair(text)
        candidates = named + [p for p in shown(tracker) if p not in named]
        current = cat.get(tracker.get_slot("current_product"))
        if current and current not in candidates:
            candidates.insert(len(named), current)
        if len(candidates) < 2:
            page = current or cat.get(metadata(tracker).get("product_id"))
            if page is not None and all(c == page for c in candidates):
                from actions.product_questions import ActionProductInfo  # noqa: PLC0415 (it imports this module)

                # "Für welche Wassertemperatur ist der Neo gedacht?" on its page: a question about that product
                return ActionProductInfo().respond(dispatcher, tracker, lang)
            if page is None and not COMPARING.search(text):
                from actions.search import ActionSearchProducts  # noqa: PLC0415 (it imports this module)

                # "a drill that comes with two batteries": a number word, no two products weighed
                return ActionSearchProducts().respond(dispatcher, tracker, lang)
            reply(dispatcher, say("compare_need_two", lang))
            return []
        a, b = candidates[:2]
        lines = [say("compare_head", lang, a=a.name(lang), b=b.name(lang))]
        verdict = comparative_line(a, b, text, lang)
        asked = asked_lines(a, b, text, lang)
        lines += [x for x in (verdict, *asked) if x]
        currency = cat.config.store.currency
        lines.append(f"- {say('price', lang)}: {facts.price_text(a, lang, currency)} | {facts.price_text(b, lang, currency)}")
        keys = [k for k in dict.fromkeys([*a.attributes, *b.attributes]) if k in facts.ATTRIBUTE_WORDS or k in ("width", "use", "animal")]
        for key in keys:
            line = f"- {facts.attribute_phrase(key, a.attributes.get(key), lang) or '–'} | {facts.attribute_phrase(key, b.attributes.get(key), lang) or '–'}"
            if line not in asked:
                lines.append(line)
        if a.sizes() or b.sizes():
            in_stock = [", ".join(p.sizes(in_stock=True)) or (say("none", lang) if p.sizes() else "–") for p in (a, b)]
            lines.append(f"- {say('sizes', lang)}: {in_stock[0]} | {in_stock[1]}")
            lines.append(f"- {say('fit', lang)}: {facts.fit_sentence(a, lang)} | {facts.fit_sentence(b, lang)}")
        colors_a = ", ".join(facts.color_name(c, lang) for c in a.colors(in_stock=True))
        colors_b = ", ".join(facts.color_name(c, lang) for c in b.colors(in_stock=True))
        if colors_a or colors_b:
            lines.append(f"- {say('colors', lang)}: {colors_a or '–'} | {colors_b or '–'}")
        for product in (a, b):
            desc = product.text("description", lang)
            if desc:
                lines.append(f"{product.name(lang)}: {facts.first_sentence(desc)}")
        reply(dispatcher, "\n".join(lines), sources=[a.id, b.id], payload=facts.cards_payload([a, b], lang, cat.config))
        return [SlotSet("shown_products", [a.id, b.id]), SlotSet("current_product", None), SlotSet("last_topic", "compare")]
