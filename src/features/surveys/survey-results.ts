import { toCsv } from "../dashboard/csv";
import type { Question } from "./survey-model";
import type { RecipientCounts, SurveyAnswerRow, SurveyRecord } from "./survey-store";

/** Counts of one question in one commune (or overall): per answer, and how many answered it. */
export interface Tally {
  answered: number;
  /** Choice: per option index; yes/no: "yes"/"no"; number: per value. */
  counts: Record<string, number>;
}

/** One question's results. */
export interface QuestionResults {
  index: number;
  kind: Question["kind"];
  text: string;
  /** The answers' labels in order (options; yes, no); empty for number and text questions. */
  keys: string[];
  overall: Tally;
  byCommune: Record<string, Tally>;
  /** Number questions: the mean of the answers, else null. */
  mean: number | null;
  /** Text questions: the answers as stored (phones already masked), with their commune. */
  texts: { communeCode: string | null; text: string }[];
}

export interface SurveyResults {
  recipients: number;
  responded: number;
  /** Responded / recipients, 0–100, one decimal. */
  rate: number;
  communes: RecipientCounts[];
  questions: QuestionResults[];
}

/** The commune key used in results when a person's commune is unknown (subscribers without one). */
export const NO_COMMUNE = "-";

/** Recipients per commune and how many of them answered anything (both stores count the same way). */
export function countRecipients(
  recipients: { contactId: string; communeCode: string | null }[],
  answered: ReadonlySet<string>,
): RecipientCounts[] {
  const counts = new Map<string | null, RecipientCounts>();
  for (const r of recipients) {
    const c = counts.get(r.communeCode) ?? { communeCode: r.communeCode, recipients: 0, responded: 0 };
    c.recipients++;
    if (answered.has(r.contactId)) c.responded++;
    counts.set(r.communeCode, c);
  }
  return [...counts.values()];
}

/** Adds up answers per question and commune; pure, so the dashboard, the API and the CSV agree. */
export function tallyResults(
  survey: SurveyRecord,
  answers: SurveyAnswerRow[],
  counts: RecipientCounts[],
): SurveyResults {
  const recipients = counts.reduce((n, c) => n + c.recipients, 0);
  const responded = counts.reduce((n, c) => n + c.responded, 0);
  const questions = survey.questions.map((question, index): QuestionResults => {
    const mine = answers.filter((a) => a.question === index);
    const overall: Tally = { answered: 0, counts: {} };
    const byCommune: Record<string, Tally> = {};
    for (const a of mine) {
      const commune = a.communeCode ?? NO_COMMUNE;
      const tally = byCommune[commune] ?? { answered: 0, counts: {} };
      byCommune[commune] = tally;
      for (const t of [overall, tally]) {
        t.answered++;
        if (question.kind !== "text") t.counts[a.value] = (t.counts[a.value] ?? 0) + 1;
      }
    }
    const numbers = question.kind === "number" ? mine.map((a) => Number(a.value)) : [];
    return {
      index,
      kind: question.kind,
      text: question.text,
      keys:
        question.kind === "choice"
          ? question.options.map((_, i) => String(i))
          : question.kind === "yesno"
            ? ["yes", "no"]
            : [],
      overall,
      byCommune,
      mean: numbers.length
        ? Math.round((numbers.reduce((x, y) => x + y, 0) / numbers.length) * 10) / 10
        : null,
      texts: question.kind === "text" ? mine.map((a) => ({ communeCode: a.communeCode, text: a.value })) : [],
    };
  });
  return {
    recipients,
    responded,
    rate: percent(responded, recipients),
    communes: counts,
    questions,
  };
}

/** Part of a whole in percent with one decimal (0 for an empty whole). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

/**
 * The results as CSV, one row per question, commune and answer with its count and percentage of those who
 * answered that question there: the same numbers the dashboard shows. Text answers are listed one per row.
 */
export function resultsCsv(
  survey: SurveyRecord,
  results: SurveyResults,
  labels: {
    commune: (code: string) => string;
    answer: (q: Question, key: string) => string;
    header: string[];
  },
): string {
  const rows: (string | number)[][] = [labels.header];
  for (const q of results.questions) {
    const question = survey.questions[q.index];
    if (!question) continue;
    for (const [code, tally] of Object.entries(q.byCommune).sort(([a], [b]) => a.localeCompare(b))) {
      const keys = q.keys.length ? q.keys : Object.keys(tally.counts).sort((a, b) => Number(a) - Number(b));
      if (q.kind === "text") {
        for (const t of q.texts.filter((x) => (x.communeCode ?? NO_COMMUNE) === code))
          rows.push([q.index + 1, q.text, labels.commune(code), t.text, 1, percent(1, tally.answered)]);
        continue;
      }
      for (const key of keys) {
        const n = tally.counts[key] ?? 0;
        rows.push([
          q.index + 1,
          q.text,
          labels.commune(code),
          labels.answer(question, key),
          n,
          percent(n, tally.answered),
        ]);
      }
    }
  }
  return toCsv(rows);
}
