"""Which size after a fit problem: "Die 42 war zu klein", "I got the M but it's too tight —
which size now?", "the band of the 75D is too tight". The size of the product the shopper tried,
named next to what was wrong, moves one size in the product's own run (the next larger for too
small / tight / short, the next smaller for too big / loose / long); a bra's band too tight or too
loose moves to the sister size (band one up and cup one down, or the reverse: the same cup
volume), a cup too small or too big moves the cup. The merchant's own sentence on that problem
("Fühlt sich das Band … zu eng an, eine Bandgröße größer …") is quoted."""

from __future__ import annotations

import re

from actions.size_stock import availability, size_option
from actions.texts import say
from catalog.models import Product
from catalog.passages import product_sentences
from catalog.size_values import bare_size, size_key
from catalog.sizes import LETTERS
from catalog.variants import SIZE, Asked, option_values

# what was wrong, by direction: +1 the size was too small, -1 too big (DE and EN)
_SMALL = (r"zu\s+(?:klein|eng|kurz|knapp)|drückt|drückte|kneift|kneifte|spannt|spannte"
          r"|too\s+(?:small|tight|short|snug|narrow)|pinch(?:es|ed)?")
_BIG = (r"zu\s+(?:groß|gross|weit|lang|locker)|rutscht|rutschte"
        r"|too\s+(?:big|large|loose|long|baggy|roomy|wide)|slips?\s+off|slipped")
_PROBLEM = re.compile(rf"(?P<small>{_SMALL})|(?P<big>{_BIG})", re.I)
# "nicht zu eng", "not too tight", "no longer too small"? — a negated problem is none
_NEGATED = re.compile(r"\b(?:nicht|kein\w*|not|never|isn't|wasn't|aren't|weren't)\s+(?:\w+\s+)?$", re.I)
# a clause asking whether it would be ("Ist die 42 zu klein für …?", "Fällt die 42 zu klein aus?", "What if the M is
# too tight?") or a case ("Wenn die 42 zu klein ist, kann ich tauschen?") states no problem
_HYPOTHETICAL = re.compile(
    r"^\s*(?:ist|sind|wird|werden|wäre|wären|könnte|fällt|fallen|passt|wenn|falls|is|are|will|would|could|might|does|do|runs?|if|in\s+case"
    r"|what\s+if|was\s+(?:ist|wenn|mache\s+ich)|und\s+wenn)\b", re.I)
# the usual size said beside the tried one ("Straßenschuh trage ich 43", "normally I wear 43")
_USUAL_BEFORE = re.compile(r"(?:trage\s+ich|ich\s+trage|sonst|normalerweise|usually|normally|i\s+wear|street\s+shoes?)\W+(?:\w+\W+)?$", re.I)
_BAND = re.compile(r"\b(?:band|unterbrustband|underband|unterbrust|underbust)\b", re.I)
_CUP = re.compile(r"\b(?:cups?|körbchen)\b", re.I)
_BRA = re.compile(r"^\s*(\d{2,3})\s*([A-K]{1,2})\s*$")


def _clauses(text: str) -> list[tuple[int, str]]:
    """(start, clause) for the text's clauses, split at sentence ends, dashes and semicolons."""
    out, start = [], 0
    for m in re.finditer(r"[.?!;]+\s*|\s[–—-]\s|,\s*(?:aber|but|and|und)\s", text + "."):
        out.append((start, text[start: m.start()]))
        start = m.end()
    return [(s, c) for s, c in out if c.strip()]


def _mentions(product: Product, text: str) -> list[tuple[int, str]]:
    """(position, value) of each of the product's sizes the text names ("die 42", "the M", "75D")."""
    values = option_values(product).get(size_option(product) or SIZE, [])
    found = []
    for value in values:
        if not value.strip():
            continue
        flags = 0 if re.fullmatch(r"[A-Za-z]{1,4}", value) else re.I  # a letter size only as written, "M" and not "m"
        pattern = rf"(?<![\w.,/]){re.escape(value)}(?![\w/]|[.,]\d)"
        found += [(m.start(), value) for m in re.finditer(pattern, text, flags)]
    return sorted(found)


def fit_problem(product: Product, text: str) -> tuple[str, int, str] | None:
    """(the product's size the shopper tried, +1 when it was too small / -1 too big, the problem's
    words) when the text states that a named size did not fit; None otherwise."""
    problems = [(s + m.start(), m) for s, clause in _clauses(text) if not _HYPOTHETICAL.search(clause)
                for m in _PROBLEM.finditer(clause) if not _NEGATED.search(clause[: m.start()])]
    mentions = [(at, v) for at, v in _mentions(product, text) if not _USUAL_BEFORE.search(text[max(0, at - 40): at])]
    if len(problems) != 1 or not mentions:
        return None
    at, problem = problems[0]
    tried = min(mentions, key=lambda mention: abs(mention[0] - at))[1]
    return tried, (1 if problem.group("small") else -1), problem.group(0)


def usual_beside(product: Product, text: str) -> str | None:
    """The usual size the text states beside a tried size that did not fit ("die 42 war zu groß,
    Straßenschuh trage ich 43"): the advice then starts from the usual size, the merchant's step
    from it (`actions.size_advice.recommend`), not from the tried one."""
    if fit_problem(product, text) is None:
        return None
    usual = [v for at, v in _mentions(product, text) if _USUAL_BEFORE.search(text[max(0, at - 40): at])]
    return usual[0] if len(set(usual)) == 1 else None


def _run(values: list[str]) -> list[str]:
    """The size values in order: numbers by value, letters by the letter run, else as the merchant lists them."""
    try:
        return sorted(values, key=lambda v: float(bare_size(v).replace(",", ".")))
    except ValueError:
        pass
    if all(size_key(v) in LETTERS for v in values):
        return sorted(values, key=lambda v: LETTERS.index(size_key(v)))
    return list(values)


def _bra_step(values: list[str], tried: str, step: int, text: str) -> tuple[str | None, str] | None:
    """(the bra size, "sister" or "cup") for a band or cup that did not fit; None when the values are no bra sizes
    or the text names neither the band nor the cup."""
    m = _BRA.match(tried)
    if not m or not all(_BRA.match(v) for v in values):
        return None
    band, cup = int(m.group(1)), m.group(2).upper()
    if _BAND.search(text) and len(cup) == 1:  # the band: the sister size keeps the cup's volume
        wanted = f"{band + 5 * step}{chr(ord(cup) - step)}"
        kind = "sister"
    elif _CUP.search(text) and len(cup) == 1:
        wanted, kind = f"{band}{chr(ord(cup) + step)}", "cup"
    else:
        return None
    return next((v for v in values if v.replace(" ", "").upper() == wanted), None), kind


def _merchant_sentence(product: Product, lang: str, step: int) -> str | None:
    """The product's sentence on the same kind of problem ("Fühlt sich das Band … zu eng an, …")."""
    for sentence in product_sentences(product, lang):
        m = _PROBLEM.search(sentence.text)
        if m and bool(m.group("small")) == (step > 0):
            return sentence.text
    return None


def problem_reply(product: Product, text: str, lang: str) -> tuple[str, list[str]] | None:
    """The size to take after the named one did not fit, its stock, and the merchant's sentence on it."""
    found = fit_problem(product, text)
    if found is None or usual_beside(product, text):
        return None
    tried, step, _ = found
    option = size_option(product) or SIZE
    values = option_values(product).get(option, [])
    bra = _bra_step(values, tried, step, text)
    if bra is not None:
        chosen, kind = bra
        key = f"size_problem_{kind}"
    else:
        run = _run(values)
        at = run.index(tried)
        chosen = run[at + step] if 0 <= at + step < len(run) else None
        key = "size_problem_up" if step > 0 else "size_problem_down"
    name = product.name(lang)
    if chosen is None:
        return say("size_problem_end_up" if step > 0 else "size_problem_end_down", lang, product=name, tried=tried), [product.id]
    lines = [say(key, lang, tried=tried, size=chosen, product=name)]
    if sentence := _merchant_sentence(product, lang, step):
        lines.append(say("fit_advice_quote", lang, sentence=sentence))
    answer, sources = availability(product, [Asked(option, SIZE, chosen, (chosen,))], lang)
    return " ".join([*lines, answer]), [product.id, *sources]
