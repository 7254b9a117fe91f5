/* sending, open / close / new conversation, start (a part of /static/widget.js: bot/widget_asset.py joins the parts in one scope) */
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
