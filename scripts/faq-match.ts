/**
 * Matches questions read from stdin, one per line, and prints one JSON object per line:
 * `{"topic": "<id>" | null, "confidence": 0..1, "alternatives": ["<id>", …]}`.
 * `topic` is null when the bot would fall back to the menu; for a "Did you mean …?" it is the best guess.
 * Usage: `npm run --silent faq:match < questions.txt`. Nothing but results goes to stdout.
 */
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { loadFaqMatcher } from "../src/features/faq/load-faq-matcher";

// Resolved from this file, not the working directory, so the script runs from anywhere.
const localesDir = fileURLToPath(new URL("../locales", import.meta.url));
const matcher = loadFaqMatcher(localesDir);

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  const { topic, confidence, alternatives } = matcher.match(line);
  process.stdout.write(`${JSON.stringify({ topic, confidence, alternatives })}\n`);
}
