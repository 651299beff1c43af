import type { Logger } from "./logger";

/** One periodic job of the scheduler. */
export interface Tickable {
  tick(now: Date): Promise<unknown>;
}

/**
 * Runs the periodic jobs (recurring reminders → broadcasts, due broadcasts, progress reports, venue
 * nudges) one after another. `tick(now)` is what tests call with a fake clock; the server calls it on an
 * interval. Ticks never overlap within a process; across processes every job is safe to run concurrently
 * (conditional updates), so a second process only duplicates reads.
 */
export class Scheduler {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly jobs: Tickable[],
    private readonly logger: Logger,
  ) {}

  /** Adds jobs after those already there (features contribute theirs once they are built). */
  add(...jobs: Tickable[]): void {
    this.jobs.push(...jobs);
  }

  async tick(now: Date = new Date()): Promise<void> {
    if (this.running) {
      // Asked while busy (e.g. a broadcast created "now"): run once more right after.
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (const job of this.jobs) {
          try {
            await job.tick(now);
          } catch (error) {
            this.logger.error({ err: error }, "scheduler job failed");
          }
        }
        now = new Date(Math.max(now.getTime(), Date.now()));
      } while (this.again);
    })();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }
}
