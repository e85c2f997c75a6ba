// Group chat over the tab's one socket (events.js). Every message carries a client id, so a
// resend after a dropped connection never duplicates; after reconnecting the page asks for
// everything after the last sequence number it has shown, and shows messages in order.
(function () {
  "use strict";
  var box = document.getElementById("chat");
  if (!box) return;
  var ui = window.hsParts("chat-", "log form input anon notice status older hiddenTemplate report reportReason reportQuote blockActions presence typing reportCancel");
  var slug = box.getAttribute("data-group");
  var me = box.getAttribute("data-me");
  var reportSeq = null, reportAuthor = null, reportOpener = null;
  function text(name) { return box.getAttribute("data-" + name) || ""; }
  var lastSeq = 0, firstSeq = null;
  // Messages not yet acknowledged: shown marked "not sent — retry", kept across reloads (outbox.js).
  var outbox = window.hsOutbox({
    key: "chat:" + slug, log: ui.log,
    strings: {unsent: text("unsent-text"), retry: text("retry-label"), sending: text("sending-text")},
    send: function (frame) { return trySend(frame); }
  });
  var inOrder = window.hsInOrder(function (next) {
    render(next);
    if (firstSeq === null) firstSeq = next.seq;
  }, function () { sync(); });

  function addReport(li) {
    // Members can report someone else's message; a moderator sees it in the queue.
    if (li.className === "is-mine" || li.className === "is-hidden" || li.querySelector(".chat-report-button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button-small chat-report-button";
    button.textContent = text("report-label");
    button.addEventListener("click", function () {
      reportSeq = li.getAttribute("data-seq");
      reportAuthor = li.getAttribute("data-author");
      ui.blockActions.hidden = !reportAuthor;
      var body = li.querySelector(".chat-body");
      ui.reportQuote.textContent = body ? "“" + body.textContent.trim() + "”" : "";
      ui.report.hidden = false;
      reportOpener = button;
      ui.reportReason.focus();
    });
    li.appendChild(button);
  }

  Array.prototype.forEach.call(ui.log.querySelectorAll("li[data-seq]"), function (li) {
    addReport(li);
    var seq = Number(li.getAttribute("data-seq"));
    lastSeq = Math.max(lastSeq, seq);
    firstSeq = firstSeq === null ? seq : Math.min(firstSeq, seq);
  });
  ui.log.scrollTop = ui.log.scrollHeight;

  function render(frame, prepend) {
    if (frame.filtered) return;  // someone this person muted or blocked: keeps its place, shows nothing
    var existing = ui.log.querySelector('li[data-seq="' + frame.seq + '"]');
    var li = existing || document.createElement("li");
    li.setAttribute("data-seq", frame.seq);
    li.textContent = "";
    if (frame.hidden) {
      li.className = "is-hidden";
      li.appendChild(ui.hiddenTemplate.content.cloneNode(true));
    } else {
      window.hsMessageWords(li, frame.author, frame.body);
      li.className = frame.author === me ? "is-mine" : "";
      if (frame.named) li.setAttribute("data-author", frame.author);
      addReport(li);
    }
    if (!existing) {
      if (prepend) { ui.log.insertBefore(li, ui.log.firstChild); } else { ui.log.appendChild(li); }
    }
  }

  function accept(frame) {
    if (frame.seq <= lastSeq) {
      if (frame.hidden) render(frame);  // a moderator hid an earlier message
      return;
    }
    lastSeq = inOrder(frame, lastSeq);
    outbox.keepLast();
  }

  function sync() { window.hsSocket && window.hsSocket.send({type: "chat.sync", group: slug, after: lastSeq}); }

  function trySend(frame) { return window.hsSocket && window.hsSocket.send(frame); }

  ui.form.addEventListener("submit", function (e) {
    e.preventDefault();
    // (Not "text": a variable of that name hid the strings function and the offline notice threw.)
    var body = ui.input.value.trim();
    if (!body) return;
    var frame = {type: "chat.send", group: slug, client_id: window.hsNewId(), body: body, anonymous: !!(ui.anon && ui.anon.checked)};
    ui.input.value = "";  // the message is in the log now, kept until acknowledged
    ui.notice.textContent = outbox.add(frame) ? "" : text("offline-text");
  });
  // Typing indicator: at most one frame every two seconds; nothing is stored.
  var typingSentAt = 0, typingTimer = null;
  var myTags = [text("typing-tag"), text("typing-tag-anon")];
  ui.input.addEventListener("input", function () {
    var now = Date.now();
    if (ui.input.value.trim() && now - typingSentAt > 2000 && window.hsSocket) {
      typingSentAt = now;
      window.hsSocket.send({type: "typing.start", group: slug, anonymous: !!(ui.anon && ui.anon.checked)});
    }
  });
  ui.input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); ui.form.requestSubmit(); }
  });
  ui.older.addEventListener("click", function () {
    if (firstSeq !== null) window.hsSocket.send({type: "chat.history", group: slug, before: firstSeq});
  });

  ui.report.addEventListener("submit", function (e) {
    e.preventDefault();
    var csrf = ui.report.querySelector("input[name=csrfmiddlewaretoken]").value;
    fetch("/api/v1/community/groups/" + encodeURIComponent(slug) + "/chat/" + reportSeq + "/report", {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify({reason: ui.reportReason.value})
    }).then(function (r) {
      return r.json().then(function (data) {
        ui.notice.textContent = r.ok ? text("reported-text") : (data.detail || "");
        if (r.ok) { closeReport(); ui.reportReason.value = ""; }
      });
    }).catch(function () { ui.notice.textContent = text("offline-text"); });
  });
  // Hiding the form under the focus would drop a keyboard user at the top of the page: the focus
  // goes back to the Report button they came from (or to the log, if that message is gone).
  function closeReport() {
    var back = reportOpener && reportOpener.isConnected ? reportOpener : ui.log;
    ui.report.hidden = true;
    reportOpener = null;
    if (ui.report.contains(document.activeElement) || document.activeElement === document.body) back.focus();
  }
  ui.reportCancel.addEventListener("click", closeReport);
  Array.prototype.forEach.call(ui.blockActions.querySelectorAll("button[data-kind]"), function (button) {
    button.addEventListener("click", function () {
      var csrf = ui.report.querySelector("input[name=csrfmiddlewaretoken]").value;
      fetch("/api/v1/community/blocks/" + encodeURIComponent(reportAuthor), {
        method: "PUT", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
        body: JSON.stringify({kind: button.getAttribute("data-kind")})
      }).then(function (r) {
        if (r.ok) { window.location.reload(); }  // the page comes back without their messages
      });
    });
  });

  document.addEventListener("hs:socket", function (e) {
    var open = e.detail.state === "open";
    // The words come from the page, in the reader's language.
    window.hsLiveBadge(ui.status, open, ui.status.getAttribute("data-live") || "live",
                       ui.status.getAttribute("data-reconnecting") || "reconnecting…");
    if (open) {
      sync();
      outbox.resend();  // the same client ids: the server never stores one twice
    } else {
      outbox.offline();
    }
  });
  document.addEventListener("hs:event", function (e) {
    var data = e.detail;
    if (data.type === "resync") { sync(); return; }
    if (data.type === "blocks.changed") { window.location.reload(); return; }
    if (data.type === "error" && data.client_id && outbox.refused(data.client_id, data.code, data.detail)) {
      // One of this page's messages was refused: only it is marked (with the reason) and kept;
      // rate_limited and unavailable are retried by themselves.
      ui.notice.textContent = data.detail;
      return;
    }
    if (data.group !== slug) return;
    if (data.type === "chat.message") { accept(data); if (data.body) ui.typing.hidden = true; }
    else if (data.type === "typing.active") {
      if (myTags.indexOf(data.by) !== -1) return;
      ui.typing.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { ui.typing.hidden = true; }, 4000);
    }
    else if (data.type === "presence") {
      // How many members have this chat open (a count only; your own tabs count once).
      var n = parseInt(data.online, 10);
      if (ui.presence && n > 0) {
        ui.presence.textContent = (n === 1 ? text("presence-one") : text("presence-many")).replace("#", String(n));
        ui.presence.hidden = false;
      }
    }
    else if (data.type === "meeting.started") { ui.notice.textContent = text("meeting-started-text") + " " + data.title; }
    else if (data.type === "meeting.ended") { ui.notice.textContent = text("meeting-ended-text"); }
    else if (data.type === "chat.history") {
      if (data.mode === "sync") {
        data.messages.forEach(accept);
        // Away for long: catch-up comes in pages; ask for the next until up to date.
        if (data.messages.length && lastSeq < data.upto) sync();
      } else {
        window.hsPrependEarlier(ui.log, ui.older, data.messages, function (m) {
          render(m, true);
          firstSeq = firstSeq === null ? m.seq : Math.min(firstSeq, m.seq);
        });
      }
    } else if (data.type === "chat.ack") {
      outbox.acknowledged(data.client_id);
      if (data.status === "held") {
        ui.notice.textContent = text("held-text");
      } else if (data.status === "review") {
        ui.notice.textContent = text("review-text");
      }
    } else if (data.type === "error") {
      ui.notice.textContent = data.detail;
    } else if (data.type === "membership.ended") {
      ui.notice.textContent = "You are no longer a member of this group.";
      ui.form.hidden = true;
    }
  });
})();
