"""What a policy question asks about, and what a policy section talks about, in German and
English: the topic (returns, shipping, payment …) and the aspect of it (the return window vs its
cost vs how to return, opening hours vs the address …), so the section that answers the question
wins over one that only shares its topic or a product's name.

A general list of what shop policies talk about, not one store's. Cues are regular expressions:
in a question matched at a word start ("kost" meets "kostet", "Kosten", "kostenlos"; a plain
cue of `COMPOUND_HEAD` letters also inside a compound: "Geschenkgutscheine"); in a
section matched anywhere, so inside German compounds too ("Rückgabefrist" has "frist").
"""

from __future__ import annotations

import re

# name -> (cues in a question, cues in a section)
Cues = tuple[tuple[str, ...], tuple[str, ...]]

# What the whole text is about: a question on one topic is not answered by another topic's
# section that merely names the same product.
TOPICS: dict[str, Cues] = {
    "returns": (
        ("return", "zurück", "rückgabe", "rücksend", "rückversand", "retoure", "retour", "send (it |them )?back",
         "umtausch", "umtauschen", "exchange", "swap", "widerruf", "refund", "erstatt"),
        ("return", "rückgabe", "rücksend", "umtausch", "exchange", "retoure", "widerruf", "refund", "erstattung"),
    ),
    "shipping": (
        ("versand", "versend", "verschick", "(ge)?liefer(?!bar)", "deliver", "(?<!return )ship", "dispatch", "spedition", "freight",
         "paket", "parcel", "zustell", "rausgeh", "porto", "postage", "(?<!\\d )(?<!\\d)zoll", "customs"),
        ("versand", "versend", "verschick", "lieferung", "liefer", "delivery", "deliver", "shipping", "dispatch"),
    ),
    "payment": (
        ("zahl", "bezahl", "pay(?!pal)", "paypal", "kreditkarte", "credit card", "debit card", "rechnung", "invoice",
         "raten", "instal", "financ", "finanzier", "klarna", "vorkasse", "prepay", "überweis", "bank transfer", "bar\\b",
         "cash", "apple pay", "google pay", "gutschein", "voucher", "gift card", "geschenkkarte",
         "american express", "amex", "visa\\b", "mastercard", "maestro", "girocard"),  # the cards by name
        ("zahlung", "payment", "bezahl", "paying"),
    ),
    "warranty": (
        ("garantie", "gewährleist", "gewaehrleist", "warrant", "guarantee", "defekt", "defect", "kaputt", "broken",
         "mangel", "faulty", "abgedeckt", "covered"),
        ("garantie", "gewährleist", "warrant", "guarantee"),
    ),
    "pickup": (
        ("pick (it |them )?up", "pickup", "abhol", "click (&|and) collect", "collect", "in (your|the) (store|shop)",
         "im laden", "vor ort", "in der filiale", "im geschäft", "ladengeschäft"),
        ("abhol", "pick up", "pickup", "pick-up", "collect", "filiale", "ladengeschäft"),
    ),
    "sizes": (
        ("größe", "groesse", "size", "messe", "measure", "passt", "\\bfit", "fällt .{0,30}(klein|groß|gross|normal|eng|weit)",
         "runs (small|large|big)", "umfang", "länge", "length"),
        ("größe", "size", "messen", "measur"),
    ),
    "privacy": (
        ("daten", "data", "datenschutz", "privacy", "gdpr", "dsgvo", "cookie", "lösch", "delete"),
        ("daten", "data", "privacy"),
    ),
    "care": (("pflege", "wasch", "wäsch", "care", "wash", "clean", "reinig", "imprägn", "lager", "store"), ("pflege", "care")),
}

# What about it is asked: within a topic, the section whose heading names the aspect answers.
ASPECTS: dict[str, Cues] = {
    "window": (
        ("how long", "wie lange", "how many days", "wie viele tage", "wieviele tage", "period", "frist", "until when",
         "bis wann", "by when", "deadline", "time limit", "zeit für", "time to", "zeit habe", "wie viel zeit",
         "how much time", "after \\d+ (days|weeks)", "nach \\d+ (tagen|wochen)"),
        ("frist", "window", "period", "zeitraum", "within", "innerhalb", "tage ab", "days from"),
    ),
    "duration": (  # "take", not "do you take cards?", which asks what is accepted
        ("dauer", "how long does", "how long will", "(?<!you )take", "wie schnell", "how (fast|quickly|soon)", "wann kommt",
         "when will (it|my order) arrive", "lieferzeit", "delivery time", "transit"),
        ("lieferzeit", "laufzeit", "delivery time", "werktage", "business days", "working days"),
    ),
    "when": (
        ("(?<!bis )(?<!until )(?<!by )wann", "when(?= (is|are|do|does|did|will|would|can|could|should|shall)\\b| ?\\?)",
         "what time", "uhrzeit", "um wie viel uhr",
         "bis wie viel uhr", "öffnungszeit", "opening (hours|times)", "geöffnet(?!e)", "open\\b", "offen"),
        ("wann", "when", "öffnungszeit", "opening hours", "geöffnet(?!e)", "open\\b", "\\d{1,2}:\\d{2}"),
    ),
    "where": (
        ("wo\\b", "where", "adresse", "address", "standort", "location", "anfahrt", "directions", "wie komme ich",
         "how do i get to", "find you"),
        ("\\bwo\\b", "where", "adresse", "address", "straße", "strasse", "street", "anfahrt"),
    ),
    "contact": (
        ("kontakt", "contact", "erreich", "reach", "kundenservice", "kundendienst", "customer (service|support)",
         "support", "hotline", "anruf", "anrufen", "rufe", "call", "telefon", "phone", "e-?mail", "schreibe",
         "write to", "sprechen", "speak", "talk"),
        ("kontakt", "contact", "kundenservice", "customer service", "erreich", "reach"),
    ),
    "cost": (
        ("cost", "kost", "pay for", "(be)?zahlen für", "wer zahlt", "who pays", "free", "gratis", "how much", "wie viel(?!e| zeit)",
         "wieviel(?!e)", "gebühr", "fee", "charge", "porto", "rückporto", "umsonst", "price", "preis"),
        ("cost", "kost", "free", "gebühr", "fee", "€", "porto", "label", "etikett", "charge"),
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
         "wie kann ich (be)?zahlen", "how can i pay", "how do i pay", "accept", "akzeptier", "nehmt ihr", "nehmen sie",
         "mit karte", "by card", "bar\\b", "cash", "paypal", "kreditkarte", "credit card", "apple pay", "google pay",
         "american express", "amex", "visa\\b", "mastercard", "maestro", "girocard"),
        ("zahlungsart", "zahlungsmethode", "zahlungsmöglichkeit", "payment method", "payment option", "we accept",
         "akzeptieren", "paypal", "kreditkarte", "credit card", "klarna", "bar\\b", "cash", "karte", "card"),
    ),
    "invoice": (("invoice", "rechnung", "pay later", "später", "later"), ("invoice", "rechnung")),
    "instalments": (
        ("raten", "instal", "financ", "finanzier", "monthly", "monatlich", "abbezahl", "abzahl"),
        ("raten", "instal", "financ", "finanzier", "monthly", "monatlich", "monatsrate"),
    ),
    "exchange": (("exchange", "umtausch", "umtauschen", "swap", "tausch"), ("exchang", "umtausch", "tausch")),
    "refund": (
        ("money back", "geld zurück", "refund", "erstattung", "erstattet", "zurückerstattet", "reimburse",
         # the money asked for with words between: "Wann bekomme ich mein Geld nach der Rücksendung zurück?"
         "geld\\b[^.?!]{0,40}(?:zurück|wieder)", "money\\b[^.?!]{0,40}\\bback\\b", "get (?:my|the|our) money"),
        # a heading asked as the shopper asks: "When do I get my money back?", "Wann bekomme ich mein Geld zurück?"
        ("refund", "erstatt", "money back", "geld zurück", "geld\\b[^.?!]{0,40}\\bzurück", "money\\b[^.?!]{0,40}\\bback\\b"),
    ),
    "freight": (  # how bulky goods come: by freight, at a price of their own
        ("wie wird .*(geliefert|verschickt|versendet|zugestellt)", "how (is|are|will|do you) .*(delivered|shipped|sent)",
         "spedition", "freight", "sperrgut", "sperrig", "bulky", "oversized", "large items"),
        ("spedition", "freight", "sperrgut", "bulky", "bordstein", "kerb", "curb"),
    ),
    "express": (  # faster than the zone's parcel: a courier, express, the same day (not a same-day dispatch)
        ("same[- ]day", "(?:am )?(?:selben|gleichen) tag", "next[- ]day", "overnight", "über nacht", "am nächsten tag",
         "(?<!american )express", "courier", "kurier", "eilig", "schnellversand", "eilversand"),
        ("(?<!american )express", "courier", "kurier", "overnight", "über nacht", "(?:same|next)[- ]day deliver", "eilversand",
         "schnellversand", "eilzustellung"),
    ),
    "carrier": (  # which parcel service
        ("carrier", "paketdienst", "versanddienstleister", "dhl", "ups", "dpd", "hermes", "gls", "mit wem"),
        ("paketdienst", "dhl", "\\bups\\b", "\\bdpd\\b", "hermes", "\\bgls\\b"),
    ),
    "excluded": (
        ("ausgeschlossen", "nicht abgedeckt", "nicht gedeckt", "not covered", "isn't covered", "excluded", "exclusion",
         "ausnahme", "exception", "cannot be returned", "can't be returned", "not returnable", "kein garantiefall",
         "does not cover", "doesn't cover", "wear and tear", "abnutzung", "verschleiß",
         # an item's state asks whether it is excepted ("one I've already opened", "angebrochen")
         "opened", "geöffnet", "angebrochen", "ausgepackt", "unsealed"),
        ("ausgeschlossen", "nicht abgedeckt", "not covered", "exclud", "nicht eingeschlossen", "not included",
         "cannot be returned", "kein garantiefall", "abnutzung", "wear and tear", "normal wear", "verschleiß",
         "hygien", "opened", "geöffnet", "angebrochen", "versiegel"),
    ),
    "voucher": (
        ("gift card", "giftcard", "gutschein", "voucher", "geschenkkarte"),
        ("gift card", "gutschein", "voucher", "geschenkkarte"),
    ),
    "discount": (
        ("discount", "rabatt", "coupon", "promo", "student", "skonto", "nachlass", "cheaper", "günstiger", "billiger",
         "% off", "prozent"),
        ("discount", "rabatt", "coupon", "promo", "skonto", "nachlass", "% off"),
    ),
    "locker": (  # a parcel locker, a post office or a parcel shop instead of the door
        ("packstation", "paketstation", "parcel ?locker", "paket ?shop", "parcel ?shop", "postfiliale", "post ?office",
         "abholstation", "pick-?up (?:point|station)", "postfach", "p\\.?o\\.? box"),
        ("packstation", "paketstation", "parcel ?locker", "paket ?shop", "parcel ?shop", "postfiliale", "post ?office",
         "abholstation", "pick-?up (?:point|station)", "postfach", "p\\.?o\\.? box"),
    ),
    "island": (  # islands are often excepted from a country's zone: an island named asks for that
        ("inseln?\\b", "islands?\\b", "kanaren", "canar", "teneriff?[ae]", "gran canaria", "lanzarote", "fuerteventura", "la palma",
         "azoren", "azores", "madeira", "balear", "mallorca", "majorca", "menorca", "minorca", "ibiza", "formentera",
         "korsika", "corsica", "sardini", "sizilien", "sicily", "kreta", "crete", "rhodos", "rhodes", "helgoland", "heligoland", "sylt", "föhr", "amrum", "norderney", "borkum", "juist", "langeoog",
         "spiekeroog", "wangerooge", "baltrum", "pellworm", "halligen?", "hiddensee", "fehmarn"),
        ("insel", "island", "kanaren", "canar", "azoren", "azores", "balear", "überseegebiet", "overseas territor"),
    ),
    "tracking": (
        ("track", "verfolgen", "sendungsnummer", "tracking", "sendungsverfolgung", "wo ist mein paket", "where is my"),
        ("track", "verfolg", "sendungsnummer"),
    ),
    "defect": (
        ("defect", "defekt", "broken", "kaputt", "mangel", "faulty", "fehlerhaft", "damaged", "beschädigt"),
        ("defect", "defekt", "mangel", "faulty", "fehler", "damage", "schaden"),
    ),
    "customs": (
        ("customs", "(?<!\\d )(?<!\\d)zoll", "duties", "import", "einfuhr", "mehrwertsteuer", "vat", "verzoll"),  # not 20 Zoll
        ("customs", "zoll", "duties", "import", "einfuhr"),
    ),
    # services a shop may or may not offer: a question about one no section names is not answered
    "loyalty": (
        ("loyalty", "treue", "bonusprogramm", "bonuspunkte", "punkte sammeln", "collect points", "reward", "kundenkarte",
         "stammkunde", "membership", "mitgliedschaft"),
        ("loyalty", "treue", "bonusprogramm", "punkte", "points", "reward", "kundenkarte", "membership"),
    ),
    "wrapping": (
        ("gift wrap", "geschenkverpackung", "geschenkpapier", "als geschenk (ein|ver)?pack", "(ein|ver)packen als geschenk",
         "wrap"),
        ("gift wrap", "geschenkverpackung", "geschenkpapier", "als geschenk verpack", "wrapping"),
    ),
    "personalisation": (  # engraving, embroidery, a name printed on
        ("gravier", "gravur", "engrav", "personalis", "personaliz", "monogram", "besticken", "bestickt", "embroider",
         "bedrucken", "namen (?:drauf|darauf|auf)"),
        ("gravier", "gravur", "engrav", "personalis", "personaliz", "monogram", "bestick", "embroider", "bedruck"),
    ),
    "price_match": (("price match", "preisgarantie", "tiefstpreis", "woanders günstiger", "cheaper elsewhere"),
                    ("price match", "preisgarantie", "tiefstpreis")),
}

# aspects that only help a section that names them: a store whose texts never say "step" still
# answers "how do I return it?"; and the topics, named in many words (but collecting in a shop
# is a service of its own)
SOFT_ASPECTS = {"process", "methods", "duration", "when", "where", "excluded", "contact", "express", "island"} | (set(TOPICS) - {"pickup"})


# a plain cue this long also ends a German compound in a question ("Geschenkgutscheine" asks
# about "gutschein", "Herstellergarantie" about "garantie"); shorter ones would meet inside
# unrelated words ("zahl" in "Anzahl")
COMPOUND_HEAD = 7


def _compile(cues: tuple[str, ...], word_start: bool) -> re.Pattern[str]:
    def prefix(cue: str) -> str:
        inside = not word_start or (len(cue) >= COMPOUND_HEAD and re.fullmatch(r"[a-zäöüß]+", cue))
        return "" if inside else r"(?<![a-zäöüß])"

    return re.compile("|".join(f"{prefix(c)}(?:{c})" for c in cues))


_QUESTION = {name: _compile(q, True) for name, (q, _) in {**TOPICS, **ASPECTS}.items()}
_SECTION = {name: _compile(s, False) for name, (_, s) in {**TOPICS, **ASPECTS}.items()}


def _normal(text: str) -> str:
    return " " + re.sub(r"\s+", " ", text.lower()) + " "


# "Can I return vitamins?" / "Kann ich eine Matratze zurückgeben?": whether a kind of item may go
# back is what the exclusions say, when nothing else is asked; "can I return it / my order" asks
# nothing of the sort
_RETURN_ITEM_EN = re.compile(
    r"\b(?:can|may|could) i (?:still )?(?:return|send back|exchange) ([a-z -]+?)(?= if | after | that | which | from | i | i'| we | you |\?|$)")
_RETURN_ITEM_DE = re.compile(r"\b(?:kann|darf|könnte) ich (.+?) (?:zurückgeben|zurückschicken|zurücksenden|umtauschen|retournieren)\b", re.I)
_NO_ITEM = {
    "a", "an", "the", "it", "this", "that", "them", "these", "those", "my", "your", "something", "anything", "order",
    "item", "items", "product", "products", "goods", "stuff", "things", "purchase", "parcel", "package", "back",
    "artikel", "bestellung", "ware", "waren", "sachen", "produkt", "produkte", "paket", "sendung", "kauf", "lieferung",
}  # fmt: skip


def _asks_about_an_item(text: str) -> bool:
    item = _RETURN_ITEM_EN.search(text.lower())
    if item:
        return bool(set(item[1].split()) - _NO_ITEM)
    item = _RETURN_ITEM_DE.search(text)  # German nouns are capitalised
    words = item[1].split() if item else []
    return bool(words) and len(words) <= 3 and words[-1][:1].isupper() and words[-1].lower() not in _NO_ITEM


# "Wie lange halten Sie die Ware für mich zurück?", "hold it back": kept for the shopper, no return
_HELD = re.compile(r"(?<![a-zäöüß])(?:halte|hält|halten|haltet|lege|legt|legen|stelle|stellt|stellen)\b(?P<mid>(?:(?!\bund\b|,)[^.?!]){0,50}?)\bzurück\b"
                   r"|zurück(?:halten|gehalten|legen|gelegt|stellen|gestellt)|\bhold (?:it |them |the \w+ )?back\b")


def question_aspects(text: str) -> set[str]:
    """The topics and aspects a question asks about."""
    lowered = _HELD.sub(lambda m: f" hold {m['mid'] or ''} ", _normal(text))
    asked = {name for name, cue in _QUESTION.items() if cue.search(lowered)}
    if "returns" in asked:  # "return shipping", "came by freight": the shipping is the return's
        asked.discard("shipping")
    if asked <= TOPICS.keys() and _asks_about_an_item(text.strip()):  # and nothing else
        asked.add("excluded")
    return asked


def section_aspects(text: str) -> set[str]:
    """The topics and aspects a section heading, text or a document's title talks about."""
    lowered = _normal(text)
    return {name for name, cue in _SECTION.items() if cue.search(lowered)}


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
