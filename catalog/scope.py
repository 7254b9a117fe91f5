"""Does a message the intent classifier refused (out of scope, or too unsure) clearly ask for
something this catalog carries? Then it is answered as a search; otherwise it keeps the polite
refusal.

"Clearly" is decided from the catalog itself: the best product's search score (meaning, name
words, category) must reach `FLOOR` and stand `MARGIN` above what out-of-scope chat scores
against the same catalog (`REFERENCE`, a general list: weather, sport, code, recipes …; the 90th
percentile of their best scores), or a word of the message must name the best product nearly
as typed (`search.NAMED_BY_WORD`: "Gießkannen" for the "Gießkanne verzinkt 5 l"), or the
message must name the brand (vendor) of a found product ("Was haben Sie von Nordlicht Kids?"; not
the shop's own label, which most products carry). A shop whose products resemble everyday chat (books, recipes)
thus needs a clearer request. Calibrated on labelled sets (`python -m bench.scope`).

The score compared is the full vector's (`rescue_score`): a product's short vector (its
name) lifts a search the classifier took for one, but not a message it refused — "eine
Gute-Nacht-Geschichte" is near a "Nachtlicht" by name only.
"""

from __future__ import annotations

import re

import numpy as np

from catalog.off_task import asks_other_task
from catalog.search import NAMED_BY_WORD, CatalogService, Hit, SearchResult

FLOOR = 0.42
MARGIN = 0.05
# What people ask a shop's chat that no shop answers. Not the NLU training examples (those
# measure this in bench/scope.py).
REFERENCE = (
    "Wie wird das Wetter morgen?", "Wer hat gestern das Spiel gewonnen?", "Erzähl mir einen Witz",
    "Schreib mir ein Programm in Python", "Wie koche ich Nudeln?", "Was ist die Hauptstadt von Spanien?",
    "Wie spät ist es in Sydney?", "Buch mir einen Flug nach Lissabon", "Was ist der Sinn des Lebens?",
    "Wie viel ist 15 mal 12?", "Wer ist der Präsident von Brasilien?", "Empfiehl mir ein Buch über Geschichte",
    "Wie geht es dir heute?", "Kannst du mir bei meiner Hausarbeit helfen?", "Wie hoch ist der Mount Everest?",
    "Was läuft heute Abend im Kino?", "Wie werde ich schneller gesund bei einer Erkältung?",
    "Übersetze 'guten Morgen' ins Spanische", "Wie funktioniert ein Elektroauto?", "Wann beginnt der Sommer?",
    "what's the weather like tomorrow?", "who won the game last night?", "tell me a joke",
    "write a python program for me", "how do I cook rice?", "what is the capital of Spain?",
    "what time is it in Sydney?", "book me a flight to Lisbon", "what is the meaning of life?",
    "what is 15 times 12?", "who is the president of Brazil?", "recommend a history book to read",
    "how are you today?", "can you help me with my homework?", "how high is Mount Everest?",
    "what's on at the cinema tonight?", "how do I get over a cold faster?", "translate good morning into Spanish",
    "how does an electric car work?", "when does summer start?",
)


# Which medicine to give or take, and how much: advice for a vet, doctor or pharmacist, never a
# product search, even when the shop sells things for the animal or person named.
_MEDICINE = (
    r"medikament\w*|arznei\w*|\w*tabletten?\b|schmerzmittel\w*|antibiotik\w*|medizin\b"
    r"|medicine\w*|medication\w*|drugs?\b|painkiller\w*|antibiotic\w*|pills?\b"
)  # not "drug-free", "medikamentenfrei"
_GIVE = r"geben|gebe\b|verabreich\w*|nehmen|dosier\w*|dosis|helfen|hilft|give|take|administer\w*|dose\b|dosage"
_MEDICAL_ADVICE = re.compile(rf"(?<![^\W\d_])(?:{_MEDICINE})(?![\s-]*(?:free|frei))(?:.*?)(?<![^\W\d_])(?:{_GIVE})|(?<![^\W\d_])(?:{_GIVE})(?:.*?)(?<![^\W\d_])(?:{_MEDICINE})(?![\s-]*(?:free|frei))", re.I)


def asks_medical_advice(text: str) -> bool:
    """Whether the message asks which medicine to give or take ("Welches Medikament kann ich meinem
    Hund geben?", "what medicine can I give my cat?"): refused, never answered as a search."""
    return bool(_MEDICAL_ADVICE.search(text))


def rescue_score(hit: Hit) -> float:
    """A hit's score without the short vector's lift."""
    return hit.score - hit.lift


def threshold(service: CatalogService) -> float:
    """The score a request must reach in this catalog; computed once per catalog version."""
    cached = getattr(service, "_scope_threshold", None)
    if cached is None:
        scores = [max(map(rescue_score, hits)) if (hits := service.search(text).hits) else 0.0 for text in REFERENCE]
        cached = max(FLOOR, float(np.percentile(scores, 90)) + MARGIN)
        service._scope_threshold = cached  # type: ignore[attr-defined]
    return cached


def carried(service: CatalogService, text: str) -> SearchResult | None:
    """The search result when `text` clearly asks for something the catalog carries, else None."""
    if asks_medical_advice(text) or asks_other_task(text):
        return None
    result = service.search(text)
    # the best full-vector score among the hits: the first hit may be first by its short vector
    if result.hits and (max(map(rescue_score, result.hits)) >= threshold(service) or result.hits[0].named >= NAMED_BY_WORD
                        or any(names_brand(service, text, hit.product.vendor) for hit in result.hits)):
        return result
    return None


def names_brand(service: CatalogService, text: str, vendor: str | None) -> bool:
    """Whether the text names this brand ("Nordlicht Kids" of "Nordlicht Kids Oslo", its first two
    words or the whole), a brand of fewer than half the catalog's products (not the shop's label)."""
    if not vendor:
        return False
    words = re.findall(r"[^\W_]+", vendor.lower())
    short = " ".join(words[:2])
    if len(short) < 4 or 2 * sum(p.vendor == vendor for p in service.products.values()) >= len(service.products):
        return False
    return re.search(rf"(?<![^\W_]){re.escape(short)}(?![^\W_])", " ".join(re.findall(r"[^\W_]+", text.lower()))) is not None
