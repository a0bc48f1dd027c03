// The analyst's audit tools: figures as known at an instant beside today's, one person's access
// log and figure inputs, and the audit log page by page. Every table can be downloaded.

import { compareAsOf, METRICS } from "./audit-as-of.js";
import { readPerson } from "./audit-person.js";
import { localOf, readAudited } from "./audited.js";
import { downloadButton, tableBox } from "./download.js";
import { explain, say, startPage } from "./layout.js";
import { monthOf, shiftMonth, whenRead } from "./months.js";

const byId = (id) => document.getElementById(id);
const detailsOf = (details) => Object.entries(details || {}).filter(([, v]) => v !== null)
  .map(([k, v]) => `${k.replace(/_/g, " ")}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join("; ");
const seen = [];

async function moreAuditLog() {
  const after = seen.length ? seen.at(-1).position : 0;
  const answer = await readAudited(`/audit-log?after=${after}&limit=100`);
  seen.push(...answer.entries);
  const { wrap } = tableBox(`Audit log: ${seen.length} ${seen.length === 1 ? "entry" : "entries"}`, ["Position", "When", "Who", "Role", "Action", "Details"],
    seen.map((e) => [String(e.position), whenRead(e.at), e.actor, e.role.replace(/_/g, " "), e.action.replace(/_/g, " "), detailsOf(e.details)]));
  wrap.dataset.table = "audit-log";
  const button = downloadButton("Download the audit log (CSV)", "audit-log.csv",
    ["position", "at", "actor", "role", "action", "details"],
    () => seen.map((e) => [e.position, e.at, e.actor, e.role, e.action, JSON.stringify(e.details)]));
  button.dataset.download = "audit-log";
  const note = document.createElement("p");
  note.textContent = answer.entries.length ? "" : "No more entries.";
  byId("audit-log-result").replaceChildren(wrap, button, note);
}

function wire(directory) {
  const metric = byId("as-of-metric");
  for (const [name, [label]] of Object.entries(METRICS)) metric.append(new Option(label, name));
  const lastMonth = new Date();
  lastMonth.setMonth(lastMonth.getMonth() - 1);
  byId("as-of-instant").value = localOf(lastMonth);
  byId("as-of-to").value = monthOf(new Date());
  byId("as-of-from").value = shiftMonth(monthOf(new Date()), -11);
  const run = (step) => (event) => {
    event.preventDefault();
    say("");
    step().catch(explain);
  };
  byId("as-of-form").addEventListener("submit", run(() => compareAsOf().then(moreAuditLog)));
  byId("person-form").addEventListener("submit", run(() => readPerson(directory).then(moreAuditLog)));
  byId("audit-log-more").addEventListener("click", run(moreAuditLog));
}

async function open() {
  const listing = await readAudited("/providers");
  wire(Object.fromEntries(listing.providers.map((p) => [p.provider_id, p])));
  byId("tools").hidden = false;
  await moreAuditLog();
}

const claims = await startPage({ roles: ["analyst"] });
if (claims) open().catch(explain);
