// The person's story in plain words: one sentence per entry, needs and channels in words, the
// providers by name ("you" for what the person wrote themselves), never an id or a type name.

export const NEEDS = {
  mental_health: "your mental health", physical_health: "your physical health", housing: "housing",
  debt: "debt", benefits: "benefits", employment: "work", isolation: "feeling alone",
  substance_use: "alcohol or drugs", caring: "caring for someone",
};
const CHANNELS = {
  face_to_face: "in person", telephone: "by phone", video: "by video call", talk_type: "by text relay",
  email: "by email", sms: "by text message", web_chat: "by web chat",
};
const ATTENDANCE = {
  attended: "", did_not_attend: " You did not make it.", cancelled_by_person: " You cancelled it.",
  cancelled_by_provider: " They cancelled it.", late_not_seen: " You arrived too late to be seen.",
};
const PURPOSES = {
  drop_in: "a drop-in", assessment: "an assessment", intervention: "a session of support",
  review: "a review", crisis: "crisis support",
};
const CLOSURES = {
  treatment_complete: "the support is complete", moved_away: "you moved away",
  declined_by_person: "you chose to stop", no_contact: "they could not reach you",
  transferred: "your care moved to another service",
};
export const GOAL_STATUS = {
  not_started: "not started yet", in_progress: "in progress", achieved: "achieved", dropped: "stopped",
};
const WARDS = {
  acute: "hospital", rehab: "rehabilitation", psychiatric_intensive_care: "intensive care",
  crisis_house: "crisis house",
};

export const needsInWords = (needs) => (needs || []).map((n) => NEEDS[n] || "something else").join(", ");

export function dayOf(instant) {
  return new Date(instant).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

// [sentence, words] for one entry; `name(code)` is a provider's name.
export function sentence(event, name) {
  const d = event.data || {};
  const who = event.provider_id === "self" ? "You" : name(event.provider_id);
  switch (event.type) {
    case "PersonRegistered": return [`${who} started your story.`, ""];
    case "DetailsUpdated": return [`${who} updated your details.`, ""];
    case "ConsentRecorded":
      return [d.scope === "research"
        ? `You ${d.given ? "agreed" : "chose not"} to let your record be used for research (recorded by ${who}).`
        : `You ${d.given ? "agreed" : "chose not"} to share your story with community services (recorded by ${who}).`, ""];
    case "ContactRecorded":
      return [`${who}: ${PURPOSES[d.purpose] || "a contact"} ${CHANNELS[d.channel] || ""}.${ATTENDANCE[d.attendance] || ""}`,
        d.summary || ""];
    case "AssessmentRecorded": return [`${who} assessed what you need help with: ${needsInWords(d.needs)}.`, d.summary || ""];
    case "SelfAssessmentSubmitted": return [`You told us what you need help with: ${needsInWords(d.needs)}.`, d.own_words || ""];
    case "PersonNoteAdded": return ["You added a note.", d.note || ""];
    case "ReferralMade": return [`${who} asked ${name(d.to_provider_id)} to help you with ${needsInWords(d.needs)}.`, d.reason || ""];
    case "ReferralAccepted": return [`${who} agreed to help you.`, ""];
    case "ReferralDeclined": return [`${who} could not take you on.`, d.reason || ""];
    case "ReferralClosed": return [`${who} finished supporting you: ${CLOSURES[d.reason] || "the support ended"}.`, ""];
    case "KeyWorkerAssigned": return [`${who} gave you a key worker.`, ""];
    case "KeyWorkerEnded": return [`Your key worker at ${who} stopped working with you.`, ""];
    case "PlanAgreed": return [`You and ${who} agreed a plan.`, ""];
    case "PlanReviewed": return [`You and ${who} looked at how your plan is going.`, ""];
    case "AdmittedToWard": return [`You went into a ${WARDS[d.ward_type] || "hospital"} ward at ${who}.`, ""];
    case "DischargedFromWard": return [`You left the ward at ${who}.`, ""];
    case "RelationshipClaimed": return [`${who} asked to see your story so they can help you.`, d.reason || ""];
    case "EventRetracted": return [`${who} corrected an earlier entry that was recorded by mistake.`, d.reason || ""];
    case "EntryWithheld":
      return ["Something recorded here is not shown to you. Staff hold back an entry when seeing it could "
        + "cause you serious harm, or when it holds someone else's details. You can ask your key worker about it.", ""];
    default: return [`${who} recorded an entry.`, ""];
  }
}

const ROLES = {
  provider: "Staff", key_worker: "A key worker", analyst: "An analyst checking the figures",
  commissioner: "A commissioner", admin: "An administrator", privacy_officer: "A privacy officer",
};

// [who, why, flag] for one read of the story, or null for the person's own allowed reads.
export function reader(read, name) {
  if (read.role === "person") {
    return read.outcome === "allowed" ? null
      : ["Someone signed in as another person tried to open your story", "They were refused.", "Refused"];
  }
  const at = read.provider_id ? ` at ${name(read.provider_id)}` : "";
  const who = `${ROLES[read.role] || "Someone"}${at}`;
  const why = read.reason ? `Their reason: ${read.reason}` : "";
  if (read.outcome === "relationship_claim") return [`${who} said they are helping you`, why, "Relationship claim"];
  if (read.outcome === "allowed_audit_purpose") return [`${who} looked at your record for an audit`, why, "Audit"];
  if (read.outcome === "refused") return [`${who} tried to read your story`, "They were refused.", "Refused"];
  if (read.outcome === "registration_refused") {
    return [`${who} tried to register you again`, "You already have a record, so they were refused.", "Refused"];
  }
  if (read.break_glass) return [`${who} read your story in an emergency`, why, "Emergency access"];
  return [`${who} read your story`, "", ""];
}
