// One recording form of the story page: an NHS.UK details block holding fields, a send button and
// a problem line. Sending posts the API's own event body to POST /people/{id}/events with
// If-Match (the story version shown) and an Idempotency-Key (one per attempt, reused while the
// body is unchanged: a retry after a lost answer is never recorded twice). A story that moved on
// meanwhile (412, or 409 for a write that lost its races) keeps every value typed, explains, and
// refreshes the story and its version so the user can check and send again.

import { ApiProblem, fieldErrors, writeApi } from "./session.js";
import { clearFieldErrors, fieldGroup, optionsOf, setOptions, showFieldErrors, valuesOf } from "./story-fields.js";
import { el } from "./story-view.js";

const MOVED_ON = "The story moved on while you were typing: someone else recorded something in it. "
  + "Nothing of yours was recorded and what you typed is kept. The story above is now up to date: "
  + "check it, then send again.";
const KEPT = "What you typed is kept; send again (it will not be recorded twice).";

export function freshId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

const fieldsOf = (spec, state) => (typeof spec.fields === "function" ? spec.fields(state) : spec.fields);

// Sets every field's starting value (a fresh id, now, the caller's defaults).
function fill(form, spec, state) {
  for (const field of fieldsOf(spec, state)) {
    if (!field.value) continue;
    const input = form.querySelector(`[name="${field.name}"]`);
    if (input) input.value = field.value(state);
  }
}

function body(form, spec, state) {
  const fields = form.querySelector(".story-fields");
  fields.replaceChildren(...fieldsOf(spec, state).map((field) => fieldGroup(field, spec.id, state)));
  form.dataset.key = spec.key ? spec.key(state) : "";
  fill(form, spec, state);
}

// Brings choices that depend on the story (its referrals, plan, stay) up to date, keeping values.
export function refreshForm(details, spec, state) {
  const form = details.querySelector("form");
  if (spec.key && spec.key(state) !== form.dataset.key) body(form, spec, state);
  for (const field of fieldsOf(spec, state)) {
    const input = form.querySelector(`[name="${field.name}"]`);
    if (field.kind === "select" && typeof field.options === "function") setOptions(input, optionsOf(field, state), field.blank);
    if (field.kind === "hidden" && field.follows) input.value = field.value(state);
  }
  const why = spec.unavailable ? spec.unavailable(state) : "";
  details.querySelector(".story-unavailable").textContent = why || "";
  details.querySelector(".story-unavailable").hidden = !why;
  form.querySelector("button[type=submit]").disabled = Boolean(why);
}

function problem(form, message) {
  const line = form.querySelector(".story-form-problem");
  line.textContent = message;
  line.hidden = !message;
  if (message) line.focus();
}

async function send(form, spec, state) {
  clearFieldErrors(form);
  problem(form, "");
  const event = spec.body(valuesOf(fieldsOf(spec, state), form), state);
  const json = JSON.stringify(event);
  if (!form.attempt || form.attempt.json !== json) form.attempt = { json, key: freshId("form") };
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  let answer;
  try {
    answer = await writeApi(`/people/${encodeURIComponent(state.personId)}/events`, event,
      { ifMatch: `"${state.version}"`, idempotencyKey: form.attempt.key });
  } catch (failure) {
    problem(form, `${failure instanceof ApiProblem ? failure.message : failure} ${KEPT}`);
    return;
  } finally {
    button.disabled = false;
  }
  const kind = Array.isArray(answer.body?.detail) ? answer.body.detail[0]?.type : "";
  if (answer.status === 201) {
    form.attempt = null;
    form.reset();
    fill(form, spec, state);
    form.closest("details").open = false;
    await state.recorded(spec.title, answer.body.version, answer.position);
  } else if (answer.status === 412 || kind === "concurrent_write") {
    problem(form, MOVED_ON);
    await state.reload();
  } else if (answer.status === 503 || answer.status >= 500) {
    problem(form, `The ledger did not answer in time. ${KEPT}`);
  } else {
    if (kind === "idempotency_key_reused") form.attempt = null;
    const left = showFieldErrors(form, fieldErrors(answer.body));
    const first = form.querySelector(".nhsuk-form-group--error input, .nhsuk-form-group--error select, .nhsuk-form-group--error textarea");
    problem(form, left.length ? `Not recorded: ${left.join("; ")}` : "Not recorded: please correct the fields marked below.");
    if (!left.length && first) first.focus();
  }
}

// The form as an NHS.UK details block ("Record a contact" opens it).
export function buildForm(spec, state) {
  const details = el("details", "nhsuk-details story-form");
  details.id = spec.id;
  const summary = el("summary", "nhsuk-details__summary");
  summary.append(el("span", "nhsuk-details__summary-text", spec.title));
  const inner = el("div", "nhsuk-details__text");
  const form = el("form");
  form.noValidate = true;
  const line = el("p", "nhsuk-error-message story-form-problem");
  Object.assign(line, { hidden: true, tabIndex: -1 });
  line.setAttribute("role", "alert");
  const send_ = el("button", "nhsuk-button", spec.send || "Record");
  send_.type = "submit";
  form.append(line, el("div", "story-fields"), send_);
  form.addEventListener("submit", (e) => { e.preventDefault(); send(form, spec, state); });
  const why = el("p", "nhsuk-inset-text story-unavailable");
  why.hidden = true;
  inner.append(...(spec.rule ? [el("p", "story-rule", spec.rule)] : []), why, form);
  details.append(summary, inner);
  body(form, spec, state);
  refreshForm(details, spec, state);
  return details;
}
