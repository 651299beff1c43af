import { readdirSync, readFileSync } from "node:fs";
import { z } from "zod";

/** A question as somebody typed it, with the topic that answers it (null: none of ours does). */
export interface AskedQuestion {
  q: string;
  topic: string | null;
}

/** Labelled questions written together (one file: one writer, one voice), held out together when calibrating. */
export interface AskedGroup {
  name: string;
  questions: readonly AskedQuestion[];
}

const LINE = z.object({ q: z.string().trim().min(1).max(1000), topic: z.string().min(1).nullable() });

/** A labelled-questions file that cannot be read as such; names the file and line. */
export class AskedQuestionsError extends Error {
  override name = "AskedQuestionsError";
}

/**
 * Reads `locales/faq-asked/*.jsonl`: questions written the way people type them (no diacritics, teencode,
 * English, long ones, near-domain subjects), each labelled with its topic. The topic classifier learns from
 * them besides the topics' own examples (docs/adr/020-faq-matching.md); the held-out sets in test/fixtures/faq
 * are never among them. Files are read in name order, so the same files give the same model.
 *
 * @throws AskedQuestionsError on a line that is not `{"q": "…", "topic": "…" | null}`
 */
export function loadAskedQuestions(localesDir: string): AskedQuestion[] {
  return loadAskedGroups(localesDir).flatMap((group) => group.questions);
}

/**
 * The same questions file by file (each written by one writer in one voice), for the calibration, which
 * scores each file with a matcher that learned only the others.
 *
 * @throws AskedQuestionsError on a line that is not `{"q": "…", "topic": "…" | null}`
 */
export function loadAskedGroups(localesDir: string): AskedGroup[] {
  const folder = `${localesDir}/faq-asked`;
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  return files.map((name) => ({
    name,
    questions: readFileSync(`${folder}/${name}`, "utf8")
      .split("\n")
      .flatMap((line, index) => {
        if (line.trim() === "") return [];
        const parsed = LINE.safeParse(parseJson(line));
        if (!parsed.success)
          throw new AskedQuestionsError(`faq-asked/${name}:${index + 1} is not a labelled question`);
        return [parsed.data];
      }),
  }));
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
