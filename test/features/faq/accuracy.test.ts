import { describe, expect, it } from "vitest";
import { evaluateMatcher } from "../../../src/features/faq/evaluate";
import { loadFaqMatcher } from "../../../src/features/faq/load-faq-matcher";
import { FAQ_TOPIC_IDS } from "../../../src/features/faq/topics";
import { LOCALES_DIR, readLabelledQuestions } from "./labelled-questions";

const fixture = readLabelledQuestions("faq-questions.jsonl");

// This fixture is part of the tuning data (the confidence fit reads it); the held-out figures are in
// heldout.test.ts. It stays as a regression check on plainer, fully accented questions.
describe("FAQ accuracy on the plainer tuning questions", () => {
  const matcher = loadFaqMatcher(LOCALES_DIR);
  const report = evaluateMatcher(matcher, fixture);

  it("covers every topic with real-looking questions and enough off-topic chat", () => {
    expect(report.inScopeCount).toBeGreaterThanOrEqual(170);
    expect(report.outOfScopeCount).toBeGreaterThanOrEqual(50);
    const labelled = new Set(fixture.map((item) => item.topic));
    for (const id of FAQ_TOPIC_IDS) expect(labelled).toContain(id);
  });

  it("gives the right topic to at least 90% of in-scope questions", () => {
    expect(report.inScopeTop1Accuracy, JSON.stringify(report.confusionCounts)).toBeGreaterThanOrEqual(0.9);
  });

  it("sends at least 80% of off-topic messages to the menu instead of a wrong answer", () => {
    expect(report.outOfScopeRejection, JSON.stringify(report.confusionCounts)).toBeGreaterThanOrEqual(0.8);
  });
});
