// Breathing pacer and countdown timers for guided exercises. Without JavaScript the step shows
// the pattern as text; with it, a circle grows and shrinks in time with the breath.
(function () {
  "use strict";
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Array.prototype.forEach.call(document.querySelectorAll(".pacer"), function (pacer) {
    var pattern = pacer.getAttribute("data-pattern").split(",").map(Number);
    var labels = pacer.getAttribute("data-labels").split("|");
    var cycles = Number(pacer.getAttribute("data-cycles")) || 4;
    var circle = pacer.querySelector(".pacer-circle");
    var label = pacer.querySelector(".pacer-label");
    var phase = 0, cycle = 0, remaining = pattern[0];
    pacer.classList.add("is-running");
    function show() {
      label.textContent = labels[phase] + " · " + remaining;
      var scale = phase === 0 ? 1 : (phase === 2 ? 0.55 : (phase === 1 ? 1 : 0.55));
      circle.style.transitionDuration = reduce ? "0s" : (pattern[phase] + "s");
      circle.style.transform = "scale(" + scale + ")";
    }
    function tick() {
      remaining -= 1;
      if (remaining <= 0) {
        phase = (phase + 1) % pattern.length;
        if (phase === 0) { cycle += 1; }
        if (cycle >= cycles) {
          label.textContent = pacer.getAttribute("data-done") || "Done. Continue when you are ready.";
          pacer.classList.remove("is-running"); pacer.classList.add("is-done"); return;
        }
        remaining = pattern[phase];
        if (remaining === 0) { return tick(); }
      }
      show();
      setTimeout(tick, 1000);
    }
    // Let the browser settle the circle's small starting size first: otherwise the first
    // "breathe in" shows it already full size instead of growing.
    circle.getBoundingClientRect();
    show();
    setTimeout(tick, 1000);
  });
  Array.prototype.forEach.call(document.querySelectorAll(".timer[data-seconds]"), function (timer) {
    var left = Number(timer.getAttribute("data-seconds"));
    var done = timer.getAttribute("data-done") || "Time's up. Continue when you are ready.";
    function step() {
      timer.textContent = left > 0 ? left + " s" : done;
      if (left-- > 0) setTimeout(step, 1000);
    }
    step();
  });
})();
