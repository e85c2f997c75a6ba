// Unsent messages of a chat page (group chat, peer chat): the same client code for every chat.
// A message stays here from the moment it is written until the server acknowledges it. It is
// shown in the log, marked "not sent — retry" while it is not on its way, kept in sessionStorage
// (per conversation) so a reload keeps it, and resent with the same client_id when the socket
// comes back (the server never stores a client_id twice, so resends are idempotent). An error
// for one message marks that message only, with the reason; rate_limited and unavailable wait
// and retry by themselves. See docs/realtime.md, "The page's unsent messages".
(function () {
  "use strict";
  var AUTO_RETRY = {rate_limited: true, unavailable: true, server_error: true};

  // options: key (per conversation), log (the <ol>), strings {unsent, retry, sending},
  // send(frame) -> true when handed to an open socket.
  window.hsOutbox = function (options) {
    var storageKey = "hs-unsent:" + options.key;
    var log = options.log, strings = options.strings;
    var items = {};  // client_id -> {frame, li, reason, refused, timer, delay}
    var order = [];

    function save() {
      try {
        var list = order.map(function (id) { return {frame: items[id].frame, reason: items[id].reason || "", refused: !!items[id].refused}; });
        if (list.length) window.sessionStorage.setItem(storageKey, JSON.stringify(list));
        else window.sessionStorage.removeItem(storageKey);
      } catch (e) { /* storage full or disabled: the messages stay in memory */ }
    }

    function draw(item, sending) {
      var li = item.li;
      li.textContent = "";
      li.className = "is-mine is-unsent";
      var body = document.createElement("span");
      body.className = "chat-body";
      body.textContent = item.frame.body;
      li.appendChild(body);
      var mark = document.createElement("span");
      mark.className = "chat-unsent";
      if (sending) {
        mark.textContent = " " + strings.sending;
      } else {
        mark.textContent = " " + strings.unsent + " — ";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button-small chat-retry";
        button.textContent = strings.retry;
        button.addEventListener("click", function () { item.refused = false; item.delay = 0; attempt(item); });
        mark.appendChild(button);
        if (item.reason) {
          var why = document.createElement("span");
          why.className = "chat-unsent-reason";
          why.textContent = " " + item.reason;
          mark.appendChild(why);
        }
      }
      li.appendChild(mark);
    }

    function attempt(item) {
      clearTimeout(item.timer);
      item.timer = null;
      var sent = options.send(item.frame);
      if (sent) item.reason = "";
      draw(item, sent);
      save();
      return sent;
    }

    // Unsent messages stay below the delivered ones. They are moved only when something came in
    // after them: the log is a live region, and a node taken out and put back is read out again.
    function keepLast() {
      var tail = log.lastElementChild;
      for (var i = order.length - 1; i >= 0; i--) {
        if (items[order[i]].li !== tail) {
          order.forEach(function (id) { log.appendChild(items[id].li); });
          break;
        }
        tail = tail.previousElementSibling;
      }
      log.scrollTop = log.scrollHeight;
    }

    function track(frame, reason, refused) {
      var item = {frame: frame, li: document.createElement("li"), reason: reason || "", refused: !!refused, timer: null, delay: 0};
      item.li.setAttribute("data-client-id", frame.client_id);
      items[frame.client_id] = item;
      order.push(frame.client_id);
      log.appendChild(item.li);
      return item;
    }

    // Whatever an earlier load of this page had not sent.
    try {
      JSON.parse(window.sessionStorage.getItem(storageKey) || "[]").forEach(function (saved) {
        if (saved && saved.frame && saved.frame.client_id && !items[saved.frame.client_id]) {
          draw(track(saved.frame, saved.reason, saved.refused), false);
        }
      });
    } catch (e) { /* unreadable: nothing to restore */ }
    log.scrollTop = log.scrollHeight;

    return {
      // A new message: kept until acknowledged. Returns whether it went out now.
      add: function (frame) { var item = track(frame); log.scrollTop = log.scrollHeight; return attempt(item); },
      // The socket is (back) open: resend everything not refused, with the same client ids.
      resend: function () {
        order.forEach(function (id) { if (!items[id].refused) attempt(items[id]); });
      },
      // The socket closed: nothing in flight will be acknowledged on it.
      offline: function () { order.forEach(function (id) { draw(items[id], false); }); },
      acknowledged: function (clientId) {
        var item = items[clientId];
        if (!item) return;
        clearTimeout(item.timer);
        if (item.li.parentNode) item.li.parentNode.removeChild(item.li);
        delete items[clientId];
        order = order.filter(function (id) { return id !== clientId; });
        save();
      },
      // An error frame for one message: that message keeps its place, marked with the reason.
      // Returns false when the error is not about one of these messages.
      refused: function (clientId, code, detail) {
        var item = items[clientId];
        if (!item) return false;
        item.reason = detail || "";
        if (AUTO_RETRY[code]) {
          item.delay = Math.min(Math.max(item.delay * 2, 5000), 60000);
          item.timer = setTimeout(function () { attempt(item); }, item.delay);
        } else {
          item.refused = true;  // would be refused again as it is: the person retries by hand
        }
        draw(item, false);
        save();
        return true;
      },
      keepLast: keepLast,
      count: function () { return order.length; }
    };
  };

  // A chat page's parts, found by id once its script starts: hsParts("chat-", "log hiddenTemplate")
  // is {log: #chat-log, hiddenTemplate: #chat-hidden-template}, null where the page has none.
  window.hsParts = function (prefix, names) {
    var parts = {};
    names.split(" ").forEach(function (name) {
      parts[name] = document.getElementById(prefix + name.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); }));
    });
    return parts;
  };

  // A new client id for a message: a resend carries the same one, so the server stores it once.
  window.hsNewId = function () {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + "-" + Math.random().toString(36).slice(2);
  };

  // A live page's connection badge: the page's word for "live" while the socket is open, else
  // its word for "reconnecting…".
  window.hsLiveBadge = function (status, open, live, reconnecting) {
    status.textContent = open ? live : reconnecting;
    status.className = "badge " + (open ? "badge-on" : "badge-off");
  };

  // A message's words in its <li> (every chat): who wrote it in bold, then the body.
  window.hsMessageWords = function (li, author, text) {
    var who = document.createElement("strong");
    who.textContent = author;
    var body = document.createElement("span");
    body.className = "chat-body";
    body.textContent = " " + text;
    li.appendChild(who);
    li.appendChild(body);
  };

  // Frames of a sequenced conversation (group, peer and support-line chat), shown in order. A frame
  // past a gap waits; if the gap is still there 400 ms later, sync() asks the server for it (a
  // catch-up from the database, docs/realtime.md). Returns accept(frame, last), which renders what
  // can be rendered in order and returns the last number shown; a caller drops frames <= last.
  window.hsInOrder = function (render, sync) {
    var buffer = {};  // seq -> frame, waiting for a gap to fill
    var gapTimer = null;
    return function (frame, last) {
      buffer[frame.seq] = frame;
      while (buffer[last + 1]) {
        var next = buffer[last + 1];
        delete buffer[last + 1];
        render(next);
        last = next.seq;
      }
      if (Object.keys(buffer).length && !gapTimer) {
        gapTimer = setTimeout(function () { gapTimer = null; sync(); }, 400);
      }
      return last;
    };
  };

  // Earlier messages, asked for (group and peer chat): not news. The log is marked busy while they
  // go in at its top, so screen readers do not read them out as if they had just been said; it is
  // cleared once the browser has passed the change on (the next frame). ``place(m)`` puts one
  // message at the top. With none left, the button is disabled and the focus stays in the log.
  window.hsPrependEarlier = function (log, older, messages, place) {
    log.setAttribute("aria-busy", "true");
    try { messages.slice().reverse().forEach(place); } finally {
      requestAnimationFrame(function () { requestAnimationFrame(function () { log.removeAttribute("aria-busy"); }); });
    }
    if (!messages.length) {
      if (document.activeElement === older) log.focus();
      older.disabled = true;
    }
  };
})();
