// Shows a story's summary: who, key worker, ward stay, plan, open referrals, the timeline in the
// order things happened (late and withdrawn entries marked) and who read the story recently.
// Text only ever goes in through textContent.

import { dayOf, nhsNumber, timeOf } from "./story-words.js";

const byId = (id) => document.getElementById(id);
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

const plural = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function nameOf(person) {
  const name = [person.given_name, person.family_name].filter(Boolean).join(" ");
  return name || "Name not held (details erased)";
}

function row(key, value) {
  const line = el("div", "nhsuk-summary-list__row");
  line.append(el("dt", "nhsuk-summary-list__key", key), el("dd", "nhsuk-summary-list__value", value));
  return line;
}

function summaryRows(summary) {
  const { person, key_worker: worker, ward_stay: stay } = summary;
  const rows = [row("NHS number", nhsNumber(person.nhs_number)),
    row("Date of birth", person.birth_date ? dayOf(`${person.birth_date}T12:00:00Z`) : "Not held")];
  rows.push(row("Key worker", worker ? `${worker.staff_id}, ${worker.provider_name}, since ${dayOf(worker.since)}` : "None assigned"));
  rows.push(row("Ward stay", stay
    ? `${stay.ward_words[0].toUpperCase()}${stay.ward_words.slice(1)} ward${stay.out_of_area ? " (out of area)" : ""}, ${stay.provider_name}, since ${dayOf(stay.admitted_at)} (${plural(stay.days, "day")})`
    : "Not on a ward"));
  return rows;
}

function planView(plan) {
  if (!plan) return [el("p", null, "No plan agreed yet.")];
  const reviewed = plan.reviewed_at ? `, last reviewed ${dayOf(plan.reviewed_at)}` : "";
  const parts = [el("p", null, `Agreed ${dayOf(plan.agreed_at)} with ${plan.provider_name}${reviewed}.`)];
  const goals = el("ul", "nhsuk-list nhsuk-list--bullet");
  for (const goal of plan.goals) {
    goals.append(el("li", null, `${goal.description ?? "(erased)"} (${goal.domain_words}): ${goal.status_words}`));
  }
  parts.push(el("h4", null, "Goals"), goals);
  const strengths = plan.strengths || [];
  parts.push(el("h4", null, "Strengths"), el("p", null, strengths.length ? strengths.join("; ") : "None written down."));
  return parts;
}

function referralView(referral) {
  const item = el("li", "story-referral");
  item.append(el("strong", null, `From ${referral.from_provider_name} to ${referral.to_provider_name}`));
  const state = referral.accepted ? "accepted" : "not yet decided";
  const wait = referral.seen_on
    ? `seen after ${plural(referral.days_waited, "day")} (${dayOf(`${referral.seen_on}T12:00:00Z`)})`
    : `waiting ${plural(referral.days_waited, "day")}`;
  item.append(el("span", "story-line", `${referral.priority_words}, for ${referral.needs_words}. Received ${dayOf(referral.received_at)}; ${state}; ${wait}.`));
  return item;
}

function entryView(entry) {
  const item = el("li", `story-entry${entry.retracted ? " story-entry--withdrawn" : ""}`);
  const when = el("time", "story-when", `${dayOf(entry.occurred_at)}, ${timeOf(entry.occurred_at)}`);
  when.dateTime = entry.occurred_at;
  const head = el("p", "story-head");
  head.append(when, " ", el("strong", null, entry.heading));
  if (entry.late) head.append(" ", el("strong", "nhsuk-tag nhsuk-tag--yellow", "Written up late"));
  if (entry.retracted) head.append(" ", el("strong", "nhsuk-tag nhsuk-tag--grey", "Withdrawn"));
  const by = `${entry.provider_name}, ${entry.staff_id}`;
  const late = entry.late ? `; recorded ${dayOf(entry.recorded_at)}` : "";
  item.append(head, el("p", "story-line", entry.words), el("p", "story-by", `${by}${late}`));
  return item;
}

function readView(read) {
  const who = read.provider_name ? `${read.staff_id}, ${read.provider_name}` : `${read.staff_id} (${read.role.replace("_", " ")})`;
  const how = { allowed: "read", allowed_break_glass: "read in an emergency", allowed_audit_purpose: "read for an audit",
    refused: "was refused", relationship_claim: "claimed a care relationship" }[read.outcome] || read.outcome.replace(/_/g, " ");
  const item = el("li", null, `${dayOf(read.at)}, ${timeOf(read.at)}: ${who} ${how}`);
  if (read.reason) item.append(el("span", "story-line", `Reason: ${read.reason}`));
  return item;
}

// Shows everything the summary holds (the forms are left alone: what is typed there stays).
export function showSummary(summary) {
  byId("story-title").textContent = nameOf(summary.person);
  document.title = `${nameOf(summary.person)} – Care-journey ledger`;
  byId("summary-list").replaceChildren(...summaryRows(summary));
  byId("plan").replaceChildren(...planView(summary.plan));
  const referrals = summary.open_referrals.map(referralView);
  byId("referrals").replaceChildren(...(referrals.length ? referrals : [el("li", null, "No open referrals.")]));
  byId("timeline").replaceChildren(...summary.timeline.map(entryView));
  byId("version").textContent = `version ${summary.version}`;
  const reads = summary.recent_reads;
  byId("reads-note").textContent = reads
    ? "The latest reads, newest first (your own included)."
    : "Only the person's key worker (and analysts) see who read the story.";
  byId("reads").replaceChildren(...(reads || []).map(readView));
  byId("story").hidden = false;
}
