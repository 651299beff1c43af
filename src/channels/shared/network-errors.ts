import type { SendResult } from "../../core/ports";

/** System error codes that mean the request never left: nothing reached the platform, so a retry is safe. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * Whether a failed call may still have been delivered: true unless the error (or one of its causes) says
 * the connection was never made. A reset, a hang-up or a timeout can come after the platform acted.
 */
export function mayHaveBeenDelivered(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, errno, cause } = e as { code?: unknown; errno?: unknown; cause?: unknown };
    if (
      (typeof code === "string" && NOT_SENT.has(code)) ||
      (typeof errno === "string" && NOT_SENT.has(errno))
    )
      return false;
    e = cause;
  }
  return true;
}

/** A call that failed below the platform's API: retried, flagged when the platform may have acted on it. */
export function transientFailure(reason: string, error: unknown): SendResult {
  return mayHaveBeenDelivered(error)
    ? { status: "transient", reason, maybeDelivered: true }
    : { status: "transient", reason };
}

/** The message of anything thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
