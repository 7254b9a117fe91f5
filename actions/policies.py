"""Store-policy questions, answered from the section of the store's policy texts that answers
them (`catalog.policies.PolicyIndex.answer`), or "don't know" and a person.

When the question is about a product (named in the message, or the page the shopper is on), the
product's own rule wins over the shop's general one: a `warranty_years` attribute, a sentence of
its description about the guarantee or returns, a return exception of its category or tag, or a
policy section that names the product's brand or name."""

from __future__ import annotations

import re

from rasa_sdk.events import SlotSet

from actions.common import ShopAction, handoff_text, reply
from actions.context import asked_about, catalog, text_of
from actions.texts import say
from catalog.models import Product
from catalog.names import tokens
from catalog.policies import Passage
from catalog.policy_aspects import RULE_WORDS, rule_topic


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _own_sentence(product: Product, topic: str, lang: str) -> str | None:
    """The sentence of the product's description that states its own rule on `topic`."""
    for text in (product.text("description", lang), *(product.description or {}).values()):
        for sentence in _sentences(text or ""):
            if any(w in sentence.lower() for w in RULE_WORDS[topic]):
                return sentence
    return None


def _passage_naming(product: Product, passages: list[Passage], topic: str, lang: str) -> Passage | None:
    """A policy section on `topic` that names the product's brand or a rare word of its name."""
    cat = catalog()
    names = {t for t in tokens(" ".join(product.title.values())) if cat.names.is_rare(t)}
    if product.vendor:
        names |= set(tokens(product.vendor))
    for p in passages:
        words = set(tokens(f"{p.heading} {p.text}"))
        if p.lang == lang and any(w in f"{p.heading} {p.text}".lower() for w in RULE_WORDS[topic]) and names & words:
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


class ActionAnswerPolicy(ShopAction):
    def name(self) -> str:
        return "action_answer_policy"

    def respond(self, dispatcher, tracker, lang):
        text = text_of(tracker)
        product = asked_about(tracker)
        own = product_rule(product, text, lang) if product else None
        if own:
            answer, sources = own
            reply(dispatcher, answer, sources=sources)
            return [SlotSet("last_topic", "policy")]
        chosen = catalog().policies.answer(text, lang)
        if not chosen:
            reply(dispatcher, say("policy_unknown", lang, handoff=handoff_text(lang)))
            return [SlotSet("last_topic", "policy")]
        answer = "\n".join(f"{p.heading}: {p.text}" if p.heading else p.text for p in chosen)
        reply(dispatcher, answer, sources=[f"policy:{p.ref}" for p in chosen])
        return [SlotSet("last_topic", "policy")]
