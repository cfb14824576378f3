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
