"""The demo shop's cart: add from the product page's form or from the widget's product cards
(`POST /api/cart`), change quantities, remove. The first product added makes the session."""

from __future__ import annotations

from html import escape

from aiohttp import web

from bot.shop import (
    LANGS,
    MAX_QTY,
    ShopCatalog,
    T,
    cart_context,
    cart_lines,
    lang_of,
    render,
    save_session,
    see_other,
    session,
    shop,
    stored_session,
    variant_label,
    with_cookie,
)


def add_line(request: web.Request, cat: ShopCatalog, sku: str, quantity: int) -> tuple[str | None, str | None]:
    """Adds to the cart, making the session if it is the first thing stored; (token, error code or None)."""
    token, sess = session(request)
    if sku not in cat.by_sku:
        return token, "unknown_variant"
    _, variant = cat.by_sku[sku]
    wanted = min(MAX_QTY, sess.lines.get(sku, 0) + max(1, quantity))
    if variant.stock < wanted:
        return token, "out_of_stock"
    token, sess = stored_session(request)
    sess.lines[sku] = wanted
    save_session(request)
    return token, None


def _int(value: object, default: int = 1) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


async def cart_add_form(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), await shop(request)
    form = await request.post()
    sku = str(form.get("sku", ""))
    token, error = add_line(request, cat, sku, _int(form.get("quantity", 1)))
    if error:
        back = f"/{lang}/products/{cat.by_sku[sku][0].id}" if sku in cat.by_sku else f"/{lang}/"
        body = f'<p class="error" role="alert">{T[lang]["choose"] if error == "unknown_variant" else T[lang]["err_stock"]}</p><p><a href="{escape(back)}">{T[lang]["continue"]}</a></p>'
        return render(request, lang, T[lang]["cart"], body, {"page_type": "cart"}, token, 409)
    raise see_other(f"/{lang}/cart", token)


async def cart_api(request: web.Request) -> web.Response:
    """JSON: {product_id, sku?, quantity?} -> the cart. Without a SKU, a product with exactly one
    variant in stock is added; otherwise 409 with the product page to choose a variant."""
    cat = await shop(request)
    token, _ = session(request)
    try:
        body = await request.json()
        assert isinstance(body, dict)
    except Exception:
        return web.json_response({"error": "expected a JSON object"}, status=400)
    lang = body.get("language") if body.get("language") in LANGS else "de"
    product = cat.products.get(str(body.get("product_id", "")))
    if product is None:
        return web.json_response({"error": "unknown product"}, status=404)
    sku = body.get("sku")
    if not sku or cat.by_sku.get(sku, (None,))[0] is not product:
        in_stock = [v for v in product.variants if v.stock > 0]
        if len(in_stock) != 1:
            return with_cookie(web.json_response({"error": T[lang]["choose"], "url": f"/{lang}/products/{product.id}"}, status=409), token)
        sku = in_stock[0].sku
    token, error = add_line(request, cat, sku, _int(body.get("quantity", 1)))
    if error:
        return with_cookie(web.json_response({"error": T[lang]["err_stock"], "code": error}, status=409), token)
    cart = cart_context(cat, session(request)[1], lang)
    return with_cookie(web.json_response({"cart": cart, "count": sum(line["quantity"] for line in cart), "message": T[lang]["added"]}), token)


async def cart_page(request: web.Request) -> web.Response:
    lang, cat = lang_of(request), await shop(request)
    token, sess = session(request)
    t = T[lang]
    if request.method == "POST":
        form = await request.post()
        for sku in list(sess.lines):
            qty = _int(form.get(f"qty-{sku}", sess.lines[sku]), sess.lines[sku])
            if form.get("remove") == sku or qty <= 0:
                del sess.lines[sku]
            elif sku in cat.by_sku:
                sess.lines[sku] = min(qty, MAX_QTY, cat.by_sku[sku][1].stock) or sess.lines[sku]
        save_session(request)
        raise see_other(f"/{lang}/cart", token)
    lines = cart_lines(cat, sess)
    if not lines:
        body = f'<h1>{t["cart"]}</h1><p>{t["empty"]}</p><p><a href="/{lang}/">{t["continue"]}</a></p>'
        return render(request, lang, t["cart"], body, {"page_type": "cart"}, token)
    rows = "".join(
        f'<tr><td><a href="/{lang}/products/{escape(p.id)}">{escape(p.name(lang))}</a> ({escape(variant_label(v, lang))})</td>'
        f'<td><label class="sr" for="qty-{escape(v.sku)}">{t["qty"]}</label><input id="qty-{escape(v.sku)}" name="qty-{escape(v.sku)}" type="number" min="0" max="{MAX_QTY}" value="{q}"></td>'
        f'<td>{escape(cat.money(v.price * q, lang))}</td><td><button name="remove" value="{escape(v.sku)}">{t["remove"]}</button></td></tr>'
        for p, v, q in lines)  # fmt: skip
    subtotal = sum(v.price * q for _, v, q in lines)
    body = (f'<h1>{t["cart"]}</h1><form method="post"><table class="cart">{rows}</table>'
            f'<p class="sum">{t["subtotal"]}: <strong>{escape(cat.money(subtotal, lang))}</strong></p>'
            f'<button type="submit">{t["update"]}</button></form><p><a class="button" href="/{lang}/checkout">{t["checkout"]}</a></p>')  # fmt: skip
    return render(request, lang, t["cart"], body, {"page_type": "cart"}, token)
