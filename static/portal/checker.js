/* Progressive enhancement for the checker; every screen works without it. */
(function () {
  "use strict";
  // The NL Design System error summary: move focus to it, so it is read out first.
  var summary = document.getElementById("foutmeldingen");
  if (summary) { summary.focus(); }
  // The print view: a button that opens the browser's print dialog.
  var hint = document.querySelector("[data-print-hint]");
  if (hint && window.print) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "utrecht-button utrecht-button--primary-action";
    button.textContent = "Nu afdrukken";
    button.addEventListener("click", function () { window.print(); });
    hint.appendChild(button);
  }
})();
