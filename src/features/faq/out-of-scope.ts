import { z } from "zod";

const schema = z
  .object({
    vi: z.array(z.string().trim().min(1)).min(1),
    en: z.array(z.string().trim().min(1)),
  })
  .strict();

/** Thrown when `locales/faq-out-of-scope.json` is malformed. */
export class FaqOutOfScopeError extends Error {
  override readonly name = "FaqOutOfScopeError";
}

/**
 * Validates `locales/faq-out-of-scope.json`: subjects the bot does not handle (weather, loans, other apps'
 * passwords, other vaccines…), written by officers as lines of words or sample questions. The matcher
 * treats them as one extra "not ours" candidate, so "quên mật khẩu Zalo" loses to it instead of being
 * answered with the Sổ sức khỏe điện tử password topic.
 *
 * @param json the parsed JSON `{ "vi": string[], "en": string[] }`
 * @returns all lines, Vietnamese first
 * @throws FaqOutOfScopeError listing every schema problem
 */
export function loadFaqOutOfScope(json: unknown): string[] {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new FaqOutOfScopeError(`Invalid FAQ out-of-scope list:\n${details.join("\n")}`);
  }
  return [...parsed.data.vi, ...parsed.data.en];
}
