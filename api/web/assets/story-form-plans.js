// The story page's plan forms: agreeing a plan (up to four goals, each a need and a description,
// and the person's strengths) and reviewing the current plan's goals.

import { freshId } from "./story-form-kit.js";
import { WHEN, event } from "./story-form-care.js";
import { GOAL_STATUSES, NEEDS } from "./story-words.js";

const ROWS = [0, 1, 2, 3];
const goalFields = ROWS.flatMap((i) => [
  { name: `data.goals.${i}.domain`, label: `Goal ${i + 1}: the need it meets`, kind: "select", blank: "No goal", options: NEEDS },
  { name: `data.goals.${i}.description`, label: `Goal ${i + 1}: in the person's words`, kind: "text" },
]);

export const PLAN = {
  id: "record-plan", title: "Agree a plan",
  rule: "The newest plan agreed is the person's current plan.",
  fields: [
    { name: "data.plan_id", kind: "hidden", value: () => freshId("plan") },
    ...goalFields,
    { name: "data.strengths", label: "Strengths (one a line)", kind: "lines" },
    WHEN,
  ],
  body: (v) => event("PlanAgreed", v, {
    plan_id: v["data.plan_id"], strengths: v["data.strengths"],
    goals: ROWS.filter((i) => v[`data.goals.${i}.domain`] || v[`data.goals.${i}.description`])
      .map((i) => ({ goal_id: `g-${i + 1}`, domain: v[`data.goals.${i}.domain`], description: v[`data.goals.${i}.description`] })) }),
};

const goals = (state) => state.summary.plan?.goals || [];

export const REVIEW = {
  id: "record-review", title: "Review the plan",
  key: (state) => state.summary.plan?.plan_id || "",
  unavailable: (state) => (state.summary.plan ? "" : "No plan has been agreed yet."),
  fields: (state) => [
    { name: "data.plan_id", kind: "hidden", follows: true, value: (s) => s.summary.plan?.plan_id || "" },
    ...goals(state).map((goal, i) => ({
      name: `data.progress.${i}.status`, label: `${goal.description ?? "(erased)"} (${goal.domain_words})`,
      kind: "select", options: GOAL_STATUSES, value: () => goal.status })),
    WHEN,
  ],
  body: (v, state) => event("PlanReviewed", v, {
    plan_id: v["data.plan_id"],
    progress: goals(state).map((goal, i) => ({ goal_id: goal.goal_id, status: v[`data.progress.${i}.status`] })) }),
};
