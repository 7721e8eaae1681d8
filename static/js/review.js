// Review page: one file at a time, the decision bar and its keys, line comments, the ? overlay.
// Keys: a approve, r reject, c request changes (each only picks; Enter on the button confirms),
// 1–7 reasons, j/k next/previous file, s skip, n next task, ? all keys. Off while typing or
// with a modifier key. Without a claim a/r/c say "claim first"; a decided task has no decision
// keys at all. Without JavaScript every file link, comment link and button still works.
(function () {
  "use strict";
  var picks = { a: "approve", r: "reject", c: "changes_requested" };
  var NEEDS_REASON = { reject: true, changes_requested: true };
  var bar = document.getElementById("decision-bar");
  var form = document.getElementById("decision-form");
  var hint = document.getElementById("bar-hint");
  var errors = document.getElementById("decision-errors");
  var more = document.getElementById("bar-more");
  var dialog = document.getElementById("shortcuts-dialog");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.item[data-item]"));
  var state = bar ? bar.dataset.state : "";
  var choiceInputs = { checkbox: true, radio: true, button: true, submit: true };

  function isTyping(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select" || target.isContentEditable) return true;
    return tag === "input" && !choiceInputs[(target.type || "").toLowerCase()];
  }

  function say(text) { if (hint) hint.textContent = text; }

  function showErrors(lines) {
    if (!errors) return;
    errors.textContent = "";
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      errors.appendChild(p);
    });
  }

  // ---- one file at a time ---------------------------------------------------------------
  var current = 0;
  sections.forEach(function (s, i) { if (!s.hidden) current = i; });

  function show(n, focus) {
    if (!sections.length) return;
    n = Math.max(0, Math.min(sections.length - 1, n));
    current = n;
    sections.forEach(function (s, i) { s.hidden = i !== n; });
    document.querySelectorAll(".item-nav a[data-item]").forEach(function (a) {
      if (String(n) === a.dataset.item) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    var field = form && form.querySelector('input[name="item"]');
    if (field) field.value = String(n);
    if (window.history && window.history.replaceState) {
      var url = new URL(window.location.href);
      url.searchParams.set("item", String(n));
      url.searchParams.delete("line");
      url.hash = "";
      window.history.replaceState(null, "", url.toString());
    }
    var heading = sections[n].querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      sections[n].scrollIntoView({ block: "start" });
      if (focus) heading.focus({ preventScroll: true });
    }
    say("File " + (n + 1) + " of " + sections.length + ": " + (heading ? heading.textContent : ""));
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-item]:not(.line-comment)");
    if (link && sections.length) {
      event.preventDefault();
      show(parseInt(link.dataset.item, 10), true);
      return;
    }
    var line = event.target.closest && event.target.closest("a.line-comment");
    if (line) {
      event.preventDefault();
      commentOnLine(line.dataset.item, line.dataset.line, line.closest("li"));
      return;
    }
    var clear = event.target.closest && event.target.closest("[data-clear-line]");
    if (clear) {
      var f = clear.closest("form");
      f.querySelector("[data-line-input]").value = "";
      f.querySelector("[data-line-target]").hidden = true;
      return;
    }
    if (event.target.closest && event.target.closest("[data-open-shortcuts]")) openShortcuts();
    if (event.target.closest && event.target.closest("[data-close-shortcuts]") && dialog) dialog.close();
  });

  // ---- line comments ------------------------------------------------------------------------
  function commentOnLine(item, line, li) {
    var f = document.getElementById("comment-form-" + item);
    if (!f) return;
    f.querySelector("[data-line-input]").value = line;
    var target = f.querySelector("[data-line-target]");
    target.querySelector("[data-line-number]").textContent = String(parseInt(line, 10) + 1);
    target.hidden = false;
    document.querySelectorAll(".preview li.commenting").forEach(function (x) { x.classList.remove("commenting"); });
    if (li) li.classList.add("commenting");
    var box = f.querySelector("textarea");
    f.scrollIntoView({ block: "center" });
    box.focus({ preventScroll: true });
  }

  // ---- the decision -----------------------------------------------------------------------
  function chosen() {
    var radio = form && form.querySelector('input[name="decision"]:checked');
    return radio ? radio.value : "";
  }

  function reasonsTicked() {
    return form ? form.querySelectorAll('input[name="reasons"]:checked').length : 0;
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var decision = chosen();
      if (!decision) {
        event.preventDefault();
        showErrors(["Choose approve, reject or request changes first (keys a, r, c)."]);
        var first = form.querySelector('input[name="decision"]');
        if (first) first.focus();
        return;
      }
      if (NEEDS_REASON[decision] && !reasonsTicked()) {
        event.preventDefault();
        showErrors(["Give at least one reason to reject or to request changes (keys 1–" +
          form.querySelectorAll('input[name="reasons"]').length + ")."]);
        if (more) more.open = true;
        var reason = form.querySelector('input[name="reasons"]');
        if (reason) reason.focus();
      }
    });
    form.addEventListener("change", function () { if (errors && errors.textContent) showErrors([]); });
  }

  function pick(value) {
    var radio = form.querySelector('input[name="decision"][value="' + value + '"]');
    if (!radio) return;
    radio.checked = true;
    showErrors([]);
    var submit = document.getElementById("record-decision");
    if (NEEDS_REASON[value]) {
      if (more) more.open = true;
      say((value === "reject" ? "Reject" : "Request changes") + " picked: tick a reason (1–7), then Enter on “Record decision”.");
      var reason = form.querySelector('input[name="reasons"]:checked') || form.querySelector('input[name="reasons"]');
      (reasonsTicked() ? submit : reason).focus();
    } else {
      say("Approve picked: press Enter to record it.");
      submit.focus();
    }
  }

  function toggleReason(n) {
    var box = form.querySelector('input[name="reasons"][data-key="' + n + '"]');
    if (!box) return;
    box.checked = !box.checked;
    if (more) more.open = true;
    say("Reason “" + box.parentNode.textContent.replace(/^\s*\d+\s*/, "").trim() + "” " + (box.checked ? "ticked." : "unticked."));
  }

  function openShortcuts() {
    if (dialog && dialog.showModal && !dialog.open) dialog.showModal();
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (dialog && dialog.open) return;  // the dialog closes itself on Esc
    if (isTyping(event.target)) return;
    var key = event.key || "";
    if (key === "?") { event.preventDefault(); openShortcuts(); return; }
    var lower = key.toLowerCase();
    if (lower === "j" || lower === "k") {
      if (!sections.length) return;
      event.preventDefault();
      show(current + (lower === "j" ? 1 : -1), true);
      return;
    }
    if (lower === "n") {
      var next = document.getElementById("next-form");
      if (next) { event.preventDefault(); next.submit(); }
      return;
    }
    if (lower === "s") {
      var skip = document.getElementById("skip-form");
      if (skip) { event.preventDefault(); skip.submit(); }
      return;
    }
    var value = picks[lower];
    var number = /^[1-9]$/.test(key) ? parseInt(key, 10) : 0;
    if (!value && !number) return;
    if (form) {
      event.preventDefault();
      if (value) pick(value); else toggleReason(number);
      return;
    }
    if (state === "unclaimed") {
      event.preventDefault();
      var claim = document.getElementById("claim-button");
      say("Claim the task first: press Enter to claim it, then decide.");
      if (claim) claim.focus();
    } else if (state === "claimed") {
      event.preventDefault();
      say("Another reviewer holds this task: it cannot be decided here.");
    }
  });

  // A decision that came back refused: its sentence is in the bar, in view; say it once more.
  if (errors && errors.textContent.trim()) {
    if (more) more.open = true;
    errors.focus({ preventScroll: true });
  }
})();
