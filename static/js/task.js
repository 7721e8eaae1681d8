// Task page: choosing a replacement file sends it at once (without JavaScript the form has its
// own "Upload the replacement" button). Bound on the document: the file table is swapped by htmx.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-auto-submit]") || !input.files.length) return;
    var form = input.closest("form");
    if (form) form.submit();
  });
})();
