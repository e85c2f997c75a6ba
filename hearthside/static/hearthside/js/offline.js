// What the site keeps on this device, on every page (docs/selfhelp.md, "Offline"):
//
// - registers the site's one service worker (/sw.js, which also carries staff Web Push) for a
//   signed-in person and asks it to store their help page and the page for writing offline;
// - keeps check-ins and journal entries written without a connection in IndexedDB (the outbox)
//   and sends them when the connection is back, each with its own client id. That id is the one
//   mechanism of the site's chat outbox (outbox.js): a UUID made once, when the thing is written,
//   checked on the server by core.realtime.clean_client_id; the server stores one item per
//   (person, client id) and answers a resend with the item it already has. So an answer lost on
//   the way, a second tab or a second press of "Send now" can never store it twice, and nothing
//   leaves the device before the server has it;
// - shows what is waiting, and why when the server refused it;
// - forgets: signing out deletes everything kept here (caches and the outbox); a page signed in
//   as someone else deletes what the previous person left; a page seen signed out (after a
//   time-out) deletes the stored pages but keeps their unsent writing, which is sent only if
//   the same person signs in again.
(function () {
  "use strict";
  var script = document.getElementById("hs-offline");
  if (!script) return;
  var D = script.dataset;
  var storedCopy = D.storedCopy === "true";  // a page kept on the device: its key is not proof of a session
  var pageKey = D.device || "";
  var S = {};
  try { S = JSON.parse(document.getElementById("hs-offline-strings").textContent); } catch (e) { S = {}; }
  var OWNER = "hs-device";          // localStorage: whose things this device keeps
  // While this browser keeps anything, a cookie without an identifier tells the server to load
  // this script on signed-out pages too, so that it can forget (core/device.py, KEPT_COOKIE).
  function keptCookie(on) {
    document.cookie = "hs_kept=" + (on ? "1; max-age=31536000" : "; max-age=0") + "; path=/; SameSite=Lax" +
      (window.location.protocol === "https:" ? "; Secure" : "");
  }
  var STORED_AT = "hs-device-stored";
  var STORE_EVERY_MS = 10 * 60 * 1000;
  var RETRY_MS = 30 * 1000;

  function say(key, values) {
    var text = S[key] || "";
    Object.keys(values || {}).forEach(function (k) { text = text.replace("%(" + k + ")s", values[k]); });
    return text;
  }
  function local(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key) || "";
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* storage disabled: nothing is remembered */ }
    return "";
  }

  // ---- the outbox (IndexedDB)
  var dbPromise = null;
  function db() {
    if (!window.indexedDB) return Promise.reject(new Error("no IndexedDB"));
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var request = window.indexedDB.open("hearthside", 1);
        request.onupgradeneeded = function () { request.result.createObjectStore("outbox", {keyPath: "client_id"}); };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
    }
    return dbPromise;
  }
  function withStore(mode, work) {
    return db().then(function (database) {
      return new Promise(function (resolve, reject) {
        var transaction = database.transaction("outbox", mode);
        var result = work(transaction.objectStore("outbox"));
        transaction.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  function allItems() {
    return withStore("readonly", function (store) { return store.getAll(); })
      .then(function (items) { return (items || []).sort(function (a, b) { return a.written_at < b.written_at ? -1 : 1; }); })
      .catch(function () { return []; });
  }
  function putItem(item) { return withStore("readwrite", function (store) { store.put(item); }); }
  function deleteItem(id) { return withStore("readwrite", function (store) { store.delete(id); }); }
  function clearItems() { return withStore("readwrite", function (store) { store.clear(); }).catch(function () {}); }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + "-" + Math.random().toString(36).slice(2);
  }

  // ---- forgetting
  function forgetPages() {
    if (!window.caches) return Promise.resolve();
    return window.caches.delete("hs-private").catch(function () {});
  }
  function forgetAll() {
    local(OWNER, null);
    local(STORED_AT, null);
    keptCookie(false);
    var cleared = window.caches ? window.caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("hs-") === 0; })
        .map(function (n) { return window.caches.delete(n); }));
    }).catch(function () {}) : Promise.resolve();
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({type: "hs-forget"});
    }
    return Promise.all([cleared, clearItems()]).then(render);
  }

  // ---- the service worker and the stored pages
  var storedResolve;
  var stored = new Promise(function (resolve) { storedResolve = resolve; });
  function storeCopies(force) {
    if (!pageKey || storedCopy || !("serviceWorker" in navigator)) { storedResolve(false); return; }
    var last = Number(local(STORED_AT)) || 0;
    if (!force && Date.now() - last < STORE_EVERY_MS) { storedResolve(true); return; }
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (!event.data || event.data.type !== "hs-stored") return;
      var ok = (event.data.stored || []).every(Boolean);
      if (ok) local(STORED_AT, String(Date.now()));
      storedResolve(ok);
    });
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({type: "hs-store", key: pageKey});
    });
  }
  function registerWorker() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register(D.sw, {scope: "/"}).catch(function () { /* http, or blocked: online only */ });
  }

  // ---- who is signed in now (for sending)
  // Asked of the server each time something is to be sent, not read from the page: the page may
  // be a stored copy, or older than a sign-in in another tab that changed the form token.
  function currentSession() {
    return fetch(D.session, {credentials: "same-origin", cache: "no-store", headers: {"Accept": "application/json"}})
      .then(function (response) {
        if (response.status === 401) return {device: "", csrf: ""};
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
  }

  // ---- sending
  var state = {sending: false, signedOut: false, timer: null};
  var helpShown = false;
  function urlFor(item) { return item.kind === "journal" ? D.journal : D.checkins; }

  function sendOne(item, session) {
    var body = {client_id: item.client_id};
    Object.keys(item.fields).forEach(function (k) { body[k] = item.fields[k]; });
    return fetch(urlFor(item), {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": session.csrf},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok) {
          if (data.help) showHelp();
          return deleteItem(item.client_id).then(function () { return "sent"; });
        }
        var errors = data.errors || {};
        // A clock ahead of the server's makes "written at" look like the future: send it as now
        // rather than leave it stuck (what was written matters more than the minute).
        var when = item.kind === "journal" ? "created_at" : "at";
        if (response.status === 400 && errors[when] && item.fields[when] && !item.retriedWithoutTime) {
          delete item.fields[when];
          item.retriedWithoutTime = true;
          return putItem(item).then(function () { return sendOne(item, session); });
        }
        if (response.status === 401) return "signed-out";
        if (response.status === 429 || response.status >= 500) return "later";
        // Refused as it is (consent missing, not valid): kept, with the reason, until the person
        // deletes it; it would be refused again if sent again.
        item.refused = true;
        item.reason = data.detail || ("HTTP " + response.status);
        return putItem(item).then(function () { return "refused"; });
      });
    }, function () { return "later"; });
  }

  function flushNow() {
    var key = ownerKey();
    if (!navigator.onLine || !key) return Promise.resolve();
    return allItems().then(function (items) {
      var waiting = items.filter(function (i) { return i.device === key && !i.refused; });
      if (!waiting.length) return;
      return currentSession().then(function (session) {
        // Only the person who wrote it sends it: someone else signed in here sends nothing of theirs.
        if (session.device !== key) { state.signedOut = true; return; }
        state.signedOut = false;
        var chain = Promise.resolve("sent");
        waiting.forEach(function (item) {
          chain = chain.then(function (outcome) {
            if (outcome === "later" || outcome === "signed-out") return outcome;
            return sendOne(item, session);
          });
        });
        return chain.then(function (outcome) {
          if (outcome === "signed-out") state.signedOut = true;
          if (outcome === "later") { clearTimeout(state.timer); state.timer = setTimeout(flush, RETRY_MS); }
        });
      });
    }).catch(function () {
      // The network went again: the next "online" event tries again, and so does the timer.
      clearTimeout(state.timer);
      state.timer = setTimeout(flush, RETRY_MS);
    });
  }
  function flush() {
    if (state.sending) return state.sending;
    var run = function () { return flushNow(); };
    // One tab sends at a time; the client ids make an overlap harmless, this makes it rare.
    var locked = navigator.locks ? navigator.locks.request("hs-outbox", run) : run();
    state.sending = Promise.resolve(locked).then(function () { state.sending = false; return render(); },
                                                  function () { state.sending = false; return render(); });
    render();
    return state.sending;
  }

  // ---- what the person sees
  function ownerKey() { return storedCopy ? (local(OWNER) || pageKey) : pageKey; }
  function formatWhen(iso) {
    try {
      return new Date(iso).toLocaleString(document.documentElement.lang || undefined,
                                          {dateStyle: "medium", timeStyle: "short"});
    } catch (e) { return iso; }
  }
  function describe(item) {
    if (item.kind === "journal") {
      var title = (item.fields.title || item.fields.body || "").trim().slice(0, 60);
      return say("journal") + (title ? ": “" + title + "”" : "");
    }
    return say("checkin") + ", " + say("mood", {n: item.fields.mood});
  }
  function render() {
    var key = ownerKey();
    if (!key) return Promise.resolve();
    return allItems().then(function (items) {
      var mine = items.filter(function (i) { return i.device === key; });
      var panels = document.querySelectorAll("[data-offline-queue]");
      Array.prototype.forEach.call(panels, function (panel) { drawPanel(panel, mine); });
      drawNotice(panels.length ? [] : mine);
    });
  }
  function drawPanel(panel, items) {
    var list = panel.querySelector("[data-offline-queue-list]");
    var summary = panel.querySelector("[data-offline-queue-summary]");
    var send = panel.querySelector("[data-offline-send]");
    panel.hidden = items.length === 0;
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("data-client-id", item.client_id);
      var what = document.createElement("span");
      what.className = "offline-queue-what";
      what.textContent = describe(item) + " — " + say("written", {when: formatWhen(item.written_at)});
      li.appendChild(what);
      var status = document.createElement("span");
      status.className = "offline-queue-status" + (item.refused ? " is-refused" : "");
      status.textContent = " · " + (item.refused ? say("refused") + " " + item.reason
        : (state.sending && navigator.onLine) ? say("sending")
        : state.signedOut ? say("signIn") : say("waiting"));
      li.appendChild(status);
      if (item.refused) {
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button-small";
        remove.textContent = say("remove");
        remove.addEventListener("click", function () {
          if (window.confirm(say("removeAsk"))) deleteItem(item.client_id).then(render);
        });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(remove);
      }
      list.appendChild(li);
    });
    summary.textContent = items.length === 1 ? say("waitingOne") : say("waitingMany", {n: items.length});
    if (send) send.disabled = !navigator.onLine || !!state.sending;
  }
  function drawNotice(items) {
    var notice = document.getElementById("hs-offline-notice");
    var main = document.getElementById("main");
    if (!items.length || !main) { if (notice) notice.remove(); return; }
    if (!notice) {
      notice = document.createElement("p");
      notice.id = "hs-offline-notice";
      notice.className = "offline-notice";
      notice.setAttribute("role", "status");
      main.insertBefore(notice, main.firstChild);
    }
    notice.textContent = (items.length === 1 ? say("waitingOne") : say("waitingMany", {n: items.length})) + " ";
    var link = document.createElement("a");
    link.href = D.writer;
    link.textContent = say("seeThem");
    notice.appendChild(link);
  }
  function showHelp() {
    if (helpShown) return;
    helpShown = true;
    var main = document.getElementById("main");
    if (!main) return;
    var box = document.createElement("div");
    box.className = "panel panel-danger offline-help";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = say("help") + " ";
    var a = document.createElement("a");
    a.href = D.help;
    a.textContent = say("helpLink");
    p.appendChild(a);
    box.appendChild(p);
    main.insertBefore(box, main.firstChild);
  }
  function showState() {
    var online = navigator.onLine;
    Array.prototype.forEach.call(document.querySelectorAll("[data-offline-state]"), function (el) {
      el.textContent = online ? "" : say("kept");
      el.hidden = online;
    });
  }

  // ---- forms
  function checked(form, name) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=" + name + "]"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }
  function value(form, name) {
    var el = form.querySelector("[name=" + name + "]");
    return el ? el.value.trim() : "";
  }
  function splitList(text) { return text.split(",").map(function (t) { return t.trim(); }).filter(Boolean); }
  function fieldsOf(form, kind, now) {
    if (kind === "journal") {
      return {title: value(form, "title"), body: value(form, "body"), tags: splitList(value(form, "tags")), created_at: now};
    }
    var fields = {
      mood: Number(checked(form, "mood")[0]),
      emotions: checked(form, "emotions").concat(splitList(value(form, "other_emotions"))),
      activities: checked(form, "activities").concat(splitList(value(form, "new_activity"))),
      note: value(form, "note"),
      at: now
    };
    var sleep = value(form, "sleep_hours");
    if (sleep !== "") fields.sleep_hours = Number(sleep);
    var at = value(form, "at");
    if (at) { var when = new Date(at); if (!isNaN(when.getTime())) fields.at = when.toISOString(); }
    return fields;
  }
  function keep(form, kind) {
    var idField = form.querySelector("input[name=client_id]");
    var now = new Date().toISOString();
    var item = {
      client_id: (idField && idField.value) || newId(), kind: kind, device: ownerKey(),
      fields: fieldsOf(form, kind, now), written_at: now, refused: false, reason: ""
    };
    return putItem(item).then(function () {
      form.reset();
      if (idField) idField.value = newId();
      var note = form.querySelector("[data-offline-kept]");
      if (note) note.textContent = navigator.onLine ? "" : say("kept");
      return render().then(function () { return item.client_id; });
    });
  }
  function wireForms() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-offline-form]"), function (form) {
      var kind = form.getAttribute("data-offline-form");
      var idField = form.querySelector("input[name=client_id]");
      if (idField && !idField.value) idField.value = newId();
      var note = document.createElement("p");
      note.className = "offline-kept";
      note.setAttribute("data-offline-kept", "");
      note.setAttribute("role", "status");
      form.appendChild(note);
      form.addEventListener("submit", function (event) {
        // The page for writing offline always goes through the outbox; the check-in and journal
        // pages post as usual while there is a connection, and use the outbox when there is not.
        var always = form.hasAttribute("data-offline-always");
        if (!always && navigator.onLine) return;
        event.preventDefault();
        if (!form.checkValidity()) { form.reportValidity(); return; }
        keep(form, kind).then(function (id) {
          if (!navigator.onLine) return;
          flush().then(allItems).then(function (items) {
            var left = items.filter(function (i) { return i.client_id === id; });
            note.textContent = left.length ? "" : say("sent");
          });
        });
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("form[data-offline-edit]"), function (form) {
      form.addEventListener("submit", function (event) {
        if (navigator.onLine) return;
        event.preventDefault();
        var note = form.querySelector(".offline-kept");
        if (!note) {
          note = document.createElement("p");
          note.className = "offline-kept form-errors";
          note.setAttribute("role", "alert");
          form.appendChild(note);
        }
        note.textContent = say("editOffline");
      });
    });
    // "Send now" also tries again what was refused (after giving consent, say), by hand, as the
    // chat's "retry" does.
    Array.prototype.forEach.call(document.querySelectorAll("[data-offline-send]"), function (button) {
      button.addEventListener("click", function () {
        allItems().then(function (items) {
          return Promise.all(items.filter(function (i) { return i.refused && i.device === ownerKey(); })
            .map(function (i) { i.refused = false; i.reason = ""; return putItem(i); }));
        }).then(flush);
      });
    });
    // Signing out deletes what is kept here; if something is still waiting, ask first.
    Array.prototype.forEach.call(document.querySelectorAll("form[data-signs-out]"), function (form) {
      form.addEventListener("submit", function (event) {
        if (form.dataset.confirmed === "true") return;
        event.preventDefault();
        allItems().then(function (items) {
          var waiting = items.filter(function (i) { return i.device === pageKey; }).length;
          if (waiting && !window.confirm(say("signOutAsk"))) return;
          return forgetAll().then(function () { form.dataset.confirmed = "true"; form.submit(); });
        });
      });
    });
  }

  // ---- start
  var ready;
  if (D.signedOut === "true") {
    ready = forgetAll();
  } else if (storedCopy) {
    ready = Promise.resolve();
  } else if (pageKey) {
    var owner = local(OWNER);
    ready = (owner && owner !== pageKey ? forgetAll() : Promise.resolve()).then(function () {
      local(OWNER, pageKey);
      keptCookie(true);
      registerWorker();
      storeCopies(/^\/(help|selfcare\/offline)\//.test(window.location.pathname));
    });
  } else {
    // Nobody is signed in on this page (a session that timed out): the stored help page and
    // safety plan go; unsent writing stays, hidden, for the same person's next sign-in.
    ready = !local(OWNER) ? Promise.resolve() : forgetPages().then(allItems).then(function (items) {
      if (!items.length) return forgetAll();  // nothing left to send: nothing left to keep
    });
  }
  if (!pageKey || D.signedOut === "true") storedResolve(false);
  wireForms();
  showState();
  ready.then(function () { return pageKey || storedCopy ? flush() : null; });
  window.addEventListener("online", function () {
    showState();
    Array.prototype.forEach.call(document.querySelectorAll("[data-offline-kept]"), function (el) {
      if (el.textContent === say("kept")) el.textContent = "";
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-offline-online-note]"), function (el) { el.hidden = !storedCopy; });
    flush();
  });
  window.addEventListener("offline", function () { showState(); render(); });

  // For tests and for anyone curious what this device holds.
  window.hsOffline = {
    ready: ready, stored: stored, flush: flush, items: allItems,
    idle: function () { return Promise.resolve(state.sending || null).then(function () { return allItems(); }); }
  };
})();
