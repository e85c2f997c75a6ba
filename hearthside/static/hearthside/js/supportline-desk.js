// The support-line desk follows the queue live: when the queue changes or a conversation is
// handed to this supporter, the page reloads its counts (never while someone is typing).
(function () {
  "use strict";
  var desk = document.getElementById("sl-desk");
  if (!desk) return;
  var timer = null;
  function refresh() {
    var active = document.activeElement;
    if (active && (active.tagName === "TEXTAREA" || active.tagName === "INPUT")) return;
    location.reload();
  }
  document.addEventListener("hs:event", function (e) {
    var type = e.detail && e.detail.type;
    if (type === "line.queue" || type === "line.assigned" || type === "line.risk") {
      if (!timer) timer = setTimeout(function () { timer = null; refresh(); }, 700);
    }
  });
})();
