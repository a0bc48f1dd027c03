// The API's routes as a plain page, read from the public /openapi.json: grouped by tag, each with
// its method, path, summary, description, parameters and answers. Nothing is fetched from
// elsewhere, so the page works on a closed network and under the strict policy.

const byId = (id) => document.getElementById(id);
const METHODS = ["get", "post", "put", "patch", "delete"];

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function parameters(operation) {
  const list = el("ul", undefined, "nhsuk-list nhsuk-list--bullet");
  for (const p of operation.parameters || []) {
    const needed = p.required ? "required" : "optional";
    const about = p.description ? `: ${p.description}` : "";
    list.append(el("li", `${p.name} (${p.in}, ${needed})${about}`));
  }
  if (operation.requestBody) list.append(el("li", "a JSON body (see the OpenAPI document for its schema)"));
  return list.childElementCount ? list : null;
}

function route(method, path, operation) {
  const item = el("section", undefined, "nhsuk-card nhsuk-card__content ledger-route");
  const title = el("h3", `${method.toUpperCase()} ${path}`, "ledger-wrap");
  item.append(title);
  if (operation.summary) item.append(el("p", operation.summary, "nhsuk-body nhsuk-u-font-weight-bold"));
  if (operation.description) item.append(el("p", operation.description));
  const given = parameters(operation);
  if (given) item.append(el("p", "Takes:"), given);
  const answers = Object.entries(operation.responses || {}).map(([code, r]) => `${code} ${r.description || ""}`.trim());
  if (answers.length) item.append(el("p", `Answers: ${answers.join("; ")}.`, "ledger-note"));
  return item;
}

async function show() {
  const answer = await fetch("/openapi.json", { headers: { Accept: "application/json" } });
  if (!answer.ok) throw new Error(`the ledger answered ${answer.status}`);
  const spec = await answer.json();
  byId("version").textContent = `${spec.info.title}, version ${spec.info.version}.`;
  const groups = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const tag = (item[method].tags || ["other"])[0];
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push(route(method, path, item[method]));
    }
  }
  for (const [tag, routes] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const section = el("section");
    section.id = `group-${tag.replace(/[^a-z0-9]+/gi, "-")}`;
    section.append(el("h2", tag.charAt(0).toUpperCase() + tag.slice(1)), ...routes);
    byId("routes").append(section);
    const link = el("a", tag);
    link.href = `#${section.id}`;
    const entry = el("li");
    entry.append(link);
    byId("groups").append(entry);
  }
}

show().catch((problem) => {
  byId("problem").textContent = `The routes could not be read: ${problem.message}`;
  byId("problem").hidden = false;
});
