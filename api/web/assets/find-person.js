// Finding a person: the terms go to POST /people/search in the body (never in the address);
// each person found links to their story.

import { explain, say, startPage } from "./layout.js";
import { fieldErrors, writeApi } from "./session.js";
import { el, nhsNumberOf, storyLink } from "./worklist-table.js";

function showError(message) {
  const error = document.getElementById("query-error");
  error.textContent = message ? `Error: ${message}` : "";
  error.hidden = !message;
  document.getElementById("query-group").classList.toggle("nhsuk-form-group--error", Boolean(message));
}

async function search(event) {
  event.preventDefault();
  const query = document.getElementById("query").value.trim();
  const count = document.getElementById("count");
  const results = document.getElementById("results");
  say("");
  if (query.length < 2) {
    showError("Enter at least 2 characters of a name, or an NHS number");
    return;
  }
  showError("");
  try {
    const answer = await writeApi("/people/search", { query });
    if (answer.status !== 200) {
      const errors = fieldErrors(answer.body);
      showError(errors.query || Object.values(errors)[0] || `The ledger answered ${answer.status}`);
      return;
    }
    const people = answer.body.people;
    count.textContent = people.length === 1 ? "1 person found"
      : `${people.length} people found${people.length ? "" : " among the people your team may read"}`;
    results.replaceChildren(...people.map((person) => {
      const item = el("li");
      item.append(storyLink(person), el("span", "", ` – NHS number ${nhsNumberOf(person)}`));
      return item;
    }));
  } catch (problem) {
    explain(problem);
  }
}

async function main() {
  const claims = await startPage({ roles: ["provider", "key_worker"] });
  if (!claims) return;
  document.getElementById("search").addEventListener("submit", search);
}

main();
