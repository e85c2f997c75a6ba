// The signed-in main menu on a narrow screen: folded behind one button so that a phone shows the
// page (a chat's composer, a form) on its first screen, with "Get help now" and "Quick exit" always
// in view. Loaded in <head> without defer (base.html, signed in only): the "has-js" class is set
// before the header is drawn, so the menu never flashes open. Without this script (or with it
// blocked) the class is never set and site.css shows the whole menu as a plain list of links; the
// button stays hidden.
(function () {
  "use strict";

  document.documentElement.classList.add("has-js");

  // A sub-menu that scrolls sideways on a phone (site.css) starts with the current page in view.
  function showCurrentTab() {
    var current = document.querySelector(".subnav [aria-current]");
    var row = current && current.closest("ul");
    if (!row || row.scrollWidth <= row.clientWidth) return;
    var box = current.getBoundingClientRect(), rowBox = row.getBoundingClientRect();
    row.scrollLeft += box.left - rowBox.left - (rowBox.width - box.width) / 2;
  }

  // On a computer the menu is one row. The staff pages (a group of their own in base.html) follow
  // the other links while the row holds them all; where it would wrap, they fold behind "Staff", a
  // button that opens them as a list (Esc or a click elsewhere closes it). On a phone the whole
  // menu is folded already, so they stay as they are.
  function initStaffGroup() {
    var button = document.querySelector("[data-staff-button]");
    var nav = button && button.closest("nav");
    var list = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!list) return;
    var desktop = window.matchMedia("(min-width: 60.0625em)");
    var row = nav.querySelector("ul");

    function setOpen(open) { button.setAttribute("aria-expanded", open ? "true" : "false"); }
    function wraps() {
      var first = row.firstElementChild.getBoundingClientRect();
      var links = list.querySelectorAll("a");
      var last = links[links.length - 1].getBoundingClientRect();
      return last.top > first.top + first.height / 2;
    }
    function fit() {
      var open = button.getAttribute("aria-expanded") === "true";
      nav.classList.remove("is-grouped");
      if (desktop.matches && wraps()) {
        nav.classList.add("is-grouped");
        setOpen(open);
      } else {
        setOpen(false);
      }
    }

    button.addEventListener("click", function () { setOpen(button.getAttribute("aria-expanded") !== "true"); });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
      if (!button.parentNode.contains(document.activeElement)) return;
      setOpen(false);
      button.focus();
    });
    document.addEventListener("click", function (event) {
      if (!button.parentNode.contains(event.target)) setOpen(false);
    });
    var timer = null;
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(fit, 100); });
    window.addEventListener("pageshow", function (event) { if (event.persisted) setOpen(false); });
    fit();
  }

  function init() {
    showCurrentTab();
    initStaffGroup();
    var button = document.querySelector("[data-menu-button]");
    var nav = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!nav) return;

    function isOpen() { return button.getAttribute("aria-expanded") === "true"; }
    function setOpen(open) { button.setAttribute("aria-expanded", open ? "true" : "false"); }

    button.addEventListener("click", function () { setOpen(!isOpen()); });

    // Esc folds the menu when focus is in it, and gives focus back to the button. (Esc pressed
    // twice is also the quick exit, quick_exit.js, which listens on its own: both happen.)
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !isOpen()) return;
      var active = document.activeElement;
      if (active !== button && !nav.contains(active)) return;
      setOpen(false);
      button.focus();
    });

    // Back from a page restored out of the back/forward cache: start folded again.
    window.addEventListener("pageshow", function (event) { if (event.persisted) setOpen(false); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
