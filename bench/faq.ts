import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LabelledQuestion } from "../src/features/faq/evaluate";
import { evaluateMatcher } from "../src/features/faq/evaluate";
import { loadFaqMatcher } from "../src/features/faq/load-faq-matcher";
import { round } from "./median";

/**
 * FAQ quality on the held-out questions (test/fixtures/faq/heldout.jsonl, heldout-2 and heldout-3: chat styles,
 * near-domain off-topic questions, never used for tuning) and per-question match latency over all three.
 */
export function measureFaq(root: string) {
  const started = performance.now();
  const matcher = loadFaqMatcher(join(root, "locales"));
  const buildMs = performance.now() - started;
  const read = (file: string) =>
    readFileSync(join(root, "test/fixtures/faq", file), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LabelledQuestion);
  const first = read("heldout.jsonl");
  const second = read("heldout-2.jsonl");
  const third = read("heldout-3.jsonl");
  const e = evaluateMatcher(matcher, first);
  const e2 = evaluateMatcher(matcher, second);
  const e3 = evaluateMatcher(matcher, third);
  const timing = evaluateMatcher(matcher, [...first, ...second, ...third]);
  return {
    accuracy: round(e.inScopeTop1Accuracy, 3),
    outOfScopeRejection: round(e.outOfScopeRejection, 3),
    questions: first.length,
    inScope: e.inScopeCount,
    outOfScope: e.outOfScopeCount,
    second: {
      accuracy: round(e2.inScopeTop1Accuracy, 3),
      outOfScopeRejection: round(e2.outOfScopeRejection, 3),
      questions: second.length,
      inScope: e2.inScopeCount,
      outOfScope: e2.outOfScopeCount,
    },
    third: {
      accuracy: round(e3.inScopeTop1Accuracy, 3),
      outOfScopeRejection: round(e3.outOfScopeRejection, 3),
      questions: third.length,
      inScope: e3.inScopeCount,
      outOfScope: e3.outOfScopeCount,
    },
    p50Ms: round(timing.p50Ms, 3),
    p99Ms: round(timing.p99Ms, 3),
    /** Building the matcher (index and classifier training), once at start-up. */
    buildMs: round(buildMs, 1),
  };
}
