// The borough's headline figures by month, for commissioners (disclosure-controlled) and
// analysts (exact): one table and one small chart per headline, over a month range.

import { lineChart } from "./chart.js";
import { readApi } from "./session.js";

const PICKED = "picked"; // the provider chosen in the table's own picker (borough-wide by default)
const col = (label, provider, field, format = "count") => ({ label, provider, field, format });
const HEADLINES = [
  { metric: "people-supported", title: "People supported (an attended direct contact in the month)",
    columns: [col("Hub", "hub", "people"), col("Borough", null, "people")], chart: [0, 1] },
  { metric: "waiting-times", title: "Waits from referral to first contact, in days", pick: true,
    columns: [col("Seen", PICKED, "seen"), col("Median days", PICKED, "median_days", "days"),
      col("90th percentile days", PICKED, "p90_days", "days"), col("Still waiting", PICKED, "still_waiting"),
      col("Median days still waiting", PICKED, "still_waiting_median_days", "days")], chart: [1, 4] },
  { metric: "referrals", title: "Referrals into secondary care",
    columns: [col("Referrals", null, "referrals"), col("Accepted", null, "accepted"),
      col("Declined", null, "declined"), col("Acceptance rate", null, "acceptance_rate", "rate")], chart: [0, 1] },
  { metric: "cost", title: "Cost per person at the Hub",
    columns: [col("Cost per person", "hub", "cost_per_person_gbp", "money"), col("People", "hub", "people"),
      col("Cost", "hub", "cost_gbp", "money")], chart: [0] },
  { metric: "rehab-moves", title: "Moves out of rehab",
    columns: [col("Moves home", null, "moves"), col("On the rehab ward at month end", null, "rehab_inpatients"),
      col("Median length of stay (days)", null, "median_length_of_stay_days", "days"),
      col("Readmitted within 90 days", null, "readmissions_90d")], chart: [0, 1] },
];
const FORMATS = {
  count: (v) => v.toLocaleString("en-GB"),
  days: (v) => v.toLocaleString("en-GB", { maximumFractionDigits: 1 }),
  rate: (v) => `${(v * 100).toFixed(0)}%`,
  money: (v) => `£${Number(v).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
};

export function monthOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

export function shiftMonth(month, by) {
  const [year, number] = month.split("-").map(Number);
  return monthOf(new Date(year, number - 1 + by, 1));
}

function monthsFrom(start, end) {
  const months = [];
  for (let month = start; month <= end; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

function figure(rows, month, provider, field) {
  const row = rows.find((r) => r.month === month && (r.provider_id ?? null) === provider);
  if (!row) return { shown: "—", value: null };
  const value = row[field];
  if (value === null || value === undefined) {
    const suppressed = (row.suppressed_fields || []).includes(field);
    return { shown: suppressed ? "suppressed" : "—", value: null, suppressed };
  }
  return { value: Number(value), raw: value };
}

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function tableOf(headline, rows, months, picked) {
  const table = document.createElement("table");
  table.className = "figures";
  table.dataset.metric = headline.metric;
  const head = table.createTHead().insertRow();
  head.append(cell("th", "Month"), ...headline.columns.map((c) => cell("th", c.label)));
  const body = table.createTBody();
  const values = headline.columns.map(() => []);
  for (const month of months) {
    const line = body.insertRow();
    line.append(cell("th", month));
    headline.columns.forEach((c, n) => {
      const found = figure(rows, month, c.provider === PICKED ? picked : c.provider, c.field);
      values[n].push(found.value);
      const shown = found.value === null ? found.shown : FORMATS[c.format](found.raw);
      line.append(cell("td", shown, found.suppressed ? "suppressed" : "number"));
    });
  }
  return { table, values };
}

function pickerOf(rows, onPick) {
  const select = document.createElement("select");
  select.append(new Option("Borough-wide (every provider)", ""));
  const providers = [...new Set(rows.map((r) => r.provider_id).filter(Boolean))].sort();
  providers.forEach((p) => select.append(new Option(p, p)));
  select.addEventListener("change", () => onPick(select.value || null));
  return select;
}

function renderHeadline(place, headline, rows, months, picked = null) {
  const { table, values } = tableOf(headline, rows, months, picked);
  const chart = lineChart(headline.title, months,
    headline.chart.map((n) => ({ name: headline.columns[n].label, values: values[n] })));
  place.replaceChildren(table, chart);
}

// Shows every headline for the months from `start` to `end` (each "YYYY-MM").
export async function showRange(container, start, end) {
  const months = monthsFrom(start, end);
  const answers = await Promise.all(HEADLINES.map((h) => readApi(`/outcomes/${h.metric}?from=${start}&to=${end}`)));
  container.replaceChildren();
  HEADLINES.forEach((headline, n) => {
    const section = document.createElement("section");
    section.className = "headline";
    const place = document.createElement("div");
    section.append(cell("h3", headline.title));
    if (headline.pick) {
      section.append(pickerOf(answers[n].rows, (p) => renderHeadline(place, headline, answers[n].rows, months, p)));
    }
    section.append(place);
    renderHeadline(place, headline, answers[n].rows, months);
    container.append(section);
  });
}

// The default range: the last 24 months that have any figure, found from a ten-year look back.
export async function defaultRange() {
  const end = monthOf(new Date());
  const start = shiftMonth(end, -119);
  const wide = await readApi(`/outcomes/people-supported?from=${start}&to=${end}`);
  const active = wide.rows.filter((r) => r.provider_id !== null).map((r) => r.month).sort();
  const last = active.length ? active.at(-1) : end;
  const first = active.length ? active[0] : shiftMonth(end, -23);
  const from = shiftMonth(last, -23) > first ? shiftMonth(last, -23) : first;
  return { from, to: last, found: active.length > 0 };
}
