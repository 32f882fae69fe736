"use strict";
// Filters by severity, status and check; clicking a finding shows its span in the document.
(function () {
  const form = document.getElementById("filters");
  const findings = Array.from(document.querySelectorAll("article.finding"));
  const shown = document.getElementById("shown");

  function checked(name) {
    return new Set(Array.from(form.querySelectorAll('input[name="' + name + '"]:checked')).map((box) => box.value));
  }

  function applyFilters() {
    const severities = checked("severity");
    const statuses = checked("status");
    const check = document.getElementById("check-filter").value;
    let visible = 0;
    for (const finding of findings) {
      const show = severities.has(finding.dataset.severity) && statuses.has(finding.dataset.status) &&
        (check === "" || finding.dataset.check === check);
      finding.hidden = !show;
      if (show) visible += 1;
    }
    for (const sentence of document.querySelectorAll(".sentence")) {
      sentence.hidden = !sentence.querySelector("article.finding:not([hidden])");
    }
    for (const heading of document.querySelectorAll("h2.section")) {
      let next = heading.nextElementSibling;
      let any = false;
      while (next && !next.matches("h2")) {
        if (next.matches(".sentence") && !next.hidden) any = true;
        next = next.nextElementSibling;
      }
      heading.hidden = !any;
    }
    shown.textContent = visible + " of " + findings.length + " findings shown";
  }

  function showInText(finding) {
    const target = document.getElementById(finding.dataset.target || "");
    if (!target) return;
    const details = target.closest("details");
    if (details) details.open = true;
    for (const old of document.querySelectorAll("mark.focus")) old.classList.remove("focus");
    for (const mark of document.querySelectorAll("mark[data-findings]")) {
      if (mark.dataset.findings.split(" ").includes(finding.id)) mark.classList.add("focus");
    }
    target.scrollIntoView({ block: "center", inline: "nearest" });
  }

  form.addEventListener("change", applyFilters);
  for (const finding of findings) {
    finding.addEventListener("click", (event) => {
      if (event.target.closest("select, input, label")) return;
      showInText(finding);
    });
    finding.addEventListener("keydown", (event) => {
      if (event.key === "Enter") showInText(finding);
    });
  }
  applyFilters();
})();
