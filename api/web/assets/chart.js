// A small inline SVG line chart: one line per series over the months, gaps where a figure is
// missing or suppressed. Built with DOM calls only (no markup strings), so data never becomes HTML.

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 640;
const HEIGHT = 180;
const PAD = { left: 48, right: 12, top: 28, bottom: 24 };

function node(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

function segments(values) {
  const runs = [];
  let run = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined || Number.isNaN(value)) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      run.push([index, value]);
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

// series: [{name, values: [number|null]}], months: ["YYYY-MM", ...]; answers an <svg> element.
export function lineChart(title, months, series) {
  const numbers = series.flatMap((s) => s.values).filter((v) => typeof v === "number");
  const top = Math.max(1, ...numbers);
  const x = (i) => PAD.left + (months.length < 2 ? 0 : (i * (WIDTH - PAD.left - PAD.right)) / (months.length - 1));
  const y = (v) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom);
  const svg = node("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "chart", role: "img" });
  svg.append(node("title", {}, title));
  svg.append(node("line", { x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0), class: "axis" }));
  svg.append(node("text", { x: PAD.left - 6, y: y(top) + 4, class: "tick end" }, String(Math.round(top))));
  svg.append(node("text", { x: PAD.left - 6, y: y(0) + 4, class: "tick end" }, "0"));
  if (months.length) {
    svg.append(node("text", { x: x(0), y: HEIGHT - 6, class: "tick" }, months[0]));
    svg.append(node("text", { x: x(months.length - 1), y: HEIGHT - 6, class: "tick end" }, months.at(-1)));
  }
  series.forEach((s, n) => {
    for (const run of segments(s.values)) {
      const points = run.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      svg.append(node(run.length > 1 ? "polyline" : "circle", run.length > 1
        ? { points, class: `series series-${n}` }
        : { cx: x(run[0][0]), cy: y(run[0][1]), r: 3, class: `series dot series-${n}` }));
    }
    svg.append(node("text", { x: PAD.left + 8 + n * 160, y: 14, class: `legend series-${n}` }, s.name));
  });
  return svg;
}
