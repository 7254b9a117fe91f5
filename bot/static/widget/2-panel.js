/* the launcher and the chat panel (DOM, ARIA) (a part of /static/widget.js: bot/widget_asset.py joins the parts in one scope) */
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
