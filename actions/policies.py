"""Store-policy questions, answered from the section of the store's policy texts that answers
them (`catalog.policies.PolicyIndex.answer`), or "don't know" and a person.

When the question is about a product (named in the message, or the page the shopper is on), the
product's own rule wins over the shop's general one: a `warranty_years` attribute, a sentence of
its description about the guarantee or returns, a return exception of its category or tag, or a
policy section that names the product's brand or name."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import facts
from actions.common import Events, ShopAction, handoff_text, reply
from actions.context import asked_about, catalog, metadata, text_of
from actions.policy_verdict import verdict
from actions.store_info import answer_hours, answer_payment
from actions.texts import say
from catalog.lexicon import find_country
from catalog.models import Product
from catalog.names import tokens
from catalog.policies import MIN_SCORE as POLICY_MIN_SCORE
from catalog.policies import Passage, _stems
from catalog.policy_aspects import RULE_WORDS, TOPICS, question_aspects, rule_topic, section_aspects
from catalog.sentences import split_sentences
from catalog.shared_words import content_words, shares_word
from orders.parse import find_order_number


def _own_sentence(product: Product, topic: str, lang: str) -> str | None:
    """The sentence of the product's description that states its own rule on `topic`."""
    for text in (product.text("description", lang), *(product.description or {}).values()):
        for sentence in split_sentences(text or "", min_chars=1):
            if any(w in sentence.lower() for w in RULE_WORDS[topic]):
                return sentence
    return None


_UMLAUTS = str.maketrans("äöüß", "aous")


def _kind_words(product: Product) -> set[str]:
    """What the product is, in words of its names and tags ("tent", "kuppelzelt", "backpack")."""
    words = tokens(" ".join([*product.title.values(), *(t.replace("-", " ") for t in product.tags)]))
    return {w.translate(_UMLAUTS) for w in words if len(w) >= 4 and not w.isdigit()}


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _same_kind(passage_words: set[str], kinds: set[str]) -> bool:
    """A passage word names the product's kind: "Zelte" the "Kuppelzelt", "backpacks" a
    "backpack", "Gartenscheren" a "Heckenschere" (German compounds with the same last part)."""
    for word in passage_words:
        base = word.translate(_UMLAUTS)
        forms = {base} | {base[: -len(e)] for e in ("en", "e", "s", "n") if base.endswith(e)}  # plurals
        for form in (f for f in forms if len(f) >= 4):
            if any(_common_tail(k, form) >= min(len(form), 5) for k in kinds):
                return True
    return False


def _passage_naming(product: Product, passages: list[Passage], topic: str, lang: str) -> Passage | None:
    """A policy section on `topic` that names the product's brand or a rare word of its name and
    its kind ("5-year guarantee on Bergfink tents" for a Bergfink tent, not a Bergfink beanie)."""
    cat = catalog()
    names = {t for t in tokens(" ".join(product.title.values())) if cat.names.is_rare(t)}
    if product.vendor:
        names |= set(tokens(product.vendor))
    kinds = _kind_words(product)
    for p in passages:
        text = f"{p.heading} {p.text}"
        words = set(tokens(text))
        if p.lang == lang and any(w in text.lower() for w in RULE_WORDS[topic]) and names & words and _same_kind(words - names, kinds):
            return p
    return None


def product_rule(product: Product, question: str, lang: str) -> tuple[str, list[str]] | None:
    """(answer, sources) when the product has its own rule on what the question asks, else None."""
    topic = rule_topic(question)
    if topic is None:
        return None
    cat = catalog()
    name = product.name(lang)
    if topic == "warranty" and isinstance(years := product.attributes.get("warranty_years"), (int, float)):
        from_text = (product.fact_sources or {}).get("warranty_years", {}).get("origin") == "text"
        line = facts.answered_facts(product, question, lang).get("warranty_years") if from_text else None
        if line:  # read from the description: the line quotes its sentence
            return f"{name}: {line}", [product.id]
        return say("product_warranty_years", lang, product=name, years=f"{years:g}"), [product.id]
    if topic == "returns":
        for exc in cat.config.returns.exceptions:
            if exc.category == product.category or (exc.tag and exc.tag in product.tags):
                reason = exc.reason.get(lang) or next(iter(exc.reason.values()))
                return say("product_return_exception", lang, product=name, reason=reason), [product.id, "store.yml#returns.exceptions"]
    sentence = _own_sentence(product, topic, lang)
    if sentence:
        return say("product_own_rule", lang, product=name, sentence=sentence), [product.id]
    passage = _passage_naming(product, cat.policies.passages, topic, lang)
    if passage:
        return f"{passage.heading}: {passage.text}", [product.id, f"policy:{passage.ref}"]
    return None


def _brands() -> set[str]:
    """Words of the catalog's brand names, once per catalog version."""
    cat = catalog()
    brands = getattr(cat, "_policy_brands", None)
    if brands is None:
        brands = {w for p in cat.products.values() if p.vendor for w in tokens(p.vendor) if len(w) >= 4}
        cat._policy_brands = brands  # type: ignore[attr-defined]
    return brands


def general_answer(question: str, lang: str, product: Product | None) -> list[Passage]:
    """The passages that answer the question. About a product, a section on another brand's or
    kind's own rule ("10-year guarantee on Schnittwerk pruning shears" for gloves) is passed over."""
    cat = catalog()
    chosen = cat.policies.answer(question, lang)
    topic = rule_topic(question)
    if product is None or topic is None or not chosen:
        return chosen
    brands = _brands()

    def applies(p: Passage) -> bool:
        words = set(tokens(f"{p.heading} {p.text}"))
        return not (words & brands) or _passage_naming(product, [p], topic, lang) is not None

    if all(applies(p) for p in chosen):
        return chosen
    hits = cat.policies.search(question, lang, k=4)
    return [p for p, score in hits if score >= POLICY_MIN_SCORE and applies(p)][:1]


def section_lines(question: str, chosen: list[Passage], lang: str) -> list[str]:
    """The chosen sections as lines, a yes/no question's plain "No." / "Yes." first (`policy_verdict`)."""
    lines = [f"{p.heading}: {p.text}" if p.heading else p.text for p in chosen]
    if lines and (plain := verdict(question, chosen, lang)):
        lines[0] = f"{plain} {lines[0]}"
    return lines


def answer_policy(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events:
    """The product's own rule, else the section that answers, else "don't know" and a person."""
    text = text_of(tracker)
    if (events := answer_hours(dispatcher, text, lang) or answer_payment(dispatcher, text, lang)) is not None:
        return events  # "Wann haben Sie geöffnet?", "Welche Zahlungsarten gibt es?": the store's own facts
    from actions.compare import ActionCompareProducts, asked_pair  # noqa: PLC0415 (it imports actions.search)

    if _WHICH.search(text) and len(asked_pair(text)) == 2:  # "X oder Y – welcher hat die längere Garantie?": a comparison
        return ActionCompareProducts().respond(dispatcher, tracker, lang)
    product = asked_about(tracker)
    own = product_rule(product, text, lang) if product else None
    if own:
        answer, sources = own
        reply(dispatcher, answer, sources=sources)
        return [SlotSet("last_topic", "policy")]
    from actions.product_questions import ActionProductInfo, page_property, text_answers  # noqa: PLC0415 (it imports actions.search)

    if page_property(tracker, lang):  # "Is there a crash replacement deal?" on a helmet's page: the helmet's text says
        return ActionProductInfo().respond(dispatcher, tracker, lang)
    if product is not None and not question_aspects(text) & set(TOPICS) and text_answers(product, text, lang):
        return ActionProductInfo().respond(dispatcher, tracker, lang)  # "How long can I wear the period pants?": no shop rule named, its text says
    contact = bool(_CONTACT.search(text))  # the ways to reach the shop are in store.yml, not always in the policies
    if product is None and not contact and not question_aspects(text):
        from actions.conversation import names_a_category  # noqa: PLC0415 (it imports this module's neighbours)
        from actions.search import show_results  # noqa: PLC0415

        found = catalog().search(text)
        if names_a_category(found):  # "a long line for recall training": no policy asked, a kind of product the shop sells named
            return show_results(dispatcher, found, lang)
    chosen = general_answer(text, lang, product)
    if not chosen and not contact and product is not None and not question_aspects(text):
        # "Wie wird der Bezug verschlossen?" on its page: no policy topic asked, none answers; a question about the product
        return ActionProductInfo().respond(dispatcher, tracker, lang)
    if not chosen and not contact:
        reply(dispatcher, say("policy_unknown", lang, handoff=handoff_text(lang)))
        return [SlotSet("last_topic", "policy")]
    lines = section_lines(text, chosen, lang)
    sources = [f"policy:{p.ref}" for p in chosen]
    if contact:
        lines, sources = [*lines, handoff_text(lang)], [*sources, "store.yml#contact"]
    reply(dispatcher, "\n".join(lines), sources=sources)
    return [SlotSet("last_topic", "policy")]


# which of two products: "X oder Y – welcher hat die längere Garantie?" (not "Can I return X or Y?")
_WHICH = re.compile(r"\b(?:welche[rsnm]?|which(?: one)?|wer von|unterschied\w*|difference|vergleich\w*|compar\w*)\b", re.I)


# a question, not a request: "Can I exchange a ring for another size?", "Kostet der Umtausch etwas?"
_QUESTION = re.compile(
    r"\?\s*$|^\s*(?:can|could|may|do|does|is|are|will|kann|könnte|darf|muss|geht|gibt|ist|sind|kostet|wie)\b", re.I)


def rules_asked(text: str, lang: str) -> list[str]:
    """The policy sections answering a return or exchange message that asks about the rules
    ("can I exchange it for a bigger size, and does that cost anything?"): said before the order
    number is asked for, so a shopper without an order gets the answer too; empty for a request
    ("Ich möchte die Schuhe umtauschen") or a message giving an order number."""
    if not _QUESTION.search(text) or find_order_number(text):
        return []
    return section_lines(text, general_answer(text, lang, None), lang)


# a request for products, not a question on the shop's rules: "Haben Sie …?", "looking for …", "which …?";
# "gibt es da was?" / "is there anything for that?" asks about what was just said
_REQUEST = re.compile(
    r"\b(?:such\w*|looking for|look for|haben sie|habt ihr|have you got|do you (?:have|sell|carry|stock)|führen sie|verkaufen sie"
    r"|was haben|zeig\w*|show|recommend\w*|empfehl\w*|brauche|need|welche[rsnm]?|which|what)\b"
    r"|\b(?:gibt es|is there|are there)\b(?!\s+(?:(?:was|etwas|anything|something)\s+)?(?:da|dafür|for (?:that|this))\b)", re.I)
# a message the classifier took for a search that a policy section answers this well is a policy question
# (off a product page): the shop's own answers score 0.68–0.71, product requests phrased as a question below 0.65
SEARCH_POLICY_SCORE = 0.65


# a question to the shop about a service it may offer ("Can you shorten the sleeves?", "Könnt ihr eine
# Gitarre umbauen?", "Do you do saddle fitting?") or on an appointment ("Brauche ich einen Termin?")
_SERVICE = re.compile(r"\b(?:can|could|will|would|do) you\b|\b(?:könnt|macht|bietet|übernehmt|repariert) ihr\b"
                      r"|\b(?:können|machen|bieten|übernehmen|reparieren) sie\b", re.I)
_APPOINTMENT = re.compile(r"termin|appointment|voranmeld|\bbook|buchen", re.I)
# such a question, or one on a policy aspect (cost, returns, exchange …), is answered by a section
# scoring this well: "Kostet das Kürzen einer Hose extra?" -> "Kostenlose Änderungen" (0.57);
# requests for products asking no aspect score below (sizes aside: "fitted sheet for a topper?")
SERVICE_POLICY_SCORE = 0.42


def _service_question(text: str) -> bool | None:
    """None for no question to the shop (a request for products), else whether it asks a service
    or a policy aspect (see `SERVICE_POLICY_SCORE`)."""
    appointment = bool(_APPOINTMENT.search(text))
    if not _QUESTION.search(text) or (_REQUEST.search(text) and not appointment):
        return None
    return appointment or bool(_SERVICE.search(text)) or bool(question_aspects(text) - {"sizes"})


def policy_asked_in_search(text: str, lang: str) -> bool:
    """A question, not a request for products, that a policy section answers clearly ("Kann ich eine
    Trage ausleihen?" -> "Tragen ausleihen", "How often should I wash a down duvet?" -> the care section);
    a question on a service or a policy aspect needs less ("Can you shorten the sleeves of my leather suit?")."""
    service = _service_question(text)
    if service is None:
        return _is_there_a_rule(text, lang)
    hits = catalog().policies.search(text, lang, k=1)
    return bool(hits) and hits[0][1] >= (SERVICE_POLICY_SCORE if service else SEARCH_POLICY_SCORE)


def _names_its_subject(text: str, passage: Passage) -> bool:
    """The section's heading names what the question asks about by a word of its own, not a topic
    or a country ("Was kostet eine Anprobe?" -> "Anprobe-Termin"; "How do I file my tax return?"
    shares only "return" with "How long do I have to return …")."""
    return bool(_subject_words(text, passage, compounds=True))


def _subject_words(text: str, passage: Passage, compounds: bool = False) -> set[str]:
    """The question's words the heading names by the same five letters; with `compounds` also a
    word of four or more letters a heading word is a form or compound of ("Miete" -> "Mietkauf",
    "fill" -> "Fill station", "embroider" -> "Embroidery")."""
    shared = _stems(text) & _stems(passage.heading)
    return {w for w in re.findall(r"[a-zäöüß]{4,}", text.lower())
            if ((len(w) >= 5 and w[:5] in shared) or (compounds and w in content_words(w) and shares_word({w}, passage.heading)))
            and not question_aspects(w) and not section_aspects(w) and not find_country(w)}


# "Gibt es …?" / "Is there …?" asks for products or for a rule ("Gibt es einen Crash-Ersatz, wenn ich stürze?")
_IS_THERE = re.compile(r"\b(?:gibt es|gibt's|gibts|is there|are there)\b", re.I)
# such a question whose subject a heading names by a word of no product is answered by a section scoring
# this well (a heading's own subject: "Crash-Ersatz für Helme" 0.67; between the two thresholds above)
IS_THERE_POLICY_SCORE = 0.5


def _is_there_a_rule(text: str, lang: str) -> bool:
    """"Gibt es einen Crash-Ersatz, wenn ich mit dem Helm stürze?": asked like a request for products,
    but the best section's heading names what is asked ("Crash-Ersatz für Helme") by a word no
    product's name has, and the section answers clearly."""
    if not _QUESTION.search(text) or not _IS_THERE.search(text) or _REQUEST.search(_IS_THERE.sub(" ", text)):
        return False
    if re.search(r"\d", text):  # a size or an amount asks for a version: "Gibt es die Mütze für 62 cm Kopfumfang?"
        return False
    hits = catalog().policies.search(text, lang, k=1)
    if not hits or hits[0][1] < IS_THERE_POLICY_SCORE:
        return False
    named = _title_stems()
    return any(w[:5] not in named for w in _subject_words(text, hits[0][0]))


def _title_stems() -> set[str]:
    """The first five letters of every word of the catalog's product names and tags, once per catalog version."""
    cat = catalog()
    stems = getattr(cat, "_policy_title_stems", None)
    if stems is None:
        words = (" ".join([*p.title.values(), *getattr(p, "tags", ())]) for p in cat.products.values())
        stems = {t[:5] for text in words for t in tokens(text) if len(t) >= 5}
        cat._policy_title_stems = stems  # type: ignore[attr-defined]
    return stems


def answer_refused_service(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str) -> Events | None:
    """A question the classifier took for chat that asks the shop, off a product page, about a
    service or a policy aspect, answered by a section whose heading names its subject ("Was kostet
    ein Cello zur Miete?", "Wie messe ich meinen Kopfumfang?"); else None."""
    text = text_of(tracker)
    if metadata(tracker).get("product_id") or _service_question(text) is None or not (hits := catalog().policies.search(text, lang, k=1)):
        return None  # a request for products or no question
    passage, score = hits[0]
    if score < SERVICE_POLICY_SCORE or not _names_its_subject(text, passage):
        return None
    chosen = general_answer(text, lang, None) or [passage]
    reply(dispatcher, "\n".join(section_lines(text, chosen, lang)), sources=[f"policy:{p.ref}" for p in chosen])
    return [SlotSet("last_topic", "policy")]


def answer_searched_policy(dispatcher: CollectingDispatcher, text: str, lang: str) -> Events | None:
    """The policy sections answering a message about to be shown search results, when it is a
    policy question (`policy_asked_in_search`); else None."""
    chosen = general_answer(text, lang, None) if policy_asked_in_search(text, lang) else []
    if not chosen:
        return None
    reply(dispatcher, "\n".join(section_lines(text, chosen, lang)), sources=[f"policy:{p.ref}" for p in chosen])
    return [SlotSet("last_topic", "policy")]


# "how do I reach your customer service?", "Telefonnummer?", "contact you"
_CONTACT = re.compile(
    r"\b(erreich\w*|kontakt\w*|contact\w*|reach (you|your|someone)|kundenservice|kundendienst|customer (service|support|care)"
    r"|telefonnummer|phone number|hotline|e-?mail-?adresse|e-?mail address|anrufen|call you)\b", re.I)


class ActionAnswerPolicy(ShopAction):
    def name(self) -> str:
        return "action_answer_policy"

    def respond(self, dispatcher, tracker, lang):
        return answer_policy(dispatcher, tracker, lang)
