// Loaded into the server under test by the webhook bench (node --import): measures, inside the server,
// how long each webhook request took from arrival to the last byte of the answer, and how late the event
// loop ran. The load generator's own latency also holds the client's and the machine's delays; this tells
// them apart. On SIGUSR2 it writes what it saw since the previous signal to BENCH_PROBE_FILE and starts over.
import { renameSync, writeFileSync } from "node:fs";
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_PROBE_FILE;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let durations = [];

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

process.on("SIGUSR2", () => {
  const sorted = durations.sort((a, b) => a - b);
  const stats = {
    requests: sorted.length,
    p50Ms: ms(at(sorted, 0.5)),
    p99Ms: ms(at(sorted, 0.99)),
    maxMs: ms(sorted.at(-1) ?? 0),
    loopDelayP99Ms: ms(loop.percentile(99) / 1e6),
    loopDelayMaxMs: ms(loop.max / 1e6),
  };
  // Written whole, then renamed: the bench polls for the file and must not read it half written.
  if (file) {
    writeFileSync(`${file}.part`, JSON.stringify(stats));
    renameSync(`${file}.part`, file);
  }
  durations = [];
  loop.reset();
});
