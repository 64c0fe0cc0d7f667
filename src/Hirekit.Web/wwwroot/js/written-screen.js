// The candidate's written screen: a live word count per answer and autosave of drafts. Both are
// enhancements; without script the counts show as of the last load and "Save draft" posts the form.
(function () {
  "use strict";

  function words(text) {
    var trimmed = text.trim();
    return trimmed.length === 0 ? 0 : trimmed.split(/\s+/).length;
  }

  function label(n) {
    return n === 1 ? "1 word" : n + " words";
  }

  var form = document.querySelector("form.screen-form[data-autosave='on']");
  if (!form) {
    return;
  }

  var counters = form.querySelectorAll("textarea[data-words]");
  Array.prototype.forEach.call(counters, function (area) {
    var out = document.getElementById(area.getAttribute("data-words"));
    var shown = null;
    var pending = null;
    area.addEventListener("input", function () {
      // The count is announced politely; update it after a short pause so a screen reader is not
      // interrupted on every keystroke.
      window.clearTimeout(pending);
      pending = window.setTimeout(function () {
        var n = words(area.value);
        if (n !== shown) {
          shown = n;
          out.textContent = label(n);
        }
      }, 400);
    });
  });

  if (!window.fetch || !window.FormData) {
    return;
  }

  var status = form.querySelector(".autosave-status");
  var timer = null;
  var saving = false;
  var again = false;

  function url() {
    var u = new URL(form.action, window.location.href);
    u.searchParams.delete("saved");
    return u.toString();
  }

  function save() {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    status.textContent = "Saving…";
    var data = new FormData(form);
    data.delete("Confirm");
    fetch(url(), {
      method: "POST",
      body: data,
      headers: { "X-Autosave": "1" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok) {
        status.textContent = "Draft saved at " + new Date(result.body.savedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".";
      } else {
        status.textContent = result.body.message || "The draft could not be saved.";
      }
    }).catch(function () {
      status.textContent = "Not saved: the connection dropped. Your text is still here; press Save draft.";
    }).finally(function () {
      saving = false;
      if (again) {
        again = false;
        save();
      }
    });
  }

  form.addEventListener("input", function (e) {
    if (e.target && e.target.tagName === "TEXTAREA") {
      window.clearTimeout(timer);
      status.textContent = "Not saved yet…";
      timer = window.setTimeout(save, 1500);
    }
  });
})();
