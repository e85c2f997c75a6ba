// The staff paging page: turn Web Push on or off in this browser (docs/paging.md).
// Asks for notification permission, registers the site's one service worker (/sw.js, scope "/",
// the same registration offline.js makes for every signed-in page), subscribes with the site's
// VAPID public key and posts the subscription to the server. A browser that turned push on when
// the worker lived at /staff/paging/sw.js is moved to the site-wide registration here, without
// a gap: the new subscription is on the server before the old one is removed.
(function () {
  "use strict";
  var box = document.getElementById("paging-push");
  if (!box) return;
  var status = document.getElementById("push-status");
  var onButton = document.getElementById("push-on");
  var offButton = document.getElementById("push-off");
  var csrf = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value;

  function say(text) { status.textContent = text; }

  function show(subscribed) {
    say(subscribed ? box.dataset.on : box.dataset.off);
    onButton.hidden = subscribed;
    offButton.hidden = !subscribed;
  }

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) throw new Error(data.error || ("HTTP " + response.status));
        return data;
      });
    });
  }

  function active(reg) {
    // The registration made here, once its worker runs (not navigator.serviceWorker.ready, which
    // answers with whichever registration controls this page: the old one while it exists).
    return new Promise(function (resolve) {
      var worker = reg.installing || reg.waiting;
      if (reg.active || !worker) { resolve(reg); return; }
      worker.addEventListener("statechange", function () { if (worker.state === "activated") resolve(reg); });
    });
  }

  function registration() {
    return navigator.serviceWorker.register(box.dataset.swUrl, {scope: box.dataset.scope}).then(active);
  }

  function legacyRegistration() {
    var path = box.dataset.legacyScope;
    return navigator.serviceWorker.getRegistrations().then(function (regs) {
      for (var i = 0; i < regs.length; i++) { if (new URL(regs[i].scope).pathname === path) return regs[i]; }
      return null;
    });
  }

  function subscribeWith(reg) {
    return reg.pushManager.getSubscription().then(function (existing) {
      return existing || reg.pushManager.subscribe({
        userVisibleOnly: true, applicationServerKey: keyBytes(box.dataset.key)
      });
    });
  }

  function dropLegacy(legacy) {
    // Its subscription off the server and out of the browser, then the registration itself.
    return legacy.pushManager.getSubscription().then(function (old) {
      if (!old) return null;
      var endpoint = old.endpoint;
      return old.unsubscribe().then(function () { return post(box.dataset.unsubscribeUrl, {endpoint: endpoint}); });
    }).then(function () { return legacy.unregister(); });
  }

  function migrate() {
    // Pages must keep arriving: subscribe the site-wide registration and tell the server first;
    // only then remove the old one. Any failure leaves the old registration as it was.
    return legacyRegistration().then(function (legacy) {
      if (!legacy) return false;
      return legacy.pushManager.getSubscription().then(function (old) {
        if (!old) return legacy.unregister().then(function () { return false; });
        if (Notification.permission !== "granted") return false;
        return registration().then(subscribeWith).then(function (subscription) {
          return post(box.dataset.subscribeUrl, subscription.toJSON());
        }).then(function () { return dropLegacy(legacy); }).then(function () { return true; });
      });
    }).catch(function () { return false; });
  }

  function turnOn() {
    onButton.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw new Error(box.dataset.denied);
      return registration();
    }).then(subscribeWith).then(function (subscription) {
      return post(box.dataset.subscribeUrl, subscription.toJSON());
    }).then(function () {
      show(true);
      window.location.reload();  // the list of browsers now shows this one
    }).catch(function (error) {
      say(box.dataset.failed + " " + error.message);
    }).then(function () { onButton.disabled = false; });
  }

  function turnOff() {
    offButton.disabled = true;
    registration().then(function (reg) {
      return reg.pushManager.getSubscription();
    }).then(function (subscription) {
      if (!subscription) return null;
      var endpoint = subscription.endpoint;
      return subscription.unsubscribe().then(function () {
        return post(box.dataset.unsubscribeUrl, {endpoint: endpoint});
      });
    }).then(legacyRegistration).then(function (legacy) {
      return legacy ? dropLegacy(legacy) : null;
    }).then(function () {
      show(false);
      window.location.reload();
    }).catch(function (error) {
      say(box.dataset.failed + " " + error.message);
    }).then(function () { offButton.disabled = false; });
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(box.dataset.unsupported);
    return;
  }
  if (Notification.permission === "denied") say(box.dataset.denied);
  onButton.addEventListener("click", turnOn);
  offButton.addEventListener("click", turnOff);
  migrate().then(function () {
    return navigator.serviceWorker.getRegistrations();
  }).then(function (regs) {
    // Subscribed if the site-wide registration is, or an old one that could not be moved yet.
    return Promise.all(regs.map(function (reg) { return reg.pushManager.getSubscription(); }));
  }).then(function (subscriptions) {
    show(subscriptions.some(Boolean));
    if (Notification.permission === "denied") say(box.dataset.denied);
  }).catch(function () { show(false); });
})();
