/* the small part of Engine.IO 4 / Socket.IO 5 the widget needs, over a plain WebSocket; the offline queue; a person's messages (a part of /static/widget.js: bot/widget_asset.py joins the parts in one scope) */
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
