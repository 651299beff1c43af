import { performance } from "node:perf_hooks";

/** Median wall time in ms of `runs` calls after one warm-up call (font parsing, JIT). */
export async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return round(median(times));
}

/** The middle value (the upper one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits));
}
