"""Store-policy questions, answered from the store's policy texts (or a hand-off)."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from actions.common import ShopAction, handoff_text, reply
from actions.context import catalog, text_of
from actions.texts import say

POLICY_SIMILARITY = 0.3


class ActionAnswerPolicy(ShopAction):
    def name(self) -> str:
        return "action_answer_policy"

    def respond(self, dispatcher, tracker, lang):
        hits = catalog().policies.search(text_of(tracker), lang, k=2)
        if not hits or hits[0][1] < POLICY_SIMILARITY:
            reply(dispatcher, say("policy_unknown", lang, handoff=handoff_text(lang)))
            return [SlotSet("last_topic", "policy")]
        best, score = hits[0]
        chosen = [best]
        if len(hits) > 1 and hits[1][1] >= score - 0.03 and hits[1][0].topic == best.topic:
            chosen.append(hits[1][0])
        text = "\n".join(f"{p.heading}: {p.text}" if p.heading else p.text for p in chosen)
        reply(dispatcher, text, sources=[f"policy:{p.ref}" for p in chosen])
        return [SlotSet("last_topic", "policy")]
