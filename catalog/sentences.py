"""Sentences of a product text: HTML to lines, then sentences and list items, where "ca.",
"z. B." or "Gr. 42" do not end one. Shared by the fact extractor and the quoted answers."""

from __future__ import annotations

import html
import re

MIN_CHARS = 8  # shorter pieces ("Neu!", "Details") are no answer
# ... unless one word with a full stop states something ("Vegan.", "Waschbar.")
_SHORT_STATEMENT = re.compile(r"^[^\W\d_]{4,}\.$")
MAX_CHARS = 400  # a run-on paragraph without stops is cut into pieces of about this size

_BLOCK = re.compile(r"<\s*(?:br|/?p|/?li|/?ul|/?ol|/?div|/?h[1-6]|/?tr|/?table|/?dl|dt)\b[^>]*>", re.I)
# a table cell or a definition starts a new field of its row: "<tr><td>Gewicht</td><td>350 g</td></tr>"
_CELL = re.compile(r"<\s*(?:td|th|dd)\b[^>]*>", re.I)
_CELL_END = re.compile(r"<\s*/\s*(?:td|th|dd|dt)\s*>", re.I)
# a label on a line of its own ("<b>Material</b><br>100 % Baumwolle", "Pflege:"): a few words, no digit, no stop
_LABEL = re.compile(r"^[^\W\d][^\d.!?:;,]{0,28}$")
_TAG = re.compile(r"<[^>]+>")
# Common abbreviations that end in a dot but not a sentence (German and English).
_ABBREVIATIONS = (
    "ca", "bzw", "inkl", "exkl", "zzgl", "ggf", "evtl", "max", "min", "mind", "std", "nr", "no", "usw", "etc", "vs",
    "approx", "incl", "dr", "st", "gr", "art", "tel", "bspw", "sog", "lt",
)  # fmt: skip
_SPLIT = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”“»«)]))\s+(?=[\"'„“«»(]?[A-ZÄÖÜ0-9])|\s*[\n•·▪]+\s*|\s+[–-]\s+(?=[A-ZÄÖÜ])")


def plain_text(text: str) -> str:
    """HTML (as Shopify and WooCommerce export descriptions) to text with one block per line.
    A table row or a definition is one line, "label: value, value" ("Komfort: -4 °C"); a
    label on its own line is joined with the line after it ("Material: 100 % Baumwolle")."""
    text = _CELL_END.sub("", _CELL.sub("\t", _BLOCK.sub("\n", text)))
    text = html.unescape(_TAG.sub(" ", text))
    lines: list[str] = []
    label = None  # index of a label line waiting for its value
    for raw in text.splitlines():
        cells = [c for c in (re.sub(r"[ \r\f\v]+", " ", c).strip() for c in raw.split("\t")) if c]
        line = f"{cells[0].rstrip(':')}: {', '.join(cells[1:])}" if len(cells) > 1 else "".join(cells)
        if not line:  # a block ends: only a "Label:" waits across it
            label = label if label is not None and lines[label].endswith(":") else None
            lines.append(line)
        elif label is not None and ": " not in line:  # "Technische Daten:" before "Gewicht: 300 g" is a heading
            lines[label] = f"{lines[label].rstrip(' :')}: {line}"
            label = None
        else:
            label = len(lines) if len(cells) == 1 and _is_label(line) else None
            lines.append(line)
    return "\n".join(lines)


def _is_label(line: str) -> bool:
    """"Material", "Pflege:", "Technische Daten:" (a few words), not a sentence or a list item."""
    return bool(line.endswith(":") and len(line) <= 40 and ": " not in line or _LABEL.match(line) and len(line.split()) <= 2)


def split_sentences(text: str, min_chars: int = MIN_CHARS) -> list[str]:
    """Sentences and list items of a (possibly HTML) text, without the abbreviation splits."""
    pieces: list[str] = []
    for part in _SPLIT.split(plain_text(text)):
        part = part.strip(" \t;,")
        if not part:
            continue
        if pieces and _ends_in_abbreviation(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    out: list[str] = []
    for piece in pieces:
        while len(piece) > MAX_CHARS:  # no stops at all: cut at a word boundary
            cut = piece.rfind(" ", 0, MAX_CHARS)
            cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
            out.append(piece[:cut].strip())
            piece = piece[cut:].strip()
        out.append(piece)
    return [p for p in out if len(p) >= min_chars or _SHORT_STATEMENT.match(p)]


# German words after which a number with a stop is an ordinal, not a sentence's end
_BEFORE_ORDINAL = frozenset("der dem den des am zum zur vom im seit".split())


def _ends_in_abbreviation(piece: str) -> bool:
    """"ca.", "inkl.", "z.B.", "z. B.", "e.g." end a piece but not a sentence ("250 g." does)."""
    words = [w.rstrip(")]}\"'”“»«") for w in piece.lower().split()]  # "(ca.)" too
    if not words or not words[-1].endswith("."):
        return False
    last = words[-1].lstrip("([{\"'„“")
    if last.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.){2,}", last):
        return True
    # a German ordinal after an article or preposition: "ab der 20. Schwangerschaftswoche", "am 3. Oktober"
    if re.fullmatch(r"\d{1,3}\.", last) and len(words) > 1 and words[-2] in _BEFORE_ORDINAL:
        return True
    # "z." of "z. B." (a single letter), but not the unit of "250 g."
    return re.fullmatch(r"[a-z]\.", last) is not None and not (len(words) > 1 and re.search(r"\d$", words[-2]))


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_HEADER = re.compile(r"^[^\d.!?]{3,80}$")
# a line with its own label ("M: 57–58 cm") says what its numbers are: no row of the table above it
_OWN_LABEL = re.compile(r"^[^\W\d][^:\d]{0,20}:\s")


def table_headers(lines: list[str]) -> dict[int, str]:
    """row index -> its header line, for a table as the importers flatten it: a line of column
    labels (no digit, no stop, two to ten words: "Modus Helligkeit Leuchtdauer Leuchtweite")
    followed by at least two lines of values, each with two numbers or more and no stop ("Boost
    450 lm 2,5 h 95 m"). A row alone says nothing of what its numbers are; with its header it does."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines[:-2]):
        if not _HEADER.match(line) or not 2 <= len(line.split()) <= 10:
            continue
        rows = []
        for j in range(i + 1, len(lines)):
            if len(_NUMBER.findall(lines[j])) < 2 or len(lines[j].split()) > 14 or lines[j].endswith((".", "!", "?")) or j in out or _OWN_LABEL.match(lines[j]):
                break  # a row is short values, not a sentence
            rows.append(j)
        if len(rows) >= 2:
            out.update(dict.fromkeys(rows, line))
    return out


# a full sentence after a list ends it: "Perfect gift for beginners aged 8 and up."
_FULL_SENTENCE = re.compile(r"[.!?]\W*$")
LIST_ITEMS = 8


def listed_after(lines: list[str], i: int) -> list[str]:
    """The items a line ending in a colon introduces ("Alles drin für den Start:" / "Gigbag" /
    "Clip-Tuner" …, "In the box:" / "2 batteries" / "charger"): the lines after it up to the next
    label line, a full sentence of more than six words, or `LIST_ITEMS`; none after any other line."""
    if not lines[i].rstrip().endswith(":"):
        return []
    out: list[str] = []
    for line in lines[i + 1 : i + 1 + LIST_ITEMS]:
        if line.rstrip().endswith(":") or (_FULL_SENTENCE.search(line) and len(line.split()) > 6):
            break
        out.append(line)
    return out
