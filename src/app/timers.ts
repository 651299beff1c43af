import type { Logger } from "../core/logger";

/** A periodic piece of upkeep of this process (inbox sweep, media clean-up, retention purge, scheduler). */
export interface Timer {
  readonly name: string;
  readonly everyMs: number;
  /** Also run once at start-up. */
  readonly atStart?: boolean;
  run(now: Date): Promise<unknown>;
}

/** Starts the timers (never overlapping with themselves) and returns what stops them. */
export function startTimers(timers: Timer[], logger: Logger): () => void {
  const handles = timers.map((timer) => {
    let busy = false;
    const run = () => {
      if (busy) return;
      busy = true;
      timer
        .run(new Date())
        .catch((e: unknown) => logger.warn({ err: e, timer: timer.name }, "periodic job failed"))
        .finally(() => {
          busy = false;
        });
    };
    if (timer.atStart) run();
    const handle = setInterval(run, timer.everyMs);
    handle.unref();
    return handle;
  });
  return () => {
    for (const handle of handles) clearInterval(handle);
  };
}
