import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serverEnv, serverNodeFlags } from "../../scripts/server-node-flags";

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

/** The start command as npm's shell would run it, with the given environment. */
function startCommand(env: Record<string, string>): string {
  return execFileSync("sh", ["-c", `echo ${pkg.scripts.start}`], { env: { PATH: process.env.PATH, ...env } })
    .toString()
    .trim();
}

describe("npm start", () => {
  it("runs the server with the same bounded heap as the bench and the process tests measure", () => {
    for (const flag of serverNodeFlags({})) expect(startCommand({})).toContain(flag);
    const bigger = { NODE_HEAP_MB: "256" };
    for (const flag of serverNodeFlags(bigger)) expect(startCommand(bigger)).toContain(flag);
  });

  it("and with the same malloc settings", () => {
    // `echo` prints the command after the shell expanded it; the assignment is the first word.
    for (const [name, value] of Object.entries(serverEnv({}))) {
      expect(startCommand({})).toMatch(new RegExp(`^${name}=${value} node `));
    }
  });
});
