// The story page's reads: the summary (a story read: the ledger logs it, and decides it on the
// care relationship, a break-glass reason or an analyst's audit purpose) and the directory.

import { ApiProblem, fieldErrors, readApi, storedToken } from "./session.js";

const MEANINGS = {
  401: "The ledger did not accept your token. Sign in again.",
  403: "Your role may not read this story.",
  404: "You have no care relationship with this person, or there is no such story.",
  503: "The ledger is busy. Try again in a moment.",
};

// What the ledger said about the reason header (its field error), if anything.
export function reasonError(body) {
  const errors = fieldErrors(body);
  return Object.entries(errors).find(([where]) => where.startsWith("header"))?.[1] || "";
}

// Reads the person's summary; `reason` goes as X-Break-Glass-Reason (or X-Audit-Purpose for an
// analyst); `after` is a write's position (read-your-writes). Throws an ApiProblem with `.body`.
export async function readSummary(personId, { after, reason, analyst } = {}) {
  const headers = { Authorization: `Bearer ${storedToken()}`, Accept: "application/json" };
  if (reason) headers[analyst ? "X-Audit-Purpose" : "X-Break-Glass-Reason"] = reason;
  const query = after ? `?after=${encodeURIComponent(after)}` : "";
  let answer;
  try {
    answer = await fetch(`/people/${encodeURIComponent(personId)}/summary${query}`, { headers, cache: "no-store" });
  } catch {
    throw new ApiProblem(0, "The ledger could not be reached. Is the server running?");
  }
  const body = await answer.json().catch(() => null);
  if (!answer.ok) {
    const problem = new ApiProblem(answer.status, MEANINGS[answer.status] || `The ledger answered ${answer.status}.`);
    problem.body = body;
    throw problem;
  }
  return body;
}

// The provider directory by name (for referring on and signposting); empty if it cannot be read.
export async function readProviders() {
  try {
    return (await readApi("/providers")).providers;
  } catch {
    return [];
  }
}
