import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LabelledQuestion } from "../src/features/faq/evaluate";
import { evaluateMatcher } from "../src/features/faq/evaluate";
import { loadFaqMatcher } from "../src/features/faq/load-faq-matcher";
import { round } from "./median";

/**
 * FAQ quality on every held-out set (test/fixtures/faq/heldout*.jsonl: chat styles, near-domain off-topic
 * questions, never used for tuning), each reported on its own because they were written by different people
 * at different times, and per-question match latency over all of them.
 */
export function measureFaq(root: string) {
  const started = performance.now();
  const matcher = loadFaqMatcher(join(root, "locales"));
  const buildMs = performance.now() - started;
  const dir = join(root, "test/fixtures/faq");
  const read = (file: string) =>
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LabelledQuestion);
  const files = readdirSync(dir)
    .filter((f) => /^heldout(-\d+)?\.jsonl$/.test(f))
    .sort((a, b) => setNumber(a) - setNumber(b));
  const all: LabelledQuestion[] = [];
  const sets = files.map((file) => {
    const questions = read(file);
    all.push(...questions);
    const e = evaluateMatcher(matcher, questions);
    return {
      file,
      questions: questions.length,
      inScope: e.inScopeCount,
      outOfScope: e.outOfScopeCount,
      accuracy: round(e.inScopeTop1Accuracy, 3),
      outOfScopeRejection: round(e.outOfScopeRejection, 3),
    };
  });
  const timing = evaluateMatcher(matcher, all);
  return {
    sets,
    p50Ms: round(timing.p50Ms, 3),
    p99Ms: round(timing.p99Ms, 3),
    /** Building the matcher (index and classifier training), once at start-up. */
    buildMs: round(buildMs, 1),
  };
}

/** heldout.jsonl is the first set, heldout-N.jsonl the N-th. */
function setNumber(file: string): number {
  return Number(/-(\d+)\./.exec(file)?.[1] ?? 1);
}
