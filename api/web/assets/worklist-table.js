// The staff lists' shared parts: words for the API's codes, and a table that sorts and filters in
// the page. Text always goes in through textContent; nothing is parsed as HTML.
//   const table = listTable(document.getElementById("waiting"), columns);
//   table.show(rows);  // rows as the API gives them; re-shows on sort and filter
// Each column is {label, cell(row) -> string or Node, sort(row) -> value (optional), numeric,
// ways: the words for ascending and descending order (default "A to Z", "Z to A")}.

export const PRIORITY_WORDS = { emergency: "Emergency", very_urgent: "Very urgent", urgent: "Urgent", routine: "Routine" };
export const PRIORITY_RANK = { emergency: 0, very_urgent: 1, urgent: 2, routine: 3 };
export const NEED_WORDS = {
  mental_health: "Mental health", physical_health: "Physical health", housing: "Housing",
  debt: "Debt", benefits: "Benefits", employment: "Employment", isolation: "Isolation",
  substance_use: "Substance use", caring: "Caring",
};

// The people of a list by name (withheld names last), as the caseload pages show them first.
export const byName = (rows) => [...rows].sort((a, b) => {
  const x = (a.name || "~").toLowerCase(); const y = (b.name || "~").toLowerCase();
  return x < y ? -1 : x > y ? 1 : (a.person_id < b.person_id ? -1 : 1);
});

export const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
};

export const nameOf = (row) => row.name || "Name withheld";
export const nhsNumberOf = (row) =>
  row.nhs_number ? `${row.nhs_number.slice(0, 3)} ${row.nhs_number.slice(3, 6)} ${row.nhs_number.slice(6)}` : "Not recorded";
export const days = (n) => (n === 1 ? "1 day" : `${n} days`);

// A link to the person's story page (and an action on it), its text made unique for screen readers.
export function storyLink(row, text = nameOf(row), action = "", hidden = "") {
  const link = el("a", "nhsuk-link", text);
  const query = new URLSearchParams({ person: row.person_id });
  if (action) {
    query.set("do", action);
    query.set("referral", row.referral_id);
  }
  link.href = `/story?${query}`;
  if (hidden) link.append(el("span", "nhsuk-u-visually-hidden", ` ${hidden}`));
  return link;
}

// Matches a row against the text typed: words of the name, or digits of the NHS number.
export function matchesText(row, text) {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return true;
  const digits = wanted.replace(/\s+/g, "");
  if (/^\d+$/.test(digits)) return (row.nhs_number || "").includes(digits);
  const name = (row.name || "").toLowerCase();
  return wanted.split(/\s+/).every((word) => name.includes(word));
}

export function listTable(table, columns, { caption } = {}) {
  let rows = [];
  let order = { index: -1, ascending: true };
  let keep = () => true;
  const head = el("thead", "nhsuk-table__head");
  const headRow = el("tr", "nhsuk-table__row");
  const body = el("tbody", "nhsuk-table__body");
  table.className = "nhsuk-table-responsive ledger-list";
  if (caption) table.append(el("caption", "nhsuk-table__caption", caption));
  columns.forEach((column, index) => {
    const th = el("th", "nhsuk-table__header");
    th.scope = "col";
    if (column.sort) {
      const button = el("button", "ledger-sort", column.label);
      button.type = "button";
      button.addEventListener("click", () => {
        order = { index, ascending: order.index === index ? !order.ascending : true };
        render();
      });
      th.append(button);
    } else {
      th.textContent = column.label;
    }
    headRow.append(th);
  });
  head.append(headRow);
  table.append(head, body);

  function render() {
    headRow.querySelectorAll("th").forEach((th, index) => {
      if (index === order.index) th.setAttribute("aria-sort", order.ascending ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    let shown = rows.filter(keep);
    if (order.index >= 0) {
      const value = columns[order.index].sort;
      const sign = order.ascending ? 1 : -1;
      shown = [...shown].sort((a, b) => {
        const x = value(a); const y = value(b);
        return sign * (x < y ? -1 : x > y ? 1 : 0);
      });
    }
    body.replaceChildren(...shown.map((row) => {
      const tr = el("tr", "nhsuk-table__row");
      for (const column of columns) {
        const td = el("td", `nhsuk-table__cell${column.numeric ? " nhsuk-table__cell--numeric" : ""}`);
        td.append(el("span", "nhsuk-table-responsive__heading", `${column.label} `));
        const cell = column.cell(row);
        td.append(cell instanceof Node ? cell : document.createTextNode(String(cell)));
        tr.append(td);
      }
      return tr;
    }));
    return shown.length;
  }

  return {
    show(newRows) { rows = newRows; return render(); },
    filter(predicate) { keep = predicate; return render(); },
    sortBy(index, ascending) { order = { index, ascending }; return render(); },
  };
}

// Shows a list page's rows and works its filters form: typing in #find (or changing any of
// `choices`) keeps the rows matching the text and `keep`; #count says "shown of `total` `noun`";
// #sort (the headings are hidden at phone width) offers each sortable column both ways, `first`
// naming the list's own order, kept when nothing else is chosen.
export function showFiltered(table, columns, { rows, total, noun, first, choices = [], keep = () => true }) {
  const [count, find, sort, form] = ["count", "find", "sort", "filters"].map((id) => document.getElementById(id));
  const say = (n) => { count.textContent = `${n} of ${total} ${noun}`; };
  const apply = () => say(table.filter((r) => matchesText(r, find.value) && keep(r)));
  for (const input of [find, ...choices]) input.addEventListener("input", apply);
  const initial = el("option", "", first);
  initial.value = "";
  sort.append(initial);
  columns.forEach((column, index) => {
    if (!column.sort) return;
    for (const ascending of [true, false]) {
      const [up, down] = column.ways || ["A to Z", "Z to A"];
      const option = el("option", "", `${column.label}, ${ascending ? up : down}`);
      option.value = `${index}:${ascending ? "up" : "down"}`;
      sort.append(option);
    }
  });
  sort.addEventListener("input", () => {
    const [index, way] = sort.value.split(":");
    table.sortBy(sort.value ? Number(index) : -1, way !== "down");
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  say(table.show(rows));
}
