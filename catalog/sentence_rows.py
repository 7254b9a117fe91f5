"""Chart rows in one sentence of a product text: each size value it names paired with the
measure after it ("S 80–86 cm", "H3 for 75 to 100 kg", "L30 … up to 170 cm", "L34 ab 175 cm",
"L32 = 81 cm", "4/4: 5'1\" (155 cm) and taller")."""

from __future__ import annotations

import math
import re

from catalog import size_text_rules

Row = tuple[str, str, float, float, str | None]  # (value, option, low, high, measure)

CM_RANGE = re.compile(r"(\d{2,3}(?:[.,]\d)?)\s*(?:–|-|—|bis|to)\s*(\d{2,3}(?:[.,]\d)?)\s*cm", re.I)  # "14–15.5 cm"
_BOUND = re.compile(r"[^.;\d]{0,50}?\b(bis|up to|under|unter|below|ab|from|over|über)\s+(\d{2,3})\s*(cm|kg)\b", re.I)
# a value of any option paired with a body weight in a sentence ("H3 for 75 to 100 kg")
_KG_AFTER = re.compile(r"(\d{2,3})\s*(?:–|-|—|bis|to)\s*(\d{2,3})\s*kg\b", re.I)
_PEOPLE = re.compile(r"\bpeople\b|\bpersons?\b|\bmenschen\b|\bpersonen\b|körpergröße|\btall\w*|\bgroß gewachsen", re.I)
_TALLER = re.compile(r"\s*(?:(?:is\s+)?for|für)\s+(?:taller|größere|grössere)\b", re.I)
_EQUALS = re.compile(r"\s*(?:=|:)\s*(\d{2,3}(?:[.,]\d)?)\s*cm\b", re.I)
# a bare range right after its size, the unit written once after the last ("S 80–86, M 87–94, L 95–102, XL 103–110 cm")
_BARE = re.compile(r"\s*[:=]?\s*(\d{2,3}(?:[.,]\d)?)\s*(?:–|-|—|bis|to)\s*(\d{2,3}(?:[.,]\d)?)(?=\s*(?:[,;·|/]|und\b|and\b|oder\b|or\b))", re.I)
_UNIT_AT_END = re.compile(r"\d\s*cm\W*$", re.I)
_SINGLE = re.compile(r"(\d{2,3}(?:[.,]\d)?)\s*cm", re.I)


# an inch figure with its cm beside ("chest 42 in (107 cm)"), and a size of another system between dashes ("38R – EU 48 – …")
_INCH_CM = re.compile(r"\d{1,3}(?:[.,]\d)?\s*(?:in|inch(?:es)?|\"|″|zoll)\s*\((\d{2,3}(?:[.,]\d)?\s*cm)\)", re.I)
_SYSTEM_PART = re.compile(r"\s[–|-]\s(?:EU|UK|US|IT|FR|DE)\s?\d{1,3}(?=\s[–|-]\s)")


def plain_row(text: str) -> str:
    """A dash-separated chart row read by its metric figures alone: "38R – EU 48 – chest 38 in
    (97 cm) – height 173–180 cm" -> "38R – chest 97 cm – height 173–180 cm"."""
    return _SYSTEM_PART.sub("", _INCH_CM.sub(r"\1", text))


def _float(number: str) -> float:
    return float(number.replace(",", "."))


def rows_in_sentence(text: str, measure: str | None, options: dict[str, list[str]]) -> list[Row]:
    """Pairs of (a size value named in the sentence, the measure after it)."""
    found: list[Row] = []
    text = size_text_rules.IMPERIAL_CM.sub(r"\1", text)
    for name, values in options.items():
        for value in values:
            for m in re.finditer(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text, re.I if len(value) > 2 else 0):
                after = text[m.end(): m.end() + 60]
                before = text[max(0, m.start() - 40): m.start()]
                kg = _KG_AFTER.search(after)
                if measure and (bare := _BARE.match(after)) and _UNIT_AT_END.search(text):
                    found.append((value, name, _float(bare.group(1)), _float(bare.group(2)), measure))
                elif (r := CM_RANGE.search(after)) and not _other_value_between(after[: r.start()], values) and not (kg and kg.start() < r.start()):
                    found.append((value, name, _float(r.group(1)), _float(r.group(2)), measure))
                elif kg and not _other_value_between(after[: kg.start()], values) and not CM_RANGE.search(after[: kg.start()]):
                    found.append((value, name, float(kg.group(1)), float(kg.group(2)), "weight"))  # "H3 for 75 to 100 kg"
                elif (b := _BOUND.match(after)) and (b.group(3).lower() == "kg" or measure or _PEOPLE.search(text)) \
                        and not _other_value_between(after[: b.end()], values):
                    cm = float(b.group(2))  # "L30 … up to 170 cm", "L34 ab 175 cm", "H2 up to 75 kg": a maximum or a minimum
                    low, high = (0.0, cm) if b.group(1).lower() in ("bis", "up to", "under", "unter", "below") else (cm, math.inf)
                    found.append((value, name, low, high, "weight" if b.group(3).lower() == "kg" else measure or "height"))
                elif (top := size_text_rules.open_top(after, lambda gap, vs=values: _other_value_between(gap, vs) or bool(_SINGLE.search(gap)))) is not None:  # "4/4: 5'1\" (155 cm) and taller", "over 5'0\" (152 cm)"
                    found.append((value, name, top, math.inf, measure or ("height" if _PEOPLE.search(text) else None)))
                elif _TALLER.match(after) and found and found[-1][3] < math.inf and found[-1][1] == name:
                    found.append((value, name, found[-1][3], math.inf, found[-1][4]))  # "L32 for taller people"
                elif (e := _EQUALS.match(after)) and measure:  # "L32 = 81 cm": the value after its size
                    cm = float(e.group(1).replace(",", "."))
                    found.append((value, name, cm, cm, measure))
                elif (s := list(_SINGLE.finditer(before))) and measure:
                    cm = float(s[-1].group(1).replace(",", "."))
                    found.append((value, name, cm, cm, measure))
    return found


def _other_value_between(gap: str, values: list[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", gap) for v in values)
