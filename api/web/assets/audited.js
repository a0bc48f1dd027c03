// Reads for audits: the API with the session's token and, where the ledger asks why, the
// analyst's stated purpose in `X-Audit-Purpose` (it is kept in the access log and flagged).

import { readApi } from "./session.js";

const MEANINGS = {
  401: "The ledger did not accept your token (forged, expired, or from another deployment). Sign in again.",
  403: "The ledger refused this read.",
  404: "The ledger knows no person with this id.",
  422: "The ledger could not take this request.",
};

// GETs `path`; with `purpose`, sends it as X-Audit-Purpose. Answers the JSON body or throws an
// ApiProblem whose message says what the ledger answered (and names the field at fault).
export function readAudited(path, purpose) {
  return readApi(path, { headers: purpose ? { "X-Audit-Purpose": purpose } : {}, meanings: MEANINGS });
}

// A `datetime-local` value ("2026-10-29T14:00", the browser's time) as an instant with its offset.
export function instantOf(local) {
  return new Date(local).toISOString();
}

// An instant as a `datetime-local` value in the browser's time.
export function localOf(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// Shows `message` beside a field (its group gets the NHS.UK error style); empty clears it.
export function fieldError(group, message) {
  const box = document.getElementById(`group-${group}`);
  const text = document.getElementById(`error-${group}`);
  box.classList.toggle("nhsuk-form-group--error", Boolean(message));
  text.textContent = message ? `Error: ${message}` : "";
  text.hidden = !message;
}
