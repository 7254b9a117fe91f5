"""Rasa's REST channel, with one change: a message that is empty or only white space is
turned into the intent `invalid_input`, which Rasa's NLU pipeline cannot parse itself (it
fails and the shopper would get no answer at all). Same URL and protocol as Rasa's `rest`."""

from __future__ import annotations

from rasa.core.channels.rest import RestInput
from sanic.request import Request

EMPTY_MESSAGE = "/invalid_input"  # actions/context.py knows it too


class ShopRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def _extract_message(self, req: Request) -> str | None:
        text = req.json.get("message", None)
        if text is None or (isinstance(text, str) and not text.strip()):
            return EMPTY_MESSAGE
        return text if isinstance(text, str) else str(text)
