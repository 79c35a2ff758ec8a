// Improves the instructors' question form when JavaScript runs; the form works without it.
// Find the evidence: choosing an article lays out its sentences at once, in place. The script
// sends the form as the "Show its sentences" button would (the server saves nothing then) and
// puts the sentences of the page that comes back where the old ones were, so nothing typed is
// lost, the page does not reload and the focus stays on the menu.
(function () {
  "use strict";
  var select = document.querySelector("select[data-shows-sentences]");
  if (!select || !window.fetch || !window.DOMParser || !window.FormData) { return; }
  var button = document.getElementById(select.getAttribute("data-shows-sentences"));
  var status = document.getElementById("sentences-status");

  select.addEventListener("change", function () {
    var data = new FormData(select.form);
    data.append(button.name, button.value);
    fetch(button.formAction, {method: "POST", body: data, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("sentence-list");
        var shown = page.querySelector("input[name=shown_article]");
        if (!fresh || !shown) { throw new Error("no sentences in the page"); }
        document.getElementById("sentence-list").replaceWith(document.importNode(fresh, true));
        select.form.querySelector("input[name=shown_article]").value = shown.value;
        status.textContent = select.value ? "The article's sentences are shown below." : "";
      })
      .catch(function () { button.click(); });  // the page's own way: send the form
  });
})();
