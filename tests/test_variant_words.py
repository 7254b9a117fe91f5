"""Option values named in other words than the merchant's: a colour, material or scent word in
the other language or as the last part of a compound ("mint" = "Minze", "gold" = "585 Gelbgold"),
a pack by its word ("3er-Pack" = "Trio"), a comparative ("in einer grösseren Flasche"), and the
question for an option's values ("Which colours does it come in?")."""

from __future__ import annotations

from actions.variant_replies import listed_option, option_list_reply
from catalog.value_match import comparative_value, count_word, names_value
from catalog.variants import find_asked, variant_state
from tests.test_variants import optioned


def chain():
    return optioned("kette", ("Material", "Länge"), [("925 Silber", "45 cm", 5), ("925 Silber", "60 cm", 5), ("585 Gelbgold", "45 cm", 5),
                    ("585 Gelbgold", "60 cm", 0)], size_option="Länge")  # fmt: skip


def test_a_material_word_of_a_value_checks_the_combination():
    s = variant_state(chain(), find_asked(chain(), "Do you have the 60 cm gold chain?"))
    assert {a.option: a.values for a in s.asked} == {"Material": ("585 Gelbgold",), "Länge": ("60 cm",)}
    assert s.state == "sold_out" and s.alternatives["Material"] == ["925 Silber"]
    assert variant_state(chain(), find_asked(chain(), "in silver in 60 cm?")).state == "in_stock"
    assert find_asked(chain(), "in yellow gold?")[0].values == ("585 Gelbgold",)


def test_a_word_two_values_share_names_neither():
    metals = ["Gelbgold", "Weißgold"]
    assert not any(names_value(v, metals, "Material", "in gold?") for v in metals)
    assert names_value("Weißgold", metals, "Material", "in white gold?") and not names_value("Gelbgold", metals, "Material", "in white gold?")
    assert not names_value("Extra warm (Winter)", [], "Wärmeklasse", "Is it warm?")  # words outside the table never match alone


def test_scent_words_in_the_other_language():
    balm = optioned("balsam", ("Duft",), [("Neutral", 3), ("Honig-Vanille", 2), ("Minze", 0)])
    s = variant_state(balm, find_asked(balm, "Is the lip balm available in mint?"))
    assert s.asked[0].values == ("Minze",) and s.state == "sold_out"
    assert find_asked(balm, "Gibt es den mit Honig?")[0].values == ("Honig-Vanille",)
    assert find_asked(balm, "Gibt es ihn in Mint?")[0].values == ("Minze",)


def test_a_pack_named_by_a_word():
    assert count_word("Trio") == ("count", 3.0) and count_word("Single") == ("count", 1.0)
    assert count_word("3er-Pack") is None and count_word("Neutral") is None
    cream = optioned("creme", ("Pack",), [("Single", 4), ("Trio", 0)], size_option="Pack")
    s = variant_state(cream, find_asked(cream, "Gibt es die Handcreme als 3er-Pack?"))
    assert s.asked[0].values == ("Trio",) and s.state == "sold_out"


def test_a_comparative_asks_the_next_value():
    ml = {"200 ml": ("volume", 0.2), "500 ml Refill": ("volume", 0.5), "1 l": ("volume", 1.0)}
    assert comparative_value(ml, "Gibt es das Shampoo in einer grösseren Flasche?") == "500 ml Refill"
    assert comparative_value(ml, "a smaller bottle?") == "500 ml Refill"
    assert comparative_value(ml, "Does it run larger than usual?") is None
    assert comparative_value(ml, "Fällt es größer aus?") is None  # a fit, not a version
    assert comparative_value(ml, "a longer one?") is None  # volumes have no length
    assert comparative_value({"40 cm": ("length", 40.0), "45 cm": ("length", 45.0)}, "eine längere Kette?") == "45 cm"
    shampoo = optioned("shampoo", ("Inhalt",), [("200 ml", 3), ("500 ml Refill", 7)], size_option="Inhalt")
    assert find_asked(shampoo, "Gibt es das Shampoo in einer grösseren Flasche?")[0].values == ("500 ml Refill",)
    assert find_asked(shampoo, "Gibt es das in 500 ml?")[0].values == ("500 ml Refill",)  # a number still wins


def test_which_colours_lists_the_values_and_those_sold_out():
    scarf = optioned("schal", ("Farbe",), [("Camel", 4), ("Anthrazit", 7), ("Eisblau", 0)], color_option="Farbe")
    assert listed_option(scarf, "Which colours does the cashmere scarf come in?") == "Farbe"
    assert listed_option(scarf, "Gibt es den Schal in anderen Farben?") == "Farbe"
    assert option_list_reply(scarf, "Farbe", "en") == "schal comes in Camel, Anthrazit and Eisblau. Sold out: Eisblau."
    assert listed_option(chain(), "Welche Längen gibt es?") == "Länge"
    assert listed_option(chain(), "Welche Länge soll ich nehmen?") is None  # the singular asks advice
    assert listed_option(chain(), "Which colours?") is None  # no colour option


def test_a_plural_of_the_page_products_name_asks_for_its_version(monkeypatch):
    from rasa_sdk import Tracker

    from actions import size_asks as sizing  # names_page_version moved to size_asks

    strap = optioned("strap", ("Breite",), [("18 mm", 2), ("20 mm", 3)], size_option="Breite")
    strap.title["de"] = "Uhrenarmband Leder Horween"

    class Catalog:
        def get(self, pid):  # noqa: ANN001, ANN201
            return strap if pid == "strap" else None

        def find_named(self, text):  # noqa: ANN001, ANN201, ARG002
            return []

    monkeypatch.setattr(sizing, "catalog", lambda: Catalog())

    def tracker(text: str) -> Tracker:
        latest = {"text": text, "intent": {"name": "search_product", "confidence": 1.0}, "entities": [], "metadata": {"product_id": "strap"}}
        return Tracker("t", {}, latest, [], False, None, {}, "action_listen")

    assert sizing.names_page_version(tracker("Haben Sie die Uhrenarmbänder auch in 24 mm?"))
    assert sizing.names_page_version(tracker("Gibt es das Armband in 20 mm?"))  # the last part of the compound
    assert not sizing.names_page_version(tracker("Haben Sie Gürtel in 20 mm?"))  # another kind of product
