// Provider staff and key workers: their provider's caseload and waiting list (people by id only),
// and one person's story as a timeline when they open it.

import { ApiProblem, readApi } from "./session.js";

const byId = (id) => document.getElementById(id);

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function storyButton(personId) {
  const button = cell("button", "Read story", "read-story");
  button.type = "button";
  button.dataset.person = personId;
  button.addEventListener("click", () => showStory(personId));
  return button;
}

function humanised(type) {
  return type.replace(/([a-z])([A-Z])/g, "$1 $2");
}

function described(value) {
  if (Array.isArray(value)) return value.join(", ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function entryOf(event) {
  const item = document.createElement("li");
  item.className = event.retracted ? "event retracted" : "event";
  const when = new Date(event.occurred_at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
  item.append(cell("time", when), cell("strong", ` ${humanised(event.type)}`),
    cell("span", ` by ${event.provider_id} (${event.staff_id})${event.retracted ? " (retracted)" : ""}`, "by"));
  const facts = document.createElement("dl");
  for (const [key, value] of Object.entries(event.data || {})) {
    facts.append(cell("dt", key.replace(/_/g, " ")), cell("dd", described(value)));
  }
  item.append(facts);
  return item;
}

// Reads one person's story (the ledger logs the read) and shows its events oldest first.
export async function showStory(personId) {
  byId("story").hidden = false;
  byId("story-person").textContent = personId;
  byId("story-problem").hidden = true;
  byId("timeline").replaceChildren();
  try {
    const story = await readApi(`/people/${encodeURIComponent(personId)}/story`);
    byId("timeline").replaceChildren(...story.events.map(entryOf));
  } catch (problem) {
    if (!(problem instanceof ApiProblem) || problem.status === 401) {
      document.dispatchEvent(new CustomEvent("ledger:problem", { detail: problem }));
      return;
    }
    byId("story-problem").textContent = problem.message;
    byId("story-problem").hidden = false;
  }
  byId("story").scrollIntoView({ block: "start" });
}

function waitingRow(wait) {
  const row = document.createElement("tr");
  row.append(cell("td", wait.person_id, "person"), cell("td", wait.from_provider_id),
    cell("td", wait.received_on), cell("td", wait.accepted ? "yes" : "not yet"),
    cell("td", String(wait.days_waited), "number"));
  const action = document.createElement("td");
  action.append(storyButton(wait.person_id));
  row.append(action);
  return row;
}

// Shows the caseload (on `day`, or today when empty) and the waiting list of `provider`.
export async function showProvider(provider, day) {
  const base = `/providers/${encodeURIComponent(provider)}`;
  byId("provider-title").textContent = `Caseload and waiting list: ${provider}`;
  const on = day ? `?on=${encodeURIComponent(day)}` : "";
  const [caseload, waiting] = await Promise.all([readApi(`${base}/caseload${on}`), readApi(`${base}/waiting-list`)]);
  byId("caseload-count").textContent = `${caseload.count} on ${caseload.on}`;
  byId("caseload-list").replaceChildren(...caseload.people.map((person) => {
    const item = cell("li", `${person} `);
    item.append(storyButton(person));
    return item;
  }));
  byId("waiting-count").textContent = `${waiting.count} waiting on ${waiting.on}`;
  byId("waiting-list").tBodies[0].replaceChildren(...waiting.waiting.map(waitingRow));
}
