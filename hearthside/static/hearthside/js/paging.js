// The staff paging page: turn Web Push on or off in this browser (docs/paging.md).
// Asks for notification permission, registers the site's own service worker (/staff/paging/sw.js),
// subscribes with the site's VAPID public key and posts the subscription to the server.
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

  function registration() {
    return navigator.serviceWorker.register(box.dataset.swUrl, {scope: box.dataset.scope})
      .then(function () { return navigator.serviceWorker.ready; });
  }

  function turnOn() {
    onButton.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") throw new Error(box.dataset.denied);
      return registration();
    }).then(function (reg) {
      return reg.pushManager.getSubscription().then(function (existing) {
        return existing || reg.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: keyBytes(box.dataset.key)
        });
      });
    }).then(function (subscription) {
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
  navigator.serviceWorker.getRegistration(box.dataset.scope).then(function (reg) {
    return reg ? reg.pushManager.getSubscription() : null;
  }).then(function (subscription) {
    show(!!subscription);
    if (Notification.permission === "denied") say(box.dataset.denied);
  }).catch(function () { show(false); });
})();
