"""German or English? A small word-list detector that works on short chat messages.

General-purpose detectors (langdetect and friends) guess wildly on three-word messages such as
"und in schwarz?"; function words and umlauts are a far better signal for a two-language shop.
"""

from __future__ import annotations

import re

_DE = set(
    """aber alle als also am an auch auf aus bei bin bis bitte da das dass dem den der des die
    dies diese dieser doch du ein eine einem einen einer er es etwas für gibt gut haben habe hallo
    hat ich ihr ihre im in ist ja jetzt kann kein keine können könnte lange mein meine mir mit
    möchte nach nicht noch nur ob oder sie sind so suche und uns unter vom von vor war was welche
    welcher welches wenn wer wie wir wird wo zu zum zur über größe grösse versand danke tschüss
    schuhe jacke kostet kosten günstiger billiger farbe lieferung bestellung guten tag morgen
    abend servus moin rückgabe zurück geht gerne brauche würde wäre euch eure ihnen schon sehr
    viel warm wasserdicht teuer preis mehr weniger zweite erste dritte letzte beiden beide""".split()
)
_EN = set(
    """a about all am an and any are as at be because but by can could do does for from get
    have hello hi how i i'm if in is it its looking me my need no not of on or please show size
    so some than thanks thank that the their them there these they this those to under want was
    what when where which who why will with would yes you your shipping ship cost costs much
    cheaper colour color order return delivery arrive fit fits wear jacket shoes boots good
    morning evening bye hey great second first third last both difference compare between""".split()
)
# function words of both languages: never a product's name
STOPWORDS = frozenset(w for w in _DE | _EN if len(w) <= 6 or w in {"welcher", "welches", "bitte", "please"})
_DE_CHARS = re.compile(r"[äöüß]")


def detect_language(text: str, default: str | None = None) -> str | None:
    """'de' or 'en' for `text`, or `default` when the text gives no clear signal."""
    words = re.findall(r"[a-zäöüß']+", text.lower())
    de = sum(w in _DE for w in words) + 1.5 * len(_DE_CHARS.findall(text.lower()))
    en = sum(w in _EN for w in words)
    if de == en:
        return default
    return "de" if de > en else "en"
