/* settings from the script tag, the texts in German and English, the saved state and the page context (a part of /static/widget.js: bot/widget_asset.py joins the parts in one scope) */
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
