"""What a shopper's question about one product asks: the kinds of fact (`catalog.fact_kinds`),
the features (`catalog.features`), a substance it should be free of, and which sentences are
definitions ("Label: value") of the asked thing. Split out of `catalog.passages`, which ranks
the product's sentences with these."""

from __future__ import annotations

import re

from catalog.extract_words import MATERIALS
from catalog.fact_kinds import ASPECTS, HOW, KINDS, narrowed, without_name_run
from catalog.features import FEATURES
from catalog.shared_words import QUESTION_WORDS, WORD


def asked_features(question: str, name: str = "") -> list[str]:
    """The features (`catalog.features`) a question names, leaving out words of the product's
    `name`: "Wie schwer ist die Kapuzenjacke?" asks nothing about the hood, nor "the LED strip" about
    a light when "LED" is a whole word of the name ("LED-Leuchtstreifen")."""
    name_words = {w.lower() for w in WORD.findall(name)}
    whole = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    out = []
    for key, pattern in FEATURES.items():
        for m in pattern.finditer(question):
            word = re.match(r"[^\W\d_]*", question[m.start():]).group(0).lower()
            if word not in whole and not any(word in n or n in word for n in name_words if len(n) >= 4):
                out.append(key)
                break
    return out


def asked_aspects(question: str, name: str = "") -> list[str]:
    """The kinds of fact a question asks for ("wie schwer" -> weight, "is it lined?" -> lining);
    not by words of the product's name ("RoboClean Lite 2" asks nothing about cleaning)."""
    unnamed = without_name_run(question, name) if name else question
    found = [key for key in KINDS if ASPECTS[key][0].search(unnamed)]
    if "charging" in found and HOW.search(question):  # "wie wird es aufgeladen?": the way, not the hours
        found = [k for k in found if k != "battery"]
    found += [k for k in asked_features(question, name) if k not in found]
    if "load" in found:  # "how much weight can it take?"
        found = [k for k in found if k != "weight"]
    if {"power_reserve", "shelf_life"} & set(found):  # "wie lange läuft sie, wenn ich sie ablege?" wants that reserve, not any duration
        found = [k for k in found if k not in ("duration", "size", "length")]  # "how long" is a time here
    if {"height", "width", "length", "packing", "thickness"} & set(found):  # "wie hoch?" wants the height, "wie klein verpackt?" the pack size
        found = [k for k in found if k != "size"]
    if "capacity" in found:  # "Wie viel Wasser passt hinein?": the water fills it, nothing is asked about water
        found = [k for k in found if k != "water"]
    if "nutrients" in found:  # "Wie hoch ist der Proteingehalt?" asks a share, not a height
        found = [k for k in found if k not in ("height", "size")]
    return narrowed(found, question)


# "Ist die Knete glutenfrei?", "Is it PVC free?", "ohne BPA?": a sentence naming the substance answers
# "Is there sugar in it?", "Gibt es Zucker darin?", "Ist Zucker drin?": the substance asked for, too
_FREE_OF = re.compile(
    r"\b(\w{2,}?)[\s-]?(?:frei|free)\b|\b(?:ohne|without|enthält|contains?|containing)\s+(?:(?:es|sie|er|it|they|any)\s+)?(\w{2,})"
    r"|\b(?:is|are) there\s+(?:any\s+)?(\w{2,}) in\b|\bany (\w{2,}) in (?:it|this|them|these|the)\b"
    r"|\b(?:ist|sind)\s+(?:da\s+|auch\s+)?(?:\w+\s+)?(\w{2,})\s+(?:drin|darin|enthalten)\b|\bgibt es (?:da\s+)?(\w{2,}) (?:drin|darin)\b",
    re.I,
)
# words that name no substance: "contains anything for the joints?"
_NO_SUBSTANCE = frozenset("es it sie er ein eine einen etwas irgendwas anything something the a an da".split())


def free_of(question: str) -> str | None:
    """The substance a "free of X?" question asks about, lower-case ("gluten", "pvc")."""
    m = _FREE_OF.search(question)
    word = next(g for g in m.groups() if g).lower() if m else None
    return None if word is None or word in QUESTION_WORDS or word in _NO_SUBSTANCE else word


def states_aspect(sentence: str, aspects: list[str]) -> bool:
    return any(ASPECTS[key][1].search(sentence) for key in aspects)


def names_features(sentence: str, aspects: list[str]) -> bool:
    """True when the sentence names every feature among the asked kinds ("Sind die Polster
    herausnehmbar?": "Removable pads", not "padded straps"; "GOTS organic cotton?": not "100 % Baumwolle")."""
    return all(FEATURES[key].search(sentence) for key in aspects if key in FEATURES)


# a definition's label: a few words before a colon ("In the box: …", "Armlänge: 64 cm")
_LABEL = re.compile(r"^([^\W\d][^\d:.!?]{0,38}):\s+\S")
DEFINITION_WORDS = 3  # a statement this short is all label ("Genäht in Portugal.", "Schafthöhe 38 cm.")


def definition_label(sentence: str) -> str | None:
    """What a definition is about: the label of a "Label: value" line ("In the box: headphones,
    case" -> "In the box"), or the whole of a statement of three words at most ("Genäht in
    Portugal."); None for an ordinary sentence."""
    m = _LABEL.match(sentence)
    if m and len(m.group(1).split()) <= 4:
        return m.group(1)
    said = re.sub(r"\s*\([^)]*\)", "", sentence)  # "Made in Switzerland (Jura)." is three words and a detail
    return sentence if len(said.split()) <= DEFINITION_WORDS else None


def asking_words(question: str, aspects: list[str], sentences: list[str]) -> set[str]:
    """The question's words that ask for a kind of fact a sentence states ("heavy" when one gives
    the weight, "run small" when one tells the fit)."""
    stated = [key for key in aspects if any(ASPECTS[key][1].search(s) for s in sentences)]
    words = {w.lower() for key in stated for m in ASPECTS[key][0].finditer(question) for w in WORD.findall(m.group(0))}
    # a material the question asks which of is what the answer must name ("Aus welchem Leder?" -> "aus Ziegenleder")
    return {w for w in words if not (_WHICH.search(question) and any(rule.fullmatch(w) for _, rule, _ in MATERIALS))}


# which kind of a material: "Aus welchem Leder?", "what leather is it?", "Was für Holz?"; not "Is the wool mulesing-free?"
_WHICH = re.compile(r"\b(?:welche[mnrs]?|was\s+für(?:\s+ein\w*)?|what(?:\s+kind\s+of|\s+type\s+of)?|which)\s+(?:\w+\s+)?[^\W\d_]+", re.I)


def asked_materials(question: str, aspects: list[str], name: str = "") -> list[str]:
    """The materials (English names, `catalog.extract_words.MATERIALS`) a question asking only
    the material names as a whole word, not in the product's name: "Aus welchem Leder sind die?",
    "what leather is it?" -> leather; not "Ist der Lederrucksack …" (the product)."""
    if aspects != ["material"] or not _WHICH.search(question):  # "Wie fein ist die Wolle?", "Is the wool mulesing-free?"
        return []
    words = WORD.findall(without_name_run(question, name) if name else question)
    return [material for _, rule, material in MATERIALS if any(rule.fullmatch(w) for w in words)]


def names_material(sentence: str, materials: list[str]) -> bool:
    """Whether a sentence names one of the materials as what something is made of ("aus
    Ziegenleder", "buffalo leather"), not as a part of a word ("Lederpflege")."""
    return any(rule.search(sentence) for _, rule, material in MATERIALS if material in materials)
