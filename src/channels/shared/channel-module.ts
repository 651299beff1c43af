import type { Router as ExpressRouter } from "express";
import type { InboxParser, InboxProcessor } from "../../core/inbox-processor";
import type { ChannelId } from "../../core/messages";
import type { ChannelSender } from "../../core/ports";
import type { RateLimiter } from "../../core/rate-limiter";

/**
 * Everything the composition root needs from one channel: how to send, how to read stored updates, how
 * fast to go, and its webhook route. Each channel builds this in its own folder so server.ts stays short.
 */
export interface ChannelModule {
  readonly channel: ChannelId;
  readonly sender: ChannelSender;
  readonly parser: InboxParser;
  readonly limiter: RateLimiter;
  /** Mounts the webhook route(s); updates are stored through `processor.accept` before the 200. */
  mount(router: ExpressRouter, processor: InboxProcessor): void;
  /** Run hourly: upkeep the platform needs even when idle (the Zalo OA grant's daily refresh). */
  hourly?(now: Date): Promise<void>;
}
