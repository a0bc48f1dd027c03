// The story forms' fields in the NHS.UK design system: building them from a field spec, reading
// their values as the API wants them, and showing the API's field errors beside them.
// A spec: {name: "data.channel" (the API's own loc, so its errors land here), label, kind:
// "select" | "text" | "textarea" | "number" | "datetime" | "checkbox" | "checkboxes" | "lines" |
// "hidden", options: [[code, words]] or (state) => [[code, words]], hint, value: (state) => default}.

import { el } from "./story-view.js";

const idOf = (formId, name) => `${formId}-${name.replace(/[^A-Za-z0-9]+/g, "-")}`;

export const optionsOf = (field, state) => (typeof field.options === "function" ? field.options(state) : field.options || []);

export function setOptions(select, options, blank) {
  const chosen = select.value;
  const nodes = blank ? [el("option", null, blank)] : [];
  if (blank) nodes[0].value = "";
  for (const [code, words] of options) {
    const option = el("option", null, words);
    option.value = code;
    nodes.push(option);
  }
  select.replaceChildren(...nodes);
  if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
}

function choices(field, id, state, type) {
  const box = el("div", "nhsuk-checkboxes");
  const options = type === "checkbox" ? [["true", field.label]] : optionsOf(field, state);
  options.forEach(([code, words], i) => {
    const item = el("div", "nhsuk-checkboxes__item");
    const input = el("input", "nhsuk-checkboxes__input");
    Object.assign(input, { type: "checkbox", id: `${id}-${i}`, name: field.name, value: code });
    const label = el("label", "nhsuk-label nhsuk-checkboxes__label", words);
    label.htmlFor = input.id;
    item.append(input, label);
    box.append(item);
  });
  return box;
}

function control(field, id, state) {
  const kind = field.kind || "text";
  if (kind === "select") {
    const select = el("select", "nhsuk-select");
    setOptions(select, optionsOf(field, state), field.blank);
    return select;
  }
  if (kind === "textarea" || kind === "lines") return Object.assign(el("textarea", "nhsuk-textarea"), { rows: 3 });
  const input = el("input", kind === "number" ? "nhsuk-input nhsuk-input--width-4" : "nhsuk-input");
  input.type = { number: "text", datetime: "datetime-local" }[kind] || "text";
  if (kind === "number") input.inputMode = "numeric";
  return input;
}

// One field in its form group: label, hint, error line and control (or a hidden input).
export function fieldGroup(field, formId, state) {
  const id = idOf(formId, field.name);
  if (field.kind === "hidden") return Object.assign(el("input"), { type: "hidden", name: field.name, id });
  const group = el(field.kind === "checkboxes" ? "fieldset" : "div", "nhsuk-form-group");
  group.dataset.field = field.name;
  const error = el("p", "nhsuk-error-message");
  error.id = `${id}-error`;
  error.hidden = true;
  const hint = field.hint ? el("div", "nhsuk-hint", field.hint) : null;
  if (hint) hint.id = `${id}-hint`;
  const described = [hint?.id, error.id].filter(Boolean).join(" ");
  if (field.kind === "checkboxes" || field.kind === "checkbox") {
    if (field.kind === "checkboxes") group.append(el("legend", "nhsuk-fieldset__legend nhsuk-fieldset__legend--s", field.label));
    const box = choices(field, id, state, field.kind);
    box.querySelectorAll("input").forEach((input) => input.setAttribute("aria-describedby", described));
    group.append(...[hint, error, box].filter(Boolean));
    return group;
  }
  const label = el("label", "nhsuk-label", field.label);
  label.htmlFor = id;
  const input = control(field, id, state);
  Object.assign(input, { id, name: field.name });
  input.setAttribute("aria-describedby", described);
  group.append(...[label, hint, error, input].filter(Boolean));
  return group;
}

function typed(field, form) {
  const inputs = [...form.querySelectorAll(`[name="${field.name}"]`)];
  const raw = inputs[0]?.value ?? "";
  switch (field.kind) {
    case "checkbox": return inputs[0].checked;
    case "checkboxes": return inputs.filter((i) => i.checked).map((i) => i.value);
    case "lines": return raw.split("\n").map((line) => line.trim()).filter(Boolean);
    case "number": return /^\s*\d+\s*$/.test(raw) ? Number(raw) : (raw.trim() || undefined);
    case "datetime": return raw && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : (raw || undefined);
    default: return raw.trim() || undefined;
  }
}

// The form's values by field name, typed as the API wants them (blank text is left out).
export function valuesOf(fields, form) {
  return Object.fromEntries(fields.map((field) => [field.name, typed(field, form)]));
}

// Shows each error beside the field whose name is its loc (or the nearest enclosing one);
// answers the errors no field claimed.
export function showFieldErrors(form, errors) {
  const left = [];
  for (const [where, message] of Object.entries(errors)) {
    let name = where;
    let group = null;
    while (name && !(group = form.querySelector(`[data-field="${CSS.escape(name)}"]`))) {
      name = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "";
    }
    if (!group) { left.push(message); continue; }
    group.classList.add("nhsuk-form-group--error");
    const line = group.querySelector(".nhsuk-error-message");
    line.textContent = message;
    line.hidden = false;
  }
  return left;
}

export function clearFieldErrors(form) {
  form.querySelectorAll(".nhsuk-form-group--error").forEach((group) => group.classList.remove("nhsuk-form-group--error"));
  form.querySelectorAll(".nhsuk-error-message").forEach((line) => { line.hidden = true; line.textContent = ""; });
}
