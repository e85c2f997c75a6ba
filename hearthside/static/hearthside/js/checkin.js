// Check-in page: as the person types a note, ask the server's emotion model for suggestions
// (only when they allowed automated features) and offer them as chips they can accept.
(function () {
  "use strict";
  var note = document.getElementById("note");
  var chips = document.getElementById("emotion-chips");
  var status = document.getElementById("suggest-status");
  if (!note || !chips || !note.getAttribute("data-suggest")) return;
  var url = note.getAttribute("data-suggest");
  var csrf = (document.querySelector("input[name=csrfmiddlewaretoken]") || {}).value;
  var timer = null;
  var last = "";

  function chipFor(name) {
    var inputs = chips.querySelectorAll("input[name=emotions]");
    for (var i = 0; i < inputs.length; i++) { if (inputs[i].value === name) return inputs[i]; }
    return null;
  }

  function offer(names) {
    Array.prototype.forEach.call(chips.querySelectorAll(".chip-suggested"), function (c) {
      if (!c.querySelector("input").checked) c.classList.remove("chip-suggested");
    });
    names.forEach(function (name) {
      var input = chipFor(name);
      if (!input) {
        var label = document.createElement("label");
        label.className = "chip";
        input = document.createElement("input");
        input.type = "checkbox"; input.name = "emotions"; input.value = name;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + name));
        chips.appendChild(label);
      }
      input.parentNode.classList.add("chip-suggested");
      input.parentNode.setAttribute("data-suggested", "true");
    });
    var prefix = status.getAttribute("data-prefix") || "Suggested from your note:";
    var suffix = status.getAttribute("data-suffix") || "Tick any that fit.";
    status.textContent = names.length ? prefix + " " + names.join(", ") + ". " + suffix : "";
  }

  function ask() {
    var text = note.value.trim();
    if (text.length < 8 || text === last) return;
    last = text;
    fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify({text: text})
    }).then(function (r) { return r.ok ? r.json() : {emotions: []}; })
      .then(function (data) { offer(data.emotions || []); })
      .catch(function () {});
  }

  note.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 600); });
})();
