// One self-referral on the Hub's intake page: what the person said, how to reach them, and the
// two ways to confirm it (a new story, or an existing story by a relationship claim).

const REFERRERS = { self: "The person themselves", family: "A family member", carer: "A carer",
  friend: "A friend", police: "The police", housing: "A housing officer", school: "A school or college",
  gp: "A GP practice", social_care: "Social care", other_professional: "Another professional" };

export const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
};

function row(list, label, value) {
  if (value === undefined || value === null || value === "") return;
  list.append(el("dt", "", label), el("dd", "", String(value)));
}

function field(form, id, label, type, value) {
  const group = el("div", "nhsuk-form-group");
  const tag = el("label", "nhsuk-label", label);
  tag.htmlFor = id;
  const input = el("input", "nhsuk-input");
  input.id = id;
  input.name = id.split("-")[0];
  input.type = type;
  if (value) input.value = value;
  group.append(tag, input);
  form.append(group);
  return input;
}

function form(reference, kind, title, details) {
  const box = el("details", "nhsuk-details");
  box.append(el("summary", "nhsuk-details__summary", title));
  const body = el("form", "nhsuk-details__text ledger-confirm");
  body.dataset.reference = reference;
  body.dataset.kind = kind;
  const id = (name) => `${name}-${kind}-${reference}`;
  if (kind === "claim") {
    field(body, id("nhs_number"), "NHS number", "text", details.nhs_number);
    field(body, id("birth_date"), "Date of birth", "date", details.birth_date);
    field(body, id("reason"), "Why the Hub needs their story", "text",
      "asked the Hub for help through the website");
  } else {
    field(body, id("birth_date"), "Date of birth", "date", details.birth_date);
    field(body, id("nhs_number"), "NHS number (optional)", "text", details.nhs_number);
  }
  const send = el("button", "nhsuk-button nhsuk-button--secondary", title);
  send.type = "submit";
  body.append(send);
  box.append(body);
  return box;
}

export function requestCard(request) {
  const details = request.details || {};
  const item = el("li", "nhsuk-card ledger-request");
  item.dataset.reference = request.reference;
  const content = el("div", "nhsuk-card__content");
  const name = details.given_name ? `${details.given_name} ${details.family_name}` : "Details erased";
  const heading = el("h2", "nhsuk-card__heading nhsuk-heading-s", name);
  if (request.urgent) heading.prepend(el("strong", "nhsuk-tag nhsuk-tag--red ledger-urgent", "Urgent"), " ");
  content.append(heading);
  const facts = el("dl", "ledger-facts");
  row(facts, "Reference", request.reference);
  row(facts, "Asked", new Date(request.received_at).toLocaleString("en-GB", { timeZone: "Europe/London" }));
  row(facts, "Referred by", REFERRERS[details.referrer] || null);
  row(facts, "Referrer's name", details.referrer_name);
  row(facts, "Referrer's phone", details.referrer_phone);
  row(facts, "What is going on", details.what_is_going_on);
  row(facts, "What matters most", details.what_matters);
  row(facts, "Phone", details.phone);
  row(facts, "Email", details.email);
  row(facts, "When to call", details.best_time);
  row(facts, "NHS number", details.nhs_number);
  row(facts, "Date of birth", details.birth_date);
  content.append(facts);
  content.append(form(request.reference, "story", "Start a story", details));
  content.append(form(request.reference, "claim", "Attach to their existing story", details));
  item.append(content);
  return item;
}
