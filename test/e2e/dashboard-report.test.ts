import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/report-command";
import { ADMIN_TOKEN, seedSubscribers } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { extractPdfText } from "../support/pdf-text";

describe("the weekly report (npm run report)", () => {
  let server: TestServer;
  let dir: string;
  const lines: string[] = [];
  const run = (args: string[]) =>
    runReport(args, { DATABASE_URL: server.databaseUrl }, { root: process.cwd(), log: (l) => lines.push(l) });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "report-"));
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    const db = server.database.db;
    const chauO = await registerVenue(server.url, ADMIN_TOKEN, { name: "Chợ Châu Ổ", communeCode: "21040" });
    const other = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Trạm y tế Bình Thuận",
      category: "health",
      communeCode: "21043",
      contactPhone: "0905 333 444",
    });
    // The window is 16–22/11/2026 (Vietnam days); the venues count as registered on the 17th.
    const inWindow = new Date("2026-11-17T03:00:00Z");
    await db.venue.updateMany({ data: { createdAt: inWindow } });
    const visit = (venueId: string, at: string) =>
      db.visit.create({ data: { id: crypto.randomUUID(), venueId, source: "web", visitedAt: new Date(at) } });
    await visit(chauO.id, "2026-11-16T01:00:00Z");
    await visit(chauO.id, "2026-11-22T16:30:00Z"); // 23:30 on the 22nd in Vietnam: inside
    await visit(chauO.id, "2026-11-22T17:30:00Z"); // 00:30 on the 23rd: outside
    await visit(other.id, "2026-11-18T05:00:00Z");
    await seedSubscribers(db, 3, { communeCode: "21040" });
    await db.communeTarget.create({ data: { communeCode: "21040", venues: 10, updatedBy: "test" } });
    const broadcast = (id: string, audience: unknown) =>
      db.broadcast.create({
        data: {
          id,
          text: id,
          audience: JSON.stringify(audience),
          status: "done",
          sendAt: new Date("2026-11-19T02:00:00Z"),
          createdBy: "test",
        },
      });
    await broadcast("to-chau-o", { communes: ["21040"] });
    await broadcast("to-all", { all: true });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("--help explains the options", async () => {
    expect(await run(["--help"])).toBe(0);
    expect(lines.at(-1)).toContain("--from YYYY-MM-DD --to YYYY-MM-DD [--commune CODE]");
    expect(await run(["--from", "2026-11-16"])).toBe(2);
  });

  it("CSV: one row per commune with venues, check-ins, subscribers and broadcasts in the window", async () => {
    const out = join(dir, "week.csv");
    expect(
      await run([
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-22",
        "--commune",
        "21040",
        "--commune",
        "21043",
        "--out",
        out,
      ]),
    ).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trim().split("\r\n");
    expect(rows[0]).toBe(
      '"Từ ngày","Đến ngày","Mã xã","Xã","Địa điểm mới","Tổng địa điểm","Chỉ tiêu","Lượt khai báo","Người nhận tin","Thông báo đã gửi"',
    );
    // One row per unit in force in November 2026: the venue stored with former Bình Thuận (21043) counts in
    // Xã Vạn Tường, the xã it became part of on 1/7/2025.
    expect(rows.slice(1)).toEqual([
      '"2026-11-16","2026-11-22","21040","Xã Bình Sơn","1","1","10","2","3","2"',
      '"2026-11-16","2026-11-22","21061","Xã Vạn Tường","1","1","","1","0","1"',
    ]);
  });

  it("PDF: charts and table with commune names in Vietnamese, the posters' font embedded", async () => {
    const out = join(dir, "week.pdf");
    expect(await run(["--from", "2026-11-16", "--to", "2026-11-22", "--out", out])).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/BeVietnamPro/);
    const text = (await extractPdfText(pdf)).text;
    expect(text).toContain("Báo cáo tuần – UBND tỉnh Quảng Ngãi");
    expect(text).toContain("Xã Bình Sơn");
    expect(text).toContain("Xã Vạn Tường");
    expect(text).not.toContain("Huyện Bình Sơn");
    expect(text).toContain("Lượt khai báo");
  });
});
