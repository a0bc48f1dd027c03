// The person's own page: their story in plain words, their plan and key worker, who has read
// their story (emergency reads and relationship claims highlighted), and adding a note or their
// own assessment. Everything comes from the API with the person's token, which names one story.

import { explain, say, startPage } from "./layout.js";
import { GOAL_STATUS, NEEDS, dayOf, needsInWords, reader, sentence } from "./my-story-words.js";
import { fieldErrors, readApi, writeApi } from "./session.js";

const byId = (id) => document.getElementById(id);
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
};

function item(when, text, words, className, flag) {
  const li = el("li", className);
  if (flag) li.append(el("strong", "my-flag", flag));
  li.append(el("span", "", text), el("span", "my-when", when));
  if (words) li.append(el("span", "my-words", words));
  return li;
}

function showSupport(story, name) {
  const kw = story.key_worker;
  byId("key-worker").textContent = kw
    ? `Your key worker is at ${name(kw.provider_id)}, since ${dayOf(kw.since)}.`
    : "You do not have a key worker at the moment.";
  const plan = story.plan;
  byId("plan-none").hidden = Boolean(plan);
  byId("plan-goals").replaceChildren(...(plan ? plan.goals : []).map((goal) => el("li", "",
    `${goal.description || "A goal"} (${NEEDS[goal.domain] || "other"}): ${GOAL_STATUS[goal.status] || ""}`)));
  const strengths = plan && (plan.strengths || []).filter(Boolean);
  byId("plan-strengths").hidden = !(strengths && strengths.length);
  byId("plan-strengths").textContent = strengths ? `Your strengths: ${strengths.join(", ")}.` : "";
}

function showStory(story) {
  const name = (code) => story.providers[code] || "a service";
  showSupport(story, name);
  byId("story").replaceChildren(...story.events.map((event) => {
    const [text, words] = sentence(event, name);
    const kind = event.type === "EntryWithheld" ? "my-withheld" : event.provider_id === "self" ? "my-own" : "";
    const li = item(dayOf(event.occurred_at), text, words, kind, "");
    if (event.retracted) li.append(el("span", "my-words", "This entry was recorded by mistake."));
    return li;
  }));
  const assessments = story.events.filter((e) => !e.retracted
    && (e.type === "AssessmentRecorded" || e.type === "SelfAssessmentSubmitted"));
  byId("assessments").replaceChildren(...assessments.map((event) => {
    const own = event.type === "SelfAssessmentSubmitted";
    const [text, words] = sentence(event, name);
    const extra = own ? [event.data.what_matters && `What matters to you: ${event.data.what_matters}`,
      (event.data.strengths || []).length ? `Your strengths: ${event.data.strengths.join(", ")}` : ""]
      : [(event.data.strengths || []).length ? `Strengths: ${event.data.strengths.join(", ")}` : ""];
    const all = [words, ...extra].filter(Boolean).join("\n");
    return item(dayOf(event.occurred_at), text, all, own ? "my-own" : "", own ? "Your own" : "Professional");
  }));
  if (!assessments.length) byId("assessments").append(el("li", "", "No assessments yet."));
}

function showLog(log) {
  const name = (code) => log.providers[code] || "a service";
  const own = log.reads.filter((read) => read.role === "person" && read.outcome === "allowed").length;
  byId("own-reads").textContent = `You have looked at your story ${own} ${own === 1 ? "time" : "times"}.`;
  const others = log.reads.map((read) => [read, reader(read, name)]).filter(([, said]) => said).reverse();
  byId("access-log").replaceChildren(...others.map(([read, [who, why, flag]]) =>
    item(dayOf(read.at), who, why, flag ? "my-flagged" : "", flag)));
  if (!others.length) byId("access-log").append(el("li", "", "Nobody else has read your story yet."));
}

async function refresh(personId) {
  showStory(await readApi(`/people/${personId}/story`));
  showLog(await readApi(`/people/${personId}/access-log`));
}

async function send(personId, type, data, problem) {
  const body = { type, occurred_at: new Date().toISOString(), data };
  const answer = await writeApi(`/people/${personId}/events`, body, { idempotencyKey: crypto.randomUUID() });
  if (answer.status === 201) return true;
  const errors = fieldErrors(answer.body);
  byId(problem).textContent = Object.values(errors).join(" ") || `The ledger answered ${answer.status}.`;
  byId(problem).hidden = false;
  return false;
}

function wire(personId) {
  byId("needs").replaceChildren(...Object.entries(NEEDS).map(([code, words]) => {
    const box = el("div", "nhsuk-checkboxes__item");
    const input = el("input", "nhsuk-checkboxes__input");
    Object.assign(input, { type: "checkbox", id: `need-${code}`, value: code, name: "needs" });
    const label = el("label", "nhsuk-label nhsuk-checkboxes__label", words[0].toUpperCase() + words.slice(1));
    label.htmlFor = input.id;
    box.append(input, label);
    return box;
  }));
  byId("note-form").addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    byId("note-error").hidden = true;
    if (await send(personId, "PersonNoteAdded", { note: byId("note").value }, "note-error")) {
      byId("note").value = "";
      byId("note-done").textContent = "Your note is in your story.";
      await refresh(personId).catch(explain);
    }
  });
  byId("sa-form").addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    byId("sa-error").hidden = true;
    const needs = [...document.querySelectorAll("#needs input:checked")].map((box) => box.value);
    const strengths = byId("strengths").value.split("\n").map((s) => s.trim()).filter(Boolean);
    const data = { self_assessment_id: `sa-${Date.now()}`, needs, strengths };
    if (byId("own-words").value.trim()) data.own_words = byId("own-words").value;
    if (byId("what-matters").value.trim()) data.what_matters = byId("what-matters").value;
    if (await send(personId, "SelfAssessmentSubmitted", data, "sa-error")) {
      byId("sa-form").reset();
      byId("sa-done").textContent = `Thank you. Your assessment (${needsInWords(needs) || "no needs chosen"}) is in your story.`;
      await refresh(personId).catch(explain);
    }
  });
}

const claims = await startPage({ roles: ["person"] });
if (claims && claims.person_id) {
  byId("mine").hidden = false;
  wire(claims.person_id);
  try {
    await refresh(claims.person_id);
  } catch (problem) {
    byId("mine").hidden = true;
    explain(problem);
  }
} else if (claims) {
  say("This sign-in link names no story.");
}
