import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { PosterLayoutError } from "./poster-layout-error";
import type { PosterInput } from "./poster-pdf";
import type { PosterJob, PosterJobResult } from "./poster-worker";
import { CheckinUrlError } from "./qr-symbol";

/** Options for {@link PosterPool}. */
export interface PosterPoolOptions {
  /** Worker threads at most (default: one per core beyond the event loop's, at most 2, at least 1). */
  size?: number;
  /** A worker with nothing to do for this long exits, giving back its ≈ 30 MB (default 30 s). */
  idleMs?: number;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  idle?: NodeJS.Timeout;
}

interface Pending {
  input: PosterInput;
  resolve(pdf: Buffer): void;
  reject(error: Error): void;
}

// Errors a caller tells apart keep their class across the thread boundary.
const ERRORS: Record<string, new (message: string) => Error> = {
  CheckinUrlError,
  PosterLayoutError,
};

/**
 * Renders posters on worker threads, so the 25–45 ms of pdfkit per poster never holds up the event loop
 * (every other conversation waits while it runs; docs/adr/010-rendering-startup-footprint.md). Jobs
 * queue when every worker is busy. Workers start on the first poster and exit when idle, and never keep
 * the process alive.
 */
export class PosterPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending & { slot: Slot }>();
  private readonly size: number;
  private readonly idleMs: number;
  private nextId = 1;

  constructor(options: PosterPoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Resolves to the poster's PDF bytes; rejects as `renderPosterPdf` would. */
  render(input: PosterInput): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running jobs are rejected. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error("poster pool closed"));
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  /** Takes a worker out of the pool before it stops, so no job is given to it meanwhile. */
  private async retire(slot: Slot): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    clearTimeout(slot.idle);
    await slot.worker.terminate();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.busy) ?? this.spawn();
      if (slot === undefined) return;
      const job = this.queue.shift();
      if (job === undefined) return;
      clearTimeout(slot.idle);
      slot.busy = true;
      const id = this.nextId++;
      this.running.set(id, { ...job, slot });
      slot.worker.postMessage({ id, input: job.input } satisfies PosterJob);
    }
  }

  private spawn(): Slot | undefined {
    if (this.slots.length >= this.size) return undefined;
    const slot: Slot = { worker: startWorker(), busy: false };
    slot.worker.unref();
    slot.worker.on("message", (result: PosterJobResult) => this.settle(slot, result));
    // A worker that dies (out of memory, a bug in pdfkit) takes its job with it; the next job gets a new one.
    slot.worker.on("error", (error) => this.fail(slot, error));
    slot.worker.on("exit", (code) => this.fail(slot, new Error(`poster worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, result: PosterJobResult): void {
    const job = this.running.get(result.id);
    this.running.delete(result.id);
    slot.busy = false;
    slot.idle = setTimeout(() => void this.retire(slot), this.idleMs).unref();
    if (job !== undefined) {
      if ("pdf" in result)
        job.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
      else job.reject(rebuild(result.error));
    }
    this.dispatch();
  }

  private fail(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    clearTimeout(slot.idle);
    for (const [id, job] of this.running) {
      if (job.slot !== slot) continue;
      this.running.delete(id);
      job.reject(error);
    }
    this.dispatch();
  }
}

function rebuild(error: { name: string; message: string }): Error {
  const Known = ERRORS[error.name];
  if (Known) return new Known(error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/**
 * The compiled server runs dist/poster-worker.js next to its bundle (scripts/build.mjs). From source (tsx,
 * vitest) the worker is this folder's .ts file, which a worker thread can only load after registering
 * tsx itself: Node 20 does not pass `--import` hooks on to worker threads. `import.meta.filename` is the
 * running file (the build rewrites `import.meta.url` to the source file's URL, see scripts/build.mjs).
 */
function startWorker(): Worker {
  const here = import.meta.filename;
  if (!here.endsWith(".ts")) return new Worker(new URL("./poster-worker.js", pathToFileURL(here)));
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const source = JSON.stringify(new URL("./poster-worker.ts", pathToFileURL(here)).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${source}); });`, {
    eval: true,
  });
}
