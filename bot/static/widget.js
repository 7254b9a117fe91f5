/* shopbot storefront widget. Embed with one tag:
 *   <script src="https://bot.example/static/widget.js" data-bot-url="https://rasa.example" data-lang="de" async></script>
 * Talks Rasa's socket.io channel (session_request / session_confirm / user_uttered / bot_uttered)
 * over a plain WebSocket: the small part of Engine.IO 4 / Socket.IO 5 it needs is below.
 * Page context: <script type="application/json" id="shopbot-context">{...}</script> or
 * window.shopbotContext ({page_type, product_id, product_name, order_number, cart, add_to_cart, card_image}).
 * Add to cart: the widget dispatches `shopbot:add-to-cart` on document; the shop listens.
 * Everything the bot or the shopper writes is rendered with textContent, never as HTML.
 * A support agent's messages (live handoff, bot/console/live.py) come as bot_uttered with a
 * `person`; they are marked with the person's name, and fetched from /api/handoff/messages
 * when the socket missed them. */
(function () {
  "use strict";
  if (window.__shopbotWidget) return;
  window.__shopbotWidget = true;

  var script = document.currentScript || document.querySelector("script[data-bot-url]");
  var here = script && script.src ? new URL(script.src, location.href) : new URL(location.href);
  var botUrl = ((script && script.getAttribute("data-bot-url")) || here.origin).replace(/\/+$/, "");
  var lang = ((script && script.getAttribute("data-lang")) || document.documentElement.lang || "de").slice(0, 2).toLowerCase();
  if (lang !== "en") lang = "de";
  var KEY = "shopbot:" + botUrl;
  var MAX_LOG = 150;
  var MAX_LEN = 1000;

  var T = {
    de: {
      open: "Chat öffnen", launcher: "Fragen?", title: "Einkaufsberatung", close: "Chat schließen",
      fresh: "Neues Gespräch", input: "Ihre Nachricht", placeholder: "Ihre Frage …", send: "Senden",
      typing: "Der Assistent schreibt …", offline: "Keine Verbindung zum Chat. Neuer Versuch in {s} s – Ihre Nachrichten gehen nicht verloren.",
      connecting: "Verbinde mit dem Chat …", online: "Wieder verbunden.", queued: "wird gesendet, sobald die Verbindung steht",
      add: "In den Warenkorb", you: "Sie", bot: "Assistent", view: "Ansehen", tooLong: "Bitte höchstens {n} Zeichen.",
      greet: "Guten Tag! Ich helfe Ihnen gern bei Fragen zu Produkten, Größen, Versand und Rückgabe.",
      greetProduct: "Guten Tag! Haben Sie Fragen zu „{name}“ – etwa zur Größe, Passform oder zum Versand? Ich helfe gern.",
      greetThanks: "Vielen Dank für Ihre Bestellung {order}! Möchten Sie wissen, wo sie gerade ist? Ich verfolge sie gern für Sie.",
      qSizes: "Welche Größen gibt es?", qShipping: "Wie lange dauert der Versand?", qTrack: "Wo ist meine Bestellung {order}?",
      qSearch: "Ich suche eine Regenjacke", qReturns: "Wie funktioniert die Rückgabe?",
      helpful: "Antwort war hilfreich", unhelpful: "Antwort war nicht hilfreich",
      person: "Kundenservice", connected: "Sie sind jetzt mit {name} aus unserem Kundenservice verbunden.",
      handedBack: "{name} hat das Gespräch an den digitalen Assistenten zurückgegeben."
    },
    en: {
      open: "Open chat", launcher: "Questions?", title: "Shopping assistant", close: "Close chat",
      fresh: "New conversation", input: "Your message", placeholder: "Your question …", send: "Send",
      typing: "The assistant is typing …", offline: "The chat is offline. Retrying in {s} s – your messages will not be lost.",
      connecting: "Connecting to the chat …", online: "Connected again.", queued: "will be sent once the connection is back",
      add: "Add to cart", you: "You", bot: "Assistant", view: "View", tooLong: "Please use at most {n} characters.",
      greet: "Hello! I'm happy to help with questions about products, sizes, shipping and returns.",
      greetProduct: "Hello! Any questions about the “{name}” – its size, fit or shipping? I'm happy to help.",
      greetThanks: "Thank you for your order {order}! Would you like to know where it is? I can track it for you.",
      qSizes: "Which sizes are available?", qShipping: "How long does shipping take?", qTrack: "Where is my order {order}?",
      qSearch: "I'm looking for a rain jacket", qReturns: "How do returns work?",
      helpful: "The answer was helpful", unhelpful: "The answer was not helpful",
      person: "customer service", connected: "You're now connected to {name} from our customer service.",
      handedBack: "{name} has handed the conversation back to the digital assistant."
    }
  }[lang];

  function fmt(s, values) {
    return s.replace(/\{(\w+)\}/g, function (_, k) { return values[k] == null ? "" : String(values[k]); });
  }

  // ---- state (localStorage: survives navigation and reload) --------------------------------
  function newId() {
    if (window.crypto && crypto.getRandomValues) {
      var a = new Uint8Array(16); crypto.getRandomValues(a);
      return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    return (Date.now().toString(16) + Math.random().toString(16).slice(2)).slice(0, 32);
  }
  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(KEY) || "null");
      if (s && typeof s.sid === "string" && Array.isArray(s.log) && Array.isArray(s.queue)) return s;
    } catch (e) { /* a broken entry starts over */ }
    return { sid: newId(), log: [], queue: [], open: false };
  }
  var state = load();
  function save() {
    if (state.log.length > MAX_LOG) state.log = state.log.slice(-MAX_LOG);
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: memory only */ }
  }
  window.addEventListener("storage", function (e) {
    if (e.key === KEY) { state = load(); renderLog(); }
  });

  function context() {
    var ctx = {};
    var el = document.getElementById("shopbot-context");
    if (el) { try { ctx = JSON.parse(el.textContent || "{}") || {}; } catch (e) { ctx = {}; } }
    if (window.shopbotContext && typeof window.shopbotContext === "object") {
      for (var k in window.shopbotContext) ctx[k] = window.shopbotContext[k];
    }
    return ctx;
  }
  function metadata() {
    var c = context();
    return {
      language: lang, page_type: c.page_type || "other", product_id: c.product_id || null,
      order_number: c.order_number || null, cart: Array.isArray(c.cart) ? c.cart : [], page_url: location.pathname
    };
  }

  // ---- DOM -----------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }
  var css = el("link"); css.rel = "stylesheet"; css.href = here.href.replace(/widget\.js(\?.*)?$/, "widget.css");
  if (/widget\.css$/.test(css.href)) document.head.appendChild(css);

  var root = el("div", "sb-root");
  var launcher = el("button", "sb-launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-label", T.open);
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "sb-panel");
  launcher.appendChild(el("span", "sb-launcher-icon")).setAttribute("aria-hidden", "true");
  launcher.appendChild(el("span", "sb-launcher-text", T.launcher));

  var panel = el("div", "sb-panel");
  panel.id = "sb-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "false");
  panel.setAttribute("aria-labelledby", "sb-title");
  panel.hidden = true;
  var head = el("div", "sb-head");
  var title = el("h2", "sb-title", T.title); title.id = "sb-title";
  var freshBtn = el("button", "sb-new", T.fresh); freshBtn.type = "button";
  var closeBtn = el("button", "sb-close", "×"); closeBtn.type = "button"; closeBtn.setAttribute("aria-label", T.close);
  head.appendChild(title); head.appendChild(freshBtn); head.appendChild(closeBtn);
  var status = el("div", "sb-status"); status.setAttribute("role", "status"); status.setAttribute("aria-live", "polite");
  var log = el("div", "sb-log");
  log.setAttribute("role", "log"); log.setAttribute("aria-live", "polite"); log.setAttribute("aria-label", T.title);
  log.tabIndex = 0;
  var typing = el("div", "sb-typing"); typing.hidden = true;
  typing.appendChild(el("span", "sb-dots")).setAttribute("aria-hidden", "true");
  typing.appendChild(el("span", "sb-sr", T.typing));
  var form = el("form", "sb-form");
  var label = el("label", "sb-sr", T.input); label.htmlFor = "sb-input";
  var input = el("textarea", "sb-input"); input.id = "sb-input"; input.rows = 1; input.maxLength = MAX_LEN;
  input.placeholder = T.placeholder; input.setAttribute("autocomplete", "off");
  var sendBtn = el("button", "sb-send", T.send); sendBtn.type = "submit";
  form.appendChild(label); form.appendChild(input); form.appendChild(sendBtn);
  panel.appendChild(head); panel.appendChild(status); panel.appendChild(log); panel.appendChild(typing); panel.appendChild(form);
  root.appendChild(panel); root.appendChild(launcher);

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

  // ---- Engine.IO 4 / Socket.IO 5 over a WebSocket --------------------------------------------
  var ws = null, connected = false, attempt = 0, retryTimer = null, countdown = null, pingTimer = null;
  var ackSeq = 0, acks = {}, wasOffline = false, unloading = false;

  function setStatus(text, kind) {
    status.textContent = text || "";
    status.className = "sb-status" + (kind ? " sb-" + kind : "");
  }
  function wsUrl() {
    var u = new URL(botUrl + "/socket.io/");
    u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
    u.search = "?EIO=4&transport=websocket";
    return u.href;
  }
  function emit(event, data, ackId) {
    ws.send("42" + (ackId != null ? ackId : "") + JSON.stringify([event, data]));
  }
  function armPing(ms) {
    clearTimeout(pingTimer);
    pingTimer = setTimeout(function () { if (ws) ws.close(); }, ms);
  }
  function connect() {
    if (ws || unloading) return;
    clearTimeout(retryTimer); clearInterval(countdown);
    if (!wasOffline) setStatus(T.connecting, "info");
    var sock;
    try { sock = new WebSocket(wsUrl()); } catch (e) { return offline(); }
    ws = sock;
    var pingWindow = 45000;
    sock.onmessage = function (ev) {
      if (sock !== ws || typeof ev.data !== "string") return;
      var d = ev.data, type = d.charAt(0);
      if (type === "0") {  // Engine.IO open
        try { var o = JSON.parse(d.slice(1)); pingWindow = (o.pingInterval || 25000) + (o.pingTimeout || 20000); } catch (e) { /* defaults */ }
        armPing(pingWindow);
        sock.send("40");  // Socket.IO connect to the main namespace
      } else if (type === "2") {  // ping
        sock.send("3"); armPing(pingWindow);
      } else if (type === "1") {
        sock.close();
      } else if (type === "4") {
        socketPacket(d.slice(1));
      }
    };
    sock.onclose = function () {
      if (sock !== ws) return;
      ws = null; connected = false; clearTimeout(pingTimer);
      state.queue.forEach(function (q) { if (q.state === "sent") q.state = "queued"; });  // not confirmed: send again
      acks = {}; save();
      if (!unloading) offline();
    };
    sock.onerror = function () { /* onclose follows */ };
  }
  function socketPacket(p) {
    var kind = p.charAt(0), rest = p.slice(1);
    if (kind === "0") {  // connected
      emit("session_request", { session_id: state.sid });
    } else if (kind === "4") {  // connect error
      ws.close();
    } else if (kind === "1") {
      ws.close();
    } else if (kind === "2") {
      var m = /^(\d*)(\[.*)$/.exec(rest);
      if (!m) return;
      var ev; try { ev = JSON.parse(m[2]); } catch (e) { return; }
      if (ev[0] === "session_confirm") online();
      else if (ev[0] === "bot_uttered") botUttered(ev[1]);
    } else if (kind === "3") {  // ack: the message has been handled
      var a = /^(\d+)/.exec(rest);
      if (a && acks[a[1]]) { delivered(acks[a[1]]); delete acks[a[1]]; }
    }
  }
  function online() {
    connected = true; attempt = 0;
    setStatus(wasOffline ? T.online : "", wasOffline ? "ok" : "");
    if (wasOffline) setTimeout(function () { if (connected) setStatus(""); }, 4000);
    wasOffline = false;
    root.classList.remove("sb-is-offline");
    renderLog();
    flush();
    pollPerson();
  }
  function offline() {
    connected = false; wasOffline = true;
    root.classList.add("sb-is-offline");
    typing.hidden = true;
    renderLog();
    var delay = Math.min(15, Math.pow(2, attempt)) * (0.8 + Math.random() * 0.4);
    attempt++;
    var left = Math.ceil(delay);
    setStatus(fmt(T.offline, { s: left }), "error");
    clearInterval(countdown);
    countdown = setInterval(function () {
      left = Math.max(0, left - 1);
      setStatus(fmt(T.offline, { s: left }), "error");
    }, 1000);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, delay * 1000);
  }
  function flush() {
    if (!connected || !ws) return;
    state.queue.forEach(function (q) {
      if (q.state !== "queued") return;
      var id = String(++ackSeq);
      acks[id] = q.id; q.state = "sent";
      emit("user_uttered", { message: q.payload, session_id: state.sid, metadata: q.metadata }, id);
    });
    save();
    typing.hidden = !state.queue.length;
  }
  function delivered(id) {
    state.queue = state.queue.filter(function (q) { return q.id !== id; });
    save();
    typing.hidden = !state.queue.length;
  }
  // a person's message (live handoff); ids keep socket and REST fallback from showing one twice
  function personMessage(m) {
    var id = Number(m.handoff_message) || 0, name = String(m.person);
    if (id && id <= (state.agentAfter || 0)) return;
    if (id) state.agentAfter = id;
    if (m.handoff === "connected") { state.person = name; push({ who: "notice", text: fmt(T.connected, { name: name }) }); }
    else if (m.handoff === "handed_back") { state.person = null; push({ who: "notice", text: fmt(T.handedBack, { name: name }) }); }
    else if (typeof m.text === "string" && m.text) push({ who: "person", person: name, text: m.text });
    save();
  }
  function pollPerson() {
    fetch(here.origin + "/api/handoff/messages?sender=" + encodeURIComponent(state.sid) + "&after=" + (state.agentAfter || 0))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) { if (Array.isArray(list)) list.forEach(function (m) { if (m && m.person) personMessage(m); }); })
      .catch(function () {});
  }
  setInterval(function () { if (state.person) pollPerson(); }, 5000);
  function botUttered(m) {
    if (!m || typeof m !== "object") return;
    if (typeof m.person === "string" && m.person) { personMessage(m); return; }
    var entry = { who: "bot", rate: true };
    if (typeof m.text === "string") entry.text = m.text;
    var buttons = m.quick_replies || m.buttons;
    if (Array.isArray(buttons)) entry.buttons = buttons.map(function (b) { return { title: String(b.title || ""), payload: String(b.payload || "") }; });
    var custom = m.custom || (m.data && m.data.type ? m.data : null) || (m.type === "products" ? m : null);
    if (custom && custom.type === "products" && Array.isArray(custom.products)) entry.cards = custom.products;
    if (m.attachment && m.attachment.type === "image" && m.attachment.payload) entry.image = String(m.attachment.payload.src || "");
    if (entry.text || entry.cards || entry.image) push(entry);
  }

  // ---- sending -------------------------------------------------------------------------------
  function submit(shown, payload) {
    shown = String(shown).trim();
    if (!shown) return;
    if (shown.length > MAX_LEN) { setStatus(fmt(T.tooLong, { n: MAX_LEN }), "error"); return; }
    var id = newId();
    state.queue.push({ id: id, payload: payload || shown, metadata: metadata(), state: "queued" });
    push({ who: "user", id: id, text: shown });
    if (connected) flush(); else connect();
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var v = input.value;
    if (!v.trim()) return;
    input.value = "";
    submit(v);
    input.focus();
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit")); }
  });

  // ---- open / close / new conversation -------------------------------------------------------
  function setOpen(open, focus) {
    state.open = open; save();
    panel.hidden = !open;
    root.classList.toggle("sb-is-open", open);
    launcher.setAttribute("aria-expanded", String(open));
    if (open) {
      greet(); renderLog(); connect();
      if (focus) input.focus();
    } else if (focus) launcher.focus();
  }
  launcher.addEventListener("click", function () { setOpen(panel.hidden, true); });
  closeBtn.addEventListener("click", function () { setOpen(false, true); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.stopPropagation(); setOpen(false, true); } });
  freshBtn.addEventListener("click", function () {
    state = { sid: newId(), log: [], queue: [], open: true }; acks = {}; save();
    typing.hidden = true;
    if (ws) { var old = ws; ws = null; connected = false; old.close(); }  // leave the old session's room
    greet(); renderLog(); connect(); input.focus();
  });
  window.addEventListener("pagehide", function () {
    // a message handed to a live socket reaches Rasa even if the page goes away; don't send it twice
    unloading = true;
    if (connected) { state.queue = state.queue.filter(function (q) { return q.state !== "sent"; }); save(); }
  });
  window.addEventListener("pageshow", function (e) { if (e.persisted) { unloading = false; state = load(); renderLog(); if (state.open || state.queue.length) connect(); } });
  window.addEventListener("online", function () { if (!ws) { attempt = 0; connect(); } });

  function start() {
    document.body.appendChild(root);
    root.setAttribute("lang", lang);
    if (state.open) setOpen(true, false);
    else { renderLog(); if (state.queue.length) connect(); }
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
