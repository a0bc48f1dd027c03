// The sign-in page: keeps a pasted token or a `#token=` link's token in this tab, then opens the
// role's home page (the first of its pages in layout.js, or the page it came from: `?next=`).
// A `?said=` message (why the caller was signed out) is shown. The page asks the API nothing.

import { ROLE_PAGES } from "./layout.js";
import { adoptFragmentToken, claimsOf, forgetToken, keepToken, storedToken } from "./session.js";

const byId = (id) => document.getElementById(id);
const query = new URLSearchParams(window.location.search);

function say(message) {
  byId("problem").textContent = message || "";
  byId("problem").hidden = !message;
}

// Only a path of this site (never another origin, never back to the sign-in page itself).
function nextPage() {
  const next = query.get("next") || "";
  return /^\/[A-Za-z0-9]/.test(next) && !next.startsWith("//") ? next : null;
}

function show(section) {
  for (const id of ["sign-in", "nothing"]) byId(id).hidden = id !== section;
}

function signIn() {
  const token = storedToken();
  const claims = claimsOf(token);
  if (!claims) {
    forgetToken();
    show("sign-in");
    if (token) say("That is not a ledger token: paste the whole token from `ledger token`.");
    return;
  }
  const home = (ROLE_PAGES[claims.role] || [])[0];
  if (nextPage() || home) {
    window.location.assign(nextPage() || home[0]);
    return;
  }
  show("nothing");
}

byId("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  keepToken(byId("token").value);
  byId("token").value = "";
  say("");
  signIn();
});
byId("sign-out").addEventListener("click", () => {
  forgetToken();
  show("sign-in");
  say("You have signed out.");
});
window.addEventListener("hashchange", () => {
  adoptFragmentToken();
  signIn();
});
say(query.get("said") || "");
adoptFragmentToken();
if (storedToken()) {
  signIn();
} else {
  show("sign-in");
}
