// Hearthside's one service worker, served from /sw.js with the whole site as its scope
// (hearthside/core/device.py writes the HS_OFFLINE line above this one). It does two things:
//
// 1. Web Push for staff (docs/paging.md): shows a page and opens the alert when it is clicked.
//    A page carries a title ("A safety alert needs you") and a link; nothing about the person.
// 2. Offline (docs/selfhelp.md, "Offline"): keeps the site's own static files, and, for the
//    person signed in, two pages made to be kept: their help page (crisis lines and safety plan)
//    and the page to write a check-in or a journal entry offline. Pages are always fetched from
//    the network first; a stored copy is shown only when there is no connection. Nothing else is
//    stored: no other page, no API answer, nothing of anyone else's. A copy is stored only when a
//    signed-in page asks for it and only if the server labelled it with that same person's key;
//    signing out (or another person signing in) deletes it (offline.js).
"use strict";

var CONFIG = self.HS_OFFLINE || {version: "0", precache: [], pages: {}, header: ""};
var STATIC_CACHE = "hs-static-" + CONFIG.version;
var PRIVATE_CACHE = "hs-private";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC_CACHE).then(function (cache) {
    return cache.addAll(CONFIG.precache);
  }).catch(function () { /* offline at install: the next page load fills it */ })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("hs-static-") === 0 && name !== STATIC_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return self.registration.navigationPreload ? self.registration.navigationPreload.enable() : null;
  }).then(function () { return self.clients.claim(); }));
});

// ---- offline

function storedPageFor(url) {
  // The help page and everything under /help/ (the safety plan) fall back to the stored help
  // page; any other page to the stored page for writing offline, which links to help.
  if (url.pathname.indexOf("/help/") === 0) return CONFIG.pages.help;
  return CONFIG.pages.writer;
}

function offlineAnswer(url) {
  return caches.open(PRIVATE_CACHE).then(function (cache) {
    return cache.match(storedPageFor(url)).then(function (found) {
      return found || cache.match(CONFIG.pages.help);
    });
  }).then(function (found) { return found || Response.error(); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith((event.preloadResponse || Promise.resolve(null)).then(function (preloaded) {
      return preloaded || fetch(request);
    }).catch(function () { return offlineAnswer(url); }));
    return;
  }
  if (CONFIG.precache.indexOf(url.pathname) !== -1) {
    // The site's own static files: from the network when it answers, else the kept copy.
    event.respondWith(fetch(request).catch(function () {
      return caches.open(STATIC_CACHE).then(function (cache) { return cache.match(url.pathname); })
        .then(function (found) { return found || Response.error(); });
    }));
  }
});

function storeCopies(key) {
  // Fetched here rather than taken from a page the person saw: a stored copy has no flash
  // message, no banner and no form token, and must carry the key of the person who asked.
  var pages = [CONFIG.pages.help, CONFIG.pages.writer];
  return caches.open(STATIC_CACHE).then(function (cache) {
    return cache.addAll(CONFIG.precache).catch(function () {});
  }).then(function () {
    return Promise.all(pages.map(function (path) {
      return fetch(path, {credentials: "same-origin", cache: "no-store", redirect: "error"}).then(function (response) {
        if (!response.ok || !key || response.headers.get(CONFIG.header) !== key) return false;
        return caches.open(PRIVATE_CACHE).then(function (cache) { return cache.put(path, response); })
          .then(function () { return true; });
      }).catch(function () { return false; });
    }));
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (event.origin && event.origin !== self.location.origin) return;
  if (data.type === "hs-store") {
    var done = storeCopies(String(data.key || ""));
    event.waitUntil(done.then(function (stored) {
      if (event.source) event.source.postMessage({type: "hs-stored", stored: stored});
    }));
  } else if (data.type === "hs-forget") {
    event.waitUntil(caches.delete(PRIVATE_CACHE));
  }
});

// ---- Web Push (staff paging)

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
