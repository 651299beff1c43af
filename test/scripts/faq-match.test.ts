import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const script = fileURLToPath(new URL("../../scripts/faq-match.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

function runScript(input: string, cwd = root) {
  return spawnSync(tsx, [script], { cwd, input, encoding: "utf8", timeout: 30_000 });
}

describe("faq:match script", () => {
  it("prints one JSON line per question, with null topic when the bot would fall back", () => {
    const run = runScript("ko nhan dc ma otp\nalo\n\nWhere is my personal QR code?\n");
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    const results = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(["alternatives", "confidence", "topic"]);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(Array.isArray(result.alternatives)).toBe(true);
    }
    expect(results.map((result) => result.topic)).toEqual(["pccovid.otp", null, null, "pccovid.personal-qr"]);
  });

  it("finds its data from any working directory and handles input without a final newline", () => {
    const run = runScript("hộ chiếu vắc xin", "/");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).topic).toBe("vaccine.passport");
  });
});
