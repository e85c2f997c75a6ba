// Secure messaging with a practitioner (and the text chat of a session room) over the one
// platform websocket: send with a client id (a resend never duplicates), catch up by sequence
// number after a reconnect, mark as read while the page is visible, show the other's receipt.
(function () {
  "use strict";
  var root = document.getElementById("care-chat");
  if (!root) return;
  var relationship = Number(root.dataset.relationship);
  var me = Number(root.dataset.me);
  var appointment = root.dataset.appointment ? Number(root.dataset.appointment) : null;
  var log = document.getElementById("care-log");
  var form = document.getElementById("care-form");
  var input = document.getElementById("care-input");
  var state = document.getElementById("care-state");
  var readLine = document.getElementById("care-read");
  var lastSeq = Number(root.dataset.upto) || 0;
  var otherRead = Number(root.dataset.otherRead) || 0;
  var pending = {};  // client_id -> {body}: what this page sent, for the "held" notice on its ack

  function send(frame) { return window.hsSocket && window.hsSocket.send(frame); }

  // A live message's time, written as the page wrote the others (care/views.py THREAD_TIME_FORMAT):
  // "03 Dec 14:05", in the person's own time zone and with the page's month names, whatever the
  // device's language and clock.
  var months = (log.dataset.months || "").split("|");
  var clockFormat = (function () {
    var options = {day: "2-digit", month: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23"};
    try {
      return new Intl.DateTimeFormat("en-GB", Object.assign({timeZone: log.dataset.tz || undefined}, options));
    } catch (e) {  // a zone this browser does not know: its own
      return new Intl.DateTimeFormat("en-GB", options);
    }
  })();

  function clock(iso) {
    var parts = {};
    clockFormat.formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
    var month = months[Number(parts.month) - 1] || parts.month;
    return parts.day + " " + month + " " + parts.hour + ":" + parts.minute;
  }

  function render(m) {
    if (log.querySelector('li[data-seq="' + m.seq + '"]')) return;
    var li = document.createElement("li");
    li.dataset.seq = m.seq;
    if (m.author_id === me) li.className = "is-mine";
    var who = document.createElement("strong");
    who.textContent = m.author;
    var when = document.createElement("time");
    when.className = "help";
    when.dateTime = m.at;
    when.textContent = clock(m.at);
    var body = document.createElement("span");
    body.className = "care-body";
    body.textContent = m.body;
    // Read as the page shows it: who, what they said, then when (screen readers announce new
    // messages in this order, as the log's live region receives them).
    li.append(who, document.createElement("br"), body, " ", when);
    decorate(li, m.flag, m.author_id === me);
    // Keep sequence order even when a catch-up arrives after a live frame.
    var after = null;
    log.querySelectorAll("li[data-seq]").forEach(function (el) {
      if (after === null && Number(el.dataset.seq) > m.seq) after = el;
    });
    log.insertBefore(li, after);
    if (m.seq > lastSeq) lastSeq = m.seq;
    log.scrollTop = log.scrollHeight;
  }

  // A client's message that screening flagged is delivered: the practitioner sees a flag and
  // the safety panel link; the client sees who will read it (never "not delivered").
  function decorate(li, flag, mine) {
    if (!flag || li.querySelector(".care-flag, .care-flag-note")) return;
    if (mine) {
      if (!root.dataset.tFlagged) return;
      var note = document.createElement("span");
      note.className = "help care-flag-note";
      note.textContent = root.dataset.tFlagged;
      li.append(document.createElement("br"), note);
    } else {
      var badge = document.createElement("span");
      badge.className = "level level-" + flag + " care-flag";
      badge.textContent = (flag === "high" || flag === "imminent") ? root.dataset.tFlagCrisis : root.dataset.tFlagRisk;
      li.append(" ", badge);
      var live = document.getElementById("care-risk-live");
      if (live) live.hidden = false;
    }
  }

  function showReceipt() {
    var mine = Array.prototype.filter.call(log.querySelectorAll("li.is-mine[data-seq]"), function (el) {
      return Number(el.dataset.seq) <= otherRead;
    });
    log.querySelectorAll(".care-receipt").forEach(function (el) { el.remove(); });
    if (!mine.length) { readLine.textContent = ""; return; }
    var mark = document.createElement("span");
    mark.className = "care-receipt help";
    mark.textContent = " ✓ " + root.dataset.tRead;
    mine[mine.length - 1].appendChild(mark);
    readLine.textContent = "";
  }

  function markRead() {
    if (document.visibilityState === "visible" && lastSeq) {
      send({type: "care.read", relationship: relationship, seq: lastSeq});
    }
  }

  function sync() { send({type: "care.sync", relationship: relationship, after: lastSeq}); }

  // Messages not yet acknowledged: shown marked "not sent — retry", kept across reloads and
  // resent with the same client id when the socket is back (outbox.js, as in every chat).
  var outbox = window.hsOutbox({
    key: "care:" + relationship + ":" + (appointment || "") + ":" + me, log: log,
    send: function (frame) { return !!send(frame); },
    strings: {unsent: root.dataset.tUnsent || "Not sent", retry: root.dataset.tRetry || "retry",
              sending: root.dataset.tSending || "Sending…"}
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var body = input.value.trim();
    if (!body) return;
    var id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
    var frame = {type: "care.send", relationship: relationship, client_id: id, body: body};
    if (appointment) frame.appointment = appointment;
    pending[id] = {body: body};
    input.value = "";
    state.textContent = outbox.add(frame) ? root.dataset.tSending : root.dataset.tOffline;
  });

  document.addEventListener("hs:socket", function (e) {
    if (e.detail.state === "open") { sync(); outbox.resend(); } else { outbox.offline(); }
  });
  document.addEventListener("visibilitychange", markRead);

  document.addEventListener("hs:event", function (e) {
    var d = e.detail;
    if (d.type === "resync") { sync(); return; }  // frames may have been missed: catch up
    if (d.relationship !== relationship) return;
    if (d.type === "care.message") { render(d); markRead(); showReceipt(); }
    else if (d.type === "care.history") {
      d.messages.forEach(render);
      if (d.read) otherRead = Math.max(otherRead, root.dataset.role === "practitioner" ? d.read.client : d.read.practitioner);
      markRead(); showReceipt();
    } else if (d.type === "care.ack") {
      outbox.acknowledged(d.client_id);
      var p = pending[d.client_id];
      delete pending[d.client_id];
      state.textContent = d.status === "held" ? root.dataset.tHeld : (d.note || "");
      if (d.status === "held" && p) {
        var held = document.createElement("li");
        held.className = "is-mine held-text";
        held.textContent = p.body + " — " + root.dataset.tHeld;
        log.appendChild(held);
      }
    } else if (d.type === "care.risk") {
      // A risk event about this client from anywhere on the site (the practitioner's own socket).
      var live = document.getElementById("care-risk-live");
      if (live) live.hidden = false;
    } else if (d.type === "care.read") {
      var mineRole = root.dataset.role === "practitioner" ? "practitioner" : "client";
      if (d.reader !== mineRole) { otherRead = Math.max(otherRead, d.seq); showReceipt(); }
    }
  });
  document.addEventListener("hs:event", function (e) {
    // An error about one unsent message marks that message (retried by itself when the server
    // was only busy or unavailable); the reason is said beside it and in the status line.
    if (e.detail.type === "error" && e.detail.client_id && outbox.refused(e.detail.client_id, e.detail.code, e.detail.detail)) {
      state.textContent = e.detail.detail;
    }
  });
  log.scrollTop = log.scrollHeight;
  showReceipt();
  markRead();
})();
