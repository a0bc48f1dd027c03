// The story page's care forms: a contact, an assessment, a key worker, a ward admission and a
// discharge. Each field's name is the API's own loc, so its errors are shown beside the field.

import { freshId } from "./story-form-kit.js";
import { ATTENDANCE, CHANNELS, DESTINATIONS, NEEDS, PURPOSES, RISKS, WARD_TYPES, dayOf } from "./story-words.js";

const pad = (n) => String(n).padStart(2, "0");
export function localNow() {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
export const WHEN = { name: "occurred_at", label: "When it happened", kind: "datetime", value: localNow,
  hint: "Your local date and time. An entry dated before others already in the story is marked “written up late”." };
const hidden = (name, prefix) => ({ name, kind: "hidden", value: () => freshId(prefix) });

export const referralLabel = (r) => `From ${r.from_provider_name} to ${r.to_provider_name}, received ${dayOf(r.received_at)}`;
export const providerOptions = (state) => state.providers.map((p) => [p.provider_id, `${p.name} (${p.service_words})`]);

export const event = (type, values, data) => ({ type, occurred_at: values.occurred_at, data });
// A form's body whose data is the named fields as typed: recorded("X", "a", "b") sends
// {type: "X", occurred_at, data: {a: values["data.a"], b: values["data.b"]}}.
export const recorded = (type, ...names) => (values) =>
  event(type, values, Object.fromEntries(names.map((name) => [name, values[`data.${name}`]])));

export const CONTACT = {
  id: "record-contact", title: "Record a contact",
  rule: "A web-chat, email or text contact does not end a referral's wait; an attended face-to-face, telephone, video or Talk Type contact by the receiving service does.",
  fields: [
    hidden("data.contact_id", "contact"),
    { name: "data.referral_id", label: "About a referral", kind: "select", blank: "Not about a particular referral",
      options: (state) => state.summary.open_referrals.map((r) => [r.referral_id, referralLabel(r)]) },
    { name: "data.channel", label: "How", kind: "select", options: CHANNELS },
    { name: "data.attendance", label: "Attendance", kind: "select", options: ATTENDANCE },
    { name: "data.purpose", label: "Purpose", kind: "select", options: PURPOSES },
    { name: "data.duration_minutes", label: "Length in minutes", kind: "number", hint: "A whole number, 0 to 1440." },
    { name: "data.summary", label: "What happened (optional)", kind: "textarea" },
    WHEN,
  ],
  body: recorded("ContactRecorded", "contact_id", "referral_id", "channel", "attendance", "purpose",
    "duration_minutes", "summary"),
};

export const ASSESSMENT = {
  id: "record-assessment", title: "Record an assessment",
  fields: [
    hidden("data.assessment_id", "assessment"),
    { name: "data.needs", label: "Needs found", kind: "checkboxes", options: NEEDS },
    { name: "data.strengths", label: "Strengths (one a line)", kind: "lines" },
    { name: "data.risk", label: "Risk", kind: "select", options: RISKS },
    { name: "data.summary", label: "Summary (optional)", kind: "textarea" },
    WHEN,
  ],
  body: recorded("AssessmentRecorded", "assessment_id", "needs", "strengths", "risk", "summary"),
};

export const KEY_WORKER = {
  id: "record-key-worker", title: "Assign a key worker",
  fields: [
    { name: "data.key_worker_staff_id", label: "Key worker's staff id", kind: "text",
      hint: "The key worker works at your service; they replace any current key worker.",
      value: (state) => (state.claims.role === "key_worker" ? state.claims.sub : "") },
    WHEN,
  ],
  body: recorded("KeyWorkerAssigned", "key_worker_staff_id"),
};

export const ADMISSION = {
  id: "record-admission", title: "Record a ward admission",
  unavailable: (state) => (state.summary.ward_stay ? "The person is on a ward now: record the discharge first." : ""),
  fields: [
    hidden("data.stay_id", "stay"),
    { name: "data.ward_type", label: "Ward", kind: "select", options: WARD_TYPES },
    { name: "data.out_of_area", label: "Out of area", kind: "checkbox" },
    WHEN,
  ],
  body: recorded("AdmittedToWard", "stay_id", "ward_type", "out_of_area"),
};

export const DISCHARGE = {
  id: "record-discharge", title: "Record a discharge from a ward",
  unavailable: (state) => (state.summary.ward_stay ? "" : "The person is not on a ward."),
  fields: [
    { name: "data.stay_id", kind: "hidden", follows: true, value: (state) => state.summary.ward_stay?.stay_id || "" },
    { name: "data.destination", label: "Discharged to", kind: "select", options: DESTINATIONS },
    { name: "data.support_provider_id", label: "Support after discharge (optional)", kind: "select",
      blank: "No service named", options: providerOptions },
    WHEN,
  ],
  body: recorded("DischargedFromWard", "stay_id", "destination", "support_provider_id"),
};
