// The waiting list page: the team's open, unseen referrals with names, priority, needs, referrer
// and days waited; sortable, filterable, each with its next actions on the person's story page.

import { explain, startPage } from "./layout.js";
import { readWholeList } from "./session.js";
import {
  NEED_WORDS, PRIORITY_RANK, PRIORITY_WORDS, el, listTable, nameOf, nhsNumberOf, showFiltered,
  storyLink,
} from "./worklist-table.js";

// A self-referral awaiting confirmation has no story yet: it is confirmed on the intake page.
const selfReferral = (row) => row.kind === "self_referral";

function intakeLink(row, text) {
  const link = el("a", "nhsuk-link", text);
  link.href = "/intake";
  link.append(el("span", "nhsuk-u-visually-hidden", ` (self-referral ${row.referral_id})`));
  return link;
}

function actions(row) {
  if (selfReferral(row)) return intakeLink(row, "Confirm in the intake");
  const who = `for ${nameOf(row)}, referral from ${row.from_provider_name}`;
  const box = el("div", "ledger-actions");
  if (!row.accepted) {
    box.append(storyLink(row, "Accept", "accept", who), storyLink(row, "Decline", "decline", who));
  }
  box.append(storyLink(row, "Record first contact", "first-contact", who));
  return box;
}

const referrer = (r) => (selfReferral(r) ? "Self-referral, awaiting confirmation" : r.from_provider_name);

const COLUMNS = [
  { label: "Name", cell: (r) => (selfReferral(r) ? intakeLink(r, nameOf(r)) : storyLink(r)), sort: (r) => nameOf(r).toLowerCase() },
  { label: "NHS number", cell: nhsNumberOf },
  { label: "Priority", cell: (r) => PRIORITY_WORDS[r.priority] || r.priority,
    sort: (r) => [PRIORITY_RANK[r.priority] ?? 9, r.received_at].join("|"),
    ways: ["most urgent first", "least urgent first"] },
  { label: "Needs", cell: (r) => (r.needs || []).map((n) => NEED_WORDS[n] || n).join(", ") || "None recorded" },
  { label: "Referred by", cell: referrer, sort: referrer },
  { label: "Days waited", cell: (r) => `${r.days_waited}${r.accepted ? " (accepted)" : ""}`,
    sort: (r) => r.days_waited, numeric: true,
    ways: ["shortest wait first", "longest wait first"] },
  { label: "Next actions", cell: actions },
];

function fillChoices(select, values, words) {
  for (const value of values) {
    const option = el("option", "", words[value] || value);
    option.value = value;
    select.append(option);
  }
}

async function main() {
  const claims = await startPage({ roles: ["provider", "key_worker"] });
  if (!claims) return;
  try {
    const answer = await readWholeList(`/providers/${encodeURIComponent(claims.provider_id)}/waiting-list`, "waiting");
    const table = listTable(document.getElementById("waiting"), COLUMNS,
      { caption: `Waiting for your team on ${answer.on}` });
    const priority = document.getElementById("priority");
    const need = document.getElementById("need");
    fillChoices(priority, Object.keys(PRIORITY_WORDS), PRIORITY_WORDS);
    fillChoices(need, Object.keys(NEED_WORDS), NEED_WORDS);
    const keep = (r) => (!priority.value || r.priority === priority.value)
      && (!need.value || (r.needs || []).includes(need.value));
    showFiltered(table, COLUMNS, { rows: answer.waiting, total: answer.count, noun: "waiting",
      first: "Most urgent, then longest waiting", choices: [priority, need], keep });
  } catch (problem) {
    explain(problem);
  }
}

main();
