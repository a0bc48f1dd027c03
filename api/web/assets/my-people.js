// "My people": the key worker's own people, by name, with the last contact and open referrals.

import { explain, startPage } from "./layout.js";
import { readWholeList } from "./session.js";
import {
  PRIORITY_WORDS, byName, days, el, listTable, nameOf, nhsNumberOf, showFiltered, storyLink,
} from "./worklist-table.js";

function lastContact(row) {
  if (!row.last_contact_on) return "No contact yet";
  return row.days_since_contact === 0 ? `${row.last_contact_on} (today)`
    : `${row.last_contact_on} (${days(row.days_since_contact)} ago)`;
}

function referrals(row) {
  if (!row.open_referrals.length) return "None open";
  const list = el("ul", "ledger-referrals");
  for (const r of row.open_referrals) {
    const state = r.seen_on ? `seen on ${r.seen_on} after ${days(r.days_waited)}`
      : `waiting ${days(r.days_waited)}${r.accepted ? ", accepted" : ""}`;
    list.append(el("li", "", `${r.to_provider_name}: ${PRIORITY_WORDS[r.priority] || r.priority}, ${state}`));
  }
  return list;
}

const longestWait = (row) => Math.max(-1, ...row.open_referrals.filter((r) => !r.seen_on).map((r) => r.days_waited));

const COLUMNS = [
  { label: "Name", cell: (r) => storyLink(r), sort: (r) => nameOf(r).toLowerCase() },
  { label: "NHS number", cell: nhsNumberOf },
  { label: "Last contact", cell: lastContact, sort: (r) => r.days_since_contact ?? 1e9,
    ways: ["most recent first", "longest ago first"] },
  { label: "Open referrals", cell: referrals, sort: longestWait,
    ways: ["shortest wait first", "longest wait first"] },
];

async function main() {
  const claims = await startPage({ roles: ["key_worker"] });
  if (!claims) return;
  try {
    const answer = await readWholeList(`/key-workers/${encodeURIComponent(claims.sub)}/caseload`, "people");
    const table = listTable(document.getElementById("people"), COLUMNS,
      { caption: `The people you key-work on ${answer.on}` });
    showFiltered(table, COLUMNS,
      { rows: byName(answer.people), total: answer.count, noun: "people", first: "Name" });
  } catch (problem) {
    explain(problem);
  }
}

main();
