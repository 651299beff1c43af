import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "officers-cli-"));
const DATABASE_URL = `file:${join(dir, "app.db")}`;

async function officers(...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/officers.ts", ...args], {
    env: { ...process.env, DATABASE_URL },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe("an admin invites an officer from the command line", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names communes as people write them, a former unit giving today's xã", async () => {
    const r = await officers("invite", "--role", "officer", "--communes", "van tuong, Bình Hải,21040");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Xã Bình Hải → Xã Vạn Tường");
    const code = r.stdout.trim().split("\n").at(-1) ?? "";
    const database = openDatabase(DATABASE_URL);
    try {
      const invites = await database.db.officerInvite.findMany();
      expect(invites).toHaveLength(1);
      expect(invites[0]?.communes).toBe("21061,21040");
      expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    } finally {
      await database.close();
    }
  }, 60_000);

  it("refuses an unknown or ambiguous commune with one line, and creates no invite", async () => {
    const unknown = await officers("invite", "--role", "officer", "--communes", "Hội An");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('--communes: "Hội An": no such commune');
    const ambiguous = await officers("invite", "--role", "officer", "--communes", "binh thanh");
    expect(ambiguous.stderr.trim()).toMatch(
      /^--communes: "binh thanh": several fit: 21046 Xã Bình Thạnh, 21091/,
    );
  }, 60_000);

  it("answers --help with the usage, and a mistyped option with what is wrong and the usage, never a stack trace", async () => {
    const help = await officers("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run officers -- invite --role/);
    for (const args of [
      ["invite", "--rol", "admin"],
      ["invite", "--role"],
    ]) {
      const wrong = await officers(...args);
      expect(wrong.code, args.join(" ")).toBe(2);
      expect(wrong.stderr, args.join(" ")).toMatch(
        /Unknown option '--rol'|Option '--role <value>' argument missing/,
      );
      expect(wrong.stderr).toContain("Usage: npm run officers");
      expect(wrong.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});
