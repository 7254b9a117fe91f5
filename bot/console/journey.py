"""The customer-journey stages a conversation reached, from its intents and the page each
message was sent from (the widget's `page_type`): the first piece of the journey analytics
(issue 15). Advocacy: the bot has no review invitation yet, so the signal is the shopper's
thumbs up on an answer (a positive rating, `console_ratings`); it is read from that table at
query time, because a rating can be taken back."""

from __future__ import annotations

STAGES = ("awareness", "consideration", "purchase", "post_purchase", "advocacy")
FOLDED = STAGES[:4]  # folded from events; advocacy comes from the ratings table
BY_INTENT = {
    "greet": "awareness", "bot_challenge": "awareness",
    "search_product": "consideration", "refine_search": "consideration", "select_product": "consideration",
    "ask_size": "consideration", "ask_product_fit": "consideration", "ask_product_info": "consideration",
    "compare_products": "consideration", "ask_shipping": "consideration",
    "order_status": "post_purchase", "return_item": "post_purchase", "exchange_item": "post_purchase",
    "cancel_order": "post_purchase",
}  # fmt: skip
BY_PAGE = {"home": "awareness", "category": "awareness", "product": "consideration", "cart": "purchase",
           "checkout": "purchase", "thanks": "post_purchase"}  # fmt: skip


def stages_of(intent: str | None, metadata: dict) -> set[str]:
    """The stages one shopper message shows: its intent's and its page's (a non-empty cart means purchase)."""
    found = set()
    if intent in BY_INTENT:
        found.add(BY_INTENT[intent])
    page = metadata.get("page_type")
    if isinstance(page, str) and page in BY_PAGE:
        found.add(BY_PAGE[page])
    if isinstance(metadata.get("cart"), list) and metadata["cart"]:
        found.add("purchase")
    return found
