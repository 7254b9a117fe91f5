"""Message metadata at the channel boundary: what the page may send, and who sent it.

The widget (and any client) sends metadata with each message: `language`, `product_id`,
`country`, `page_type`, `order_number`, `cart`, `page_url`. A value of the wrong type or
length is dropped with a log line, never passed on to the actions, so a list where a
product id belongs cannot crash an answer. Unknown keys are kept when they are short
scalars.

`CLIENT_KEY` carries the client's IP address to the actions (for the order-proof limits). The
channel always overwrites it: a shopper cannot choose it. `X-Forwarded-For` is read only when
the peer is a trusted proxy (`store.yml` `security.trusted_proxies`), from the right, so a
client cannot put its own address into the header in front of the proxy's.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError, conint, conlist, constr, parse_obj_as

CLIENT_KEY = "shopbot_client"
MAX_UNKNOWN_CHARS = 200
log = logging.getLogger(__name__)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class CartLine(BaseModel):
    product_id: constr(strict=True, max_length=100)  # type: ignore[valid-type]
    sku: constr(strict=True, max_length=64) | None = None  # type: ignore[valid-type]
    quantity: conint(ge=0, le=999) = 1  # type: ignore[valid-type]


FIELDS: dict[str, Any] = {
    "language": constr(strict=True, regex=r"^(de|en)$"),
    "product_id": constr(strict=True, max_length=100),
    "product_name": constr(strict=True, max_length=200),
    "country": constr(strict=True, regex=r"^[A-Za-z]{2}$"),
    "page_type": constr(strict=True, max_length=30),
    "order_number": constr(strict=True, max_length=20),
    "page_url": constr(strict=True, max_length=500),
    "cart": conlist(CartLine, max_items=100),
}


def clean(raw: Any, sender: str = "?") -> dict[str, Any]:
    """The metadata a message may carry to the actions; everything else is dropped (and logged)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        log.warning("metadata of %s dropped: expected an object, got %s", sender[:100], type(raw).__name__)
        return {}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == CLIENT_KEY:
            continue  # only the channel sets it
        kind = FIELDS.get(key)
        if kind is None:
            if isinstance(key, str) and len(key) <= 50 and (value is None or isinstance(value, (bool, int, float))
                                                            or isinstance(value, str) and len(value) <= MAX_UNKNOWN_CHARS):  # fmt: skip
                out[key] = value
            else:
                log.warning("metadata of %s: %r dropped (unknown key with a long or nested value)", sender[:100], str(key)[:50])
            continue
        if value is None:  # "not on a product page"
            out[key] = None
            continue
        try:
            parsed = parse_obj_as(kind, value)
        except ValidationError as exc:
            reason = exc.errors()[0]["msg"]
            log.warning("metadata of %s: %s dropped (%s, got %s)", sender[:100], key, reason, type(value).__name__)
            continue
        out[key] = [line.dict() for line in parsed] if key == "cart" else parsed
    return out


def networks(entries: Iterable[str]) -> list[Network]:
    return [ipaddress.ip_network(e, strict=False) for e in entries]


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_address(peer: str | None, forwarded_for: str | None, trusted: list[Network]) -> str:
    """The client's IP address: the peer, or behind trusted proxies the rightmost address in
    `X-Forwarded-For` that is not a trusted proxy itself."""
    current = _ip(peer or "")
    if current is None:
        return (peer or "unknown")[:64]
    for hop in reversed((forwarded_for or "").split(",") if forwarded_for else []):
        if not any(current in net for net in trusted):
            break
        previous = _ip(hop)
        if previous is None:
            break  # garbage in the header: the last trusted hop is all we know
        current = previous
    return str(current)
