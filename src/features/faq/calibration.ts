import { calibrateConfidence, fitConfidenceWeights, type MatchEvidence } from "./confidence";
import { evaluateMatcher, type LabelledQuestion } from "./evaluate";
import { createFaqMatcher, type FaqMatcher } from "./matcher";
import type { FaqOutOfScopeCategory } from "./out-of-scope";
import type { FaqTopic } from "./topics";

/** Refitted confidence weights and what each candidate threshold would give. */
export interface CalibrationReport {
  weights: number[];
  /** Questions skipped because their label names a topic the data does not have. */
  skipped: number;
  thresholds: {
    threshold: number;
    inScopeTop1: number;
    outOfScopeRejection: number;
    /** Top-1 with confidence above the threshold on topic examples scored by an index built without them. */
    unseenExamplesTop1: number;
  }[];
}

interface Sample {
  evidence: MatchEvidence;
  right: boolean;
  weight?: number;
}

const FOLDS = 5;
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

function sample(matcher: FaqMatcher, q: string, topic: string | null): Sample[] {
  const { ranked, evidence } = matcher.explain(q);
  return evidence === undefined ? [] : [{ evidence, right: topic !== null && ranked[0]?.topic === topic }];
}

/**
 * Topic examples, each scored by an index built without it (k folds): many more in-scope questions the
 * index has not seen than the tuning files hold.
 */
function outOfFoldSamples(topics: FaqTopic[], outOfScope: readonly FaqOutOfScopeCategory[]): Sample[] {
  return Array.from({ length: FOLDS }, (_, fold) => {
    const held: { q: string; id: string }[] = [];
    const keep = (id: string, list: string[]) =>
      list.filter((q, i) => {
        if (i % FOLDS !== fold) return true;
        held.push({ q, id });
        return false;
      });
    const train = topics.map((t) => ({
      ...t,
      examples: { vi: keep(t.id, t.examples.vi), en: keep(t.id, t.examples.en) },
    }));
    const matcher = createFaqMatcher(train, { outOfScope });
    return held.flatMap(({ q, id }) => sample(matcher, q, id));
  }).flat();
}

/**
 * Refits the confidence model on tuning questions (never the held-out set) plus out-of-fold topic examples,
 * with the off-topic questions weighted to count as much in total as the on-topic ones: rejecting them
 * matters as much, though they are fewer.
 *
 * @param topics validated topic data
 * @param outOfScope the "not ours" categories
 * @param labelled tuning questions; `topic` null for off-topic
 */
export function calibrateOnTuningQuestions(
  topics: FaqTopic[],
  outOfScope: readonly FaqOutOfScopeCategory[],
  labelled: readonly LabelledQuestion[],
): CalibrationReport {
  const known = new Set<string | null>([null, ...topics.map((topic) => topic.id)]);
  const usable = labelled.filter(({ topic }) => known.has(topic));
  const matcher = createFaqMatcher(topics, { outOfScope });
  const outOfFold = outOfFoldSamples(topics, outOfScope);
  const tuning = usable.flatMap(({ q, topic }) =>
    sample(matcher, q, topic).map((s) => ({ ...s, offTopic: topic === null })),
  );
  const onTopic = outOfFold.length + tuning.filter((s) => !s.offTopic).length;
  const offTopic = Math.max(1, tuning.filter((s) => s.offTopic).length);
  const weights = fitConfidenceWeights([
    ...tuning.map((s) => ({ ...s, weight: s.offTopic ? onTopic / offTopic : 1 })),
    ...outOfFold,
  ]);
  const thresholds = THRESHOLDS.map((threshold) => {
    const refit = createFaqMatcher(topics, {
      outOfScope,
      confidenceWeights: weights,
      suggestThreshold: threshold,
    });
    const e = evaluateMatcher(refit, usable);
    const unseen = outOfFold.filter((s) => s.right && calibrateConfidence(s.evidence, weights) >= threshold);
    return {
      threshold,
      inScopeTop1: e.inScopeTop1Accuracy,
      outOfScopeRejection: e.outOfScopeRejection,
      unseenExamplesTop1: unseen.length / Math.max(1, outOfFold.length),
    };
  });
  return { weights, skipped: labelled.length - usable.length, thresholds };
}
