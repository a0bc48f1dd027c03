// Every signed-in page's frame: the NHS.UK header with the ledger's name, the links the caller's
// role uses, who is signed in (staff at their provider's name, from GET /providers) and a
// sign-out button, and a problem banner. A page calls
//   const claims = await startPage({ roles: ["key_worker", "provider"] });
// which adopts a `#token=` link, sends a caller with no token to the sign-in page (`/`), and
// answers the token's claims, or null (with the reason shown) when the page is not for the role.
// The page's HTML holds <header id="site-header"></header> and <p id="problem" hidden></p>.

import { ApiProblem, adoptFragmentToken, claimsOf, forgetToken, readApi, storedToken } from "./session.js";

// Each role's pages, in the order its navigation shows them: [path, label].
export const ROLE_PAGES = {
  key_worker: [["/my-people", "My people"], ["/search", "Find a person"], ["/waiting-list", "Waiting list"]],
  provider: [["/waiting-list", "Waiting list"], ["/caseload", "Caseload"], ["/search", "Find a person"],
    ["/intake", "Self-referrals"]],
  commissioner: [["/dashboard", "Borough figures"]],
  analyst: [["/dashboard", "Borough figures"], ["/audit", "Audit tools"]],
  admin: [["/directory", "Provider directory"]],
  privacy_officer: [],
  person: [["/my-story", "My story"]],
};
export const ROLE_NAMES = {
  key_worker: "key worker", provider: "provider staff", commissioner: "commissioner",
  analyst: "analyst", admin: "administrator", privacy_officer: "privacy officer", person: "person",
};

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

// Shows a message in the page's problem banner (empty hides it).
export function say(message) {
  const banner = document.getElementById("problem");
  if (!banner) return;
  banner.textContent = message || "";
  banner.hidden = !message;
}

// Explains a refused or failed request; a refused token signs out.
export function explain(problem) {
  if (problem instanceof ApiProblem && problem.status === 401) {
    signOut(problem.message);
  } else {
    say(problem instanceof ApiProblem ? problem.message : `Something went wrong: ${problem}`);
  }
}

export function signOut(message) {
  forgetToken();
  const next = message ? `/?said=${encodeURIComponent(message)}` : "/";
  window.location.assign(next);
}

// Puts the provider's name from the directory (GET /providers) in place of its code; the code
// stays when the directory cannot be read or does not hold it.
async function nameProvider(slot, code) {
  try {
    const { providers } = await readApi("/providers");
    const found = (providers || []).find((provider) => provider.provider_id === code);
    if (found && found.name) slot.textContent = found.name;
  } catch {
    // the code stays: the header is no place for this problem
  }
}

function header(claims) {
  const top = el("header", "nhsuk-header");
  top.setAttribute("role", "banner");
  const container = el("div", "nhsuk-header__container nhsuk-width-container");
  const service = el("a", "nhsuk-header__service-name", "Care-journey ledger");
  service.href = "/";
  container.append(service);
  const who = el("p", "ledger-who");
  const caller = el("span", null, claims.role === "person" ? "Signed in to your own story"
    : `${claims.sub}, ${ROLE_NAMES[claims.role] || claims.role}`);
  if (claims.provider_id && claims.role !== "person") {
    const place = el("span", "ledger-provider", claims.provider_id);
    caller.append(" at ", place);
    nameProvider(place, claims.provider_id);
  }
  who.append(caller);
  const out = el("button", "nhsuk-button nhsuk-button--reverse nhsuk-button--small", "Sign out");
  out.type = "button";
  out.addEventListener("click", () => signOut("You have signed out."));
  who.append(" ", out);
  container.append(who);
  top.append(container);
  const pages = ROLE_PAGES[claims.role] || [];
  if (pages.length) {
    const nav = el("nav", "nhsuk-header__navigation ledger-nav");
    nav.setAttribute("aria-label", "Pages");
    const list = el("ul", "nhsuk-header__navigation-list nhsuk-width-container");
    for (const [path, label] of pages) {
      const item = el("li", "nhsuk-header__navigation-item");
      const link = el("a", "nhsuk-header__navigation-link", label);
      link.href = path;
      if (window.location.pathname === path) link.setAttribute("aria-current", "page");
      item.append(link);
      list.append(item);
    }
    nav.append(list);
    top.append(nav);
  }
  return top;
}

export async function startPage({ roles }) {
  adoptFragmentToken();
  const claims = claimsOf(storedToken());
  if (!claims) {
    window.location.assign(`/?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    return null;
  }
  const slot = document.getElementById("site-header");
  if (slot) slot.replaceWith(header(claims));
  if (!roles.includes(claims.role)) {
    say(`This page is not for a ${ROLE_NAMES[claims.role] || claims.role}.`);
    return null;
  }
  return claims;
}
