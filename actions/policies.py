"""Store-policy questions, answered from the store's policy texts (or a hand-off)."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions import facts
from actions.common import ShopAction, handoff_text, reply
from actions.context import catalog, focused_products, text_of
from actions.texts import say

POLICY_SIMILARITY = 0.3


class ActionAnswerPolicy(ShopAction):
    def name(self) -> str:
        return "action_answer_policy"

    def respond(self, dispatcher, tracker, lang):
        own = _product_warranty(tracker, lang)
        hits = catalog().policies.search(text_of(tracker), lang, k=2)
        if own and (not hits or hits[0][1] < POLICY_SIMILARITY):
            reply(dispatcher, own[0], sources=[own[1]])
            return [SlotSet("last_topic", "policy")]
        if not hits or hits[0][1] < POLICY_SIMILARITY:
            reply(dispatcher, say("policy_unknown", lang, handoff=handoff_text(lang)))
            return [SlotSet("last_topic", "policy")]
        best, score = hits[0]
        chosen = [best]
        if len(hits) > 1 and hits[1][1] >= score - 0.03 and hits[1][0].topic == best.topic:
            chosen.append(hits[1][0])
        text = "\n".join(f"{p.heading}: {p.text}" if p.heading else p.text for p in chosen)
        sources = [f"policy:{p.ref}" for p in chosen]
        if own:  # the product's own guarantee first, then the store's rule
            text, sources = f"{own[0]}\n{text}", [own[1], *sources]
        reply(dispatcher, text, sources=sources)
        return [SlotSet("last_topic", "policy")]


def _product_warranty(tracker, lang: str) -> tuple[str, str] | None:  # noqa: ANN001
    """(line, product id) when the question is about the guarantee of a product in focus whose
    own data states one (e.g. "5 Jahre Garantie" in its description)."""
    products = focused_products(tracker, limit=1)
    if not products:
        return None
    line = facts.answered_facts(products[0], text_of(tracker), lang).get("warranty_years")
    return (f"{products[0].name(lang)}: {line}", products[0].id) if line else None
