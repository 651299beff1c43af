import type { Router as ExpressRouter, Request, Response } from "express";
import type { InboxProcessor } from "../../core/inbox-processor";
import { HttpError } from "../../http/errors";
import { parseZaloBotWebhook, verifyZaloBotSecret, ZALO_BOT_SECRET_HEADER } from "../../sdk/zalo";
import { rawBodyOf } from "../shared/raw-body";
import { zaloBotMessageOf, zaloBotUpdateKey } from "./zalo-bot-inbound";

export const ZALO_BOT_WEBHOOK_PATH = "/webhooks/zalo-bot";

/**
 * POST /webhooks/zalo-bot: `X-Bot-Api-Secret-Token` (constant time) → 401; body that is not an update →
 * 400; stored in the inbox → 200. The header is the only proof of origin: the Bot Platform signs nothing.
 * Events we do not know are stored when they carry a message (the person gets a "please type" answer) and
 * acknowledged without being stored otherwise (the platform is young and adds events).
 */
export function mountZaloBotWebhook(
  router: ExpressRouter,
  deps: { secret: string; processor: InboxProcessor },
): void {
  router.post(ZALO_BOT_WEBHOOK_PATH, async (req: Request, res: Response) => {
    if (!verifyZaloBotSecret(req.get(ZALO_BOT_SECRET_HEADER), deps.secret)) {
      throw new HttpError(401, "unauthorized");
    }
    const raw = rawBodyOf(req);
    const parsed = parseZaloBotWebhook(raw);
    if (!parsed.ok) throw new HttpError(400, "invalid_update", parsed.error.issues.slice(0, 3));
    const update = parsed.value;
    const message = zaloBotMessageOf(update);
    if (!message) return void res.status(200).json({ ok: true, stored: false });
    const result = await deps.processor.accept({
      channel: "zalo-bot",
      updateKey: zaloBotUpdateKey(update, message),
      conversationKey: `zalo-bot:${message.chat.id}`,
      // The body as received, so a later parser change can re-read everything Zalo sent.
      payload: raw.toString("utf8"),
    });
    res.status(200).json({ ok: true, stored: true, duplicate: result.duplicate });
  });
}
