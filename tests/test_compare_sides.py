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
