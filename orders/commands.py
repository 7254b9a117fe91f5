"""`shopbot orders ...`: migrate, (re)seed the demo orders, look at an order, move it along.

    shopbot orders migrate                      create / upgrade the orders tables (Alembic)
    shopbot orders seed [--if-empty]            replace the store's orders with the demo orders
    shopbot orders show NUMBER                  an order with its items, returns and exchanges
    shopbot orders list EMAIL                   the orders of one e-mail address
    shopbot orders status NUMBER STATUS [--carrier C] [--tracking T]   merchant: update status / tracking
"""

from __future__ import annotations

import argparse
import json
import sys

from orders.api import STATUSES, Order, OrderError
from orders.sql import SqlOrders
from orders.validation import InvalidInput


def _backend(args: argparse.Namespace) -> SqlOrders:
    return SqlOrders.open(args.store, args.data)


def order_json(order: Order) -> dict:
    """An order as plain JSON (dates ISO 8601), for the command and the merchant API."""
    data = {k: getattr(order, k) for k in order.__dataclass_fields__ if k != "items"}
    for key, value in data.items():
        if hasattr(value, "isoformat"):
            data[key] = value.isoformat()
    data["items"] = [dict(i.__dict__, returnable_quantity=i.returnable_quantity) for i in order.items]
    data["total"] = order.total
    return data


def cmd_migrate(args: argparse.Namespace) -> int:
    backend = _backend(args)
    print(f"orders tables up to date ({backend.url.split('@')[-1]}, prefix {backend.prefix})")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from catalog.importer import import_file
    from orders.demo import SeedSkipped, seed

    backend = _backend(args)
    if args.if_empty and backend.count() > 0:
        print(f"{backend.slug} has {backend.count()} orders; not reseeded (without --if-empty it replaces them)")
        return 0
    result = import_file(backend._store.catalog_file, backend.config.categories)
    if not result.ok:
        print(f"{backend._store.catalog_file}: the catalog has errors; fix them first", file=sys.stderr)
        return 1
    try:
        orders, returns = seed(backend, result.products)
    except SeedSkipped as exc:
        print(f"no demo orders for {backend.slug}: {exc}")
        return 0
    print(f"seeded {orders} demo orders ({returns} with returns) for {backend.slug}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    backend = _backend(args)
    order = backend.get(args.number)
    if order is None:
        print(f"no order {args.number}", file=sys.stderr)
        return 1
    data = order_json(order)
    data["returns"] = [r.__dict__ | {"created_at": r.created_at.isoformat(), "lines": [ln.__dict__ for ln in r.lines]}
                       for r in backend.returns_of(order.number)]  # fmt: skip
    data["exchanges"] = [e.__dict__ | {"created_at": e.created_at.isoformat()} for e in backend.exchanges_of(order.number)]
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    try:
        orders = _backend(args).list_by_email(args.email)
    except InvalidInput as exc:
        print(exc, file=sys.stderr)
        return 2
    for order in orders:
        print(f"{order.number}  {order.created_at:%Y-%m-%d}  {order.status:16} {order.total:9.2f}  {len(order.items)} item(s)")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    try:
        order = _backend(args).update_status(args.number, args.status, carrier=args.carrier, tracking_number=args.tracking)
    except OrderError as exc:
        print(f"{args.number}: {exc}", file=sys.stderr)
        return 1
    print(f"{order.number}: {order.status}" + (f", {order.carrier} {order.tracking_number or ''} {order.tracking_url or ''}".rstrip() if order.carrier else ""))
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    orders = commands.add_parser("orders", help="orders: migrate, demo seed, show, status").add_subparsers(dest="action", required=True)
    orders.add_parser("migrate", help="create / upgrade the orders tables").set_defaults(func=cmd_migrate)
    p = orders.add_parser("seed", help="replace the store's orders with the demo orders")
    p.add_argument("--if-empty", action="store_true", help="only when the store has no orders yet")
    p.set_defaults(func=cmd_seed)
    p = orders.add_parser("show", help="one order with returns and exchanges")
    p.add_argument("number")
    p.set_defaults(func=cmd_show)
    p = orders.add_parser("list", help="the orders of one e-mail address")
    p.add_argument("email")
    p.set_defaults(func=cmd_list)
    p = orders.add_parser("status", help="merchant: update an order's status and tracking")
    p.add_argument("number")
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--carrier")
    p.add_argument("--tracking", help="tracking number")
    p.set_defaults(func=cmd_status)
