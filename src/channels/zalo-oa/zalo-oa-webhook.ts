import type { Router as ExpressRouter, Request, Response } from "express";
import type { InboxProcessor } from "../../core/inbox-processor";
import type { Logger } from "../../core/logger";
import { HttpError } from "../../http/errors";
import {
  isTimestampFresh,
  parseZaloOaEvent,
  verifyZaloOaSignature,
  ZALO_OA_SIGNATURE_HEADER,
  type ZaloOaEvent,
  zaloOaEventDedupeKey,
} from "../../sdk/zalo";
import { rawBodyOf } from "../shared/raw-body";
import { USER_WITHDRAW, zaloOaUserId } from "./zalo-oa-inbound";

export const ZALO_OA_WEBHOOK_PATH = "/webhooks/zalo-oa";

/**
 * How old (or how far in the future) an event's timestamp may be. Zalo's "Webhook Retry" re-sends the
 * same body, timestamp included, after 30 s, 5 min, 15 min, 30 min and 1 h (zalo.md §1.7) — read as
 * intervals that is about 2 h 20 min after the first attempt — so a shorter window would refuse legitimate
 * retries. Replays inside the window are caught by the inbox's dedupe key.
 */
export const ZALO_OA_MAX_EVENT_AGE_MS = 3 * 60 * 60 * 1000;

/**
 * POST /webhooks/zalo-oa: `X-ZEvent-Signature` verified over the exact request bytes (SHA-256 of app id +
 * body + timestamp + OA Secret Key) → 401; a stale timestamp → 401; malformed → 400; stored in the inbox →
 * 200 at once (Zalo wants the answer within 2 s; processing happens after). Events nobody answers (echoes of
 * our own messages, receipts) are acknowledged without being stored.
 */
export function mountZaloOaWebhook(
  router: ExpressRouter,
  deps: {
    appId: string;
    oaSecretKey: string;
    processor: InboxProcessor;
    now?: () => number;
    logger?: Logger;
  },
): void {
  const now = deps.now ?? Date.now;
  router.post(ZALO_OA_WEBHOOK_PATH, async (req: Request, res: Response) => {
    const raw = rawBodyOf(req);
    const signed = verifyZaloOaSignature({
      appId: deps.appId,
      rawBody: raw,
      oaSecretKey: deps.oaSecretKey,
      header: req.get(ZALO_OA_SIGNATURE_HEADER),
    });
    if (!signed) throw new HttpError(401, "unauthorized");
    const parsed = parseZaloOaEvent(raw);
    if (!parsed.ok) throw new HttpError(400, "invalid_event", parsed.error.issues.slice(0, 3));
    const event = parsed.value;
    if (!isTimestampFresh(timestampOf(event), now(), ZALO_OA_MAX_EVENT_AGE_MS)) {
      throw new HttpError(401, "stale_event");
    }
    const userId = zaloOaUserId(event);
    if (userId === undefined) return void res.status(200).json({ ok: true, stored: false });
    const result = await deps.processor.accept({
      channel: "zalo-oa",
      updateKey: zaloOaEventDedupeKey(event),
      conversationKey: `zalo-oa:${userId}`,
      // The exact bytes: ids above 2^53 survive only in the text, and re-parsing stays bigint-safe.
      payload: raw.toString("utf8"),
    });
    // A `user_withdraw` is processed like any update, in order with the person's other messages: it reads
    // as a "withdraw" event, which the privacy feature answers by erasing their data.
    if (event.kind === "unsupported" && event.event_name === USER_WITHDRAW && !result.duplicate) {
      deps.logger?.info(
        { channel: "zalo-oa", inboxId: result.id },
        "zalo oa user_withdraw stored: erasure queued",
      );
    }
    res.status(200).json({ ok: true, stored: true, duplicate: result.duplicate });
  });
}

function timestampOf(event: ZaloOaEvent): string {
  const value = event.kind === "unsupported" ? event.raw.timestamp : event.timestamp;
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}
