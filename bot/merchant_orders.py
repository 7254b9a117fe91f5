"""Merchant API routes for orders (behind the merchant token, see `bot/merchant.py`):

    GET   /merchant/v1/orders?email=...        the orders of one e-mail address, newest first
    GET   /merchant/v1/orders/{number}         one order with its returns and exchanges
    PATCH /merchant/v1/orders/{number}         {"status": "shipped", "carrier": "DHL", "tracking_number": "..."}

so the demo can walk an order through its whole life while a shopper asks the bot about it.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web
from pydantic import BaseModel, Field, ValidationError

from bot.merchant import _blocking, error, read_json
from catalog.admin import field_errors
from orders.api import STATUSES, OrderError
from orders.commands import order_json
from orders.sql import SqlOrders
from orders.validation import InvalidInput, clean_order_number

ORDERS = web.AppKey("merchant_orders", SqlOrders)
STATUS_CODES = {"not_found": 404, "invalid": 422}  # any other refusal is a conflict with the order's state (409)


class StatusChange(BaseModel):
    status: str = Field(..., description="one of " + ", ".join(STATUSES))
    carrier: str | None = Field(None, min_length=1, max_length=50, regex=r"^[^\x00-\x1f]+$")
    tracking_number: str | None = Field(None, min_length=4, max_length=40, regex=r"^[A-Za-z0-9-]+$")

    class Config:
        extra = "forbid"


def _number(request: web.Request) -> str | None:
    try:
        return clean_order_number(request.match_info["number"])
    except InvalidInput:
        return None


def _details(backend: SqlOrders, number: str) -> dict | None:
    order = backend.get(number)
    if order is None:
        return None
    data = order_json(order)
    data["returns"] = [
        {"rma": r.rma, "refund_method": r.refund_method, "refund_amount": r.refund_amount, "label_url": r.label_url,
         "created_at": r.created_at.isoformat(), "lines": [ln.__dict__ for ln in r.lines]}
        for r in backend.returns_of(number)
    ]  # fmt: skip
    data["exchanges"] = [e.__dict__ | {"created_at": e.created_at.isoformat()} for e in backend.exchanges_of(number)]
    return data


async def list_orders(request: web.Request) -> web.Response:
    email = request.query.get("email", "")
    try:
        orders = await _blocking(request.app[ORDERS].list_by_email, email)
    except InvalidInput as exc:
        return error(422, "invalid e-mail address", [{"field": "email", "message": str(exc)}])
    return web.json_response({"orders": [order_json(o) for o in orders]})


async def get_order(request: web.Request) -> web.Response:
    number = _number(request)
    data = await _blocking(_details, request.app[ORDERS], number) if number else None
    return web.json_response(data) if data else error(404, "order not found")


async def patch_order(request: web.Request) -> web.Response:
    number = _number(request)
    if number is None:
        return error(404, "order not found")
    raw = await read_json(request)
    if not isinstance(raw, dict):
        return error(422, "expected a JSON object", [{"field": "", "message": "expected a JSON object"}])
    try:
        change = StatusChange.parse_obj(raw)
    except ValidationError as exc:
        return error(422, "invalid status change", field_errors(exc))
    if change.status not in STATUSES:
        return error(422, "invalid status change", [{"field": "status", "message": "must be one of " + ", ".join(STATUSES)}])
    backend = request.app[ORDERS]
    try:
        await _blocking(backend.update_status, number, change.status, carrier=change.carrier, tracking_number=change.tracking_number)
    except OrderError as exc:
        return error(STATUS_CODES.get(exc.code, 409), str(exc))
    return web.json_response(await _blocking(_details, backend, number))


def setup_orders(app: web.Application, store_dir: Path | str, data_dir: Path | str) -> None:
    app[ORDERS] = SqlOrders.open(store_dir, data_dir)
    p = "/merchant/v1"
    app.add_routes([
        web.get(f"{p}/orders", list_orders),
        web.get(f"{p}/orders/{{number}}", get_order),
        web.patch(f"{p}/orders/{{number}}", patch_order),
    ])  # fmt: skip
