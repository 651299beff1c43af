/**
 * Matches questions read from stdin, one per line, and prints one JSON object per line:
 * `{"topic": "<id>" | null, "confidence": 0..1, "alternatives": ["<id>", …]}`.
 * `topic` is null when the bot would fall back to the menu; for a "Did you mean …?" it is the best guess.
 * Usage: `npm run --silent faq:match < questions.txt`. Nothing but results goes to stdout.
 *
 * `npm run --silent faq:match -- --calibrate` refits the confidence model on the labelled questions of
 * `locales/faq-asked/` (each file scored by a matcher that learned only the others; never the held-out sets)
 * and prints the weights for `confidence.ts`, what each threshold would give and the one to ship.
 */
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { loadAskedGroups } from "../src/features/faq/asked-questions";
import { calibrateOnAskedGroups } from "../src/features/faq/calibration";
import { loadFaqKnowledge } from "../src/features/faq/load-faq-matcher";
import { readCommandLine } from "./command-line";

// Resolved from this file, not the working directory, so the script runs from anywhere.
const localesDir = fileURLToPath(new URL("../locales", import.meta.url));
const USAGE = `Usage: npm run --silent faq:match < questions.txt
       npm run --silent faq:match -- --calibrate

Matches one question per line and prints one JSON line each: {"topic", "confidence", "alternatives"}.
--calibrate refits the confidence model on locales/faq-asked/ and prints the weights and thresholds.`;
const { values } = readCommandLine({ options: { calibrate: { type: "boolean", default: false } } }, USAGE);
const { matcher, topics, outOfScope } = loadFaqKnowledge(localesDir);

if (values.calibrate) {
  const report = calibrateOnAskedGroups(topics, { outOfScope }, loadAskedGroups(localesDir));
  if (report.skipped > 0) console.error(`skipped ${report.skipped} questions labelled with unknown topics`);
  console.log(`CONFIDENCE_WEIGHTS = ${JSON.stringify(report.weights)}`);
  console.log(`ranked first, whatever the confidence: ${report.rankedFirst.toFixed(3)}`);
  for (const row of report.thresholds) {
    console.log(
      `threshold ${row.threshold}: in-scope top-1 ${row.inScopeTop1.toFixed(3)}, ` +
        `out-of-scope rejection ${row.outOfScopeRejection.toFixed(3)}`,
    );
  }
  console.log(`SUGGEST_THRESHOLD = ${report.chosen}`);
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const { topic, confidence, alternatives } = matcher.match(line);
    process.stdout.write(`${JSON.stringify({ topic, confidence, alternatives })}\n`);
  }
}
