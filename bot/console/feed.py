"""Which feed keeps the console's summary current: the event-broker consumer
(`bot/console/consumer.py`) when one is configured — env `SHOPBOT_EVENT_QUEUE` or `console:
event_queue:` in store.yml — else the fold on access (`summary.refresh`). With the consumer
configured, the console's pages read the summary only.

    console:
      event_queue: shopbot_events   # RabbitMQ queue Rasa's pika event broker publishes to
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/%2F"
DEFAULT_QUEUE = "shopbot_events"
DEFAULT_EXCHANGE = "rasa-exchange"  # rasa.core.brokers.pika.RABBITMQ_EXCHANGE, the fanout exchange Rasa publishes to


class FeedConfigError(ValueError):
    """`console.event_queue` is wrong; the message names the key."""


@dataclass(frozen=True)
class BrokerSettings:
    url: str = DEFAULT_AMQP_URL
    queue: str = DEFAULT_QUEUE
    exchange: str = DEFAULT_EXCHANGE

    @property
    def dead_queue(self) -> str:
        """Where messages that cannot be folded go (declared by the consumer, durable)."""
        return f"{self.queue}.dead"


def store_queue(store: Path | str | None) -> str | None:
    """`console.event_queue` of the store's store.yml, None when not set (or no store.yml)."""
    if store is None:
        return None
    path = Path(store) / "store.yml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError:
        return None
    except yaml.YAMLError as exc:
        raise FeedConfigError(f"{path}: {exc}") from exc
    console = raw.get("console") if isinstance(raw, dict) else None
    value = console.get("event_queue") if isinstance(console, dict) else None
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise FeedConfigError(f"{path}: console.event_queue: {value!r} is not a queue name")
    return value.strip()


def broker_settings(store: Path | str | None = None) -> BrokerSettings:
    """The consumer's settings: `SHOPBOT_AMQP_URL`, `SHOPBOT_EVENT_QUEUE` (else store.yml's
    `console.event_queue`, else `shopbot_events`) and `SHOPBOT_EVENT_EXCHANGE`."""
    env = os.environ
    queue = env.get("SHOPBOT_EVENT_QUEUE") or store_queue(store) or DEFAULT_QUEUE
    return BrokerSettings(env.get("SHOPBOT_AMQP_URL") or DEFAULT_AMQP_URL, queue, env.get("SHOPBOT_EVENT_EXCHANGE") or DEFAULT_EXCHANGE)


def consumer_configured(store: Path | str | None) -> bool:
    """Whether the consumer keeps the summary current (then the console does not fold on access)."""
    return bool(os.environ.get("SHOPBOT_EVENT_QUEUE")) or store_queue(store) is not None
