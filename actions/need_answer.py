"""Which version covers a need: "Ich habe 45 m² Wand, welche Dose?", "I drink 3 cups a day – which
bag lasts a month?", "Mein Hund wiegt 20 kg, wie lange reicht der 12-kg-Sack?". The need is read
from the question (`catalog.needs`), the yield from the product's own text (`catalog.yields`); the
reply shows the computation and quotes the sentence it rests on. Of a range the figure that surely
suffices is used, and said. No yield in the text: the reply says so (no rate is invented)."""

from __future__ import annotations

import re

from actions.need_lines import (
    EPS,
    amount_text,
    days_line,
    fmt,
    per_period,
    pick,
    quote,
    say_in,
)
from catalog.feeding import Feeding, feeding
from catalog.models import Product
from catalog.needs import ANIMAL, BODY_WEIGHT, NUM, PET, Need, number, read_need
from catalog.number_words import NUMBER_WORDS
from catalog.yields import (
    NEEDS,
    Rate,
    Version,
    content,
    dose,
    quantity,
    rates,
    version_amounts,
)

_HOW_LONG = re.compile(r"\bwie lange\b|\bhow long\b|\bwie viele tage\b|\bhow many days\b", re.I)
_HOW_MUCH = re.compile(r"\bwie ?viele?\b|\bhow (?:much|many|far)\b|\bfür wie\b|\bfor how\b", re.I)
_WHICH = re.compile(
    r"\bwelche[nrsm]?\b|\bwhich\b|\breicht|\breichen|\benough\b|\blasts?\b|\bbrauche|\bneed\b", re.I
)
_PIECE = re.compile(r"kapsel|capsule|tablet|tabs", re.I)


def asked_versions(text: str, versions: list[Version]) -> list[Version]:
    """Versions the question names: "die 2,5-l-Dose", "the 1 kg bag", "the 60 pack"."""
    lowered = text.lower()
    said = [
        quantity(m.group(0))
        for m in re.finditer(
            rf"(?<![\w.,])(?:{NUM}|{'|'.join(NUMBER_WORDS)})[\s-]*[^\W\d]+", text, re.I
        )
    ]
    bare = [
        number(m.group(1))
        for m in re.finditer(
            rf"(?<![\w.,])({NUM})[\s-]*(?:er|pack|packung|stück|dose|box)", lowered
        )
    ]

    def named(v: Version) -> bool:
        if re.search(rf"(?<![\w.,]){re.escape(v.value.lower())}(?!\w)", lowered):
            return True
        return any(q and abs(q[0] - v.amount) < EPS and q[1] == v.unit for q in said) or (
            v.unit in ("piece", "pack") and v.amount in bare
        )

    return [v for v in versions if named(v)]


def _feeding_answer(
    table: Feeding, need: Need, versions: list[Version], asked: list[Version], text: str, lang: str
) -> str:
    weight = fmt(need.weight or 0, lang)
    found = table.grams(need.weight or 0)
    if found is None:
        low, high = (
            fmt(min(r[0] for r in table.rows), lang),
            fmt(max(r[0] for r in table.rows), lang),
        )
        line = say_in(lang, f"Die Fütterungstabelle reicht von {low} bis {high} kg – für {weight} kg nennt sie keine Menge.",
                    f"The feeding table runs from {low} to {high} kg – it gives no amount for {weight} kg.")  # fmt: skip
        return f"{line} {quote(table.sentence, lang)}"
    grams, exact = found
    daily = amount_text(grams, table.unit, lang)
    about = "" if exact else say_in(lang, "etwa ", "about ")
    lines = [say_in(lang, f"Für {weight} kg Körpergewicht nennt die Fütterungsempfehlung {about}{daily} pro Tag.",
                  f"For {weight} kg body weight the feeding guide gives {about}{daily} a day.")]  # fmt: skip
    if need.days and not asked:
        total = grams * need.days
        lines.append(say_in(lang, f"Für {fmt(need.days, lang)} Tage sind das ≈ {amount_text(total, table.unit, lang)}.",
                          f"For {fmt(need.days, lang)} days that is ≈ {amount_text(total, table.unit, lang)}."))  # fmt: skip
        lines.append(pick(versions, total, lang))
    elif asked or _HOW_LONG.search(text):
        per = say_in(lang, f"{daily} pro Tag", f"{daily} a day")
        lines += [
            days_line(v.value, amount_text(v.amount, table.unit, lang), v.amount / grams, per, lang)
            for v in asked or versions
        ]
    return " ".join([*lines, quote(table.sentence, lang)])


def _pieces_answer(
    need: Need,
    versions: list[Version],
    asked: list[Version],
    text: str,
    product: Product,
    lang: str,
) -> str | None:
    """Capsules / tablets a day (the question's, else the text's dose) against the pack's count."""
    sentence = ""
    if need.daily and _PIECE.search(need.daily_word):
        daily, period = need.daily, need.period
    elif (_HOW_LONG.search(text) or need.days) and (found := dose(product, lang)):
        (daily, _, sentence), period = found, 1.0
    else:
        return None
    per = per_period(daily, period, lang)
    if need.days and not asked:
        total = daily * need.days
        lines = [say_in(lang, f"Für {fmt(need.days, lang)} Tage: {fmt(total, lang)} Stück.", f"For {fmt(need.days, lang)} days: {fmt(total, lang)} pieces."),
                 pick(versions, total, lang)]  # fmt: skip
    else:
        lines = [
            days_line(v.value, amount_text(v.amount, "piece", lang), v.amount / daily, per, lang)
            for v in asked or versions
        ]
    return " ".join([*lines, quote(sentence, lang)]).strip()


def _kind(need: Need, text: str) -> str | None:
    """The need the question counts in: area, portions, cups, washes, or "uses" ("4 Mal pro Woche")."""
    if need.area:
        return "area"
    if need.people:
        return "portions"
    word = need.daily_word.lower() if need.daily else ""
    if (
        not word
        and need.count
        and (m := re.search(rf"{NUM}\s*(\w+)", text[text.find(fmt(need.count, "en")) :]))
    ):
        word = m.group(1).lower()
    if word in ("mal", "times", "x"):
        return "uses"
    return (
        NEEDS.get(word)
        or NEEDS.get(word.rstrip("n"))
        or ("washes" if re.match(r"wasch|wäsch|wash|load", word) else None)
    )


def _formula(total: float, label: str, rate: Rate, lang: str) -> str:
    """ "45 m² ÷ 8 m²/l", "90 Tassen ÷ 40 Tassen / 100 g", "60 m² × 125 ml/m²" (of a range the figure used)."""
    if rate.use:
        return f"{fmt(total, lang)} {label} × {rate.per_text.split('–')[-1]}/{rate.word}"
    used = rate.written.replace(rate.span, fmt(rate.amount, lang), 1)
    return (
        f"{fmt(total, lang)} {label} ÷ ({used})"
        if " / " in used
        else f"{fmt(total, lang)} {label} ÷ {used}"
    )


def _verdict(v: Version, total: float, per_unit: float, rate: Rate, lang: str) -> str:
    """ "Ja: 2,5 l reicht für etwa 20 m²", "No, not enough: …"; of a range of cover ("4–5 Personen")
    a need between its ends is "only just" (surely covered only at the upper figure)."""
    low = v.amount * per_unit
    high = v.amount * rate.high / rate.per if "–" in rate.span and not rate.use else low
    about = (
        say_in(lang, "etwa ", "about ")
        if rate.approx or "–" in rate.span or abs(low - round(low)) > EPS
        else ""
    )
    covers = f"{about}{fmt(low, lang)}" + (f"–{fmt(high, lang)}" if high > low + EPS else "")
    if low >= total - EPS:
        verdict = say_in(lang, "Ja", "Yes")
    elif high >= total - EPS:
        verdict = say_in(lang, "Nur knapp", "Only just")
    else:
        verdict = say_in(lang, "Nein", "No, not enough")
    return say_in(
        lang,
        f"{verdict}: {v.value} reicht für {covers} {rate.word}.",
        f"{verdict}: {v.value} covers {covers} {rate.word}.",
    )


def _range_note(rate: Rate, lang: str) -> str:
    if "–" not in rate.span:
        return ""
    if rate.use:
        return say_in(
            lang,
            f"(mit dem oberen Wert von {rate.written} gerechnet)",
            f"(using the higher figure of {rate.written})",
        )
    return say_in(
        lang,
        f"(mit dem unteren Wert von {rate.written} gerechnet)",
        f"(using the lower figure of {rate.written})",
    )


def need_answer(product: Product, text: str, lang: str) -> str | None:
    """The reply to a question of which version covers a need or how long one lasts; None when the
    question states no need (and asks no "wie viel / wie lange" of a version or an amount)."""
    versions = version_amounts(product)
    single = not versions
    if single and (held := content(product, lang)):
        versions = [
            Version(
                product.name(lang), held[0], held[1], product.total_stock > 0, product.min_price
            )
        ]
    body = BODY_WEIGHT.search(text)  # "My cat weighs 4 kg": a weight, not the 4 kg bag
    unweighed = text[: body.start()] + text[body.end() :] if body else text
    if (
        single and len({v.size or "" for v in product.variants}) > 1
    ):  # "130 x 160 cm (für 4 Personen), 140 x 200 cm …"
        return None  # a yield stated of one of several versions is not the product's: the version answers
    asked = asked_versions(unweighed, versions) if not single else []
    need = read_need(text, [v.amount / 1000 for v in asked if v.unit == "g"])
    table = feeding(product, lang) if need.weight and versions and ANIMAL.search(text) else None
    if table and all(v.unit == table.unit for v in versions):  # grams, or litres for a dose in ml
        return _feeding_answer(table, need, versions, asked, text, lang)
    if table is None and need.weight and versions and all(v.unit == "g" for v in versions) and ANIMAL.search(text):
        if PET.search(text) and (_HOW_LONG.search(text) or need.days or _WHICH.search(text)):
            return say_in(lang, f"Die Beschreibung von {product.name(lang)} nennt keine Futtermenge pro Tag – wie lange eine Packung reicht, kann ich daraus nicht berechnen.",
                        f"The description of {product.name(lang)} gives no feeding amounts per day, so I can't work out how long a bag lasts.")  # fmt: skip
    if (
        versions
        and all(v.unit == "piece" for v in versions)
        and (said := _pieces_answer(need, versions, asked, text, product, lang))
    ):
        return said
    kind = _kind(need, text)
    found = rates(product, lang)
    rate = (
        next((r for r in found if r.need == kind), None) if kind else (found[0] if found else None)
    )
    if rate is None and kind == "uses" and found:
        rate = found[0]
    if rate is None:
        if kind and versions and not single and all(v.unit in ("l", "g") for v in versions):
            names = ", ".join(v.value for v in versions)
            return say_in(lang, f"Die Beschreibung von {product.name(lang)} nennt keine Ergiebigkeit – wie weit eine Variante reicht, kann ich daraus nicht berechnen. Erhältlich: {names}.",
                        f"The description of {product.name(lang)} states no yield, so I can't work out how far a version goes. Available: {names}.")  # fmt: skip
        return None
    return _rate_answer(product, text, lang, rate, need, versions, asked, single)


def _rate_answer(
    product: Product,
    text: str,
    lang: str,
    rate: Rate,
    need: Need,
    versions: list[Version],
    asked: list[Version],
    single: bool,
) -> str | None:  # noqa: PLR0913
    named = (
        bool(asked) or single
    )  # "Wie lange reicht die Flasche?" of a product sold in one version
    if single and not versions:
        if rate.use:  # "260 g/m²" on a jacket: a fabric weight, nothing it is used up on
            return None
        if (
            rate.unit == "pack" and need.daily
        ):  # "für 10 Tassen" of a coffee maker: a capacity, not used up
            return None
        amount = 1.0 if rate.unit == "pack" else rate.per
        versions = [
            Version(
                product.name(lang), amount, rate.unit, product.total_stock > 0, product.min_price
            )
        ]
    if single:
        asked = versions
    if rate.unit == "pack" and versions[0].unit != "pack" and len({v.amount for v in versions}) > 1:
        return None  # "each bottle" of a 1,5-l and a 3-l bottle: which one is not said
    if rate.unit == "pack" and versions[0].unit != "pack":  # "each bottle": a version is one pack
        versions = [v._replace(amount=1.0, unit="pack") for v in versions]
        asked = [v._replace(amount=1.0, unit="pack") for v in asked]
    if rate.unit != versions[0].unit:
        return None
    per_unit = rate.per_unit
    coats = need.coats or rate.coats
    total = (need.area * coats / rate.coats if need.area else need.people or need.count
             or (need.daily * need.days if need.daily and need.days else None))  # fmt: skip
    if (
        need.daily
        and not need.days
        and not _HOW_LONG.search(text)
        and need.period > 1
        and not named
    ):
        total = need.daily * need.period  # "60 washes a year – how many bottles?"
    own_word = need.daily and need.daily_word.lower() not in ("mal", "times", "x")
    label = need.daily_word if own_word else rate.word  # "143 cups" of "7 g per cup"
    lines: list[str] = []
    if need.daily and (_HOW_LONG.search(text) or total is None):
        per = per_period(need.daily, need.period, lang)
        lines += [
            days_line(
                v.value,
                f"{fmt(v.amount * per_unit, lang)} {label}",
                v.amount * per_unit / need.daily,
                per,
                lang,
            )
            for v in asked or versions
        ]
    elif total:
        amount = total / per_unit
        head = ""
        if need.area and coats != rate.coats:
            head = f"{fmt(need.area, lang)} m² × {coats} = "
        if not (single and rate.unit == "pack"):  # "Serves 4–6": no sum for one dish
            lines.append(
                f"{head}{_formula(total, label, rate, lang)} ≈ {amount_text(amount, versions[0].unit, lang)}."
            )
        for v in asked:
            lines.append(_verdict(v, total, per_unit, rate, lang))
        if not single and (not asked or any(v.amount * per_unit < total - EPS for v in asked)):
            lines.append(pick(versions, amount, lang))
    elif (
        (_HOW_MUCH.search(text) or _WHICH.search(text))
        and _names_need(text, rate)
        and (named or (q := quantity(text)))
    ):
        for v in (
            asked if named else [Version(amount_text(q[0], q[1], lang), q[0], q[1], True, 0.0)]
        ):  # "reicht ein Liter?"
            if v.unit == rate.unit:
                covers = fmt(v.amount * per_unit, lang)
                if (
                    "–" in rate.span and not rate.use
                ):  # "genug für 4–5 Personen": the range, as said
                    covers = f"{covers}–{fmt(v.amount * rate.high / rate.per, lang)}"
                lines.append(say_in(lang, f"{v.value} reicht für etwa {covers} {rate.word}.",
                                    f"{v.value} covers about {covers} {rate.word}."))  # fmt: skip
                lines.append(_range_note(rate, lang) if rate.use else "")
    if not lines:
        return None
    if need.area and rate.coats > 1:
        lines.append(
            say_in(
                lang, "(Die Ergiebigkeit gilt für zwei Anstriche.)", "(The yield is for two coats.)"
            )
        )
    elif need.area and not need.coats and re.search(r"anstrich|coat", rate.sentence, re.I):
        lines.append(say_in(lang, "(bei einem Anstrich)", "(one coat)"))
    computed = (total and not (single and rate.unit == "pack")) or (need.daily and not rate.use)
    note = _range_note(rate, lang) if computed else ""  # the figure a computation used
    return " ".join(
        line for line in [*lines, note, quote(rate.sentence, lang, rate.options)] if line
    )


def _names_need(text: str, rate: Rate) -> bool:
    """Whether the question asks for what the rate counts ("Für wie viele Quadratmeter …", "how many cups")."""
    words = [w for w, kind in NEEDS.items() if kind == rate.need] + ["fläche", "area", "cover"] * (
        rate.need == "area"
    )
    return any(re.search(rf"(?<!\w){re.escape(w)}", text, re.I) for w in words)


def need_reply(dispatcher, product: Product, text: str, lang: str) -> list | None:  # noqa: ANN001
    """`need_answer` sent as the reply with the product's card; None when it has none."""
    from rasa_sdk.events import SlotSet  # noqa: PLC0415

    from actions import facts  # noqa: PLC0415 (actions import this module)
    from actions.common import reply  # noqa: PLC0415
    from actions.context import catalog  # noqa: PLC0415

    said = need_answer(product, text, lang)
    if said is None:
        return None
    reply(
        dispatcher,
        said,
        sources=[product.id],
        payload=facts.cards_payload([product], lang, catalog().config),
    )
    return [SlotSet("current_product", product.id), SlotSet("last_topic", "product")]
