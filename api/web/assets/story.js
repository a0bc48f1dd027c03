// A person's story page, /story?person=<id>: the summary, the timeline, who read it recently, and
// the forms that record care. `&do=accept|decline|first-contact&referral=<id>` opens that form
// filled in. A reader with no care relationship (or an analyst) is asked for a reason first.

import { explain, say, startPage } from "./layout.js";
import { reasonError, readProviders, readSummary } from "./story-api.js";
import { ADMISSION, ASSESSMENT, CONTACT, DISCHARGE, KEY_WORKER } from "./story-form-care.js";
import { buildForm, refreshForm } from "./story-form-kit.js";
import { PLAN, REVIEW } from "./story-form-plans.js";
import { ACCEPT, DECLINE, REFERRAL } from "./story-form-referrals.js";
import { showSummary } from "./story-view.js";
import { SERVICES } from "./story-words.js";

const SPECS = [CONTACT, ASSESSMENT, REFERRAL, ACCEPT, DECLINE, PLAN, REVIEW, KEY_WORKER, ADMISSION, DISCHARGE];
const DO = { accept: ACCEPT, decline: DECLINE, "first-contact": CONTACT };
const byId = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
const state = { personId: params.get("person"), version: null, summary: null, providers: [], claims: null, reason: null, forms: [] };

function show(summary) {
  state.summary = summary;
  state.version = summary.version;
  showSummary(summary);
  for (const [details, spec] of state.forms) refreshForm(details, spec, state);
}

state.reload = async (after) => {
  try {
    show(await readSummary(state.personId, { after, reason: state.reason, analyst: state.claims.role === "analyst" }));
  } catch (problem) {
    explain(problem);
  }
};

state.recorded = async (title, version, position) => {
  await state.reload(position);
  const done = byId("recorded");
  done.textContent = `Recorded (${title.toLowerCase()}). The story is now at version ${version}; the new entry is in the timeline below.`;
  done.hidden = false;
  done.focus();
};

// Opens the form a link asked for, with its referral chosen.
function openAsked() {
  const spec = DO[params.get("do")];
  if (!spec) return;
  const details = byId(spec.id);
  details.open = true;
  const form = details.querySelector("form");
  const referral = form.querySelector('[name="data.referral_id"]');
  if (referral && params.get("referral")) referral.value = params.get("referral");
  if (params.get("do") === "first-contact") {
    form.querySelector('[name="data.purpose"]').value = "assessment";
    form.querySelector('[name="data.channel"]').value = "face_to_face";
  }
  details.scrollIntoView();
  (referral || form.querySelector("select, input:not([type=hidden]), textarea")).focus();
}

async function opened(summary) {
  show(summary);
  byId("ask-reason").hidden = true;
  const writes = ["provider", "key_worker"].includes(state.claims.role) && !state.reason;
  byId("emergency").hidden = !(state.reason && state.claims.role !== "analyst");
  byId("record").hidden = !writes;
  if (!writes) return;
  state.providers = (await readProviders()).map((p) => ({ ...p, service_words: SERVICES[p.service] || p.service }));
  state.forms = SPECS.map((spec) => [buildForm(spec, state), spec]);
  byId("forms").replaceChildren(...state.forms.map(([details]) => details));
  openAsked();
}

// Asks why before a break-glass read (or an analyst's audit read), then reads with the reason.
function askReason(why) {
  const analyst = state.claims.role === "analyst";
  byId("ask-why").textContent = why;
  byId("ask-label").textContent = analyst ? "The purpose of your audit" : "Why you must read it now";
  byId("ask-send").textContent = analyst ? "Read for the audit" : "Read in an emergency";
  byId("ask-reason").hidden = false;
  byId("ask-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const reason = byId("ask-text").value.trim();
    const group = byId("ask-group");
    try {
      const summary = await readSummary(state.personId, { reason, analyst });
      state.reason = reason;
      await opened(summary);
    } catch (problem) {
      const error = reasonError(problem.body);
      group.classList.toggle("nhsuk-form-group--error", Boolean(error));
      byId("ask-error").textContent = error ? `${error}` : "";
      byId("ask-error").hidden = !error;
      if (!error) explain(problem);
    }
  });
}

async function main() {
  state.claims = await startPage({ roles: ["key_worker", "provider", "analyst"] });
  if (!state.claims) return;
  if (!state.personId) {
    say("No person was named: open a story from your list of people or the waiting list.");
    return;
  }
  if (state.claims.role === "analyst") {
    askReason("Analysts read a person's story only for a stated audit purpose; it goes in the person's access log.");
    return;
  }
  try {
    await opened(await readSummary(state.personId));
  } catch (problem) {
    if (problem.status !== 404) return explain(problem);
    askReason("You have no care relationship with this person (or there is no such story). In an emergency you may "
      + "read it anyway (break-glass): the read and your reason are flagged for review, and the person's key worker sees them.");
  }
}

main();
