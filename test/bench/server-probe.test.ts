import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const PROBE = join(import.meta.dirname, "../../bench/server-probe.mjs");

/**
 * Runs `script` in a node process with the bench's probe loaded, for `ms`, then asks the probe for what it saw
 * (SIGUSR2, as the bench does) and reads its answer.
 */
async function probeWhile(
  script: string,
  ms: number,
): Promise<{ loopLatenessP99Ms: number; loopLatenessMaxMs: number }> {
  const file = join(mkdtempSync(join(tmpdir(), "probe-")), "probe.json");
  const body = `${script}
setTimeout(() => {
  process.kill(process.pid, "SIGUSR2");
  setTimeout(() => process.exit(0), 50);
}, ${ms});`;
  const child = spawn(process.execPath, ["--import", PROBE, "-e", body], {
    env: { ...process.env, BENCH_PROBE_FILE: file },
    stdio: "inherit",
  });
  await new Promise((resolve) => child.once("exit", resolve));
  return JSON.parse(readFileSync(file, "utf8"));
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
