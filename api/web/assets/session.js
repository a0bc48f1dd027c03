// The signed-in session: the bearer token (this tab's sessionStorage only), what it claims,
// and reading the API with it. Claims are decoded for display only: the server enforces access.

const KEY = "ledger.token";

export class ApiProblem extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// Moves a `#token=...` fragment into sessionStorage and removes it from the address bar.
export function adoptFragmentToken() {
  const match = /^#token=([A-Za-z0-9._-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(KEY, match[1]);
  }
  if (window.location.hash) {
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
}

export function storedToken() {
  return sessionStorage.getItem(KEY);
}

export function keepToken(token) {
  sessionStorage.setItem(KEY, token.trim());
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

// The token's claims (role, provider_id, sub), or null when it is not a readable JWT.
export function claimsOf(token) {
  const parts = (token || "").split(".");
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims.role === "string" ? claims : null;
  } catch {
    return null;
  }
}

const MEANINGS = {
  401: "The ledger did not accept your token (forged, expired, or from another deployment). Sign in again.",
  403: "Your role may not see this.",
  404: "Nothing you may see has this id: it does not exist, or you have no care relationship with the person.",
  503: "The ledger is busy or its figures are still catching up. Try again in a moment.",
};

// The API's detail: a sentence, or FastAPI's list of {loc, msg, type} (each msg names its field).
function detailOf(body) {
  if (body && typeof body.detail === "string") {
    return body.detail;
  }
  if (body && Array.isArray(body.detail)) {
    return body.detail.map((item) => item && item.msg).filter(Boolean).join("; ");
  }
  return "";
}

// GETs an API path with the session's token; answers the JSON body or throws an ApiProblem
// (its `body` the API's answer). `headers` are sent as well; `meanings` say what each refusal
// means to this page (the signed-in pages' by default).
export async function readApi(path, { headers = {}, meanings = MEANINGS } = {}) {
  let answer;
  try {
    answer = await fetch(path, {
      headers: { ...headers, Authorization: `Bearer ${storedToken()}`, Accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    throw new ApiProblem(0, "The ledger could not be reached. Is the server running?");
  }
  const body = await answer.json().catch(() => null);
  if (!answer.ok) {
    const meaning = meanings[answer.status] || `The ledger answered ${answer.status}.`;
    const detail = detailOf(body);
    const problem = new ApiProblem(answer.status, detail ? `${meaning} (${detail})` : meaning);
    problem.body = body;
    throw problem;
  }
  return body;
}

// Reads every page of a staff list (the API answers a page at a time, `next` naming the one
// after) and answers the first page's body with `rows` holding the rows of them all.
export async function readWholeList(path, rows) {
  const first = await readApi(`${path}?limit=500`);
  let page = first;
  while (page.next) {
    page = await readApi(`${path}?limit=500&cursor=${encodeURIComponent(page.next)}`);
    first[rows].push(...page[rows]);
  }
  return first;
}

// Sends a write (POST by default) with the session's token. `ifMatch` and `idempotencyKey` become
// the API's `If-Match` and `Idempotency-Key` headers. Answers {status, body, position} for any
// answer the API gives (the caller shows field errors from body.detail); throws an ApiProblem
// only when the ledger cannot be reached.
export async function writeApi(path, body, { method = "POST", ifMatch, idempotencyKey } = {}) {
  const headers = {
    Authorization: `Bearer ${storedToken()}`, Accept: "application/json",
    "Content-Type": "application/json",
  };
  if (ifMatch !== undefined && ifMatch !== null) headers["If-Match"] = String(ifMatch);
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let answer;
  try {
    answer = await fetch(path, { method, headers, body: JSON.stringify(body), cache: "no-store" });
  } catch {
    throw new ApiProblem(0, "The ledger could not be reached. Nothing was recorded; try again.");
  }
  const parsed = await answer.json().catch(() => null);
  const position = answer.headers.get("X-Ledger-Position");
  return { status: answer.status, body: parsed, position: position ? Number(position) : null };
}

// The API's field errors as {"data.channel": "message", ...} (the body's `loc` without "body").
export function fieldErrors(body) {
  const errors = {};
  if (body && Array.isArray(body.detail)) {
    for (const item of body.detail) {
      const where = (item.loc || []).filter((part) => part !== "body").join(".");
      errors[where || "_"] = item.msg;
    }
  } else if (body && typeof body.detail === "string") {
    errors._ = body.detail;
  }
  return errors;
}
