import type { Router as ExpressRouter } from "express";
import type { Logger } from "./core/logger";
import type { ChannelId } from "./core/messages";
import type { MessagingWindow, OutboxStore } from "./core/ports";
import type { TextRenderer } from "./core/renderer";
import type { Router, TurnContext } from "./core/router";
import type { Db } from "./db/database";
import { PrismaBroadcastStore } from "./db/prisma-broadcast-store";
import { PrismaDirectiveStore } from "./db/prisma-directive-store";
import { PrismaNudgeStore } from "./db/prisma-nudge-store";
import { PrismaOfficerStore } from "./db/prisma-officer-store";
import { PrismaRecurringStore } from "./db/prisma-recurring-store";
import { BroadcastService } from "./features/broadcasts/broadcast-service";
import { registerBroadcasts } from "./features/broadcasts/broadcasts-feature";
import { RecurringReminders } from "./features/broadcasts/recurring";
import { Scheduler } from "./features/broadcasts/scheduler";
import { registerDirectives } from "./features/directives/directives-feature";
import { VenueNudger } from "./features/nudges/venue-nudge";
import { OfficerService } from "./features/officers/officer-service";
import { officerGuard, registerOfficers } from "./features/officers/officers-feature";
import type { SubscriptionStore } from "./features/subscriptions/subscription-store";
import { registerSubscriptions, type Subscriptions } from "./features/subscriptions/subscriptions-feature";
import { type District, findUnit } from "./features/venues/district";
import { mountBroadcastsApi } from "./http/admin/broadcasts-api";
import { mountOfficersApi } from "./http/admin/officers-api";

/**
 * Wiring of officers, subscriptions, broadcasts, recurring reminders, directives and the venue nudge
 * (issue 6): stores → services → chat features, the scheduler, and the admin API routes.
 */
export function createBroadcasting(deps: {
  db: Db;
  outbox: OutboxStore;
  /** Reminder preferences: asked on every FAQ answer, so in plain SQL (src/db/sql-subscription-store.ts). */
  subscriptions: SubscriptionStore;
  texts: TextRenderer;
  district: District;
  logger: Logger;
  /** Wakes the outbox dispatcher after rows were queued. */
  notify: () => void;
  /** Channels with a messaging window (Zalo OA), for the preview's counts. */
  windows?: ReadonlyMap<ChannelId, MessagingWindow>;
}) {
  const { db, texts, district, logger, notify } = deps;
  const officers = new OfficerService(new PrismaOfficerStore(db));
  const requireOfficer = officerGuard(officers, logger);
  const store = new PrismaBroadcastStore(db);
  const broadcasts = new BroadcastService(store, deps.outbox, texts, logger, notify, deps.windows);
  const recurring = new RecurringReminders(new PrismaRecurringStore(db), logger);
  const directives = new PrismaDirectiveStore(db);
  const nudger = new VenueNudger(new PrismaNudgeStore(db), texts, logger, notify);
  // Recurring runs become broadcasts first, so a run due now starts in the same tick.
  const scheduler = new Scheduler([recurring, broadcasts, nudger], logger);
  const kick = () => void scheduler.tick(new Date());
  let subscriptions: Subscriptions | undefined;

  return {
    scheduler,
    /** Shared with the officers' dashboard and tracing in chat: the same officer check and broadcast rules. */
    officers,
    requireOfficer,
    broadcasts,
    directives,
    kick,
    /** Hooks for the FAQ and venue registration: offer reminders once, open the settings. */
    offerReminders: async (ctx: TurnContext) => subscriptions?.offerOnce(ctx),
    /** Registers the chat features; call after the FAQ so "dừng"/"hủy"/"stop" are seen before its matching. */
    register(router: Router, showMenu: (ctx: TurnContext) => void): void {
      registerOfficers(router, {
        service: officers,
        requireOfficer,
        isCommune: (c) => !!findUnit(district, c),
      });
      subscriptions = registerSubscriptions(router, {
        store: deps.subscriptions,
        district,
        showMenu,
      });
      registerBroadcasts(router, {
        service: broadcasts,
        recurring,
        district,
        requireOfficer,
        showMenu,
        onCreated: kick,
      });
      registerDirectives(router, { store: directives, requireOfficer, showMenu });
    },
    /** Admin API routes (mounted behind the admin token). */
    mount(router: ExpressRouter): void {
      mountBroadcastsApi(router, { service: broadcasts, recurring, district, kick });
      mountOfficersApi(router, { officers, directives, district });
    },
  };
}
