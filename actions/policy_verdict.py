"""A policy question asked as yes/no ("I opened the pack, can I still return it?", "Kann ich
einen Gutschein zurückgeben?") gets a plain "No." / "Yes." before the section that answers it.

The verdict comes from the one sentence of the chosen sections that shares most words with the
question: a sentence that rules it out ("cannot be returned once opened", "sind vom Umtausch
ausgeschlossen") says no; a rule that holds "only" on a condition ("only unworn and with the
hygiene strip intact") says no when the shopper tells of having broken it (opened, worn,
removed); a sentence that allows it ("can be returned free of charge") says yes. Anything less
clear gets no verdict: the section alone answers, as before."""

from __future__ import annotations

import re

from catalog.lexicon import find_country
from catalog.policies import Passage, _stems
from catalog.sentences import split_sentences

# asked as yes/no: at the start, or after a clause ("I opened the pack, can I still return it?")
_YES_NO = re.compile(
    r"(?:^|[,;:–—-]\s*|\band\s+|\bund\s+)(?:can|could|may|do|does|is|are|will|must|kann|könnte|darf|dürfen|muss|müssen|geht|ist|sind"
    r"|brauche|braucht|gibt es|nehmt ihr|nehmen sie|tauscht ihr|tauschen sie)\b",
    re.I,
)
# the question asks whether something is excluded: a "no" in the rule is its "yes"
_ASKS_EXCLUSION = re.compile(r"ausgeschlossen|excluded|exempt|verboten|not allowed|nicht erlaubt|\bnot\b|\bnicht\b", re.I)
_RULES_OUT = re.compile(
    r"\b(?:cannot|can't|can not|not|no|never|nicht|nie|kein\w*|excluded|ausgeschlossen|unfortunately not|leider nicht)\b", re.I)
_ONLY = re.compile(r"\b(?:only|nur|solely|ausschließlich|as long as|solange|provided|sofern)\b", re.I)
# what the shopper did that such a condition forbids
_BROKEN = re.compile(
    r"\b(?:opened|removed|worn|wore|used|washed|damaged|broke|broken|torn|unpacked|tried out"
    r"|geöffnet|aufgemacht|entfernt|abgezogen|getragen|benutzt|gewaschen|beschädigt|kaputt|ausgepackt|angebrochen)\b",
    re.I,
)
# said as a shop's offer: a sentence that also says one of these does not rule the question out
# ("If the size does not fit, we exchange it free of charge")
_OFFERS = re.compile(r"free of charge|\bfor free\b|kostenlos|gratis|gerne|gladly|\bwe (?:exchange|replace|repair)|tauschen wir|ersetzen wir", re.I)
# a condition the rule starts from ("If the size does not fit, …", "Wenn …, …"): its "not" rules nothing out
_CONDITION = re.compile(r"^\W*(?:if|when|should|unless|wenn|falls|sollte)\b[^,]*,", re.I)
# words every shipping or policy text shares with its questions: they show no closeness
_SHOP_WORDS = re.compile(r"^(?:ship|deliv|versa|liefe|order|beste)")
_ALLOWS = re.compile(r"\b(?:can|may|possible|free of charge|gladly|können|kann|dürfen|möglich|kostenlos|gerne?)\b", re.I)
MIN_SHARED = 2  # words the deciding sentence shares with the question
MIN_SHARED_YES = 3  # a "yes" needs a closer match


def _long_stems(text: str, nouns: bool = False) -> set[str]:
    """Long words cut to eight letters (`nouns`: only capitalised ones, German nouns): a thing named
    by its whole compound ("Geschenkgutschein") counts once more."""
    pattern = r"\b[A-ZÄÖÜ][a-zäöüß]{7,}" if nouns else r"[A-Za-zÄÖÜäöüß]{8,}"
    return {w[:8].lower() for w in re.findall(pattern, text)}


def _best_sentences(question: str, passages: list[Passage]) -> tuple[list[str], int]:
    """The sentences of the sections sharing most words with the question, and how many they share."""
    asked, asked_long = _closeness_stems(question), _long_stems(question, nouns=True)
    scored = [(len(asked & _stems(s)) + len(asked_long & _long_stems(s)), s) for p in passages for s in _sentences(p.text)]
    top = max((n for n, _ in scored), default=0)
    return [s for n, s in scored if n == top], top


def _closeness_stems(question: str) -> set[str]:
    """The question's content stems, without countries and the words of shipping and ordering."""
    words = [w for w in re.findall(r"[A-Za-zÄÖÜäöüß]+", question) if not find_country(w)]
    return {w for w in _stems(" ".join(words)) if not _SHOP_WORDS.match(w)}


def _sentences(text: str) -> list[str]:
    """Sentences and list items ("- Gift vouchers cannot be returned."), one by one."""
    items = re.split(r"\n+|(?<=[.!?:])\s+[-*•]\s+", text)
    return [s for item in items for s in split_sentences(item)]


def _sentence_verdict(question: str, sentence: str, shared: int) -> bool | None:
    if _ONLY.search(sentence) and _BROKEN.search(question):
        return False
    if _RULES_OUT.search(_CONDITION.sub(" ", sentence)) and not _OFFERS.search(sentence):
        return False
    if shared >= MIN_SHARED_YES and _ALLOWS.search(sentence) and not _ONLY.search(sentence) and not _BROKEN.search(question):
        return True
    return None


def verdict(question: str, passages: list[Passage], lang: str) -> str | None:
    """"No." / "Nein." or "Yes." / "Ja." for a yes/no policy question the chosen sections decide; else None."""
    if not passages or not _YES_NO.search(question) or _ASKS_EXCLUSION.search(re.sub(r"\b(?:does|do|did)n't\b|\bnicht passt\b", " ", question)):
        return None
    sentences, shared = _best_sentences(question, passages)
    if shared < MIN_SHARED:
        return None
    found = {_sentence_verdict(question, s, shared) for s in sentences}
    if len(found) != 1 or (answer := found.pop()) is None:
        return None  # no sentence decides, or the closest ones disagree
    if answer:
        return "Ja." if lang == "de" else "Yes."
    return "Nein." if lang == "de" else "No."
