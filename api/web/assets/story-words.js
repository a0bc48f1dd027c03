// The catalogue's closed lists as the story page's forms offer them: [code, words] in the order a
// person would choose. The API keeps the codes; the page shows only the words.

export const CHANNELS = [
  ["face_to_face", "Face to face"], ["telephone", "Telephone"], ["video", "Video call"],
  ["talk_type", "Talk Type"], ["email", "Email"], ["sms", "Text message"], ["web_chat", "Web chat"],
];
export const ATTENDANCE = [
  ["attended", "Attended"], ["did_not_attend", "Did not attend"],
  ["cancelled_by_person", "Cancelled by the person"], ["cancelled_by_provider", "Cancelled by us"],
  ["late_not_seen", "Arrived late, not seen"],
];
export const PURPOSES = [
  ["assessment", "Assessment"], ["review", "Review"], ["intervention", "Intervention"],
  ["drop_in", "Drop-in"], ["crisis", "Crisis"],
];
export const NEEDS = [
  ["mental_health", "Mental health"], ["physical_health", "Physical health"], ["housing", "Housing"],
  ["debt", "Debt"], ["benefits", "Benefits"], ["employment", "Employment"],
  ["isolation", "Isolation"], ["substance_use", "Substance use"], ["caring", "Caring for someone"],
];
export const RISKS = [["low", "Low"], ["medium", "Medium"], ["high", "High"]];
export const PRIORITIES = [
  ["routine", "Routine"], ["urgent", "Urgent"], ["very_urgent", "Very urgent"], ["emergency", "Emergency"],
];
export const SOURCES = [
  ["secondary", "Secondary care"], ["hub", "The Hub"], ["gp", "A GP practice"],
  ["network", "A Network service"], ["self", "The person themselves"], ["police", "The police"],
  ["housing", "Housing"], ["family", "Family"], ["other", "Other"],
];
export const GOAL_STATUSES = [
  ["not_started", "Not started"], ["in_progress", "In progress"], ["achieved", "Achieved"],
  ["dropped", "Dropped"],
];
export const WARD_TYPES = [
  ["acute", "Acute"], ["rehab", "Rehabilitation"],
  ["psychiatric_intensive_care", "Psychiatric intensive care"], ["crisis_house", "Crisis house"],
];
export const DESTINATIONS = [
  ["own_home", "Their own home"], ["supported_housing", "Supported housing"], ["family", "Family"],
  ["care_home", "A care home"], ["another_ward", "Another ward"], ["other", "Somewhere else"],
];
export const SERVICES = {
  hub: "Hub", gp: "GP practice", housing: "housing", debt: "debt advice", employment: "employment",
  benefits: "benefits advice", peer_support: "peer support", cmht: "community mental health team",
  home_treatment: "home treatment", psychosis: "early intervention in psychosis",
  rehab_ward: "rehabilitation ward", acute_ward: "acute ward", supported_housing: "supported housing",
  other: "other service",
};
const NETWORK = ["housing", "debt", "employment", "benefits", "peer_support"];

// The referral source a service's own referral carries (a team's referral comes from secondary care).
export function sourceOf(service) {
  if (service === "hub" || service === "gp") return service;
  return NETWORK.includes(service) ? "network" : "secondary";
}

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" });

export const dayOf = (instant) => DAY.format(new Date(instant));
export const timeOf = (instant) => TIME.format(new Date(instant));
export const nhsNumber = (digits) => (digits ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : "Not recorded");
