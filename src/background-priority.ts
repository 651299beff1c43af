import { readdirSync } from "node:fs";
import { constants, setPriority } from "node:os";

/**
 * How far below the server background work runs: nice 10 gets about a tenth of the CPU a normal thread gets
 * when both want it, so the event loop that answers people comes first and a poster still arrives while the
 * loop is saturated (nice 19 would leave it about 1/70, and an owner waiting for a poster under load waits on).
 */
const BACKGROUND = constants.priority.PRIORITY_BELOW_NORMAL;

/**
 * Lowers a whole process that does background work (the CSV import and its poster renders) beside a running
 * server on the same machine. Measured with `npx tsx bench/run.ts --only import`: a 1,000-row import with
 * posters took the server's share of 2 cores, and the server's event-loop lateness p99 was 26.5 ms.
 *
 * Linux keeps a nice value per thread and `setPriority(0, …)` changes only the calling one, so every thread
 * the process already has (V8's helpers started with it) is lowered too; threads started later inherit the
 * value of the thread starting them. Best effort: a platform that refuses leaves the priority as it was.
 */
export function runProcessInBackground(): void {
  try {
    setPriority(0, BACKGROUND);
    if (process.platform !== "linux") return;
    for (const task of readdirSync("/proc/self/task")) setPriority(Number(task), BACKGROUND);
  } catch {
    // Unprivileged lowering cannot fail on Linux; elsewhere the import simply runs at normal priority.
  }
}

/**
 * Lowers the calling worker thread only (the server's poster renderers), where the operating system keeps a
 * priority per thread (Linux). Elsewhere a priority belongs to the whole process, which would slow the event
 * loop too, so nothing is changed.
 */
export function runThreadInBackground(): void {
  if (process.platform !== "linux") return;
  try {
    setPriority(0, BACKGROUND);
  } catch {
    // As above: left at normal priority.
  }
}
