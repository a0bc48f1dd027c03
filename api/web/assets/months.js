// Months as the API spells them ("YYYY-MM"): stepping, ranges and how a person reads them.

const NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthOf(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

export function shiftMonth(month, by) {
  const [year, number] = month.split("-").map(Number);
  return monthOf(new Date(year, number - 1 + by, 1));
}

// Every month from `start` to `end` inclusive (none when `start` comes after `end`).
export function monthsFrom(start, end) {
  const months = [];
  for (let month = start; month <= end; month = shiftMonth(month, 1)) months.push(month);
  return months;
}

// "2025-03" → "Mar 2025".
export function monthName(month) {
  const [year, number] = month.split("-").map(Number);
  return `${NAMES[number - 1]} ${year}`;
}

// The first day of a month as a local Date (for chart scales).
export function monthStart(month) {
  const [year, number] = month.split("-").map(Number);
  return new Date(year, number - 1, 1);
}

// The month an instant ("2024-07-01T09:00:00+00:00") falls in, in London's calendar.
export function monthOfInstant(instant) {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit" })
    .formatToParts(new Date(instant));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part("year")}-${part("month")}`;
}

// A date and time as a person reads it ("3 Mar 2025, 14:05").
export function whenRead(instant) {
  return new Date(instant).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
}
