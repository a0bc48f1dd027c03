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

// GETs an API path with the session's token; answers the JSON body or throws an ApiProblem.
export async function readApi(path) {
  let answer;
  try {
    answer = await fetch(path, {
      headers: { Authorization: `Bearer ${storedToken()}`, Accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    throw new ApiProblem(0, "The ledger could not be reached. Is the server running?");
  }
  const body = await answer.json().catch(() => null);
  if (!answer.ok) {
    const meaning = MEANINGS[answer.status] || `The ledger answered ${answer.status}.`;
    const detail = detailOf(body);
    throw new ApiProblem(answer.status, detail ? `${meaning} (${detail})` : meaning);
  }
  return body;
}
