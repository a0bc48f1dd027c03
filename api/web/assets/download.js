// Tables as files: every shown table can be downloaded as CSV with the API's own numbers (the
// raw values it answered, not the formatted text), built in the browser from data already read.

// One CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is
// prefixed with an apostrophe so a spreadsheet never runs it as a formula.
function field(value) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// CSV text from a header and rows (arrays of raw values; null for a suppressed or missing cell).
export function csvText(header, rows) {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

// A "Download CSV" button that saves `rows()` (called on click, so it is always current).
export function downloadButton(label, filename, header, rows) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "nhsuk-button nhsuk-button--secondary nhsuk-button--small ledger-download";
  button.textContent = label;
  button.addEventListener("click", () => {
    const blob = new Blob([csvText(header, rows())], { type: "text/csv" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  return button;
}

// A table in a box that scrolls sideways on its own (the page never does), with a caption.
export function tableBox(caption, header, rows, { numeric = [] } = {}) {
  const wrap = document.createElement("div");
  wrap.className = "ledger-table-wrap";
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  const table = document.createElement("table");
  table.className = "nhsuk-table";
  const cap = table.createCaption();
  cap.className = "nhsuk-table__caption nhsuk-table__caption--s";
  cap.textContent = caption;
  const head = table.createTHead().insertRow();
  header.forEach((text, n) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = text;
    if (numeric.includes(n)) th.className = "number";
    head.append(th);
  });
  const body = table.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    row.forEach((value, n) => {
      const cell = document.createElement(n === 0 ? "th" : "td");
      if (n === 0) cell.scope = "row";
      const shown = typeof value === "object" && value !== null ? value : { text: value };
      cell.textContent = shown.text;
      if (shown.suppressed) cell.className = "suppressed";
      else if (numeric.includes(n)) cell.className = "number";
      line.append(cell);
    });
  }
  wrap.append(table);
  return { wrap, table };
}
