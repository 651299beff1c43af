import type { NextFunction, Request, Response, Router } from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Metrics } from "../core/metrics";
import type { SqlDatabase } from "../db/sql-session";
import { HttpError } from "../http/errors";
import { safeEqual } from "../http/safe-equal";

/** The webhook and web chat paths whose requests are counted, by channel. */
const WEBHOOK_CHANNELS: [prefix: string, channel: string][] = [
  ["/webhooks/telegram", "telegram"],
  ["/webhooks/zalo-bot", "zalo-bot"],
  ["/webhooks/zalo-oa", "zalo-oa"],
  ["/webchat/api/messages", "webchat"],
];

/**
 * The process's Prometheus series (`GET /metrics`, docs/adr/016-scale-out.md). Counters and histograms are
 * updated in memory as things happen; the depth gauges are read from the database only when scraped, so
 * collecting costs nothing between scrapes. Depths are the same on every process (one database): a
 * dashboard takes `max` of them, and `sum` of the counters.
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly webhooks = new Counter({
    name: "helpdesk_webhook_requests_total",
    help: "Webhook (and web chat message) requests answered, by channel and HTTP status",
    labelNames: ["channel", "status"],
    registers: [this.registry],
  });
  private readonly turns = new Histogram({
    name: "helpdesk_turn_seconds",
    help: "Time to process one inbound update, from reading it to committing its turn",
    labelNames: ["channel"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly sends = new Counter({
    name: "helpdesk_sends_total",
    help: "Send attempts answered, by channel and result",
    labelNames: ["channel", "result"],
    registers: [this.registry],
  });
  private readonly rateWaits = new Histogram({
    name: "helpdesk_rate_limiter_wait_seconds",
    help: "Waits of a send for its channel's rate limiter (local pacing or the shared budget)",
    labelNames: ["channel"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });
  private readonly takeovers = new Counter({
    name: "helpdesk_lease_takeovers_total",
    help: "Work left by a failed or dead process that this one took over",
    labelNames: ["kind"],
    registers: [this.registry],
  });
  private readonly jobs = new Counter({
    name: "helpdesk_job_runs_total",
    help: "Scheduled job ticks: ran here, skipped (another process held the job's lease) or failed",
    labelNames: ["job", "outcome"],
    registers: [this.registry],
  });

  constructor(database: SqlDatabase) {
    collectDefaultMetrics({ register: this.registry, prefix: "helpdesk_" });
    const registers = [this.registry];
    const inboxDepth = new Gauge({
      name: "helpdesk_inbox_pending",
      help: "Inbound updates stored and not yet processed (all processes)",
      registers,
    });
    new Gauge({
      name: "helpdesk_inbox_oldest_pending_seconds",
      help: "Age of the oldest pending inbound update, 0 when none",
      registers,
      async collect() {
        const row = await database.run((sql) =>
          sql.get<{ n: number; oldest: string | null }>(
            `SELECT COUNT(*) AS "n", MIN("receivedAt") AS "oldest" FROM "InboxUpdate" WHERE "status" = 'pending'`,
          ),
        );
        inboxDepth.set(Number(row?.n ?? 0));
        const oldest = row?.oldest ? storedInstant(row.oldest) : undefined;
        this.set(oldest ? Math.max(0, (Date.now() - oldest) / 1000) : 0);
      },
    });
    new Gauge({
      name: "helpdesk_outbox_pending",
      help: "Outbox rows waiting to be sent (pending or claimed), by channel and kind (reply/broadcast)",
      labelNames: ["channel", "kind"],
      registers,
      async collect() {
        const rows = await database.run((sql) =>
          sql.all<{ channel: string; kind: string; n: number }>(
            `SELECT "channel", CASE WHEN "broadcastId" IS NULL AND "purpose" IS NULL THEN 'reply' ELSE 'broadcast' END AS "kind",
               COUNT(*) AS "n" FROM "OutboxMessage" WHERE "status" IN ('pending', 'claimed')
             GROUP BY "channel", CASE WHEN "broadcastId" IS NULL AND "purpose" IS NULL THEN 'reply' ELSE 'broadcast' END`,
          ),
        );
        this.reset();
        for (const r of rows) this.set({ channel: r.channel, kind: r.kind }, Number(r.n));
      },
    });
  }

  turn(channel: string, seconds: number): void {
    this.turns.observe({ channel }, seconds);
  }
  leaseTakeover(kind: "conversation" | "job"): void {
    this.takeovers.inc({ kind });
  }
  jobRun(job: string, outcome: "ran" | "skipped" | "failed"): void {
    this.jobs.inc({ job, outcome });
  }
  send(channel: string, result: string): void {
    this.sends.inc({ channel, result });
  }
  rateWait(channel: string, seconds: number): void {
    this.rateWaits.observe({ channel }, seconds);
  }

  /** Counts webhook requests by channel and status as they are answered (mounted before the channels). */
  countWebhooks(): (req: Request, res: Response, next: NextFunction) => void {
    return (req, res, next) => {
      if (req.method === "POST") {
        const channel = WEBHOOK_CHANNELS.find(([prefix]) => req.path.startsWith(prefix))?.[1];
        if (channel) res.on("finish", () => this.webhooks.inc({ channel, status: String(res.statusCode) }));
      }
      next();
    };
  }

  /** `GET /metrics`; with a token configured, only for `Authorization: Bearer <token>`. */
  mount(router: Router, token: string | undefined): void {
    router.get("/metrics", async (req, res) => {
      if (token && !safeEqual(req.get("authorization") ?? "", `Bearer ${token}`)) {
        throw new HttpError(401, "unauthorized");
      }
      res.setHeader("Content-Type", this.registry.contentType);
      res.send(await this.registry.metrics());
    });
  }
}

/** A stored `receivedAt` (PostgreSQL: text in UTC; SQLite: Prisma's ISO text or epoch milliseconds). */
function storedInstant(value: string | number): number {
  if (typeof value === "number") return value;
  const iso = value.replace(" ", "T");
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`).getTime();
}
