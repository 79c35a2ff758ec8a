// Improves the instructor's pages when JavaScript runs; every page works without it.
// - Copy link: a button beside the quiz's link copies it and says so (without JavaScript the
//   button stays hidden and the link is there to select).
// - Projector: the counts of students joined and finished refresh by a small fetch (without
//   JavaScript the page reloads itself, by its <noscript> meta refresh).
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

  copyButtons();
  projectorCounts();
}());
