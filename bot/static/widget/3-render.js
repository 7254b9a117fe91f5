/* messages, product cards, quick replies and ratings, always with textContent (a part of /static/widget.js: bot/widget_asset.py joins the parts in one scope) */
// ---- rendering -----------------------------------------------------------------------------
var URL_RE = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/g;
function textWithLinks(parent, text) {
  var last = 0, m;
  URL_RE.lastIndex = 0;
  while ((m = URL_RE.exec(text))) {
    if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    var a = el("a", null, m[1]); a.href = m[1]; a.rel = "noopener";
    parent.appendChild(a);
    last = m.index + m[1].length;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}
function safeUrl(u) {
  if (!u || typeof u !== "string") return null;
  try { var p = new URL(String(u), location.href); return /^https?:$/.test(p.protocol) ? p.href : null; } catch (e) { return null; }
}
function initials(name) {
  return String(name || "?").split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w[0]; }).join("").toUpperCase();
}
function card(p, canAdd) {
  var c = el("article", "sb-card");
  var url = safeUrl(p.url);
  var tpl = context().card_image;  // the shop's picture for products without an image: "/img/{id}.svg"
  var img = safeUrl(p.image) || (typeof tpl === "string" && p.id ? safeUrl(tpl.replace("{id}", encodeURIComponent(String(p.id)))) : null);
  if (img) { var i = el("img", "sb-card-img"); i.src = img; i.alt = ""; i.loading = "lazy"; c.appendChild(i); }
  else { c.appendChild(el("div", "sb-card-img sb-card-ph", initials(p.name))).setAttribute("aria-hidden", "true"); }
  var body = el("div", "sb-card-body");
  var name = el("h3", "sb-card-name");
  if (url) { var a = el("a", null, String(p.name || "")); a.href = url; name.appendChild(a); } else name.textContent = String(p.name || "");
  body.appendChild(name);
  body.appendChild(el("p", "sb-card-price", String(p.price_text || p.price || "")));
  body.appendChild(el("p", "sb-card-avail" + (p.in_stock === false ? " sb-out" : ""), String(p.availability || "")));
  if (canAdd && p.in_stock !== false) {
    var b = el("button", "sb-card-add", T.add); b.type = "button";
    b.setAttribute("aria-label", T.add + ": " + String(p.name || ""));
    b.addEventListener("click", function () {
      document.dispatchEvent(new CustomEvent("shopbot:add-to-cart", { detail: { product_id: String(p.id || ""), url: url } }));
    });
    body.appendChild(b);
  }
  c.appendChild(body);
  return c;
}
function renderEntry(entry, isLast) {
  var row = el("div", "sb-msg sb-" + entry.who);
  if (entry.who === "user") {
    row.appendChild(el("span", "sb-sr", T.you + ": "));
    row.appendChild(el("span", "sb-text", entry.text));
    if (state.queue.some(function (q) { return q.id === entry.id && q.state === "queued"; }) && !connected) {
      row.classList.add("sb-pending");
      row.appendChild(el("span", "sb-note", T.queued));
    }
    return row;
  }
  if (entry.who === "notice") { row.appendChild(el("span", "sb-text", entry.text)); return row; }
  if (entry.who === "person") {
    row.className = "sb-msg sb-bot sb-human";
    row.appendChild(el("span", "sb-person", entry.person + " · " + T.person));
    row.appendChild(el("span", "sb-sr", ": "));
    row.appendChild(el("span", "sb-text", entry.text));
    return row;
  }
  row.appendChild(el("span", "sb-sr", T.bot + ": "));
  if (entry.text) { var t = el("span", "sb-text"); textWithLinks(t, String(entry.text)); row.appendChild(t); }
  if (entry.image && safeUrl(entry.image)) { var im = el("img", "sb-image"); im.src = safeUrl(entry.image); im.alt = ""; row.appendChild(im); }
  if (entry.cards && entry.cards.length) {
    var list = el("div", "sb-cards"); var canAdd = !!context().add_to_cart;
    entry.cards.slice(0, 10).forEach(function (p) { if (p && typeof p === "object") list.appendChild(card(p, canAdd)); });
    row.appendChild(list);
  }
  if (entry.rate && entry.text) row.appendChild(rating(entry));
  if (isLast && entry.buttons && entry.buttons.length) {
    var qr = el("div", "sb-quick");
    entry.buttons.slice(0, 8).forEach(function (b) {
      var btn = el("button", "sb-quick-btn", String(b.title || "")); btn.type = "button";
      btn.addEventListener("click", function () { submit(String(b.title || ""), String(b.payload || b.title || "")); });
      qr.appendChild(btn);
    });
    row.appendChild(qr);
  }
  return row;
}
// thumbs up / down on the bot's answers, stored with the turn by the web app (bot/console/ratings.py)
function rating(entry) {
  var box = el("div", "sb-rate");
  [["up", T.helpful], ["down", T.unhelpful]].forEach(function (r) {
    var b = el("button", "sb-rate-" + r[0]); b.type = "button"; b.setAttribute("aria-label", r[1]);
    b.setAttribute("aria-pressed", String(entry.rating === r[0]));
    b.addEventListener("click", function () {
      entry.rating = entry.rating === r[0] ? "none" : r[0]; save();
      box.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", String(x.className === "sb-rate-" + entry.rating)); });
      fetch(here.origin + "/api/rating", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: state.sid, text: entry.text, rating: entry.rating }) }).catch(function () {});
    });
    box.appendChild(b);
  });
  return box;
}
function renderLog() {
  log.textContent = "";
  state.log.forEach(function (e, i) { log.appendChild(renderEntry(e, i === state.log.length - 1)); });
  log.scrollTop = log.scrollHeight;
}
function push(entry) {
  state.log.push(entry); save();
  var prev = log.lastElementChild;
  if (prev) { var q = prev.querySelector(".sb-quick"); if (q) q.remove(); }
  log.appendChild(renderEntry(entry, true));
  log.scrollTop = log.scrollHeight;
}

function pageKey(c) {
  if (c.page_type === "product" && c.product_id) return "product:" + c.product_id;
  if (c.page_type === "thanks" && c.order_number) return "thanks:" + c.order_number;
  return "general";
}
function greet() {
  var c = context(), key = pageKey(c);
  var last = null;
  for (var i = state.log.length - 1; i >= 0; i--) if (state.log[i].greet) { last = state.log[i].greet; break; }
  if (state.log.length && (key === "general" || key === last)) return;
  var g;
  if (key.indexOf("product:") === 0) {
    g = { who: "bot", greet: key, text: fmt(T.greetProduct, { name: c.product_name || c.product_id }),
      buttons: [{ title: T.qSizes, payload: T.qSizes }, { title: T.qShipping, payload: T.qShipping }] };
  } else if (key.indexOf("thanks:") === 0) {
    var q = fmt(T.qTrack, { order: c.order_number });
    g = { who: "bot", greet: key, text: fmt(T.greetThanks, { order: c.order_number }), buttons: [{ title: q, payload: q }] };
  } else {
    g = { who: "bot", greet: key, text: T.greet, buttons: [{ title: T.qSearch, payload: T.qSearch }, { title: T.qReturns, payload: T.qReturns }] };
  }
  push(g);
}
