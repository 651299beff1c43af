import { RateLimiter } from "../../core/rate-limiter";
import { ZaloBotClient } from "../../sdk/zalo";
import type { ChannelModule } from "../shared/channel-module";
import { parseStoredZaloBotUpdate } from "./zalo-bot-inbound";
import { ZaloBotSender } from "./zalo-bot-sender";
import { mountZaloBotWebhook } from "./zalo-bot-webhook";

/** The Zalo Bot settings from the environment (see src/zalo-config.ts). */
export interface ZaloBotConfig {
  token: string;
  secret: string;
  apiRoot: string;
}

/**
 * Zalo publishes no rate limits for the Bot Platform (zalo.md §3: "undocumented numbers; HTTP 429"). These
 * are deliberately conservative guesses — well under Telegram's 30/s, one message a second per chat with a
 * burst of three so a reply of greeting + menu is not slowed down — and a 429 pauses the channel anyway.
 * Raise them only after watching real traffic.
 */
export const ZALO_BOT_RATE_LIMITS = { perSecond: 10, perChatPerSecond: 1, perChatBurst: 3 } as const;

/** Wires the Zalo Bot Platform channel: SDK client, sender, stored-update parser, limiter and webhook. */
export function createZaloBotChannel(config: ZaloBotConfig, deps: { publicUrl: string }): ChannelModule {
  const bot = new ZaloBotClient({ token: config.token, apiRoot: config.apiRoot });
  return {
    channel: "zalo-bot",
    sender: new ZaloBotSender(bot, deps.publicUrl),
    parser: (record) => parseStoredZaloBotUpdate(record.payload),
    limiter: new RateLimiter(ZALO_BOT_RATE_LIMITS),
    mount: (router, processor) => mountZaloBotWebhook(router, { secret: config.secret, processor }),
  };
}
