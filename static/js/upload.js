// Drag-and-drop: each dropped file is posted on its own to the staging endpoint with a progress
// bar, so a refused file shows its own error and accepted files are kept for the form.
(function () {
  const form = document.getElementById("task-form");
  if (!form) return;
  const stageUrl = form.dataset.stageUrl;
  const staged = form.querySelector("input[name=staged]");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const ids = () => staged.value.split(",").filter(Boolean);
  form.querySelectorAll(".dropzone").forEach((zone) => {
    zone.hidden = false;
    const part = zone.dataset.part;
    const list = form.querySelector(`ul.staged[data-part=${part}]`);
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("over");
      Array.from(e.dataTransfer.files).forEach((file) => upload(file, part, list));
    });
  });
  function upload(file, part, list) {
    const li = document.createElement("li");
    li.textContent = file.name + " ";
    const bar = document.createElement("div");
    bar.className = "progress";
    bar.setAttribute("role", "progressbar");
    const fill = document.createElement("span");
    fill.style.width = "0%";
    bar.appendChild(fill);
    li.appendChild(bar);
    list.appendChild(li);
    const data = new FormData();
    data.append("part", part);
    data.append("file", file);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", stageUrl);
    xhr.setRequestHeader("X-CSRFToken", csrf);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) fill.style.width = (100 * e.loaded / e.total) + "%"; };
    xhr.onload = () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = { error: "The upload failed (" + xhr.status + ")." }; }
      bar.remove();
      const note = document.createElement("span");
      if (body.ok) {
        note.className = "muted";
        note.textContent = `(${body.type}) ready`;
        staged.value = ids().concat([String(body.id)]).join(",");
      } else {
        note.className = "error";
        note.setAttribute("role", "alert");
        note.textContent = body.error || "The upload failed.";
      }
      li.appendChild(note);
    };
    xhr.onerror = () => { bar.remove(); li.appendChild(document.createTextNode(" upload failed: check your connection")); };
    xhr.send(data);
  }
})();
