import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Telegraf } from "telegraf";
import { createBroadcasting } from "./broadcasting";
import { createTelegramClient, TelegramSender } from "./channels/telegram/telegram-sender";
import { telegramToInbound, telegramUpdateSchema } from "./channels/telegram/telegram-update";
import { ingestTelegramUpdate, mountTelegramWebhook } from "./channels/telegram/telegram-webhook";
import { type WebchatPayload, webchatToInbound } from "./channels/webchat/webchat-inbound";
import { mountWebchat } from "./channels/webchat/webchat-routes";
import { WebchatSender } from "./channels/webchat/webchat-sender";
import { WebchatSessions } from "./channels/webchat/webchat-session";
import { createZaloChannels } from "./channels/zalo-channels";
import type { Config } from "./config";
import { ConversationEngine } from "./core/conversation-engine";
import { InboxProcessor } from "./core/inbox-processor";
import type { Logger } from "./core/logger";
import type { ChannelId } from "./core/messages";
import { OutboxDispatcher } from "./core/outbox-dispatcher";
import type { ChannelSender } from "./core/ports";
import { type RateBudget, RateLimiter } from "./core/rate-limiter";
import { Router, type TurnContext } from "./core/router";
import { createDashboard } from "./dashboard";
import { type Database, openDatabase } from "./db/database";
import { createMessageStores } from "./db/message-stores";
import { migrate } from "./db/migrate";
import { PrismaAlertStore } from "./db/prisma-alert-store";
import { PrismaAuditStore } from "./db/prisma-audit-store";
import { PrismaFaqStore } from "./db/prisma-faq-store";
import { PrismaMediaStore } from "./db/prisma-media-store";
import { type MessagePurge, PrismaMessageRetention } from "./db/prisma-message-retention";
import { PrismaVenueStore } from "./db/prisma-venue-store";
import { PrismaVisitStore } from "./db/prisma-visit-store";
import { PrismaWebchatStore } from "./db/prisma-webchat-store";
import { probeDatabase } from "./db/probe-database";
import { SqlRateBudget } from "./db/sql-rate-budget";
import { SqlSubscriptionStore } from "./db/sql-subscription-store";
import { registerCheckin } from "./features/checkin/checkin-feature";
import { CheckinService } from "./features/checkin/checkin-service";
import { registerTracingChat } from "./features/checkin/tracing-chat";
import { TracingService } from "./features/checkin/tracing-service";
import { FAQ_MENU, registerFaq } from "./features/faq/faq-feature";
import { loadFaqKnowledge } from "./features/faq/load-faq-matcher";
import { registerMenu } from "./features/menu/menu-feature";
import { loadDistrict } from "./features/venues/district";
import { VenueService } from "./features/venues/venue-service";
import { registerVenues, VENUE_MENU } from "./features/venues/venues-feature";
import { mountFaqApi } from "./http/admin/faq-api";
import { mountVenuesApi } from "./http/admin/venues-api";
import { mountVisitsApi } from "./http/admin/visits-api";
import { requireAdminToken } from "./http/admin-auth";
import { mountCheckinPage } from "./http/checkin/checkin-routes";
import { createApp } from "./http/create-app";
import { mountHealth, Readiness } from "./http/health-routes";
import { KeyedRateLimit } from "./http/ip-rate-limit";
import { mountMedia } from "./http/media-routes";
import { createTextRenderer } from "./i18n/i18n";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  processor: InboxProcessor;
  dispatcher: OutboxDispatcher;
  /** Runs the periodic jobs once at `now` (tests drive it with a fake clock). */
  tick(now: Date): Promise<void>;
  /** Deletes what has outlived its retention period as of `now` (run hourly; tests call it directly). */
  purge(now: Date): Promise<{ visits: number; messages: MessagePurge }>;
  /** Stops intake, finishes in-flight work, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** Apply migrations before opening the database (default true). */
  migrate?: boolean;
  /** Period of the sweep that recovers pending inbox updates (default 5 s). */
  sweepMs?: number;
  /**
   * How long an update waits before the periodic sweep takes it (default 15 s): until then the process
   * that stored it owns it.
   */
  sweepAfterMs?: number;
}

/** The composition root: config → database → stores → engine → channels → express. */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  if (options.migrate ?? true) await migrate(config.DATABASE_URL);
  const database = openDatabase(config.DATABASE_URL);
  const { db } = database;

  const { conversations, inbox, outbox } = createMessageStores(database);
  const media = new PrismaMediaStore(db);
  const webchatStore = new PrismaWebchatStore(db);
  const texts = await createTextRenderer(join(root, "locales"));

  const district = loadDistrict(JSON.parse(readFileSync(resolve(root, config.DISTRICT_FILE), "utf8")));
  const venueStore = new PrismaVenueStore(db);
  const venueService = new VenueService(venueStore, district, texts, config.publicUrl);
  const visitStore = new PrismaVisitStore(db);
  const audit = new PrismaAuditStore(db);
  const checkin = new CheckinService(visitStore, config.VISIT_RETENTION_DAYS);
  const tracing = new TracingService({
    visits: visitStore,
    venues: venueStore,
    audit,
    alerts: new PrismaAlertStore(db),
    texts,
    communeName: (code) => venueService.communeName(code),
  });

  const faqStore = new PrismaFaqStore(db);
  const router = new Router();
  const showMenu = (ctx: TurnContext) => menu.showMenu(ctx);
  const broadcasting = createBroadcasting({
    db,
    outbox,
    subscriptions: new SqlSubscriptionStore(database.sql),
    texts,
    district,
    logger,
    notify: () => dispatcher.notify("broadcasts"),
  });
  const { offerReminders } = broadcasting;
  registerVenues(router, {
    service: venueService,
    store: venueStore,
    district,
    showMenu,
    visitCounts: (venueId, now) => checkin.dailyCounts(venueId, now),
    offerReminders,
  });
  registerCheckin(router, { service: checkin, venues: venueStore, showMenu });
  registerTracingChat(router, { tracing, venues: venueStore, requireOfficer: broadcasting.requireOfficer });
  const menu = registerMenu(router, [...FAQ_MENU, ...VENUE_MENU]);
  // The FAQ takes over free text that no flow is waiting for (after the menu's plain fallback).
  registerFaq(router, {
    ...loadFaqKnowledge(join(root, "locales")),
    store: faqStore,
    showMenu,
    offerReminders,
  });
  broadcasting.register(router, showMenu);
  const secret = config.SESSION_SECRET ?? randomBytes(32).toString("hex");
  const dashboard = createDashboard({
    db,
    texts,
    district,
    venueService,
    venues: venueStore,
    broadcasting,
    publicUrl: config.publicUrl,
    secret,
  });
  dashboard.register(router);
  const engine = new ConversationEngine({ router, store: conversations, texts, media, logger });

  const senders = new Map<ChannelId, ChannelSender>([["webchat", new WebchatSender(webchatStore)]]);
  const limiters = new Map<ChannelId, RateLimiter>();
  const telegram = config.telegram
    ? createTelegramClient(config.telegram.token, config.TELEGRAM_API_ROOT)
    : undefined;
  // Several processes only share a PostgreSQL database; there the overall rate is counted in it.
  const sharedBudget =
    config.RATE_BUDGET === "shared" || (config.RATE_BUDGET === "auto" && database.provider === "postgresql");
  const budgets = new Map<ChannelId, { budget: RateBudget; perSecond: number }>();
  const rateBudget = new SqlRateBudget(database.sql);
  if (telegram) {
    senders.set("telegram", new TelegramSender(telegram, media));
    const perSecond = config.TELEGRAM_RATE_LIMIT_PER_SEC;
    limiters.set(
      "telegram",
      new RateLimiter({ ...(sharedBudget ? {} : { perSecond }), perChatPerSecond: 1, perChatBurst: 3 }),
    );
    if (sharedBudget) budgets.set("telegram", { budget: rateBudget, perSecond });
  }

  const zalo = createZaloChannels(config, { db, media, logger });
  for (const channel of zalo) {
    senders.set(channel.channel, channel.sender);
    limiters.set(channel.channel, channel.limiter);
  }

  const dispatcher = new OutboxDispatcher(outbox, senders, limiters, logger, {
    workerId: `${process.pid}-${randomBytes(4).toString("hex")}`,
    leaseMs: config.OUTBOX_LEASE_MS,
    maxAttempts: 5,
    idleDelayMs: 250,
    // Rows a lane holds at once: about a second's worth at the fastest rate (claimed rows wait briefly).
    batchSize: Math.max(20, Math.ceil(config.TELEGRAM_RATE_LIMIT_PER_SEC)),
    budgets,
  });
  const processor = new InboxProcessor(
    inbox,
    engine,
    {
      webchat: (r) => webchatToInbound(JSON.parse(r.payload) as WebchatPayload),
      telegram: (r) => {
        const update = telegramUpdateSchema.safeParse(JSON.parse(r.payload));
        return update.success ? telegramToInbound(update.data) : null;
      },
      ...Object.fromEntries(zalo.map((channel) => [channel.channel, channel.parser])),
    },
    logger,
    () => dispatcher.notify(),
    database.provider === "sqlite" ? 1 : 4,
  );

  const sweep = (receivedBefore?: Date) =>
    processor.sweep(receivedBefore).catch((e: unknown) => logger.warn({ err: e }, "inbox sweep failed"));
  // A database that went down may have lost the last commits before it did (those not waited for, ADR 008),
  // so once it answers again every pending update is taken, not only those the periodic sweep would take.
  const readiness = new Readiness(
    () => probeDatabase(database.sql),
    () => void sweep(),
  );
  const sessions = new WebchatSessions(secret);
  const app = createApp({
    bodyLimit: config.BODY_LIMIT,
    logger,
    trustProxy: config.TRUST_PROXY,
    frameAncestors: config.FRAME_ANCESTORS,
    mount: (r) => {
      mountHealth(r, readiness);
      mountMedia(r, media);
      mountCheckinPage(r, {
        venues: venueStore,
        venueService,
        checkin,
        texts,
        secret,
        postsPerMinute: config.CHECKIN_POSTS_PER_MINUTE,
        telegramBot: config.TELEGRAM_BOT_USERNAME,
        secureCookies: config.publicUrl.startsWith("https://"),
      });
      r.use("/api/v1", requireAdminToken(config.ADMIN_API_TOKEN));
      mountVenuesApi(r, { service: venueService, store: venueStore, district, texts });
      mountFaqApi(r, { store: faqStore });
      mountVisitsApi(r, { tracing, venues: venueStore, audit });
      broadcasting.mount(r);
      dashboard.mount(r);
      if (telegram && config.telegram?.mode === "webhook" && config.telegram.secret) {
        mountTelegramWebhook(r, { secret: config.telegram.secret, processor, telegram, logger });
      }
      for (const channel of zalo) channel.mount(r, processor);
      mountWebchat(r, {
        sessions,
        store: webchatStore,
        processor,
        outbox,
        secureCookies: config.publicUrl.startsWith("https://"),
        postsPerIp: new KeyedRateLimit(config.WEBCHAT_POSTS_PER_MINUTE),
      });
    },
  });

  const server = await listen(app, config.PORT, config.HOST);
  const port = (server.address() as AddressInfo).port;
  dispatcher.start();

  // Recovery: updates stored before a crash are processed now; the sweep also catches transient failures.
  const recovered = await processor.sweep();
  if (recovered > 0) logger.info({ conversations: recovered }, "resumed pending updates");
  const sweeper = setInterval(() => {
    void sweep(new Date(Date.now() - (options.sweepAfterMs ?? 15_000)));
    media.deleteExpired(new Date()).catch((e: unknown) => logger.warn({ err: e }, "media cleanup failed"));
    void readiness.check();
  }, options.sweepMs ?? 5000);
  sweeper.unref();
  // Retention: visits, handled messages, unanswered questions and FAQ ratings older than their own
  // *_RETENTION_DAYS go, checked at start and hourly.
  const retention = new PrismaMessageRetention(db, {
    unansweredDays: config.UNANSWERED_RETENTION_DAYS,
    faqRatingDays: config.FAQ_RATING_RETENTION_DAYS,
  });
  const purge = async (now: Date) => {
    const visits = await checkin.purgeExpiredVisits(now);
    const messages = await retention.purge(
      new Date(now.getTime() - config.MESSAGE_RETENTION_DAYS * DAY_MS),
      now,
    );
    if (visits > 0 || Object.values(messages).some((n) => n > 0)) {
      logger.info({ visits, ...messages }, "expired personal data deleted");
    }
    return { visits, messages };
  };
  const purgeNow = () =>
    void purge(new Date()).catch((e: unknown) => logger.warn({ err: e }, "purge failed"));
  purgeNow();
  const purger = setInterval(purgeNow, 60 * 60 * 1000);
  purger.unref();
  // Scheduled broadcasts, recurring reminders, progress reports and nudges; safe in several processes.
  const ticker = setInterval(() => void broadcasting.scheduler.tick(new Date()), config.SCHEDULER_TICK_MS);
  ticker.unref();
  void broadcasting.scheduler.tick(new Date());

  let polling: Telegraf | undefined;
  if (config.telegram?.mode === "polling") {
    polling = new Telegraf(config.telegram.token, {
      telegram: { apiRoot: config.TELEGRAM_API_ROOT, webhookReply: false },
    });
    polling.use(async (ctx) => {
      await ingestTelegramUpdate(ctx.update, processor);
      if (ctx.callbackQuery) await ctx.answerCbQuery().catch(() => undefined);
    });
    polling.catch((error) => logger.error({ err: error }, "telegram polling update failed"));
    void polling.launch({ dropPendingUpdates: false }).catch((e: unknown) => {
      logger.error({ err: e }, "telegram polling stopped");
    });
  }

  logger.info(
    {
      port,
      database: database.provider,
      channels: [...senders.keys()],
      telegramMode: config.telegram?.mode ?? "off",
    },
    "server started",
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(sweeper);
      clearInterval(purger);
      clearInterval(ticker);
      polling?.stop("shutdown");
      // Each step gets a deadline: a shutdown that hangs (a stuck connection, a call that never answers)
      // would be killed by the supervisor anyway, without saying which step it was stuck in.
      const step = async (name: string, work: Promise<unknown>, ms = 10_000) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<"late">((resolve) => {
          timer = setTimeout(() => resolve("late"), ms);
        });
        const outcome = await Promise.race([work.then(() => "done" as const), late]).finally(() => {
          clearTimeout(timer);
        });
        if (outcome === "late")
          logger.warn({ step: name, ms }, "shutdown step did not finish in time; going on");
      };
      await step(
        "http",
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
      );
      server.closeAllConnections();
      await step("inbox", processor.stop());
      await step("outbox", dispatcher.stop());
      await step("database", database.close());
      logger.info({}, "server stopped");
    })();
    return stopping;
  };
  const tick = (now: Date) => broadcasting.scheduler.tick(now);
  return { url: `http://127.0.0.1:${port}`, port, database, processor, dispatcher, tick, purge, stop };
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    // Keep-alive connections would hold server.close() open during shutdown.
    server.keepAliveTimeout = 5000;
  });
}
