import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAppDeps } from "./app/app-deps";
import { createChannels, messagingWindows } from "./app/channels";
import { FEATURES } from "./app/features";
import { PrometheusMetrics } from "./app/metrics";
import { closeHttp, shutDown } from "./app/shutdown";
import { startTimers } from "./app/timers";
import { WebchatSessions } from "./channels/webchat/webchat-session";
import type { Config } from "./config";
import { ConversationEngine } from "./core/conversation-engine";
import { InboxProcessor } from "./core/inbox-processor";
import { type Leases, localLeases } from "./core/leases";
import type { Logger } from "./core/logger";
import type { ChannelId } from "./core/messages";
import { OutboxDispatcher } from "./core/outbox-dispatcher";
import type { ChannelSender, ConversationStore } from "./core/ports";
import type { RateBudget, RateLimiter } from "./core/rate-limiter";
import { Router } from "./core/router";
import { Scheduler } from "./core/scheduler";
import { type Database, openDatabase } from "./db/database";
import { createMessageStores } from "./db/message-stores";
import { migrate } from "./db/migrate";
import { PgAdvisoryLeases } from "./db/pg-advisory-leases";
import { PrismaMediaStore } from "./db/prisma-media-store";
import { type MessagePurge, PrismaMessageRetention } from "./db/prisma-message-retention";
import { PrismaWebchatStore } from "./db/prisma-webchat-store";
import { probeDatabase } from "./db/probe-database";
import { ipRateLimitFor } from "./db/sql-ip-rate-limit";
import { SqlRateBudget } from "./db/sql-rate-budget";
import { loadDistrict } from "./features/venues/district";
import { apiActorOf, requireAdminToken } from "./http/admin-auth";
import { auditRequests } from "./http/audit-requests";
import { createApp } from "./http/create-app";
import { mountHealth, Readiness } from "./http/health-routes";
import { mountMedia } from "./http/media-routes";
import { mountZaloSiteVerification } from "./http/zalo-site-verification";
import { createTextRenderer, orgNameOf } from "./i18n/i18n";
import { persistedSessionSecret } from "./session-secret";

/**
 * Conversations processed at once. On SQLite the turns run on this one thread, but the ones that finish
 * together share one commit (SqlConversationStore's group commit): 32 at once took processed updates at
 * saturation from ≈ 450/s to ≈ 820/s on the bench machine (docs/adr/008-sqlite-hot-path.md). On PostgreSQL the
 * overlap hides round trips; each turn commits on its own connection.
 */
const TURNS_AT_ONCE_SQLITE = 32;
const TURNS_AT_ONCE_POSTGRES = 4;

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
  /** Period of the sweep that recovers pending inbox updates (default 5 s; 1 s on PostgreSQL). */
  sweepMs?: number;
  /**
   * How long an update waits before the periodic sweep takes it (default 15 s; 3 s on PostgreSQL, where
   * conversation leases make taking it harmless): until then the process that stored it owns it.
   */
  sweepAfterMs?: number;
  /**
   * Wraps the conversation store the engine commits turns through. Tests use it for a process that dies
   * between a turn's effects and its commit, so the turn runs again (docs/adr/016-scale-out.md).
   */
  conversations?: (store: ConversationStore) => ConversationStore;
}

/**
 * The assembly, top to bottom: config → database → stores → channels → dispatcher → shared dependencies →
 * features (src/app/features.ts) → engine and inbox → HTTP → listen → timers. Nothing is referenced before
 * it is built.
 */
export async function startServer(config: Config, options: StartOptions): Promise<RunningServer> {
  const { logger } = options;
  if (options.migrate ?? true) await migrate(config.DATABASE_URL);
  const database = openDatabase(config.DATABASE_URL);
  const { db } = database;
  const { conversations, inbox, outbox } = createMessageStores(database);
  // Several processes only share a PostgreSQL database: there a conversation's turns and each scheduled
  // job run under a lease (docs/adr/016-scale-out.md); SQLite keeps its single-process path.
  const leases: Leases =
    database.provider === "postgresql" ? new PgAdvisoryLeases(config.DATABASE_URL) : localLeases;
  const metrics = new PrometheusMetrics(database.sql);
  const media = new PrismaMediaStore(db);
  const localesDir = join(root, "locales");
  const texts = await createTextRenderer(localesDir, { org: orgNameOf(config) });
  const district = loadDistrict(JSON.parse(readFileSync(resolve(root, config.DISTRICT_FILE), "utf8")));
  // Generated once and kept beside the database, so web chat identities survive restarts (README: rotation).
  const secret = config.SESSION_SECRET ?? persistedSessionSecret(config.DATABASE_URL);

  // Several processes only share a PostgreSQL database; there the overall rate is counted in it.
  const sharedBudget: RateBudget | undefined =
    config.RATE_BUDGET === "shared" || (config.RATE_BUDGET === "auto" && database.provider === "postgresql")
      ? new SqlRateBudget(database.sql)
      : undefined;
  const channels = createChannels(config, {
    db,
    media,
    outbox,
    logger,
    webchat: { store: new PrismaWebchatStore(db), sessions: new WebchatSessions(secret) },
    sharedBudget,
    ipRateLimit: (scope, perMinute) => ipRateLimitFor(database, scope, perMinute),
  });
  const dispatcher = new OutboxDispatcher(
    outbox,
    new Map<ChannelId, ChannelSender>(channels.map((c) => [c.channel, c.sender])),
    new Map<ChannelId, RateLimiter>(channels.flatMap((c) => (c.limiter ? [[c.channel, c.limiter]] : []))),
    logger,
    {
      workerId: `${process.pid}-${randomBytes(4).toString("hex")}`,
      leaseMs: config.OUTBOX_LEASE_MS,
      maxAttempts: 5,
      idleDelayMs: 250,
      // Rows a lane holds at once: about a second's worth at the fastest rate (claimed rows wait briefly).
      batchSize: Math.max(20, Math.ceil(config.TELEGRAM_RATE_LIMIT_PER_SEC)),
      budgets: new Map(channels.flatMap((c) => (c.budget ? [[c.channel, c.budget]] : []))),
      metrics,
    },
  );

  // The scheduler exists before the features so they can wake it; their jobs join it once they are built.
  const scheduler = new Scheduler([], logger, { leases, metrics });
  const deps = createAppDeps({
    config,
    logger,
    database,
    texts,
    district,
    localesDir,
    secret,
    outbox,
    media,
    menu: FEATURES.flatMap((f) => f.menu ?? []),
    // Rows queued outside a turn are broadcast-like (alerts, nudges, progress): their lanes wake up.
    notify: () => dispatcher.notify("broadcasts"),
    kick: () => void scheduler.tick(new Date()),
    windows: messagingWindows(config),
  });
  const features = FEATURES.map((f) => f.create(deps));
  deps.personalData.push(...features.flatMap((f) => f.personalData ?? []));
  deps.venuePageSections.push(...features.flatMap((f) => f.venuePage ?? []));
  const router = new Router();
  for (const feature of features) feature.chat?.(router);
  scheduler.add(...features.flatMap((f) => f.jobs ?? []));
  for (const feature of features) await feature.start?.();

  const engine = new ConversationEngine({
    router,
    store: options.conversations?.(conversations) ?? conversations,
    texts,
    media,
    logger,
  });
  const processor = new InboxProcessor(
    inbox,
    engine,
    Object.fromEntries(channels.map((c) => [c.channel, c.parser])),
    logger,
    () => dispatcher.notify(),
    database.provider === "sqlite" ? TURNS_AT_ONCE_SQLITE : TURNS_AT_ONCE_POSTGRES,
    { leases, metrics },
  );

  const sweep = (receivedBefore?: Date) => processor.sweep(receivedBefore);
  // A database that went down may have lost the last commits before it did (those not waited for, ADR 008),
  // so once it answers again every pending update is taken, not only those the periodic sweep would take.
  const readiness = new Readiness(
    // A tiny write, not a read: a database that reads but refuses writes is "read-only", not ready.
    () => probeDatabase(database.sql),
    () => void sweep().catch((e: unknown) => logger.warn({ err: e }, "inbox sweep failed")),
  );
  const app = createApp({
    bodyLimit: config.BODY_LIMIT,
    logger,
    trustProxy: config.TRUST_PROXY,
    frameAncestors: config.FRAME_ANCESTORS,
    mount: (r) => {
      mountHealth(r, readiness);
      metrics.mount(r, config.METRICS_TOKEN);
      r.use(metrics.countWebhooks());
      mountMedia(r, media);
      // Before the web chat's page at `/`, which carries Zalo's verification tag when one is configured.
      mountZaloSiteVerification(r, config.zaloSite);
      r.use("/api/v1", requireAdminToken(config.ADMIN_API_TOKEN, deps.apiTokens));
      // Every API call is a staff action: audited by the person of a personal token, or as "admin-api".
      r.use(
        "/api/v1",
        auditRequests(
          deps.audit,
          "api",
          (res) => apiActorOf(res)?.id,
          (e) => logger.warn({ err: e }, "audit append failed"),
        ),
      );
      for (const feature of features) feature.http?.(r);
      for (const channel of channels) channel.mount(r, processor);
    },
  });

  const server = await listen(app, config.PORT, config.HOST);
  const port = (server.address() as AddressInfo).port;
  dispatcher.start();

  // Recovery: updates stored before a crash are processed now; the sweep also catches transient failures.
  const recovered = await processor.sweep();
  if (recovered > 0) logger.info({ conversations: recovered }, "resumed pending updates");

  // Retention: visits, handled messages, unanswered questions and FAQ ratings older than their own
  // *_RETENTION_DAYS go, checked at start and hourly.
  const retention = new PrismaMessageRetention(db, {
    unansweredDays: config.UNANSWERED_RETENTION_DAYS,
    faqRatingDays: config.FAQ_RATING_RETENTION_DAYS,
    ticketDays: config.TICKET_RETENTION_DAYS,
  });
  const purge = async (now: Date) => {
    const visits = await deps.checkin.purgeExpiredVisits(now);
    const messages = await retention.purge(
      new Date(now.getTime() - config.MESSAGE_RETENTION_DAYS * DAY_MS),
      now,
    );
    if (visits > 0 || Object.values(messages).some((n) => n > 0)) {
      logger.info({ visits, ...messages }, "expired personal data deleted");
    }
    return { visits, messages };
  };
  // Upkeep that one process does for all: under the job's lease, skipped while another process holds it.
  const once =
    (name: string, run: (now: Date) => Promise<unknown>) =>
    async (now: Date): Promise<void> => {
      const held = await leases.hold(`job:${name}`, async () => {
        await run(now);
      });
      metrics.jobRun(name, held ? "ran" : "skipped");
    };
  const shared = leases.shared;
  const stopTimers = startTimers(
    [
      // Updates waiting longer than sweepAfterMs were left by a failure (or a process that died). With
      // leases a fresh update's own process keeps it (it holds the lease), so the wait can be short.
      {
        name: "inbox sweep",
        everyMs: options.sweepMs ?? (shared ? 1000 : 5000),
        run: (now) => sweep(new Date(now.getTime() - (options.sweepAfterMs ?? (shared ? 3000 : 15_000)))),
      },
      {
        name: "media clean-up",
        everyMs: options.sweepMs ?? 5000,
        run: once("media clean-up", (now) => media.deleteExpired(now)),
      },
      { name: "readiness", everyMs: options.sweepMs ?? 5000, run: () => readiness.check() },
      { name: "retention", everyMs: 60 * 60 * 1000, atStart: true, run: once("retention", purge) },
      // Channel upkeep that must happen even when idle (the Zalo OA grant is refreshed daily).
      {
        name: "channel upkeep",
        everyMs: 60 * 60 * 1000,
        atStart: true,
        run: once("channel upkeep", async (now) => {
          for (const channel of channels) await channel.hourly?.(now);
        }),
      },
      // Scheduled broadcasts, recurring reminders, progress reports and nudges, each under its job lease.
      {
        name: "scheduler",
        everyMs: config.SCHEDULER_TICK_MS,
        atStart: true,
        run: (now) => scheduler.tick(now),
      },
      ...features.flatMap((f) => f.timers ?? []),
    ],
    logger,
  );
  for (const channel of channels) channel.start?.(processor);

  logger.info(
    {
      port,
      database: database.provider,
      channels: channels.map((c) => c.channel),
      telegramMode: config.telegram?.mode ?? "off",
    },
    "server started",
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopTimers();
      for (const channel of channels) channel.stop?.();
      await shutDown(
        [
          closeHttp(server),
          { name: "connections", run: async () => server.closeAllConnections() },
          // Turns in progress finish and hand their conversations' leases back; so do running jobs.
          { name: "inbox", run: () => processor.stop() },
          { name: "scheduler", run: () => scheduler.idle() },
          { name: "leases", run: () => leases.close() },
          { name: "outbox", run: () => dispatcher.stop() },
          { name: "database", run: () => database.close() },
        ],
        logger,
      );
      logger.info({}, "server stopped");
    })();
    return stopping;
  };
  const tick = (now: Date) => scheduler.tick(now);
  return { url: `http://127.0.0.1:${port}`, port, database, processor, dispatcher, tick, purge, stop };
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    // Keep-alive connections would hold server.close() open during shutdown.
    server.keepAliveTimeout = 5000;
  });
}
