"""A conversation nobody could take live, sent on as a ticket: a JSON POST to the helpdesk's
webhook (`console.ticket_webhook` in store.yml), else (or when the webhook fails) an e-mail to
the shop's `contact.email`, written as an `.eml` file into `<data>/outbox/` for the shop's mail
setup to pick up (there is no mail server here)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import asdict, dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import requests

logger = logging.getLogger(__name__)
WEBHOOK_TIMEOUT = 5.0  # seconds; the shopper waits for this answer


@dataclass
class Ticket:
    number: str  # e.g. CHAT-12, quoted to the shopper
    conversation_id: str
    reason: str  # asked | dont_know
    why_not_live: str  # outside_hours | no_agent
    language: str
    page: str | None
    shop: str
    messages: list[dict] = field(default_factory=list)  # {"from": "shopper"|"bot", "text": ..., "at": unix time}

    @property
    def subject(self) -> str:
        why = "outside service hours" if self.why_not_live == "outside_hours" else "no agent online"
        return f"[{self.shop or 'shop'}] Chat {self.number}: a shopper asked for a person ({why})"

    def body(self) -> str:
        lines = [f"Conversation {self.conversation_id} ({self.language}), page: {self.page or 'unknown'}", ""]
        for m in self.messages:
            when = dt.datetime.fromtimestamp(m.get("at") or 0, dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            lines.append(f"{when} {'Shopper' if m.get('from') == 'shopper' else 'Bot'}: {m.get('text', '')}")
        return "\n".join(lines) + "\n"


def post_webhook(url: str, ticket: Ticket) -> None:
    """POSTs the ticket as JSON; raises on a network error or a non-2xx answer."""
    payload = {**asdict(ticket), "subject": ticket.subject, "body": ticket.body()}
    response = requests.post(url, json=payload, timeout=WEBHOOK_TIMEOUT)
    response.raise_for_status()


def write_eml(outbox: Path, to: str, ticket: Ticket, now: dt.datetime | None = None) -> Path:
    """The ticket as an e-mail to the shop (the conversation as text and attached as JSON)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    msg = EmailMessage()
    msg["From"] = to
    msg["To"] = to
    msg["Subject"] = ticket.subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid("shopbot")
    msg.set_content(ticket.body())
    msg.add_attachment(
        json.dumps(asdict(ticket), ensure_ascii=False, indent=2).encode(), maintype="application", subtype="json",
        filename=f"conversation-{ticket.number}.json",
    )  # fmt: skip
    outbox.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", ticket.number)
    path = outbox / f"{now.strftime('%Y%m%dT%H%M%S')}-{safe}.eml"
    path.write_bytes(bytes(msg))
    return path


def send_ticket(ticket: Ticket, webhook: str | None, email: str, outbox: Path) -> str:
    """Sends the ticket on; where it went (the webhook URL or the .eml path). A failing webhook
    falls back to the outbox, so the conversation is never lost."""
    if webhook:
        try:
            post_webhook(webhook, ticket)
            return webhook
        except requests.RequestException as exc:
            logger.warning("ticket %s: webhook %s failed (%s); written to the outbox instead", ticket.number, webhook, exc)
    return str(write_eml(outbox, email, ticket))
