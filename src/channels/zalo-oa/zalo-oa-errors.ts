import type { SendResult } from "../../core/rendered";
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
/** `-211`: the OA's message quota is used up; pausing the channel avoids hammering it for the next hour. */
const QUOTA_PAUSE_MS = 60 * 60 * 1000;
/** Recipient refusals other than the window: banned/inactive (-227), blocked this message type (-244). */
const GONE_CODES = new Set([-227, -244]);

/**
 * Maps OA failures into {@link SendResult}. Outside the interaction window (-230/-232) is "blocked" with a
 * reason starting `outside-window`, so broadcast reports can count it and the contact is marked unreachable.
 * A token still rejected after the client's one refresh-and-retry, or a failed refresh, is permanent for
 * this message (an operator has to re-authorise); network trouble and unknown codes are transient.
 */
export function classifyZaloOaError(error: unknown): SendResult {
  if (error instanceof ZaloApiError) {
    // Read the code once: the SDK's type guards would narrow `error` to never in their false branches.
    const { code } = error;
    const reason = `${code} ${error.method}: ${error.description}`;
    if (isOutsideInteractionWindow(error)) return { status: "blocked", reason: `outside-window (${reason})` };
    if (GONE_CODES.has(code)) return { status: "blocked", reason };
    if (isRateLimited(error)) return { status: "retry", afterMs: RATE_LIMIT_PAUSE_MS, reason };
    if (code === -211) return { status: "retry", afterMs: QUOTA_PAUSE_MS, reason: `quota (${reason})` };
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
