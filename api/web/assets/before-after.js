// Before and after: each headline figure's monthly mean over the baseline months beside its mean
// over the chosen period, from the borough-wide rows the API answered for each range. A month
// whose figure is suppressed or missing is left out of its mean (the table says how many).

import { figureOf, FORMATS, HEADLINES, rowsOf, summaryOf } from "./headlines.js";
import { monthsFrom } from "./months.js";

function meanOf(rows, months, field, provider) {
  const values = rowsOf(rows, months, provider).map((row) => figureOf(row, field).value);
  const known = values.filter((v) => v !== null);
  const mean = known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  return { mean, left: values.length - known.length };
}

// answers: {metric: {period: rows, baseline: rows}}; ranges: {from, to, baselineFrom, baselineTo}.
export function beforeAfter(answers, ranges, directory) {
  const periodMonths = monthsFrom(ranges.from, ranges.to);
  const baselineMonths = monthsFrom(ranges.baselineFrom, ranges.baselineTo);
  return HEADLINES.flatMap((headline) => summaryOf(headline, directory).map(({ field, format, label, provider }) => {
    const before = meanOf(answers[headline.metric].baseline, baselineMonths, field, provider);
    const after = meanOf(answers[headline.metric].period, periodMonths, field, provider);
    const change = before.mean && after.mean !== null ? (after.mean - before.mean) / before.mean : null;
    return { headline, label, field, format, provider, before, after, change };
  }));
}

const rounded = (value) => (value === null ? null : Math.round(value * 100) / 100);

function meanShown(side, format) {
  if (side.mean === null) return "no figures";
  const text = FORMATS[format](rounded(side.mean));
  return side.left ? `${text} (${side.left} month${side.left > 1 ? "s" : ""} left out)` : text;
}

// The summary's shown cells and its CSV rows (means to two decimal places).
export function beforeAfterTable(lines, ranges) {
  return {
    header: ["Figure", "Baseline", "Period", "Change"],
    cells: lines.map((l) => [l.label, meanShown(l.before, l.format), meanShown(l.after, l.format),
      l.change === null ? "—" : FORMATS.change(l.change)]),
    csvHeader: ["metric", "provider_id", "field", "baseline_from", "baseline_to", "baseline_mean", "from", "to",
      "period_mean", "change"],
    csv: lines.map((l) => [l.headline.metric, l.provider, l.field, ranges.baselineFrom, ranges.baselineTo,
      rounded(l.before.mean), ranges.from, ranges.to, rounded(l.after.mean),
      l.change === null ? null : Math.round(l.change * 10000) / 10000]),
  };
}
