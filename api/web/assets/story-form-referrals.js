// The story page's referral forms: a referral on (to a provider chosen by name and service), and
// the receiving service's decision on a referral (accept, or decline with a reason).

import { freshId } from "./story-form-kit.js";
import { WHEN, providerOptions, recorded, referralLabel } from "./story-form-care.js";
import { NEEDS, PRIORITIES, SOURCES, sourceOf } from "./story-words.js";

const plural = (n) => `${n} day${n === 1 ? "" : "s"}`;

// Referrals to the caller's own service still waiting for a decision.
export const undecided = (state) => state.summary.open_referrals
  .filter((r) => r.to_provider_id === state.claims.provider_id && !r.accepted);
const undecidedOptions = (state) => undecided(state)
  .map((r) => [r.referral_id, `${referralLabel(r)} (waiting ${plural(r.days_waited)})`]);
const noneWaiting = (state) => (undecided(state).length ? "" : "No referral to your service is waiting for a decision.");

export const REFERRAL = {
  id: "record-referral", title: "Refer on to another service",
  fields: [
    { name: "data.referral_id", kind: "hidden", value: () => freshId("referral") },
    { name: "data.to_provider_id", label: "Refer to", kind: "select", blank: "Choose a service",
      options: providerOptions, hint: "Services by name, with what they do." },
    { name: "data.priority", label: "Priority", kind: "select", options: PRIORITIES },
    { name: "data.source", label: "Referred by", kind: "select", options: SOURCES,
      value: (state) => sourceOf(state.providers.find((p) => p.provider_id === state.claims.provider_id)?.service) },
    { name: "data.needs", label: "Needs the referral is for", kind: "checkboxes", options: NEEDS },
    { name: "data.reason", label: "Reason (optional)", kind: "textarea" },
    WHEN,
  ],
  body: recorded("ReferralMade", "referral_id", "to_provider_id", "priority", "source", "needs", "reason"),
};

export const ACCEPT = {
  id: "record-accept", title: "Accept a referral", send: "Accept",
  unavailable: noneWaiting,
  fields: [
    { name: "data.referral_id", label: "Referral", kind: "select", options: undecidedOptions },
    WHEN,
  ],
  body: recorded("ReferralAccepted", "referral_id"),
};

export const DECLINE = {
  id: "record-decline", title: "Decline a referral", send: "Decline",
  unavailable: noneWaiting,
  fields: [
    { name: "data.referral_id", label: "Referral", kind: "select", options: undecidedOptions },
    { name: "data.reason", label: "Why it is declined", kind: "textarea" },
    { name: "data.signposted_to_provider_id", label: "Signposted to (optional)", kind: "select",
      blank: "Nowhere", options: providerOptions },
    WHEN,
  ],
  body: recorded("ReferralDeclined", "referral_id", "reason", "signposted_to_provider_id"),
};
