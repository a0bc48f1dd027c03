// The commissioner's and analyst's dashboard: a period and a baseline (kept in the address, so a
// reload or a shared link shows the same), then every section drawn from the API's figures.

import { showSections } from "./dashboard-sections.js";
import { HEADLINES } from "./headlines.js";
import { explain, say, startPage } from "./layout.js";
import { monthName, monthOf, monthOfInstant, shiftMonth } from "./months.js";
import { readApi } from "./session.js";

const byId = (id) => document.getElementById(id);
const FIELDS = { from: "period-from", to: "period-to", baseline_from: "baseline-from", baseline_to: "baseline-to" };
const DISCLOSURE = {
  commissioner: "Disclosure control: so that nobody can be picked out of a small group, your counts are "
    + "rounded to a multiple of 5 and money to £100, and a count too small to publish safely is "
    + "withheld and shown as “suppressed” (empty in its chart; “suppressed” in the downloads).",
  analyst: "You see exact figures; commissioners see them rounded to multiples of 5 (money to £100), "
    + "with small counts shown as “suppressed”.",
};

function fieldError(name, message) {
  byId(`group-${name}`).classList.toggle("nhsuk-form-group--error", Boolean(message));
  byId(`error-${name}`).textContent = message ? `Error: ${message}` : "";
  byId(`error-${name}`).hidden = !message;
  byId(FIELDS[name]).classList.toggle("nhsuk-input--error", Boolean(message));
}

// The form's months, or null with each fault shown beside its field.
function chosenRanges() {
  const value = (name) => byId(FIELDS[name]).value;
  const faults = {};
  for (const name of Object.keys(FIELDS)) if (!/^\d{4}-\d{2}$/.test(value(name))) faults[name] = "Enter a month";
  if (!faults.from && !faults.to && value("from") > value("to")) faults.to = "The period must end on or after its first month";
  if (!faults.baseline_from && !faults.baseline_to && value("baseline_from") > value("baseline_to")) {
    faults.baseline_to = "The baseline must end on or after its first month";
  }
  for (const name of Object.keys(FIELDS)) fieldError(name, faults[name]);
  if (Object.keys(faults).length) return null;
  return { from: value("from"), to: value("to"), baselineFrom: value("baseline_from"), baselineTo: value("baseline_to") };
}

// The months with figures, the Hub's opening month (the later of its registration and its first
// month supporting anyone) and the default period (the last twelve months with figures, from the
// Hub's opening at the earliest) and baseline (up to twelve months before the period).
async function defaults(directory) {
  const end = monthOf(new Date());
  const wide = await readApi(`/outcomes/people-supported?from=${shiftMonth(end, -119)}&to=${end}`);
  const active = wide.rows.filter((r) => r.provider_id !== null).map((r) => r.month).sort();
  const [first, last] = active.length ? [active[0], active.at(-1)] : [shiftMonth(end, -23), end];
  const hub = Object.values(directory).find((p) => p.service === "hub");
  const hubMonths = wide.rows.filter((r) => hub && r.provider_id === hub.provider_id).map((r) => r.month).sort();
  const registered = hub ? monthOfInstant(hub.costs[0].from) : null;
  const opening = hub ? [registered, hubMonths[0] || registered].sort().at(-1) : null;
  let from = shiftMonth(last, -11) > first ? shiftMonth(last, -11) : first;
  if (opening && opening > from && opening <= last) from = opening;
  const baselineTo = shiftMonth(from, -1) >= first ? shiftMonth(from, -1) : from;
  const baselineFrom = shiftMonth(baselineTo, -11) > first ? shiftMonth(baselineTo, -11) : first;
  return { opening, ranges: { from, to: last, baselineFrom, baselineTo }, found: active.length > 0 };
}

// One question per metric, over the months from the earlier start to the later end of the period
// and the baseline (the figures of a month do not depend on the range asked), split back in two.
async function answersFor(ranges) {
  const from = [ranges.from, ranges.baselineFrom].sort()[0];
  const to = [ranges.to, ranges.baselineTo].sort().at(-1);
  const base = `baseline_from=${ranges.baselineFrom}&baseline_to=${ranges.baselineTo}`;
  const answers = await Promise.all(HEADLINES.map((h) => readApi(`/outcomes/${h.metric}?from=${from}&to=${to}&${base}`)));
  const within = (rows, first, last) => rows.filter((r) => r.month >= first && r.month <= last);
  return Object.fromEntries(HEADLINES.map((h, n) => [h.metric, {
    period: within(answers[n].rows, ranges.from, ranges.to),
    baseline: within(answers[n].rows, ranges.baselineFrom, ranges.baselineTo),
  }]));
}

async function show(ranges, directory, opening) {
  byId("status").textContent = `Loading ${monthName(ranges.from)} to ${monthName(ranges.to)}…`;
  const query = new URLSearchParams({ from: ranges.from, to: ranges.to, baseline_from: ranges.baselineFrom, baseline_to: ranges.baselineTo });
  history.replaceState(null, "", `/dashboard?${query}`);
  showSections(await answersFor(ranges), ranges, directory, opening);
  byId("status").textContent = `Showing ${monthName(ranges.from)} to ${monthName(ranges.to)} against a baseline of `
    + `${monthName(ranges.baselineFrom)} to ${monthName(ranges.baselineTo)}` + (opening ? `; the Hub opened in ${monthName(opening)}.` : ".");
}

async function open(claims) {
  byId("disclosure").textContent = DISCLOSURE[claims.role];
  byId("disclosure").hidden = false;
  const listing = await readApi("/providers");
  const directory = Object.fromEntries(listing.providers.map((p) => [p.provider_id, p]));
  const start = await defaults(directory);
  const asked = new URLSearchParams(window.location.search);
  for (const [name, id] of Object.entries(FIELDS)) {
    byId(id).value = asked.get(name) || start.ranges[{ baseline_from: "baselineFrom", baseline_to: "baselineTo" }[name] || name];
  }
  byId("period-form").hidden = false;
  byId("period-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const ranges = chosenRanges();
    if (ranges) show(ranges, directory, start.opening).then(() => say(""), explain);
  });
  if (!start.found) byId("status").textContent = "No figures yet.";
  const ranges = chosenRanges();
  if (ranges && start.found) await show(ranges, directory, start.opening);
}

const claims = await startPage({ roles: ["commissioner", "analyst"] });
if (claims) open(claims).catch(explain);
