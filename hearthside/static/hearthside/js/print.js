// The print button on the safety plan: the page's print styles hide navigation and controls.
(function () {
  "use strict";
  var button = document.getElementById("print-plan");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
