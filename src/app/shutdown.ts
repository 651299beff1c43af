import type { Server } from "node:http";
import type { Logger } from "../core/logger";

/** One step of an orderly stop: its name (for the log when it is late) and the work. */
export interface ShutdownStep {
  name: string;
  run(): Promise<unknown>;
}

/**
 * Runs the steps in order, each with a deadline: a shutdown that hangs (a stuck connection, a call that
 * never answers) would be killed by the supervisor anyway, without saying which step it was stuck in.
 */
export async function shutDown(steps: ShutdownStep[], logger: Logger, ms = 10_000): Promise<void> {
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), ms);
    });
    const outcome = await Promise.race([step.run().then(() => "done" as const), late]).finally(() => {
      clearTimeout(timer);
    });
    if (outcome === "late")
      logger.warn({ step: step.name, ms }, "shutdown step did not finish in time; going on");
  }
}

/** Stops accepting connections; idle keep-alive ones are closed at once, busy ones finish their request. */
export function closeHttp(server: Server): ShutdownStep {
  return {
    name: "http",
    run: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
