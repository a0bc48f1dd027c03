// Waits by named team and tier (each provider's own waiting-times row for a month) and spend by
// tier over the period (the resource map: each provider's cost rows summed within its tier).
// Providers are named from the directory (GET /providers), never by their codes.

import { csvValue, figureOf, FORMATS, shown } from "./headlines.js";

const TIERS = { primary: "Primary care", community: "Community", secondary: "Secondary care",
  inpatient: "Inpatient" };
export const tierName = (tier) => TIERS[tier] || tier;
const WAIT_FIELDS = [["Median days", "median_days", "days"], ["90th percentile days", "p90_days", "days"],
  ["Seen", "seen", "count"], ["Still waiting", "still_waiting", "count"]];

function byTierThenName(directory) {
  return (a, b) => {
    const [pa, pb] = [directory[a.provider_id] || {}, directory[b.provider_id] || {}];
    return `${pa.tier}|${pa.name}`.localeCompare(`${pb.tier}|${pb.name}`);
  };
}

// directory: {provider_id: provider}; rows: the waiting-times answer; month: "YYYY-MM".
export function teamWaits(rows, month, directory) {
  const teams = rows.filter((r) => r.month === month && r.provider_id !== null)
    .sort(byTierThenName(directory));
  const nameOf = (r) => (directory[r.provider_id] || {}).name || r.provider_id;
  const tierOf = (r) => tierName((directory[r.provider_id] || {}).tier || "");
  return {
    header: ["Team", "Tier", ...WAIT_FIELDS.map(([label]) => label)],
    cells: teams.map((r) => [nameOf(r), tierOf(r),
      ...WAIT_FIELDS.map(([, field, format]) => shown(figureOf(r, field), format))]),
    csvHeader: ["month", "provider_id", "team", "tier", ...WAIT_FIELDS.map(([, field]) => field)],
    csv: teams.map((r) => [month, r.provider_id, nameOf(r), (directory[r.provider_id] || {}).tier,
      ...WAIT_FIELDS.map(([, field]) => csvValue(figureOf(r, field)))]),
    bars: teams.map((r) => ({ name: nameOf(r), value: figureOf(r, "median_days").value })),
  };
}

// Spend per tier over the period's months: the sum of the providers' shown cost_gbp, the count of
// provider-months withheld by disclosure control (not in the sum), and the tier's share.
export function spendByTier(rows, months, directory) {
  const tiers = new Map();
  for (const row of rows) {
    if (row.provider_id === null || !months.includes(row.month)) continue;
    const tier = (directory[row.provider_id] || {}).tier || "unknown";
    const sum = tiers.get(tier) || { pence: 0, providers: new Set(), withheld: 0 };
    const figure = figureOf(row, "cost_gbp");
    if (figure.value === null) sum.withheld += figure.suppressed ? 1 : 0;
    else sum.pence += Math.round(figure.value * 100);
    sum.providers.add(row.provider_id);
    tiers.set(tier, sum);
  }
  const total = [...tiers.values()].reduce((a, s) => a + s.pence, 0);
  const ordered = [...tiers.entries()].sort(([a], [b]) => a.localeCompare(b));
  const pounds = (pence) => (pence / 100).toFixed(2);
  return {
    header: ["Tier", "Spend over the period", "Share", "Providers", "Provider-months withheld"],
    cells: ordered.map(([tier, s]) => [tierName(tier), FORMATS.money(pounds(s.pence)),
      total ? `${((100 * s.pence) / total).toFixed(0)}%` : "—", String(s.providers.size), String(s.withheld)]),
    csvHeader: ["tier", "cost_gbp", "providers", "withheld_provider_months"],
    csv: ordered.map(([tier, s]) => [tier, pounds(s.pence), s.providers.size, s.withheld]),
    bars: ordered.map(([tier, s]) => ({ name: tierName(tier), value: s.pence / 100 })),
  };
}
