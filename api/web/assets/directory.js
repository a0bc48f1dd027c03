// The provider directory for administrators: every provider by name with its tier, service and
// current unit costs, the history of its costs, and the forms that change them (directory-forms.js).

import { prefillCosts, wireForms } from "./directory-forms.js";
import { downloadButton, tableBox } from "./download.js";
import { explain, startPage } from "./layout.js";
import { tierName } from "./resources.js";
import { readApi } from "./session.js";

const byId = (id) => document.getElementById(id);
export const SERVICES = {
  hub: "Wellbeing hub", gp: "GP practice", housing: "Housing advice", debt: "Debt advice",
  employment: "Employment support", benefits: "Welfare benefits", peer_support: "Peer support",
  cmht: "Community mental health team", home_treatment: "Home treatment", psychosis: "Early intervention in psychosis",
  rehab_ward: "Rehabilitation ward", acute_ward: "Acute ward", supported_housing: "Supported housing", other: "Other",
};
const TIERS = ["primary", "community", "secondary", "inpatient"];
const money = (text) => `£${Number(text).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`;
const day = (instant) => new Date(instant).toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
let providers = {};

function show(listing) {
  providers = Object.fromEntries(listing.map((p) => [p.provider_id, p]));
  const now = tableBox(`${listing.length} providers, by name`, ["Provider", "Tier", "Service", "Contact", "Ward night", "Since"],
    listing.map((p) => [p.name, tierName(p.tier), SERVICES[p.service] || p.service, money(p.unit_cost_gbp),
      money(p.bed_day_cost_gbp), day(p.costs.at(-1).from)]), { numeric: [3, 4] });
  now.wrap.dataset.table = "providers";
  const history = listing.flatMap((p) => p.costs.map((c, n) => ({ p, c, n })));
  const past = tableBox("Unit costs over time", ["Provider", "In force from", "Contact", "Ward night", "Change"],
    history.map(({ p, c, n }) => [p.name, day(c.from), money(c.unit_cost_gbp), money(c.bed_day_cost_gbp),
      n === 0 ? "registered" : "costs changed"]), { numeric: [2, 3] });
  past.wrap.dataset.table = "cost-history";
  const downloads = [
    downloadButton("Download the directory (CSV)", "providers.csv", ["provider_id", "name", "tier", "service", "unit_cost_gbp", "bed_day_cost_gbp"],
      () => listing.map((p) => [p.provider_id, p.name, p.tier, p.service, p.unit_cost_gbp, p.bed_day_cost_gbp])),
    downloadButton("Download the cost history (CSV)", "provider-costs.csv", ["provider_id", "from", "unit_cost_gbp", "bed_day_cost_gbp"],
      () => history.map(({ p, c }) => [p.provider_id, c.from, c.unit_cost_gbp, c.bed_day_cost_gbp])),
  ];
  const picked = byId("costs-provider").value;
  byId("costs-provider").replaceChildren(...listing.map((p) => new Option(p.name, p.provider_id)));
  if (picked in providers) byId("costs-provider").value = picked;
  const details = document.createElement("details");
  details.className = "nhsuk-details";
  const summary = document.createElement("summary");
  summary.className = "nhsuk-details__summary";
  summary.textContent = "Unit costs over time";
  details.append(summary, past.wrap);
  byId("providers").replaceChildren(now.wrap, details, ...downloads);
}

async function reload(position) {
  show((await readApi(position ? `/providers?after=${position}` : "/providers")).providers);
}

async function open() {
  byId("register-tier").append(...TIERS.map((t) => new Option(tierName(t), t)));
  byId("register-service").append(...Object.entries(SERVICES).map(([code, name]) => new Option(name, code)));
  const today = new Date().toLocaleDateString("en-CA");
  byId("costs-from").value = today;
  byId("register-from").value = today;
  await reload(null);
  prefillCosts(() => providers);
  wireForms(() => providers, reload);
  byId("directory").hidden = false;
}

const claims = await startPage({ roles: ["admin"] });
if (claims) open().catch(explain);
