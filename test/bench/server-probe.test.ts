import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type ProbeStats, readProbe } from "../../bench/process";

const PROBE = join(import.meta.dirname, "../../bench/server-probe.mjs");
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `script` in a node process with the bench's probe loaded for `ms`, then reads the probe as the bench does. */
async function probeWhile(script: string, ms: number): Promise<ProbeStats> {
  const dir = mkdtempSync(join(tmpdir(), "probe-"));
  dirs.push(dir);
  const file = join(dir, "probe.json");
  // The interval keeps an idle script alive until it is read.
  const child = spawn(
    process.execPath,
    ["--import", PROBE, "-e", `${script}\nsetInterval(() => {}, 1_000);`],
    {
      env: { ...process.env, BENCH_PROBE_FILE: file },
      stdio: "inherit",
    },
  );
  try {
    await sleep(ms);
    return await readProbe(child, file);
  } finally {
    child.kill("SIGTERM");
  }
}

describe("the bench's event-loop probe", () => {
  it("reads an idle loop as on time, not as late by its own timer's period", async () => {
    const idle = await probeWhile("", 1_000);
    // The recorded intervals are ~10.2 ms at resolution 10; the period is not lateness. An idle loop beside
    // other test files still runs a timer a few ms late now and then, never the 10 ms the period would add.
    expect(idle.loopLatenessP99Ms).toBeLessThan(6);
  });

  it("reads a loop blocked for 40 ms at a time as about 40 ms late at worst", async () => {
    const blocked = await probeWhile(
      `setInterval(() => { const end = performance.now() + 40; while (performance.now() < end); }, 200);`,
      1_500,
    );
    expect(blocked.loopLatenessMaxMs).toBeGreaterThanOrEqual(30);
    expect(blocked.loopLatenessMaxMs).toBeLessThan(60);
  });
});
