"""Kinds of fact shoppers of food, drinks, cosmetics and drugstore goods ask for, German and
English, for `catalog.fact_kinds`: (words of a question asking for it, what a sentence stating it
contains). How to keep it, how to prepare it, caffeine, alcohol by volume, sun protection, pH,
skin or hair type. Generic words and units only."""

from __future__ import annotations

FOOD_KINDS: dict[str, tuple[str, str]] = {
    # "Wie soll ich den Tee lagern?", "How should I store it once opened?" -> "Kühl und trocken lagern."
    "keeping": (r"\blager(?:n|t|e|ung)\b|gelagert|aufbewahr|\bkühlschrank|how (?:should|do|to|must) (?:i |we |you )?(?:store|keep)\b|\bstore (?:it|them|this|these)\b"
                r"|\bkeep (?:it|them) (?:in|cool|dry|refrigerated)|\bfridge|refrigerat",
                r"\blager(?:n|t|ung)\b|gelagert|aufbewahr|kühlschrank|\bkühl\b|trocken|\bstore[ds]?\b|\bkeep\b|fridge|refrigerat|cool,? dry|dry place"),
    # "Wie bereite ich ihn zu?", "How long should I steep it?" -> "2–3 Minuten ziehen lassen"
    "preparation": (r"zubereit|aufgie(?:ß|ss)|aufbrüh|aufkoch|\bziehen\b|\bsteep|\bbrew|\binfuse|prepar|wassertemperatur|water temperature",
                    r"zubereitung|ziehen lassen|aufgie(?:ß|ss)en|übergie(?:ß|ss)en|aufbrühen|aufkochen|\bsteep|\bbrew|\binfuse|preparation|prepare"),
    # "Wie viel Koffein?" -> "Koffeingehalt: ca. 30 mg pro Tasse", "koffeinfrei"
    "caffeine": (r"[ck]off?ein|caffein|tein\b|theine|wach ?mach|keeps? (?:me|you) awake",
                 r"[ck]off?ein\w*|caffein\w*|decaf\w*|entkoffeiniert"),
    # "Wie viel Alkohol hat der Wein?" -> "12,5 % vol"
    "alcohol": (r"alkohol|alcohol|\bvol(?:\.|ume)?\s*%|%\s*vol|\babv\b",  # not "wie stark": the suction, a torque
                r"\d\s*%\s*vol|\bvol\.?\s*%|alkohol\w*|alcohol\w*|\babv\b"),
    # "Welchen Lichtschutzfaktor?" -> "SPF 50"
    "sun_protection": (r"lichtschutz|\blsf\b|\bspf\b|sonnenschutzfaktor|sun protection|sun protection factor|uv-?(?:a|b)\b",
                       r"\b(?:lsf|spf)\s*:?\s*\d|lichtschutzfaktor\s*:?\s*\d|sun protection factor\s*:?\s*\d|\buva\b|\buvb\b"),
    # "Welchen pH-Wert hat die Creme?" -> "pH-Wert 5,5"
    "ph": (r"\bph\b|ph-wert", r"\bph(?:-wert)?\s*:?\s*(?:von\s+|of\s+)?\d"),
    # "Für welchen Hauttyp?", "Which hair type is it for?" -> "für trockene und empfindliche Haut"
    "skin_type": (r"hauttyp|haartyp|\bhaut\b|\bskin\b|\bhaar(?:e)?\b|\bhair\b|kopfhaut|scalp",  # not climbing "skins"
                  r"\w*haut\b|\bskin\b|\w*haar(?:e)?\b|\bhair\b|kopfhaut|scalp|hauttyp|haartyp|skin type|hair type"),
}  # fmt: skip
# the figure stating each kind, for `catalog.answer_kinds` ("30 mg", "12,5 % vol", "SPF 50", "pH-Wert 5,5")
FOOD_FIGURES: dict[str, str] = {
    "caffeine": r"\d+(?:[.,]\d+)?\s*(?:mg|%)(?![^\W\d_])",
    "alcohol": r"\d+(?:[.,]\d+)?\s*%\s*(?:vol|abv|alc)|\b(?:vol|alc)\.?\s*\d",
    "sun_protection": r"\b(?:lsf|spf)\s*:?\s*\d+|(?:lichtschutzfaktor|sun protection factor)\s*:?\s*\d+",
    "ph": r"\bph(?:-wert)?\s*:?\s*(?:von\s+|of\s+)?\d",
}
# kinds one sentence of a text states, which then answers the question asking only for it
# ("How many calories?" -> the nutrition table, "Wie lange hält sie nach dem Öffnen?" -> "… innerhalb von 5 Tagen")
SOLE_FOOD_KINDS = frozenset(FOOD_FIGURES) | {
    "nutrients",
    "shelf_life",
    "keeping",
    "preparation",
    "age",
}
