/* The demo shop's side of the widget: it adds a product from a chat product card to the cart
 * (the widget dispatches `shopbot:add-to-cart`) and keeps the page context up to date. */
(function () {
  "use strict";
  var ctxEl = document.getElementById("shopbot-context");
  var status = document.getElementById("shop-status");
  function ctx() { try { return JSON.parse(ctxEl.textContent); } catch (e) { return {}; } }
  document.addEventListener("shopbot:add-to-cart", function (e) {
    var c = ctx(), id = e.detail && e.detail.product_id;
    if (!id) return;
    var select = document.getElementById("variant");
    var sku = c.page_type === "product" && c.product_id === id && select ? select.value : null;
    fetch("/api/cart", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ product_id: id, sku: sku, quantity: 1, language: c.language })
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (res.ok) {
          c.cart = res.body.cart;
          ctxEl.textContent = JSON.stringify(c).replace(/</g, "\\u003c");
          document.getElementById("cart-count").textContent = String(res.body.count);
          status.textContent = res.body.message;
        } else if (res.body.url) {
          location.href = res.body.url;  // the shopper picks a size or colour there
        } else {
          status.textContent = res.body.error || "";
        }
      })
      .catch(function () { status.textContent = "—"; });
  });
})();
