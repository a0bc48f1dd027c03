// The administrator's two directory writes: changing a provider's unit costs and registering a
// provider. Each sends the API's own request; the API's field errors are shown beside their
// fields and what was typed stays; after a write the directory is read again up to its position.

import { fieldError } from "./audited.js";
import { say } from "./layout.js";
import { fieldErrors, writeApi } from "./session.js";

const byId = (id) => document.getElementById(id);
const FIELDS = { costs: ["unit_cost_gbp", "bed_day_cost_gbp", "occurred_at"],
  register: ["provider_id", "name", "tier", "service", "unit_cost_gbp", "bed_day_cost_gbp", "occurred_at"] };

// A date ("2026-11-29") as the instant its day starts in the browser's time, or "" when empty.
const dayStart = (day) => (day ? new Date(`${day}T00:00`).toISOString() : "");

// Shows the API's field errors beside their fields; answers whether every error found a field.
function showErrors(form, body, status) {
  const errors = fieldErrors(body);
  for (const name of FIELDS[form]) fieldError(`${form}-${name}`, "");
  let unplaced = "";
  for (const [where, message] of Object.entries(errors)) {
    const name = where.split(".").at(-1);
    if (FIELDS[form].includes(name)) fieldError(`${form}-${name}`, message);
    else unplaced = message;
  }
  if (unplaced) say(`The ledger did not take it (${status}): ${unplaced}`);
  return !unplaced;
}

async function send(form, path, body, done, reload) {
  say("");
  const answer = await writeApi(path, body);
  if (answer.status !== 201) {
    showErrors(form, answer.body, answer.status);
    return;
  }
  showErrors(form, null, 201);
  await reload(answer.body.position);
  byId("done").textContent = done;
  byId("done").hidden = false;
}

export function wireForms(directory, reload) {
  byId("costs-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const provider = byId("costs-provider").value;
    const name = directory()[provider].name;
    const body = { occurred_at: dayStart(byId("costs-from").value),
      data: { unit_cost_gbp: byId("costs-unit").value.trim(), bed_day_cost_gbp: byId("costs-bed").value.trim() } };
    send("costs", `/providers/${encodeURIComponent(provider)}/costs`, body,
      `${name}: a contact now costs £${body.data.unit_cost_gbp} and a ward night £${body.data.bed_day_cost_gbp}, `
      + `from ${byId("costs-from").value}.`, reload).catch((problem) => say(problem.message));
  });
  byId("register-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = (id) => byId(id).value.trim();
    const data = { name: value("register-name"), tier: value("register-tier"), service: value("register-service") };
    if (value("register-unit")) data.unit_cost_gbp = value("register-unit");
    if (value("register-bed")) data.bed_day_cost_gbp = value("register-bed");
    const body = { provider_id: value("register-code"), occurred_at: dayStart(value("register-from")), data };
    send("register", "/providers", body, `${data.name} is in the directory.`, reload)
      .catch((problem) => say(problem.message));
  });
}

// Fills the costs form with a provider's current costs (when another is chosen, too).
export function prefillCosts(directory) {
  const fill = () => {
    const provider = directory()[byId("costs-provider").value];
    if (!provider) return;
    byId("costs-unit").value = provider.unit_cost_gbp;
    byId("costs-bed").value = provider.bed_day_cost_gbp;
  };
  byId("costs-provider").addEventListener("change", fill);
  fill();
}
