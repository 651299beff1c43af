/**
 * What the matcher knows about its best guess for one question, beyond MiniSearch's raw ranking.
 */
export interface MatchEvidence {
  /**
   * Share (0..1) of the question's informative terms that the best topic matched, each term weighted by how
   * few topics use it; words the FAQ never uses weigh the most, so "đăng ký kết hôn" stays low.
   */
  coverage: number;
  /** How far the best topic is ahead of the runner-up: 1 − runnerUp / best (0..1). */
  margin: number;
  /** MiniSearch's score for the best topic (BM25 times matched-term count; unbounded). */
  score: number;
  /** Number of distinct search terms in the question (words and word pairs). */
  termCount: number;
}

/**
 * Logistic-regression weights turning evidence into P(best topic is right).
 * Fitted offline on questions the index had not seen: each topic example held out in turn
 * (leave-one-out, 479 in-scope questions) plus 120 hand-written out-of-scope chat messages that are not
 * in the test fixture and not in `faq-out-of-scope.json`. Refit when the topic data changes a lot; small edits by officers do not need it.
 */
const WEIGHTS = {
  intercept: -7.77,
  coverage: 4.85,
  margin: 2.34,
  logScore: 0.165,
  logTermCount: 1.64,
} as const;

/**
 * Turns match evidence into a calibrated confidence: the estimated probability (0..1) that the best topic
 * is the one the citizen asked about.
 *
 * @param evidence coverage, margin and score of the best topic
 * @returns a probability rounded to 3 decimals; 0 when nothing matched
 */
export function calibrateConfidence(evidence: MatchEvidence): number {
  if (evidence.score <= 0) return 0;
  const z =
    WEIGHTS.intercept +
    WEIGHTS.coverage * evidence.coverage +
    WEIGHTS.margin * evidence.margin +
    WEIGHTS.logScore * Math.log1p(evidence.score) +
    WEIGHTS.logTermCount * Math.log1p(evidence.termCount);
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}
