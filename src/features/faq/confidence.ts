/**
 * What the matcher knows about its best guess for one question, beyond the raw ranking.
 */
export interface MatchEvidence {
  /**
   * Share (0..1) of the question's informative words that the best topic matched, each weighted by how few
   * documents use it; words the FAQ never uses weigh the most, so "đăng ký kết hôn" stays low.
   */
  coverage: number;
  /** Share (0..1) of the question's word pairs that the best topic matched: the phrase, not just syllables. */
  pairCoverage: number;
  /** How far the best topic is ahead of the runner-up topic: 1 − runnerUp / best (0..1). */
  margin: number;
  /**
   * How strongly the "not ours" subjects compete: bestOutOfScope / (best + bestOutOfScope), 0..1;
   * above 0.5 a category of subjects the bot does not handle fits the question better than any topic.
   */
  outOfScopeShare: number;
  /**
   * Share (0..1, idf-weighted) of the question's words that the best topic lacks but a "not ours" category
   * names ("giá vé", "dại", "bóng đá"): the subject the question is really about.
   */
  foreignCoverage: number;
  /** BM25 score of the best topic (unbounded). */
  score: number;
  /** Number of informative words in the question. */
  wordCount: number;
  /**
   * The topic classifier's probability (0..1) for the best topic: how sure the words that tell topics apart
   * are. Low when the question's words are spread over many topics, as off-topic questions' words are.
   */
  classifierProbability: number;
}

/** The evidence as the numbers the logistic model weighs, in the order of {@link CONFIDENCE_WEIGHTS}. */
export function confidenceFeatures(evidence: MatchEvidence): number[] {
  return [
    1,
    evidence.coverage,
    evidence.pairCoverage,
    evidence.margin,
    evidence.outOfScopeShare,
    evidence.foreignCoverage,
    Math.log1p(evidence.score),
    Math.log1p(evidence.wordCount),
    evidence.classifierProbability,
  ];
}

/**
 * Logistic-regression weights turning evidence into a confidence, in the order of {@link confidenceFeatures}
 * (intercept, coverage, pairCoverage, margin, outOfScopeShare, foreignCoverage, log score, log word count,
 * classifier probability).
 * Fitted with `npm run --silent faq:match -- --calibrate` (see `calibration.ts`): every file of
 * `locales/faq-asked` scored by a matcher whose classifier learned the other files but not that one, so the
 * features read as for a question nobody labelled, which is what a live question is; off-topic questions
 * weighted to count as much as on-topic ones. Never fitted on the held-out sets. Refit after a new asked file
 * or large changes to the topic data.
 */
export const CONFIDENCE_WEIGHTS: readonly number[] = [
  -5.696, 0.806, 0.293, -0.204, -2.565, -1.103, -0.095, 1.484, 6.288,
];

/**
 * Turns match evidence into a calibrated confidence: the estimated probability (0..1) that the best topic
 * is the one the citizen asked about.
 *
 * @param evidence coverage, margin and competition of the best topic
 * @param weights the model, {@link CONFIDENCE_WEIGHTS} unless refitting
 * @returns a probability rounded to 3 decimals; 0 when nothing matched
 */
export function calibrateConfidence(
  evidence: MatchEvidence,
  weights: readonly number[] = CONFIDENCE_WEIGHTS,
): number {
  if (evidence.score <= 0) return 0;
  const z = confidenceFeatures(evidence).reduce((sum, x, i) => sum + x * (weights[i] ?? 0), 0);
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}

/**
 * Fits the logistic model by gradient descent with a little L2 regularisation (the tuning set is small).
 *
 * @param samples evidence of the best guess for each tuning question, whether that guess was right, and how
 *   much the sample counts (1 by default; used to give off-topic questions the same total say as on-topic ones)
 * @returns weights in the order of {@link confidenceFeatures}
 */
export function fitConfidenceWeights(
  samples: readonly { evidence: MatchEvidence; right: boolean; weight?: number }[],
): number[] {
  const rows = samples.map(({ evidence, right, weight }) => ({
    x: confidenceFeatures(evidence),
    y: right ? 1 : 0,
    w: weight ?? 1,
  }));
  const totalWeight = rows.reduce((sum, row) => sum + row.w, 0);
  const size = rows[0]?.x.length ?? 0;
  const weights = new Array<number>(size).fill(0);
  const rate = 0.5;
  const l2 = 0.001;
  for (let step = 0; step < 20000; step += 1) {
    const gradient = new Array<number>(size).fill(0);
    for (const { x, y, w } of rows) {
      const z = x.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0);
      const error = w * (1 / (1 + Math.exp(-z)) - y);
      for (let i = 0; i < size; i += 1) gradient[i] = (gradient[i] ?? 0) + error * (x[i] ?? 0);
    }
    for (let i = 0; i < size; i += 1) {
      const penalty = i === 0 ? 0 : l2 * (weights[i] ?? 0);
      weights[i] = (weights[i] ?? 0) - rate * ((gradient[i] ?? 0) / Math.max(1, totalWeight) + penalty);
    }
  }
  return weights.map((w) => Math.round(w * 1000) / 1000);
}
