import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serverEnv, serverNodeFlags } from "../scripts/server-node-flags";
import { migrate } from "../src/db/migrate";

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * The server's TypeScript entry and what runs for it: the build in dist/, as `npm start` runs it
 * (bench/run.ts builds it first). Other scripts run from source under tsx.
 */
export const SERVER_SOURCE = "src/main.ts";
export const SERVER_BUILD = "dist/main.js";

/**
 * Node arguments that start `script`: for the server its flags and its build (`fromSource`: under tsx,
 * as `npm start` ran it before the build, for the side-by-side start-up figure), tsx for the rest.
 */
export function nodeArgs(
  root: string,
  script: string,
  options: { probeFile?: string; fromSource?: boolean } = {},
): string[] {
  const server = script === SERVER_SOURCE || script === SERVER_BUILD;
  const entry = script === SERVER_SOURCE && !options.fromSource ? SERVER_BUILD : script;
  return [
    ...(server ? serverNodeFlags() : []),
    ...(entry.endsWith(".ts") ? ["--import", "tsx"] : []),
    ...(options.probeFile ? ["--import", join(root, "bench/server-probe.mjs")] : []),
    ...(process.env.BENCH_CPU_PROF
      ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF_DIR ?? join(root, "bench/tmp/prof")]
      : []),
    entry,
  ];
}

/** Starts a script (the real server, or the baseline bot) in its own process and waits for /healthz. */
export async function startProcess(
  root: string,
  script: string,
  env: Record<string, string>,
  /** A file for bench/server-probe.mjs to write its measurements to (the server under test only). */
  probeFile?: string,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // The server runs as `npm start` runs it; the baseline bot with Node's defaults.
  const child = spawn(process.execPath, nodeArgs(root, script, probeFile ? { probeFile } : {}), {
    cwd: root,
    env: {
      ...process.env,
      ...(script === SERVER_SOURCE || script === SERVER_BUILD ? serverEnv() : {}),
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      ...(probeFile ? { BENCH_PROBE_FILE: probeFile } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`${script} did not start`);
}

/** An empty bench/tmp/NAME folder and a migrated SQLite database in it. */
export async function freshBenchDatabase(
  root: string,
  name: string,
): Promise<{ tmp: string; databaseUrl: string }> {
  const tmp = join(root, "bench/tmp", name);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const databaseUrl = `file:${join(tmp, "bench.db")}`;
  await migrate(databaseUrl);
  return { tmp, databaseUrl };
}

/** Resident memory of a process from /proc (VmRSS now, VmHWM its peak), in MB. */
export function rssMb(pid: number | undefined, field: "VmRSS" | "VmHWM" = "VmRSS"): number | null {
  if (!pid) return null;
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? Math.round(Number(match[1]) / 102.4) / 10 : null;
}

/** Asks the server's probe for what it measured since the last ask (and to start over). */
export async function readProbe(child: ChildProcess, file: string): Promise<ProbeStats> {
  rmSync(file, { force: true });
  child.kill("SIGUSR2");
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
  return JSON.parse(readFileSync(file, "utf8")) as ProbeStats;
}

/** What bench/server-probe.mjs reports: webhook time inside the server, and event-loop lateness. */
export interface ProbeStats {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How late the event loop ran a timer after its due time (the probe's timer period taken off). */
  loopLatenessP99Ms: number;
  loopLatenessMaxMs: number;
  /** The highest value of each part of `process.memoryUsage()` (MB), sampled every 100 ms. */
  memoryPeakMb: Record<"rss" | "heapTotal" | "heapUsed" | "external" | "arrayBuffers", number>;
}
