/* Live handoff pages: keeps the queue and the conversation current by polling (every
 * data-poll ms); each poll also marks the agent as online. Text is set with textContent. */
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  var chat = document.getElementById("chat");
  function every(ms, fn) { fn(); setInterval(fn, ms); }
  if (queue) {
    var last = queue.innerHTML;
    every(Number(queue.getAttribute("data-poll")) || 1500, function () {
      if (queue.contains(document.activeElement) && document.activeElement !== document.body) return;  // don't pull the focus away
      fetch("/console/live?part=queue", { credentials: "same-origin" }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
        if (html !== null && html !== last) { last = html; queue.innerHTML = html; }  // server-rendered, autoescaped
      }).catch(function () {});
    });
  }
  if (chat) {
    var after = Number(chat.getAttribute("data-after")) || 0;
    var status = document.getElementById("status");
    var shownStatus = null;
    every(Number(chat.getAttribute("data-poll")) || 1500, function () {
      fetch(chat.getAttribute("data-events") + "?after=" + after, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (d) {
        if (!d) return;
        d.messages.forEach(function (m) {
          after = Math.max(after, m.id);
          var li = document.createElement("li");
          li.className = "msg " + m.who + (m.notice ? " notice" : "");
          var who = document.createElement("span"); who.className = "who";
          who.textContent = (m.who === "user" ? "Shopper" : m.who === "person" ? m.person + " (person)" : "Bot") + ":";
          var text = document.createElement("span"); text.className = "text"; text.textContent = m.text;
          li.appendChild(who); li.appendChild(document.createTextNode(" ")); li.appendChild(text);
          chat.appendChild(li);
        });
        var st = d.status === "taken" ? "taken by " + d.agent : d.status;
        if (shownStatus !== null && st !== shownStatus && status) status.textContent = st;
        shownStatus = st;
      }).catch(function () {});
    });
  }
})();
