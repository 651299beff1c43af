import { type Leases, localLeases } from "./leases";
import type { Logger } from "./logger";
import { type Metrics, noMetrics } from "./metrics";

/**
 * One periodic job of the scheduler. A tick does what is due as of `now` (broadcasts whose time has come,
 * reminders whose next run has passed), so a tick missed because its process died is caught up by the
 * next one, in whichever process runs it.
 */
export interface Tickable {
  /** Names the job's lease across processes; defaults to the class name. */
  readonly jobName?: string;
  tick(now: Date): Promise<unknown>;
}

/** The lease name of a job: its own, its class's, or its place in the list for a plain object. */
export function jobNameOf(job: Tickable, index: number): string {
  const className = job.constructor?.name;
  return job.jobName ?? (className && className !== "Object" ? className : `job-${index}`);
}

/**
 * Runs the periodic jobs (recurring reminders → broadcasts, due broadcasts, progress reports, venue
 * nudges, and whatever jobs features add) one after another. `tick(now)` is what tests call with a fake
 * clock; the server calls it on an interval. Ticks never overlap within a process; across processes each
 * job runs under its lease (docs/adr/016-scale-out.md): at one moment one process runs it, the others skip
 * it for that tick, and a process that dies while running it hands the lease back with its connection.
 * The jobs stay safe to run twice (conditional updates) as a second line of defence.
 */
export class Scheduler {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly leases: Leases;
  private readonly metrics: Metrics;

  constructor(
    private readonly jobs: Tickable[],
    private readonly logger: Logger,
    options: { leases?: Leases; metrics?: Metrics } = {},
  ) {
    this.leases = options.leases ?? localLeases;
    this.metrics = options.metrics ?? noMetrics;
  }

  /** Waits for a tick in progress (shutdown: its leases go back once it is over). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Adds jobs after those already there (features contribute theirs once they are built). */
  add(...jobs: Tickable[]): void {
    this.jobs.push(...jobs);
  }

  /** The latest time a tick was asked for while one was running. */
  private asked = 0;

  async tick(now: Date = new Date()): Promise<void> {
    if (this.running) {
      // Asked while busy (e.g. a broadcast created "now"): run once more right after, at the later of the
      // two times (a test's clock moved forward must not be lost behind the periodic tick).
      this.again = true;
      this.asked = Math.max(this.asked, now.getTime());
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (const [index, job] of this.jobs.entries()) {
          const name = jobNameOf(job, index);
          try {
            const tickAt = now;
            const held = await this.leases.hold(`job:${name}`, async () => {
              await job.tick(tickAt);
            });
            this.metrics.jobRun(name, held ? "ran" : "skipped");
          } catch (error) {
            this.metrics.jobRun(name, "failed");
            this.logger.error({ err: error, job: name }, "scheduler job failed");
          }
        }
        now = new Date(Math.max(now.getTime(), this.asked, Date.now()));
      } while (this.again);
    })();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }
}
