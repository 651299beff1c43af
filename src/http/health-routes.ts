import type { Router as ExpressRouter } from "express";

/** Tracks database reachability so /readyz can say since when it has been down. */
export class Readiness {
  private downSince: Date | undefined;
  private lastOk: Date | undefined;

  constructor(private readonly ping: () => Promise<void>) {}

  async check(): Promise<{ ready: boolean; database: "up" | "down"; downSince?: string; lastOk?: string }> {
    try {
      await this.ping();
      this.lastOk = new Date();
      this.downSince = undefined;
      return { ready: true, database: "up", lastOk: this.lastOk.toISOString() };
    } catch {
      this.downSince ??= new Date();
      return {
        ready: false,
        database: "down",
        downSince: this.downSince.toISOString(),
        ...(this.lastOk ? { lastOk: this.lastOk.toISOString() } : {}),
      };
    }
  }
}

/** /healthz: the process is alive. /readyz: the database answers (load balancers route on this). */
export function mountHealth(router: ExpressRouter, readiness: Readiness): void {
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const state = await readiness.check();
    res.status(state.ready ? 200 : 503).json(state);
  });
}
