import type { Config } from "../config";
import type { ChannelModule } from "./shared/channel-module";
import { createZaloBotChannel } from "./zalo-bot/zalo-bot-channel";

/** The Zalo channels switched on by the configuration (none, one or both). */
export function createZaloChannels(config: Config): ChannelModule[] {
  const channels: ChannelModule[] = [];
  if (config.zaloBot) channels.push(createZaloBotChannel(config.zaloBot, { publicUrl: config.publicUrl }));
  return channels;
}
