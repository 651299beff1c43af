/**
 * Matches questions read from stdin, one per line, and prints one JSON object per line:
 * `{"topic": "<id>" | null, "confidence": 0..1, "alternatives": ["<id>", …]}`.
 * `topic` is null when the bot would fall back to the menu; for a "Did you mean …?" it is the best guess.
 * Usage: `npm run --silent faq:match < questions.txt`. Nothing but results goes to stdout.
 *
 * `npm run --silent faq:match -- --calibrate <file.jsonl>…` refits the confidence model on labelled
 * questions (`{"q", "topic"}` lines; tuning files only, never the held-out set) and prints the weights for
 * `confidence.ts` and what each threshold would give.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { calibrateOnTuningQuestions } from "../src/features/faq/calibration";
import type { LabelledQuestion } from "../src/features/faq/evaluate";
import { loadFaqKnowledge } from "../src/features/faq/load-faq-matcher";

// Resolved from this file, not the working directory, so the script runs from anywhere.
const localesDir = fileURLToPath(new URL("../locales", import.meta.url));
const { values, positionals } = parseArgs({
  options: { calibrate: { type: "boolean", default: false } },
  allowPositionals: true,
});
const { matcher, topics, outOfScope } = loadFaqKnowledge(localesDir);

if (values.calibrate) {
  const labelled = positionals.flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as LabelledQuestion),
  );
  const report = calibrateOnTuningQuestions(topics, outOfScope, labelled);
  if (report.skipped > 0) console.error(`skipped ${report.skipped} questions labelled with unknown topics`);
  console.log(`CONFIDENCE_WEIGHTS = ${JSON.stringify(report.weights)}`);
  for (const row of report.thresholds) {
    console.log(
      `threshold ${row.threshold}: in-scope top-1 ${row.inScopeTop1.toFixed(3)}, ` +
        `out-of-scope rejection ${row.outOfScopeRejection.toFixed(3)}, ` +
        `unseen topic examples top-1 ${row.unseenExamplesTop1.toFixed(3)}`,
    );
  }
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const { topic, confidence, alternatives } = matcher.match(line);
    process.stdout.write(`${JSON.stringify({ topic, confidence, alternatives })}\n`);
  }
}
