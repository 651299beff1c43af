import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serverNodeFlags } from "../scripts/server-node-flags";

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Starts a script (the real server, or the baseline bot) in its own process and waits for /healthz. */
export async function startProcess(
  root: string,
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      // The server runs as `npm start` runs it; the baseline bot with Node's defaults.
      ...(script === "src/main.ts" ? serverNodeFlags() : []),
      "--import",
      "tsx",
      ...(process.env.BENCH_CPU_PROF
        ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF_DIR ?? join(root, "bench/tmp/prof")]
        : []),
      script,
    ],
    {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
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
