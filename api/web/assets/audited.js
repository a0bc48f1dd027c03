// Reads for audits: the API with the session's token and, where the ledger asks why, the
// analyst's stated purpose in `X-Audit-Purpose` (it is kept in the access log and flagged).

import { ApiProblem, storedToken } from "./session.js";

function detailOf(body) {
  if (body && typeof body.detail === "string") return body.detail;
  if (body && Array.isArray(body.detail)) return body.detail.map((item) => item && item.msg).filter(Boolean).join("; ");
  return "";
}

const MEANINGS = {
  401: "The ledger did not accept your token (forged, expired, or from another deployment). Sign in again.",
  403: "The ledger refused this read.",
  404: "The ledger knows no person with this id.",
  422: "The ledger could not take this request.",
};

// GETs `path`; with `purpose`, sends it as X-Audit-Purpose. Answers the JSON body or throws an
// ApiProblem whose message says what the ledger answered (and names the field at fault).
export async function readAudited(path, purpose) {
  const headers = { Authorization: `Bearer ${storedToken()}`, Accept: "application/json" };
  if (purpose) headers["X-Audit-Purpose"] = purpose;
  let answer;
  try {
    answer = await fetch(path, { headers, cache: "no-store" });
  } catch {
    throw new ApiProblem(0, "The ledger could not be reached. Is the server running?");
  }
  const body = await answer.json().catch(() => null);
  if (!answer.ok) {
    const meaning = MEANINGS[answer.status] || `The ledger answered ${answer.status}.`;
    const detail = detailOf(body);
    const problem = new ApiProblem(answer.status, detail ? `${meaning} (${detail})` : meaning);
    problem.body = body;
    throw problem;
  }
  return body;
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
