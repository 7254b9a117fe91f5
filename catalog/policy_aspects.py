"""What a policy question asks about (the return window, its cost, pickup, invoice …), in German
and English, so the section that answers it wins over one that only shares its topic.

A general list of what shop policies talk about, not one store's: an aspect is named in a
question by its cue phrases and in a policy section by its section cues (matched inside German
compounds: "Rückgabefrist" has "frist").
"""

from __future__ import annotations

import re

# aspect -> (cues in a question, matched at a word start; cues in a section, matched anywhere)
ASPECTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "window": (
        ("how long", "wie lange", "how many days", "wie viele tage", "wieviele tage", "period", "frist",
         "until when", "deadline", "time limit", "zeit für", "time to", "zeit habe", "wie viel zeit", "how much time"),
        ("frist", "window", "period", "zeitraum", "within", "innerhalb"),
    ),
    "cost": (
        ("cost", "kosten", "kostet", "pay for", "bezahlen für", "zahlen für", "free", "kostenlos", "gratis", "how much",
         "wie viel", "wieviel", "gebühr", "fee", "charge", "porto", "rückporto", "umsonst"),
        ("cost", "kosten", "free", "gebühr", "fee", "€", "porto", "label", "etikett"),
    ),
    "pickup": (
        ("pick up", "pickup", "pick it up", "abholen", "abholung", "click & collect", "click and collect", "collect in",
         "in store", "in your store", "in your shop", "im laden", "in der filiale", "im geschäft", "ladengeschäft"),
        ("abhol", "pick up", "pickup", "pick-up", "collect", "filiale", "ladengeschäft"),
    ),
    "process": (
        ("how do i return", "how do i send", "how can i return", "how can i send", "how to return", "how to send",
         "wie schicke", "wie sende", "wie gebe", "wie funktioniert", "ablauf", "procedure", "process", "steps",
         "what do i do", "was muss ich"),
        ("so senden", "so geben", "so funktioniert", "so geht", "ablauf", "schritt", "how to", "step", "how it works",
         "formular", "form ", "anmelden", "register"),
    ),
    "methods": (
        ("zahlungsart", "zahlungsmethode", "zahlungsmöglichkeit", "payment method", "payment option", "ways to pay",
         "wie kann ich zahlen", "wie kann ich bezahlen", "how can i pay", "how do i pay", "accept", "akzeptier",
         "nehmt ihr", "nehmen sie"),
        ("zahlungsart", "zahlungsmethode", "zahlungsmöglichkeit", "payment method", "payment option", "we accept",
         "akzeptieren", "paypal", "kreditkarte", "credit card", "klarna"),
    ),
    "invoice": (("invoice", "rechnung", "pay later", "später zahlen"), ("invoice", "rechnung")),
    "exchange": (("exchange", "umtausch", "umtauschen", "swap", "tauschen"), ("exchang", "umtausch", "tausch")),
    "refund": (
        ("money back", "geld zurück", "refund", "erstattung", "erstattet", "zurückerstattet", "reimburse"),
        ("refund", "erstatt"),
    ),
    "voucher": (
        ("gift card", "giftcard", "gutschein", "voucher", "geschenkkarte"),
        ("gift card", "gutschein", "voucher", "geschenkkarte"),
    ),
    "discount": (
        ("discount", "rabatt", "loyalty", "bonus", "treue", "coupon", "promo", "student", "punkte sammeln", "points",
         "skonto", "nachlass", "cheaper", "günstiger", "billiger", "% off", "prozent"),
        ("discount", "rabatt", "loyalty", "bonus", "treue", "coupon", "promo", "skonto", "nachlass", "% off", " % ",
         "prozent", "percent"),
    ),
    "tracking": (
        ("track", "verfolgen", "sendungsnummer", "tracking", "sendungsverfolgung"),
        ("track", "verfolg", "sendungsnummer"),
    ),
    "defect": (
        ("defect", "defekt", "broken", "kaputt", "mangel", "faulty", "fehlerhaft", "damaged", "beschädigt"),
        ("defect", "defekt", "mangel", "faulty", "fehler", "damage", "schaden"),
    ),
    "customs": (
        ("customs", "zoll", "duties", "import", "einfuhr", "mehrwertsteuer", "vat"),
        ("customs", "zoll", "duties", "import", "einfuhr"),
    ),
}


# aspects that only help a section that names them: a store whose texts never say "step" still
# answers "how do I return it?"
SOFT_ASPECTS = {"process", "methods"}


def _normal(text: str) -> str:
    return " " + re.sub(r"\s+", " ", text.lower()) + " "


def question_aspects(text: str) -> set[str]:
    """The aspects a question asks about."""
    lowered = _normal(text)
    return {name for name, (cues, _) in ASPECTS.items() if any(re.search(r"(?<![a-zäöüß])" + re.escape(c), lowered) for c in cues)}


def section_aspects(text: str) -> set[str]:
    """The aspects a section heading or text talks about."""
    lowered = _normal(text)
    return {name for name, (_, cues) in ASPECTS.items() if any(c in lowered for c in cues)}


# Topics on which a product can have a rule of its own that wins over the shop's general one
# (a longer guarantee in its description, a category that cannot be returned): question cues.
PRODUCT_RULE_TOPICS: dict[str, tuple[str, ...]] = {
    "warranty": ("warranty", "guarantee", "garantie", "gewährleistung", "gewaehrleistung", "defekt", "defect", "broken", "kaputt"),
    "returns": ("return", "zurückgeben", "zurückschicken", "zurücksenden", "rückgabe", "rücksendung", "retour",
                "send back", "send it back", "umtausch", "umtauschen", "exchange"),
}
# words in a product's own text that state such a rule
RULE_WORDS: dict[str, tuple[str, ...]] = {
    "warranty": ("warranty", "guarantee", "garantie", "gewährleistung"),
    "returns": ("return", "rückgabe", "zurückgeben", "umtausch", "exchange"),
}


def rule_topic(text: str) -> str | None:
    """The topic of a question on which a product may have its own rule, or None."""
    lowered = _normal(text)
    for topic, cues in PRODUCT_RULE_TOPICS.items():
        if any(re.search(r"(?<![a-zäöüß])" + re.escape(c), lowered) for c in cues):
            return topic
    return None
