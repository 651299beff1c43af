/**
 * Errors from the OA Open API envelope `{ error: <non-zero>, message }` and helpers that classify them by
 * the action they call for (zalo.md §1.5 and the client checklist in §5).
 */
import { ZaloBotApiError } from "../bot/bot-api-error";
import { ZaloTransportError } from "../shared/transport";

/** An OA Open API call answered with `error !== 0` (always inside an HTTP 200). */
export class ZaloApiError extends Error {
  /** Zalo error code, negative (e.g. -216, -230). */
  readonly code: number;
  /** API path that failed, e.g. `/v3.0/oa/message/cs`. */
  readonly method: string;
  /** Zalo's own `message` text, verbatim. */
  readonly description: string;

  /**
   * @param code envelope `error`
   * @param method API path
   * @param description envelope `message`
   */
  constructor(code: number, method: string, description: string) {
    super(`Zalo OA ${method} failed with ${code}: ${description}`);
    this.name = "ZaloApiError";
    this.code = code;
    this.method = method;
    this.description = description;
  }
}

const TOKEN_CODES: ReadonlySet<number> = new Set([-216, -220]);
const WINDOW_CODES: ReadonlySet<number> = new Set([-230, -232]);
// §5: recipient-side refusals — the message cannot reach this user now; drop, use a template or schedule.
const RECIPIENT_CODES: ReadonlySet<number> = new Set([-213, -217, -227, -230, -232, -234, -244]);
const QUOTA_CODES: ReadonlySet<number> = new Set([-211, -218]);
const CONFIG_CODES: ReadonlySet<number> = new Set([
  -204, -205, -209, -212, -219, -221, -223, -224, -242, -320, -321,
]);
const REQUEST_CODES: ReadonlySet<number> = new Set([-201, -210, -233, -240]);

/**
 * True for `-216` (token invalid) and `-220` (token expired or removed): refresh the token and retry once
 * (the OA client does this itself when given `onTokenExpired`).
 */
export function isTokenExpired(error: unknown): error is ZaloApiError {
  return error instanceof ZaloApiError && TOKEN_CODES.has(error.code);
}

/**
 * True for `-230` (no interaction in the past 7 days) and `-232` (never interacted / interaction
 * expired): no customer-service message is possible; use a template message or wait for the user.
 */
export function isOutsideInteractionWindow(error: unknown): error is ZaloApiError {
  return error instanceof ZaloApiError && WINDOW_CODES.has(error.code);
}

/** True for the OA rate limit `-32` and the Bot API's HTTP-like `429`: back off and retry later. */
export function isRateLimited(error: unknown): error is ZaloApiError | ZaloBotApiError {
  return (
    (error instanceof ZaloApiError && error.code === -32) ||
    (error instanceof ZaloBotApiError && error.code === 429)
  );
}

/**
 * What to do about a failure:
 * `token` refresh/re-authorize · `transient` back off and retry · `recipient` drop or use another channel ·
 * `quota` stop and alert · `config` fix the console/app/package · `request` a bug in the payload ·
 * `media_expired` re-upload (`-100`) · `unknown` log and alert.
 */
export type ZaloErrorCategory =
  | "token"
  | "transient"
  | "recipient"
  | "quota"
  | "config"
  | "request"
  | "media_expired"
  | "unknown";

/** Sorts any error thrown by this SDK into a {@link ZaloErrorCategory} (zalo.md §1.5, §5). */
export function classifyZaloError(error: unknown): ZaloErrorCategory {
  if (error instanceof ZaloTransportError) return error.kind === "bad_response" ? "unknown" : "transient";
  if (isRateLimited(error)) return "transient";
  if (error instanceof ZaloBotApiError) {
    if (error.code === 401) return "token";
    if (error.code === 408) return "transient";
    if (error.code === 400) return "request";
    return "unknown";
  }
  if (!(error instanceof ZaloApiError)) return "unknown";
  const { code } = error;
  if (TOKEN_CODES.has(code)) return "token";
  if (RECIPIENT_CODES.has(code)) return "recipient";
  if (QUOTA_CODES.has(code)) return "quota";
  if (CONFIG_CODES.has(code)) return "config";
  if (REQUEST_CODES.has(code)) return "request";
  if (code === -100) return "media_expired";
  return "unknown";
}
