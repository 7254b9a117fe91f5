"""The `shopbot` command: global options, `shopbot run`, and the subcommands of the catalog
(`catalog/commands.py`) and the orders (`orders/commands.py`).

    shopbot catalog import | build | stats | status | show ID     the catalog, its index, one product's facts
    shopbot merchant token create NAME | list | revoke ID    merchant API tokens
    shopbot store check             validate store.yml
    shopbot orders migrate | seed | show N | list EMAIL | status N STATUS    orders
    shopbot console user add | export | purge | gdpr ...   support console (bot/console/commands.py)
    shopbot run                     start Rasa, the action server and the web page
    shopbot cluster [--replicas N]  start the cluster: N Rasa, action and web servers behind nginx (bot/cluster.py), data in <data>/cluster
"""

from __future__ import annotations

import argparse
import os
import sys

from bot.console.commands import add_commands as add_console_commands
from catalog.commands import add_commands as add_catalog_commands
from catalog.embedder import DEFAULT_EMBEDDER
from catalog.store import StoreConfigError
from orders.commands import add_commands as add_order_commands


def cmd_run(args: argparse.Namespace) -> int:
    from bot.stack import run_stack

    return run_stack(store=args.store, data=args.data)


def cmd_cluster(args: argparse.Namespace) -> int:
    from bot.cluster import run_cluster

    return run_cluster(store=args.store, data=os.path.join(args.data, "cluster"), replicas=args.replicas)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shopbot", description="shopbot: a conversational shopping assistant")
    parser.add_argument("--store", default=os.environ.get("SHOPBOT_STORE", "stores/demo"), help="store folder (env SHOPBOT_STORE)")
    parser.add_argument("--data", default=os.environ.get("SHOPBOT_DATA", "var"), help="where indexes are kept (env SHOPBOT_DATA)")
    parser.add_argument("--embedder", default=os.environ.get("SHOPBOT_EMBEDDER", DEFAULT_EMBEDDER), help="'use' or 'st:<model dir>'")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    commands = parser.add_subparsers(dest="command", required=True)
    add_catalog_commands(commands)
    commands.add_parser("run", help="start the whole stack").set_defaults(func=cmd_run)
    cluster = commands.add_parser("cluster", help="start the cluster (PostgreSQL, Redis, RabbitMQ, nginx) in the foreground")
    cluster.add_argument("--replicas", type=int, default=2, help="Rasa, action and web servers of each kind (default 2)")
    cluster.set_defaults(func=cmd_cluster)
    add_order_commands(commands)
    add_console_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreConfigError as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
