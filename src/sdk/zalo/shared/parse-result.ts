/** Result types for the never-throwing webhook parsers. */
import { parseZaloJson } from "./safe-json";

/** Why a webhook body could not be parsed. */
export interface ZaloParseError {
  /** `invalid_json`: the raw text was not JSON; `invalid_shape`: JSON, but not the documented shape. */
  readonly reason: "invalid_json" | "invalid_shape";
  /** One-line summary for logs. */
  readonly message: string;
  /** zod issues as `path: message` lines (empty for `invalid_json`). */
  readonly issues: readonly string[];
}

/** Either a parsed value or a typed error; parsers return this instead of throwing. */
export type ZaloParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ZaloParseError };

/**
 * Accepts a webhook body as already-parsed JSON, or as raw text/bytes (decoded with the bigint-safe
 * `parseZaloJson`, so ids that arrive as bare numbers stay exact).
 */
export function decodeWebhookBody(body: unknown): ZaloParseResult<unknown> {
  if (typeof body !== "string" && !(body instanceof Uint8Array)) return { ok: true, value: body };
  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
  try {
    return { ok: true, value: parseZaloJson(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { reason: "invalid_json", message: `body is not JSON: ${detail}`, issues: [] },
    };
  }
}
