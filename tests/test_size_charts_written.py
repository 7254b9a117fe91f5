"""Size charts and rules as shops write them: a table written across whose sizes carry a unit
("Frame size: 50 cm, 53 cm …"), the heights a shop writes for its kids' sizes, and the rule
between two sizes or measures in other words ("if your waist fits two sizes", "take size 1",
"weight and chest matter more than height"); German and English."""

from __future__ import annotations

import pytest

from actions.size_chart_answer import chart_answer
from catalog.measurements import find_measurements
from catalog.size_advice import between_rule, deciding_measure
from tests.test_size_merchant import _product

FRAMES = ["50 cm", "53 cm", "56 cm", "58 cm"]
ACROSS = {
    "en": """<p>Gravel bike.</p><table>
<tr><th>Frame size</th><td>50 cm</td><td>53 cm</td><td>56 cm</td><td>58 cm</td></tr>
<tr><th>Rider height</th><td>160–168 cm</td><td>168–175 cm</td><td>175–182 cm</td><td>182–189 cm</td></tr>
<tr><th>Inside leg</th><td>74–78 cm</td><td>78–82 cm</td><td>82–86 cm</td><td>86–90 cm</td></tr>
</table><p>If your height and inside leg point to different sizes, go by your inside leg.</p>""",
    "de": """<p>Trekkingrad.</p><table>
<tr><th>Rahmenhöhe</th><td>50 cm</td><td>53 cm</td><td>56 cm</td><td>58 cm</td></tr>
<tr><th>Körpergröße</th><td>160–168 cm</td><td>168–175 cm</td><td>175–182 cm</td><td>182–189 cm</td></tr>
<tr><th>Schrittlänge</th><td>74–78 cm</td><td>78–82 cm</td><td>82–86 cm</td><td>86–90 cm</td></tr>
</table><p>Entscheidend ist die Schrittlänge.</p>""",
}


@pytest.mark.parametrize(
    ("lang", "question", "want"),
    [
        ("en", "I'm 178 cm with an 84 cm inside leg. Which frame size?", "size 56 cm"),
        ("en", "I'm 186 cm but my inseam is only 84 cm. Which size?", "I recommend size 56 cm"),
        ("de", "Ich bin 163 cm groß, Schrittlänge 76 cm. Welche Rahmenhöhe?", "Größe 50 cm"),
        (
            "de",
            "Ich bin 186 cm groß, Schrittlänge 84 cm. Welche Größe?",
            "Ich empfehle Größe 56 cm",
        ),
    ],
)
def test_a_table_written_across_with_sizes_in_cm(lang: str, question: str, want: str) -> None:
    bike = _product(FRAMES, ACROSS[lang], lang=lang)
    answer = chart_answer(bike, find_measurements(question), question, lang, "EUR")
    assert answer is not None and want in answer


KIDS = {
    "de": "Kinder-Neoprenanzug. Die Größe entspricht der Körpergröße: 116 (110–122 cm), 128 (122–134 cm), 140 (134–146 cm), 152 (146–158 cm).",
    "en": "Kids' wetsuit. Sizes by height: 116 (110–122 cm), 128 (122–134 cm), 140 (134–146 cm), 152 (146–158 cm).",
}


@pytest.mark.parametrize(
    ("lang", "question", "want"),
    [
        ("de", "Mein Sohn ist 130 cm groß.", "Größe 128"),
        ("en", "My daughter is 1.45 m tall.", "size 140"),
    ],
)
def test_the_heights_a_shop_writes_for_its_kids_sizes_win_over_the_usual_rule(
    lang: str, question: str, want: str
) -> None:
    suit = _product(["116", "128", "140", "152"], KIDS[lang], lang=lang)
    answer = chart_answer(suit, find_measurements(question), question, lang, "EUR")
    assert answer is not None and want in answer
    assert (
        "zwischen" not in answer and "between" not in answer
    )  # inside one written span, not between two sizes


@pytest.mark.parametrize(
    ("lang", "sizes", "sentence", "want"),
    [
        (
            "en",
            ["S/M", "M/L", "L/XL"],
            "If your waist fits two sizes, choose the smaller one.",
            "smaller",
        ),
        (
            "de",
            ["S/M", "M/L", "L/XL"],
            "Passt Ihr Bauchumfang in zwei Größen, wählen Sie die kleinere.",
            "smaller",
        ),
        (
            "en",
            ["1", "2"],
            "If you are between sizes, take size 1 and use the adjustment wheel.",
            "smaller",
        ),
        ("de", ["1", "2"], "Liegen Sie zwischen zwei Größen, nehmen Sie Größe 2.", "larger"),
        (
            "en",
            ["S", "M", "L"],
            "If you are between sizes, take size M.",
            None,
        ),  # a size in the middle is no rule
    ],
)
def test_the_rule_between_two_sizes_in_other_words(
    lang: str, sizes: list[str], sentence: str, want: str | None
) -> None:
    rule = between_rule(_product(sizes, f"Gurt. {sentence}", lang=lang), lang)
    assert (rule[0] if rule else None) == want


@pytest.mark.parametrize(
    ("lang", "sentence", "want"),
    [
        ("en", "Between sizes? Weight and chest matter more than height.", "weight"),
        (
            "de",
            "Zwischen zwei Größen? Gewicht und Brustumfang sind wichtiger als die Körpergröße.",
            "weight",
        ),
        ("en", "Your chest counts more than your height.", "chest"),
    ],
)
def test_the_measures_that_matter_more_decide(lang: str, sentence: str, want: str) -> None:
    rule = deciding_measure(_product(["S", "M", "L"], f"Neoprenanzug. {sentence}", lang=lang), lang)
    assert rule is not None and rule[0] == want
