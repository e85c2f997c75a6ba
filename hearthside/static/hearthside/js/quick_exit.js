// Quick exit: leave for a neutral page at once, and take this page out of the browser's history
// (location.replace), so Back does not bring it up again for whoever picks up the device.
// Every "Quick exit" is a plain link (rel="noreferrer") that works with no script at all; this
// adds the history replacement and Esc pressed twice within a second, from anywhere on the page.
(function () {
  "use strict";

  var SELECTOR = "a[data-quick-exit]";
  var ESCAPE_WINDOW_MS = 1000;
  var lastEscape = -Infinity;

  function leave(url) {
    if (!url) return;
    // Blank the page first: if the neutral site is slow to answer, nothing of this one stays on screen.
    document.documentElement.classList.add("quick-exit-leaving");
    document.title = "";
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest(SELECTOR) : null;
    // A modified click (new tab, new window) is left to the browser.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave(link.href);
  });

  // Capture phase: a dialog or widget that stops Esc from bubbling must not block the exit.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.repeat || event.isComposing) return;
    var now = performance.now();
    if (now - lastEscape <= ESCAPE_WINDOW_MS) {
      lastEscape = -Infinity;
      var link = document.querySelector(SELECTOR);
      if (link) leave(link.href);
    } else {
      lastEscape = now;
    }
  }, true);

  // A page restored from the back/forward cache after a cancelled exit must not stay blank.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit-leaving");
  });
})();
