// The support-line desk follows the queue live: when the queue changes or a conversation is
// handed to this supporter, the page reloads its counts (never while someone is typing, and never
// once they have pressed a button or followed a link: a reload then would cancel the navigation,
// and "Help the next person" would claim a conversation without taking the supporter to it).
(function () {
  "use strict";
  var desk = document.getElementById("sl-desk");
  if (!desk) return;
  var timer = null;
  var leaving = false;
  function stay() {
    leaving = true;
    if (timer) { clearTimeout(timer); timer = null; }
  }
  function refresh() {
    if (leaving) return;
    var active = document.activeElement;
    if (active && (active.tagName === "TEXTAREA" || active.tagName === "INPUT")) return;
    location.reload();
  }
  document.addEventListener("submit", function (e) { if (!e.defaultPrevented) stay(); });
  window.addEventListener("beforeunload", stay);
  // Coming back with the Back button shows the kept page: it follows the queue again.
  window.addEventListener("pageshow", function (e) { if (e.persisted) leaving = false; });
  document.addEventListener("hs:event", function (e) {
    var type = e.detail && e.detail.type;
    if (leaving) return;
    if (type === "line.queue" || type === "line.assigned" || type === "line.risk") {
      if (!timer) timer = setTimeout(function () { timer = null; refresh(); }, 700);
    }
  });
})();
