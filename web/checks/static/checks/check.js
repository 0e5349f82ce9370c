// Live checking for the "Check a post" page. The page works without this file: it is an
// ordinary form. With it, results are fetched as the person types (debounced) and
// "Use the safe version" replaces the text in place.
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch) { return; }
  var text = form.querySelector("textarea[name=text]");
  var timer = null;
  var latest = 0;

  function check() {
    if (!text.value.trim()) { results.innerHTML = ""; return; }
    var ticket = ++latest;
    var data = new FormData(form);
    // The check needs only each photo's name and tags, so no photo is uploaded while typing.
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      if (input.files.length) { data.set(input.name, new Blob([]), input.files[0].name); }
    });
    fetch(form.dataset.liveUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) { return response.text(); }).then(function (html) {
      if (ticket === latest) { results.innerHTML = html; }
    }).catch(function () { /* the form still works by submitting it */ });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 300);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  results.addEventListener("click", function (event) {
    var button = event.target.closest("#use-safe");
    if (!button) { return; }
    event.preventDefault();
    var safe = document.getElementById("safe-version");
    if (safe) { text.value = safe.textContent; text.focus(); check(); }
  });
})();
