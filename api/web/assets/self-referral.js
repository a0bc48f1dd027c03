// The public front door: sends the form to POST /self-referrals (no token) and shows the
// reference, what happens next and, for someone in crisis, the crisis lines at once.

const $ = (id) => document.getElementById(id);
const TEXT_FIELDS = ["given_name", "family_name", "what_is_going_on", "what_matters", "phone", "email",
  "best_time", "nhs_number", "birth_date", "website"];
const LABELS = { given_name: "First name", family_name: "Last name", what_is_going_on: "What is going on",
  what_matters: "What matters most", phone: "Phone number", email: "Email address", best_time: "When to call",
  nhs_number: "NHS number", birth_date: "Date of birth", referrer_name: "Your name",
  referrer_phone: "Your phone number", agreed: "Their agreement", referrer: "How you know them",
  website: "The form", in_crisis: "Crisis" };
const TOO_MANY = "Too many requests have come from this connection lately. Please call the Hub instead, or try later.";

function forSomeoneElse() {
  return $("for-other").checked;
}

function showWho() {
  const other = forSomeoneElse();
  $("referrer-part").hidden = !other;
  $("person-legend").textContent = other ? "About the person who needs help" : "About you";
}

function request() {
  const body = {};
  for (const name of TEXT_FIELDS) {
    const value = $(name).value.trim();
    if (value || name === "website") body[name] = name === "website" ? $(name).value : value;
  }
  body.in_crisis = $("in_crisis").checked;
  if (forSomeoneElse()) {
    body.referrer = $("referrer").value;
    body.agreed = $("agreed").checked;
    for (const name of ["referrer_name", "referrer_phone"]) {
      const value = $(name).value.trim();
      if (value) body[name] = value;
    }
  }
  return body;
}

function clearProblems() {
  $("problem").hidden = true;
  $("problem-list").replaceChildren();
  for (const group of document.querySelectorAll(".nhsuk-form-group--error")) {
    group.classList.remove("nhsuk-form-group--error");
  }
  for (const message of document.querySelectorAll(".ledger-field-error")) message.remove();
}

function showProblems(problems) {
  for (const [field, message] of problems) {
    const item = document.createElement("li");
    const input = $(field);
    const link = document.createElement("a");
    link.textContent = `${LABELS[field] || "The form"}: ${message}`;
    link.href = input ? `#${field}` : "#referral";
    item.append(link);
    $("problem-list").append(item);
    const group = input && input.closest(".nhsuk-form-group");
    if (group) {
      group.classList.add("nhsuk-form-group--error");
      const note = document.createElement("span");
      note.className = "nhsuk-error-message ledger-field-error";
      note.textContent = message;
      group.insertBefore(note, input);
    }
  }
  $("problem").hidden = false;
  $("problem").focus();
}

function problemsOf(status, body) {
  if (status === 429) return [["_", TOO_MANY]];
  if (body && Array.isArray(body.detail)) {
    return body.detail.map((item) => {
      const field = (item.loc || []).filter((part) => part !== "body")[0] || "_";
      const said = String(item.msg || "").replace(/^[a-z_]+: /, "");
      const message = /pattern|at most 0/.test(said) ? "this does not look right; please check it" : said;
      return [String(field), message];
    });
  }
  return [["_", "The request could not be sent. Please try again, or call the Hub."]];
}

function showAnswer(answer) {
  $("referral").hidden = true;
  $("reference").textContent = answer.reference;
  $("next").textContent = answer.what_happens_next;
  const lines = answer.crisis_lines || [];
  $("crisis").hidden = lines.length === 0;
  for (const line of lines) {
    const item = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = line.name;
    item.append(name, `: ${line.how}`);
    $("crisis-lines").append(item);
  }
  $("answer").hidden = false;
  $("answer").scrollIntoView();
}

async function send(event) {
  event.preventDefault();
  clearProblems();
  $("send").disabled = true;
  try {
    const answer = await fetch("/self-referrals", {
      method: "POST", cache: "no-store", body: JSON.stringify(request()),
      headers: { "Content-Type": "application/json", Accept: "application/json" },
    });
    const body = await answer.json().catch(() => null);
    if (answer.status === 202 && body) showAnswer(body);
    else showProblems(problemsOf(answer.status, body));
  } catch {
    showProblems([["_", "The Hub could not be reached. Please try again, or call the Hub."]]);
  } finally {
    $("send").disabled = false;
  }
}

$("for-me").addEventListener("change", showWho);
$("for-other").addEventListener("change", showWho);
$("referral").addEventListener("submit", send);
showWho();
