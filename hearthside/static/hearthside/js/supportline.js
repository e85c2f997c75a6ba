// The support-line conversation over the tab's one socket (events.js), for the person and for
// staff. Every message carries a client id, so a resend after a dropped connection never
// duplicates; after reconnecting the page asks for everything after the last sequence number it
// has shown, and shows messages in order.
//
// The conversation box (#sl-chat, with its sl-* parts) is found when the page loads; a page that
// adds one later (the companion's hand-off puts the conversation on its own page) calls
// window.hsSupportLine.mount(box) once the box is in the document.
(function () {
  "use strict";

  function mount(box) {
    if (!box || box.getAttribute("data-sl-mounted")) return;
    box.setAttribute("data-sl-mounted", "1");
    var id = Number(box.getAttribute("data-conversation"));
    var role = box.getAttribute("data-role");
    var ui = window.hsParts("sl-", "log form input whisper notice status whispers title waiting riskAlert you personName strings");
    var lastSeq = 0;
    var pending = {};
    var inOrder = window.hsInOrder(function (next) { render(next); }, function () { sync(); });
    var current = box.getAttribute("data-status");

    Array.prototype.forEach.call(ui.log.querySelectorAll("li[data-seq]"), function (li) {
      lastSeq = Math.max(lastSeq, Number(li.getAttribute("data-seq")));
    });
    ui.log.scrollTop = ui.log.scrollHeight;

    function authorOf(frame) {
      if (frame.kind === "person") {
        if (role === "person") return ui.you ? ui.you.content.textContent : "You";
        return ui.personName ? ui.personName.content.textContent : "";
      }
      return frame.author || "";
    }

    function render(frame) {
      if (ui.log.querySelector('li[data-seq="' + frame.seq + '"]')) return;
      var li = document.createElement("li");
      li.setAttribute("data-seq", frame.seq);
      li.className = "sl-" + frame.kind;
      if (frame.kind === "system") {
        var em = document.createElement("em");
        em.textContent = frame.body;
        li.appendChild(em);
      } else {
        window.hsMessageWords(li, authorOf(frame), frame.body);
      }
      ui.log.appendChild(li);
    }

    function accept(frame) {
      if (frame.seq <= lastSeq) return;
      lastSeq = inOrder(frame, lastSeq);
      ui.log.scrollTop = ui.log.scrollHeight;
    }

    function sync() { return !!(window.hsSocket && window.hsSocket.send({type: "line.sync", conversation: id, after: lastSeq})); }
    function trySend(frame) { return !!(window.hsSocket && window.hsSocket.send(frame)); }
    function text(name, fallback) { return (ui.strings && ui.strings.getAttribute("data-" + name)) || fallback; }
    // Messages not yet acknowledged: shown marked "not sent — retry", kept across reloads and
    // resent with the same client id when the socket is back (outbox.js, as in every chat).
    var outbox = window.hsOutbox ? window.hsOutbox({
      key: "line:" + id + ":" + role, log: ui.log, send: trySend,
      strings: {unsent: text("unsent", "Not sent"), retry: text("retry", "retry"), sending: text("sending", "sending…")}
    }) : null;

    if (ui.form) {
      ui.form.addEventListener("submit", function (e) {
        e.preventDefault();
        var written = ui.input.value.trim();
        if (!written) return;
        var frame = {type: "line.send", conversation: id, client_id: window.hsNewId(), body: written,
                     whisper: !!(ui.whisper && ui.whisper.checked)};
        ui.input.value = "";
        var sent;
        if (outbox) { sent = outbox.add(frame); } else { pending[frame.client_id] = frame; sent = trySend(frame); }
        ui.notice.textContent = sent ? "" : text("offline", "Offline — your message will be sent when the connection is back.");
      });
      ui.input.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); ui.form.requestSubmit(); }
      });
    }

    Array.prototype.forEach.call(document.querySelectorAll(".sl-canned button[data-text]"), function (button) {
      button.addEventListener("click", function () {
        ui.input.value = ui.input.value ? ui.input.value + " " + button.getAttribute("data-text") : button.getAttribute("data-text");
        ui.input.focus();
      });
    });

    function onStatus(data) {
      if (data.status === current) return;
      current = data.status;
      if (role === "person" && data.status === "active" && ui.title) {
        ui.title.textContent = data.supporter ? (ui.title.getAttribute("data-with") || "You are talking with ") + data.supporter : ui.title.textContent;
        if (ui.waiting) ui.waiting.hidden = true;
      }
      if (data.status === "ended") {
        // The page shows feedback and the transcript choices once the conversation is over.
        setTimeout(function () { location.reload(); }, 800);
      }
    }

    // Frames can be lost without the socket closing (a fan-out hiccup); a quiet catch-up every few
    // seconds while the page is visible fills any gap from the database and picks up status changes.
    setInterval(function () { if (!document.hidden) sync(); }, 8000);

    function showLive(open) {
      window.hsLiveBadge(ui.status, open, text("live", "live"), text("reconnecting", "reconnecting…"));
    }

    document.addEventListener("hs:socket", function (e) {
      var open = e.detail.state === "open";
      showLive(open);
      if (open) {
        sync();
        if (outbox) outbox.resend();
        Object.keys(pending).forEach(function (cid) { trySend(pending[cid]); });
      } else if (outbox) {
        outbox.offline();
      }
    });
    // The tab's socket may have opened before this script ran (scripts load in order, the socket
    // does not wait): if it is open already, catch up now.
    if (sync()) showLive(true);
    document.addEventListener("hs:event", function (e) {
      var data = e.detail;
      if (data.type === "resync") { sync(); return; }
      // An error about one of this page's unsent messages (the socket core's frame checks carry
      // no conversation id): that message is marked, and retried by itself when it can be.
      if (data.type === "error" && data.client_id && outbox && outbox.refused(data.client_id, data.code, data.detail)) return;
      if (data.conversation !== id) return;
      if (data.type === "line.message") { accept(data); }
      else if (data.type === "line.history") {
        showLive(true);
        data.messages.forEach(accept);
        if (data.status) onStatus({status: data.status, supporter: data.supporter});
      } else if (data.type === "line.status") { onStatus(data); }
      else if (data.type === "line.whisper" && ui.whispers) {
        var empty = ui.whispers.querySelector(".sl-empty");
        if (empty) empty.remove();
        var li = document.createElement("li");
        var who = document.createElement("strong");
        who.textContent = data.author;
        li.appendChild(who);
        li.appendChild(document.createTextNode(" " + data.body));
        ui.whispers.appendChild(li);
      } else if (data.type === "line.risk" && ui.riskAlert) {
        ui.riskAlert.classList.remove("sl-hidden");
        // The frame says "high"; the page names the level in the reader's language.
        var levelNames = {};
        try { levelNames = JSON.parse(document.getElementById("sl-level-names").textContent); } catch (err) { levelNames = {}; }
        var levelName = levelNames[data.level] || data.level;
        document.getElementById("sl-risk-text").textContent = levelName + (data.reasons && data.reasons.length ? ": " + data.reasons.join(", ") : "");
        var badge = document.getElementById("sl-risk");
        if (badge) { badge.textContent = levelName; badge.className = "level level-" + data.level; }
      } else if (data.type === "line.ack") {
        delete pending[data.client_id];
        if (outbox) outbox.acknowledged(data.client_id);
      } else if (data.type === "error") {
        if (data.client_id) delete pending[data.client_id];
        ui.notice.textContent = data.detail;
      }
    });
  }

  window.hsSupportLine = {mount: mount};
  mount(document.getElementById("sl-chat"));
})();
