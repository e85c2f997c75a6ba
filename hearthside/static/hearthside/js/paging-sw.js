// Hearthside's service worker for staff pages (docs/paging.md). Served from /staff/paging/sw.js.
// It only shows pages and opens the alert when one is clicked: no caching, no fetch handler.
// A page carries a title ("A safety alert needs you") and a link; nothing about the person.
"use strict";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  var options = {
    body: "",
    tag: data.tag || "hearthside-page",
    renotify: true,
    requireInteraction: true,  // a page stays until someone looks at it
    data: {url: data.url || "/staff/safety/"}
  };
  event.waitUntil(self.registration.showNotification(data.title || "A safety alert needs you", options));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target;
  try {
    // Only a page of this site is opened, whatever the link says.
    var link = new URL(event.notification.data.url, self.location.origin);
    target = new URL(link.pathname, self.location.origin).href;
  } catch (e) {
    target = new URL("/staff/safety/", self.location.origin).href;
  }
  event.waitUntil(self.clients.matchAll({type: "window", includeUncontrolled: true}).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (windows[i].url === target && "focus" in windows[i]) return windows[i].focus();
    }
    return self.clients.openWindow(target);
  }));
});
