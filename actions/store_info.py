"""Questions answered from the store's own facts in `store.yml` rather than from a policy text:
when the shop is open or can be called (`contact.hours`, with the policy section that says more,
e.g. hours of the season), and how one can pay (`payment_methods`) in a store whose policy texts
have no section on paying.

Every store has both in `store.yml`, but a merchant's policy files need not repeat them, and the
policy ranking alone gives "Wann haben Sie geöffnet?" to "Wann wird verschickt?" (both ask
"when"). The hours question is recognised by its wording (opening, closing, being open on a
day, being reachable by phone), whichever action the classifier chose."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import Events, reply
from actions.context import catalog
from actions.texts import say
from catalog.policies import Passage
from catalog.policy_aspects import TOPICS, question_aspects, section_aspects

_DAYS = (r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|sonnabend|wochenende|feiertag|werktag|heute|morgen|abends?)s?"
         r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|public holiday|holiday|today|tomorrow|evening)s?")
# who or what is open: the shop, its workshop or showroom, or the one addressed
_PLACE = r"(?:laden|ladengeschäft|geschäft|shop|store|filiale|werkstatt|workshop|showroom|atelier|boutique|ihr|sie|euch|you)"
_HOURS = re.compile(
    r"öffnungszeit|ladenöffnung|ladenschluss|geschäftszeit|servicezeit|telefonzeit|sprechzeit|opening (?:hours|times)"
    r"|business hours|store hours|shop hours|office hours|phone hours|closing time"
    # "Wann haben Sie geöffnet?", "Habt ihr samstags offen?", "Wie lange ist Ihr Laden geöffnet?"
    rf"|\b{_PLACE}\b[^.?!,]{{0,30}}\b(?:geöffnet|offen|auf)\s*(?:[?.!]|$)"
    rf"|\b(?:geöffnet|offen)\b[^.?!,]{{0,20}}\b(?:{_DAYS})\b|\b(?:{_DAYS})\b[^.?!,]{{0,20}}\b(?:geöffnet|offen)\b"
    r"|\bwann\b[^.?!]{0,30}\b(?:öffnet|öffnen|schließt|schließen|schliesst|schliessen|macht\w* (?:ihr |sie )?(?:auf|zu))\b"
    r"|\bbis wann\b[^.?!]{0,40}\b(?:geöffnet|offen|auf\b|anrufen|erreich\w*|telefonisch)"
    r"|\bwann\b[^.?!]{0,30}\b(?:anrufen|telefonisch erreich\w*|erreichbar)"
    r"|\b(?:seid ihr|sind sie|are you)\b[^.?!]{0,30}\b(?:erreichbar|reachable)\b"
    # "What are your opening hours?", "Is the shop open on Saturdays?", "What time do you close?"
    rf"|\b(?:are|is)\s+(?:the |your )?{_PLACE}\b[^.?!,]{{0,20}}\bopen\b"
    r"|\bwhen\b[^.?!]{0,30}\b(?:are you|is (?:the|your) \w+) open\b|\bwhen\b[^.?!]{0,30}\bopen\s*(?:[?.!]|$)"
    r"|\bwhat time\b[^.?!]{0,30}\b(?:open|close|call)\b|\bhow late\b|\bwhen do you (?:open|close)\b"
    rf"|\bopen\b[^.?!,]{{0,20}}\b(?:on|at|during)\b[^.?!,]{{0,10}}\b(?:{_DAYS})\b"
    r"|\bwhen can i (?:call|phone|ring|reach)\b|\buntil when can i (?:call|phone|reach)\b",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_OPEN_WORDS = re.compile(r"geöffnet|öffnungszeit|\boffen\b|\bopen\b|opening|geschlossen|closed|ruhetag|saison|season", re.I)


def asks_hours(text: str) -> bool:
    """Whether the message asks when the shop is open or can be reached, not about an opened item
    ("Kann ich geöffnete Ware zurückgeben?") or a product ("open-face helmet")."""
    if {"returns", "warranty", "payment"} & question_aspects(text):
        return False
    return bool(_HOURS.search(text))


def _more_hours(lang: str, hours: str) -> Passage | None:
    """A policy section in the shopper's language naming opening times the store.yml hours do not
    ("in the season daily 8:00–18:30"), or saying when the shop is closed."""
    stated = set(_TIME.findall(hours))
    best = None
    for p in catalog().policies.passages:
        if p.lang != lang or not _OPEN_WORDS.search(p.text) or not _TIME.search(p.text):
            continue
        if set(_TIME.findall(p.text)) - stated or re.search(r"geschlossen|closed|ruhetag", p.text, re.I):
            best = best or p
    return best


def answer_hours(dispatcher: CollectingDispatcher, text: str, lang: str) -> Events | None:
    """The store's hours (and e-mail and phone) when the message asks for them, else None."""
    if not asks_hours(text):
        return None
    c = catalog().config.contact
    hours = c.hours.get(lang) or next(iter(c.hours.values()))
    phone = f", {'Telefon' if lang == 'de' else 'phone'}: {c.phone}" if c.phone else ""
    lines, sources = [say("opening_hours", lang, hours=hours, email=c.email, phone=phone)], ["store.yml#contact.hours"]
    more = _more_hours(lang, hours)
    if more is not None:
        lines.append(f"{more.heading}: {more.text}" if more.heading else more.text)
        sources.append(f"policy:{more.ref}")
    reply(dispatcher, "\n".join(lines), sources=sources)
    return [SlotSet("last_topic", "policy")]


# what a question on paying asks beyond the topic; a return's, a parcel's or a guarantee's money is theirs
_PAYING = {"methods", "invoice", "instalments"}  # how, not the topic alone ("Wie lange ist der Gutschein gültig?")
_NOT_PAYING = {"returns", "shipping", "customs", "warranty", "refund", "discount", "voucher"}


def _payment_in_policies() -> bool:
    """Whether a policy text of the store is on paying (its title or a heading)."""
    return any("payment" in section_aspects(f"{p.title} {p.heading} {p.topic}") for p in catalog().policies.passages)


def answer_payment(dispatcher: CollectingDispatcher, text: str, lang: str) -> Events | None:
    """The payment methods of `store.yml` for a question on paying in a store whose policy texts
    say nothing of it ("Welche Zahlungsarten gibt es?", "Can I pay by invoice?"), else None."""
    asked = question_aspects(text)
    other_topics = asked & set(TOPICS) - {"payment", "pickup"}  # paying when collecting is paying
    if not asked & _PAYING or asked & _NOT_PAYING or other_topics or _payment_in_policies():
        return None
    methods = [m.get(lang) or next(iter(m.values())) for m in catalog().config.payment_methods]
    reply(dispatcher, say("payment_methods", lang, methods="\n".join(f"- {m}" for m in methods)), sources=["store.yml#payment_methods"])
    return [SlotSet("last_topic", "policy")]
