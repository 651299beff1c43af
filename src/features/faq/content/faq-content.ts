import { z } from "zod";
import { maskPhonesIn } from "../../../core/mask-phones";
import { FAQ_ACTIONS, FAQ_GROUPS } from "../topics";

/**
 * Topic ids: "group.name" in lower case. Bounded so every button payload that carries one stays within
 * Telegram's 64 bytes (the longest is `faq:fb:down:<id>`).
 */
export const TOPIC_ID_PATTERN = /^[a-z0-9-]{1,16}\.[a-z0-9-]{1,32}$/;

const bilingual = z.object({ vi: z.string(), en: z.string() });
const phraseLists = z.object({ vi: z.array(z.string()), en: z.array(z.string()) });

const contentSchema = z.object({
  id: z.string().regex(TOPIC_ID_PATTERN),
  group: z.enum(FAQ_GROUPS),
  action: z.enum(FAQ_ACTIONS).optional(),
  title: bilingual,
  answer: bilingual,
  examples: phraseLists,
  keywords: phraseLists,
  related: z.array(z.string()),
  /** The day the answer was last checked against its sources (ISO date), shown under the answer. */
  validAsOf: z.string(),
  /** The day by which an officer must check the answer again (ISO date); past it the topic is "stale". */
  reviewBy: z.string(),
  /** Where the facts come from (a letter, a web page); required as soon as an answer gives a phone number. */
  sourceNote: z.string(),
});

/** Everything the bot knows about one topic: what it answers, what it matches on, and how current it is. */
export type FaqContent = z.infer<typeof contentSchema>;

/** A field a validation error points at, in the dashboard form's names. */
export type FaqContentField =
  | "id"
  | "group"
  | "title.vi"
  | "title.en"
  | "answer.vi"
  | "answer.en"
  | "examples.vi"
  | "examples.en"
  | "related"
  | "validAsOf"
  | "reviewBy"
  | "sourceNote";

/** One refusal: the field and the reason, a key under `dashboard:content.errors`. */
export interface FaqContentError {
  field: FaqContentField;
  reason: string;
}

/** Parses a stored revision; undefined when the JSON is not a topic (never thrown: one bad row must not stop the rest). */
export function parseFaqContent(json: string): FaqContent | undefined {
  try {
    const parsed = contentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// Long enough for every shipped answer with its date line and notice, short of Telegram's 4096 characters.
const MAX_ANSWER = 3000;
const MAX_TITLE = 120;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// Anything that looks like a link: written with a scheme, or a bare "www." address.
const LINK_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s]*/gi;

/**
 * Checks a topic before it is saved or published. Returns every problem at once so the officer fixes them in
 * one go; an empty list means the topic can be published.
 *
 * @param knownIds ids of the other topics, for `related`
 */
export function validateFaqContent(content: FaqContent, knownIds: ReadonlySet<string>): FaqContentError[] {
  const errors: FaqContentError[] = [];
  const add = (field: FaqContentField, reason: string) => errors.push({ field, reason });
  if (!TOPIC_ID_PATTERN.test(content.id)) add("id", "id");
  if (!(FAQ_GROUPS as readonly string[]).includes(content.group)) add("group", "group");
  for (const lang of ["vi", "en"] as const) {
    const title = content.title[lang].trim();
    if (title === "") add(`title.${lang}`, "required");
    else if (title.length > MAX_TITLE) add(`title.${lang}`, "tooLong");
    const answer = content.answer[lang].trim();
    if (answer === "") add(`answer.${lang}`, "required");
    else if (answer.length > MAX_ANSWER) add(`answer.${lang}`, "tooLong");
    else if (badLinks(answer).length > 0) add(`answer.${lang}`, "link");
  }
  // The matcher needs something to recognise the topic by; Vietnamese first, as people ask.
  if (content.examples.vi.filter((e) => e.trim() !== "").length === 0) add("examples.vi", "examples");
  const unknown = content.related.filter((id) => id === content.id || !knownIds.has(id));
  if (unknown.length > 0) add("related", "related");
  if (!isIsoDay(content.validAsOf)) add("validAsOf", "date");
  if (!isIsoDay(content.reviewBy)) add("reviewBy", "date");
  else if (isIsoDay(content.validAsOf) && content.reviewBy < content.validAsOf)
    add("reviewBy", "beforeValid");
  // A phone number is a promise that someone answers it: it ships only with the source it was taken from.
  if (content.sourceNote.trim() === "" && [content.answer.vi, content.answer.en].some(hasPhoneNumber))
    add("sourceNote", "phoneSource");
  return errors;
}

/** Links in a text that a chat app would not open: not https/http, no host with a dot, or no scheme at all. */
export function badLinks(text: string): string[] {
  const bad: string[] = [];
  for (const match of text.matchAll(LINK_LIKE)) {
    // Sentence punctuation after a link is not part of it ("(https://x.gov.vn)." ).
    const link = match[0].replace(/[).,;:!?"'»]+$/, "");
    try {
      const url = new URL(link);
      if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes("."))
        bad.push(link);
    } catch {
      bad.push(link);
    }
  }
  return bad;
}

/**
 * A phone number as the masking rule sees one (mobiles, landlines), plus the short hotlines 1900/1800 xxxx
 * and the three-digit emergency numbers, which that rule leaves alone on purpose.
 */
export function hasPhoneNumber(text: string): boolean {
  return (
    maskPhonesIn(text) !== text ||
    /(?<!\d)(?:1[89]00[\s.]?\d{3,4}(?:[\s.]?\d{2,3})?|11[345])(?!\d)/.test(text)
  );
}

function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The top-level fields that differ between two states of a topic, for the revision history ("what changed"). */
export function changedFields(before: FaqContent | undefined, after: FaqContent): string[] {
  if (!before) return ["created"];
  const keys = Object.keys(contentSchema.shape) as (keyof FaqContent)[];
  return keys.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** A topic with trimmed texts and phrase lists without blanks or repeats, as it is stored. */
export function normaliseFaqContent(content: FaqContent): FaqContent {
  const phrases = (list: string[]) => [...new Set(list.map((p) => p.trim()).filter((p) => p !== ""))];
  return {
    ...content,
    id: content.id.trim(),
    title: { vi: content.title.vi.trim(), en: content.title.en.trim() },
    answer: { vi: content.answer.vi.trim(), en: content.answer.en.trim() },
    examples: { vi: phrases(content.examples.vi), en: phrases(content.examples.en) },
    keywords: { vi: phrases(content.keywords.vi), en: phrases(content.keywords.en) },
    related: phrases(content.related),
    validAsOf: content.validAsOf.trim(),
    reviewBy: content.reviewBy.trim(),
    sourceNote: content.sourceNote.trim(),
  };
}
