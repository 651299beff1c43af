import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const MODULE = fileURLToPath(new URL("../src/background-priority.ts", import.meta.url));

/** Runs `body` in a fresh Node process (a process's priority cannot be raised back by an unprivileged one). */
function inChild(body: string): unknown {
  const script = `const m = await import(${JSON.stringify(MODULE)});
    const { readdirSync, readFileSync } = await import("node:fs");
    const niceOf = (task) => Number(readFileSync("/proc/self/task/" + task + "/stat", "utf8").split(") ")[1].split(" ")[16]);
    const nices = () => readdirSync("/proc/self/task").map(niceOf);
    ${body}`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return JSON.parse(out);
}

describe.runIf(process.platform === "linux")("background work beside the server", () => {
  it("an import lowers every thread it has, and the threads it starts later inherit it", () => {
    const seen = inChild(`
      const before = nices();
      m.runProcessInBackground();
      const { Worker } = await import("node:worker_threads");
      const worker = new Worker("setTimeout(() => {}, 200)", { eval: true });
      await new Promise((r) => worker.once("online", r));
      console.log(JSON.stringify({ before, after: nices() }));
      await worker.terminate();`) as { before: number[]; after: number[] };
    expect(new Set(seen.before)).toEqual(new Set([0]));
    expect(seen.after.length).toBeGreaterThan(seen.before.length);
    expect(new Set(seen.after)).toEqual(new Set([10]));
  });
});
