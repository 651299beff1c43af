import type { Router as ExpressRouter } from "express";
import { type UnavailableReason, unavailableReason } from "../db/database-errors";

/** Tracks database reachability so /readyz can say since when it has been down. */
export class Readiness {
  private downSince: Date | undefined;
  private lastOk: Date | undefined;
  private lastOutage: { from: string; to: string } | undefined;

  constructor(
    private readonly ping: () => Promise<void>,
    /** Called once each time the database answers again after it did not. */
    private readonly onRecovered: () => void = () => {},
  ) {}

  /** Pings the database; also run every few seconds by the server so a gap is known before anyone asks. */
  async check(): Promise<{
    ready: boolean;
    /** "read-only": it answers but refuses writes (read-only file, full disk), so updates get 503. */
    database: "up" | "down" | "read-only";
    reason?: UnavailableReason;
    downSince?: string;
    lastOk?: string;
    lastOutage?: { from: string; to: string };
  }> {
    const outage = this.lastOutage ? { lastOutage: this.lastOutage } : {};
    try {
      await this.ping();
      this.lastOk = new Date();
      if (this.downSince) {
        this.lastOutage = { from: this.downSince.toISOString(), to: this.lastOk.toISOString() };
        this.downSince = undefined;
        this.onRecovered();
      }
      return {
        ready: true,
        database: "up",
        lastOk: this.lastOk.toISOString(),
        ...(this.lastOutage ? { lastOutage: this.lastOutage } : {}),
      };
    } catch (error) {
      this.downSince ??= new Date();
      const reason = unavailableReason(error);
      return {
        ready: false,
        database: reason === "read-only" || reason === "disk-full" ? "read-only" : "down",
        ...(reason ? { reason } : {}),
        downSince: this.downSince.toISOString(),
        ...(this.lastOk ? { lastOk: this.lastOk.toISOString() } : {}),
        ...outage,
      };
    }
  }
}

/**
 * /healthz: the process is alive. /readyz: the database answers and takes writes (load balancers route on
 * this); 503 with `database: "down"` or `"read-only"` otherwise.
 */
export function mountHealth(router: ExpressRouter, readiness: Readiness): void {
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const state = await readiness.check();
    res.status(state.ready ? 200 : 503).json(state);
  });
}
