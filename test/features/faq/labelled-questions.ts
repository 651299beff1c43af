import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LabelledQuestion } from "../../../src/features/faq/evaluate";

/** Reads a JSONL file of `{"q", "topic"}` lines from test/fixtures. */
export function readLabelledQuestions(fixture: string): LabelledQuestion[] {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/${fixture}`, import.meta.url)), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LabelledQuestion);
}

/** Absolute path of the repository's locales folder. */
export const LOCALES_DIR = fileURLToPath(new URL("../../../locales", import.meta.url));
