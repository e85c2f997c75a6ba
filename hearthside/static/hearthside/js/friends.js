// Friends home page: live notices when someone reaches out, answers, or sees what you sent.
(function () {
  "use strict";
  var live = document.getElementById("friends-live");
  if (!live) return;
  function say(text, href) {
    var p = document.createElement("p");
    p.className = "message";
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      p.appendChild(a);
    } else {
      p.textContent = text;
    }
    live.appendChild(p);
  }
  var strings = live.dataset;
  document.addEventListener("hs:socket", function (e) { live.setAttribute("data-socket", e.detail.state); });
  document.addEventListener("hs:event", function (e) {
    var data = e.detail;
    if (data.type === "friends.reach_out") {
      say((strings.reachOut || "{name} reached out: ").replace("{name}", data.from) + "“" + data.body + "”", "/friends/reach-outs/");
    } else if (data.type === "friends.reach_out_seen" || data.type === "friends.reach_out_reply") {
      var item = document.querySelector('[data-reach-out="' + data.id + '"] [data-name="' + CSS.escape(data.by) + '"]');
      if (item) {
        item.classList.add("is-seen");
        item.textContent = data.by + " · " + (data.type === "friends.reach_out_seen" ? (strings.seen || "seen") : (strings.replied || "replied"));
      }
    } else if (data.type === "friends.request" || data.type === "friends.circle_invite" ||
               data.type === "friends.accepted" || data.type === "friends.circle_answer") {
      say(strings.changed || "Something new — reload to see it.", window.location.pathname);
    }
  });
})();
