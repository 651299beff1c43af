/**
 * Matches questions read from stdin, one per line, and prints one JSON object per line:
 * `{"topic": "<id>" | null, "confidence": 0..1, "alternatives": ["<id>", …]}`.
 * `topic` is null when the bot would fall back to the menu; for a "Did you mean …?" it is the best guess.
 * Usage: `npm run --silent faq:match < questions.txt`. Nothing but results goes to stdout.
 *
 * `npm run --silent faq:match -- --calibrate <file.jsonl>…` refits the confidence model on labelled
 * questions (`{"q", "topic"}` lines; use only tuning files, never the held-out set) and prints the weights
 * for `confidence.ts` and the rejection/accuracy each threshold would give.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { calibrateConfidence, fitConfidenceWeights } from "../src/features/faq/confidence";
import { evaluateMatcher, type LabelledQuestion } from "../src/features/faq/evaluate";
import { loadFaqKnowledge } from "../src/features/faq/load-faq-matcher";
import { createFaqMatcher, type FaqMatcher } from "../src/features/faq/matcher";

// Resolved from this file, not the working directory, so the script runs from anywhere.
const localesDir = fileURLToPath(new URL("../locales", import.meta.url));
const { values, positionals } = parseArgs({
  options: { calibrate: { type: "boolean", default: false } },
  allowPositionals: true,
});

if (values.calibrate) {
  let labelled = positionals.flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as LabelledQuestion),
  );
  const { matcher, topics, outOfScope } = loadFaqKnowledge(localesDir);
  const known = new Set<string | null>([null, ...topics.map((topic) => topic.id)]);
  const skipped = labelled.filter(({ topic }) => !known.has(topic)).length;
  if (skipped > 0) console.error(`skipped ${skipped} questions labelled with topics the data does not have`);
  labelled = labelled.filter(({ topic }) => known.has(topic));
  const sample = (m: FaqMatcher, q: string, topic: string | null) => {
    const { ranked, evidence } = m.explain(q);
    return evidence === undefined ? [] : [{ evidence, right: topic !== null && ranked[0]?.topic === topic }];
  };
  // The tuning questions are mostly the hard styles; the topic examples, each scored by an index built
  // without it (5 folds), add many more in-scope questions the index has not seen.
  const folds = 5;
  const outOfFold = Array.from({ length: folds }, (_, fold) => {
    const held: { q: string; id: string }[] = [];
    const keep = (id: string, list: string[]) =>
      list.filter((q, i) => (i % folds === fold ? (held.push({ q, id }), false) : true));
    const train = topics.map((t) => ({ ...t, examples: { vi: keep(t.id, t.examples.vi), en: keep(t.id, t.examples.en) } }));
    const m = createFaqMatcher(train, { outOfScope });
    return held.flatMap(({ q, id }) => sample(m, q, id));
  }).flat();
  const tuning = labelled.flatMap(({ q, topic }) =>
    sample(matcher, q, topic).map((s) => ({ ...s, offTopic: topic === null })),
  );
  const onTopicCount = outOfFold.length + tuning.filter((s) => !s.offTopic).length;
  const offTopicCount = Math.max(1, tuning.filter((s) => s.offTopic).length);
  // Rejecting off-topic questions matters as much as answering on-topic ones, though they are fewer.
  const samples = [
    ...tuning.map((s) => ({ ...s, weight: s.offTopic ? onTopicCount / offTopicCount : 1 })),
    ...outOfFold,
  ];
  const weights = fitConfidenceWeights(samples);
  console.log(`CONFIDENCE_WEIGHTS = ${JSON.stringify(weights)}`);
  for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const refit = loadFaqKnowledge(localesDir, { confidenceWeights: weights, suggestThreshold: threshold });
    const e = evaluateMatcher(refit.matcher, labelled);
    const unseenExamples =
      outOfFold.filter((s) => s.right && calibrateConfidence(s.evidence, weights) >= threshold).length /
      Math.max(1, outOfFold.length);
    console.log(
      `threshold ${threshold}: in-scope top-1 ${e.inScopeTop1Accuracy.toFixed(3)}, ` +
        `out-of-scope rejection ${e.outOfScopeRejection.toFixed(3)}, ` +
        `unseen topic examples top-1 ${unseenExamples.toFixed(3)}`,
    );
  }
} else {
  const { matcher } = loadFaqKnowledge(localesDir);
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const { topic, confidence, alternatives } = matcher.match(line);
    process.stdout.write(`${JSON.stringify({ topic, confidence, alternatives })}\n`);
  }
}
