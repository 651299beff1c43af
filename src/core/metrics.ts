import type { ChannelId } from "./messages";

/**
 * What the core reports for `GET /metrics` (src/app/metrics.ts turns it into Prometheus series). Every
 * call is a counter or histogram update in memory: nothing here may touch the database or wait.
 */
export interface Metrics {
  /** One turn processed, from reading its update to committing it. */
  turn(channel: ChannelId, seconds: number): void;
  /** A conversation left pending by a process that failed or died was taken over by this one. */
  leaseTakeover(kind: "conversation" | "job"): void;
  /** One scheduled job at one tick: run here, skipped (another process held it) or failed. */
  jobRun(job: string, outcome: "ran" | "skipped" | "failed"): void;
  /** One send attempt answered: sent, retry, transient, blocked, failed or skipped (SendResult). */
  send(channel: ChannelId, result: string): void;
  /** A send waited for its channel's rate limiter. */
  rateWait(channel: ChannelId, seconds: number): void;
}

export const noMetrics: Metrics = {
  turn() {},
  leaseTakeover() {},
  jobRun() {},
  send() {},
  rateWait() {},
};
