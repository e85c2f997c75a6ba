// Live safety dashboard: keeps the open-alert table current from the page's event socket
// (events.js), without reloading.
(function () {
  "use strict";
  var table = document.getElementById("alerts");
  var status = document.getElementById("live-status");
  if (!table) return;
  var body = table.querySelector("tbody");
  var alertUrl = table.getAttribute("data-alert-url");
  // Words shown by the script come translated from the page.
  var text = {
    live: status.getAttribute("data-live") || "live",
    reconnecting: status.getAttribute("data-reconnecting") || "reconnecting…",
    escalated: table.getAttribute("data-escalated") || "escalated"
  };
  // Frames carry codes ("high", "community.chat"); the page gives their names in the reader's
  // language (safety/labels.py). A code without a name is shown as it is.
  var names = {};
  try { names = JSON.parse(document.getElementById("alert-names").textContent); } catch (e) { names = {}; }
  function named(kind, code) {
    var known = names[kind] || {};
    return known[code] || (kind === "source" && known[String(code).split(".")[0]]) || code;
  }

  function cell(text) { var td = document.createElement("td"); td.textContent = text; return td; }

  // A live row is labelled like the page's own rows: on a phone each value shows under its
  // column's name (site.css .stack-table), and the roles keep it a table for screen readers.
  var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent; });
  function label(row) {
    row.setAttribute("role", "row");
    Array.prototype.forEach.call(row.children, function (td, i) {
      td.setAttribute("role", "cell");
      if (headings[i] && td.colSpan === 1) td.setAttribute("data-label", headings[i]);
    });
    return row;
  }

  function render(a) {
    var row = body.querySelector('tr[data-id="' + a.id + '"]');
    var empty = body.querySelector(".empty-row");
    if (a.status === "resolved") { if (row) row.remove(); return; }
    if (empty) empty.remove();
    var fresh = document.createElement("tr");
    fresh.setAttribute("data-id", a.id);
    fresh.setAttribute("data-deadline", a.ack_deadline);
    fresh.className = "level-" + a.level + (row ? "" : " is-new");
    fresh.appendChild(cell(a.ack_deadline.slice(11, 16)));
    var lvl = document.createElement("td"); var span = document.createElement("span");
    span.className = "level level-" + a.level; span.textContent = named("level", a.level); lvl.appendChild(span); fresh.appendChild(lvl);
    var who = document.createElement("td"); var link = document.createElement("a");
    link.href = alertUrl.replace("/0/", "/" + a.id + "/"); link.textContent = a.person; who.appendChild(link);
    fresh.appendChild(who);
    fresh.appendChild(cell(named("source", a.source)));
    fresh.appendChild(cell(named("status", a.status) + (a.tier ? " · " + text.escalated : "")));
    fresh.appendChild(cell((a.constructs || []).filter(Boolean).map(function (c) { return named("construct", c); }).join(", ")));
    label(fresh);
    if (row) { row.replaceWith(fresh); } else { body.appendChild(fresh); }
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr[data-id]"));
    rows.sort(function (x, y) { return x.getAttribute("data-deadline") < y.getAttribute("data-deadline") ? -1 : 1; });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function setLive(live) {
    status.textContent = live ? text.live : text.reconnecting;
    status.className = "badge " + (live ? "badge-on" : "badge-off");
  }

  // Alerts raised while the socket was away (a reconnect, a server restart, a Redis blip that
  // the server announces with "resync") were never sent live: ask for every open alert and show
  // "live" only once that answer is in.
  function replay() {
    setLive(false);
    if (window.hsSocket) window.hsSocket.send({type: "alerts.sync"});
  }

  function replaceAll(alerts) {
    var open = {};
    alerts.forEach(function (a) { open[String(a.id)] = true; render(a); });
    Array.prototype.forEach.call(body.querySelectorAll("tr[data-id]"), function (row) {
      if (!open[row.getAttribute("data-id")]) row.remove();  // resolved while we were away
    });
    if (!body.querySelector("tr[data-id]") && !body.querySelector(".empty-row")) {
      var empty = document.createElement("tr"); empty.className = "empty-row";
      var td = cell(table.getAttribute("data-empty") || "No open alerts."); td.colSpan = 6;
      empty.appendChild(td); body.appendChild(label(empty));
    }
    setLive(true);
  }

  document.addEventListener("hs:socket", function (e) {
    if (e.detail.state === "open") replay(); else setLive(false);
  });
  document.addEventListener("hs:event", function (e) {
    var data = e.detail;
    if (data.type === "resync") { replay(); return; }
    if (data.type === "alerts.open") { replaceAll(data.alerts || []); return; }
    if (data.alert && (data.type === "alert.new" || data.type === "alert.updated" || data.type === "alert.escalated")) {
      render(data.alert);
    }
  });
})();
