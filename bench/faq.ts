import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LabelledQuestion } from "../src/features/faq/evaluate";
import { evaluateMatcher } from "../src/features/faq/evaluate";
import { loadFaqMatcher } from "../src/features/faq/load-faq-matcher";
import { round } from "./median";

/**
 * FAQ quality on the held-out questions (test/fixtures/faq/heldout.jsonl: chat styles, near-domain
 * off-topic questions, never used for tuning) and per-question match latency.
 */
export function measureFaq(root: string) {
  const matcher = loadFaqMatcher(join(root, "locales"));
  const labelled = readFileSync(join(root, "test/fixtures/faq/heldout.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledQuestion);
  const e = evaluateMatcher(matcher, labelled);
  return {
    accuracy: round(e.inScopeTop1Accuracy, 3),
    outOfScopeRejection: round(e.outOfScopeRejection, 3),
    p50Ms: round(e.p50Ms, 3),
    p99Ms: round(e.p99Ms, 3),
    questions: labelled.length,
    inScope: e.inScopeCount,
    outOfScope: e.outOfScopeCount,
  };
}
