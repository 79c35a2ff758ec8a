// Improves the instructor's pages when JavaScript runs; every page works without it.
// - Copy link: a button beside the quiz's link copies it and says so (without JavaScript the
//   button stays hidden and the link is there to select).
// - Projector: the counts of students joined and finished refresh by a small fetch (without
//   JavaScript the page reloads itself, by its <noscript> meta refresh).
// - Review queue: approve, reject and the wording's quick edit are sent by fetch and the card
//   changes in place (without JavaScript the page comes back at the card's anchor); keyboard
//   shortcuts j/k (next, previous card), a (approve), r (reject), e (edit the wording).
(function () {
  "use strict";

  function copyButtons() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var status = button.closest(".share-link").querySelector(".copy-status");
      if (!field) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        function said(text) { if (status) { status.textContent = text; } }
        function fallback() {
          field.select();
          said(document.execCommand && document.execCommand("copy")
            ? "Link copied." : "Select the link and copy it.");
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(field.value).then(function () { said("Link copied."); },
                                                          fallback);
        } else {
          fallback();
        }
      });
    });
  }

  function projectorCounts() {
    var box = document.querySelector(".projector[data-counts]");
    if (!box) { return; }
    var every = Number(box.getAttribute("data-every")) * 1000 || 10000;
    function refresh() {
      fetch(box.getAttribute("data-counts"), { credentials: "same-origin",
                                               headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (counts) {
          if (!counts) { return; }
          box.querySelector(".joined").textContent = counts.joined;
          box.querySelector(".finished").textContent = counts.finished;
        })
        .catch(function () { /* the next poll tries again */ })
        .then(function () { window.setTimeout(refresh, every); });
    }
    window.setTimeout(refresh, every);
  }

  function say(text) {
    var status = document.querySelector(".review-status");
    if (status) { status.textContent = text; }
  }

  // What the card shows once the server agreed: gone from this list, or changed in place.
  function applied(queue, form, card, data) {
    var shown = queue.getAttribute("data-status");
    if (form.getAttribute("data-action") === "edit") {
      card.querySelector(".question-card h3").textContent = data.prompt;
      var explanation = card.querySelector(".question-card .explanation");
      if (explanation) { explanation.textContent = data.explanation; }
      card.querySelector("details.quick-edit").open = false;
      card.focus();
      return;
    }
    if (shown === "all" || shown === data.status) {
      // Still listed: only the actions that still apply remain.
      card.querySelectorAll("form.review-action[data-action=reject]").forEach(function (f) { f.remove(); });
      if (data.status === "approved") {
        card.querySelectorAll("form.review-action[data-action=approve]").forEach(function (f) { f.remove(); });
      }
      card.focus();
      return;
    }
    var next = card.nextElementSibling || card.previousElementSibling;
    card.remove();
    var count = document.querySelector(".review-count");
    var left = queue.querySelectorAll(".review-card").length;
    if (count) {
      count.textContent = left + " " + count.getAttribute(left === 1 ? "data-one" : "data-many") + ".";
    }
    if (next) { next.focus(); }
  }

  function send(queue, form) {
    var card = form.closest(".review-card");
    var token = form.querySelector("input[name=csrf_token]");
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": token ? token.value : "" }
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        say(result.data.message);
        if (result.ok) { applied(queue, form, card, result.data); }
      })
      .catch(function () { say("Not saved: check the connection and try again."); });
  }

  function shortcut(queue, key) {
    var cards = Array.prototype.slice.call(queue.querySelectorAll(".review-card"));
    var current = document.activeElement && document.activeElement.closest(".review-card");
    var at = cards.indexOf(current);
    function act(kind) {
      var form = current && current.querySelector("form.review-action[data-action=" + kind + "]");
      if (form) { send(queue, form); }
    }
    if (key === "j" && cards.length) { cards[Math.min(at + 1, cards.length - 1)].focus(); }
    else if (key === "k" && cards.length) { cards[Math.max(at - 1, 0)].focus(); }
    else if (key === "a") { act("approve"); }
    else if (key === "r") { act("reject"); }
    else if (key === "e" && current) {
      var details = current.querySelector("details.quick-edit");
      details.open = true;
      details.querySelector("textarea").focus();
    } else { return false; }
    return true;
  }

  function reviewQueue() {
    var queue = document.querySelector("ol.review-queue");
    if (!queue) { return; }
    queue.addEventListener("submit", function (event) {
      var form = event.target.closest("form.review-action");
      if (!form) { return; }
      event.preventDefault();
      send(queue, form);
    });
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.target.closest && event.target.closest("input, textarea, select, button, summary, a")) {
        if (event.target.closest("input, textarea, select")) { return; }
      }
      if (shortcut(queue, event.key)) { event.preventDefault(); }
    });
  }

  copyButtons();
  projectorCounts();
  reviewQueue();
}());
