import type { Config } from "../config";
import type { Logger } from "../core/logger";
import type { ChannelId } from "../core/messages";
import type { MediaStore, MessagingWindow } from "../core/ports";
import type { Db } from "../db/database";
import type { ChannelModule } from "./shared/channel-module";
import { createZaloBotChannel } from "./zalo-bot/zalo-bot-channel";
import { createZaloOaChannel, zaloOaWindowPolicy } from "./zalo-oa/zalo-oa-channel";

/** The Zalo channels switched on by the configuration (none, one or both). */
export function createZaloChannels(
  config: Config,
  deps: { db: Db; media: MediaStore; logger: Logger },
): ChannelModule[] {
  const channels: ChannelModule[] = [];
  const publicUrl = config.publicUrl;
  if (config.zaloBot) channels.push(createZaloBotChannel(config.zaloBot, { publicUrl }));
  if (config.zaloOa) channels.push(createZaloOaChannel(config.zaloOa, { ...deps, publicUrl }));
  return channels;
}

/** The messaging windows of the configured channels (only Zalo OA has one), for previews and alerts. */
export function messagingWindows(config: Config): Map<ChannelId, MessagingWindow> {
  return new Map(config.zaloOa ? [["zalo-oa", zaloOaWindowPolicy(config.zaloOa)]] : []);
}
