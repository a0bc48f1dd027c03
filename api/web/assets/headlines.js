// The borough's headline figures as the dashboard shows them: which API metric, which of its
// fields, in what unit. Each headline is drawn as a chart over the period's months and the same
// numbers as a table (borough-wide rows: the API's rows with "provider_id": null).

import { monthName } from "./months.js";

const col = (label, field, format = "count", provider = null) => ({ label, field, format, provider });
export const HEADLINES = [
  { metric: "people-supported", title: "People supported per month", unit: "People",
    summary: [col("People supported per month", "people")], columns: [col("People supported", "people")] },
  { metric: "waiting-times", title: "Waits for secondary care, referral to first contact", unit: "Days",
    perTeam: { tier: "secondary", field: "median_days", format: "days", label: "Median days" } },
  { metric: "referrals", title: "Referrals into secondary care", unit: "Referrals",
    summary: [col("Referrals into secondary care per month", "referrals")],
    columns: [col("Referrals", "referrals"), col("Accepted", "accepted"), col("Declined", "declined"),
      col("Acceptance rate", "acceptance_rate", "rate"), col("Change vs baseline", "change_vs_baseline", "change")],
    chart: [0, 1] },
  { metric: "cost", title: "Cost per person supported", unit: "Pounds per person",
    summary: [col("Cost per person (£)", "cost_per_person_gbp", "money")],
    columns: [col("Cost per person", "cost_per_person_gbp", "money"), col("People", "people"),
      col("Cost", "cost_gbp", "money")], chart: [0] },
  { metric: "rehab-moves", title: "Moves out of rehab", unit: "Moves home",
    summary: [col("Moves out of rehab per month", "moves")],
    columns: [col("Moves home", "moves"), col("On the rehab ward at month end", "rehab_inpatients"),
      col("Median length of stay (days)", "median_length_of_stay_days", "days"),
      col("Readmitted within 90 days", "readmissions_90d")], chart: [0] },
];

// A headline's columns: its own, or one per team of a tier (by name, from the directory).
export function columnsOf(headline, directory) {
  if (!headline.perTeam) return headline.columns;
  const { tier, field, format, label } = headline.perTeam;
  return Object.values(directory).filter((p) => p.tier === tier)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ ...col(`${label}, ${p.name}`, field, format, p.provider_id), team: p.name }));
}

// The lines of the before/after summary a headline gives.
export function summaryOf(headline, directory) {
  if (!headline.perTeam) return headline.summary;
  return columnsOf(headline, directory).map((c) => ({ ...c, label: `Median wait in days, ${c.team}` }));
}

export const FORMATS = {
  count: (v) => Number(v).toLocaleString("en-GB"),
  days: (v) => Number(v).toLocaleString("en-GB", { maximumFractionDigits: 1 }),
  rate: (v) => `${(Number(v) * 100).toFixed(0)}%`,
  change: (v) => `${Number(v) > 0 ? "+" : ""}${(Number(v) * 100).toFixed(0)}%`,
  money: (v) => `£${Number(v).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
};

// One figure of a row: {raw (as the API answered), value (a number or null), suppressed}.
export function figureOf(row, field) {
  if (!row) return { raw: null, value: null, suppressed: false };
  const raw = row[field] ?? null;
  const suppressed = raw === null && (row.suppressed_fields || []).includes(field);
  return { raw, value: raw === null ? null : Number(raw), suppressed };
}

// A figure as a CSV cell holds it: the API's own value, "suppressed", or empty when absent.
export function csvValue(figure) {
  return figure.suppressed ? "suppressed" : figure.raw;
}

// A figure as a table cell shows it.
export function shown(figure, format) {
  if (figure.suppressed) return { text: "suppressed", suppressed: true };
  return { text: figure.value === null ? "—" : FORMATS[format](figure.raw) };
}

// The rows of one provider (null: borough-wide) over the months, null where the API gave none.
export function rowsOf(rows, months, provider = null) {
  return months.map((month) => rows.find((r) => r.month === month && r.provider_id === provider) || null);
}

// The headline's table rows (shown cells) and CSV rows (the API's raw values) over the months.
export function headlineTable(headline, rows, months, directory) {
  const columns = columnsOf(headline, directory);
  const figures = columns.map((c) => rowsOf(rows, months, c.provider).map((row) => figureOf(row, c.field)));
  const cells = months.map((month, n) => [monthName(month), ...columns.map((c, k) => shown(figures[k][n], c.format))]);
  const csv = months.map((month, n) => [month, ...figures.map((column) => csvValue(column[n]))]);
  const header = ["Month", ...columns.map((c) => c.label)];
  const csvHeader = ["month", ...columns.map((c) => (c.provider ? `${c.provider}.${c.field}` : c.field))];
  return { header, cells, csv, csvHeader };
}

// The chart's series: the headline's charted columns (every team's), null where not shown.
export function headlineSeries(headline, rows, months, directory) {
  const columns = columnsOf(headline, directory);
  const charted = headline.perTeam ? columns : (headline.chart || [0]).map((n) => columns[n]);
  return charted.map((c) => ({
    name: c.team || c.label,
    values: rowsOf(rows, months, c.provider).map((row) => figureOf(row, c.field).value),
  }));
}
