import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/report-command";
import { ADMIN_TOKEN, seedSubscribers } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { extractPdfText } from "../support/pdf-text";

const HEADER =
  "Xã Địa điểm mới Tổng địa điểm Chỉ tiêu Lượt khai báo Người nhận tin (hiện tại) Thông báo đã gửi";

describe("the report per commune (npm run report)", () => {
  let server: TestServer;
  let dir: string;
  const lines: string[] = [];
  const env = () => ({ DATABASE_URL: server.databaseUrl, ORG_NAME: "UBND xã Bình Sơn" });
  const run = (args: string[]) =>
    runReport(args, env(), {
      root: process.cwd(),
      log: (l) => lines.push(l),
      now: new Date("2026-12-02T03:00:00Z"),
    });
  const csvRows = (file: string) => readFileSync(file, "utf8").slice(1).trim().split("\r\n");
  const pdfOf = async (file: string) => extractPdfText(readFileSync(file));

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
    // A venue registered in June 2025 under the former Xã Bình Hải, which became part of Xã Vạn Tường.
    const binhHai = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Quán Bình Hải",
      communeCode: "21061",
    });
    await db.venue.update({
      where: { id: binhHai.id },
      data: { communeCode: "21067", createdAt: new Date("2025-06-10T03:00:00Z") },
    });
    // The window is 16–22/11/2026 (Vietnam days); the two other venues count as registered on the 17th.
    await db.venue.updateMany({
      where: { id: { in: [chauO.id, other.id] } },
      data: { createdAt: new Date("2026-11-17T03:00:00Z") },
    });
    const visit = (venueId: string, at: string) =>
      db.visit.create({ data: { id: crypto.randomUUID(), venueId, source: "web", visitedAt: new Date(at) } });
    await visit(chauO.id, "2026-11-16T01:00:00Z");
    await visit(chauO.id, "2026-11-22T16:30:00Z"); // 23:30 on the 22nd in Vietnam: inside
    await visit(chauO.id, "2026-11-22T17:30:00Z"); // 00:30 on the 23rd: outside
    await visit(other.id, "2026-11-18T05:00:00Z");
    await visit(binhHai.id, "2025-06-20T05:00:00Z");
    await visit(binhHai.id, "2025-07-05T05:00:00Z");
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
    if (!process.env.KEEP_REPORTS) rmSync(dir, { recursive: true, force: true });
  });

  it("CSV: one row per xã in force, former units counted in their xã, and a total row that is the sum", async () => {
    const out = join(dir, "week.csv");
    expect(await run(["--from", "2026-11-16", "--to", "22/11/2026", "--out", out])).toBe(0);
    const rows = csvRows(out);
    expect(rows[0]).toBe(
      '"Từ ngày","Đến ngày","Mã xã","Xã","Địa điểm mới","Tổng địa điểm","Chỉ tiêu","Lượt khai báo","Người nhận tin (hiện tại)","Thông báo đã gửi"',
    );
    // The venue stored with former Bình Thuận (21043) and the one of Bình Hải (21067) count in Xã Vạn Tường.
    expect(rows.slice(1, 3)).toEqual([
      '"2026-11-16","2026-11-22","21040","Xã Bình Sơn","1","1","10","2","3","2"',
      '"2026-11-16","2026-11-22","21061","Xã Vạn Tường","1","2","","1","0","1"',
    ]);
    expect(rows).toHaveLength(1 + 5 + 1);
    const cells = rows.slice(1).map((r) => r.slice(1, -1).split('","'));
    const total = cells.at(-1) ?? [];
    expect(total.slice(2, 4)).toEqual(["", "Tổng cộng"]);
    for (const col of [4, 5, 6, 7, 8]) {
      const sum = cells.slice(0, -1).reduce((s, r) => s + Number(r[col] || 0), 0);
      expect(Number(total[col]), `column ${col}`).toBe(sum);
    }
    // Two broadcasts were sent: the one to every commune counts once in the total, not once per xã.
    expect(total[9]).toBe("2");
  });

  it("PDF: the table with totals and targets starts on page 1, titled with ORG_NAME, dates as dd/mm", async () => {
    const out = join(dir, "week.pdf");
    expect(await run(["--from", "2026-11-16", "--to", "2026-11-22", "--out", out])).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.toString("latin1")).toMatch(/BeVietnamPro/);
    const { pages, text } = await pdfOf(out);
    const first = pages[0] ?? "";
    expect(first).toContain("Báo cáo số liệu theo xã – UBND xã Bình Sơn");
    expect(first).toContain("Từ ngày 16/11/2026 đến ngày 22/11/2026");
    expect(first).toContain(HEADER);
    expect(first).toContain("Xã Bình Sơn 1 1 10 2 3 2");
    expect(first).toContain("Tổng cộng 2 3 10 3 3 2");
    for (const name of ["Xã Bình Sơn", "Xã Vạn Tường", "Xã Bình Minh", "Xã Bình Chương", "Xã Đông Sơn"])
      expect(text.split(name).length - 1, name).toBeGreaterThanOrEqual(2); // table and chart label
    expect(text).toContain("16/11");
    expect(text).toContain("22/11");
    expect(text).not.toContain("11-16");
    expect(text).not.toMatch(/huyện Bình Sơn/i);
  });

  it("one commune asked for by name without diacritics: the title names it and the chart has one bar", async () => {
    const out = join(dir, "binh-son.pdf");
    expect(
      await run(["--from", "2026-11-16", "--to", "2026-11-22", "--commune", "xa binh son", "--out", out]),
    ).toBe(0);
    const { pages, text } = await pdfOf(out);
    expect(pages[0]).toContain("Báo cáo số liệu Xã Bình Sơn – UBND xã Bình Sơn");
    expect(pages[0]).toContain(HEADER);
    expect(text).not.toContain("Xã Vạn Tường");
    // Axis ticks are whole numbers up to the target (10): 0 2 4 6 8 10, never 2.5.
    expect(text).toMatch(/0 2 4 6 8 10/);
    expect(text).not.toMatch(/\d\.\d/);
  });

  it("a period before 1/7/2025 lists the 22 former units; a former name after it means its xã", async () => {
    const before = join(dir, "june-2025.csv");
    expect(await run(["--from", "2025-06-01", "--to", "2025-06-30", "--out", before])).toBe(0);
    const rows = csvRows(before);
    expect(rows).toHaveLength(1 + 22 + 1);
    expect(rows).toContain('"2025-06-01","2025-06-30","21067","Xã Bình Hải","1","1","","1","0","0"');
    // Thị trấn Châu Ổ had code 21040 too: today's target for Xã Bình Sơn is not its target.
    expect(rows.find((r) => r.includes("Thị trấn Châu Ổ"))).toContain('"21040","Thị trấn Châu Ổ","0","0",""');

    // Every one of the 22 names is under its bar too (tilted to fit), not only in the table.
    const pdf = join(dir, "june-2025.pdf");
    expect(await run(["--from", "2025-06-01", "--to", "2025-06-30", "--out", pdf])).toBe(0);
    const { text } = await pdfOf(pdf);
    const names = rows.slice(1, -1).map((r) => r.split(",")[3]?.replace(/"/g, "") ?? "");
    for (const name of names) expect(text.split(name).length - 1, name).toBeGreaterThanOrEqual(2);

    const after = join(dir, "binh-hai.csv");
    expect(
      await run(["--from", "2026-11-16", "--to", "2026-11-22", "--commune", "Bình Hải", "--out", after]),
    ).toBe(0);
    expect(lines).toContain(
      "Xã Bình Hải đã nhập vào Xã Vạn Tường từ ngày 01/07/2025: báo cáo tính cho toàn Xã Vạn Tường.",
    );
    expect(
      csvRows(after)
        .slice(1, -1)
        .map((r) => r.split(",")[3]),
    ).toEqual(['"Xã Vạn Tường"']);
  });

  it("a period spanning 1/7/2025 groups the former units under the new xã and says so on the report", async () => {
    const out = join(dir, "summer-2025.pdf");
    expect(await run(["--from", "2025-06-15", "--to", "2025-07-15", "--out", out])).toBe(0);
    const { pages } = await pdfOf(out);
    const note =
      "Ngày 01/07/2025 các xã, thị trấn cũ được sắp xếp lại thành xã mới; kỳ báo cáo có cả thời gian trước đó, nên số liệu của 22 đơn vị cũ được tính vào xã mới.";
    expect(pages[0]).toContain(note);
    expect(lines).toContain(note);
    expect(pages[0]).toContain("Xã Vạn Tường 0 1 — 2 0 0");
    expect(pages[0]).not.toContain("Xã Bình Hải");
  });
});
