import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { serverEnv } from "../scripts/server-node-flags";
import { median, round } from "./median";
import { freePort, freshBenchDatabase, nodeArgs, rssMb, SERVER_SOURCE, startProcess } from "./process";
import { serverBenchEnv } from "./webhook";

/** One way of starting the server, measured. */
export interface StartupFigures {
  /** Median ms from spawning the process to the first 200 from /readyz (migrations already applied). */
  readyMedianMs: number;
  readyMs: number[];
  /**
   * Median CPU time (user + system, all threads) the process spent until ready: on a machine shared with
   * other work the wall time stretches, this much less.
   */
  readyCpuMedianMs: number;
  /** Resident memory 5 s after ready, nothing asked of it. */
  idleRssMb: number | null;
}

export interface StartupBench {
  runs: number;
  /** `npm start` now: node dist/main.js. */
  built: StartupFigures;
  /** `npm start` before the build: node --import tsx src/main.ts. */
  source: StartupFigures;
  ratio: number;
}

const IDLE_MS = 5_000;

/** utime + stime of a process from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuTimeMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startOnce(
  root: string,
  env: Record<string, string>,
  fromSource: boolean,
  idle: boolean,
): Promise<{ readyMs: number; cpuMs: number; idleRssMb: number | null }> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, nodeArgs(root, SERVER_SOURCE, { fromSource }), {
    cwd: root,
    env: {
      ...process.env,
      ...serverEnv(),
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (child.exitCode !== null) throw new Error("the server exited before it was ready");
      if (performance.now() - started > 60_000) throw new Error("the server was not ready within 60 s");
      await new Promise((r) => setTimeout(r, 5));
    }
    const readyMs = Math.round(performance.now() - started);
    const cpuMs = cpuTimeMs(child.pid);
    if (!idle) return { readyMs, cpuMs, idleRssMb: null };
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { readyMs, cpuMs, idleRssMb: rssMb(child.pid) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/**
 * Start-up to ready on /readyz and idle RSS of the server as `npm start` runs it now (the build) and as
 * it ran before (tsx compiling TypeScript at start-up), alternating so machine load hits both alike.
 */
export async function measureStartup(root: string, opts: { runs: number }): Promise<StartupBench> {
  const { databaseUrl } = await freshBenchDatabase(root, "startup");
  const api = await startProcess(root, "bench/stand-in-bot-api.ts", {});
  const env = serverBenchEnv(api.url, databaseUrl);
  const runs = { built: [] as number[], source: [] as number[] };
  const cpu = { built: [] as number[], source: [] as number[] };
  const idle = { built: null as number | null, source: null as number | null };
  try {
    for (let i = 0; i < opts.runs; i++) {
      for (const mode of ["built", "source"] as const) {
        const last = i === opts.runs - 1;
        const run = await startOnce(root, env, mode === "source", last);
        runs[mode].push(run.readyMs);
        cpu[mode].push(run.cpuMs);
        if (last) idle[mode] = run.idleRssMb;
      }
    }
  } finally {
    api.child.kill("SIGTERM");
  }
  const figures = (mode: "built" | "source"): StartupFigures => ({
    readyMedianMs: median(runs[mode]),
    readyMs: runs[mode],
    readyCpuMedianMs: median(cpu[mode]),
    idleRssMb: idle[mode],
  });
  const built = figures("built");
  const source = figures("source");
  return { runs: opts.runs, built, source, ratio: round(built.readyMedianMs / source.readyMedianMs, 3) };
}
