// Review page keyboard shortcuts: a approve, r reject, c request changes, n next task.
// a/r/c only pick the decision and move focus to the submit button (Enter confirms), so a stray
// key press never records a decision. Off while typing in a text field or with a modifier key.
(function () {
  "use strict";
  var picks = { a: "approve", r: "reject", c: "changes_requested" };
  var choiceInputs = { checkbox: true, radio: true, button: true, submit: true };
  // Shortcuts stay on for checkboxes and radios (the reason boxes), off in text fields.
  function isTyping(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select" || target.isContentEditable) return true;
    return tag === "input" && !choiceInputs[(target.type || "").toLowerCase()];
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTyping(event.target)) return;
    var key = event.key ? event.key.toLowerCase() : "";
    if (key === "n") {
      var next = document.getElementById("next-form");
      if (next) { event.preventDefault(); next.submit(); }
      return;
    }
    var value = picks[key];
    if (!value) return;
    var form = document.getElementById("decision-form");
    if (!form) return;
    var radio = form.querySelector('input[name="decision"][value="' + value + '"]');
    if (!radio) return;
    event.preventDefault();
    radio.checked = true;
    form.scrollIntoView({ block: "center" });
    var reasons = form.querySelector('input[name="reasons"]');
    var submit = form.querySelector('button[type="submit"]');
    // Reject and changes need a reason: go to the reasons first.
    (value !== "approve" && reasons ? reasons : submit).focus();
  });
})();
