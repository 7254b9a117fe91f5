"""The merchant's sizing rules in a product text, in German and English:
- which measure decides when two fall into different sizes ("richten Sie sich nach der Hüfte",
  "go by your hips", "Choose by your weight", "Entscheidend ist die Innenbeinlänge");
- which size to take between two ("Between two sizes? Pick the smaller one", "im
  Überschneidungsbereich … empfehlen wir die kleinere", "Wer zwischen zwei Größen liegt, nimmt
  eine Größe größer"); a sentence naming both ("the smaller …, otherwise the larger") is none;
- a size up for a roomier fit ("If you wear it over a fleece, go one size up", "size up if you
  like it relaxed", "Wer es lockerer mag, nimmt eine Größe größer"), and whether a question
  asks for one ("I like a relaxed fit", "mag es nicht so eng", "over a fleece").
"""

from __future__ import annotations

import re

from catalog.measurements import MEASURE_RE
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.size_bounds import has_bound
from catalog.size_chart import measure_of

_DECIDES = re.compile(
    r"richten sie sich nach|richtet sich nach|entscheidend ist|maßgeblich ist|wichtig für die größe ist|nach (?:dem|der) (?=\w+ (?:aus|wählen))"
    r"|\bgo by\b|\bchoose by\b|\bdecide by\b|\bis what (?:counts|matters)|\bdecides\b", re.I)
# "Weight and chest matter more than height", "Gewicht und Brustumfang sind wichtiger als die Körpergröße":
# the measures before the words decide
_MORE = re.compile(r"\b(?:matters?|counts?|zählt|zählen|ist|sind)\s+(?:more|mehr|wichtiger)\s+(?:than|als)\b|\bmore important than|\btakes? precedence over", re.I)
# "zwischen zwei Größen / Weiten / Längen", "bei Zwischengrößen", "between two sizes / waist sizes",
# "if your waist fits two sizes", "passt Ihr Kopfumfang in zwei Größen"
BETWEEN_SIZES = re.compile(
    r"zwischen zwei (?:größen|grössen|nummern|weiten|längen|konfektionsgrößen)|zwischengröße\w*|überschneidungsbereich"
    r"|between (?:two )?(?:\w+ )?(?:sizes|lengths)|in the overlap|in[- ]between sizes|half sizes"
    r"|\bim zweifel(?:sfall)?\b|\b(?:when|if) in doubt\b|\bif (?:you are |you're )?unsure\b"
    r"|\b(?:genau |exakt )?(?:auf|an) der grenze\b|\b(?:exactly |right )?on the (?:boundary|border(?:line)?|limit) between\b"
    r"|\b(?:exactly |right )?on (?:a|the) (?:boundary|border(?:line)?)\b"
    r"|\b(?:fits?|matches|falls? (?:in|into))\s+(?:two|both) sizes|\b(?:passt|passen|fällt|fallen|liegt)\s+(?:\w+\s+){0,2}in (?:zwei|beide) größen", re.I)
_SMALLER = re.compile(r"\b(?:die |the )?(?:kleinere\w*|smaller|eine größe kleiner|size down|go down)\b", re.I)
_LARGER = re.compile(
    r"\b(?:die |the )?(?:größere\w*|larger|bigger|eine (?:halbe )?(?:größe|nummer) größer|size up|one size up"
    r"|go up(?: (?:half )?a size| one size)?)\b", re.I)
ROOMY_TEXT = re.compile(
    r"locker\w*|bequem\w*|weiter\w*|mehr platz|darunter|drunter|zwiebel\w*|fleece|relaxed|loose\w*|roomy|roomier|comfortable"
    r"|more room|mid[- ]?layer|layer(?:s|ing)?\b|over (?:a|your) \w+", re.I)
SIZE_UP = re.compile(
    r"(?:eine|1)\s+(?:größe|nummer|grösse)\s+größer|größer\s+(?:bestellen|wählen|nehmen)|\bsize up\b|one size up|a size up"
    r"|go up (?:a|one) size|(?:one|a) size (?:larger|bigger)", re.I)
HALF_STEP = re.compile(r"halbe|half", re.I)
# the shopper wants more room than the cut gives
_ROOMY_ASKED = re.compile(
    r"\blocker\w*|\bbequem\w*|\bweiter\b|nicht (?:so |zu |allzu )?eng|mehr platz|darunter|drunter|\büber (?:einem|einen|dem|den|meinem|meinen) \w+"
    r"|\brelaxed\b|\bloose\w*|\broomy\b|\bcomfortable\b|more room|not (?:so |too )?tight|\bover (?:a|my|the) \w+|\blayer", re.I)


def text_sentences(product: Product, lang: str) -> list[str]:
    """The product's sentences; a short question ("Between two sizes?") joined with its answer."""
    out: list[str] = []
    for s in product_sentences(product, lang):
        text = _LABEL.sub("", s.text)  # "Hinweis: Liegen …" is quoted as "Liegen …"
        if out and out[-1].endswith("?") and len(out[-1]) < 60:
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


_LABEL = re.compile(r"^(?:hinweis|tipp|achtung|wichtig|note|tip|important)\s*:\s*", re.I)


def deciding_measure(product: Product, lang: str) -> tuple[str, str] | None:
    """(measure, sentence) when the text says which measure decides."""
    for sentence in text_sentences(product, lang):
        if m := _DECIDES.search(sentence):
            measure = measure_of(sentence[m.end():m.end() + 40], cm=False)
            if measure:
                return measure, sentence
        if (m := _MORE.search(sentence)) and (measure := _first_measure(sentence[:m.start()].rsplit("?", 1)[-1])):
            return measure, sentence
    return None


def _first_measure(text: str) -> str | None:
    """The measure the text names first ("Weight and chest" -> weight)."""
    found = [(m.start(), measure) for measure, words in MEASURE_RE.items() if (m := words.search(text))]
    return min(found)[1] if found else None


def between_rule(product: Product, lang: str) -> tuple[str, str] | None:
    """("smaller" | "larger", sentence) when the text says which size to take between two."""
    for sentence in text_sentences(product, lang):
        if not (m := BETWEEN_SIZES.search(sentence)):
            continue
        rest = sentence[m.end():]
        smaller, larger = bool(_SMALLER.search(rest)), bool(_LARGER.search(rest))
        if smaller != larger:
            return ("smaller" if smaller else "larger"), sentence
        if end := _named_end(product, rest):  # "take size 1" of sizes 1 and 2
            return end, sentence
    return None


def _named_end(product: Product, rest: str) -> str | None:
    """"smaller" / "larger" when the advice names the product's smallest or largest size
    ("If you are between sizes, take size 1"); None for a size in the middle or none."""
    sizes = product.sizes()
    named = [v for v in sizes if re.search(rf"\b(?:size|größe|grösse|gr\.)\s+{re.escape(v)}(?![\w/])", rest, re.I)]
    if len(sizes) < 2 or len(named) != 1:
        return None
    return "smaller" if named[0] == sizes[0] else "larger" if named[0] == sizes[-1] else None


_FIT_WORDS = re.compile(r"(?:klein|groß|gross|kleiner|größer)\s+aus|runs? (?:small|large|big)|(?:small|large|big)(?:ger)?\s+cut|kleiner geschnitten|größer geschnitten", re.I)


def between_only(advice: str) -> bool:
    """Whether the merchant's advice only says what to take between two sizes ("if you are
    between two sizes, take the smaller one"): a whole usual size then stays as it is."""
    return BETWEEN_SIZES.search(advice) is not None and _FIT_WORDS.search(advice) is None


def roomy_rule(product: Product, lang: str) -> tuple[float, str] | None:
    """(steps, sentence) when the text says to size up for a roomier fit or a layer beneath."""
    for sentence in text_sentences(product, lang):
        if ROOMY_TEXT.search(sentence) and SIZE_UP.search(sentence):
            return (0.5 if HALF_STEP.search(sentence) else 1.0), sentence
    return None


SNUG_TEXT = re.compile(r"\benger\w*|eng anliegend\w*|körpernah\w*|race fit|\bsnug\w*|\btight\w*|\bfirm\w*|kompressi\w*|compressi\w*", re.I)
SIZE_DOWN = re.compile(
    r"(?:eine|1)\s+(?:größe|nummer|grösse)\s+kleiner|kleiner\s+(?:bestellen|wählen|nehmen)|\bsize down\b|one size down|a size down"
    r"|go down (?:a|one) size|(?:one|a) size smaller", re.I)
_SNUG_ASKED = re.compile(r"\benger\b|\beng anliegend|\bkörpernah|\bsnug\w*|\btight(?:er)?\b|\brace fit|\bfirm(?:er)? (?:hold|fit)|\bmehr halt\b", re.I)


def snug_rule(product: Product, lang: str) -> tuple[float, str] | None:
    """(steps, sentence) when the text says to size down for a snugger fit ("for a race fit, size down")."""
    for sentence in text_sentences(product, lang):
        if SNUG_TEXT.search(sentence) and SIZE_DOWN.search(sentence):
            return (0.5 if HALF_STEP.search(sentence) else 1.0), sentence
    return None


def wants_snug(text: str) -> bool:
    """Whether the question asks for a snugger fit ("I like it tight", "eher enger")."""
    return not wants_room(text) and _SNUG_ASKED.search(text) is not None


def preference(product: Product, lang: str, text: str) -> tuple[float, str] | None:
    """(steps, the merchant's sentence) for the fit the question asks for: up for roomier,
    down for snugger, where the text says so; None otherwise."""
    if wants_room(text):
        return roomy_rule(product, lang)
    if wants_snug(text) and (rule := snug_rule(product, lang)):
        return -rule[0], rule[1]
    return None


def wants_room(text: str) -> bool:
    """Whether the question asks for a roomier fit than the cut ("I like a relaxed fit")."""
    return _ROOMY_ASKED.search(text) is not None


# "sehr breite Füße", "wide feet", "schmale Füße": the width the shopper needs
_FEET = {"wide": re.compile(r"\b(?:breite[nr]?|weite[nr]?|kräftige[nr]?)\s+(?:füße|fuß|füssen|füßen|vorfuß)|\bwide\s+(?:feet|foot|forefoot)|\bbroad\s+feet|\bwide\s+fit", re.I),
         "narrow": re.compile(r"\bschmale[nr]?\s+(?:füße|fuß|füßen)|\bnarrow\s+(?:feet|foot)|\bslim\s+feet", re.I)}
_WIDTH_VALUE = {"wide": re.compile(r"\b(?:weit\w*|wide|breit\w*|[2-4]E|EE+|H|K)\b", re.I),
                "narrow": re.compile(r"\b(?:schmal\w*|narrow|slim|[2-4]?B|D)\b", re.I)}


def width_value(product: Product, text: str) -> tuple[str, str] | None:
    """(option, value) of the width a question's feet need ("sehr breite Füße" -> "Weit (2E)"),
    when the product is sold in widths; the sizes stay the shopper's. A value is read without
    the option's name ("Weite 12" of "Weite" says nothing wide); values that are only numbers
    ("Weite 10", "Weite 12") are told apart by what the text says after each ("Weite 12 (extra
    breit …)"), else by their order: the highest number is the widest, as width fittings count."""
    need = next((w for w, words in _FEET.items() if words.search(text)), None)
    if need is None:
        return None
    for option, values in _width_options(product).items():
        bare = {v: re.sub(rf"^\s*{re.escape(option)}\b\s*", "", v, flags=re.I) for v in values}
        if named := [v for v in values if _WIDTH_VALUE[need].search(bare[v])]:
            return option, named[0]
        if not re.search(r"weite|width|breite|fitting|leisten", option, re.I):
            continue
        described = [v for v in values if _described_as(product, v, need)]
        if len(described) == 1:
            return option, described[0]
        numbered = [(float(m.group().replace(",", ".")), v) for v in values if (m := re.search(r"\d+(?:[.,]\d+)?", bare[v]))]
        if len(numbered) == len(values) >= 2:
            return option, (max if need == "wide" else min)(numbered)[1]
    return None


def _width_options(product: Product) -> dict[str, list[str]]:
    """The product's options other than its size and colour, with their values in order."""
    out: dict[str, list[str]] = {}
    for variant in product.variants:
        for option, value in (variant.options or {}).items():
            if option not in (product.size_option, product.color_option) and value and value not in out.setdefault(option, []):
                out[option].append(value)
    return out


_CLAUSE_END = re.compile(r"[),]|\b(?:und|and|oder|or)\b", re.I)


def _described_as(product: Product, value: str, need: str) -> bool:
    """Whether a sentence of the text calls this value wide (narrow) right after naming it."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])\W{{0,4}}([^.;]{{0,40}})", re.I)
    return any(_WIDTH_VALUE[need].search(_CLAUSE_END.split(m.group(1))[0]) for lang in ("de", "en")
               for s in product_sentences(product, lang) for m in pattern.finditer(s.text))


# a size a guide gives to tall people: "155×220 cm (Komfortgröße, für große Menschen)", "Long – for tall people"
_TALL = re.compile(r"für große\b|für groß gewachsene|große menschen|for tall\b|tall people|taller", re.I)
GUIDE_HEADING = re.compile(r"größe|grösse|size|maße|measur|passform|\bfit\b", re.I)  # a size guide's title or heading
TALL_CM = 185  # a height the guides' "for tall people" means


def value_pattern(value: str) -> re.Pattern:
    words = re.escape(value).replace("×", "x").replace("x", r"\s*[x×]\s*").replace(r"\ ", r"\s*")
    return re.compile(rf"(?<![\w.,]){words}(?![\w])", 0 if len(value) <= 3 else re.I)


def guide_advice(passages: list, product: Product, lang: str, height_cm: float | None) -> tuple[object, str | None] | None:
    """(passage, size) from the store's own size guide for a product without a chart of its
    own: the passage in the shopper's language that names the product's sizes (one size with a
    unit such as "155×220 cm", else two or more), and the size it gives tall people when the
    shopper's height is at least `TALL_CM`."""
    values = [v for v in {v for vr in product.variants for n, v in (vr.options or {}).items() if n != product.color_option and v}]
    values = [v for v in values if not re.fullmatch(r"[\d.,/ -]+", v)]  # a bare "4" or "40" names anything
    for passage in passages:
        if passage.lang != lang or not GUIDE_HEADING.search(f"{passage.title} {passage.heading}"):
            continue
        named = [(v, m) for v in values if (m := value_pattern(v).search(passage.text))]
        if not named or (len(named) < 2 and not re.search(r"\d\s*(?:cm|mm|m)\b", named[0][0])):
            continue
        tall = None
        if height_cm is not None and height_cm >= TALL_CM:
            tall = next((v for v, m in named if _TALL.search(passage.text[m.end(): m.end() + 50].split(")")[0])), None)
        return passage, tall
    return None


_ONE_SIZE = re.compile(r"one[ -]?size|einheitsgr(?:ö|oe)(?:ß|ss)e|onesize|\bos\b|universal", re.I)
# "passt bei den Größen 34 bis 42", "fits sizes 36–44", "für Konfektionsgröße 38-46"
_SIZE_SPAN = re.compile(r"\b(?:größen?|grössen?|konfektionsgrößen?|sizes?|gr\.)\s*(\d{2})\s*(?:–|-|—|bis|to)\s*(\d{2})\b", re.I)


def one_size_span(product: Product, lang: str) -> tuple[int, int, str] | None:
    """(smallest, largest, sentence) of the usual sizes a one-size product fits, as its text
    says ("One Size – passt bei den Größen 34 bis 42"); None for a product sold in sizes."""
    sizes = product.sizes()
    if product.size_system != "one_size" and not (sizes and all(_ONE_SIZE.search(v) for v in sizes)):
        return None
    for sentence in text_sentences(product, lang):
        if m := _SIZE_SPAN.search(sentence):
            return int(m.group(1)), int(m.group(2)), sentence
    return None


# "if you plan to wash them, choose one length longer", "wenn Sie die Jeans waschen möchten, eine Länge länger"
# "if you …, …", "wenn Sie …, …", and the German verb-first condition "Tragen Sie einen Rückenprotektor darunter, bestellen Sie …"
_CONDITION = re.compile(r"(?:\b(?:if you|wenn sie|falls sie|wer)\b|(?:^|(?<=[.:;!?]\s))(?:tragen|fahren|nutzen|benutzen|waschen|tauchen|reiten)\s+sie\b)"
                        r"(?P<cond>[^,–;:]{3,60})[,–;:]\s*(?P<rest>[^.]{0,80})", re.I)
_ONE_MORE = re.compile(
    r"\b(?:one|a|eine?)\s+(?:(?:size|length|länge|nummer|größe|weite)\s+)?(?:longer|länger\w*|larger|bigger|größer\w*|up)\b", re.I)
_PLAIN = {"plan", "plans", "want", "them", "they", "these", "this", "your", "have", "going", "will", "would", "like", "planen",
          "wollen", "möchten", "haben", "sind", "werden", "ihre", "ihren", "diese", "dieses", "usually", "normally",
          "tragen", "trage", "trägt", "wear", "wears", "wearing", "einen", "eine", "einer", "size", "sizes", "größe", "größen"}


# "For deep-chested breeds (e.g. Whippet, Boxer) we recommend one size up", "Für Windhunde empfehlen wir eine Größe größer"
_GROUP = re.compile(
    r"(?:^|[.:;]\s+)(?:for|für|bei|with|mit)\s+(?P<cond>(?:[^.]|(?<=\b\w)\.){3,100}?)\s+(?P<rest>(?:we\s+|wir\s+)?(?:recommend|suggest|advise|empfehlen|raten"
    r"|nehmen sie|wählen sie|bestellen sie|take|choose|order|go)\b[^.]{0,60}"
    r"|(?:eine?|one)\s+(?:größe|nummer|size)\s+(?:größer|larger|bigger|up)\b[^.]{0,40})", re.I)  # "Mit Rückenprotektor eine Größe größer."
# the words of a group that name no one ("breeds", "Hunde") or only the cut
_GROUP_PLAIN = {"breed", "breeds", "rasse", "rassen", "hunde", "hunden", "dogs", "dog's", "mit", "with", "einem", "einer", "sehr",
                "very", "example", "beispiel", "such", "like", "wie", "etwa"}


_INFLECTED = r"(?:e|en|er|es|em|n|s)?"

# adjectives of opposite sense (DE and EN), by which a question contradicts a merchant's condition
# ("with thick socks take one size up" — "I wear thin socks")
_OPPOSITES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("thick", "dick", "chunky", "heavy", "schwer"), ("thin", "dünn", "duenn", "fine", "fein", "light", "leicht")),
    (("wide", "broad", "weit", "breit"), ("narrow", "slim", "schmal", "eng")),
    (("long", "lang"), ("short", "kurz")),
    (("high", "hoch", "tall"), ("low", "niedrig", "flach")),
    (("big", "large", "groß", "gross", "kräftig"), ("small", "little", "klein", "zierlich")),
    (("warm", "hot", "heiß"), ("cold", "cool", "kalt", "kühl")),
)
_NEGATED = r"\b(?:no|not|never|without|don't|do not|kein\w*|nicht|nie|ohne)\s+(?:\w+\s+){0,2}?"


def _says(words: tuple[str, ...], text: str, before: str = "") -> bool:
    return any(re.search(rf"{before}\b{re.escape(w)}{_INFLECTED}\b", text, re.I) for w in words)


def contradicts(condition: str, text: str) -> bool:
    """Whether the question rules a merchant's condition out: it says the opposite of the
    condition's adjective ("thin socks" against "with thick socks") or negates it ("keine dicken
    Socken", "without thick socks"), so the step under that condition does not apply."""
    for one, other in _OPPOSITES:
        for said, opposite in ((one, other), (other, one)):
            if _says(said, condition) and (_says(opposite, text) or _says(said, text, _NEGATED)):
                return True
    return False


def conditional_step(product: Product, lang: str, text: str) -> tuple[str, str] | None:
    """("length" | "size", the merchant's sentence) when the text says to take one longer or
    larger under a condition the question names ("if you plan to wash them" — "I'm going to
    wash them"; a word of the condition, its first four letters, in the question) or for a group
    the question names ("For deep-chested breeds (e.g. Whippet, Boxer) we recommend one size up"
    — "my whippet"; a word of the group as written, its plural or inflection aside)."""
    for sentence in text_sentences(product, lang):
        if has_bound(sentence):  # "Bei Körpergrößen über 1,75 m …": the bound's rule (`catalog.size_thresholds`)
            continue
        for m in _CONDITION.finditer(sentence):
            if not _ONE_MORE.search(m.group("rest")):
                continue
            words = [w for w in re.findall(r"[^\W\d_]{4,}", m.group("cond").lower()) if w not in _PLAIN]
            if any(re.search(rf"\b{re.escape(w[:4])}", text, re.I) for w in words) and not contradicts(m.group("cond"), text):
                return ("length" if re.search(r"length|läng", m.group("rest"), re.I) else "size"), sentence
        for m in _GROUP.finditer(sentence):
            if not _ONE_MORE.search(m.group("rest")) or ROOMY_TEXT.search(m.group("cond")):
                continue  # "for a looser fit, one size up" is the roomy rule's
            words = [w for w in re.findall(r"[^\W\d_]{4,}", m.group("cond").lower()) if w not in _PLAIN | _GROUP_PLAIN]
            if any(re.search(rf"\b{re.escape(w[:max(4, len(w) - 2)])}", text, re.I) for w in words) and not contradicts(m.group("cond"), text):
                return ("length" if re.search(r"length|läng", m.group("rest"), re.I) else "size"), sentence
    return None


# "liegt Ihr Hund an der oberen Grenze einer Größe, nehmen Sie bitte die nächste Nummer", "at the top of a size's range, size up"
_UPPER = re.compile(r"obere[nm]? (?:grenze|ende|rand|bereich)|\boben im bereich|upper (?:end|limit|edge)|\btop (?:end )?of (?:a|the|its)\b", re.I)
_NEXT = re.compile(r"nächste\w* (?:nummer|größe|grösse)|nächstgrößere|next size|next one up|the next (?:number|one)|" + SIZE_UP.pattern, re.I)
UPPER_SHARE = 0.8  # "at the upper limit": in the top fifth of a size's range


def upper_limit_rule(product: Product, lang: str) -> str | None:
    """The merchant's sentence saying to take the next size at the upper limit of a size's range."""
    return next((s for s in text_sentences(product, lang) if _UPPER.search(s) and _NEXT.search(s)), None)
