// One websocket per tab (/ws/events/) for a logged-in person. It re-dispatches each event as a
// "hs:event" DOM event, so page scripts (the staff dashboard) listen without their own socket,
// and it shows the help panel at once when the safety layer sends "safety.help".
(function () {
  "use strict";
  var body = document.body;
  if (!body || body.getAttribute("data-events") !== "on" || !window.WebSocket) return;
  var delay = 1000;

  function emit(name, detail) { document.dispatchEvent(new CustomEvent(name, {detail: detail})); }

  function showHelp(event) {
    if (document.getElementById("live-help-panel")) return;
    var template = document.getElementById("help-panel-template");
    var main = document.getElementById("main");
    if (!template || !main) return;
    var panel = template.content.firstElementChild.cloneNode(true);
    panel.id = "live-help-panel";
    if (event && event.held === false) {
      // The words were delivered (e.g. to a support-line supporter): don't say they were held.
      Array.prototype.forEach.call(panel.querySelectorAll("[data-when-held]"), function (el) { el.remove(); });
    }
    main.insertBefore(panel, main.firstChild);
    panel.setAttribute("tabindex", "-1");
    panel.focus();
  }

  // The safety team reached out: the banner appears at once on whatever page this is (the page
  // drew it already if the outreach was open when it loaded), with one-tap replies.
  function showOutreach(event) {
    if (document.getElementById("outreach-banner")) return;
    var chat = document.getElementById("sl-chat");
    if (chat && Number(chat.getAttribute("data-conversation")) === Number(event.conversation)) return;
    var template = document.getElementById("outreach-template");
    var main = document.getElementById("main");
    if (!template || !main || !event.url) return;
    var banner = template.content.firstElementChild.cloneNode(true);
    banner.id = "outreach-banner";
    banner.setAttribute("data-conversation", event.conversation);
    var title = banner.querySelector("[data-outreach-title]");
    title.textContent = title.getAttribute("data-text").replace("%(name)s", event.from || "");
    banner.querySelector("form").setAttribute("action", event.reply_url);
    banner.querySelector("a.outreach-open").setAttribute("href", event.url);
    main.insertBefore(banner, main.firstChild);
    banner.setAttribute("tabindex", "-1");
    banner.focus();
    // A system notification only where the person already allowed them; never asked for here.
    if (window.Notification && Notification.permission === "granted" && document.hidden) {
      try { new Notification(title.textContent); } catch (e) { /* some browsers allow it only from a service worker */ }
    }
  }

  var current = null;
  // Page scripts send through this one socket; false means "not connected now, retry on open".
  window.hsSocket = {
    send: function (frame) {
      if (!current || current.readyState !== 1) return false;
      current.send(JSON.stringify(frame));
      return true;
    }
  };

  // A host that vanishes without closing its sockets (a crashed machine, a dropped network) leaves
  // the socket open and silent for as long as the proxy allows (up to an hour). After 25 s without
  // a frame the page asks "ping"; with no answer 10 s later it gives that socket up and reconnects
  // (to another host behind the load balancer), and page scripts catch up by sequence number.
  var QUIET_MS = 25000, ANSWER_MS = 10000;
  var heardAt = 0, pingedAt = 0, watchdog = null;

  function watch(ws) {
    clearInterval(watchdog);
    heardAt = Date.now();
    pingedAt = 0;
    watchdog = setInterval(function () {
      if (current !== ws || ws.readyState !== 1) { clearInterval(watchdog); return; }
      var now = Date.now();
      if (pingedAt && now - pingedAt >= ANSWER_MS) {
        clearInterval(watchdog);
        ws.onclose = null;
        ws.onmessage = null;
        try { ws.close(); } catch (e) { /* already closing */ }
        emit("hs:socket", {state: "closed"});
        connect();
      } else if (!pingedAt && now - heardAt >= QUIET_MS) {
        pingedAt = now;
        ws.send(JSON.stringify({type: "ping"}));
      }
    }, 1000);
  }

  function connect() {
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(proto + location.host + "/ws/events/");
    current = ws;
    // A handshake that neither opens nor fails (a dropped packet, a stalled proxy) would leave
    // the page "connecting…" for good: give up on it after 8 s and try again like any close.
    var handshake = setTimeout(function () { if (ws.readyState === 0) ws.close(); }, 8000);
    ws.onopen = function () { clearTimeout(handshake); delay = 1000; watch(ws); emit("hs:socket", {state: "open"}); };
    ws.onmessage = function (msg) {
      heardAt = Date.now();
      pingedAt = 0;
      var data;
      try { data = JSON.parse(msg.data); } catch (e) { return; }
      if (data.type === "safety.help") showHelp(data);
      if (data.type === "safety.outreach") showOutreach(data);
      emit("hs:event", data);
    };
    ws.onclose = function (e) {
      clearTimeout(handshake);
      if (current === ws) clearInterval(watchdog);
      emit("hs:socket", {state: "closed"});
      if (e.code === 4401) return;  // not logged in any more
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  // Connect once every deferred page script has run, so their "hs:socket" listeners never miss
  // the first "open" (a socket opened while a page script was still loading went unnoticed).
  // This file is itself a deferred script: while deferred scripts run, readyState is already
  // "interactive" but the later ones (a page's own script) have not run yet, so wait for
  // DOMContentLoaded unless the document is complete; "load" is the fallback, once.
  var started = false;
  function start() { if (!started) { started = true; connect(); } }
  if (document.readyState === "complete") start();
  else {
    document.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
