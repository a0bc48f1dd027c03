// The dashboard's charts, drawn as SVG with the vendored D3 (window.d3, a classic script loaded
// before the page's module): a line chart over months with labelled axes and month ticks, the
// Hub's opening month and the baseline months marked; a horizontal bar chart by named team or
// tier. D3 sets attributes and text only, so the strict Content-Security-Policy holds. Every
// chart's numbers are also in the table beside it; the chart itself is one labelled image.

import { monthName, monthStart, shiftMonth } from "./months.js";

const MARGIN = { top: 16, right: 16, bottom: 46, left: 64 };
let WIDTH = 720;

// Charts are drawn at the width the page has (at most 720), so text stays readable on a phone.
function fitWidth() {
  const main = document.getElementById("main");
  WIDTH = Math.max(300, Math.min(720, main ? main.clientWidth : 720));
}

function frame(height, label) {
  const svg = window.d3.create("svg")
    .attr("viewBox", `0 0 ${WIDTH} ${height}`).attr("class", "ledger-chart")
    .attr("role", "img").attr("aria-label", label);
  svg.append("title").text(label);
  return svg;
}

function yLabel(svg, height, text) {
  svg.append("text").attr("class", "axis-label").attr("transform", `rotate(-90)`)
    .attr("x", -(height - MARGIN.bottom + MARGIN.top) / 2).attr("y", 14)
    .attr("text-anchor", "middle").text(text);
}

// months: ["YYYY-MM"]; series: [{name, values: [number|null]}]; unit: the y axis's label;
// marks: {opening: "YYYY-MM"|null, baseline: ["YYYY-MM", "YYYY-MM"]|null}.
export function lineChart(label, months, series, unit, marks = {}) {
  const d3 = window.d3;
  fitWidth();
  const height = 280;
  const svg = frame(height, label);
  const x = d3.scaleTime().domain([monthStart(months[0]), monthStart(months.at(-1))])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const top = d3.max(series.flatMap((s) => s.values)) || 1;
  const y = d3.scaleLinear().domain([0, top]).nice().range([height - MARGIN.bottom, MARGIN.top]);
  const every = Math.max(1, Math.ceil(months.length / (WIDTH < 500 ? 3 : 8)));
  const ticks = months.filter((_, n) => n % every === 0).map(monthStart);
  if (marks.baseline) {
    const [from, to] = marks.baseline.map(monthStart);
    const left = Math.max(x(from), MARGIN.left);
    const right = Math.min(x(monthStart(shiftMonth(marks.baseline[1], 1))), WIDTH - MARGIN.right);
    if (right > left && from <= x.domain()[1] && to >= x.domain()[0]) {
      svg.append("rect").attr("class", "baseline-band").attr("x", left).attr("y", MARGIN.top)
        .attr("width", right - left).attr("height", height - MARGIN.bottom - MARGIN.top);
    }
  }
  svg.append("g").attr("transform", `translate(0,${height - MARGIN.bottom})`)
    .call(d3.axisBottom(x).tickValues(ticks).tickFormat(d3.timeFormat("%b %Y")));
  svg.append("g").attr("transform", `translate(${MARGIN.left},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format(",~r")));
  yLabel(svg, height, unit);
  series.forEach((s, n) => {
    const points = s.values.map((v, i) => [monthStart(months[i]), v]);
    const line = d3.line().defined(([, v]) => v !== null && v !== undefined)
      .x(([d]) => x(d)).y(([, v]) => y(v));
    svg.append("path").attr("class", `line series-${n}`).attr("d", line(points));
    svg.append("g").selectAll("circle").data(points.filter(([, v]) => v !== null && v !== undefined))
      .join("circle").attr("class", `series-${n}`).attr("r", 2.5)
      .attr("cx", ([d]) => x(d)).attr("cy", ([, v]) => y(v));
  });
  if (marks.opening && months.includes(marks.opening)) {
    const at = x(monthStart(marks.opening));
    svg.append("line").attr("class", "opening").attr("x1", at).attr("x2", at)
      .attr("y1", MARGIN.top).attr("y2", height - MARGIN.bottom);
    svg.append("text").attr("x", at + 4).attr("y", MARGIN.top + 10)
      .text(`Hub opened ${monthName(marks.opening)}`);
  }
  return svg.node();
}

// bars: [{name, value: number|null}]; a null bar is drawn as an empty outline ("suppressed").
export function barChart(label, bars, unit) {
  const d3 = window.d3;
  fitWidth();
  const left = WIDTH < 500 ? Math.round(WIDTH * 0.5) : 200;
  const height = MARGIN.top + MARGIN.bottom + bars.length * 26;
  const svg = frame(height, label);
  const x = d3.scaleLinear().domain([0, d3.max(bars, (b) => b.value) || 1]).nice()
    .range([left, WIDTH - MARGIN.right]);
  const y = d3.scaleBand().domain(bars.map((b) => b.name)).range([MARGIN.top, height - MARGIN.bottom])
    .padding(0.2);
  svg.append("g").attr("transform", `translate(0,${height - MARGIN.bottom})`)
    .call(d3.axisBottom(x).ticks(5).tickFormat(d3.format(",~r")));
  svg.append("g").attr("transform", `translate(${left},0)`).call(d3.axisLeft(y));
  svg.append("text").attr("class", "axis-label").attr("x", (left + WIDTH) / 2)
    .attr("y", height - 8).attr("text-anchor", "middle").text(unit);
  svg.append("g").selectAll("rect").data(bars).join("rect")
    .attr("class", (b) => (b.value === null ? "suppressed-mark" : "series-0"))
    .attr("x", left).attr("y", (b) => y(b.name)).attr("height", y.bandwidth())
    .attr("width", (b) => (b.value === null ? 24 : Math.max(1, x(b.value) - left)));
  return svg.node();
}

// The key under a chart: one item per series, and the Hub's opening when marked.
export function legend(names, opening) {
  const list = document.createElement("ul");
  list.className = "ledger-legend";
  const item = (swatch, text) => {
    const li = document.createElement("li");
    const mark = document.createElement("span");
    mark.className = `swatch ${swatch}`;
    li.append(mark, text);
    list.append(li);
  };
  names.forEach((name, n) => item(`series-${n}`, name));
  if (opening) item("opening", `Dashed line: the Hub opened (${monthName(opening)})`);
  return list;
}
