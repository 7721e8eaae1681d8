// Task form uploads. Files dropped on a drop zone, or chosen with a part's file input, are each
// checked in the browser (type allow-list from the input's `accept`, size limit from the form's
// data-max-file, the same file twice) and then posted on their own to the staging endpoint with
// a progress bar. A refused file shows its own error; a file already in the form or the task is
// a warning and is not added twice; accepted files are kept for the form (hidden `staged` ids),
// so nothing is lost when another file or a field is refused. Files already in the task can be
// replaced (same place, next version) or removed in place. Without JavaScript the plain inputs
// and buttons post with the forms and the server does the same checks.
(function () {
  "use strict";
  const form = document.getElementById("task-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const stageUrl = form.dataset.stageUrl;
  const maxBytes = parseInt(form.dataset.maxFile || "0", 10) || 0;
  const staged = form.querySelector("input[name=staged]");
  const wait = document.getElementById("upload-wait");
  const submits = Array.from(form.querySelectorAll("button[type=submit]"));
  const inputs = { request: form.querySelector("input[name=request_files]"), deliverable: form.querySelector("input[name=deliverable_files]") };
  const retries = [];  // uploads stopped by an ended session: sent again once it is back
  let pending = 0;

  const csrf = () => form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const ids = () => staged.value.split(",").filter(Boolean);
  const addId = (id) => { staged.value = ids().concat([String(id)]).join(","); };
  const dropId = (id) => { staged.value = ids().filter((x) => x !== String(id)).join(","); };
  const changed = () => form.dispatchEvent(new Event("portal:changed"));

  function formatSize(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + " MB";
    if (bytes >= 1024) return Math.round(bytes / 1024) + " KB";
    return bytes + " bytes";
  }

  function allowList(input) {
    return (input && input.getAttribute("accept") || "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  }

  // The same sentences as the server, so the contractor sees one wording.
  function browserCheck(file, input) {
    const allowed = allowList(input);
    const dot = file.name.lastIndexOf(".");
    const ext = dot > 0 ? file.name.slice(dot).toLowerCase() : "";
    if (allowed.length && allowed.indexOf(ext) === -1) {
      return `“${file.name}”: ${ext ? ext + " files are" : "files without an extension are"} not accepted. Upload Word, Excel, PowerPoint, PDF, PNG or JPEG, text or code files, or a .zip.`;
    }
    if (maxBytes && file.size > maxBytes) {
      return `“${file.name}” is ${formatSize(file.size)}; the limit per file is ${formatSize(maxBytes)}.`;
    }
    if (file.size === 0) return `“${file.name}” is empty.`;
    return "";
  }

  // The same file dropped again (same name and size, already uploaded or on its way).
  function alreadyListed(list, file) {
    return Array.from(list.querySelectorAll("li.is-ok, li.is-uploading")).some((li) =>
      li.dataset.name === file.name && li.dataset.size === String(file.size));
  }

  function setBusy(delta) {
    pending += delta;
    const busy = pending > 0;
    if (wait) wait.hidden = !busy;
    submits.forEach((b) => { b.disabled = busy; b.setAttribute("aria-disabled", busy ? "true" : "false"); });
  }

  function row(list, file) {
    const li = document.createElement("li");
    li.className = "is-uploading";
    li.dataset.name = file.name;
    li.dataset.size = String(file.size);
    const name = document.createElement("span");
    name.className = "filename";
    name.textContent = file.name;
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = formatSize(file.size) + " · checking…";
    li.append(name, state);
    list.appendChild(li);
    return { li, state };
  }

  function removeButton(li, onRemove, label) {
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "button small remove";
    btn.textContent = label || "Remove";
    btn.setAttribute("aria-label", btn.textContent + " " + li.querySelector(".filename").textContent);
    btn.addEventListener("click", () => { onRemove(); li.remove(); changed(); });
    li.appendChild(btn);
  }

  function settle(r, message, name, kind) {
    // The server may name the file twice ("“a.pdf”: “a.pdf” is ..."): say it once.
    const prefix = `“${name}”: `;
    if (message.startsWith(prefix) && message.indexOf(`“${name}”`, prefix.length) !== -1) {
      message = message.slice(prefix.length);
    }
    r.li.className = kind === "warning" ? "is-warning" : "is-error";
    r.state.textContent = message;
    r.state.setAttribute("role", kind === "warning" ? "status" : "alert");
    removeButton(r.li, () => {}, "Dismiss");
  }

  function upload(file, part, r) {
    const list = form.querySelector(`ul.staged[data-part=${part}]`);
    if (!r) {
      if (alreadyListed(list, file)) {
        settle(row(list, file), `“${file.name}” is already in the list: it was not added twice.`, file.name, "warning");
        return;
      }
      r = row(list, file);
      const refused = browserCheck(file, inputs[part]);
      if (refused) { settle(r, refused, file.name); return; }
    }
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", "Uploading " + file.name);
    r.li.appendChild(bar);
    r.state.textContent = formatSize(file.size) + " · uploading…";
    const data = new FormData();
    data.append("part", part);
    data.append("file", file, file.name);
    data.append("staged", staged.value);
    if (form.dataset.task) data.append("task", form.dataset.task);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", stageUrl);
    xhr.setRequestHeader("X-CSRFToken", csrf());
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((100 * e.loaded) / e.total);
        r.state.textContent = `${formatSize(file.size)} · uploading ${bar.value}%`;
      }
    });
    setBusy(1);
    xhr.addEventListener("load", () => {
      setBusy(-1);
      bar.remove();
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = { error: `“${file.name}”: the upload failed (${xhr.status}). Please try again.` }; }
      if (body.session_ended || xhr.status === 401 || xhr.status === 403 && !body.error) {
        // Kept on the page and sent again by itself once the session is back.
        r.state.textContent = `${formatSize(file.size)} · waiting: your session ended. It is sent again once you are signed in.`;
        retries.push(() => upload(file, part, r));
        document.dispatchEvent(new CustomEvent("portal:session-ended", { detail: body.error || "" }));
        return;
      }
      if (body.ok) {
        r.li.className = "is-ok";
        r.li.dataset.stagedId = body.id;
        r.state.textContent = `${body.type}, ${formatSize(body.size)} · ready`;
        addId(body.id);
        changed();
        removeButton(r.li, () => {
          // The server discards it when the form is sent.
          dropId(body.id);
          const gone = document.createElement("input");
          gone.type = "hidden";
          gone.name = "unstage";
          gone.value = body.id;
          form.appendChild(gone);
        });
      } else {
        settle(r, body.error || `“${file.name}”: the upload failed.`, file.name, body.duplicate ? "warning" : "error");
      }
    });
    xhr.addEventListener("error", () => {
      setBusy(-1);
      bar.remove();
      settle(r, `“${file.name}”: the upload failed. Check your connection and add it again.`, file.name);
    });
    xhr.send(data);
  }

  document.addEventListener("portal:session-back", () => {
    retries.splice(0).forEach((again) => again());
  });

  // Chosen with the file input: stage at once, then clear the input so the form does not post
  // the same bytes a second time.
  Object.keys(inputs).forEach((part) => {
    const input = inputs[part];
    if (!input) return;
    input.addEventListener("change", () => {
      Array.from(input.files || []).forEach((file) => upload(file, part));
      input.value = "";
    });
  });

  form.querySelectorAll(".dropzone").forEach((zone) => {
    zone.hidden = false;
    const part = zone.dataset.part;
    let depth = 0;
    zone.addEventListener("dragenter", (e) => { e.preventDefault(); depth += 1; zone.classList.add("over"); });
    zone.addEventListener("dragover", (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = "copy"; });
    zone.addEventListener("dragleave", () => { depth = Math.max(0, depth - 1); if (!depth) zone.classList.remove("over"); });
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      depth = 0;
      zone.classList.remove("over");
      Array.from((e.dataTransfer && e.dataTransfer.files) || []).forEach((file) => upload(file, part));
    });
  });

  // A file dropped outside a zone must not make the browser navigate away from the form.
  ["dragover", "drop"].forEach((type) => window.addEventListener(type, (e) => {
    if (!e.target.closest || !e.target.closest(".dropzone")) e.preventDefault();
  }));

  form.addEventListener("submit", (e) => {
    if (pending > 0) e.preventDefault();
  });

  // Files already in the task: remove or replace in place (the typed text stays on the page).
  function fileAction(actionForm, file) {
    const id = actionForm.id.split("-").pop();
    const li = document.getElementById("existing-" + id);
    const state = li && li.querySelector(".state");
    const data = new FormData(actionForm);
    data.set("csrfmiddlewaretoken", csrf());
    if (file) data.append("file", file, file.name);
    if (state) state.textContent = file ? `uploading ${file.name}…` : "removing…";
    setBusy(1);
    fetch(actionForm.action, { method: "POST", body: data, headers: { Accept: "application/json", "X-CSRFToken": csrf() }, credentials: "same-origin" })
      .then((resp) => resp.json().catch(() => ({ ok: false, error: "The server did not answer." })).then((body) => ({ resp, body })))
      .then(({ resp, body }) => {
        setBusy(-1);
        if (body.session_ended || resp.status === 401) {
          if (state) state.textContent = "not done: your session ended. Try again once you are signed in.";
          document.dispatchEvent(new CustomEvent("portal:session-ended", { detail: body.error || "" }));
          return;
        }
        if (!li) return;
        li.querySelectorAll(".notice").forEach((n) => n.remove());
        const notice = document.createElement("span");
        notice.className = "notice";
        notice.setAttribute("role", body.ok ? "status" : "alert");
        notice.textContent = body.message || body.error || "";
        if (!body.ok) {
          li.classList.add("is-error");
          if (state) state.textContent = "";
          li.appendChild(notice);
          return;
        }
        if (!file) {
          li.className = "is-removed";
          li.querySelectorAll(".file-buttons").forEach((b) => b.remove());
          if (state) state.textContent = "removed";
          li.appendChild(notice);
          return;
        }
        li.classList.remove("is-error");
        li.querySelector(".filename").textContent = body.name;
        if (state) state.textContent = `${body.type}, ${formatSize(body.size)} · version ${body.version}`;
        li.appendChild(notice);
      })
      .catch(() => {
        setBusy(-1);
        if (state) state.textContent = "the change failed: check your connection and try again.";
      });
  }

  document.querySelectorAll("form[data-file-action]").forEach((actionForm) => {
    actionForm.addEventListener("submit", (e) => {
      e.preventDefault();
      fileAction(actionForm, null);
    });
  });
  document.querySelectorAll("input.replace-input").forEach((input) => {
    input.addEventListener("change", () => {
      const actionForm = document.getElementById(input.getAttribute("form"));
      const file = input.files && input.files[0];
      if (actionForm && file) fileAction(actionForm, file);
      input.value = "";
    });
  });

  const summary = document.getElementById("submit-errors") || document.getElementById("file-errors") || document.getElementById("form-errors");
  if (summary) summary.focus();
})();
