"""Which product one side of "X or Y" names when its word is in several names: the one it says
most of ("Bergmann hoch" of a boot, beside bib trousers "Bergmann"), then the one the whole question
asks for ("Fels or Vento helmet": the helmet "Fels", not the fleece jacket "Fels")."""

from __future__ import annotations

from types import SimpleNamespace

from actions import compare
from tests.test_variants import optioned


def _fake(named, weights, ranked):  # noqa: ANN001
    hits = [SimpleNamespace(product=p) for p in ranked]
    return SimpleNamespace(find_named=lambda side: list(named), mentioned_weight=lambda side, p: weights[p.id],
                           search=lambda text: SimpleNamespace(hits=hits))  # fmt: skip


def test_the_product_the_side_says_most_of(monkeypatch):
    trousers, boot = optioned("latzhose-bergmann", ("Größe",), [("50", 1)]), optioned("stiefel-bergmann-hoch", ("Größe",), [("42", 1)])
    monkeypatch.setattr(compare, "catalog", lambda: _fake([trousers, boot], {trousers.id: 2.0, boot.id: 4.5}, []))
    assert compare._best_named("Bergmann hoch", "Bergmann hoch oder die Sandale?") == [boot]
    assert compare._best_named("Bergman high", "Bergman high or the sandal?") == [boot]


def test_a_tie_goes_to_what_the_whole_question_asks_for(monkeypatch):
    jacket, helmet = optioned("fleecejacke-fels", ("Size",), [("M", 1)]), optioned("schutzhelm-fels", ("Size",), [("M", 1)])
    monkeypatch.setattr(compare, "catalog", lambda: _fake([jacket, helmet], {jacket.id: 3.0, helmet.id: 3.0}, [helmet, jacket]))
    assert compare._best_named("Fels", "Fels or Vento helmet for a roofer?") == [helmet]
    assert compare._best_named("Fels", "Fels oder Vento Helm für Dachdecker?") == [helmet]
    monkeypatch.setattr(compare, "catalog", lambda: _fake([jacket], {jacket.id: 3.0}, [helmet]))
    assert compare._best_named("Fels", "Fels or Vento helmet?") == [jacket]  # named alone: no choice


def test_the_weight_of_a_name_the_text_says(test_catalog):
    from actions.context import catalog  # noqa: PLC0415

    cat = catalog()
    product = cat.get("trailrunner-gtx")
    assert cat.mentioned_weight("TrailRunner GTX oder der andere?", product) > cat.mentioned_weight("TrailRunner?", product) > 0
    assert cat.mentioned_weight("ein Wanderschuh", product) == 0


def _titled(pid: str, title: str):  # noqa: ANN202
    product = optioned(pid, ("Größe",), [("M", 1)])
    product.title = {"de": title, "en": title}
    return product


def test_a_name_inside_a_longer_side(monkeypatch):
    """The run of a side's words that names one product: the first side's name after its question,
    the last side's before; a word naming another kind of product rules a title out."""
    rope = _titled("seil-almtal", "Einfachseil Almtal 9.4 Dry")
    other = _titled("seil-kammweg", "Kammweg 8.7 Dynamic Rope")
    jeans = _titled("jeans-fehmarn", "Umstandsjeans Slim Fehmarn")
    socks = _titled("socks", "Compression Knee Socks Class 2")
    products = {p.id: p for p in (rope, other, jeans, socks)}
    monkeypatch.setattr(compare, "catalog", lambda: SimpleNamespace(products=products))
    assert compare._title_run("Which rope is lighter per metre: the Almtal 9.4 Dry", first=True) == [rope]
    assert compare._title_run("Welches Seil ist leichter: das Almtal 9.4", first=True) == [rope]
    assert compare._title_run("Was ist der Unterschied zwischen der Fehmarn-Jeans", first=True) == [jeans]
    assert compare._title_run("the Kammweg – which one is lighter?", first=False) == [other]
    assert compare._title_run("Compression tights class 2", first=True) == []  # tights are no socks
    assert compare._title_run("the support tights – which one is medical compression?", first=False) == []


def _kinded(pid: str, category: str):  # noqa: ANN202
    product = optioned(pid, ("Größe",), [("M", 1)])
    product.category = category
    return product


def test_a_name_two_products_share_is_the_one_of_the_other_sides_kind(monkeypatch):
    """Two things weighed are of one kind: a side's name word that a product of another kind has as
    well ("Flow" of a sports bra and of briefs) is the one of the other side's category."""
    briefs, bra, other_bra = _kinded("slip-flow", "briefs"), _kinded("sport-bh-flow", "sports_bras"), _kinded("sport-bh-pulse", "sports_bras")
    weights = {briefs.id: 3.5, bra.id: 3.5, other_bra.id: 0.0}
    fake = SimpleNamespace(mentioned_weight=lambda side, p: weights[p.id], named_scores=lambda side: [(1.0, briefs), (0.46, bra)])
    monkeypatch.setattr(compare, "catalog", lambda: fake)
    assert compare._of_the_others_kind("und dem Flow?", briefs, other_bra) == bra
    assert compare._of_the_others_kind("and the Flow?", briefs, other_bra) == bra
    assert compare._of_the_others_kind("and the Flow?", briefs, _kinded("slip-rosa", "briefs")) == briefs  # the same kind already
    weights[bra.id] = 2.0  # the side says more of the briefs' name ("Periodenslip Flow"): it stays
    assert compare._of_the_others_kind("the Flow period pants", briefs, other_bra) == briefs


def test_the_longer_guarantee_inflected():
    """"welcher hat die längere Garantie?" asks the guarantee, not the battery ("länger")."""
    short, long_ = _kinded("zange-a", "tools"), _kinded("zange-b", "tools")
    short.attributes, long_.attributes = {"warranty_years": 2, "battery_hours": 9}, {"warranty_years": 5, "battery_hours": 3}
    line = compare.comparative_line(short, long_, "Zange A oder B – welche hat die längere Garantie?", "de")
    assert line and line.index("zange-b") < line.index("zange-a") and "5" in line
    line = compare.comparative_line(short, long_, "A or B – which has the longer warranty?", "en")
    assert line and line.index("zange-b") < line.index("zange-a")


def test_a_compound_of_a_names_kind_and_variety_names_it_also_suspended(monkeypatch):
    """"Sommer- und Winterschlafsack" / "Sommerschlafsack oder Winterschlafsack": each compound joins
    a word of one title to the end of another of its words ("Kinderschlafsack Sommer")."""
    summer = _titled("schlafsack-sommer", "Kinderschlafsack Sommer 0,5 TOG")
    winter = _titled("schlafsack-winter", "Kinderschlafsack Winter 2,5 TOG")
    jacket = _titled("winterjacke-polar", "Winterjacke Polar")
    products = {p.id: p for p in (summer, winter, jacket)}
    monkeypatch.setattr(compare, "catalog", lambda: SimpleNamespace(products=products, find_named=lambda *a, **k: []))
    assert compare.named_pair("Was ist der Unterschied zwischen Ihrem Sommer- und dem Winterschlafsack?") == [summer, winter]
    assert compare.named_pair("Sommerschlafsack oder Winterschlafsack?") == [summer, winter]
    assert compare.named_pair("Winterschlafsack or the Polar jacket?")[:1] == [winter]
    assert compare.named_pair("Sommer- oder Winterreifen?") == []  # no title joins them


def test_a_name_of_words_none_of_which_names_a_product_alone(monkeypatch):
    """"dem Kompakt X bei der Saugkraft": two words together name one title though neither alone
    names a product, and what is asked after "bei der" / "in terms of" is no part of the name."""
    robot = _titled("robot-kompakt-x", "Saugroboter Kompakt X")
    other = _titled("robot-wirbel-s8", "Saugroboter Wirbelwind S8")
    products = {p.id: p for p in (robot, other)}
    monkeypatch.setattr(compare, "catalog", lambda: SimpleNamespace(products=products, find_named=lambda *a, **k: []))
    assert compare._title_run("dem Kompakt X bei der Saugkraft?", first=False) == [robot]
    assert compare._title_run("the Kompakt X in terms of suction?", first=False) == [robot]
    assert compare._title_run("Kompakt?", first=False) == []  # one weak word names nothing
    bed = _titled("bed-80", "Hundebett Wolke 80 cm")
    monkeypatch.setattr(compare, "catalog", lambda: SimpleNamespace(products={bed.id: bed}, find_named=lambda *a, **k: []))
    assert compare._title_run("80 cm?", first=False) == []  # a measure is no name ("in 60 cm im Vergleich zu 80 cm")
