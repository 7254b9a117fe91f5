"""The demo shop's checkout and thank-you page.

The form is checked with the orders backend's own rules (`orders/validation.py`), so what the
form accepts the backend stores; each bad field is named with the reason next to it and in a
summary, and everything typed stays in the form. A refusal by the backend (stock, a field)
is shown the same way; only a failure of the backend itself asks to try again. The order is
created in a worker thread: the database must not stall the event loop.
"""

from __future__ import annotations

import asyncio
from html import escape

from aiohttp import web

from bot.shop import (
    SHOP_ORDERS,
    ShopCatalog,
    T,
    cart_lines,
    lang_of,
    render,
    save_session,
    see_other,
    session,
    shop,
)
from bot.shop_sessions import SessionsUnavailable
from catalog.store import StoreConfig
from orders.api import NewOrderLine, OrderError
from orders.validation import InvalidFields, InvalidInput, clean_address

FIELDS = ("name", "email", "street", "postal_code", "city", "country", "payment")
BACKEND_FIELDS = {"payment_method": "payment"}  # the backend's name for a form field
STOCK_CODES = ("out_of_stock", "quantity", "unknown_variant")


def countries(config: StoreConfig, lang: str) -> list[tuple[str, str]]:
    out = []
    for zone in config.shipping.zones:
        zone_name = zone.name.get(lang) or next(iter(zone.name.values()))
        out.extend((c, zone_name if len(zone.countries) == 1 else f"{c} ({zone_name})") for c in zone.countries)
    return out


def checkout_form(cat: ShopCatalog, lang: str, values: dict[str, str], errors: dict[str, str]) -> str:
    """The form with `values` kept; `errors` (field -> reason, "" for the whole order) shown in a
    summary linking to each field and next to the field itself."""
    t = T[lang]
    summary = "".join(f'<li><a href="#{f}">{t[f]}</a>: {escape(e)}</li>' if f in FIELDS else f"<li>{escape(e)}</li>"
                      for f, e in errors.items())  # fmt: skip
    error_box = f'<div class="error" role="alert"><p>{t["fix"]}</p><ul>{summary}</ul></div>' if errors else ""

    def invalid(name: str) -> str:
        if name not in errors:
            return ""
        return f' aria-invalid="true" aria-describedby="{name}-error"'

    def note(name: str) -> str:
        return f'<span class="field-error" id="{name}-error">{escape(errors[name])}</span>' if name in errors else ""

    def text(name: str, kind: str = "text", auto: str = "") -> str:
        return (f'<p><label for="{name}">{t[name]}</label><input id="{name}" name="{name}" type="{kind}" required maxlength="254" '
                f'autocomplete="{auto}" value="{escape(values.get(name, ""))}"{invalid(name)}>{note(name)}</p>')  # fmt: skip

    country_opts = "".join(f'<option value="{c}"{" selected" if values.get("country", "DE") == c else ""}>{escape(label)}</option>'
                           for c, label in countries(cat.config, lang))  # fmt: skip
    pay_opts = "".join(
        f'<p class="radio"><input type="radio" id="pay-{i}" name="payment" value="{i}"{" checked" if values.get("payment", "0") == str(i) else ""}>'
        f'<label for="pay-{i}">{escape(m.get(lang) or next(iter(m.values())))}</label></p>' for i, m in enumerate(cat.config.payment_methods))  # fmt: skip
    return (f'<h1>{t["checkout"]}</h1>{error_box}<form method="post" class="checkout">'
            f'{text("name", auto="name")}{text("email", "email", "email")}{text("street", auto="street-address")}'
            f'{text("postal_code", auto="postal-code")}{text("city", auto="address-level2")}'
            f'<p><label for="country">{t["country"]}</label><select id="country" name="country"{invalid("country")}>{country_opts}</select>{note("country")}</p>'
            f'<fieldset id="payment"><legend>{t["payment"]}</legend>{pay_opts}{note("payment")}</fieldset><button type="submit">{t["order"]}</button></form>')  # fmt: skip


def field_errors(exc: InvalidInput, lang: str) -> dict[str, str]:
    """field -> the form's reason, for each field a validation error names."""
    errors = exc.errors if isinstance(exc, InvalidFields) else [exc]
    out = {}
    for error in errors:
        field = BACKEND_FIELDS.get(error.field, error.field)
        out[field] = T[lang].get(f"err_{field}", str(error))
    return out


def validate(cat: ShopCatalog, values: dict[str, str], lang: str) -> dict[str, str]:
    """field -> reason for each bad field (empty when the order can be placed); cleans `values`."""
    t = T[lang]
    errors: dict[str, str] = {}
    try:
        values.update(clean_address(**{k: values[k] for k in ("email", "name", "street", "postal_code", "city")}))
    except InvalidInput as exc:
        errors.update(field_errors(exc, lang))
    if values["country"] not in {c for c, _ in countries(cat.config, lang)}:
        errors["country"] = t["err_country"]
    if not values["payment"].isdigit() or int(values["payment"]) >= len(cat.config.payment_methods):
        errors["payment"] = t["err_payment"]
    return errors


async def checkout(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), await shop(request)
    token, sess = session(request)
    t = T[lang]
    if not cart_lines(cat, sess):
        body = f'<h1>{t["checkout"]}</h1><p>{t["empty"]}</p><p><a href="/{lang}/">{t["continue"]}</a></p>'
        return render(request, lang, t["checkout"], body, {"page_type": "checkout"}, token)
    if request.method == "GET":
        return render(request, lang, t["checkout"], checkout_form(cat, lang, {}, {}), {"page_type": "checkout"}, token)
    form = await request.post()
    values = {k: str(form.get(k, "")).strip() for k in FIELDS}
    values["country"] = values["country"].upper()
    typed = dict(values)  # shown again as typed when something is wrong
    errors = validate(cat, values, lang)
    if not errors:
        method = cat.config.payment_methods[int(values["payment"])]
        lines = [NewOrderLine(product_id=p.id, sku=v.sku, quantity=q) for p, v, q in cart_lines(cat, sess)]

        def place():  # noqa: ANN202 - in a worker thread: opening the backend and the write both block
            return request.app[SHOP_ORDERS]().create_order(
                email=values["email"], name=values["name"], street=values["street"], postal_code=values["postal_code"],
                city=values["city"], country=values["country"], language=lang,
                payment_method=method.get("en") or method.get(lang, ""), lines=lines,
            )  # fmt: skip

        try:
            order = await asyncio.to_thread(place)
        except InvalidInput as exc:  # the backend's rules (the form's are the same; kept for safety)
            errors.update(field_errors(exc, lang))
        except OrderError as exc:
            errors[""] = f"{t['err_stock']} {exc}" if exc.code in STOCK_CODES else str(exc)
        except Exception:  # the database is down: keep everything the shopper typed
            request.app.logger.exception("checkout failed")
            errors[""] = t["err_backend"]
        else:
            sess.lines.clear()
            sess.last_order, sess.last_total, sess.last_email = order.number, order.total, order.email
            try:
                save_session(request)
            except SessionsUnavailable:  # the order is placed: show it now rather than invite a second one
                return await thanks(request)
            raise see_other(f"/{lang}/thanks", token)
    return render(request, lang, t["checkout"], checkout_form(cat, lang, typed, errors), {"page_type": "checkout"}, token, 422)


async def thanks(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), await shop(request)
    token, sess = session(request)
    t = T[lang]
    if not sess.last_order:
        return render(request, lang, t["thanks"], f"<h1>{t['no_order']}</h1>", {"page_type": "other"}, token, 404)
    number = sess.last_order
    total_line = f'<p>{t["total"]}: <strong>{escape(cat.money(sess.last_total, lang))}</strong></p>' if sess.last_total is not None else ""
    body = (f'<h1>{t["thanks"]}</h1><p>{t["number"]}: <strong id="order-number">{escape(number)}</strong></p>{total_line}'
            f'<p>{t["mail"]} {escape(sess.last_email)}.</p><p><a href="/{lang}/">{t["continue"]}</a></p>')  # fmt: skip
    return render(request, lang, t["thanks"], body, {"page_type": "thanks", "order_number": number}, token)
