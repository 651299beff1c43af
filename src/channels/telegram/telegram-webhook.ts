import type { Router as ExpressRouter, Request, Response } from "express";
import type { Telegram } from "telegraf";
import type { InboxProcessor } from "../../core/inbox-processor";
import type { Logger } from "../../core/logger";
import { HttpError } from "../../http/errors";
import { safeEqual } from "../../http/safe-equal";
import { telegramChatId, telegramUpdateSchema } from "./telegram-update";

export const TELEGRAM_WEBHOOK_PATH = "/webhooks/telegram";

/**
 * POST /webhooks/telegram: secret check (constant time) → 401; schema check → 400; store in the inbox →
 * 200. We own the route instead of telegraf's webhookCallback, which always answers 200 even when the
 * update was not stored (Telegram retries only what was not answered 200).
 */
export function mountTelegramWebhook(
  router: ExpressRouter,
  deps: { secret: string; processor: InboxProcessor; telegram: Telegram; logger: Logger },
): void {
  router.post(TELEGRAM_WEBHOOK_PATH, async (req: Request, res: Response) => {
    if (!safeEqual(req.get("x-telegram-bot-api-secret-token"), deps.secret)) {
      throw new HttpError(401, "unauthorized");
    }
    const { stored } = await ingestTelegramUpdate(req.body, deps.processor);
    res.status(200).json({ ok: true, stored });
    answerCallback(req.body, deps.telegram, deps.logger);
  });
}

/**
 * Validates and stores one update (webhook and long polling share this). Updates we do not serve
 * (inline queries, group messages…) are acknowledged without being stored.
 */
export async function ingestTelegramUpdate(
  body: unknown,
  processor: InboxProcessor,
): Promise<{ stored: boolean; duplicate: boolean }> {
  const parsed = telegramUpdateSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, "invalid_update", parsed.error.issues.slice(0, 3));
  const chatId = telegramChatId(parsed.data);
  if (chatId === undefined) return { stored: false, duplicate: false };
  const result = await processor.accept({
    channel: "telegram",
    updateKey: String(parsed.data.update_id),
    conversationKey: `telegram:${chatId}`,
    payload: JSON.stringify(body),
  });
  return { stored: true, duplicate: result.duplicate };
}

/** Stops the button's loading spinner; best effort, after the acknowledgement. */
function answerCallback(body: unknown, telegram: Telegram, logger: Logger): void {
  const id = telegramUpdateSchema.safeParse(body).data?.callback_query?.id;
  if (!id) return;
  telegram
    .answerCbQuery(id)
    .catch((error: unknown) => logger.debug({ err: error }, "answerCallbackQuery failed"));
}
