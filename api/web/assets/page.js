// The page's start: sign in (pasted token or `#token=` link), show what the token's role reads
// from the API, explain refusals, sign out. The page itself holds no data.

import { showProvider } from "./caseload.js";
import { defaultRange, showRange } from "./figures.js";
import { ApiProblem, adoptFragmentToken, claimsOf, forgetToken, keepToken, storedToken } from "./session.js";

const byId = (id) => document.getElementById(id);
const SECTIONS = ["sign-in", "figures", "provider", "nothing"];
const FIGURE_ROLES = ["commissioner", "analyst"];
const PROVIDER_ROLES = ["provider", "key_worker"];

function only(section) {
  for (const id of SECTIONS) byId(id).hidden = id !== section;
}

function say(message) {
  byId("problem").textContent = message || "";
  byId("problem").hidden = !message;
}

function signOut(message) {
  forgetToken();
  byId("who").hidden = true;
  byId("who-text").textContent = "";
  for (const id of ["figure-tables", "caseload-list", "timeline"]) byId(id).replaceChildren();
  byId("waiting-list").tBodies[0].replaceChildren();
  byId("story").hidden = true;
  only("sign-in");
  say(message);
}

// Runs a step that reads the API; a refused token signs out, other refusals are explained.
async function guarded(step) {
  try {
    say("");
    await step();
  } catch (problem) {
    handle(problem);
  }
}

function handle(problem) {
  if (problem instanceof ApiProblem && problem.status === 401) {
    signOut(problem.message);
  } else {
    say(problem instanceof ApiProblem ? problem.message : `Something went wrong: ${problem}`);
  }
}

async function showFiguresPage() {
  only("figures");
  byId("figures-note").textContent = "Loading the figures…";
  const range = await defaultRange();
  byId("range-from").value = range.from;
  byId("range-to").value = range.to;
  await showRange(byId("figure-tables"), range.from, range.to);
  byId("figures-note").textContent = range.found ? "" : "No figures yet.";
}

async function signIn() {
  const claims = claimsOf(storedToken());
  if (!claims) {
    signOut(storedToken() ? "That is not a ledger token: paste the whole token from `ledger token`." : "");
    return;
  }
  const provider = claims.provider_id ? ` at ${claims.provider_id}` : "";
  byId("who-text").textContent = `Signed in as ${claims.sub} (${claims.role}${provider})`;
  byId("who").hidden = false;
  if (FIGURE_ROLES.includes(claims.role)) {
    await guarded(showFiguresPage);
  } else if (PROVIDER_ROLES.includes(claims.role) && claims.provider_id) {
    only("provider");
    await guarded(() => showProvider(claims.provider_id, ""));
  } else {
    only("nothing");
  }
}

function wire() {
  byId("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    keepToken(byId("token").value);
    byId("token").value = "";
    signIn();
  });
  byId("sign-out").addEventListener("click", () => signOut("You have signed out."));
  byId("range-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const [from, to] = [byId("range-from").value, byId("range-to").value];
    if (from && to && from > to) {
      say("The first month comes after the last: swap them.");
      return;
    }
    byId("figures-note").textContent = "Loading the figures…";
    guarded(() => showRange(byId("figure-tables"), from, to).then(() => {
      byId("figures-note").textContent = "";
    }));
  });
  byId("caseload-form").addEventListener("submit", (event) => {
    event.preventDefault();
    guarded(() => showProvider(claimsOf(storedToken()).provider_id, byId("caseload-on").value));
  });
  document.addEventListener("ledger:problem", (event) => handle(event.detail));
  window.addEventListener("hashchange", () => {
    if (window.location.hash.startsWith("#token=")) {
      adoptFragmentToken();
      signIn();
    }
  });
}

wire();
adoptFragmentToken();
if (storedToken()) {
  signIn();
} else {
  signOut("");
}
