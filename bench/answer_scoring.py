"""Scoring a whole bot answer against a question's `expect` (bench/questions/*.jsonl).

An answer is everything the shopper sees for one message: the reply texts, button titles and
the product cards (custom payload `{"type": "products"}`; their ids, names, prices and
availability). `expect` may hold:

- `products_any`: product ids; one of them must be shown as a card or named in the text.
- `products_none`: product ids that must be neither shown nor named (drafts, archived ...).
- `must` / `must_not`: regexes (case-insensitive) that all must / none may match the answer text;
  `must_not` is matched against what the answer states (texts and cards), not against the titles
  of its quick-reply buttons: a button such as "Yes, please" (the offer of a person) is an offer
  to the shopper, not a claim about the product.
- `refuse`: an out-of-scope question: a polite refusal and no product.
- `dont_know`: the data does not say: the answer says so and offers a person.

A question asked on a product page (`page_product`) is also wrong when the answer is about
another product: it shows or names some other product and never the page's.

The refusal / don't-know / person patterns are deliberately generic (any wording in German or
English that says so), not the bot's own sentences.
"""

from __future__ import annotations

import csv
import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REFUSAL = re.compile(
    r"kann ich (Ihnen )?(leider )?nicht|nicht beantworten|nicht weiterhelfen|leider nicht (helfen|sagen)|"
    r"nicht (zuständig|mein Gebiet)|nur bei Fragen|helfe Ihnen gern bei|"
    r"can't (answer|help)|cannot (answer|help)|can not (answer|help)|not able to|unable to|"
    r"I can help (you )?with|only help with|outside (of )?what I",
    re.IGNORECASE,
)
DONT_KNOW = re.compile(
    r"steht .{0,60}nichts|keine (Angabe|Angaben|Information|Informationen)|nicht (bekannt|angegeben|vermerkt)|"
    r"weiß ich (leider )?nicht|kann ich (leider )?nicht (sagen|beantworten)|finde ich .{0,40}nichts|leider nichts|"
    r"don't know|do not know|doesn't (say|mention|state)|does not (say|mention|state)|no information|"
    r"not (stated|specified|mentioned|listed)|can't (find|tell|say)|cannot (find|tell|say)|"
    r"(have|has) no (details|information|data)",
    re.IGNORECASE,
)
PERSON = re.compile(
    r"Mitarbeiter|Kundenservice|Kundendienst|Team|persönlich|customer service|a person|a human|in touch|"
    r"colleague|@[\w.-]+\.\w+|\+\d[\d ]{6,}",
    re.IGNORECASE,
)


@dataclass
class Answer:
    """What the shopper saw for one message."""

    text: str = ""
    product_ids: list[str] = field(default_factory=list)
    ms: float = 0.0
    statements: str | None = None  # the text without button titles (None: the same as `text`)

    @classmethod
    def from_messages(cls, messages: list[dict], ms: float = 0.0) -> Answer:
        """From the REST webhook's reply list."""
        parts: list[str] = []
        said: list[str] = []
        ids: list[str] = []
        for message in messages:
            if message.get("text"):
                parts.append(message["text"])
                said.append(message["text"])
            parts.extend(b.get("title", "") for b in message.get("buttons") or [])
            custom = message.get("custom") or {}
            if custom.get("type") == "products":
                for card in custom.get("products") or []:
                    ids.append(str(card.get("id", "")))
                    shown = " – ".join(str(card.get(k) or "") for k in ("name", "price_text", "availability"))
                    parts.append(shown)
                    said.append(shown)
        return cls(_plain(parts), ids, ms, _plain(said))


def _plain(parts: list[str]) -> str:
    return re.sub(r"[\u00a0\u2009\u202f]", " ", "\n".join(p for p in parts if p))  # no-break spaces


def _named(pid: str, answer: Answer, names: dict[str, list[str]]) -> bool:
    if pid in answer.product_ids:
        return True
    return any(n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", answer.text, re.IGNORECASE) for n in names.get(pid, []))


def score(expect: dict, answer: Answer, names: dict[str, list[str]], page_product: str | None = None) -> list[str]:
    """The reasons the answer is wrong; an empty list means right. `names`: product id -> its
    names, for every product of the store."""
    reasons: list[str] = []
    if page_product and not _named(page_product, answer, names):
        others = [pid for pid in names if pid != page_product and _named(pid, answer, names)]
        if others:
            reasons.append(f"about {others[:3]} instead of the page's {page_product}")
    wanted = expect.get("products_any") or []
    if wanted and not any(_named(pid, answer, names) for pid in wanted):
        reasons.append(f"none of {wanted} shown or named (shown: {answer.product_ids})")
    for pid in expect.get("products_none") or []:
        if _named(pid, answer, names):
            reasons.append(f"{pid} must not be shown")
    for pattern in expect.get("must") or []:
        if not re.search(pattern, answer.text, re.IGNORECASE):
            reasons.append(f"missing /{pattern}/")
    stated = answer.text if answer.statements is None else answer.statements
    for pattern in expect.get("must_not") or []:
        if re.search(pattern, stated, re.IGNORECASE):
            reasons.append(f"must not say /{pattern}/")
    if expect.get("refuse"):
        if answer.product_ids:
            reasons.append(f"out of scope but products shown: {answer.product_ids}")
        if not REFUSAL.search(answer.text):
            reasons.append("no polite refusal")
    if expect.get("dont_know"):
        if not DONT_KNOW.search(answer.text):
            reasons.append("does not say the data lacks this")
        if not PERSON.search(answer.text):
            reasons.append("offers no person")
    if not answer.text and not answer.product_ids:
        reasons.append("no reply")
    return reasons


FAILURE_MODES = ["wrong product", "said it does not know", "refused", "stated a forbidden fact", "missing the fact", "answered what is unknown", "did not refuse", "other"]


def failure_mode(expect: dict, answer: Answer, reasons: list[str]) -> str:
    """What kind of miss a wrong answer is, read from its reasons and the reply alone, so that a
    held-out store can be looked at in aggregate (how many misses of each mode per kind) without
    anyone reading its questions."""
    if any(r.startswith(("about ", "none of ")) for r in reasons):
        return "wrong product"
    if expect.get("refuse"):
        return "did not refuse"
    if expect.get("dont_know"):
        return "answered what is unknown"
    if any(r.startswith("must not say") for r in reasons):
        return "stated a forbidden fact"
    if REFUSAL.search(answer.text) and not DONT_KNOW.search(answer.text):
        return "refused"
    if DONT_KNOW.search(answer.text):
        return "said it does not know"
    if any(r.startswith("missing ") for r in reasons):
        return "missing the fact"
    return "other"


# The path a reply took, read from shopbot's own reply sentences (actions/texts*.py), first match
# wins: with the modes, the view of a held-out store's misses that reads none of its questions.
REPLY_PATHS: list[tuple[str, re.Pattern]] = [
    ("refused as out of scope", re.compile(r"kann ich (Ihnen )?(leider )?nicht (beantworten|weiterhelfen)|can't answer that|I can help with products", re.I)),
    ("search results", re.compile(r"Das passt am besten|These match best|This matches best|closest we have|führen wir wohl nicht|Am ehesten passt", re.I)),
    ("asked which product", re.compile(r"Welches Produkt meinen Sie|Which product do you mean|Which two products|Welche zwei Produkte", re.I)),
    ("no chart: asked the usual size", re.compile(r"keine Größentabelle|no size chart|Nennen Sie mir Ihre übliche Größe|Tell me the size you usually wear|What size do you usually wear|Welche Größe tragen Sie", re.I)),
    ("outside the chart", re.compile(r"außerhalb der Größenangaben|outside .{0,60}size information|no longer fits|not a fit yet|passt .{0,40}nicht mehr|noch nicht", re.I)),
    ("general rule", re.compile(r"allgemeine (Umrechnung|Regel)|general (conversion|rule)|Faustregel|rule of thumb|übliche Regel|usual rule"
                                r"|üblichen Größenumrechnung|standard sizing", re.I)),
    ("the store's size guide", re.compile(r"gilt unsere Größenberatung|store's size guide applies", re.I)),
    ("size from the usual size", re.compile(r"Wenn Sie sonst|If you usually wear", re.I)),
    ("size from the chart", re.compile(r"Größenangaben|size information|Ich empfehle|I recommend|liegt zwischen|falls between|Ihre Maße|Your measurements", re.I)),
    ("quoted the closest sentence", re.compile(r"Am nächsten kommt|The closest the description", re.I)),
    ("quoted the text", re.compile(r"Laut Produktbeschreibung|The description of|Hinweis des Händlers|merchant's note", re.I)),
    ("shipping quote", re.compile(r"Versand nach|Lieferung nach|Shipping to|delivery to", re.I)),
    ("policy passage", re.compile(r"Rückgabe|Rücksend|Rücktritt|Widerruf|Garantie|Gewährleistung|Abholung|Zahlung|return|withdraw|warranty|guarantee|pick-?up|payment", re.I)),
    ("variant state", re.compile(r"vorrätig|ausverkauft|in stock|sold out|gibt es nicht|doesn't come in", re.I)),
]


def reply_path(text: str) -> str:
    """Which of shopbot's answers a reply is (search results, a size from the chart, a quote ...);
    product cards ("name – price – availability") are not part of it."""
    text = "\n".join(line for line in text.splitlines() if line.count(" – ") < 2)
    if DONT_KNOW.search(text) and not re.search(r"Am nächsten kommt|The closest the description", text, re.I):
        return "said it does not know"
    return next((name for name, pattern in REPLY_PATHS if pattern.search(text)), "other")


# --- the store's own catalog file, read without the bot's importer ------------------------------


@dataclass
class CatalogText:
    """A product as a shopper could see it: id, names (all languages), title + description."""

    id: str
    names: list[str]
    text: str


def _html_text(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup or ""))).strip()


def _slug(text: str) -> str:
    """A WooCommerce product's id as shopbot names it (`catalog.import_common.slug`): its name in
    lower case, umlauts spelt out, other letters and digits by their plain form ("é" -> "e", "²" -> "2")."""
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:100]


def _read_woocommerce(rows: list[dict], visible_only: bool) -> list[CatalogText]:
    """A WooCommerce export's products (not their variations); drafts, private and hidden ones
    only without `visible_only`."""
    out: list[CatalogText] = []
    for row in rows:
        kind = (row.get("Type") or "simple").lower()
        if "variation" in kind or not (row.get("Name") or "").strip():
            continue
        hidden = (row.get("Published") or "1").strip() in ("0", "-1") or (row.get("Visibility in catalog") or "").strip().lower() == "hidden"
        if visible_only and hidden:
            continue
        name = row["Name"].strip()
        body = " ".join(_html_text(row.get(k, "")) for k in ("Short description", "Description"))
        out.append(CatalogText(_slug(name), [name], f"{name}. {body}"))
    return out


def read_catalog_texts(path: Path, visible_only: bool = True) -> list[CatalogText]:
    """Products of a store's catalog file, read directly from the file so that the baseline
    and the scoring do not depend on the bot's importer. `visible_only`: a Shopify CSV's
    active and published products only, a WooCommerce CSV's published ones shown in the
    catalog (JSONL has no such states)."""
    out: list[CatalogText] = []
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        if rows and "Name" in rows[0] and "Type" in rows[0]:
            return _read_woocommerce(rows, visible_only)
        for row in rows:
            if not row.get("Title"):
                continue
            status = (row.get("Status") or "active").strip().lower()
            published = (row.get("Published") or "TRUE").strip().upper() != "FALSE"
            if visible_only and (status != "active" or not published):
                continue
            title = row["Title"].strip()
            out.append(CatalogText(row["Handle"].strip().lower(), [title], f"{title}. {_html_text(row.get('Body (HTML)', ''))}"))
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        titles = list(dict.fromkeys(v for v in (p.get("title") or {}).values() if v))
        descriptions = [v for v in (p.get("description") or {}).values() if v]
        out.append(CatalogText(p["id"], titles, " ".join([*(f"{t}." for t in titles), *descriptions])))
    return out
