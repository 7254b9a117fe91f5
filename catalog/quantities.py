"""Physical quantities merchants of any trade state by their unit, and the words shoppers ask
them with, in German and English: torque in Nm, hardness in HRC or Shore, voltage in V, current
in A, frequency in Hz, storage in GB, a resolution in pixels, a filling's share in %, a
fabric's weight per area in g/m² or gsm, a substance's share in %, a thread count, a diameter, a depth. One table, each row (question words, units, words that name the quantity in a
sentence); `catalog.fact_kinds` makes each a kind of fact answered by the sentence stating it.
Units and generic words only, nothing from one catalog."""

from __future__ import annotations

import re

# a figure: "180", "2,5", "1.000", a range "10–32" or a tolerance "60 ± 1" before its unit
FIGURE = r"\d[\d.,]*(?:\s*(?:[-–]|bis|to|±|\+/-)\s*\d[\d.,]*)?\s*-?"

# a fabric, as shoppers name it ("der Stoff", "Walkstoff", "the terry"), not a plastic or an active substance
FABRIC = r"\b(?:\w*(?<!kunst)(?<!wirk)(?<!roh)stoff|gewebe|fabric|cloth|textile?|frottee|frottier|terry)\b"

# a layer's noun after its thickness: a German noun (capitalised; no measure, "12 cm Differenz") or a
# material English shoppers name
_LAYER = (r"(?!(?:differenz|unterschied|abstand|umfang|länge|breite|höhe|tiefe|durchmesser|radius|zugabe|spiel|luft|platz|weite|mehr|weniger)\b)"
          r"(?-i:[A-ZÄÖÜ])[^\W\d_]{3,}|(?:\w+-)?(?:leather|foam|neoprene|felt|cork|rubber|steel|aluminium|aluminum|wood|plywood"
          r"|glass|latex|memory foam|gel|wool|fleece|padding|mattress|topper)\b")

# quantity -> (words asking for it, units stating it after a figure, words naming it in a sentence)
_QUANTITIES: dict[str, tuple[str, str, str]] = {
    # "Wie viel Drehmoment?", "How much torque?" -> "180 Nm", "Drehmoment hart / weich 60 Nm / 28 Nm"
    "torque": (r"drehmoment|torque|newtonmeter|\bnm\b", r"nm|newtonmeter", r"drehmoment|torque"),
    # "Wie hart ist der Stahl?", "How hard are the knives?" -> "60 ± 1 HRC", "Shore A 60"
    "hardness": (r"wie hart\b|how hard\b|\bhärte\b|hardness|\bhrc\b|rockwell|\bshore\b", r"hrc|shore\s*[ad]?",
                 r"härte\b|härtegrad\w*|hardness|firmness|rockwell|\bshore\s*[ad]?\s*\d"),
    # "Welche Spannung?", "How many volts?" -> "18 V"
    "voltage": (r"spannung\b|voltage|\bvolts?\b|\bvolt\b", r"v|volt|volts|kv", r"\bspannung\b|voltage"),
    # "Wie viel Ampere?" -> "Ausgangsstrom 2,4 A"
    "current": (r"stromstärke|ampere|\bamps?\b|amperage|ausgangsstrom|ladestrom", r"a|ma|ampere|amps?",
                r"stromstärke|ausgangsstrom|ladestrom|amperage"),
    # "Wie viel Hertz?", "What refresh rate?" -> "144 Hz"
    "frequency": (r"frequenz|frequency|hertz|\bhz\b|bildwiederhol|refresh rate", r"hz|khz|mhz|ghz", r"frequenz|frequency|hertz"),
    # "Wie viel Speicher?", "How much storage?" -> "128 GB"
    "storage": (r"\bspeicher(?:platz|kapazität|größe)?\b|arbeitsspeicher|storage|memory|\bram\b|\bgb\b|\btb\b|gigabyte|terabyte",
                r"gb|tb|mb|gigabyte|terabyte", r"\bspeicher(?!t\b)\w*|storage|memory|\bram\b"),
    # "Welche Auflösung?" -> "4K", "1920 × 1080", "12 MP"
    "resolution": (r"auflösung|resolution|megapixel|pixel|\bdpi\b|\bppi\b", r"mp|megapixel|dpi|ppi|px|pixel",
                   r"auflösung|resolution|\b(?:full ?hd|uhd|[248]k)\b|\d{3,4}\s*[×x]\s*\d{3,4}"),
    # "Was ist die Füllung?", "What is the filling?" -> "90 % Daunen und 10 % Federn", "gefüllt mit Dinkelspelz"
    # a compound names it too ("90 % neue Gänsedaunen"); a wadding is a filling ("Wattierung 150 g/m²", "padding")
    "filling": (r"füllung|gefüllt|filling|filled|stuffed|stuffing|daunenanteil|down content",
                r"%\s*(?:\w+\s+)?(?:\w*daune\w*|\w*feder\w*|down|feathers?|\w*faser\w*|fib(?:re|er)s?|polyester|watte|wolle|wool)",
                r"füllung|gefüllt|filling|filled with|stuffed|wattierung|\w*wattiert|padding|wadding"),  # not "Füllgewicht": how much, not what
    # a fabric's weight per area: "Welche Grammatur?", "Wie schwer ist der Stoff?", "fabric weight" -> "140 g/m²", "650 gsm"
    "grammage": (r"grammatur|flächengewicht|stoffgewicht|fabric weight|\bgsm\b|g/m²"
                 rf"|(?:schwer|gewicht|heavy|weigh\w*)\b.*\b{FABRIC}|{FABRIC}.*\b(?:schwer|gewicht|heavy|weigh\w*)",
                 r"g\s*/\s*(?:m²|m2|qm|sqm)|gsm", r"grammatur|flächengewicht|\bgsm\b"),
    # how densely woven: "Wie hoch ist die Fadendichte?", "thread count?" -> "thread count 300", "120 Fäden/cm²"
    "thread_count": (r"fadendichte|fadenzahl|thread ?count|threads? per", r"fäden|threads?",
                     r"fadendichte|fadenzahl|thread ?count"),
    # how much of one substance: "Wie hoch ist der Daunenanteil?", "Wie viel Seide ist drin?" -> "70 % Wolle, 30 % Seide"
    "share": (r"\w*(?<!bestand)anteil\b|\bprozent|\bpercent|\bwie viel \w+ (?:ist|sind|steckt|stecken) (?:in|im|drin|darin)\b"
              r"|\bhow much \w+ (?:is|are) (?:in|there)\b|\bproportion of\b|\bshare of\b",
              r"%|prozent|percent", r"\w*(?<!bestand)anteil\b"),
    # a hole's, a pipe's, a wheel's: "Welcher Durchmesser?", "How wide is the hole?" -> "Ø 28 cm", "Bohr-Ø 13 mm"
    "diameter": (r"durchmesser|diameter|\bø|\bdia\b|\bbore\b", r"mm\s*ø|cm\s*ø", r"durchmesser|diameter|ø\s*\d|\bø\b|\bdia\.?\s*\d"),
    # "Wie tief ist der Schrank?", "What depth?" -> "Tiefe 60 cm" (not a diver's depth: that is the water kind)
    "depth": (r"\btiefe\b|\bdepth\b|wie tief ist|how deep is", r"(?:cm|mm|m)\s+(?:tief|deep)", r"tiefe\b|\bdepth|\btief\b|\bdeep\b"),
    # how thick: "Wie dick sind die Polster?" -> "20 mm stark", "Stärke: 4 mm", "3 mm thick", "only 7 mm thin";
    # a layer named by its thickness before it: "aus 1,3 mm Rindleder", "7 cm Gelschaum-Topper", "5 mm neoprene"
    "thickness": (r"wie dick|\bdicke\b|stärke\b|how thick|thickness", rf"(?:mm|cm|µm|μm)\s+(?:stark|dick|thick|dünn|thin|{_LAYER})",
                  r"dick|stärke\b|thick|materialstärke|wandstärke"),
}  # fmt: skip
# how it closes, not a quantity: "Wie wird der Bezug verschlossen?" -> "Button closure (coconut buttons)", "Karabinerverschluss"
CLOSURE = (
    r"verschl(?:uss|üsse|ießt|ießen|ossen|ießbar)\w*|zugemacht|\bzumachen|closure|\bclasp|fasten\w*|how (?:does|do) (?:it|they|you|i|the \w+) close\b",
    r"verschluss\w*|\w*verschluss\b|closure|\bclasp|\w*knöpfe?\w*|\w*knopf\w*|buttons?|\bzip\w*|reißverschluss|klett\w*|velcro|hook-and-loop"
    r"|\bsnaps?\b|druckknöpf\w*|press studs?|schnalle\w*|buckles?|\bhaken\b|\bhooks?\b|magnet\w*|\bschnür\w*|\blaces?\b|lacing|karabiner\w*|toggle",
)


def _sentence(units: str, words: str) -> str:
    return rf"{FIGURE}(?:{units})(?![^\W\d_])|{words}"


QUANTITIES: dict[str, tuple[str, str]] = {
    key: (ask, _sentence(units, words)) for key, (ask, units, words) in _QUANTITIES.items()
}
# the quantities a sentence answers alone when it is the text's only one stating them
MEASURED = frozenset(QUANTITIES) - {"thickness", "depth", "diameter", "filling", "share"}

# a maximum asked: "What's the biggest hole it can drill?", "Wie dick darf der Ast höchstens sein?"
# -> a limit stated: "bis 13 mm", "up to 30 m²", "max. 22 mm", "maximal 120 kg"
LIMIT = (
    r"\b(?:biggest|largest|thickest|longest|widest|heaviest|highest|maxim\w*|max\b|größte\w*|dickste\w*|längste\w*|breiteste\w*"
    r"|schwerste\w*|höchste\w*|maximal\w*|höchstens|at most|upper limit|obergrenze)\b",
    r"\bbis(?: zu)?\s+\d|\bup to\s+\d|\bmax(?:\.|imal|imum)?\s*:?\s*\d|\bmaximal\w*|\bmaximum\b|\bhöchstens\b|\bat most\b"
    r"|(?:≤|<=)\s*\d|\bmax\.",
)

# the span a setting covers, not a distance: "Welchen Verstellbereich hat der Stock?", "height range?",
# "von wie viel bis wie viel?" -> two figures joined ("verstellbar von 105 bis 140 cm", "Bereich 3–11",
# "18–43 %", "between 46 and 56 cm"); a bare "range" stays the distance (`fact_kinds`: "range")
SPAN = (
    r"\w{3,}bereich\b|\b(?:adjust\w*|setting|height|length|width|size|measuring|tilt|tension|release|working|operating)\s+range\b"
    r"|\brange of (?:adjust\w*|settings?|motion)\b|\badjustable (?:from|between)\b|\bvon wie \w+ bis\b|\bfrom (?:how|what) \w+ to\b"
    r"|\b(?:wie weit|how far)\b.*\b(?:verstell|einstell|adjust)",
    r"\d[\d.,]*\s*(?:[^\W\d_]{1,4}\.?|%|°\s*c?)?\s*(?:[-–]|bis|to)\s*\d|\bvon\s+\d[\d.,]*\s*(?:[^\W\d_]{1,4}\s+)?bis\s+\d"
    r"|\bbetween\s+\d[\d.,]*\s*(?:[^\W\d_]{1,4}\s+)?and\s+\d|\w*bereich\b",
)

# the figure of a stated quantity: the kind's words next to a number ("Höhe 24 cm", "20 mm stark")
_NEAR_FIGURE_BEFORE = re.compile(r"\d[\d.,]*\s*(?:[^\W\d_]{1,5}\.?)?\s*[:(]?\s*$")
_NEAR_FIGURE_AFTER = re.compile(r"^\s*[:=(]?\s*(?:ca\.|approx\.|etwa|about|bis|up to|max\.)?\s*\d")


def states_figure(pattern: re.Pattern[str], sentence: str) -> bool:
    """True when the sentence states the kind `pattern` finds with a figure: the match holds a
    number ("180 Nm") or stands right next to one ("Höhe 24 cm", "20 mm stark")."""
    for m in pattern.finditer(sentence):
        if (
            re.search(r"\d", m.group(0))
            or _NEAR_FIGURE_AFTER.match(sentence[m.end() :])
            or _NEAR_FIGURE_BEFORE.search(sentence[: m.start()])
        ):
            return True
    return False
