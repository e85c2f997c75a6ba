// The companion page, live over the one websocket (events.js). Without the socket the plain form
// posts and the page reloads; with it, messages arrive as companion.message frames.
(function () {
  "use strict";
  var root = document.getElementById("companion");
  if (!root) return;
  var ui = window.hsParts("companion-", "log form input quick notice status stream exercise helpSlot lineSlot handoffSlot handoffTemplate engine strings");
  var S = ui.strings.dataset;
  var conversation = Number(root.getAttribute("data-conversation"));
  var lastSeq = Number(root.getAttribute("data-last-seq")) || 0;
  var live = false;
  var csrf = ui.form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var pacerTimer = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function scroll() { ui.log.scrollTop = ui.log.scrollHeight; }

  function addMessage(m) {
    if (m.seq <= lastSeq && ui.log.querySelector('[data-seq="' + m.seq + '"]')) return;
    var li = el("li", "companion-msg is-" + m.role);
    li.setAttribute("data-seq", m.seq);
    li.appendChild(el("span", "visually-hidden", m.role === "person" ? S.you : S.companion));
    li.appendChild(el("p", "companion-body", m.body));
    // Which engine wrote a reply is kept for tests and troubleshooting, not shown on each reply
    // ("offline" read like "not sent"); the heading says who is answering.
    if (m.role === "companion") li.setAttribute("data-engine", m.engine || "");
    ui.log.appendChild(li);
    lastSeq = Math.max(lastSeq, m.seq);
    if (m.role === "companion") {
      ui.stream.hidden = true; ui.stream.textContent = "";
      if (ui.engine && m.engine) ui.engine.textContent = S.answering + " " + (m.engine.indexOf("offline") === 0 ? S.builtIn : m.engine);
      showQuick((m.extra || {}).quick_replies || []);
      showExercise((m.extra || {}).exercise);
      if ((m.actions || []).indexOf("show_help") !== -1 && (m.extra || {}).help) showHelp(m.extra.help);
      if ((m.extra || {}).handoff) showHandoff(m.seq, m.extra.handoff);
    }
    scroll();
  }

  function showQuick(options) {
    Array.prototype.slice.call(ui.quick.querySelectorAll("button")).forEach(function (b) { b.remove(); });
    options.forEach(function (text) {
      var b = el("button", "button-small", text);
      b.type = "submit"; b.name = "text"; b.value = text;
      ui.quick.appendChild(b);
    });
  }

  function showHelp(help) {
    var panel = el("section", "help-panel companion-help");
    panel.id = "companion-help";
    panel.setAttribute("role", "alert");
    panel.setAttribute("tabindex", "-1");
    panel.appendChild(el("h2", "", S.helpTitle));
    if (help.plan && help.plan.length) {
      panel.appendChild(el("h3", "", S.plan));
      help.plan.forEach(function (row) {
        var p = el("p");
        p.appendChild(el("strong", "", row.title + ": "));
        p.appendChild(document.createTextNode(row.items.join("; ")));
        panel.appendChild(p);
      });
    }
    var em = el("p", "companion-emergency", help.emergency ? S.emergency + " " : S.emergencyNone);
    if (help.emergency) { var a = el("a", "phone", help.emergency); a.href = "tel:" + help.emergency; em.appendChild(a); }
    panel.appendChild(em);
    if (help.lines && help.lines.length) {
      panel.appendChild(el("h3", "", S.lines));
      var ul = el("ul", "companion-lines");
      help.lines.forEach(function (line) {
        var li = el("li");
        li.appendChild(el("strong", "", line.name));
        if (line.phone) { li.appendChild(document.createTextNode(" · ")); var t = el("a", "", line.phone); t.href = line.tel || "#"; li.appendChild(t); }
        if (line.sms) li.appendChild(document.createTextNode(" · " + line.sms));
        if (line.hours) li.appendChild(el("span", "help", " (" + line.hours + ")"));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var actions = el("p", "companion-help-actions");
    var talk = el("a", "button", S.talk); talk.href = help.support_line_url;
    var all = el("a", "button button-secondary", S.all); all.href = help.help_url;
    actions.appendChild(talk); actions.appendChild(document.createTextNode(" ")); actions.appendChild(all);
    panel.appendChild(actions);
    if (help.alerted) panel.appendChild(el("p", "help", S.alerted));
    var had = document.getElementById("companion-help");
    dropGenericPanel();
    ui.helpSlot.textContent = "";
    ui.helpSlot.appendChild(panel);
    if (!had) panel.focus();
  }

  // "Connect me": one question (may the companion pass on the summary shown?), then the
  // support-line conversation takes its place at the top of this page, live on the same socket.
  function showLine() {
    var panel = document.getElementById("companion-line");
    if (!panel) return false;
    panel.scrollIntoView({block: "start"});
    panel.focus();
    return true;
  }

  function showHandoff(seq, handoff) {
    if (handoff.live || document.getElementById("companion-line")) {
      // Already connected: the conversation is on the page (or comes with a reload).
      if (!showLine()) location.reload();
      return;
    }
    if (!handoff.summary || !ui.handoffTemplate) return;
    var panel = ui.handoffTemplate.content.firstElementChild.cloneNode(true);
    panel.querySelector("[data-summary]").textContent = handoff.summary;
    panel.querySelector("input[name=offer]").value = seq;
    ui.handoffSlot.textContent = "";
    ui.handoffSlot.appendChild(panel);
    scroll();
  }

  ui.handoffSlot.addEventListener("submit", function (e) {
    var handoffForm = e.target;
    e.preventDefault();
    var data = new FormData(handoffForm);
    var choice = e.submitter && e.submitter.name === "share" ? e.submitter.value : "no";
    data.set("share", choice);
    var buttons = handoffForm.querySelectorAll("button");
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    fetch(handoffForm.action, {
      method: "POST", credentials: "same-origin", body: data,
      headers: {"X-CSRFToken": csrf, "X-Hearthside-Fragment": "1"}
    }).then(function (r) { return r.text().then(function (text) { return {ok: r.ok, text: text}; }); })
      .then(function (res) {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
        if (!res.ok) { ui.notice.textContent = res.text; return; }
        // The server's own rendering of the conversation panel (the same as on a fresh page).
        ui.lineSlot.innerHTML = res.text;
        ui.handoffSlot.textContent = "";
        if (window.hsSupportLine) window.hsSupportLine.mount(document.getElementById("sl-chat"));
        showLine();
      }).catch(function () {
        // No answer from the server: the plain form does the same and reloads the page.
        var hidden = document.createElement("input");
        hidden.type = "hidden"; hidden.name = "share"; hidden.value = choice;
        handoffForm.appendChild(hidden);
        handoffForm.submit();
      });
  });

  function showExercise(exercise) {
    if (pacerTimer) { clearTimeout(pacerTimer); pacerTimer = null; }
    ui.exercise.textContent = "";
    if (!exercise || !exercise.step || exercise.step.type !== "breathing") return;
    var step = exercise.step;
    var box = el("div", "companion-pacer");
    var circle = el("div", "companion-pacer-circle");
    circle.setAttribute("aria-hidden", "true");
    var label = el("p", "companion-pacer-label");
    box.appendChild(circle); box.appendChild(label);
    ui.exercise.appendChild(box);
    runPacer(circle, label, step.pattern || [4, 4, 4, 4], step.labels || [], step.cycles || 4);
  }

  function runPacer(circle, label, pattern, labels, cycles) {
    var phase = 0, cycle = 0, remaining = pattern[0];
    function show() {
      label.textContent = (labels[phase] || "") + " · " + remaining;
      circle.style.transitionDuration = reduce ? "0s" : pattern[phase] + "s";
      circle.style.transform = "scale(" + (phase === 0 || phase === 1 ? 1 : 0.55) + ")";
    }
    function tick() {
      remaining -= 1;
      if (remaining <= 0) {
        phase = (phase + 1) % pattern.length;
        if (phase === 0) cycle += 1;
        if (cycle >= cycles) { label.textContent = S.done; return; }
        remaining = pattern[phase];
        if (remaining === 0) return tick();
      }
      show();
      pacerTimer = setTimeout(tick, 1000);
    }
    circle.getBoundingClientRect();
    show();
    pacerTimer = setTimeout(tick, 1000);
  }

  function newId() { return "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8); }

  function send(text) {
    text = (text || "").trim();
    if (!text) return true;
    var frame = {type: "companion.send", text: text, client_id: newId()};
    if (live && window.hsSocket && window.hsSocket.send(frame)) { ui.notice.textContent = ""; return true; }
    // No socket: the JSON API answers just the same.
    fetch("/api/v1/companion/messages", {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify({text: text, client_id: frame.client_id, conversation_id: conversation})
    }).then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
      .then(function (res) {
        if (!res.ok) { ui.notice.textContent = res.body.detail || ""; return; }
        addMessage(res.body.message); addMessage(res.body.reply);
      }).catch(function () { ui.form.submit(); });
    return true;
  }

  ui.form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (send(ui.input.value)) ui.input.value = "";
  });
  ui.input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); if (send(ui.input.value)) ui.input.value = ""; }
  });
  ui.quick.addEventListener("click", function (e) {
    var b = e.target.closest("button[name=text]");
    if (!b) return;
    e.preventDefault();
    send(b.value);
  });

  document.addEventListener("hs:socket", function (e) {
    live = e.detail.state === "open";
    ui.status.textContent = live ? S.live : S.offline;
    if (live && window.hsSocket) window.hsSocket.send({type: "companion.sync", after: lastSeq});
  });
  document.addEventListener("hs:event", function (e) {
    var d = e.detail || {};
    if (d.type === "companion.message" && d.conversation === conversation) addMessage(d.message);
    else if (d.type === "companion.history" && d.conversation === conversation) d.messages.forEach(addMessage);
    else if (d.type === "companion.delta") { ui.stream.hidden = false; ui.stream.textContent += d.text; }
    else if (d.type === "companion.error") ui.notice.textContent = d.detail;
    // The companion's own panel says more; a support-line message on this page screened high
    // needs no second panel when the companion's is already here.
    else if (d.type === "safety.help" && (d.source === "companion" || document.getElementById("companion-help")))
      dropGenericPanel();
    // The server lost frames for a moment (a fan-out reconnect): catch up from the database.
    else if (d.type === "resync" && window.hsSocket) window.hsSocket.send({type: "companion.sync", after: lastSeq});
  });
  // The safety layer's generic panel (events.js) says less than the companion's own, which comes
  // with the reply a moment later: one panel, not two, so the person is not met with a wall of text.
  function dropGenericPanel() {
    var generic = document.getElementById("live-help-panel");
    if (generic) generic.remove();
  }
  window.addEventListener("resize", scroll);
  // A breathing step already on the page when it loads starts its pacer too.
  var existing = ui.exercise.querySelector(".companion-pacer");
  if (existing) {
    var p = existing.dataset;
    runPacer(existing.querySelector(".companion-pacer-circle"), existing.querySelector(".companion-pacer-label"),
      p.pattern.split(",").map(Number), p.labels.split("|"), Number(p.cycles) || 4);
  }
  scroll();
})();
