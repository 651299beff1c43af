import { performance } from "node:perf_hooks";
import type { FaqBand, FaqMatcher } from "./matcher";

/** One labelled question: `topic` null means out of scope (the bot should fall back to the menu). */
export interface LabelledQuestion {
  q: string;
  topic: string | null;
}

/** One question the matcher got wrong. */
export interface FaqConfusion {
  q: string;
  expected: string | null;
  got: string | null;
  band: FaqBand;
  confidence: number;
}

/** Quality and speed of a matcher on a labelled set. */
export interface FaqEvaluation {
  /**
   * In-scope questions whose band is "answer" or "suggest" with `topic` equal to the label, over all
   * in-scope questions. A suggestion counts because the citizen then sees the right topic as a one-tap
   * "Did you mean …?"; a fallback counts as wrong because the citizen only gets the menu.
   */
  inScopeTop1Accuracy: number;
  /** Stricter companion: in-scope questions answered directly (band "answer") with the right topic. */
  inScopeAnswered: number;
  /**
   * Out-of-scope questions whose band is "fallback", over all out-of-scope questions. A suggestion counts
   * as not rejected: offering a PC-Covid topic for a football question is the failure being measured.
   */
  outOfScopeRejection: number;
  /** Median time of one `match` call, in milliseconds. */
  p50Ms: number;
  /** 99th-percentile time of one `match` call, in milliseconds. */
  p99Ms: number;
  inScopeCount: number;
  outOfScopeCount: number;
  /** Every wrong in-scope answer and every accepted out-of-scope question, in input order. */
  confusions: FaqConfusion[];
  /** The same errors counted by "expected → got" (null printed as "none"), most frequent first. */
  confusionCounts: { pair: string; count: number }[];
}

const WARM_UP_ROUNDS = 2;

/**
 * Runs a matcher over labelled questions and reports accuracy, rejection and latency.
 * Each question is matched once after a warm-up pass, so the timings exclude JIT compilation.
 *
 * @param matcher a built matcher (index construction is not timed)
 * @param labelled questions with their expected topic id, or null when out of scope
 */
export function evaluateMatcher(matcher: FaqMatcher, labelled: readonly LabelledQuestion[]): FaqEvaluation {
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
    for (const { q } of labelled) matcher.match(q);
  }
  const timings: number[] = [];
  const confusions: FaqConfusion[] = [];
  let inScope = 0;
  let inScopeCorrect = 0;
  let inScopeAnswered = 0;
  let outOfScope = 0;
  let rejected = 0;

  for (const { q, topic: expected } of labelled) {
    const started = performance.now();
    const result = matcher.match(q);
    timings.push(performance.now() - started);
    const confusion = { q, expected, got: result.topic, band: result.band, confidence: result.confidence };
    if (expected === null) {
      outOfScope += 1;
      if (result.band === "fallback") rejected += 1;
      else confusions.push(confusion);
    } else {
      inScope += 1;
      if (result.band !== "fallback" && result.topic === expected) {
        inScopeCorrect += 1;
        if (result.band === "answer") inScopeAnswered += 1;
      } else {
        confusions.push(confusion);
      }
    }
  }

  const counts = new Map<string, number>();
  for (const { expected, got } of confusions) {
    const pair = `${expected ?? "none"} → ${got ?? "none"}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  timings.sort((a, b) => a - b);
  return {
    inScopeTop1Accuracy: ratio(inScopeCorrect, inScope),
    inScopeAnswered: ratio(inScopeAnswered, inScope),
    outOfScopeRejection: ratio(rejected, outOfScope),
    p50Ms: percentile(timings, 0.5),
    p99Ms: percentile(timings, 0.99),
    inScopeCount: inScope,
    outOfScopeCount: outOfScope,
    confusions,
    confusionCounts: [...counts.entries()]
      .map(([pair, count]) => ({ pair, count }))
      .sort((a, b) => b.count - a.count || a.pair.localeCompare(b.pair)),
  };
}

// An empty group scores 1: nothing in it was got wrong, and callers assert on the counts separately.
function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
