// The interviewer kit: a timer, and autosave of the scorecard draft. Both are enhancements; the
// page works without them (the duration is printed, and "Save draft" posts the form).
(function () {
  "use strict";

  function setUpTimer(section) {
    var minutes = parseInt(section.getAttribute("data-minutes"), 10) || 60;
    var elapsedEl = section.querySelector(".timer-elapsed");
    var statusEl = section.querySelector(".timer-status");
    var toggle = section.querySelector(".timer-toggle");
    var reset = section.querySelector(".timer-reset");
    var startedAt = null;
    var before = 0;
    var tick = null;

    function seconds() {
      return before + (startedAt === null ? 0 : Math.floor((Date.now() - startedAt) / 1000));
    }

    function render() {
      var s = seconds();
      elapsedEl.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
      var left = minutes * 60 - s;
      section.classList.toggle("timer-late", left <= 0);
      section.classList.toggle("timer-closing", left > 0 && left <= 300);
      if (left <= 0) {
        statusEl.textContent = "Time is up: leave a few minutes for the candidate's questions.";
      } else if (left <= 300) {
        statusEl.textContent = "Five minutes left.";
      } else {
        statusEl.textContent = "";
      }
    }

    toggle.addEventListener("click", function () {
      if (startedAt === null) {
        startedAt = Date.now();
        tick = window.setInterval(render, 1000);
        toggle.textContent = "Pause";
      } else {
        before = seconds();
        startedAt = null;
        window.clearInterval(tick);
        toggle.textContent = "Resume";
      }
      render();
    });

    reset.addEventListener("click", function () {
      before = 0;
      startedAt = null;
      window.clearInterval(tick);
      toggle.textContent = "Start";
      render();
    });

    section.hidden = false;
    render();
  }

  function setUpAutosave(form) {
    var status = form.querySelector(".autosave-status");
    var revision = form.querySelector("input[name='Form.Revision']");
    var timer = null;
    var saving = false;
    var again = false;

    function url() {
      var u = new URL(window.location.href);
      u.searchParams.set("handler", "Save");
      return u.toString();
    }

    function save() {
      if (saving) {
        again = true;
        return;
      }
      saving = true;
      status.textContent = "Saving…";
      fetch(url(), {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Autosave": "1" },
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        if (result.ok) {
          revision.value = result.body.revision;
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

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 2000);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
  }

  var timer = document.querySelector(".timer[data-minutes]");
  if (timer) {
    setUpTimer(timer);
  }

  var form = document.querySelector("form.scorecard-form[data-autosave='on']");
  if (form && window.fetch && window.FormData) {
    setUpAutosave(form);
  }
})();
