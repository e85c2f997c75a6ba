// Live forum updates over the tab's one socket (events.js dispatches every frame as "hs:event").
// A frame only says that a post appeared ("forum.thread", "forum.reply") or stopped being public
// ("forum.changed") and where; it carries no author, title or text. Before telling the reader,
// the page asks the ordinary API for the post, so blocks, mutes, anonymity and held content are
// applied exactly as on a page load (a post this person may not see is a 404 and shows nothing).
(function () {
  "use strict";
  var live = document.getElementById("forum-live");
  if (!live) return;
  var slug = live.getAttribute("data-group");
  var threadId = Number(live.getAttribute("data-thread") || 0);
  var postApi = "/api/v1/community/posts/";

  function text(name) { return live.getAttribute("data-" + name) || ""; }

  function visiblePost(id) {
    // The post as this person may see it, or null (404: not theirs to see).
    return fetch(postApi + encodeURIComponent(id), {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function banner(message, onShow) {
    // Replaced in place, so the polite live region reads the new count once.
    live.textContent = "";
    var p = document.createElement("p");
    p.className = "panel panel-highlight forum-live-banner";
    var span = document.createElement("span");
    span.textContent = message + " — ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button-small";
    button.textContent = text("show");
    button.addEventListener("click", onShow);
    p.appendChild(span);
    p.appendChild(button);
    live.appendChild(p);
  }

  // -- the group's thread list --------------------------------------------------------------
  function threadList() {
    var fresh = {};  // thread id -> true, verified visible and not in the list yet
    var since = Number(text("since")) * 1000 || Date.now();
    var onFirstPage = text("page") === "1";

    function known(id) { return !!document.querySelector('[data-thread-id="' + Number(id) + '"]'); }

    function refresh() {
      var n = Object.keys(fresh).length;
      if (!n) return;
      banner(n === 1 ? text("one") : text("many").replace("#", String(n)), function () {
        window.location.assign(text("url"));
      });
    }

    function consider(frame) {
      if (known(frame.thread) || fresh[frame.thread]) return;
      visiblePost(frame.post).then(function (post) {
        if (!post || post.mine || post.status !== "published") return;
        fresh[frame.thread] = true;
        refresh();
      });
    }

    function catchUp() {
      // Frames sent while the socket was down are gone: compare the first page with what is shown.
      if (!onFirstPage) return;
      fetch("/api/v1/community/groups/" + encodeURIComponent(slug) + "/threads",
            {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) return;
          data.threads.forEach(function (t) {
            if (!known(t.id) && Date.parse(t.created_at) > since) fresh[t.id] = true;
          });
          refresh();
        }).catch(function () {});
    }

    return {consider: consider, catchUp: catchUp};
  }

  // -- one thread ---------------------------------------------------------------------------
  function threadPage() {
    var fresh = [];  // reply ids, verified visible and not on the page yet
    var onLastPage = text("last") === "true";

    function onPage(id) { return !!document.getElementById("post-" + Number(id)); }

    function showNew() {
      var first = fresh[0];
      if (!onLastPage) {
        // New replies are on the last page: go there (the "new" markers come with it).
        window.location.assign(text("url") + "?page=last#post-" + first);
        return;
      }
      fetch(text("url") + "?page=last", {credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var articles = doc.querySelectorAll("article[id^='post-']");
          var anchor = document.getElementById("forum-posts-end");
          var added = [];
          Array.prototype.forEach.call(articles, function (article) {
            if (document.getElementById(article.id)) return;
            var node = document.importNode(article, true);
            anchor.parentNode.insertBefore(node, anchor);
            added.push(node);
          });
          fresh = [];
          live.textContent = "";
          if (added.length) {
            added[0].setAttribute("tabindex", "-1");
            added[0].focus();
            added[0].scrollIntoView({block: "start"});
          }
        })
        .catch(function () { window.location.assign(text("url") + "?page=last#post-" + first); });
    }

    function consider(frame) {
      if (frame.thread !== threadId) return;
      if (frame.type === "forum.changed") {
        var shown = document.getElementById("post-" + Number(frame.post));
        if (!shown) return;
        visiblePost(frame.post).then(function (post) {
          if (!post) shown.remove();  // hidden or withdrawn: no longer this person's to see
        });
        return;
      }
      var id = frame.type === "forum.reply" ? frame.reply : frame.post;
      if (onPage(id) || fresh.indexOf(id) !== -1) return;
      visiblePost(id).then(function (post) {
        if (!post || post.mine || post.status !== "published" || onPage(id) || fresh.indexOf(id) !== -1) return;
        fresh.push(id);
        banner(text("replies"), showNew);
      });
    }

    function catchUp() {
      // After a dropped connection: replies published meanwhile sent their frames to no one here.
      // On the last page, anything now on the last page that is not on this one is new.
      if (!onLastPage) return;
      fetch(text("url") + "?page=last", {credentials: "same-origin"})
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) return;
          var doc = new DOMParser().parseFromString(html, "text/html");
          var found = false;
          Array.prototype.forEach.call(doc.querySelectorAll("article[id^='post-']"), function (article) {
            var id = Number(article.id.slice(5));
            if (onPage(id) || fresh.indexOf(id) !== -1 || article.classList.contains("panel-highlight")) return;  // not public yet
            fresh.push(id);
            found = true;
          });
          if (found) banner(text("replies"), showNew);
        }).catch(function () {});
    }

    return {consider: consider, catchUp: catchUp};
  }

  var view = threadId ? threadPage() : threadList();
  var wasClosed = false;

  document.addEventListener("hs:socket", function (e) {
    live.setAttribute("data-socket", e.detail.state);
    if (e.detail.state === "closed") { wasClosed = true; return; }
    if (wasClosed) view.catchUp();
  });
  document.addEventListener("hs:event", function (e) {
    var data = e.detail;
    if (data.type === "resync") { view.catchUp(); return; }
    if (data.group !== slug) return;
    if (data.type === "forum.thread" || data.type === "forum.reply" || data.type === "forum.changed") {
      view.consider(data);
    }
  });
})();
