// Improves the quiz pages when JavaScript runs; every page works without it.
// - Autosave: a changed answer is sent at once to the form's data-autosave address, and the
//   page's status line (an aria-live region) says whether it was saved.
// - Countdown: the server's deadline shown as minutes and seconds, with spoken warnings at 5
//   minutes and 1 minute left; at zero the page reloads, and the server (which enforces the
//   limit) submits what was saved.
// - Ordering: a place chosen in a menu, or an Up/Down button, moves the item in the list at
//   once (the buttons otherwise send the form, and the server moves it).
// Choices carry only their attempt's opaque values: nothing here knows which one is right.
(function () {
  "use strict";

  // What the form would send for this question: each named field's value, as the page names
  // it (ticked boxes and buttons only when ticked), so the server reads it as the form.
  function answerOf(fieldset) {
    var fields = [];
    fieldset.querySelectorAll("input[name], select[name]").forEach(function (input) {
      if (input.disabled) { return; }
      if ((input.type === "checkbox" || input.type === "radio") && !input.checked) { return; }
      if (input.tagName === "SELECT" && !input.value) { return; }
      fields.push([input.name, input.value]);
    });
    return fields;
  }

  // Ordering: the list shows the order the menus give; each menu shows its item's place.
  function renumber(fieldset) {
    var items = fieldset.querySelectorAll("li.order-item");
    items.forEach(function (item, index) {
      item.querySelector("select.place").value = String(index + 1);
      var up = item.querySelector("button.move[value$='-up']");
      var down = item.querySelector("button.move[value$='-down']");
      if (up) { up.disabled = index === 0; }
      if (down) { down.disabled = index === items.length - 1; }
    });
  }

  function placeItem(item, place) {
    var list = item.parentNode;
    list.removeChild(item);
    var others = list.querySelectorAll("li.order-item");
    list.insertBefore(item, others[place - 1] || null);
  }

  function moveItem(button) {
    var item = button.closest("li.order-item");
    var items = Array.prototype.slice.call(item.parentNode.querySelectorAll("li.order-item"));
    var index = items.indexOf(item);
    var step = /-up$/.test(button.value) ? -1 : 1;
    placeItem(item, Math.min(Math.max(index + step, 0), items.length - 1) + 1);
    var fieldset = item.closest("fieldset");
    renumber(fieldset);
    // The focus stays on the item that moved; at either end, on its other button.
    var again = item.querySelector("button.move[value='" + button.value + "']");
    var other = item.querySelector("button.move:not([value='" + button.value + "'])");
    (again && !again.disabled ? again : other).focus();
    return fieldset;
  }

  // The question list's marker for this question: answered or not, as the saved answer says.
  function markAnswered(form, fieldset, answered) {
    var jump = form.querySelector('button.jump[value="' + fieldset.getAttribute("data-number") + '"]');
    if (!jump) { return; }
    jump.classList.toggle("done", answered);
    var symbol = jump.querySelector("[aria-hidden]");
    var words = jump.querySelector(".visually-hidden");
    if (symbol) { symbol.textContent = answered ? "● " : "○ "; }
    if (words) {
      words.textContent = words.textContent.replace(/, (not )?answered/, answered ? ", answered" : ", not answered");
    }
  }

  function setStatus(status, text, failed) {
    if (!status) { return; }
    status.textContent = text;
    status.classList.toggle("failed", Boolean(failed));
  }

  // One save at a time per question, always of what the page shows now: a quick second click
  // waits for the first save and then sends the newest answer, so saves never land out of
  // order, and "Saved" appears only once nothing is left to send.
  function autosave(form) {
    var address = form.getAttribute("data-autosave");
    var token = form.querySelector("input[name=csrf_token]");
    var status = form.querySelector(".save-status");
    if (!address || !token) { return; }
    var pending = 0;

    function send(fieldset) {
      var chosen = answerOf(fieldset);
      var body = new URLSearchParams();
      body.append("question_id", fieldset.getAttribute("data-question-id"));
      body.append("prefix", fieldset.getAttribute("data-prefix") || "answer");
      chosen.forEach(function (field) { body.append(field[0], field[1]); });
      fieldset.saving = true;
      fieldset.changedAgain = false;
      pending += 1;
      setStatus(status, "Saving…", false);
      fetch(address, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token.value }
      }).then(function (response) {
        pending -= 1;
        fieldset.saving = false;
        if (response.status === 204) {
          markAnswered(form, fieldset, chosen.length > 0);
          if (fieldset.changedAgain) {
            send(fieldset);
          } else if (pending === 0) {
            var at = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
            setStatus(status, "Saved at " + at + ".", false);
          }
        } else if (response.status === 409) {
          response.text().then(function (message) { setStatus(status, message, true); });
        } else {
          setStatus(status, "Not saved. Your answer will be saved when you press a button below.", true);
        }
      }).catch(function () {
        pending -= 1;
        fieldset.saving = false;
        setStatus(status, "Not saved: no connection. Your answer will be saved when you press a button below.", true);
      });
    }

    function changed(fieldset) {
      if (fieldset.saving) {
        fieldset.changedAgain = true;
        setStatus(status, "Saving…", false);
      } else {
        send(fieldset);
      }
    }

    form.addEventListener("change", function (event) {
      var fieldset = event.target.closest("fieldset[data-question-id]");
      if (!fieldset) { return; }
      if (event.target.matches("select.place")) {
        placeItem(event.target.closest("li.order-item"), Number(event.target.value));
        renumber(fieldset);
        event.target.focus();
      }
      changed(fieldset);
    });

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button.move");
      if (!button) { return; }
      event.preventDefault();
      changed(moveItem(button));
    });
  }

  // The clock ticks every second in the role="timer" line, which screen readers do not read
  // out on each change; the warning line (aria-live="polite") speaks at 5 minutes and at 1
  // minute left, and when time is up.
  var WARNINGS = [
    [60, "1 minute left: what is saved is submitted when time is up."],
    [300, "5 minutes left."]
  ];

  function countdown(timer) {
    var deadline = Date.parse(timer.getAttribute("data-deadline"));
    var value = timer.querySelector(".time-left-value");
    var warning = timer.querySelector(".time-warning");
    if (isNaN(deadline) || !value) { return; }
    var first = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    // Only a threshold crossed while the page is open is announced; the page as sent already
    // says when less than 5 minutes are left.
    var spoken = WARNINGS.filter(function (pair) { return first <= pair[0]; })
      .map(function (pair) { return pair[0]; });
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s";
      WARNINGS.forEach(function (pair) {
        if (left <= pair[0] && spoken.indexOf(pair[0]) === -1) {
          spoken.push(pair[0]);
          timer.classList.add("warning");
          if (warning) { warning.textContent = pair[1]; }
        }
      });
      if (left === 0) {
        window.clearInterval(handle);
        value.textContent = "time is up";
        if (warning) { warning.textContent = "Time is up: your saved answers are being submitted."; }
        // A moment for the last autosave to land before the server submits.
        window.setTimeout(function () { window.location.reload(); }, 2000);
      }
    }
    var handle = window.setInterval(tick, 1000);
    tick();
  }

  // All questions on one page with immediate feedback: Enter in a question checks that
  // question (the browser alone would press the form's first button, another question's Check).
  function checkOnEnter(form) {
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.target.tagName !== "INPUT") { return; }
      var item = event.target.closest("li[id^='question-']");
      var check = item && item.querySelector("button[value^='check-']");
      if (check) {
        event.preventDefault();
        check.click();
      }
    });
  }

  document.querySelectorAll("form[data-autosave]").forEach(autosave);
  document.querySelectorAll("form[data-autosave]").forEach(checkOnEnter);
  document.querySelectorAll(".timer[data-deadline]").forEach(countdown);
}());
