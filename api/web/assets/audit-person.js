// One person, for an analyst: who read their story (the access log) and every fact their events
// add to the figures (figure inputs, with a stated purpose), each table with its download.

import { fieldError, instantOf, readAudited } from "./audited.js";
import { downloadButton, tableBox } from "./download.js";
import { whenRead } from "./months.js";
import { fieldErrors } from "./session.js";

const byId = (id) => document.getElementById(id);
const OUTCOMES = {
  allowed: "read", allowed_break_glass: "read by breaking the glass",
  allowed_audit_purpose: "read by an analyst, with a purpose", relationship_claim: "care relationship claimed",
  figure_inputs_audit: "figure inputs exported", refused: "refused",
  registration_refused: "registration refused: a story holds the number",
};
const words = (value) => (value === null || value === undefined ? "—" : String(value).replace(/_/g, " "));
const factsOf = (fields) => Object.entries(fields || {}).map(([k, v]) => `${words(k)}: ${words(v)}`).join("; ");

function part(caption, name, header, cells, csvHeader, csv) {
  const { wrap } = tableBox(caption, header, cells);
  wrap.dataset.table = name;
  const button = downloadButton(`Download ${caption.toLowerCase()} (CSV)`, `${name}.csv`, csvHeader, () => csv);
  button.dataset.download = name;
  return [wrap, button];
}

function accessLog(answer, nameOf) {
  const reads = answer.reads;
  const note = document.createElement("p");
  note.textContent = reads.length ? `${reads.length} reads, oldest first.` : "Nobody has read this story.";
  return [note, ...part("Access log", "access-log",
    ["When", "Who", "Role", "Provider", "Outcome", "Reason given"],
    reads.map((r) => [whenRead(r.at), r.staff_id, words(r.role), nameOf(r.provider_id), OUTCOMES[r.outcome] || words(r.outcome), r.reason ?? "—"]),
    ["at", "staff_id", "role", "provider_id", "outcome", "break_glass", "reason"],
    reads.map((r) => [r.at, r.staff_id, r.role, r.provider_id, r.outcome, r.break_glass, r.reason]))];
}

function figureInputs(answer, nameOf) {
  const rows = answer.inputs;
  return part(`Figure inputs${answer.as_of ? ` as known at ${whenRead(answer.as_of)}` : ""}`, "figure-inputs",
    ["Version", "Figure table", "Happened", "Recorded", "Provider", "Retracted", "Facts"],
    rows.map((r) => [String(r.version), words(r.table), whenRead(r.occurred_at), whenRead(r.recorded_at),
      nameOf(r.provider_id), r.retracted ? "yes" : "no", factsOf(r.fields)]),
    ["version", "table", "occurred_at", "recorded_at", "provider_id", "retracted", "fields"],
    rows.map((r) => [r.version, r.table, r.occurred_at, r.recorded_at, r.provider_id, r.retracted, JSON.stringify(r.fields)]));
}

// The API's refusal shown beside the field it names (the person, the purpose or the instant).
function besideFields(problem) {
  const errors = fieldErrors(problem.body || {});
  const where = Object.keys(errors).join(" ");
  if (problem.status === 404) fieldError("person", "No person in the ledger has this id");
  else if (/person_id/.test(where)) fieldError("person", "Enter a person id (a UUID, as the ledger gives it)");
  else if (/X-Audit-Purpose/i.test(where)) fieldError("purpose", "Say why in at least three words, 15 to 500 characters, on one line");
  else if (/as_of/.test(where)) fieldError("inputs_as_of", "Enter a date and time");
  else return false;
  return true;
}

export async function readPerson(directory) {
  const person = byId("person-id").value.trim();
  const purpose = byId("purpose").value.trim();
  const local = byId("inputs-as-of").value;
  for (const group of ["person", "purpose", "inputs_as_of"]) fieldError(group, "");
  if (!person) return fieldError("person", "Enter the person's id");
  if (!purpose) return fieldError("purpose", "Say why you need the figure inputs");
  const nameOf = (id) => (id ? (directory[id] || {}).name || id : "—");
  const base = `/people/${encodeURIComponent(person)}`;
  const asOf = local ? `?as_of=${encodeURIComponent(instantOf(local))}` : "";
  try {
    const inputs = await readAudited(`${base}/figure-inputs${asOf}`, purpose);
    const log = await readAudited(`${base}/access-log`);  // after the export, so it shows it
    byId("person-result").replaceChildren(...figureInputs(inputs, nameOf), ...accessLog(log, nameOf));
  } catch (problem) {
    byId("person-result").replaceChildren();
    if (!besideFields(problem)) throw problem;
  }
}
