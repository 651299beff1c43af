import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LabelledQuestion } from "../../../src/features/faq/evaluate";
import type { FaqTopic } from "../../../src/features/faq/topics";

/** Reads a JSONL file of `{"q", "topic"}` lines from test/fixtures. */
export function readLabelledQuestions(fixture: string): LabelledQuestion[] {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/${fixture}`, import.meta.url)), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LabelledQuestion);
}

/** Absolute path of the repository's locales folder. */
export const LOCALES_DIR = fileURLToPath(new URL("../../../locales", import.meta.url));

/** A topic with only Vietnamese examples, for matchers built on a handful of lines. */
export const topicWith = (id: string, examples: string[]): FaqTopic =>
  ({
    id,
    group: id.split(".")[0],
    keywords: { vi: [], en: [] },
    examples: { vi: examples, en: [] },
  }) as FaqTopic;

/** Two topics whose examples share most words: only asked questions say that "quen mk" is about the login. */
export const LOOKALIKE_TOPICS = [
  topicWith("sskdt.login", ["Đăng nhập Sổ sức khỏe điện tử", "Không vào được Sổ sức khỏe điện tử"]),
  topicWith("sskdt.about", ["Sổ sức khỏe điện tử là gì", "Sổ sức khỏe điện tử dùng để làm gì"]),
];
