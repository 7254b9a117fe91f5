"""General sizing rules of thumb, used only where the product data gives no chart of its own and
always said to be a rule of thumb: a child's age as a German kids' size (the height in cm),
children's UK/US shoe sizes and EU, women's UK/US dress sizes and EU, a numeric size as a letter,
weights in pounds and stone."""

from __future__ import annotations

import re

from catalog.size_table import Cell, column_of

# age in whole years -> the usual German kids' size (the height in cm)
_AGE_SIZE = {1: 80, 2: 92, 3: 98, 4: 104, 5: 110, 6: 116, 7: 122, 8: 128, 9: 134, 10: 140, 11: 146, 12: 152, 13: 158, 14: 164}
# a baby's age in months (from) -> size
_BABY_SIZE = [(0, 56), (2, 62), (4, 68), (7, 74), (10, 80), (18, 86)]


def kids_size_for_age(years: float) -> int | None:
    """The kids' size a child of that age usually wears (5 years -> 110, 6 months -> 68)."""
    if years < 2:
        months = round(years * 12)
        return max(size for start, size in _BABY_SIZE if months >= start)
    return _AGE_SIZE.get(int(years))


# children's shoes: UK size on one scale (child 0-13.5, then youth 1-6 as 14-19) -> EU
_KIDS_UK_EU = {0: 15, 1: 17, 2: 18, 3: 19, 4: 20, 5: 21.5, 6: 23, 7: 24, 8: 25.5, 9: 27, 10: 28, 11: 29.5, 12: 30.5,
               13: 32, 14: 33, 15: 34, 16: 35.5, 17: 37, 18: 38, 19: 39}  # fmt: skip
KIDS_WORDS = re.compile(r"\b(?:kids?|kid's|child|children'?s?|toddlers?|infants?|bab(?:y|ies)|junior|youth|little ones?|kinder\w*|kind(?:es|s)?|klein\w*kind\w*)\b", re.I)


def _eu_at(index: float) -> float:
    low = int(index)
    if low >= max(_KIDS_UK_EU):
        return _KIDS_UK_EU[max(_KIDS_UK_EU)]
    return _KIDS_UK_EU[low] + (index - low) * (_KIDS_UK_EU[low + 1] - _KIDS_UK_EU[low])


def _index(system: str, size: float, youth: bool) -> float:
    """The place on the UK children's scale: US children's sizes are one above UK ones."""
    index = size + (13 if youth else 0)
    return index - 1 if system.lower() == "us" else index


def kids_shoe_eu(system: str, size: float, sizes: list[float] | None = None) -> str | None:
    """'uk', 10 -> '28': the EU size of a children's UK/US shoe size (half EU sizes rounded up,
    for room to grow). A size of 1-6.5 is a child's or a youth size: the one among the product's
    `sizes` when given, else the child's."""
    readings = [_index(system, size, youth) for youth in ((False, True) if size < 7 else (False,))]
    readings = [r for r in readings if 0 <= r <= max(_KIDS_UK_EU)]
    if not readings:
        return None
    eus = [int(_eu_at(r) + 0.5) for r in readings]
    inside = [eu for eu in eus if sizes and min(sizes) <= eu <= max(sizes)]
    return str((inside or eus)[0])


def kids_uk_us(eu: float) -> tuple[str, str] | None:
    """EU children's shoe size -> (UK, US) children's sizes, to the half size ('11.5', '12.5')."""
    if not _KIDS_UK_EU[0] <= eu <= _KIDS_UK_EU[max(_KIDS_UK_EU)]:
        return None
    index = min((i / 2 for i in range(2 * max(_KIDS_UK_EU) + 1)), key=lambda i: abs(_eu_at(i) - eu))

    def label(i: float) -> str:
        return f"{i:g}" if i < 14 else f"{i - 13:g} (youth)"

    return label(index), label(index + 1)


# women's dresses and tops: UK 6 = EU 34 … UK 20 = EU 48; US = UK - 4
def dress_eu(system: str, size: float) -> str | None:
    uk = size + 4 if system.lower() == "us" else size
    return f"{uk + 28:g}" if 4 <= uk <= 28 and uk % 2 == 0 else None


# German numeric sizes as letters: women 32-42 and men 48-58 are unambiguous, 44 and 46 are both
_WOMEN_LETTER = {32: "XS", 34: "XS", 36: "S", 38: "M", 40: "M", 42: "L", 44: "XL", 46: "XXL"}
_MEN_LETTER = {44: "XS", 46: "S", 48: "M", 50: "M", 52: "L", 54: "L", 56: "XL", 58: "XXL"}


def letter_for_number(size: float) -> tuple[str | None, str | None]:
    """(women's letter, men's letter) of a German numeric clothing size (38 -> ('M', None))."""
    return _WOMEN_LETTER.get(int(size)) if size == int(size) else None, _MEN_LETTER.get(int(size)) if size == int(size) else None


POUND_KG = 0.45359237


def pounds_to_kg(pounds: float = 0.0, stone: float = 0.0) -> float:
    return round((stone * 14 + pounds) * POUND_KG, 1)


# a column or a size named by the shoe size it fits: "Schuhgröße", "Schuhgr.", "shoe size", "boot size", "EU"
_SHOE_COLUMN = re.compile(r"schuhgr(?:ö|oe)(?:ß|ss)e|schuhgr\.|\b(?:shoe|boot)\s*sizes?\b", re.I)
_EU_COLUMN = re.compile(rf"^eu(?:[- ]?(?:größe|size))?$|{_SHOE_COLUMN.pattern}", re.I)
_SHOE_RANGE = re.compile(r"^\s*(\d{2}(?:[.,]5)?)\s*(?:–|-|—|/|bis|to)\s*(\d{2}(?:[.,]5)?)\s*$")


def by_shoe_size(values: list[str], lines: list[str], shoe: float, tables: list | None = None) -> tuple[str, str] | None:
    """(the product's size, the row or value it is read from) for a product sized by the shoe
    size it fits: a value that is a shoe-size range ("47–50" holds 48), the row of a size table
    whose EU or shoe-size column holds it ("Mondopoint EU" / "25.5 40"), or the row below a
    header naming the shoe size ("Größe: Schuhgröße" / "S/M: 36–42")."""
    for value in values:
        if (m := _SHOE_RANGE.match(value)) and 15 <= _num(m.group(1)) <= shoe <= _num(m.group(2)):
            return value, value
    for table in tables or []:
        column = next((i for i, name in enumerate(table.header) if i and _EU_COLUMN.search(name.strip())), None)
        index = column_of(table, column) if column is not None and table.rows else None
        for size, cells, line in table.rows if index is not None else []:
            cell = cells[index] if -len(cells) <= index < len(cells) else None
            if size in values and isinstance(cell, Cell) and not cell.unit and cell.low <= shoe <= cell.high:
                return size, line
    header = False
    for line in lines:
        header = header or bool(_SHOE_COLUMN.search(line))
        for value in values if header else []:
            m = re.match(rf"\s*{re.escape(value)}\s*[:|]?\s*(\d{{2}}(?:[.,]5)?)\s*(?:–|-|—|bis|to)\s*(\d{{2}}(?:[.,]5)?)\s*$", line)
            if m and _num(m.group(1)) <= shoe <= _num(m.group(2)):
                return value, line.strip()
    return None


def _num(text: str) -> float:
    return float(text.replace(",", "."))
