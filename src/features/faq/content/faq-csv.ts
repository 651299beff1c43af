import { parse } from "csv-parse/sync";
import { toCsv } from "../../dashboard/csv";
import { FAQ_ACTIONS, FAQ_GROUPS } from "../topics";
import type { FaqContent } from "./faq-content";

/**
 * The columns of the content sheet, one topic per row. Lists (examples, keywords) hold one phrase per line
 * inside the cell, as Excel writes Alt+Enter; related topics are ids separated by spaces or commas.
 */
export const FAQ_CSV_COLUMNS = [
  "id",
  "group",
  "action",
  "title_vi",
  "title_en",
  "answer_vi",
  "answer_en",
  "examples_vi",
  "examples_en",
  "keywords_vi",
  "keywords_en",
  "related",
  "valid_as_of",
  "review_by",
  "source_note",
] as const;

/** Every topic as a CSV sheet for Excel (UTF-8 with BOM, see toCsv). */
export function faqContentToCsv(topics: readonly FaqContent[]): string {
  return toCsv([
    [...FAQ_CSV_COLUMNS],
    ...topics.map((t) => [
      t.id,
      t.group,
      t.action ?? "",
      t.title.vi,
      t.title.en,
      t.answer.vi,
      t.answer.en,
      t.examples.vi.join("\n"),
      t.examples.en.join("\n"),
      t.keywords.vi.join("\n"),
      t.keywords.en.join("\n"),
      t.related.join(" "),
      t.validAsOf,
      t.reviewBy,
      t.sourceNote,
    ]),
  ]);
}

/** Why a sheet could not be read at all (rows that read but do not validate are the service's business). */
export class FaqCsvError extends Error {
  override readonly name = "FaqCsvError";
}

/**
 * Reads a content sheet: the header row names the columns (any order, extra columns ignored; `id` required).
 * Cells come back as typed; validation happens when the topics are saved.
 *
 * @throws FaqCsvError when the text is not CSV, has no `id` column, or a row's group/action is unknown
 */
export function faqContentFromCsv(text: string): FaqContent[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    });
  } catch (error) {
    throw new FaqCsvError(`not a CSV sheet: ${(error as Error).message}`);
  }
  if (rows.length > 0 && !("id" in (rows[0] ?? {}))) throw new FaqCsvError("the sheet has no id column");
  const lines = (cell: string | undefined) => (cell ?? "").split(/\r?\n/);
  // toCsv puts an apostrophe before a leading = + - @ so Excel keeps text as text; take it back off.
  const cell = (row: Record<string, string>, name: string) =>
    (row[name] ?? "").replace(/^'(?=[=+\-@\t\r])/, "");
  return rows.map((row, index) => {
    const group = cell(row, "group").trim();
    const action = cell(row, "action").trim();
    if (!(FAQ_GROUPS as readonly string[]).includes(group))
      throw new FaqCsvError(`row ${index + 2}: unknown group "${group}"`);
    if (action && !(FAQ_ACTIONS as readonly string[]).includes(action))
      throw new FaqCsvError(`row ${index + 2}: unknown action "${action}"`);
    return {
      id: cell(row, "id").trim(),
      group: group as FaqContent["group"],
      ...(action ? { action: action as NonNullable<FaqContent["action"]> } : {}),
      title: { vi: cell(row, "title_vi"), en: cell(row, "title_en") },
      answer: {
        vi: cell(row, "answer_vi").replace(/\r\n/g, "\n"),
        en: cell(row, "answer_en").replace(/\r\n/g, "\n"),
      },
      examples: { vi: lines(cell(row, "examples_vi")), en: lines(cell(row, "examples_en")) },
      keywords: { vi: lines(cell(row, "keywords_vi")), en: lines(cell(row, "keywords_en")) },
      related: cell(row, "related")
        .split(/[\s,;]+/)
        .filter((id) => id !== ""),
      validAsOf: cell(row, "valid_as_of").trim(),
      reviewBy: cell(row, "review_by").trim(),
      sourceNote: cell(row, "source_note"),
    };
  });
}
