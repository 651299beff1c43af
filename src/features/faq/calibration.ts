import type { AskedGroup } from "./asked-questions";
import { calibrateConfidence, fitConfidenceWeights, type MatchEvidence } from "./confidence";
import { createFaqMatcher, type FaqMatcherOptions } from "./matcher";
import type { FaqTopic } from "./topics";

/** Refitted confidence weights, what each candidate threshold would give, and the one the rule picks. */
export interface CalibrationReport {
  weights: number[];
  /** Questions skipped because their label names a topic the data does not have. */
  skipped: number;
  /** Figures on the groups' own questions, each scored by a matcher that never learned its group. */
  thresholds: { threshold: number; inScopeTop1: number; outOfScopeRejection: number }[];
  /** The threshold where the lower of the two figures is highest (ties go to more rejection). */
  chosen: number;
  /** Best-ranked topic right, whatever the confidence: the ceiling any threshold can reach. */
  rankedFirst: number;
}

interface Sample {
  /** Undefined when no topic shares a word with the question: it falls back whatever the weights. */
  evidence: MatchEvidence | undefined;
  right: boolean;
  offTopic: boolean;
  /** Another service named without one of ours: always a fallback (see `namesForeign` in matcher.ts). */
  foreign: boolean;
}

const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/**
 * Every group's questions scored by a matcher whose classifier learned all the other groups but not this one,
 * as a live question is scored by a classifier that never saw it. Holding out a whole file, not single lines,
 * keeps a writer's own phrasings from vouching for each other.
 */
function heldOutSamples(
  topics: FaqTopic[],
  options: Omit<FaqMatcherOptions, "asked">,
  groups: readonly AskedGroup[],
): Sample[] {
  return groups.flatMap((group) => {
    const asked = groups.filter((other) => other !== group).flatMap((other) => other.questions);
    const matcher = createFaqMatcher(topics, { ...options, asked });
    return group.questions.map(({ q, topic }) => {
      const { ranked, evidence, namesForeign } = matcher.explain(q);
      return {
        evidence,
        right: topic !== null && ranked[0]?.topic === topic,
        offTopic: topic === null,
        foreign: namesForeign !== undefined,
      };
    });
  });
}

function figuresAt(samples: readonly Sample[], weights: readonly number[], threshold: number) {
  let onTopic = 0;
  let answered = 0;
  let offTopic = 0;
  let rejected = 0;
  for (const s of samples) {
    const confident =
      !s.foreign && s.evidence !== undefined && calibrateConfidence(s.evidence, weights) >= threshold;
    if (s.offTopic) {
      offTopic += 1;
      if (!confident) rejected += 1;
    } else {
      onTopic += 1;
      if (confident && s.right) answered += 1;
    }
  }
  return {
    threshold,
    inScopeTop1: answered / Math.max(1, onTopic),
    outOfScopeRejection: rejected / Math.max(1, offTopic),
  };
}

/**
 * Refits the confidence model on the asked questions (never the held-out sets), each group scored without
 * itself, with the off-topic questions weighted to count as much in total as the on-topic ones: rejecting
 * them matters as much, though they are fewer. Questions whose evidence the weights cannot change (no word
 * shared with a topic, another service named) are counted in the figures but not fitted on.
 *
 * @param topics validated topic data
 * @param options the "not ours" categories and the re-ranking knobs the shipped matcher uses
 * @param groups the labelled files, `topic` null for off-topic
 */
export function calibrateOnAskedGroups(
  topics: FaqTopic[],
  options: Omit<FaqMatcherOptions, "asked" | "confidenceWeights" | "suggestThreshold">,
  groups: readonly AskedGroup[],
): CalibrationReport {
  const known = new Set<string | null>([null, ...topics.map((topic) => topic.id)]);
  const usable = groups.map((group) => ({
    name: group.name,
    questions: group.questions.filter(({ topic }) => known.has(topic)),
  }));
  const skipped = groups.reduce((n, g, i) => n + g.questions.length - (usable[i]?.questions.length ?? 0), 0);
  const samples = heldOutSamples(topics, options, usable);
  const fitted = samples.filter((s) => !s.foreign && s.evidence !== undefined);
  const onTopic = fitted.filter((s) => !s.offTopic).length;
  const offTopic = Math.max(1, fitted.length - onTopic);
  const weights = fitConfidenceWeights(
    fitted.map((s) => ({
      evidence: s.evidence as MatchEvidence,
      right: s.right,
      weight: s.offTopic ? onTopic / offTopic : 1,
    })),
  );
  const thresholds = THRESHOLDS.map((threshold) => figuresAt(samples, weights, threshold));
  const score = (row: (typeof thresholds)[number]) => Math.min(row.inScopeTop1, row.outOfScopeRejection);
  const chosen = thresholds.reduce((best, row) => (score(row) >= score(best) ? row : best)).threshold;
  const inScope = samples.filter((s) => !s.offTopic);
  const rankedFirst = inScope.filter((s) => s.right).length / Math.max(1, inScope.length);
  return { weights, skipped, thresholds, chosen, rankedFirst };
}
