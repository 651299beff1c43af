// Loaded into the server under test by the webhook bench (node --import): measures, inside the server,
// how long each webhook request took from arrival to the last byte of the answer, and how late the event
// loop ran. The load generator's own latency also holds the client's and the machine's delays; this tells
// them apart. On SIGUSR2 it writes what it saw since the previous signal to BENCH_PROBE_FILE and starts over.
//
// Lateness is how long after its due time the loop got to run a timer. monitorEventLoopDelay records the
// whole interval between two of its timer's runs, resolution included: an idle loop reads 10.2 ms at
// resolution 10 (a 5 ms block every 50 ms reads 15.4 ms). Until 2026-12-04 the bench reported that
// interval as the lateness, 10 ms too much; the resolution is now taken off.
import { renameSync, writeFileSync } from "node:fs";
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_PROBE_FILE;
const RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
loop.enable();
let durations = [];

// What the peak resident size is made of: each part's highest value since the last read, sampled every
// 100 ms (process.memoryUsage() reads /proc once; negligible beside the load).
const MEMORY_PARTS = ["rss", "heapTotal", "heapUsed", "external", "arrayBuffers"];
let memoryPeak = {};
setInterval(() => {
  const now = process.memoryUsage();
  for (const part of MEMORY_PARTS) memoryPeak[part] = Math.max(memoryPeak[part] ?? 0, now[part]);
}, 100).unref();

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function probe(event, ...args) {
  const [req, res] = args;
  if (event === "request" && req.url?.startsWith("/webhooks/")) {
    const started = performance.now();
    res.once("finish", () => durations.push(performance.now() - started));
  }
  return emit.call(this, event, ...args);
};

const at = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
const ms = (n) => Math.round(n * 10) / 10;
/** A recorded interval (ns) less the timer's own period, in ms. */
const lateness = (ns) => ms(Math.max(0, ns / 1e6 - RESOLUTION_MS));

process.on("SIGUSR2", () => {
  const sorted = durations.sort((a, b) => a - b);
  const stats = {
    requests: sorted.length,
    p50Ms: ms(at(sorted, 0.5)),
    p99Ms: ms(at(sorted, 0.99)),
    maxMs: ms(sorted.at(-1) ?? 0),
    loopLatenessP99Ms: lateness(loop.percentile(99)),
    loopLatenessMaxMs: lateness(loop.max),
    memoryPeakMb: Object.fromEntries(
      MEMORY_PARTS.map((part) => [part, ms((memoryPeak[part] ?? 0) / 2 ** 20)]),
    ),
  };
  // Written whole, then renamed: the bench polls for the file and must not read it half written.
  if (file) {
    writeFileSync(`${file}.part`, JSON.stringify(stats));
    renameSync(`${file}.part`, file);
  }
  durations = [];
  memoryPeak = {};
  loop.reset();
});
