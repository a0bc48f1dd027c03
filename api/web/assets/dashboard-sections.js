// The dashboard's sections, drawn from the API's answers: the before/after summary, a chart and
// table per headline, waits by team and spend by tier. Each table has its CSV download.

import { beforeAfter, beforeAfterTable } from "./before-after.js";
import { barChart, legend, lineChart } from "./charts.js";
import { downloadButton, tableBox } from "./download.js";
import { HEADLINES, headlineSeries, headlineTable } from "./headlines.js";
import { monthName, monthsFrom } from "./months.js";
import { spendByTier, teamWaits } from "./resources.js";

const byId = (id) => document.getElementById(id);

function tablePart(place, name, caption, table, numeric) {
  const { wrap } = tableBox(caption, table.header, table.cells, { numeric });
  wrap.dataset.table = name;
  const button = downloadButton(`Download ${caption.toLowerCase()} (CSV)`, `${name}.csv`,
    table.csvHeader, () => table.csv);
  button.dataset.download = name;
  place.append(wrap, button);
}

function showBeforeAfter(answers, ranges, directory) {
  const table = beforeAfterTable(beforeAfter(answers, ranges, directory), ranges);
  const place = byId("before-after-body");
  const note = document.createElement("p");
  note.textContent = `Each figure's mean per month over the baseline (${monthName(ranges.baselineFrom)} to `
    + `${monthName(ranges.baselineTo)}) and over the period (${monthName(ranges.from)} to ${monthName(ranges.to)}), `
    + "and the change from one to the other.";
  place.replaceChildren(note);
  tablePart(place, "before-after", "Headline figures before and after", table, [1, 2, 3]);
  byId("before-after").hidden = false;
}

function showHeadline(place, headline, rows, ranges, directory, opening) {
  const months = monthsFrom(ranges.from, ranges.to);
  const section = document.createElement("section");
  section.className = "ledger-headline";
  section.dataset.metric = headline.metric;
  const title = document.createElement("h2");
  title.textContent = headline.title;
  const series = headlineSeries(headline, rows, months, directory);
  const label = `${headline.title}, borough-wide, ${monthName(ranges.from)} to ${monthName(ranges.to)}` +
    ` (${headline.unit}); the same figures are in the table below.`;
  const chart = lineChart(label, months, series, headline.unit,
    { opening, baseline: [ranges.baselineFrom, ranges.baselineTo] });
  const key = legend(series.map((s) => s.name), months.includes(opening) ? opening : null);
  section.append(title, chart, key);
  const table = headlineTable(headline, rows, months, directory);
  const numeric = table.header.map((_, n) => n).slice(1);
  tablePart(section, headline.metric, `${headline.title}: the figures by month`, table, numeric);
  place.append(section);
}

function showTeams(rows, month, directory) {
  const table = teamWaits(rows, month, directory);
  const place = byId("teams-body");
  place.replaceChildren();
  const title = `Median wait in days by team, ${monthName(month)}`;
  if (table.bars.length) place.append(barChart(`${title}; the same figures are in the table below.`, table.bars, "Median days"));
  tablePart(place, "team-waits", `Waits by team and tier, ${monthName(month)}`, table, [2, 3, 4, 5]);
  byId("teams").hidden = false;
}

function showSpend(rows, ranges, directory) {
  const table = spendByTier(rows, monthsFrom(ranges.from, ranges.to), directory);
  const place = byId("spend-body");
  place.replaceChildren();
  const title = `Spend by tier, ${monthName(ranges.from)} to ${monthName(ranges.to)}`;
  if (table.bars.length) place.append(barChart(`${title}; the same figures are in the table below.`, table.bars, "Pounds"));
  tablePart(place, "spend-by-tier", title, table, [1, 2, 3, 4]);
  byId("spend").hidden = false;
}

// answers: {metric: {period, baseline}} (rows); directory: {provider_id: provider}.
export function showSections(answers, ranges, directory, opening) {
  showBeforeAfter(answers, ranges, directory);
  const place = byId("headlines");
  place.replaceChildren();
  for (const headline of HEADLINES) {
    showHeadline(place, headline, answers[headline.metric].period, ranges, directory, opening);
  }
  showTeams(answers["waiting-times"].period, ranges.to, directory);
  showSpend(answers.cost.period, ranges, directory);
}
