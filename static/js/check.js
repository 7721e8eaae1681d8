// Check pages: "select all" for the bulk keep/redact rows, and how many rows are selected.
// Everything works without it (tick the rows one by one).
(function () {
  "use strict";
  document.querySelectorAll("input[data-select-all]").forEach(function (all) {
    var form = document.getElementById(all.dataset.selectAll);
    if (!form) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="finding"]'));
    var count = form.querySelector("[data-selected-count]");
    function update() {
      var n = boxes.filter(function (b) { return b.checked; }).length;
      all.checked = n > 0 && n === boxes.length;
      all.indeterminate = n > 0 && n < boxes.length;
      if (count) count.textContent = n ? n + " selected" : "";
    }
    all.addEventListener("change", function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      update();
    });
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    // A bulk button with nothing selected: say so instead of posting an empty form.
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (button && button.name === "decision" && !boxes.some(function (b) { return b.checked; })) {
        event.preventDefault();
        if (count) count.textContent = "Select at least one row first.";
      }
    });
    update();
  });
})();
