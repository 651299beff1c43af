import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database";
import { freshDatabaseUrl } from "../helpers/test-database";

const root = join(import.meta.dirname, "../..");

async function runImport(
  args: string[],
  databaseUrl: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      join(root, "node_modules/.bin/tsx"),
      ["scripts/venues-import.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("bulk venue import (npm run venues:import)", () => {
  it("an officer imports a commune's list: valid rows are registered once, bad rows are explained, posters written", async () => {
    const databaseUrl = await freshDatabaseUrl();
    const dir = mkdtempSync(join(tmpdir(), "import-"));
    const csv = join(dir, "venues.csv");
    writeFileSync(
      csv,
      [
        "name,category,communeCode,address,contactName,contactPhone",
        "Chợ Châu Ổ,market,21040,Quốc lộ 1A,Phạm Văn Tư,0905 222 333",
        'Trường Tiểu học Bình Hải,school,"xa binh hai",Thôn Thanh Thủy,Lê Thị Hoa,+84935111222',
        "X,castle,99999,Nowhere,Bob 2,12",
      ].join("\n"),
    );
    const first = await runImport([csv, "--posters", join(dir, "posters")], databaseUrl);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("2 registered, 0 already registered, 1 invalid");
    expect(first.stdout).toMatch(
      /line 4: INVALID — name: .*; category: .*; communeCode: .*; contactName: .*; contactPhone: /,
    );
    expect(readdirSync(join(dir, "posters"))).toHaveLength(2);

    const again = await runImport([csv], databaseUrl);
    expect(again.stdout).toContain("0 registered, 2 already registered, 1 invalid");
    const { db, close } = openDatabase(databaseUrl);
    expect(await db.venue.count()).toBe(2);
    // "xa binh hai" names a former xã: imported today, the school is stored in Xã Vạn Tường, which took it in.
    expect(await db.venue.findFirst({ where: { name: "Trường Tiểu học Bình Hải" } })).toMatchObject({
      communeCode: "21061",
    });
    await close();
  });

  it("--help explains the template, and a file without the right columns is refused", async () => {
    const help = await runImport(["--help"], "file:/nonexistent/never-opened.db");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("name,category,communeCode,address,contactName,contactPhone");
    const dir = mkdtempSync(join(tmpdir(), "import-"));
    writeFileSync(join(dir, "bad.csv"), "title,place\nA,B\n");
    const bad = await runImport([join(dir, "bad.csv")], "file:/nonexistent/never-opened.db");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Missing column(s): name, category");
  });
});
