"""Kinds of fact a shopper's question asks for and a sentence of a product's text states, in
German and English (a weight for "wie schwer", a °C figure for "how warm", a label "In the
box:" for "Lieferumfang?"). Units and generic words only, nothing from one catalog; a feature
of `catalog.features` named in a question is a kind of fact too. Used by `catalog.passages`
to rank a product's sentences against a question."""

from __future__ import annotations

import re

from catalog.features import FEATURES
from catalog.food_kinds import FOOD_FIGURES, FOOD_KINDS
from catalog.lexicon import COUNTRIES
from catalog.quantities import CLOSURE, LIMIT, MEASURED, QUANTITIES, SPAN

# a verb of making ("handgefilzt", "gefertigt", "hand-sewn") whose place follows ("in Bad Tölz")
_MADE = (r"\b\w*(?:gestellt|gefertigt|produziert|gemacht|genäht|gestrickt|gewebt|gefilzt|geschmiedet|gegossen|gebrannt|geröstet"
         r"|gebraut|geknüpft|gedruckt|gebaut|gegerbt|made|produced|manufactured|crafted|sewn|knitted|woven|felted|built|roasted|brewed|tanned)\b")
# a country, also as a region of it ("Süddeutschland", "southern Germany"), or the region itself ("aus der Region")
_COUNTRY_WORDS = "|".join(sorted({re.escape(w) for words in COUNTRIES.values() for w in words[2:] if len(w) >= 4}, key=len, reverse=True))
_REGION = (rf"(?:(?:süd|nord|ost|west|mittel)?(?:{_COUNTRY_WORDS})\b|(?:(?:south|north|east|west|centr)\w*\s+)?(?:{_COUNTRY_WORDS})\b"
           r"|(?:der\s+)?region\b|local\b|heimisch)")

# how long charging takes: "Ladezeit?", "How long does it take to charge?", "wie lange muss ich laden?"
_CHARGE_TIME = (r"ladezeit|ladedauer|charg(?:e|ing) time|time to (?:re)?charge|wie lange\b.*\b(?:lädt|laden|aufladen|aufzuladen|aufgeladen|geladen)\b"
                r"|how long\b.*\b(?:re)?charg|wie schnell\b.*\b(?:lädt|geladen|aufgeladen|voll)\b|how (?:fast|quickly)\b.*\b(?:re)?charg")

# words after a figure that are its unit, not the things counted ("40 Grad", "3 Stunden", "2 Jahre")
_UNIT_WORDS = (r"mm|cm|dm|m|km|meter\w*|metres?|mg|g|kg|gramm|grams?|ml|cl|l|liter\w*|litres?|grad|degrees?|stunden?|hours?|std|min\w*"
               r"|sek\w*|sec\w*|tage?n?|days?|wochen?|weeks?|monate?n?|months?|jahre?n?|years?|prozent|percent|watt|volt|bar|zoll|inch\w*|uhr|euro|chf|eur")

# a figure per time or per amount is a rate, not a weight: "Dampfstoß 220 g/min", "12 g/100 ml"
NOT_RATE = r"(?!\s*/\s*(?:min|h|s|sek|sec|std|stunde|tag|day|l|ml|dl|100)\b)"

# Kinds of fact: (words of a question asking for it, what a sentence stating it contains), in
# German and English. Units and generic words only, nothing from one catalog.
_ASPECTS: dict[str, tuple[str, str]] = {
    "weight": (r"schwer|wiegt|wiegen|gewicht|heavy|weigh", rf"\d\s*(?:kg|g)\b{NOT_RATE}|\d\s*gsm\b|gewicht|wiegt|wiegen|weigh"),
    "size": (
        r"groß|gross|\w{3,}größe\b|maße|abmessung|wie (?:lang|breit|hoch|dick)\b|länge|höhe|breite|durchmesser|\bsize|dimension"
        r"|how (?:big|long|wide|tall|thick|high|small)|measure|length|height|width|wie klein|packmaß|pack(?:ed)? size|packs? (?:down|small)",
        r"\d\s*(?:cm|mm|m|inch|inches|zoll)\b|\d\s*[×x]\s*\d|durchmesser|diameter",
    ),
    # which measure: "wie hoch" is the height row, not the table top's size
    # a German compound names the measure too: "Schafthöhe 38 cm", "Armlänge: 64 cm", "Sitzbreite"
    "height": (r"wie hoch|\bhöhe|how (?:high|tall)|\bheight", r"höhe\b|\bhoch\b|height|\bhigh\b|\btall\b"),
    # a boot's last is its width too: "102 mm last", "Leisten: 98 mm"
    "width": (r"wie breit|\bbreite\b|how wide|\bwidth", r"breite\b|\bbreit\b|\bwidth|\bwide\b|\d\s*mm\s+(?:last|leisten)\b|\bleisten\w*\s*:?\s*\d"),
    "length": (r"wie lang\b|\blänge\b|how long (?:is|are)\b|\blength|\binseam|\binside leg|innenbeinlänge|schrittlänge", r"länge\b|\blang\b|\blength|\blong\b|\d\s*(?:m|meter|metres?|meters?)(?![^\W\d_])"),  # "Kabel: 3 m" (not cm: a size table's "Bund 90–93 cm")
    "capacity": (r"liter|fasst|hinein|volumen|fassungs|\bhold|capacity|litre|how (?:much|many) .*\bfits?\b|wie viele? .*\bpass(?:t|en)\b",
                 r"\d\s*-?(?:l|ml|liter|litre|litres|liters)\b|fasst|holds|capacity|volumen|fassungsvermögen|\bfits\b|\bpasst\b"),
    # not a light's colour temperature ("Farbtemperatur", "colour temperature": that is in kelvin)
    "temperature": (r"\bgrad|°|(?<!farb)temperatur|(?<!farb)warm|kalt|kälte|frost|cold|\bhot(?:ter)?\b|\bhei(?:ß|ss)(?:e[rms]?)?\b|(?<!colour )(?<!color )temperature|degree|winter|freez",
                    r"°\s*c|\bgrad\b|degrees|komfort|comfort|limit|extrem"),
    # how deep, in the sea or the pool: "How deep can I dive with it?" -> "20 ATM / 200 m"
    "water": (r"wasserdicht|wasserfest|wasserabweisend|\bwasser\b|wassersäule|\bregen|\bnass|dusche|schwimm|wie tief|\bmeer\b|salzwasser"
              r"|waterproof|water-?(?:resistant|repellent)|\bwater\b|\brain|\bwet\b|shower|swim|how deep|\bsea\b|\bocean\b|salt ?water"
              r"|pfütze|puddle",
              r"wasser|water|\bipx?\d|\d\s*(?:atm|bar)\b|hydrostatic|\bregen|\brain"),  # not "Full-grain"
    "battery": (r"akku|batterie|laufzeit|aufladen|aufgeladen|\blädt|\bladen\b|battery|charg|runtime|how long .* last",
                r"\d\s*(?:h|std|stunden|hours|mah|wh)\b|akku|batter|charg|lade|laufzeit|run ?time"),
    # how long charging takes, not how long it runs: "Ladezeit 4 Stunden", "in ca. 2 Stunden voll", "10 Minuten = 5 Stunden Musik"
    "charge_time": (_CHARGE_TIME, r"ladezeit|ladedauer|charg\w* time|time to charge|\b(?:charging|(?:auf)?laden|ladung)\s*:\s*(?:ca\.|approx\.|about|etwa)?\s*\d|schnelllad|fast[- ]charg|quick[- ]charg"
                    r"|(?:lädt|laden|geladen|aufladen|aufgeladen|voll|charged?|charges|full)\b(?:[^.;]|\.(?=\d)|(?:(?<=\bca)|(?<=prox)|(?<=\bmax))\.){0,40}?\d+(?:[.,]\d+)?\s*(?:h|std|stunden|hours?|min\w*)\b"
                    r"|\d\s*(?:h|std|stunden|hours?|min\w*)\b[^.;]{0,20}?\b(?:voll|geladen|aufgeladen|charged|full)\b"),
    "care": (r"wasch|wäsche|trockner|bügel|reinig|spülmaschine|sauber|wash|dryer|\biron|clean|laundry|kochfest|auskoch|\bboil",
             r"wasch|wäsch|wash|trockner|dryer|spülmaschine|dishwasher|reinig|clean|rinse|wipe|spül|bügel|\biron|kochfest|\bboil"),
    "warranty": (r"garantie|gewährleistung|warranty|guarantee", r"garantie|gewährleistung|warranty|guarantee"),
    "material": (
        r"material|stoff|woraus|aus was|made (?:of|from)|fabric|(?:wolle|leder)(?![a-zäöüß]{3})|\b(?:what|which)\s+(?:kind\s+of\s+|type\s+of\s+)?(?:wool|leather)\b|vegan|\bbio\b|organic|plasti"
        r"|\breal (?:gold|silver)|\becht\w* (?:gold|silber)|\b(?:solid|massive?\w*) (?:gold|silver|silber)",
        r"\d\s*%|material|\baus\b(?!\s*(?:[.,;:!?–—)-]|$|und\b|and\b|oder\b|bitte\b|wenn\b|daher\b))|made (?:from|of)|wolle|wool|cotton|leder|leather|polyester|nylon|edelstahl"
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
            r"\d+\s*(?:bis|-|–|to)\s*\d+\s*(?:jahre|years)|ab \d+ jahren|aged|years"
            r"|\b(?:ab|from)\s+(?:dem\s+|the\s+|age\s+)?\d+\.?\s*(?:monat\w*|months?|lebensmonat\w*|jahr\w*|years?)"),
    # a peak output ("What's the peak output?" -> "300 W (Spitze 600 W)"); not "Spotify Connect", not an audio output
    "power": (r"watt|leistung|\bstrom|verbrauch|\bpower\b|energy|consum|\bpeak\b|spitzenleistung",
              r"\d\s*w\b|watt|leistung|power|\bspitze|\bpeak"),
    # measured quantities asked by their quantity, stated by their unit: "Wie viel Saugkraft?" -> "6000 Pa",
    # "How bright?" -> "1055 lm", "Farbtemperatur?" -> "2700 K", "Wie schnell dreht er?" -> "32.000 U/min"
    "suction": (r"saugkraft|saugleistung|saugstärke|suction|\bsaugt\b|\bpa\b|pascal",
                r"\d\s*(?:pa|kpa|aw|air ?watts?)\b|pascal|saugkraft|saugleistung|suction"),
    "brightness": (r"wie hell|\bhell(?:er|ig\w*)?\b|helligkeit|lichtstrom|leuchtkraft|lumen|\blux\b|\blm\b|how bright|brightness|brighter|luminous"
                   r"|how much light|wie viel licht",
                   r"\d\s*(?:lm|lumen|lx|lux|cd|candela)\b|lichtstrom|helligkeit|brightness|luminous"),
    "colour_temperature": (r"farbtemperatur|lichtfarbe|kelvin|colou?r temperature|how warm is the light|wie warm ist das licht",
                           r"\d\s*k\b|kelvin|farbtemperatur|lichtfarbe|colou?r temperature|warm ?wei(?:ß|ss)|kalt ?wei(?:ß|ss)|neutralwei(?:ß|ss)"
                           r"|warm white|cool white|daylight|tageslicht|tunable white"),
    "speed": (r"wie schnell|drehzahl|umdrehung|u/min|\brpm\b|how fast|\bspeed|geschwindigkeit|km/h|\bmph\b",
              r"\d\s*(?:u/min|upm|rpm|min-1|min⁻¹|km/h|mph)|drehzahl|umdrehungen|\d+\s*(?:\w*stufen|\w*speeds?|settings|levels)\b"),
    "pressure": (r"\bbar\b|(?<!auf)druck\b|pressure|\bpsi\b", r"\d\s*(?:bar|psi|kpa|hpa)\b|(?<!auf)druck\b|pressure"),
    "energy": (r"\bk?wh\b|wattstunde|watt[- ]hours?|energiemenge|energieinhalt|energy capacity|how much energy|wie viel energie",
               r"\d\s*k?wh\b|wattstunde|watt[- ]hours?"),
    # a floor or room area: "Für welche Raumgröße?", "Wie viele Quadratmeter schafft er?" -> "bis 250 m²", "rooms up to 30 m²"
    "area": (r"quadratmeter|\bqm\b|m²|\bm2\b|raumgröße|zimmergröße|wohnfläche|raumfläche|room size|how big (?:a|of a) room|square met|sq\.? ?(?:m|ft)\b"
             r"|floor space|(?:what|which|how much|how big an?) area\b",
             r"\d\s*(?:m²|m2|qm|sq\.? ?m|sq\.? ?ft|square met\w*|square feet)|raumgröße|room size|fläche\b|\barea\b"),
    # a ski's or a car's turning radius: "Welchen Radius?" -> "12 m radius", "Radius: R 14"
    "radius": (r"radius|radien|kurvenradius|wenderadius|turning circle", r"radius|radien|\br\s?=?\s?\d"),
    # how warm down is: "Welche Füllkraft?" -> "800 fill power", "650 cuin"
    "fill_power": (r"füllkraft|bauschkraft|fill ?power|\bcuin\b|\bloft\b", r"\d\s*(?:cuin|cu\.? ?in)\b|füllkraft|bauschkraft|fill ?power|\d{3}\s*fp\b"),
    # a fork's or shock's travel: "Wie viel Federweg?" -> "120 mm Federgabel", "travel: 140 mm"
    "suspension_travel": (r"federweg|(?:fork|suspension|shock)\w*\s+travel|travel\b.*\b(?:fork|suspension|shock)|how much travel",
                          r"federweg|\d\s*mm\s*(?:travel|feder|fork|federgabel|gabel|dämpfer|shock)|travel\s*:?\s*\d"),
    # a standard it is certified to: "Which standard?" -> "EN 12277 type C", "Norm EN 1077"
    "standard": (r"\bnorm(?:en)?\b|schutzklasse|sicherheitsklasse|schutzstufe|(?:protection|safety) class|(?:which|what|welche\w*)\s+(?:\w+\s+)?(?:safety\s+)?standards?\b|zertifiz|certif|geprüft nach|tested to|homologat"
                 r"|\b(?:en|din|iso)\s?\d{3,}",
                 r"\b(?:en|din|iso|uiaa|astm|ansi|iec)\s?-?\d{3,}|\bnorm\b|standard|zertifiz|certif|homologat"),
    # how long it takes to be ready: "How fast does it heat up?" -> "aufgeheizt in 20 Sekunden", "Ready to iron in 2 minutes"
    "heat_up": (r"aufheiz|heizt\b.*\bauf\b|aufgeheizt|vorheiz|heat(?:s|ing)? up|warm(?:s|ing)? up|pre-?heat|how (?:soon|quickly|fast|long)\b.*\bready\b"
                r"|(?:wie schnell|wie lange|wann)\b.*\b(?:einsatzbereit|betriebsbereit)",
                r"aufgeheizt|aufheiz|heiz\w* auf|heat(?:s|ed)? up|heat-up|pre-?heat|vorgeheizt|\bready\b[^.;]{0,20}\bin\b|einsatzbereit|betriebsbereit|bereit in"),
    # a helmet's or a jacket's air vents: "How many vents?" -> "12 regulierbare Lüftungsöffnungen"
    "vents": (r"\bvent(?:s|ilation)?\b|lüftung|belüftung|ventilation", r"\bvent(?:s|ed|ilation)?\b|lüftung|belüftung"),
    "charging": (r"(?:auf)?ge?laden\b|aufladen|\blädt|ladekabel|aufladbar|recharg|how .*\bcharged?\b|charging|charger",
                 r"usb|kabel|cable|netzteil|ladegerät|ladestation|ladeschale|charger|plug|stecker|induktiv|inductive|wireless|\bqi\b|solar|dock|recharg|aufladbar"),
    "power_source": (r"\bauto\b|\bcar\b|\bkfz|steckdose|socket|mains|\d+\s*v\b|volt|stromanschluss|netzbetrieb|unterwegs|on the go",
                     r"\bauto\b|\bcar\b|\bkfz|\d+\s*v\b|volt|adapter|home use|zuhause|steckdose|netzteil|mains|socket|plug|batter|akku"),
    "range": (r"reichweite|wie weit|\brange\b|how far", r"\d\s*(?:m|meter|metres|meters|km)\b|reichweite|\brange\b"),
    "loudness": (r"\blaut|leise|lautstärke|\bloud|quiet|volume|noise|dezibel|decibel|\bdb\b",
                 r"\d\s*db\b|dezibel|decibel|lautstärke|\bvolume|leise|quiet|\blaut|\bloud"),
    "load": (r"belastbar|belastung|tragkraft|traglast|\bträgt|aushält|weight .*(?:hold|take|carry|support)|(?:hold|take|carry|support).* weight"
             r"|maximum weight|max weight|weight limit|how many kg|wie viel kg|(?:up to|bis zu) (?:what|which|welche\w*) (?:weight|gewicht)"
             r"|(?:up to|bis zu) (?:how (?:many kg|much weight|heavy)|wie viel(?:en)? (?:kg|kilo)|wie schwer)|(?:gewicht|kilo)\w*\b.*\bh(?:ä|a)lt|\bh(?:ä|a)lt\w*\b.*\b(?:gewicht|kilo)",
             r"belastbar|belastung|tragkraft|traglast|\bträgt|\bload|supports?|holds? up|up to \d+\s*kg|bis \d+\s*kg|max\.?\s*\d+\s*kg"),
    # where it is made or comes from: "Wo wird es hergestellt?", "Woher kommt das Rind?" -> "gefertigt von der
    # Sattlerei X in Bad Tölz", "Handgefilzt … in Kathmandu, Nepal", "von Rindern aus Süddeutschland"
    "origin": (r"\bwo\b.*\b(?:hergestellt|produziert|gefertigt|gemacht|genäht|gestrickt|gewebt)|herkunft|herstellungsland"
               r"|\bwoher\s+(?:kommt|kommen|stammt|stammen)\b|\bwoher\b|\bstamm(?:t|en)\b"
               r"|\bwhere\b.*\b(?:made|produced|manufactured|sewn|knitted|woven|from)\b"
               r"|made in\b|country of origin|\borigin|angebaut|\banbau|(?<![\w-])grown\b|cultivated|\bwächst",
               r"(?:hergestellt|produziert|gefertigt|gemacht|genäht|gestrickt|gewebt|made|produced|manufactured|crafted|sewn|knitted|woven|designed)"
               r"\s+in\b|herkunft|\borigin"
               rf"|{_MADE}[^.;:]{{0,60}}?\bin\s+(?-i:[A-ZÄÖÜ])|\b(?:aus|from)\s+(?:de[mnr]\s+|the\s+)?{_REGION}"
               rf"|\bin\s+(?:de[mnr]\s+)?{_REGION}\s*(?:\w+\s+){{0,2}}?{_MADE}"  # "wird in Italien von Hand gefertigt"
               r"|anbaugebiet|angebaut|(?<![\w-])(?:grown|cultivated)\s+(?:in|on|at)\b|(?<=\w )from\s+(?-i:[A-Z][a-z]{3,})\b"),
    # "What's in the pack?", "Was ist alles im Set?" -> "Pack contents: …", "Inhalt: …", "Das Set enthält …"
    "included": (r"\bdabei\b|enthalten|inklusive|\binkl|lieferumfang|mitgeliefert|beiliegt|included|\bincludes?\b|comes? with|in the box|supplied"
                 r"|\bwhat(?:'s| is| comes)? in (?:the|this|that|my) (?:pack|set|box|kit|bundle|package|parcel)\b"
                 r"|\bwas (?:ist|kommt|steckt) (?:\w+ )?(?:alles )?(?:im|in dem|in der|in diesem) (?:set|paket|packung|karton|kit|bundle)\b",
                 r"\bdabei\b|enthalten|inklusive|\binkl|lieferumfang|mitgeliefert|beiliegend|\blieg(?:t|en) (?:\w+ )?bei\b|beigelegt|beigefügt"
                 r"|included|\bincludes\b|comes with|supplied|in the box|\bcontents?\s*:|\binhalt\s*:|\benthält\b|\bcontains\b"
                 # sold with or without it: "Lieferung ohne Akku und Ladegerät.", "Set mit Akku", "sold without a charger"
                 r"|lieferung\s+(?:ohne|mit)\b|geliefert|delivered|\b(?:set|kit|bundle)\s+(?:mit|with|aus|of|bestehend|consisting)\b|\bsold without|\bcomes? without"),
    # what one price buys: "Is the price for a pair or for one curtain?" -> "Preis pro Schal (1 Stück)", "sold per pair", "Inhalt: 1 Paar"
    "price_unit": (r"\b(?:price|preis|kost\w*|cost\w*)\b.*\b(?:pairs?|paar|single|each|per|pro|stück|pieces?|pack\w*|einzeln)\b"
                   r"|\b(?:pairs?|paar|stück|pieces?|single|einzeln)\b.*\b(?:price|preis|kost\w*|cost\w*)\b",
                   r"\b(?:preis\w*|price\w*)\s+(?:\w+\s+)?(?:pro|per|für|for|je)\b|\bpro (?:stück|paar|set|packung)\b|\bper (?:piece|pair|set|pack|panel|item|unit)\b"
                   r"|\bje stück\b|\b(?:sold|verkauft)\s+(?:as|als|in|per|einzeln|individually|singly)\b|\beinzeln\b|\bsingly\b|\bindividually\b"
                   r"|\(\s*1\s*(?:stück|piece|paar|pair)\s*\)|\b(?:inhalt|contents?|lieferumfang)\s*:\s*\d"),
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
    "rating": (r"kategorie|categor(?:y|ies)|klassen?\b|\bclass(?:es)?\b", r"(?:kategorie|category|klasse|class)\s*:?\s*(?:[A-G]\b|[IV]+\b|\d)"),
    # a maximum asked, a limit stated: "What's the biggest hole it can drill?" -> "in Beton bis 13 mm"
    "limit": LIMIT,
    "closure": CLOSURE,
    "span": SPAN,
    # the analytical constituents of food ("Wie hoch ist der Proteingehalt?" -> "crude protein 30%")
    # (not "fibre", "fat" or "ash" alone: a fabric, a fat bike, ash wood)
    "nutrients": (r"protein|eiwei(?:ß|ss)|fettgehalt|fettanteil|wie viel fett|fat content|how much fat|rohfaser|ballaststoff|rohasche"
                  r"|kalorie|calori|kcal|kohlenhydrat|carbohydrate|nährwert|nutrition|nutrient|analytische|analytical",
                  r"analytische bestandteile|analytical constituents|nährwert|nutrition|\broh(?:protein|fett|faser|asche)"
                  r"|\bcrude (?:protein|fat|fib|ash)|\d\s*kcal|(?:protein|eiwei(?:ß|ss)|fett|fat|kohlenhydrate|carbohydrates?)\w*\s*:?\s*\d"
                  r"|(?:protein|eiwei\w*)[- ]?(?:reich|rich)|(?:reich an|rich in|high in) (?:protein|eiwei)"),
    # how much to give or use ("Wie dosiere ich …?" -> "Dosage: 5 ml per 20 litres")
    "dosage": (r"dosier|dosage|\bdos(?:e|es|ing)\b|how much .*\b(?:per|a|each) (?:day|litre|liter)|wie viel .*\b(?:pro|am|je) (?:tag|liter)"
               r"|how many .*\b(?:per|a) day|wie viele .*\b(?:pro|am) tag"
               r"|how much\b.*\b(?:per|for (?:a|one|each)) (?:wash|load|use|application|cup|serving|portion)"
               r"|wie viel\b.*\b(?:pro|je|für (?:eine|einen|ein)) (?:wäsche|waschgang|waschladung|anwendung|tasse|portion)",
               r"dosier|dosage|\bdos(?:e|ing)\b|\d\s*(?:ml|g|tabletten?|tablets?|tropfen|drops|messlöffel|scoops?|stück|pieces?)"
               r"\s*(?:pro|per|auf|je|for every|for each|a|am)\s+(?:\d|tag|day|liter|litre|kg)"
               r"|\bpro tag\b|\bper day\b|\ba day\b|täglich|\bdaily\b|futtermenge|fütterung|feeding|tagesration|ration\b"),
    # a garment's neckline: "What kind of neckline?", "Welcher Ausschnitt?" -> "V-Ausschnitt", "Rundhals", "envelope neck"
    "neckline": (r"ausschnitt|neckline", r"\w*ausschnitt|neckline|rundhals|crew ?neck|v-neck|turtleneck|envelope neck|\w*kragen\b"),
    # how many pieces: "How many pairs are in the pack?", "Wie viele Ösen hat der Vorhang?" -> "3 Paar", "8 Ösen"
    # (a number before a word that is no unit; asked alone: "how many cups fit?" is the capacity)
    "count": (r"\bhow many\b|\bwie ?viele\b|\banzahl\b|\bnumber of\b",
              rf"(?<![\w.,])\d(?:[\d.]*\d)?\s*(?:x\s+)?(?!(?:{_UNIT_WORDS})(?![^\W\d_]))[^\W\d_]{{3,}}|\b\d+er[- ](?:pack|set|packung)\b"
              # a pack named by its count: "im Dreierpack", "Zweierset", "a three-pack", "pack of six"
              r"|\b(?:zweier|dreier|vierer|fünfer|sechser|achter|zehner|zwölfer)(?:pack|set|packung)\w*"
              r"|\b(?:two|three|four|five|six|eight|ten|twelve)[- ]pack\b|\bpack of (?:\d+|two|three|four|five|six|eight|ten|twelve)\b"
              r"|\bpairs?\b|\bpaar\b|\bpaarweise\b|\bdoppelpack\w*|\bdutzend\b|\bdozen\b"  # "Sold as a pair"
              r"|^[^\W\d_]{3,}\s*:?\s*\d+\.?$"),  # a label before its number: "Programme 8", "Ösen: 8"
    "use": (r"geeignet|eignet|suitable|good for|gut für|taugt|can i (?:use|wear|take)|kann (?:ich|man)\b.*"
            r"\b(?:verwenden|benutzen|nutzen|tragen)|\b(?:ok(?:ay)?|safe|fine) to \w+|\bcan i \w+ (?:with|in) (?:it|this|these|them)\b|\breicht\b.*\bfür\b|kompatib|compatib|\bwork with|\bpasst\b.*\b(?:an|auf)\b",
            r"geeignet|eignet|suitable|ideal|perfe[ck]t f|great for|designed for|made for|intended|recommended|empfohlen|nicht für|not for"
            r"|ausgelegt|kompatib|compatib|\bworks? with|funktioniert|\bfor all\b|für alle\b|\bincluding\b|\bauch für|\balso for"
            # a range of use by its limit: "für Aquarien bis 400 Liter", "for rooms up to 30 m²" (not "for up to 1 hour")
            r"|\b(?:für|for)\s+(?!up\b|bis\b)[^.;:]{1,40}?\s(?:bis(?: zu)?|up to|max\.?)\s*\d[\d.,]*(?![\d.,])"
            r"(?!\s*(?:h|hours?|min\w*|std|stunden?|sek\w*|sec\w*|tage?n?|days?|wochen?|weeks?|monate?n?|months?|jahre?n?|years?)\b)"),
}  # fmt: skip
# physical quantities by their unit (`catalog.quantities`): torque, hardness, voltage, thickness, a filling's share …
# ("Wie dick dürfen die Äste sein?" -> "Schnittstärke: bis 22 mm", "How much torque?" -> "180 Nm")
_ASPECTS.update(QUANTITIES)
_ASPECTS.update(FOOD_KINDS)  # food, drinks, cosmetics: keeping, preparation, caffeine, alcohol, SPF, pH, skin type
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


# kinds that are a measured quantity stated by its own unit, never a size to choose ("Raumgröße", "Radius")
MEASURED_KINDS = frozenset({"suction", "brightness", "colour_temperature", "pressure", "energy", "area", "radius",
                            "fill_power", "suspension_travel", "standard", "heat_up", "charge_time", "vents", "span", "loudness"}) | MEASURED  # fmt: skip
# kinds answered by a figure ("Höhe 24 cm", "180 Nm", "approx. 30 minutes"); a question also asking whether
# something comes along, suits or may travel ("Ist ein Akku dabei?") asks no figure (`asks_figure`)
FIGURE_KINDS = frozenset({"weight", "size", "height", "width", "length", "capacity", "temperature", "battery", "charge_time",
                          "duration", "power", "speed", "range", "loudness", "load", "age", "impedance", "fineness", "power_reserve",
                          "shelf_life", "per_day", "dosage", "nutrients", "packing", "water", "limit"}) | MEASURED_KINDS | frozenset(FOOD_FIGURES) | frozenset(QUANTITIES)  # fmt: skip
_NO_FIGURE = frozenset({"included", "use", "travel", "spare", "origin", "fit"})


def asks_figure(aspects: list[str]) -> bool:
    """True when the asked kinds are answered by a figure: "Wie hoch ist die Matratze?", not "Ist ein Akku dabei?"."""
    return bool(FIGURE_KINDS & set(aspects)) and not _NO_FIGURE & set(aspects)


# a part that holds something: "How big is the dust bin?", "Wie groß ist der Wassertank?" ask its capacity
PART_HOLDING = re.compile(
    r"\w*(?:behälter|tank|korb|körbe|krug|kanne|schüssel|beutel|topf|becher|flasche|karaffe)\b"
    r"|\b(?:\w+ )?(?:bin|basket|jar|jug|tank|reservoir|container|bowl|pot|carafe|bottle|cup)s?\b",
    re.I,
)
# a kind that asks more precisely than another the same words ask: "how fast does it heat up?" is the heat-up
# time, not a speed; "how long to charge?" the charge time, not the runtime; "Raumgröße" an area, not a size
_NARROWER = {
    "charge_time": ("battery", "duration", "charging", "speed", "size", "length"),
    "span": ("range",),  # "height range?" is the span it is set within, not how far it reaches
    "heat_up": ("speed", "temperature", "duration"),
    "area": ("size",),
    "colour_temperature": ("temperature",),
    "voltage": ("power_source",),
    "share": ("height", "size"),  # "Wie hoch ist der Daunenanteil?" asks a share, not a height
    "grammage": ("weight",),
    "warranty": ("duration", "length"),  # "Wie lange Garantie?" asks the guarantee, "how long is the cable?" no guarantee
    "thread_count": ("height", "size"),  # "Wie hoch ist die Fadendichte?"  # "Wie schwer ist der Stoff?": the fabric's g/m², not the product's weight
}
# how much filling: "Wie viel Füllung hat die Decke?", "how much fill?" -> its weight ("Füllgewicht 900 g", "100 g Wattierung")
_FILL_AMOUNT = re.compile(r"\b(?:wie ?viel|how much)\s+(?:\w+\s+)?(?:füllung|filling|fill)\b", re.I)
NARROWER = _NARROWER  # for `catalog.answer_kinds`
# narrower kinds whose figure is another quantity than the wider kind's: a charge time is no runtime, a
# heat-up time no duration of use, a guarantee's years no time it runs, "2700 K" no temperature (a fabric's "490 g/m²" is still a weight)
_OTHER_MEASURE = frozenset({"charge_time", "heat_up", "colour_temperature", "warranty"})  # "2 Jahre Garantie" is no runtime
# where a sentence listing several facts is cut into its clauses (not "2,5 kg": a comma before a space)
CLAUSES = re.compile(r"[,;]\s+|\s+[–—]\s+")


def without_narrower(sentence: str, aspects: list[str]) -> str:
    """The sentence without its clauses stating a narrower kind than one asked, not asked itself:
    "Laden über USB-C, Ladezeit ca. 3 Stunden" says nothing of how long the battery lasts, so for
    "Wie lange hält der Akku?" only "Laden über USB-C" is left; the whole sentence when no such
    kind is in play."""
    others = [key for key, wider in _NARROWER.items() if key in _OTHER_MEASURE and key not in aspects and set(wider) & set(aspects)]
    if not others:
        return sentence
    kept, unit = [], None
    for clause in (c for c in CLAUSES.split(sentence) if c.strip()):
        if any(ASPECTS[key][1].search(clause) for key in others):
            unit = _unit(clause) if "warranty" in others and ASPECTS["warranty"][1].search(clause) else None
        elif unit and _unit(clause) == unit and not any(ASPECTS[a][1].search(_FIGURE_UNIT.sub(" ", clause)) for a in aspects):
            continue  # "2 Jahre Garantie, auf den Akku 1 Jahr": the guarantee goes on, no time of use
        else:
            kept.append(clause)
            unit = None
    return ", ".join(kept)


# the unit after a clause's figure, by its first four letters ("Jahre" ~ "Jahr", "years" ~ "year")
_FIGURE_UNIT = re.compile(r"\d[\d.,]*\s*([^\W\d_]+)")


def _unit(clause: str) -> str | None:
    m = _FIGURE_UNIT.search(clause)
    return m.group(1).lower()[:4] if m else None


def narrowed(found: list[str], question: str) -> list[str]:
    """`found` without the kinds a narrower asked kind replaces, and with the capacity when the
    size of a part that holds something is asked."""
    if "size" in found and "capacity" not in found and PART_HOLDING.search(question):
        found = [*found, "capacity"]
    if "weight" not in found and _FILL_AMOUNT.search(question):
        found = [*found, "weight"]
    if "filling" in found and "thickness" in found and "grammage" not in found:  # "how thick is the filling?" -> "Wattierung 200 g/m²"
        found = [*found, "grammage"]
    if "count" in found and len(found) > 1:  # "how many cups fit?", "how many per day?": the other kind says what is counted
        found = [k for k in found if k != "count"]
    dropped = {k for key, wider in _NARROWER.items() if key in found for k in wider}
    return [k for k in found if k not in dropped]


def without_name_run(question: str, name: str) -> str:
    """The question without two or more words of the product's name in a row: "RoboClean Lite 2"
    names the product and asks nothing about cleaning."""
    words = {w.lower() for w in re.findall(r"\w+", name)}
    pieces = question.split()
    named = [bool(w) and w in words for w in (re.sub(r"\W", "", p).lower() for p in pieces)]
    run = [named[i] and ((i > 0 and named[i - 1]) or (i + 1 < len(named) and named[i + 1])) for i in range(len(pieces))]
    return " ".join("" if r else p for p, r in zip(pieces, run, strict=True))
