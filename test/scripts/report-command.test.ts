import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/report-command";

const dir = mkdtempSync(join(tmpdir(), "report-input-"));
// A database that must stay untouched: every case below is refused before it is opened.
const env = { DATABASE_URL: `file:${join(dir, "never.db")}` };

async function refused(args: string[]): Promise<string> {
  const lines: string[] = [];
  const code = await runReport(args, env, { root: process.cwd(), log: (l) => lines.push(l) });
  expect(code, args.join(" ")).toBe(2);
  expect(lines, args.join(" ")).toHaveLength(1);
  expect(existsSync(join(dir, "never.db"))).toBe(false);
  return lines[0] ?? "";
}

const week = (more: string[]) => ["--from", "2026-11-16", "--to", "2026-11-22", ...more];

describe("npm run report with input typed wrong", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a day that does not exist, or is not a day, is named with the option it came in", async () => {
    expect(await refused(["--from", "30/02/2026", "--to", "2026-03-01", "--out", "x.pdf"])).toBe(
      "--from 30/02/2026: không phải ngày hợp lệ (ví dụ 16/11/2026 hoặc 2026-11-16).",
    );
    expect(await refused(["--from", "2026-11-16", "--to", "hôm nay", "--out", "x.pdf"])).toContain(
      "--to hôm nay",
    );
    expect(await refused(["--from", "2026-11-16"])).toBe(
      "Thiếu --to, --out. Ví dụ: npm run report -- --from 16/11/2026 --to 22/11/2026 --out bao-cao.pdf",
    );
    expect(await refused(["--form", "2026-11-16"])).toContain(
      "Không đọc được tùy chọn: Unknown option '--form'",
    );
  });

  it("--to before --from says which way round they go", async () => {
    expect(await refused(["--from", "22/11/2026", "--to", "16/11/2026", "--out", "x.csv"])).toBe(
      "Ngày kết thúc (16/11/2026) trước ngày bắt đầu (22/11/2026): hãy đổi lại --from và --to.",
    );
  });

  it("an unknown commune lists the communes of the period; an ambiguous name asks for the code", async () => {
    const unknown = await refused(week(["--commune", "binh hoa lac", "--out", "x.pdf"]));
    expect(unknown).toBe(
      "Không tìm thấy xã “binh hoa lac” trong kỳ báo cáo. Các xã trong kỳ: Xã Bình Sơn (21040), Xã Vạn Tường (21061), Xã Bình Minh (21085), Xã Bình Chương (21100), Xã Đông Sơn (21109).",
    );
    expect(await refused(week(["--commune", "99999", "--out", "x.pdf"]))).toContain("“99999”");
    // Before 1/7/2025 "binh thanh" without diacritics is Bình Thạnh or Bình Thanh.
    expect(
      await refused([
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-31",
        "--commune",
        "binh thanh",
        "--out",
        "x.pdf",
      ]),
    ).toBe(
      "“binh thanh” khớp với nhiều xã: Xã Bình Thạnh (21046), Xã Bình Thanh (21091). Hãy gõ mã xã hoặc tên có dấu.",
    );
  });

  it("an --out that cannot be written is refused before the database is read, in English with --lang en", async () => {
    mkdirSync(join(dir, "taken.pdf"));
    expect(await refused(week(["--out", join(dir, "no-such-folder", "x.pdf")]))).toBe(
      `Không ghi được vào ${join(dir, "no-such-folder", "x.pdf")} (ENOENT). Hãy chọn thư mục có quyền ghi.`,
    );
    expect(await refused(week(["--out", join(dir, "taken.pdf"), "--lang", "en"]))).toBe(
      `Cannot write ${join(dir, "taken.pdf")} (EISDIR). Choose a folder you can write to.`,
    );
    expect(await refused(week(["--out", "report.docx"]))).toBe(
      "--out report.docx: tên tệp phải kết thúc bằng .pdf hoặc .csv.",
    );
  });

  it("the npm script prints the one line and exits 2, with no stack trace", async () => {
    const run = promisify(execFile);
    const error = await run(
      "node_modules/.bin/tsx",
      ["scripts/report.ts", "--from", "2026-11-22", "--to", "2026-11-16", "--out", join(dir, "x.pdf")],
      { env: { ...process.env, ...env } },
    ).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(error).toMatchObject({
      code: 2,
      stdout: "Ngày kết thúc (16/11/2026) trước ngày bắt đầu (22/11/2026): hãy đổi lại --from và --to.\n",
      stderr: "",
    });
  });
});
