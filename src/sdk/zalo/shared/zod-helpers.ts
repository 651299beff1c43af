/** zod building blocks shared by the webhook and response schemas. */
import { z } from "zod";

/**
 * A Zalo id, always returned as a string. Zalo documents ids as strings; a JSON number is accepted only if
 * it is a safe integer, because a larger one was already rounded by `JSON.parse` and routing on it would
 * reach the wrong user. Parse raw bodies with `parseZaloJson` to keep such ids exact.
 */
export const zaloIdSchema = z.union([z.string().min(1), z.number()]).transform((value, ctx): string => {
  if (typeof value === "string") return value;
  if (!Number.isSafeInteger(value)) {
    ctx.issues.push({
      code: "custom",
      input: value,
      message: "id arrived as an unsafe JSON number; parse the raw body with parseZaloJson",
    });
    return z.NEVER;
  }
  return String(value);
});

/** Epoch milliseconds sent as a digit string (OA webhooks) or a number; kept as a digit string. */
export const epochMsStringSchema = z.union([
  z.string().regex(/^\d+$/),
  z.number().int().nonnegative().transform(String),
]);

/** Flattens zod issues into short `path: message` lines for typed parse errors. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}
