import type { HealthAnswers } from "./visit-store";

/** The questions in the order they are asked; each is a locale key `checkin:questions.<name>`. */
export const HEALTH_QUESTIONS = [
  "symptoms",
  "closeContact",
  "travel",
] as const satisfies readonly (keyof HealthAnswers)[];

export type HealthQuestion = (typeof HEALTH_QUESTIONS)[number];

/** A "yes" to any question: the person gets the official advice and officers see the visit flagged. */
export function needsAdvice(answers: HealthAnswers | null | undefined): boolean {
  return answers ? answers.symptoms || answers.closeContact || answers.travel : false;
}
