import type { SendResult } from "../../core/ports";
import {
  isOutsideInteractionWindow,
  isRateLimited,
  isTokenExpired,
  ZaloApiError,
  ZaloOAuthError,
  ZaloTransportError,
  ZaloValidationError,
} from "../../sdk/zalo";
import { messageOf, transientFailure } from "../shared/network-errors";
import { ZaloOaNotAuthorizedError } from "./zalo-oa-tokens";

/** `-32`: the app's per-minute limit (4,000 requests/min, zalo.md §3); wait for the next window. */
const RATE_LIMIT_PAUSE_MS = 15_000;
/** How a row outside the window is recorded (delivery reports count "skipped" rows under this name). */
export const OUTSIDE_ZALO_WINDOW = "outside the Zalo window";
/** Recipient refusals other than the window: banned/inactive (-227), blocked this message type (-244). */
const GONE_CODES = new Set([-227, -244]);

/**
 * Maps OA failures into {@link SendResult}. Outside the interaction window (-230/-232) is "skipped", never
 * "blocked": the person has not left and is written to again once they write (zalo.md §0.1). `-211` (a
 * quota used up, e.g. uploads) fails this one message only: a channel-wide pause would hold every other
 * message back for a quota that may concern one feature (§0.5); the sender works around the upload one.
 * A token still rejected after the client's one refresh-and-retry, or a failed refresh, is permanent for
 * this message (an operator has to re-authorise); network trouble and unknown codes are transient.
 */
export function classifyZaloOaError(error: unknown): SendResult {
  if (error instanceof ZaloApiError) {
    // Read the code once: the SDK's type guards would narrow `error` to never in their false branches.
    const { code } = error;
    const reason = `${code} ${error.method}: ${error.description}`;
    if (isOutsideInteractionWindow(error))
      return { status: "skipped", reason: `${OUTSIDE_ZALO_WINDOW} (${reason})` };
    if (GONE_CODES.has(code)) return { status: "blocked", reason };
    if (isRateLimited(error)) return { status: "retry", afterMs: RATE_LIMIT_PAUSE_MS, reason };
    if (code === -211) return { status: "failed", reason: `out of quota (${reason})` };
    if (isTokenExpired(error))
      return { status: "failed", reason: `token rejected after refresh (${reason})` };
    // -218 (this user's receive limit) and -100 (attachment expired; we re-upload) may pass on a later try.
    if (code === -218 || code === -100) return { status: "transient", reason };
    if (code <= -200 && code > -400) return { status: "failed", reason };
    return { status: "transient", reason };
  }
  if (error instanceof ZaloOAuthError || error instanceof ZaloOaNotAuthorizedError) {
    return { status: "failed", reason: error.message };
  }
  if (error instanceof ZaloValidationError) return { status: "failed", reason: error.message };
  // A timeout, a cut connection or an unreadable answer can all come after Zalo acted on the call.
  if (error instanceof ZaloTransportError) {
    return transientFailure(`${error.kind} ${error.method}: ${error.message}`, error);
  }
  return transientFailure(messageOf(error), error);
}
