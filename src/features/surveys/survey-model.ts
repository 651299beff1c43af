import { z } from "zod";
import { maskPhonesIn } from "../../core/mask-phones";
import { prepare } from "../../core/understanding/words";

/** The kinds of question a survey may ask. */
export const QUESTION_KINDS = ["choice", "yesno", "number", "text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const questionText = z.string().trim().min(3, "question too short").max(300, "at most 300 characters");
const optionText = z.string().trim().min(1).max(40, "options have at most 40 characters");

/** One question: single choice (2–6 options), yes/no, a number, or a short text. */
export const questionSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("choice"), text: questionText, options: z.array(optionText).min(2).max(6) })
    .strict(),
  z.object({ kind: z.literal("yesno"), text: questionText }).strict(),
  z.object({ kind: z.literal("number"), text: questionText }).strict(),
  z.object({ kind: z.literal("text"), text: questionText }).strict(),
]);
export type Question = z.infer<typeof questionSchema>;

export const surveyTitleSchema = z.string().trim().min(3).max(120);
export const questionsSchema = z
  .array(questionSchema)
  .min(1, "one question at least")
  .max(5, "five questions at most");

/** Reads stored questions (TEXT column); anything unreadable is no question at all rather than a guess. */
export function parseQuestions(json: string): Question[] {
  const parsed = questionsSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

/** Largest number a "number" answer may be (a household, a venue's staff: never millions). */
export const MAX_NUMBER_ANSWER = 100_000;
export const MAX_TEXT_ANSWER = 300;

/**
 * Reads a typed answer to a number question as people type it: "3", "3 người", "khoảng 5", "12.", "1.500".
 * Undefined when there is no single whole number in it (a range, a word), so the person is asked again.
 */
export function readNumberAnswer(text: string): number | undefined {
  const digits = text.replace(/(\d)[.,](\d{3})\b/g, "$1$2").match(/\d+/g);
  if (digits?.length !== 1) return undefined;
  const n = Number(digits[0]);
  return Number.isSafeInteger(n) && n <= MAX_NUMBER_ANSWER ? n : undefined;
}

/** A short text answer as stored: trimmed, phone numbers masked (they are not what the survey asked). */
export function textAnswer(text: string): string | undefined {
  const clean = text.trim().replace(/\s+/g, " ");
  if (!clean || clean.length > MAX_TEXT_ANSWER) return undefined;
  return maskPhonesIn(clean);
}

/** A stored answer value read back for a question: the option's index, yes/no, a number or the text. */
export function answerLabel(question: Question, value: string, yes: string, no: string): string {
  if (question.kind === "choice") return question.options[Number(value)] ?? value;
  if (question.kind === "yesno") return value === "yes" ? yes : no;
  return value;
}

/** What typed words mean when a survey question waits: skip it, stop the survey, or neither. */
export function readSurveyCommand(text: string): "skip" | "stop" | undefined {
  const { folded } = prepare(text);
  if (/^(bo qua|bo|skip|next|tiep|cau sau|khong tra loi)$/.test(folded)) return "skip";
  // "dừng" folds to "dung", which is also "đúng" (right): only the spelling with its mark, or longer forms.
  if (/^(dung lai|dung khao sat|thoi|stop|ket thuc)$/.test(folded) || /^dừng\b/i.test(text.trim()))
    return "stop";
  return undefined;
}
