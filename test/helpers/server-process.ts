import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { serverEnv, serverNodeFlags } from "../../scripts/server-node-flags";

const root = join(import.meta.dirname, "../..");

/** A free loopback port (asked from the OS, then released for the child to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The real server (`src/main.ts`) as a child process: what runs in production, killable with SIGKILL. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: string[];
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `src/main.ts` under tsx with `env` on a free port and waits until /readyz answers; with
 * `compiled`, the build in dist/ as `npm start` runs it (build it first: scripts/build.mjs); `port`, on that
 * port (a process restarted behind a load balancer).
 */
export async function startServerProcess(
  env: Record<string, string>,
  options: { compiled?: boolean; port?: number; readyWithinMs?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const output: string[] = [];
  const entry = options.compiled ? ["dist/main.js"] : ["--import", "tsx", "src/main.ts"];
  const child = spawn(process.execPath, [...serverNodeFlags(), ...entry], {
    cwd: root,
    env: { ...process.env, ...serverEnv(), HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => output.push(String(d)));
  child.stderr?.on("data", (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + (options.readyWithinMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output.join("")}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start: ${output.join("")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
