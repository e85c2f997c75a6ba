// A light proof of work for forms that carry data-pow-challenge (see hearthside/core/pow.py):
// before the form goes, find a counter whose SHA-256 with the challenge starts with the asked
// number of zero bits, and send it along. Without Web Crypto (or JavaScript) the form goes as it
// is; the server then holds it to a lower limit, never refuses help for it alone.
(function () {
  "use strict";
  function zeroBits(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      var b = bytes[i];
      while ((b & 0x80) === 0) { n += 1; b <<= 1; }
      break;
    }
    return n;
  }
  async function solve(challenge, bits) {
    var encoder = new TextEncoder();
    for (var counter = 0; counter < 50000000; counter++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + counter));
      if (zeroBits(new Uint8Array(digest)) >= bits) return String(counter);
    }
    return "";
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-pow-challenge]"), function (form) {
    if (!(window.crypto && crypto.subtle && window.TextEncoder)) return;
    var answer = form.querySelector("input[name=pow_counter]");
    var working = form.querySelector("[data-pow-working]");
    var started = false;
    // Start at once, so the answer is usually ready before the person has finished typing.
    var ready = solve(form.getAttribute("data-pow-challenge"), Number(form.getAttribute("data-pow-bits")))
      .then(function (counter) { answer.value = counter; });
    form.addEventListener("submit", function (event) {
      if (answer.value || started) return;
      event.preventDefault();
      started = true;
      if (working) working.hidden = false;
      ready.then(function () { form.submit(); });
    });
  });
})();
