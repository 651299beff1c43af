import { z } from "zod";

const schema = z
  .object({
    categories: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z-]*$/),
            vi: z.array(z.string().trim().min(1)).min(1),
            en: z.array(z.string().trim().min(1)),
            names: z.array(z.string().trim().min(1)).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** One subject the bot does not handle (weather, loans, other vaccines…), with the words people use for it. */
export interface FaqOutOfScopeCategory {
  /** Stable id ("transport", "health-insurance"), so a renderer can say where to ask instead. */
  id: string;
  /** Lines of comma-separated subjects, Vietnamese first. */
  lines: string[];
  /**
   * Names of other services that settle what a question is about when it names nothing of ours ("agribank",
   * "vssid", "gmail"): "mã otp agribank không về" is the bank's, however well "mã otp không về" fits a topic.
   * Only names that no question of ours would carry without "PC-Covid", "Covid" or the like.
   */
  names: string[];
}

/** Thrown when `locales/faq-out-of-scope.json` is malformed. */
export class FaqOutOfScopeError extends Error {
  override readonly name = "FaqOutOfScopeError";
}

/**
 * Validates `locales/faq-out-of-scope.json`: subjects the bot does not handle, grouped by category and written
 * by officers as lines of comma-separated words. The matcher scores every category like a topic, so "giá vé xe
 * khách" loses to "transport" instead of being answered with the travel declaration.
 *
 * @param json the parsed JSON `{ "categories": [{ "id", "vi": string[], "en": string[], "names"?: string[] }] }`
 * @returns the categories in file order
 * @throws FaqOutOfScopeError listing every schema problem or a duplicate id
 */
export function loadFaqOutOfScope(json: unknown): FaqOutOfScopeCategory[] {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new FaqOutOfScopeError(`Invalid FAQ out-of-scope list:\n${details.join("\n")}`);
  }
  const ids = parsed.data.categories.map((category) => category.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) {
    throw new FaqOutOfScopeError(`Invalid FAQ out-of-scope list:\nduplicate category "${duplicate}"`);
  }
  return parsed.data.categories.map(({ id, vi, en, names }) => ({
    id,
    lines: [...vi, ...en],
    names: names ?? [],
  }));
}
