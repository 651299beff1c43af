import type { ChannelModule } from "../channels/shared/channel-module";
import { createTelegramChannel } from "../channels/telegram/telegram-channel";
import { createWebchatChannel } from "../channels/webchat/webchat-channel";
import type { WebchatSessions } from "../channels/webchat/webchat-session";
import type { WebchatStore } from "../channels/webchat/webchat-store";
import { createZaloBotChannel } from "../channels/zalo-bot/zalo-bot-channel";
import { createZaloOaChannel, zaloOaWindowPolicy } from "../channels/zalo-oa/zalo-oa-channel";
import type { Config } from "../config";
import type { Logger } from "../core/logger";
import type { ChannelId } from "../core/messages";
import type { MediaStore, MessagingWindow, OutboxStore } from "../core/ports";
import type { RateBudget } from "../core/rate-limiter";
import type { Db } from "../db/database";
import type { IpRateLimit } from "../http/ip-rate-limit";

/**
 * Every channel the configuration switches on, the web chat always first. A channel is one folder under
 * src/channels that builds a {@link ChannelModule}; this list is the only place that knows which exist.
 */
export function createChannels(
  config: Config,
  deps: {
    db: Db;
    media: MediaStore;
    outbox: OutboxStore;
    logger: Logger;
    webchat: { store: WebchatStore; sessions: WebchatSessions };
    /** Set when several processes share the platform rate (counted in the database). */
    sharedBudget: RateBudget | undefined;
    /** A per-IP limit (in the database when several processes share it). */
    ipRateLimit: (scope: string, perMinute: number) => IpRateLimit;
  },
): ChannelModule[] {
  const { publicUrl } = config;
  const channels: ChannelModule[] = [
    createWebchatChannel({
      ...deps.webchat,
      outbox: deps.outbox,
      secureCookies: publicUrl.startsWith("https://"),
      postsPerIp: deps.ipRateLimit("webchat", config.WEBCHAT_POSTS_PER_MINUTE),
    }),
  ];
  if (config.telegram) {
    channels.push(
      createTelegramChannel(
        {
          ...config.telegram,
          apiRoot: config.TELEGRAM_API_ROOT,
          perSecond: config.TELEGRAM_RATE_LIMIT_PER_SEC,
        },
        { media: deps.media, logger: deps.logger, sharedBudget: deps.sharedBudget },
      ),
    );
  }
  if (config.zaloBot) channels.push(createZaloBotChannel(config.zaloBot, { publicUrl }));
  if (config.zaloOa) {
    channels.push(
      createZaloOaChannel(config.zaloOa, { db: deps.db, media: deps.media, logger: deps.logger, publicUrl }),
    );
  }
  return channels;
}

/** The messaging windows of the configured channels (only Zalo OA has one), for previews and alerts. */
export function messagingWindows(config: Config): Map<ChannelId, MessagingWindow> {
  return new Map(config.zaloOa ? [["zalo-oa", zaloOaWindowPolicy(config.zaloOa)]] : []);
}
