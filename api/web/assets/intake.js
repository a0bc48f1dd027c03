// The Hub's intake page: lists self-referrals awaiting confirmation (urgent first, then oldest)
// and confirms one into a new story or, by a relationship claim, into an existing story.

import { explain, say, startPage } from "./layout.js";
import { fieldErrors, readApi, writeApi } from "./session.js";
import { el, requestCard } from "./intake-request.js";

async function load() {
  const answer = await readApi("/intake");
  const list = document.getElementById("requests");
  list.replaceChildren(...answer.intake.map(requestCard));
  const count = answer.count;
  document.getElementById("summary").textContent = count === 0
    ? "No self-referrals are waiting."
    : `${count} self-referral${count === 1 ? "" : "s"} waiting, urgent first, then oldest first.`;
}

function confirmation(form) {
  const body = { occurred_at: new Date().toISOString() };
  for (const input of form.querySelectorAll("input")) {
    if (input.value.trim()) body[input.name] = input.value.trim();
  }
  return body;
}

function shown(form, person) {
  const done = document.getElementById("done");
  done.replaceChildren();
  const verb = form.dataset.kind === "claim" ? "Attached to their existing story" : "Started a story";
  const link = el("a", "", "open the story");
  link.href = `/story?person=${encodeURIComponent(person)}`;
  done.append(`${verb} for ${form.dataset.reference}: `, link, ".");
  done.hidden = false;
}

async function confirm(event) {
  const form = event.target.closest("form.ledger-confirm");
  if (!form) return;
  event.preventDefault();
  say("");
  const path = `/intake/${encodeURIComponent(form.dataset.reference)}/${form.dataset.kind}`;
  try {
    const answer = await writeApi(path, confirmation(form));
    if (answer.status === 201) {
      shown(form, answer.body.person_id);
      await load();
      return;
    }
    const problems = Object.values(fieldErrors(answer.body));
    const nothing = answer.status === 404 && form.dataset.kind === "claim"
      ? "No story matches this NHS number and date of birth." : "";
    say(nothing || problems.join("; ") || `The ledger answered ${answer.status}.`);
  } catch (problem) {
    explain(problem);
  }
}

async function main() {
  const claims = await startPage({ roles: ["provider"] });
  if (!claims) return;
  document.getElementById("requests").addEventListener("submit", confirm);
  try {
    await load();
  } catch (problem) {
    document.getElementById("summary").textContent = "";
    explain(problem);
  }
}

main();
