"""Which version for my weight, height, table, rod or sleeping position: the text's lines pairing an
option value with a condition (`catalog.condition_rows`), the merchant's rule at a boundary, the
covering rules (`catalog.cover_rules`: a curtain's gathering factor, an allowance over a mattress)
and the store guide's measuring rule for a product sold by length; built products in German and
English, read directly and asked through the product actions on their page."""

from __future__ import annotations

import pytest

from actions.product_questions import ActionAnswerFit, ActionProductInfo
from actions.sizing import ActionAnswerSize
from catalog.condition_rows import measure_pick, sleeping, word_pick
from catalog.cover_rules import allowance_pick, guide_sentences, panels
from catalog.models import Product
from catalog.option_measures import measured_pick
from catalog.policies import Passage
from tests.need_probes import _product
from tests.test_need_answers import page_asker

MATTRESS_DE = _product(
    "matratze-nordlicht", "Federkernmatratze Nordlicht",
    "Sieben Zonen, 22 cm hoch.\nHärtegrad nach Gewicht:\nH2 – bis 70 kg\nH3 – 70 bis 100 kg\nH4 – über 100 kg\n"
    "Liegen Sie genau an der Grenze, empfehlen wir Bauchschläfern die festere, Seitenschläfern die weichere Variante.",
    "de", "Härtegrad", ("H2", "H3", "H4"),
)  # fmt: skip
SEAT_EN = _product(
    "booster-seat", "Booster Seat Comet",
    "A high-back booster for the car.\nGroup 2: 15 to 25 kg\nGroup 3: 25 to 36 kg\n"
    "Right on the boundary? Take the larger group, it grows with your child.",
    "en", "Group", ("Group 2", "Group 3"),
)  # fmt: skip
PILLOW_EN = _product(
    "pillow-cirrus", "Feather Pillow Cirrus",
    "Three chambers of feathers and down.\nWhich filling suits me?\nStomach sleepers: Flat\nBack sleepers: Classic\nSide sleepers: Plump",
    "en", "Filling", ("Flat", "Classic", "Plump"),
)  # fmt: skip
BIKE_DE = _product(
    "rad-trekking", "Trekkingrad Weitblick",
    "Rahmenhöhe nach Körpergröße:\n48 cm 160–170 cm\n53 cm 171–181 cm\n58 cm 182–192 cm", "de", "Rahmenhöhe", ("48", "53", "58"),
)  # fmt: skip
CLOTH_EN = _product(
    "tablecloth-brise", "Cotton Tablecloth Brise",
    "Sizes: 140x180 (for tables up to about 100x140), 140x240 (for tables up to about 100x200), 170x300.", "en", "Size",
    ("140x180", "140x240", "170x300"),
)  # fmt: skip
BRIDLE_DE = _product(
    "halfter-weide", "Stallhalfter Weide", "Gepolstertes Halfter. Shetty für Minishettys und Shettys, Pony für Welsh und Connemara, "
    "Vollblut für Traber und Vollblüter.", "de", "Größe", ("Shetty", "Pony", "Vollblut"),
)  # fmt: skip
SHEET_EN = _product(
    "flat-sheet-linnea", "Flat Sheet Linnea", "A flat sheet to tuck in: choose it about 60 cm wider and longer than the mattress.",
    "en", "Size", ("150x260", "200x260", "240x280"),
)  # fmt: skip
CURTAIN_DE = _product(
    "schal-ostsee", "Ösenschal Ostsee", "Blickdichter Schal mit Ösen, Breite 130 cm.\n"
    "Für einen schönen Fall rechnen Sie das 1,5- bis 2-fache der Stangenlänge.", "de", "Länge", ("160 cm", "225 cm", "250 cm"),
)  # fmt: skip


def test_a_weight_picks_the_row_and_a_boundary_the_merchants_rule() -> None:
    pick = measure_pick(MATTRESS_DE, [MATTRESS_DE.description["de"]], "Ich wiege 85 kg, welcher Härtegrad?")
    assert pick is not None and pick.row.value == "H3" and not pick.rule
    side = measure_pick(MATTRESS_DE, [MATTRESS_DE.description["de"]], "Ich wiege genau 70 kg und schlafe auf der Seite")
    assert side is not None and side.row.value == "H2" and "Grenze" in side.rule
    front = measure_pick(MATTRESS_DE, [MATTRESS_DE.description["de"]], "70 kg, Bauchschläfer – welche?")
    assert front is not None and front.row.value == "H3"
    assert measure_pick(MATTRESS_DE, [MATTRESS_DE.description["de"]], "Ich wiege 70 kg, welche?") is None  # no case named
    over = measure_pick(MATTRESS_DE, [MATTRESS_DE.description["de"]], "Ich wiege 120 kg")
    assert over is not None and over.row.value == "H4"


def test_a_boundary_rule_without_cases_takes_its_direction() -> None:
    pick = measure_pick(SEAT_EN, [SEAT_EN.description["en"]], "My daughter weighs 25 kg, which group?")
    assert pick is not None and pick.row.value == "Group 3"
    assert measure_pick(SEAT_EN, [SEAT_EN.description["en"]], "she is 18 kg").row.value == "Group 2"


def test_a_height_picks_the_row_and_a_table_size_the_smallest_that_fits() -> None:
    assert measure_pick(BIKE_DE, [BIKE_DE.description["de"]], "Ich bin 1,76 m groß").row.value == "53"
    assert measure_pick(BIKE_DE, [BIKE_DE.description["de"]], "Ich bin 2,05 m groß") is None  # outside every row
    text = [CLOTH_EN.description["en"]]
    assert measure_pick(CLOTH_EN, text, "Our table is 90x120 cm, which cloth?").row.value == "140x180"
    assert measure_pick(CLOTH_EN, text, "table 100 x 180").row.value == "140x240"


def test_a_sleeping_position_or_a_named_use_picks_its_line() -> None:
    assert sleeping("Ich schlafe auf der Seite") == {"side"} and sleeping("I sleep on my stomach") == {"stomach"}
    text = [PILLOW_EN.description["en"]]
    assert word_pick(PILLOW_EN, text, "I sleep on my back, which one?").row.value == "Classic"
    assert word_pick(PILLOW_EN, text, "Ich bin Seitenschläfer").row.value == "Plump"
    pick = word_pick(BRIDLE_DE, [BRIDLE_DE.description["de"]], "Welche Größe für meinen Connemara?")
    assert pick is not None and pick.row.value == "Pony"
    assert word_pick(BRIDLE_DE, [BRIDLE_DE.description["de"]], "Welche Größe für meinen Haflinger?") is None  # not named


def test_an_allowance_and_a_gathering_factor_give_the_size_and_the_count() -> None:
    pick = allowance_pick(SHEET_EN, [SHEET_EN.description["en"]], "My mattress is 140x200, which sheet?")
    assert pick is not None and pick[1] == "200x260" and pick[3] == (200.0, 260.0)
    assert allowance_pick(SHEET_EN, [SHEET_EN.description["en"]], "which sheet?") is None
    found = panels([CURTAIN_DE.description["de"]], [], "Meine Gardinenstange ist 1,60 m lang, wie viele Schals brauche ich?")
    assert found is not None and found.count == (2, 3) and found.width_cm == 130
    assert panels([CURTAIN_DE.description["de"]], [], "Wie lang ist der Schal?") is None


def _guide(lang: str, heading: str, text: str) -> Passage:
    return Passage("groessen", lang, heading, text, "Größenberater" if lang == "de" else "Size guide")


def test_the_size_guide_gives_the_rule_the_text_lacks() -> None:
    from catalog.store import Category

    categories = {"home": Category(de="Gardinen", en="Curtains", synonyms=["gardine"])}
    passages = [
        _guide("en", "Curtains", "Length: measure from the rod to the floor and subtract 2 cm. Width: 2 to 2.5 times the rod length."),
        _guide("en", "Towels", "Bath towels are 70x140 cm."),
    ]
    guide = guide_sentences(passages, CURTAIN_DE, "en", categories)
    assert len(guide) == 2 and all("rod" in s for s in guide)
    pick = measured_pick(CURTAIN_DE, "from the rod to the floor it is 229 cm", "en", tuple(guide))
    assert pick is not None and pick.how in ("guide", "rule") and pick.value == "225 cm"


@pytest.fixture
def ask(run_action, monkeypatch):
    """ask(action, product, question, lang) -> the reply on the product's page."""
    return page_asker(run_action, monkeypatch)


@pytest.mark.parametrize("action", (ActionProductInfo(), ActionAnswerFit(), ActionAnswerSize()), ids=lambda a: a.name())
@pytest.mark.parametrize(
    ("product", "question", "lang", "must"),
    [
        (MATTRESS_DE, "Ich wiege 70 kg und schlafe auf der Seite, welcher Härtegrad?", "de", r"empfehle (?:daher )?Härtegrad H2"),
        (PILLOW_EN, "I sleep on my stomach, which filling?", "en", r"recommend (?:Filling )?Flat"),
        (CLOTH_EN, "Our table is 90x120 cm, which tablecloth?", "en", r"recommend (?:Size |size )?140x180"),
        (SHEET_EN, "My mattress is 140x200, which size do I need?", "en", r"recommend (?:Size |size )?200x260"),
        (CURTAIN_DE, "Meine Gardinenstange ist 1,60 m lang. Wie viele Schals brauche ich?", "de", r"2 bis 3 Stück"),
    ],
    ids=lambda v: v.id if isinstance(v, Product) else None,
)
def test_which_version_for_me_is_answered_on_the_page(ask, action, product, question, lang, must) -> None:  # noqa: ANN001
    import re

    reply = ask(action, product, question, lang)
    assert re.search(must, reply), reply


def test_a_dose_per_body_weight_in_ml_or_daily_is_worked_out() -> None:
    from actions.need_answer import need_answer

    oil = _product("lachsoel", "Lachsöl Kraftpfote", "Omega-3 für Hunde.\nDosierung: 5 ml je 10 kg Körpergewicht pro Tag.",
                   "de", "Inhalt", ("250 ml", "500 ml"))  # fmt: skip
    said = need_answer(oil, "Wie viel gebe ich meinem 30 kg Hund?", "de") or ""
    assert "15 ml" in said, said
    herbs = _product("herb-mix", "Herbal Mix Meadow", "Dried herbs for horses.\nFeed 2 g per 50 kg body weight daily.",
                     "en", "Size", ("500 g", "1 kg"))  # fmt: skip
    said = need_answer(herbs, "how much for my 400 kg horse?", "en") or ""
    assert "16 g" in said, said


def test_one_example_line_is_no_table() -> None:
    kids = _product("hose-kiesel", "Kinderhose Kiesel", "Größe 104 passt einem Kind bis 104 cm.", "de", "Größe", ("98", "104", "110"))
    assert measure_pick(kids, [kids.description["de"]], "Mein Sohn ist 100 cm groß") is None


def test_a_named_version_is_asked_for_not_picked(monkeypatch) -> None:  # noqa: ANN001
    from types import SimpleNamespace

    from actions import condition_answer as module
    from actions.condition_answer import condition_answer

    monkeypatch.setattr(module, "catalog", lambda: SimpleNamespace(policies=SimpleNamespace(passages=[]), config=SimpleNamespace(categories={})))

    variants = [{"sku": f"spann-{i}", "options": {"Größe": g, "Steghöhe": h, "Farbe": c}, "price": 20.0, "stock": 3}
                for i, (g, h, c) in enumerate([("90x200", "bis 25 cm", "Blau"), ("140x200", "bis 40 cm", "Blau"), ("140x200", "bis 25 cm", "Weiß")])]  # fmt: skip
    sheet = Product.parse_obj({"id": "spannlaken-jersey", "title": {"en": "Jersey Fitted Sheet"}, "category": "home",
                               "description": {"en": "Stretchy jersey.\nbis 25 cm: for mattresses from 15 to 25 cm high\n"
                                                     "bis 40 cm: for boxsprings from 26 to 40 cm high"},
                               "option_names": ["Größe", "Steghöhe", "Farbe"], "size_option": "Größe", "color_option": "Farbe",
                               "variants": variants})  # fmt: skip
    assert measure_pick(sheet, [sheet.description["en"]], "my boxspring is 35 cm high").row.value == "bis 40 cm"
    assert condition_answer(sheet, "Do you have the 140x200 in blue for a 35 cm boxspring?", "en") is None
    assert condition_answer(sheet, "Do you have it in blue for a 35 cm boxspring?", "en") is None


def test_a_named_version_or_a_body_girth_picks_no_row():
    """"Gibt es das Rad in 53 cm?" asks that version's state; a waist or chest is no height the
    rows are written for."""
    from actions.condition_answer import asks_condition

    assert measure_pick(BIKE_DE, [BIKE_DE.description["de"]], "Ich bin 1,75 m groß, welche Rahmenhöhe?").row.value == "53"
    assert measure_pick(BIKE_DE, [BIKE_DE.description["de"]], "Mein Taillenumfang ist 175 cm, welche Rahmenhöhe?") is None
    assert measure_pick(BIKE_DE, [BIKE_DE.description["de"]], "My chest is 175 cm, which frame?") is None
    assert not asks_condition(BIKE_DE, "Gibt es das Rad in 53 cm? Ich bin 1,75 m.", "de")
    assert not asks_condition(SEAT_EN, "Is Group 3 in stock? My son weighs 20 kg, which one?", "en")


def test_a_table_size_is_no_named_version(monkeypatch):
    """"Unser Tisch ist 90x120" names the table, not a cloth, even where the cloth's line pairs
    them ("130x160 (für Tische bis ca. 90x120)")."""
    from actions import condition_answer as module

    monkeypatch.setattr(module, "availability", lambda *a, **k: ("", []))
    cloth = _product("tischdecke-kaffee", "Tischdecke Kaffee", "Maße: 130x160 (für Tische bis ca. 90x120), 130x220, 160x260.",
                     "de", "Maß", ("130x160", "130x220", "160x260"))  # fmt: skip
    said = module.condition_answer(cloth, "Unser Tisch ist 90x120 cm, welche Tischdecke?", "de")
    assert said and "130x160" in said[0], said
    assert "140x180" in (module.condition_answer(CLOTH_EN, "Our table is 100x140 cm, which cloth?", "en") or ("",))[0]
