// Tabs between the page text and the explain diff; arrow keys move
// between them. Page content is never read or written here: it arrives
// escaped by the server's templates.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const tabs = Array.from(document.querySelectorAll("[role=tab]"));
  const show = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      document.getElementById(t.dataset.show).hidden = !on;
    }
    tab.focus();
  };
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => show(t));
    t.addEventListener("keydown", (e) => {
      if (e.key === "ArrowRight") show(tabs[(i + 1) % tabs.length]);
      if (e.key === "ArrowLeft") show(tabs[(i + tabs.length - 1) % tabs.length]);
    });
  });
});

// "Copy as rich text": the transcript as HTML on the clipboard (with its
// plain text beside it) for word processors, without the desk's buttons.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("copy-rich");
  const source = document.getElementById("transcript-body");
  if (!button || !source) return;
  button.addEventListener("click", async () => {
    const copy = source.cloneNode(true);
    copy.querySelectorAll("form, button").forEach((el) => el.remove());
    const html = "<meta charset=\"utf-8\">" + copy.innerHTML;
    const status = document.getElementById("copy-status");
    try {
      await navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([copy.innerText], { type: "text/plain" }),
      })]);
      status.textContent = "Copied.";
    } catch (err) {
      status.textContent = "The browser did not allow copying (" + err.name + "); select the transcript and copy it.";
    }
  });
});

// A file dropped anywhere on the input page goes into the form's file
// field and is sent, as choosing it would.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("main.input form");
  const input = document.getElementById("file");
  if (!form || !input) return;
  document.addEventListener("dragover", (e) => { e.preventDefault(); form.classList.add("dropping"); });
  document.addEventListener("dragleave", () => form.classList.remove("dropping"));
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    form.classList.remove("dropping");
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      form.requestSubmit();
    }
  });
});
