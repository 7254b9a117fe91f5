"""A measure OF a named size ("Wie lang ist das Shirt in 122/128?", "What is 18M in centimetres?",
"Größe 122 entspricht welchem Alter?", "What's the foot length for size 44?"): not the stock of
that size, but the line of the product's text or of the store's size guide that gives this
measure for this size, quoted; when neither does, an honest "our data does not say" with the
offer of a person. A garment part's measure asked of no size ("Wie lang sind die Ärmel?") that
the text never gives is answered the same honest way."""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.size_row_measure import row_measure_reply
from actions.texts import say
from catalog.measurements import find_measurements
from catalog.models import Product
from catalog.size_advice import GUIDE_HEADING
from catalog.variants import SIZE, Asked, find_asked, option_kind, option_values

# the measure a question asks: (key, the question's words, the words a line giving it carries)
_MEASURES: list[tuple[str, re.Pattern, re.Pattern]] = [
    ("sleeve", re.compile(r"\b(?:ärmellänge|armlänge|sleeve length)\b|\b(?:wie lang|how long)\b.{0,30}\b(?:ärmel|sleeves?)\b", re.I),
     re.compile(r"ärmel|armlänge|sleeve", re.I)),
    ("inner", re.compile(r"\b(?:innenlänge|innensohlenlänge|inner length|insole length|inside length)\b", re.I),
     re.compile(r"innenlänge|innensohle|inner length|insole|inside length", re.I)),
    ("foot", re.compile(r"\b(?:fu(?:ß|ss)länge|foot length|length of the foot)\b", re.I), re.compile(r"fu(?:ß|ss)|foot|feet", re.I)),
    ("inseam", re.compile(r"\b(?:schrittlänge|innenbeinlänge|beinlänge|inseam|inside leg|leg length)\b", re.I),
     re.compile(r"schritt|innenbein|beinlänge|inseam|inside leg|leg length", re.I)),
    ("head", re.compile(r"(?<![\w-])(?:kopfumfang|kopfweite|head circumference|head size)(?![\w-])", re.I), re.compile(r"kopf|head", re.I)),
    ("chest", re.compile(r"(?<![\w-])(?:brustweite|brustumfang|oberweite|chest|bust)(?![\w-])", re.I), re.compile(r"brust|oberweite|chest|bust", re.I)),
    ("waist", re.compile(r"(?<![\w-])(?:bundweite|bundumfang|taillenumfang|taille|waist)(?![\w-])", re.I), re.compile(r"bund|taille|waist", re.I)),
    ("hip", re.compile(r"(?<![\w-])(?:hüftumfang|hüftweite|hüfte|hips?)(?![\w-])", re.I), re.compile(r"hüft|\bhips?\b", re.I)),
    ("thigh", re.compile(r"(?<![\w-])(?:oberschenkelumfang|oberschenkel|beinumfang|thighs?)(?![\w-])", re.I), re.compile(r"oberschenkel|beinumfang|thigh", re.I)),
    ("height", re.compile(r"(?<![\w-])(?:körpergröße|körperlänge|body height|how tall|(?:what|which) height)(?![\w-])", re.I),
     re.compile(r"körpergröße|körperlänge|height|tall", re.I)),
    ("diameter", re.compile(r"(?<![\w-])(?:durchmesser|diameter|wie dick|how thick|thickness)(?![\w-])", re.I), re.compile(r"durchmesser|diameter|dicke|thick|ø", re.I)),
    ("age", re.compile(r"\b(?:welche[mns]? alter|für welches alter|wie alt|what age|which age|how old|alter|age)\b", re.I),
     re.compile(r"\bjahre?\b|\bmonat\w*|\byears?\b|\bmonths?\b|\d\s*(?:j|m|y)\b\.?|\balter\b|\bage\b", re.I)),
    ("width", re.compile(r"\b(?:wie (?:breit|weit)|how wide|breite|width)\b", re.I), re.compile(r"breit|weite|width|wide", re.I)),
    ("length", re.compile(r"\b(?:wie lang|how long|länge|length|gesamtlänge)\b", re.I), re.compile(r"läng|\blang\b|length|\blong\b", re.I)),
    ("cm", re.compile(r"\b(?:in|wie viele?|how many|auf)\s+(?:cm|zentimeter\w*|centimet\w*|inch\w*|zoll)\b|\bentspricht\b.{0,40}\bcm\b", re.I),
     re.compile(r"\d\s*cm\b|=\s*\d", re.I)),
]
# parts of a garment or shoe: asked of no size, a measure the text must give or we say we don't know
_PARTS = {"sleeve", "inner", "foot", "inseam"}
# "which size …", "long enough", "which length should I get if I normally wear L32": a size to choose, not a measure of a size
_NOT_A_MEASURE = re.compile(
    r"\b(?:welche[nrs]? (?:größe|grösse|nummer|soll)|which (?:size|one)|what size (?:should|do|would|to)|genug|enough|reicht|passt|fits?"
    r"|should i|soll(?:te)? ich|nehme ich|brauche ich|do i need|empfehl\w*|recommend\w*|normally|usually|normalerweise|sonst|i wear|ich trage)\b", re.I)
_NUMBER = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?:\s|$)")


@dataclass
class SizeMeasure:
    """What a question asks: the measure's key, and the named size value (None: no size named)."""

    measure: str
    size: str | None


def asked_measure(product: Product, text: str) -> SizeMeasure | None:
    """The measure the question asks of one of the product's sizes (or of a garment part),
    None for a question of which size to take or one stating a body measure."""
    if _NOT_A_MEASURE.search(text):
        return None
    key = next((k for k, asked, _ in _MEASURES if asked.search(text)), None)
    if key is None:
        return None
    line_words = next(words for k, _, words in _MEASURES if k == key)
    sized = [a for a in find_asked(product, text) if a.values and option_kind(product, a.option) != "color"] or _named_value(product, text)
    rest = text
    for a in sized:
        rest = _size_at(a.wanted).sub(" ", rest)
    if find_measurements(rest):  # "the length for a 125 cm child": a size to find ("foot length for size 44" is no measurement)
        return None
    measured = [o for o, vs in option_values(product).items() if vs and all(_BARE_MEASURE.match(v) for v in vs)]  # "245", "245 cm"; not "W33"
    if any(line_words.search(a.option) for a in sized if a.option in measured) or any(line_words.search(o) for o in measured if key != "cm"):
        return None  # "Wie lang ist der Vorhang in 245?" on a curtain sold by length: the option is the measure
    size = next((a for a in sized if a.kind == SIZE), sized[0] if sized else None)
    if size is None:
        return SizeMeasure(key, None) if key in _PARTS else None
    return SizeMeasure(key, size.values[0])


# measures the text may state by a rule or in another series; not found, they are no "we don't know"
_NEW_BODY = {"head", "chest", "waist", "height", "diameter", "hip", "thigh"}
_BARE_MEASURE = re.compile(r"\s*\d+(?:[.,]\d+)?\s*(?:cm|mm|m|l|ml|kg|g|in|\")?\s*$", re.I)


def _named_value(product: Product, text: str) -> list[Asked]:
    """An option value with a digit the question names as written ("die 5B", "W33") that the
    variant reader leaves out: one value, else none."""
    named = [Asked(o, option_kind(product, o), v, (v,)) for o, vs in option_values(product).items() if option_kind(product, o) != "color"
             for v in vs if re.search(r"\d", v) and _size_at(v).search(text)]  # fmt: skip
    return named if len(named) == 1 else []


def _size_at(value: str) -> re.Pattern:
    words = re.escape(value).replace(r"\ ", r"\s*")
    return re.compile(rf"(?<![\w.,/]){words}(?![\w/]|[.,]\d)", 0 if len(value) <= 3 else re.I)


def _segment(line: str, start: int, end: int, others: list[re.Pattern]) -> str:
    """The part of a line from the size to the next other size or sentence end ("18M = 86")."""
    rest = line[end:]
    stop = min([m.start() for p in others if (m := p.search(rest))] + [len(rest)])
    if (m := _SENTENCE_END.search(rest[:stop])) is not None:
        stop = m.start()
    return (line[start:end] + rest[:stop]).strip(" ,;:|–-")


def _table_row(lines: list[str], i: int, value: re.Pattern) -> str | None:
    """A markdown table row naming the size, with its header's column names ("Größe 122 – Alter ca.: 6–7 Jahre")."""
    cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
    if len(cells) < 2 or not any(value.fullmatch(c) for c in cells):
        return None
    j = i
    while j > 0 and lines[j - 1].lstrip().startswith("|"):
        j -= 1
    header = [c.strip() for c in lines[j].strip().strip("|").split("|")] if j < i else []
    named = [f"{header[k]}: {c}" if k < len(header) and header[k] and not value.fullmatch(c) else c for k, c in enumerate(cells)]
    if len(header) == len(cells) and value.fullmatch(cells[0]):
        return f"{header[0]} {cells[0]} – " + "; ".join(named[1:])
    return " – ".join(named)


def _column_headers(lines: list[str], i: int, sizes: list[re.Pattern]) -> list[str]:
    """The line above a block of rows that each begin with a size: the columns' names; above a
    short heading of a size series ("Normalgrößen", "Kurzgrößen") also the line over it."""
    j = i
    while j > 0 and any(p.match(lines[j - 1].strip()) for p in sizes):
        j -= 1
    if not (j > 0 and lines[j - 1].strip() and j < i + 1):
        return []
    found = [lines[j - 1].strip()]
    while j > 1 and len(lines[j - 1].split()) <= 2 and not _NUMBER.search(lines[j - 1]):
        j -= 1
        while j > 0 and any(p.match(lines[j - 1].strip()) for p in sizes):  # the rows of the series before
            j -= 1
        if j > 0 and lines[j - 1].strip():
            found.append(lines[j - 1].strip())
    return found


def _block_label(lines: list[str], i: int, sizes: list[re.Pattern], words: re.Pattern) -> bool:
    """Whether a line above in the same block of lines naming a size names the measure
    ("Kragenweite 39 → Brustweite 114 cm" over "Kragenweite 43 → 130 cm")."""
    j = i
    while j > 0 and any(p.search(lines[j - 1]) for p in sizes):
        j -= 1
        if words.search(lines[j]):
            return True
    return False


def _lines(text: str) -> list[str]:
    return [re.sub(r"<[^>]+>", " ", line).strip() for line in re.split(r"\n|<br\s*/?>|</p>|</li>", text or "")]


def find_lines(text: str, size: str, words: re.Pattern, others: list[str]) -> list[str]:
    """The lines of a text that give the measure (`words`) for this size, each cut to its part."""
    value = _size_at(size)
    other = [_size_at(o) for o in others if o != size and not _size_at(o).search(size)]
    lines = _lines(text)
    found: list[str] = []
    leading = [i for i, line in enumerate(lines) if (m := value.search(line)) and not re.search(r"\d", line[: m.start()])]
    for i, line in enumerate(lines):
        if not (m := value.search(line)) or (leading and i not in leading) or re.match(r"\s*[–-]\s*\d", line[m.end():]):
            continue  # "102" as a row's size, not the start of a range "102–105"
        if line.lstrip().startswith("|"):
            part = _table_row(lines, i, value)
        else:
            part = _segment(line, m.start(), m.end(), other)
        if not part or not _NUMBER.search(value.sub("", part)):
            continue
        before = line[max([0, *(o.end() for p in other for o in p.finditer(line[: m.start()]))]): m.start()]
        if words.search(part):
            found.append(part)
        elif not line.lstrip().startswith("|") and words.search(before):  # "Rückenlänge Gr. L: 84 cm"
            found.append(f"{before.strip(' ,;:|–-')} {part}".strip())
        elif header := next((h for h in _column_headers(lines, i, [value, *other]) if words.search(h)), None):
            found.append(f"{header} – {part}")  # "Gr. Innenlänge (cm)" over "30/31 19,8"
        elif (label := line[: min([m.start(), *(o.start() for p in other for o in p.finditer(line))])]) and words.search(label):
            found.append(f"{label.strip(' ,;:|–-')} {part}")  # "Waist (garment): W30 78 cm · W31 80.5 cm"
        elif _block_label(lines, i, [value, *other], words):
            found.append(part)
    return list(dict.fromkeys(found))


def _measured_anywhere(text: str, words: re.Pattern) -> bool:
    """Whether the text names the measure beside a number anywhere ("Innenbeinlänge für alle Größen 80 cm")."""
    plain = re.sub(r"<[^>]+>", " ", text or "")
    for m in words.finditer(plain):
        end = m.end() + len(re.match(r"\w*", plain[m.end():]).group(0))  # the whole word: "Ärmellänge"
        gap = re.match(r"[^\d.!?]{0,25}(?=\d)", plain[end:end + 27])
        if (gap and not _OTHER_MEASURE.search(gap.group(0))) or re.search(r"\d\s*(?:cm|mm|m|in|\")\W{0,4}$", plain[max(0, m.start() - 12):m.start()]):
            return True
    return False


# another measure between a word and a number: "3/4-Ärmel, Länge ca. 110 cm" gives no sleeve length
_OTHER_MEASURE = re.compile(r"läng|breit|weite|höhe|length|width|height|gewicht|weight|umfang|circumference", re.I)


def measure_lines(product: Product, asked: SizeMeasure, lang: str, passages: list) -> tuple[list[str], str | None] | None:
    """(lines giving the asked measure, the size guide heading they come from, None: the
    product's text); None when the text gives the measure in a way not tied to the size."""
    words = next(w for k, _, w in _MEASURES if k == asked.measure)
    description = product.description or {}
    own = description.get(lang) or next(iter(description.values()), "")
    sizes = [v for o, vs in option_values(product).items() if option_kind(product, o) != "color" for v in vs]
    if asked.size is not None and (found := find_lines(own, asked.size, words, sizes)):
        return found, None
    if _measured_anywhere(own, words):
        return None  # the text gives this measure some other way (a table, "für alle Größen 80 cm"): the usual answer
    if asked.size is None:
        return [], None
    for passage in passages:
        if passage.lang == lang and GUIDE_HEADING.search(f"{passage.title} {passage.heading}") \
                and (found := find_lines(passage.text, asked.size, words, sizes)):
            return found, passage.heading
    return [], None


def size_measure_reply(product: Product, text: str, lang: str, passages: list) -> tuple[str, bool] | None:
    """(the answer, whether the data lacks it) for a question asking a measure of a named size,
    or None for any other question."""
    asked = asked_measure(product, text)
    if asked is None:
        return None
    measured = measure_lines(product, asked, lang, passages)
    if (measured is None or not measured[0]) and asked.size and (charted := row_measure_reply(product, asked.measure, asked.size, lang)):
        return charted, False  # the text's line names the measure only in its table's head: the chart row
    if measured is None:
        return None
    lines, heading = measured
    if not lines and asked.measure in _NEW_BODY:
        return None  # a body measure of a size the text may give another way (a rule, a series): the usual answer
    name = product.name(lang)
    what = say(f"size_of_{asked.measure}", lang)
    if not lines:
        key = "size_of_unknown" if asked.size else "size_of_unknown_any"
        return say(key, lang, product=name, size=asked.size or "", measure=what), True
    quoted = " | ".join(lines[:3])
    if heading is None:
        return say("size_of_text", lang, product=name, size=asked.size or "", measure=what, line=quoted), False
    return say("size_of_guide", lang, heading=heading, size=asked.size, measure=what, line=quoted), False
