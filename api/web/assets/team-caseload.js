// The caseload page: everyone on the team's caseload today, by name, sortable and filterable.

import { explain, startPage } from "./layout.js";
import { readWholeList } from "./session.js";
import { byName, el, listTable, nameOf, nhsNumberOf, showFiltered, storyLink } from "./worklist-table.js";

const COLUMNS = [
  { label: "Name", cell: (r) => storyLink(r), sort: (r) => nameOf(r).toLowerCase() },
  { label: "NHS number", cell: nhsNumberOf },
  { label: "Referred on", cell: (r) => r.referred_on, sort: (r) => r.referred_on,
    ways: ["earliest first", "latest first"] },
  { label: "Key worker", cell: (r) => r.key_worker_staff_id || "None here",
    sort: (r) => r.key_worker_staff_id || "~" },
];

async function main() {
  const claims = await startPage({ roles: ["provider", "key_worker"] });
  if (!claims) return;
  try {
    const answer = await readWholeList(`/providers/${encodeURIComponent(claims.provider_id)}/caseload`, "people");
    const table = listTable(document.getElementById("caseload"), COLUMNS,
      { caption: `Your team's caseload on ${answer.on}` });
    const worker = document.getElementById("worker");
    const workers = [...new Set(answer.people.map((p) => p.key_worker_staff_id).filter(Boolean))].sort();
    for (const staff of workers) {
      const option = el("option", "", staff);
      option.value = staff;
      worker.append(option);
    }
    const keep = (r) => !worker.value
      || (worker.value === "-" ? !r.key_worker_staff_id : r.key_worker_staff_id === worker.value);
    showFiltered(table, COLUMNS, { rows: byName(answer.people), total: answer.count,
      noun: "people", first: "Name", choices: [worker], keep });
  } catch (problem) {
    explain(problem);
  }
}

main();
