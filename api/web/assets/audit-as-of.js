// Figures as known at an instant beside today's: the same question asked of the API twice, once
// with `as_of` (the ledger records that it was asked), borough-wide, one line per month and field.

import { fieldError, instantOf, readAudited } from "./audited.js";
import { downloadButton, tableBox } from "./download.js";
import { csvValue, figureOf, FORMATS, rowsOf, shown } from "./headlines.js";
import { monthName, monthsFrom, whenRead } from "./months.js";

const f = (label, field, format = "count") => ({ label, field, format });
export const METRICS = {
  "people-supported": ["People supported", [f("People supported", "people")]],
  "waiting-times": ["Waits from referral to first contact", [f("Seen", "seen"), f("Median days", "median_days", "days"),
    f("90th percentile days", "p90_days", "days"), f("Still waiting", "still_waiting")]],
  referrals: ["Referrals into secondary care", [f("Referrals", "referrals"), f("Accepted", "accepted"),
    f("Declined", "declined")]],
  cost: ["Cost", [f("Cost", "cost_gbp", "money"), f("People", "people"), f("Cost per person", "cost_per_person_gbp", "money")]],
  "rehab-moves": ["Moves out of rehab", [f("Moves home", "moves"), f("On the rehab ward at month end", "rehab_inpatients")]],
  caseload: ["Caseload at month end", [f("People on a caseload", "count")]],
};

const byId = (id) => document.getElementById(id);

function difference(then, now, format) {
  if (then.value === null || now.value === null) return "—";
  const change = now.value - then.value;
  if (change === 0) return "no change";
  const text = FORMATS[format](Math.abs(Math.round(change * 100) / 100));
  return `${change > 0 ? "+" : "−"}${text}`;
}

// The comparison's table and CSV from the two answers' borough-wide rows.
export function comparison(metric, months, thenRows, nowRows, instant) {
  const [, fields] = METRICS[metric];
  const [then, now] = [rowsOf(thenRows, months), rowsOf(nowRows, months)];
  const lines = months.flatMap((month, n) => fields.map((c) => ({
    month, c, then: figureOf(then[n], c.field), now: figureOf(now[n], c.field) })));
  return {
    header: ["Month", "Figure", `As known at ${whenRead(instant)}`, "Today", "Difference"],
    cells: lines.map((l) => [monthName(l.month), l.c.label, shown(l.then, l.c.format), shown(l.now, l.c.format),
      difference(l.then, l.now, l.c.format)]),
    csvHeader: ["month", "field", "as_of", "value_as_of", "value_today"],
    csv: lines.map((l) => [l.month, l.c.field, instant, csvValue(l.then), csvValue(l.now)]),
  };
}

// Reads the form, asks the API, shows the comparison with its download (or the faults by the fields).
export async function compareAsOf() {
  const [metric, from, to, local] = ["as-of-metric", "as-of-from", "as-of-to", "as-of-instant"].map((id) => byId(id).value);
  const faults = {
    from: /^\d{4}-\d{2}$/.test(from) ? "" : "Enter a month",
    to: !/^\d{4}-\d{2}$/.test(to) ? "Enter a month" : from > to ? "The last month comes before the first" : "",
    as_of: local && !Number.isNaN(new Date(local).getTime()) ? "" : "Enter a date and time",
  };
  for (const [name, message] of Object.entries(faults)) fieldError(name, message);
  if (Object.values(faults).some(Boolean)) return;
  const instant = instantOf(local);
  const ask = (extra) => readAudited(`/outcomes/${metric}?from=${from}&to=${to}${extra}`);
  const [then, now] = await Promise.all([ask(`&as_of=${encodeURIComponent(instant)}`), ask("")]);
  const table = comparison(metric, monthsFrom(from, to), then.rows, now.rows, instant);
  const caption = `${METRICS[metric][0]}, borough-wide: as known at ${whenRead(instant)} and today`;
  const { wrap } = tableBox(caption, table.header, table.cells, { numeric: [2, 3, 4] });
  wrap.dataset.table = "as-of";
  const button = downloadButton("Download the comparison (CSV)", `${metric}-as-of.csv`, table.csvHeader, () => table.csv);
  button.dataset.download = "as-of";
  byId("as-of-result").replaceChildren(wrap, button);
}
