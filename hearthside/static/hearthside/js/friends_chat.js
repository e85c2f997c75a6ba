// 1:1 peer chat over the tab's one socket (events.js), frames of the "peer" channel. Every
// message carries a client id, so a resend after a dropped connection never duplicates; after
// reconnecting the page asks for everything after the last sequence number it has shown.
(function () {
  "use strict";
  var box = document.getElementById("peer-chat");
  if (!box) return;
  var connection = Number(box.getAttribute("data-connection"));
  var me = box.getAttribute("data-me");  // this connection's opaque reference for me
  var ui = window.hsParts("chat-", "log form input notice status older strings hiddenTemplate");
  var strings = ui.strings.dataset;
  var reportTemplate = document.getElementById("report-template");
  var lastSeq = 0, firstSeq = null;
  var inOrder = window.hsInOrder(function (next) {
    render(next);
    if (firstSeq === null) firstSeq = next.seq;
  }, function () { sync(); });
  // Messages not yet acknowledged: shown marked "not sent — retry", kept across reloads (outbox.js).
  var outbox = window.hsOutbox({
    key: "peer:" + connection, log: ui.log,
    strings: {unsent: strings.unsent, retry: strings.retry, sending: strings.sending},
    send: function (frame) { return send(frame); }
  });

  Array.prototype.forEach.call(ui.log.querySelectorAll("li[data-seq]"), function (li) {
    var seq = Number(li.getAttribute("data-seq"));
    lastSeq = Math.max(lastSeq, seq);
    firstSeq = firstSeq === null ? seq : Math.min(firstSeq, seq);
  });
  ui.log.scrollTop = ui.log.scrollHeight;

  function render(frame, prepend) {
    var existing = ui.log.querySelector('li[data-seq="' + frame.seq + '"]');
    var li = existing || document.createElement("li");
    li.setAttribute("data-seq", frame.seq);
    li.textContent = "";
    var mine = frame.author_ref === me;
    li.className = mine ? "is-mine" : "is-theirs";
    if (frame.hidden) {
      li.className += " is-hidden";
      li.appendChild(ui.hiddenTemplate.content.cloneNode(true));
    } else {
      window.hsMessageWords(li, frame.author, frame.body);
      if (!mine) {
        var report = reportTemplate.content.cloneNode(true);
        report.querySelector("form").action = strings.reportUrl.replace(/\/0\/report\/$/, "/" + frame.seq + "/report/");
        li.appendChild(report);
      }
    }
    if (!existing) {
      if (prepend) { ui.log.insertBefore(li, ui.log.firstChild); } else { ui.log.appendChild(li); }
    }
  }

  function accept(frame) {
    if (frame.seq <= lastSeq) { if (frame.hidden) render(frame); return; }
    lastSeq = inOrder(frame, lastSeq);
    outbox.keepLast();
  }

  function send(frame) { return window.hsSocket && window.hsSocket.send(frame); }
  function sync() { send({type: "peer.sync", connection: connection, after: lastSeq}); }

  ui.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var body = ui.input.value.trim();
    if (!body) return;
    var frame = {type: "peer.send", connection: connection, client_id: window.hsNewId(), body: body};
    ui.input.value = "";  // the message is in the log now, kept until acknowledged
    ui.notice.textContent = outbox.add(frame) ? "" : strings.offline;
  });
  ui.input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); ui.form.requestSubmit(); }
  });
  ui.older.addEventListener("click", function () {
    if (firstSeq !== null) send({type: "peer.history", connection: connection, before: firstSeq});
  });

  function showState(open) {
    window.hsLiveBadge(ui.status, open, strings.live, strings.reconnecting);
  }
  document.addEventListener("hs:socket", function (e) {
    var open = e.detail.state === "open";
    showState(open);
    if (open) {
      sync();
      outbox.resend();  // the same client ids: the server never stores one twice
    } else {
      outbox.offline();
    }
  });
  // The socket may have opened before this script ran (deferred scripts can run a task apart):
  // a catch-up request that goes through means it is already live.
  if (send({type: "peer.sync", connection: connection, after: lastSeq})) { showState(true); outbox.resend(); }
  document.addEventListener("hs:event", function (e) {
    var data = e.detail;
    if (data.type === "resync") { sync(); return; }
    if (data.type === "error" && data.client_id && outbox.refused(data.client_id, data.code, data.detail)) {
      // One of this page's messages was refused: only it is marked (with the reason) and kept;
      // rate_limited and unavailable are retried by themselves.
      ui.notice.textContent = data.detail;
      return;
    }
    if (data.connection !== connection) return;
    if (data.type === "peer.message") { accept(data); }
    else if (data.type === "peer.history") {
      if (data.mode === "sync") { data.messages.forEach(accept); }
      else {
        window.hsPrependEarlier(ui.log, ui.older, data.messages, function (m) {
          render(m, true);
          firstSeq = firstSeq === null ? m.seq : Math.min(firstSeq, m.seq);
        });
      }
    } else if (data.type === "peer.ack") {
      outbox.acknowledged(data.client_id);
      if (data.status === "crisis") ui.notice.textContent = strings.held;
      else if (data.status === "held") ui.notice.textContent = strings.heldReview;
    } else if (data.type === "error") {
      ui.notice.textContent = data.detail;
    } else if (data.type === "peer.ended") {
      ui.notice.textContent = strings.ended;
      ui.form.hidden = true;
    }
  });
})();
