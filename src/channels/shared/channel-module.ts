import type { Router as ExpressRouter } from "express";
import type { InboxParser, InboxProcessor } from "../../core/inbox-processor";
import type { ChannelId } from "../../core/messages";
import type { ChannelSender } from "../../core/ports";
import type { RateBudget, RateLimiter } from "../../core/rate-limiter";

/**
 * Everything the composition root needs from one channel: how to send, how to read stored updates, how
 * fast to go, its webhook route and, for long polling, how to start and stop. Every channel builds this in
 * its own folder; src/app/channels.ts lists them.
 */
export interface ChannelModule {
  readonly channel: ChannelId;
  readonly sender: ChannelSender;
  readonly parser: InboxParser;
  /** Per-chat and overall pacing in this process (none: the channel has no platform limit). */
  readonly limiter?: RateLimiter;
  /** The overall rate counted in the database for all processes, when it is shared (ADR 004). */
  readonly budget?: { budget: RateBudget; perSecond: number };
  /** Mounts the webhook route(s); updates are stored through `processor.accept` before the 200. */
  mount(router: ExpressRouter, processor: InboxProcessor): void;
  /** Starts pulling updates (long polling) once the server is up. */
  start?(processor: InboxProcessor): void;
  stop?(): void;
  /** Run hourly: upkeep the platform needs even when idle (the Zalo OA grant's daily refresh). */
  hourly?(now: Date): Promise<void>;
}
