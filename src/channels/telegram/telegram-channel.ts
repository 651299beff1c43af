import { Telegraf } from "telegraf";
import type { Logger } from "../../core/logger";
import type { MediaStore } from "../../core/ports";
import { type RateBudget, RateLimiter } from "../../core/rate-limiter";
import type { ChannelModule } from "../shared/channel-module";
import { createTelegramClient, TelegramSender } from "./telegram-sender";
import { telegramToInbound, telegramUpdateSchema } from "./telegram-update";
import { ingestTelegramUpdate, mountTelegramWebhook } from "./telegram-webhook";

export interface TelegramChannelConfig {
  token: string;
  mode: "webhook" | "polling";
  secret?: string | undefined;
  apiRoot: string;
  /** Overall sends per second (Telegram allows about 30; about 1 per chat). */
  perSecond: number;
}

/**
 * Telegram: webhook in production (`POST /webhooks/telegram`, secret checked), long polling in development.
 * With a shared budget the overall rate is counted in the database for every process.
 */
export function createTelegramChannel(
  config: TelegramChannelConfig,
  deps: { media: MediaStore; logger: Logger; sharedBudget?: RateBudget | undefined },
): ChannelModule {
  const telegram = createTelegramClient(config.token, config.apiRoot);
  const { perSecond } = config;
  const { logger } = deps;
  let polling: Telegraf | undefined;
  return {
    channel: "telegram",
    sender: new TelegramSender(telegram, deps.media),
    parser: (record) => {
      const update = telegramUpdateSchema.safeParse(JSON.parse(record.payload));
      return update.success ? telegramToInbound(update.data) : null;
    },
    limiter: new RateLimiter({
      ...(deps.sharedBudget ? {} : { perSecond }),
      perChatPerSecond: 1,
      perChatBurst: 3,
    }),
    ...(deps.sharedBudget ? { budget: { budget: deps.sharedBudget, perSecond } } : {}),
    mount(router, processor) {
      if (config.mode === "webhook" && config.secret) {
        mountTelegramWebhook(router, { secret: config.secret, processor, telegram, logger });
      }
    },
    start(processor) {
      if (config.mode !== "polling") return;
      polling = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot, webhookReply: false } });
      polling.use(async (ctx) => {
        await ingestTelegramUpdate(ctx.update, processor);
        if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
      });
      polling.catch((error) => logger.error({ err: error }, "telegram polling update failed"));
      void polling.launch({ dropPendingUpdates: false }).catch((e: unknown) => {
        logger.error({ err: e }, "telegram polling stopped");
      });
    },
    stop() {
      polling?.stop("shutdown");
    },
  };
}
