"""Kinds of fact a shopper's question asks for and a sentence of a product's text states, in
German and English (a weight for "wie schwer", a °C figure for "how warm", a label "In the
box:" for "Lieferumfang?"). Units and generic words only, nothing from one catalog; a feature
of `catalog.features` named in a question is a kind of fact too. Used by `catalog.passages`
to rank a product's sentences against a question."""

from __future__ import annotations

import re

from catalog.features import FEATURES
from catalog.lexicon import COUNTRIES

# a verb of making ("handgefilzt", "gefertigt", "hand-sewn") whose place follows ("in Bad Tölz")
_MADE = (r"\b\w*(?:gestellt|gefertigt|produziert|gemacht|genäht|gestrickt|gewebt|gefilzt|geschmiedet|gegossen|gebrannt|geröstet"
         r"|gebraut|geknüpft|gedruckt|gebaut|gegerbt|made|produced|manufactured|crafted|sewn|knitted|woven|felted|built|roasted|brewed|tanned)\b")
# a country, also as a region of it ("Süddeutschland", "southern Germany"), or the region itself ("aus der Region")
_COUNTRY_WORDS = "|".join(sorted({re.escape(w) for words in COUNTRIES.values() for w in words[2:] if len(w) >= 4}, key=len, reverse=True))
_REGION = (rf"(?:(?:süd|nord|ost|west|mittel)?(?:{_COUNTRY_WORDS})\b|(?:(?:south|north|east|west|centr)\w*\s+)?(?:{_COUNTRY_WORDS})\b"
           r"|(?:der\s+)?region\b|local\b|heimisch)")

# Kinds of fact: (words of a question asking for it, what a sentence stating it contains), in
# German and English. Units and generic words only, nothing from one catalog.
_ASPECTS: dict[str, tuple[str, str]] = {
    "weight": (r"schwer|wiegt|wiegen|gewicht|heavy|weigh", r"\d\s*(?:kg|g)\b|gewicht|wiegt|wiegen|weigh"),
    "size": (
        r"groß|gross|\w{3,}größe\b|maße|abmessung|wie (?:lang|breit|hoch|dick)\b|länge|höhe|breite|durchmesser|\bsize|dimension"
        r"|how (?:big|long|wide|tall|thick|high|small)|measure|length|height|width|wie klein|packmaß|pack(?:ed)? size|packs? (?:down|small)",
        r"\d\s*(?:cm|mm|m|inch|inches|zoll)\b|\d\s*[×x]\s*\d|durchmesser|diameter",
    ),
    # which measure: "wie hoch" is the height row, not the table top's size
    # a German compound names the measure too: "Schafthöhe 38 cm", "Armlänge: 64 cm", "Sitzbreite"
    "height": (r"wie hoch|\bhöhe|how (?:high|tall)|\bheight", r"höhe\b|\bhoch\b|height|\bhigh\b|\btall\b"),
    "width": (r"wie breit|\bbreite\b|how wide|\bwidth", r"breite\b|\bbreit\b|\bwidth|\bwide\b"),
    "length": (r"wie lang\b|\blänge\b|how long (?:is|are)\b|\blength", r"länge\b|\blang\b|\blength|\blong\b"),
    "capacity": (r"liter|fasst|hinein|volumen|fassungs|\bhold|capacity|litre|how (?:much|many) .*\bfits?\b|wie viele? .*\bpass(?:t|en)\b",
                 r"\d\s*(?:l|ml|liter|litre|litres|liters)\b|fasst|holds|capacity|volumen|fassungsvermögen|\bfits\b|\bpasst\b"),
    "temperature": (r"\bgrad|°|temperatur|warm|kalt|kälte|frost|cold|temperature|degree|winter|freez",
                    r"°\s*c|\bgrad\b|degrees|komfort|comfort|limit|extrem"),
    # how deep, in the sea or the pool: "How deep can I dive with it?" -> "20 ATM / 200 m"
    "water": (r"wasserdicht|wasserfest|wasserabweisend|\bwasser\b|wassersäule|\bregen|\bnass|dusche|schwimm|wie tief|\bmeer\b|salzwasser"
              r"|waterproof|water-?(?:resistant|repellent)|\bwater\b|\brain|\bwet\b|shower|swim|how deep|\bsea\b|\bocean\b|salt ?water",
              r"wasser|water|\bipx?\d|\d\s*(?:atm|bar)\b|hydrostatic|\bregen|\brain"),  # not "Full-grain"
    "battery": (r"akku|batterie|laufzeit|aufladen|aufgeladen|\blädt|\bladen\b|battery|charg|runtime|how long .* last",
                r"\d\s*(?:h|std|stunden|hours|mah|wh)\b|akku|batter|charg|lade"),
    "care": (r"wasch|wäsche|trockner|bügel|reinig|spülmaschine|sauber|wash|dryer|\biron|clean|laundry",
             r"wasch|wash|trockner|dryer|spülmaschine|dishwasher|reinig|clean|rinse|wipe|spül|bügel|\biron"),
    "warranty": (r"garantie|gewährleistung|warranty|guarantee", r"garantie|gewährleistung|warranty|guarantee"),
    "material": (
        r"material|stoff|woraus|aus was|made (?:of|from)|fabric|(?:wolle|leder)(?![a-zäöüß]{3})|vegan|\bbio\b|organic|plasti"
        r"|\breal (?:gold|silver)|\becht\w* (?:gold|silber)|\b(?:solid|massive?\w*) (?:gold|silver|silber)",
        r"\d\s*%|material|\baus\b|made (?:from|of)|wolle|wool|cotton|leder|leather|polyester|nylon|edelstahl"
        r"|stainless|kunststoff|plastic|rubber|kautschuk|glass|\bglas|merino|leinen|linen|seide|\bsilk|kaschmir|cashmere"
        r"|\b(?:925|585|750|333)\b|\d+\s*(?:k|kt|karat|carat)\b|\w*gold\b|\w*silber\b|\w*silver\b|titan",
    ),
    "fit": (r"fällt|ausfallen|passform|welche größe|nummer|run\w* (?:small|large|big)|true to size|which size|how (?:is|does) .*\bfit|\bthe fit\b"
            r"|between sizes|zwischen .*größen",
            r"fällt|klein aus|groß aus|passform|\bfit\b|runs? (?:small|large|big)|come up|size up|größer|kleiner"
            r"|nummer|between sizes"),
    # how long something lasts or is made for ("wie lange hält der Akku?", "rides of 4 to 6 hours")
    "duration": (r"\bwie lange\b|\bhow long\b|\bdauer\b|duration|\bhours?\b|\bstunden\b",
                 r"\d\s*(?:(?:working|business|work|banking) )?(?:h|std\.?|stunden|hours?|min|minuten|minutes|(?:werk|arbeits)?tage?n?|days?|wochen|weeks?"
                 r"|monate?n?|months?|jahre?n?|years?)(?![^\W\d_])"),
    # how small it packs ("Wie klein lässt sich die Jacke verpacken?": "packs into its own chest pocket")
    "packing": (r"verpack|packmaß|packmass|pack(?:ed)? size|packs? (?:down|small|into|away)|wie klein|how small|stuff",
                r"packs? (?:down|into|away|small)|verpack|verstau|packmaß|packmass|packsack|stuff ?sack|own \w*\s?pocket|eigene\w* \w*tasche"
                r"|\d\s*[×x]\s*\d"),
    "travel": (r"flugzeug|handgepäck|fliegen|\bflug|plane|flight|\bfly|cabin|carry-on|luggage",
               r"handgepäck|\bflug|airline|flight|cabin|luggage|carry-on|gepäck"),
    "age": (r"alter\b|jahre alt|\bage\b|years old|how old",
            r"\d+\s*(?:bis|-|–|to)\s*\d+\s*(?:jahre|years)|ab \d+ jahren|aged|years"),
    "power": (r"watt|leistung|\bstrom|verbrauch|\bpower\b|energy|consum", r"\d\s*w\b|watt|leistung|power"),
    "charging": (r"(?:auf)?ge?laden\b|aufladen|\blädt|ladekabel|aufladbar|recharg|how .*\bcharged?\b|charging|charger",
                 r"usb|kabel|cable|netzteil|ladegerät|ladestation|ladeschale|charger|plug|stecker|induktiv|inductive|wireless|\bqi\b|solar|dock|recharg|aufladbar"),
    "power_source": (r"\bauto\b|\bcar\b|\bkfz|steckdose|socket|mains|\d+\s*v\b|volt|stromanschluss|netzbetrieb|unterwegs|on the go",
                     r"\bauto\b|\bcar\b|\bkfz|\d+\s*v\b|volt|adapter|home use|zuhause|steckdose|netzteil|mains|socket|plug|batter|akku"),
    "range": (r"reichweite|wie weit|\brange\b|how far", r"\d\s*(?:m|meter|metres|meters|km)\b|reichweite|\brange\b"),
    "loudness": (r"\blaut|leise|lautstärke|\bloud|quiet|volume|noise|dezibel|decibel|\bdb\b",
                 r"\d\s*db\b|dezibel|decibel|lautstärke|\bvolume|leise|quiet|\blaut|\bloud"),
    "load": (r"belastbar|belastung|tragkraft|traglast|\bträgt|aushält|weight .*(?:hold|take|carry|support)|(?:hold|take|carry|support).* weight"
             r"|maximum weight|max weight|weight limit|how many kg|wie viel kg|(?:gewicht|kilo)\w*\b.*\bh(?:ä|a)lt|\bh(?:ä|a)lt\w*\b.*\b(?:gewicht|kilo)",
             r"belastbar|belastung|tragkraft|traglast|\bträgt|\bload|supports?|holds? up|up to \d+\s*kg|bis \d+\s*kg|max\.?\s*\d+\s*kg"),
    # where it is made or comes from: "Wo wird es hergestellt?", "Woher kommt das Rind?" -> "gefertigt von der
    # Sattlerei X in Bad Tölz", "Handgefilzt … in Kathmandu, Nepal", "von Rindern aus Süddeutschland"
    "origin": (r"\bwo\b.*\b(?:hergestellt|produziert|gefertigt|gemacht|genäht|gestrickt|gewebt)|herkunft|herstellungsland"
               r"|\bwoher\s+(?:kommt|kommen|stammt|stammen)\b|\bwoher\b|\bstamm(?:t|en)\b"
               r"|\bwhere\b.*\b(?:made|produced|manufactured|sewn|knitted|woven|from)\b"
               r"|made in\b|country of origin|\borigin",
               r"(?:hergestellt|produziert|gefertigt|gemacht|genäht|gestrickt|gewebt|made|produced|manufactured|crafted|sewn|knitted|woven|designed)"
               r"\s+in\b|herkunft|\borigin"
               rf"|{_MADE}[^.;:]{{0,60}}?\bin\s+(?-i:[A-ZÄÖÜ])|\b(?:aus|from)\s+(?:de[mnr]\s+|the\s+)?{_REGION}"),
    "included": (r"\bdabei\b|enthalten|inklusive|\binkl|lieferumfang|mitgeliefert|beiliegt|included|\bincludes?\b|comes? with|in the box|supplied",
                 r"\bdabei\b|enthalten|inklusive|\binkl|lieferumfang|mitgeliefert|beiliegend|\blieg(?:t|en) (?:\w+ )?bei\b|beigelegt|beigefügt"
                 r"|included|\bincludes\b|comes with|supplied|in the box"
                 # sold with or without it: "Lieferung ohne Akku und Ladegerät.", "Set mit Akku", "sold without a charger"
                 r"|lieferung\s+(?:ohne|mit)\b|geliefert|delivered|\b(?:set|kit|bundle)\s+(?:mit|with)\b|\bsold without|\bcomes? without"),
    # headphones and speakers: "What impedance?" -> "32 ohm"
    "impedance": (r"impedanz|impedance|widerstand|\bohm", r"\d\s*(?:ohm|Ω)|impedanz|impedance"),
    # how fine a wool or fibre is: "Wie fein ist die Wolle?" -> "17.5 micron merino"
    "fineness": (r"wie fein|how fine|feinheit|fineness|micron|mikron", r"\d\s*(?:µm|μm|micron|mikron)"),
    # watches: what drives it ("What movement is inside?" -> "Werk: Sellita SW200-1")
    "movement": (r"\bmovement|uhrwerk|\bwerk\b|kaliber|calib(?:er|re)", r"\bwerk\b|uhrwerk|movement|kaliber|calib(?:er|re)"),
    # how long a watch runs unworn ("Wie lange läuft die Uhr, wenn ich sie ablege?" -> "Gangreserve: 38 Stunden")
    "power_reserve": (r"gangreserve|power reserve|\bableg|\bnicht trage|take it off|not (?:wear|worn)",
                      r"gangreserve|power reserve"),
    # cosmetics and food once opened ("How long does it keep after opening?" -> "Haltbarkeit nach dem Öffnen: 6 Monate")
    "shelf_life": (r"haltbar|shelf life|how long .*\bkeeps?\b|\bexpir|verfall|after opening|nach dem öffnen|once opened"
                   r"|wie lange\b.*\b(?:geöffnet|offen|angebrochen|aufgemacht)\w*|how long\b.*\b(?:opened|open)\b",
                   r"haltbar|shelf life|after opening|nach dem öffnen|use within|\bexpir|verfall|geöffnet\w*|angebrochen\w*|once opened|\bopened\b"),
    # how much a day: "How many treats can I give per day?" -> "Feed max. 10 pieces a day."
    "per_day": (r"\b(?:how (?:many|much)|wie viele?)\b.*\b(?:(?:per|a|each|every) day|daily|pro tag|am tag|jeden tag|täglich)",
                r"\b(?:per|a|each|every) day\b|\bdaily\b|\bpro tag\b|\bam tag\b|täglich|/\s*(?:tag|day)\b|\bund tag\b"),
    # a part bought on its own: "Can I buy a spare pump?" -> "Ersatzfilter einzeln erhältlich" (the product's stock is no answer)
    "spare": (r"\bspare\b|\bersatz\w*|\breplacement\b|\bnachkauf\w*|\bnachbestell\w*|\bseparately\b|\bseparat\b|\beinzeln\b",
              r"\bspare\b|ersatz\w*|\breplacement\b|nachkauf\w*|nachbestell\w*|\bseparately\b|\bseparat\w*|\beinzeln\w*|zubehör|accessor"),
    # a rated class: "Welche Filterkategorie?" -> "lens category 3", "Energieeffizienzklasse A", "Schutzklasse II"
    "rating": (r"kategorie|categor(?:y|ies)|klasse\b|\bclass\b", r"(?:kategorie|category|klasse|class)\s*:?\s*(?:[A-G]\b|[IV]+\b|\d)"),
    # how thick a thing may be or is: "Wie dick dürfen die Äste sein?" -> "Schnittstärke: bis 22 mm"
    "thickness": (r"wie dick|\bdicke\b|stärke\b|how thick|thickness", r"dick|stärke\b|thick"),
    # the analytical constituents of food ("Wie hoch ist der Proteingehalt?" -> "crude protein 30%")
    # (not "fibre", "fat" or "ash" alone: a fabric, a fat bike, ash wood)
    "nutrients": (r"protein|eiwei(?:ß|ss)|fettgehalt|fettanteil|wie viel fett|fat content|how much fat|rohfaser|ballaststoff|rohasche"
                  r"|kalorie|calori|kcal|kohlenhydrat|carbohydrate|nährwert|nutrition|nutrient|analytische|analytical",
                  r"analytische bestandteile|analytical constituents|nährwert|nutrition|\broh(?:protein|fett|faser|asche)"
                  r"|\bcrude (?:protein|fat|fib|ash)|\d\s*kcal|(?:protein|eiwei(?:ß|ss)|fett|fat|kohlenhydrate|carbohydrates?)\w*\s*:?\s*\d"
                  r"|(?:protein|eiwei\w*)[- ]?(?:reich|rich)|(?:reich an|rich in|high in) (?:protein|eiwei)"),
    # how much to give or use ("Wie dosiere ich …?" -> "Dosage: 5 ml per 20 litres")
    "dosage": (r"dosier|dosage|\bdos(?:e|es|ing)\b|how much .*\b(?:per|a|each) (?:day|litre|liter)|wie viel .*\b(?:pro|am|je) (?:tag|liter)"
               r"|how many .*\b(?:per|a) day|wie viele .*\b(?:pro|am) tag",
               r"dosier|dosage|\bdos(?:e|ing)\b|\d\s*(?:ml|g|tabletten?|tablets?|tropfen|drops|messlöffel|scoops?|stück|pieces?)"
               r"\s*(?:pro|per|auf|je|for every|for each|a|am)\s+(?:\d|tag|day|liter|litre|kg)"
               r"|\bpro tag\b|\bper day\b|\ba day\b|täglich|\bdaily\b|futtermenge|fütterung|feeding|tagesration|ration\b"),
    "use": (r"geeignet|eignet|suitable|good for|gut für|taugt|can i (?:use|wear|take)|kann (?:ich|man)\b.*"
            r"\b(?:verwenden|benutzen|nutzen|tragen)|\b(?:ok(?:ay)?|safe|fine) to \w+|\bcan i \w+ (?:with|in) (?:it|this|these|them)\b|\breicht\b.*\bfür\b|kompatib|compatib|\bwork with|\bpasst\b.*\b(?:an|auf)\b",
            r"geeignet|eignet|suitable|ideal|perfe[ck]t f|great for|designed for|made for|intended|recommended|empfohlen|nicht für|not for"
            r"|ausgelegt|kompatib|compatib|\bworks? with|funktioniert|\bfor all\b|für alle\b|\bincluding\b|\bauch für|\balso for"
            # a range of use by its limit: "für Aquarien bis 400 Liter", "for rooms up to 30 m²" (not "for up to 1 hour")
            r"|\b(?:für|for)\s+(?!up\b|bis\b)[^.;:]{1,40}?\s(?:bis(?: zu)?|up to|max\.?)\s*\d[\d.,]*(?![\d.,])"
            r"(?!\s*(?:h|hours?|min\w*|std|stunden?|sek\w*|sec\w*|tage?n?|days?|wochen?|weeks?|monate?n?|months?|jahre?n?|years?)\b)"),
}  # fmt: skip
ASPECTS = {k: (re.compile(q, re.I), re.compile(s, re.I)) for k, (q, s) in _ASPECTS.items()}
KINDS = tuple(ASPECTS)
# a feature named in a question is a kind of fact too: "is it lined?" wants the sentence about the lining
ASPECTS.update({key: (pattern, pattern) for key, pattern in FEATURES.items()})
# "wie wird er aufgeladen?", "how do I charge it?" ask the way, not how long: no battery figure answers them
HOW = re.compile(r"\b(?:wie|how)\b(?!\s+(?:lange?|long|viele?|much|many|oft|often|schnell|fast|quick))", re.I)

# a measure of one part or of the surroundings: "Sitzhöhe", "Deckenhöhe", "ceiling height", "seat width"
_QUALIFIED_MEASURE = re.compile(r"\b([^\W\d_]{3,}?)(?:höhe|länge|breite|tiefe)\b|\b([^\W\d_]{3,})\s+(?:height|length|width|depth)s?\b", re.I)
# qualifiers that name the whole product's measure: "the height", "Gesamthöhe", "overall length"
_WHOLE = frozenset("the its this that his her their what which total overall full max maximum min minimum gesamt außen outer".split())


def measure_qualifier(question: str) -> str | None:
    """What a measure asked is of, when it is not the whole product: "ceiling" of "Will it fit a
    ceiling height of 2.75 m?", "sitz" of "Wie ist die Sitzhöhe?"; None for "wie hoch?", "the height"."""
    m = _QUALIFIED_MEASURE.search(question)
    qualifier = (m.group(1) or m.group(2)).lower() if m else None
    return None if qualifier is None or qualifier in _WHOLE else qualifier
