// Task form autosave and an ended session.
// Every change is sent (a few seconds later) to the autosave endpoint, so what was typed and
// uploaded comes back when the form is opened again. When the session has ended (signed out in
// another tab, expired), the page says so plainly, keeps everything, asks every few seconds
// whether the session is back, then takes the new CSRF token and carries on: uploads that were
// stopped are sent again and "Save" works without losing a word.
(function () {
  "use strict";
  const form = document.getElementById("task-form");
  if (!form || !window.fetch || !window.FormData) return;
  const banner = document.getElementById("session-ended");
  const status = document.getElementById("autosave-state");
  const DELAY = 2000;
  const POLL = 3000;
  let timer = null;
  let ended = false;
  let poller = null;
  let confirmed = 0;  // when the server last accepted an autosave (ms)
  let resubmitting = false;

  const token = () => form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function payload() {
    const data = new FormData();
    Array.from(form.elements).forEach((el) => {
      if (!el.name || el.type === "file" || el.type === "submit" || el.name === "unstage") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      data.append(el.name, el.value);
    });
    if (form.dataset.task) data.set("task", form.dataset.task);
    return data;
  }

  function say(text) { if (status) status.textContent = text; }

  function sessionEnded(message) {
    if (!ended) {
      ended = true;
      if (banner) {
        const slot = banner.querySelector("[data-message]");
        if (slot) slot.textContent = "Everything you typed and uploaded is kept on this page.";
        banner.hidden = false;
        banner.focus();
      }
      say("Not saved: your session ended.");
    }
    if (!poller) poller = window.setInterval(checkSession, POLL);
  }

  function checkSession() {
    fetch(form.dataset.sessionUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((resp) => (resp.ok ? resp.json() : null))
      .then((body) => {
        if (!body || !body.ok) return;
        window.clearInterval(poller);
        poller = null;
        ended = false;
        // Signing in again changes the CSRF token: every form on the page takes the new one.
        document.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach((el) => { el.value = body.csrf; });
        document.body.setAttribute("hx-headers", JSON.stringify({ "X-CSRFToken": body.csrf }));
        if (banner) banner.hidden = true;
        say("You are signed in again.");
        document.dispatchEvent(new CustomEvent("portal:session-back"));
        save();
      })
      .catch(() => {});
  }

  function save() {
    window.clearTimeout(timer);
    timer = null;
    if (ended) return Promise.resolve(false);
    return fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: payload(),
      headers: { Accept: "application/json", "X-CSRFToken": token() },
      credentials: "same-origin",
    })
      .then((resp) => resp.json().catch(() => ({})).then((body) => ({ resp, body })))
      .then(({ resp, body }) => {
        if (resp.status === 401 || resp.status === 403 || body.session_ended) {
          sessionEnded(body.error);
          return false;
        }
        if (body.ok) {
          confirmed = Date.now();
          say(`Saved automatically at ${body.saved_at}.`);
          return true;
        }
        say(body.error || "Not saved automatically.");
        return true;  // the session is fine; the form itself decides
      })
      .catch(() => { say("Not saved automatically: no connection."); return true; });
  }

  function later() {
    if (timer === null) timer = window.setTimeout(save, DELAY);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("portal:changed", later);
  document.addEventListener("portal:session-ended", () => sessionEnded());

  // Saving: make sure the session is alive first, so the form never lands on the sign-in page
  // with its content gone.
  form.addEventListener("submit", (event) => {
    if (resubmitting || event.defaultPrevented) return;
    if (ended) {
      event.preventDefault();
      if (banner) banner.focus();
      return;
    }
    if (Date.now() - confirmed < 1500) return;
    event.preventDefault();
    const submitter = event.submitter || null;
    save().then((alive) => {
      if (!alive) return;
      resubmitting = true;
      if (form.requestSubmit) form.requestSubmit(submitter); else form.submit();
      resubmitting = false;
    });
  });
})();
