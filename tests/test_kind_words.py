"""A product named by the word for its kind ("der Kopfhörer", "these earbuds"): that word asks
nothing, so the sentence merely naming the kind is no answer (actions/product_text.py: kind_words)."""

from __future__ import annotations

import pytest

from actions.product_answers import typed_facts
from actions.product_text import finder, kind_words, product_name
from catalog.models import Product
from catalog.passages import asked_features, content_words
from catalog.store import Category
from catalog.word_forms import able, named_part, sole_sharer
from tests.text_products import text_product

AUDIO = Category(
    de="Audio",
    en="Audio",
    synonyms=[
        "audio",
        "kopfhörer",
        "in-ear",
        "over-ear",
        "ohrhörer",
        "earbuds",
        "headphones",
        "lautsprecher",
        "bluetooth-lautsprecher",
        "boombox",
        "speaker",
        "earphones",
        "sound",
    ],
)


def _product(pid: str, title: str, text: str, tags: list[str], lang: str) -> Product:
    return text_product(pid, title, text, lang, category="audio", tags=tags)


BUDS = _product(
    "buds",
    "Pulse Buds Pro",
    "<p>True wireless earbuds with noise cancelling and wireless charging case.</p><p>The <strong>Pulse Buds Pro</strong> are our best-selling in-ear headphones: small, light and with proper noise cancelling.</p><table><tr><th>Spec</th><th>Value</th></tr><tr><td>Battery (earbuds, ANC on)</td><td>8 hours</td></tr><tr><td>Battery with charging case</td><td>32 hours in total</td></tr><tr><td>Water resistance</td><td>IPX4 (sweat and splashes)</td></tr><tr><td>Codecs</td><td>SBC, AAC</td></tr><tr><td>Weight</td><td>5 g per earbud, case 48 g</td></tr><tr><td>Bluetooth</td><td>5.3</td></tr></table><p>The case charges via USB-C or on any Qi wireless charger. Three sizes of silicone ear tips (S, M, L) are included, as is a USB-C cable. 2-year warranty.</p>",
    ["earbuds", "in-ear", "ANC"],
    "en",
)
KOPF = _product(
    "kopf",
    "Klangwerk ANC 700",
    "<p>Kabelloser Over-Ear-Kopfhörer mit aktiver Geräuschunterdrückung und bis zu 40 Stunden Akku.</p><p>Der <strong>Klangwerk ANC 700</strong> blendet Bahn, Großraumbüro und Flugzeug zuverlässig aus. Zwei Mikrofone pro Ohrmuschel messen den Umgebungslärm, der Transparenzmodus holt Durchsagen auf Knopfdruck zurück.</p><ul><li><strong>Akkulaufzeit:</strong> 30 Stunden mit ANC, 40 Stunden ohne ANC</li><li><strong>Schnellladen:</strong> 10 Minuten am USB-C-Kabel = 5 Stunden Musik</li><li><strong>Bluetooth:</strong> 5.3 mit Multipoint (zwei Geräte gleichzeitig)</li><li><strong>Codecs:</strong> SBC, AAC, LDAC</li><li><strong>Gewicht:</strong> 254 g</li><li>Treiber: 40 mm</li></ul><p>Nicht kompatibel mit aptX und aptX HD. Ohrpolster aus Proteinleder, austauschbar.</p><h4>Im Lieferumfang</h4><p>Hartschalen-Etui, USB-C-Ladekabel (1 m), 3,5-mm-Audiokabel, Flugzeugadapter.</p><p>2 Jahre Garantie.</p>",
    ["Kopfhörer", "Bluetooth", "ANC", "Over-Ear"],
    "de",
)
BOX = _product(
    "box",
    "Boombox Dom 40",
    "<p>Robuster Bluetooth-Lautsprecher mit 40 Watt für Garten, Strand und Rheinwiesen.</p><p>Die <strong>Boombox Dom 40</strong> liefert 40 W Leistung und ist nach <strong>IP67</strong> staub- und wasserdicht – sie übersteht 30 Minuten in 1 m Wassertiefe und schwimmt.</p><ul><li>Akku: bis zu 20 Stunden</li><li>Gewicht: 1,2 kg</li><li>Bluetooth 5.3, Reichweite bis 30 m</li><li>PartyLink: bis zu 10 Dom-Lautsprecher koppeln</li><li>Powerbank-Funktion über USB-A</li></ul><p>Im Lieferumfang: Lautsprecher, USB-C-Kabel, Tragegurt. Ein Netzteil liegt nicht bei. 2 Jahre Garantie.</p>",
    ["Bluetooth-Lautsprecher", "wasserdicht", "Outdoor"],
    "de",
)


def test_kind_words_are_the_categorys_words_the_title_or_tags_carry():
    assert kind_words(BUDS, AUDIO) == ["in-ear", "earbuds"]
    assert kind_words(KOPF, AUDIO) == ["kopfhörer", "over-ear"]
    assert kind_words(BOX, AUDIO) == [
        "lautsprecher",
        "bluetooth-lautsprecher",
        "boombox",
    ]  # "Bluetooth-Lautsprecher" ends in the word
    assert "kopfhörer" in product_name(KOPF, "de", {"audio": AUDIO}).lower()


@pytest.mark.parametrize(
    ("product", "question", "lang"),
    [
        (KOPF, "Hat der Kopfhörer ein eingebautes Radio?", "de"),
        (BOX, "Hat der Lautsprecher ein eingebautes Radio?", "de"),
        (BOX, "Does the Boombox Dom 40 have a built-in radio?", "en"),
        (BOX, "Does the speaker have a built-in radio?", "en"),
    ],
)
def test_a_sentence_naming_only_the_kind_is_no_answer(product, question, lang, use_embedder):
    answers = finder(use_embedder).answer(
        product, question, lang, name=product_name(product, lang, {"audio": AUDIO})
    )
    assert not answers, answers


def test_the_asked_word_not_the_kind_word_picks_the_sentence(use_embedder):
    answers = finder(use_embedder).answer(
        KOPF,
        "Unterstützt der Kopfhörer LDAC?",
        "de",
        name=product_name(KOPF, "de", {"audio": AUDIO}),
    )
    assert answers and "LDAC" in answers[0].sentence.text, answers


def test_the_kind_word_is_no_asked_word():
    assert "earbuds" not in content_words(
        "Are these earbuds sweatproof?", product_name(BUDS, "en", {"audio": AUDIO})
    )
    assert "kopfhörer" not in content_words(
        "Unterstützt der Kopfhörer LDAC?", product_name(KOPF, "de", {"audio": AUDIO})
    )


def test_a_verb_shares_its_able_adjective():
    assert (
        able("kürzen", "kürzbar")
        and able("wechselbar", "wechseln")
        and able("waschen", "waschbare")
    )
    assert not able("laufen", "laufbahn") and not able("heben", "heber")


@pytest.mark.parametrize(
    ("question", "lang", "text", "expected"),
    [
        (
            "Kann ich ihn kürzen?",
            "de",
            "Farbiger LED-Streifen mit App. Selbstklebend, alle 10 cm kürzbar. Schutzart IP20.",
            "10 cm",
        ),
        (
            "Kann man den Akku wechseln?",
            "de",
            "Leichter Akku-Sauger. Der Akku ist wechselbar. Ladezeit 4 Stunden.",
            "wechselbar",
        ),
        (
            "Does it support LDAC?",
            "en",
            "Wireless over-ear headphones with long battery life. Codecs: SBC, AAC, LDAC. Weight: 254 g.",
            "LDAC",
        ),
        (
            "Unterstützt er LDAC?",
            "de",
            "Kabelloser Over-Ear-Kopfhörer mit langem Akku. Codecs: SBC, AAC, LDAC. Gewicht: 254 g.",
            "LDAC",
        ),
    ],
)
def test_the_one_sentence_sharing_the_asked_word_answers(
    question, lang, text, expected, use_embedder
):
    product = _product("x", "Modell X 7", f"<p>{text}</p>", [], lang)
    answers = finder(use_embedder).answer(product, question, lang, name="Modell X 7")
    assert answers and expected in answers[0].sentence.text, answers


def test_no_sole_sentence_when_two_share_the_word_or_two_words_are_unknown():
    def shares(words: set[str], sentence: str) -> float:
        return float(any(w in sentence.lower() for w in words))

    assert list(sole_sharer({"ldac"}, ["codecs: ldac", "gewicht"], shares)) == [True, False]
    assert not sole_sharer({"ldac"}, ["codecs: ldac", "ldac hd"], shares).any()
    assert not sole_sharer(
        {"ldac", "radio", "eingebaut"}, ["codecs: ldac", "gewicht"], shares
    ).any()


def test_a_short_whole_word_of_the_name_asks_no_feature():
    name = "LED-Leuchtstreifen RGB (Licht, Lighting, leuchtstreifen, led-strip)"
    assert "lamp" not in asked_features("How many lumens does the LED strip have?", name)
    assert "lamp" not in asked_features("Wie hell ist der LED-Streifen?", name)
    assert "lamp" in asked_features("Hat die Tasche ein LED-Licht?", "Tasche Urban 20")


POWER = Category(
    de="Strom", en="Power", synonyms=["powerbank", "power bank", "ladegerät", "charger"]
)
BANK = Product(
    id="bank", title={"de": "Powerbank Reise 20000"}, category="power", description={"de": "<p>Powerbank mit 20.000 mAh. Anschlüsse: 2 × USB-C, 1 × USB-A.</p>"},
    attributes={"battery_mah": 20000}, variants=[{"sku": "bank", "price": 1.0, "stock": 1}],
)  # fmt: skip


def test_the_word_naming_the_products_kind_asks_no_typed_fact(monkeypatch):
    from actions import product_answers

    config = type("C", (), {"categories": {"power": POWER}})()
    monkeypatch.setattr(product_answers, "catalog", lambda: type("Cat", (), {"config": config})())
    assert typed_facts(BANK, "Welche Anschlüsse hat die Powerbank?", "de") == []
    assert typed_facts(BANK, "Which ports does the power bank have?", "en") == []
    assert typed_facts(BANK, "Wie viel mAh hat die Powerbank?", "de")


def test_the_kind_leaves_the_questions_vector_only_when_the_question_says_it():
    name = "Regallautsprecher Kranhaus (Audio, Audio) | lautsprecher, hifi"
    assert (
        named_part("Kann ich einen Plattenspieler direkt anschließen?", name)
        == "Regallautsprecher Kranhaus (Audio, Audio)"
    )
    assert (
        named_part("Does the speaker pair have a remote?", name)
        == "Regallautsprecher Kranhaus (Audio, Audio)"
    )
    assert named_part("Hat der Lautsprecher ein Radio?", name) == name


def test_a_word_no_sentence_shares_leaves_no_sole_sentence(use_embedder):
    product = _product(
        "bed",
        "Hochbeet Lärche 120",
        "<p>Hochbeet aus unbehandelter Lärche. Inklusive Noppenfolie zum Schutz des Holzes und Wühlmausgitter. Maße: 120 x 60 x 80 cm.</p>",
        [],
        "de",
    )
    answers = finder(use_embedder).answer(
        product, "Ist das Holz FSC-zertifiziert?", "de", name="Hochbeet Lärche 120"
    )
    assert not answers, answers
    assert not sole_sharer(
        {"holz", "zertifiziert"},
        ["noppenfolie holzes", "maße"],
        lambda w, s: float(any(x[:4] in s for x in w)),
    ).any()
