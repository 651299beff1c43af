import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi, seedSubscribers } from "../helpers/broadcast-fixtures";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

// Only a missing browser is a reason to skip (CI images without Chromium); a broken page never is.
describe.skipIf(!hasChromium)(
  "an officer sends and controls broadcasts on the dashboard (Chromium)",
  { timeout: 90_000 },
  () => {
    let server: TestServer;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
      // 2 in Xã Bình Sơn (21040); Xã Vạn Tường (21061) took in former Bình Thuận (21043): 2 there.
      await seedSubscribers(server.database.db, 2, { channel: "webchat", communeCode: "21040" });
      await seedSubscribers(server.database.db, 1, {
        channel: "telegram",
        communeCode: "21043",
        firstChatId: 300,
      });
      await seedSubscribers(server.database.db, 1, {
        channel: "webchat",
        communeCode: "21061",
        firstChatId: 400,
      });
    });
    afterAll(async () => {
      await server.stop();
    });

    const open = async () => {
      const { link } = await officerLink(server.url, "admin");
      const browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
      const page = await browser.context.newPage();
      await page.goto(`${server.url}${new URL(link).pathname}`);
      await page.click("#login button");
      await page.waitForURL(/\/admin\?lang=vi$/);
      await page.goto(`${server.url}/admin/broadcasts?lang=vi`);
      return { page, close: browser.close };
    };

    it("a wrong time keeps the text and names the field; the preview counts per channel and commune; confirm sends", async () => {
      const { page, close } = await open();
      try {
        const text = "Sáng thứ Bảy tiêm mũi nhắc lại tại trạm y tế xã, mang theo căn cước.";
        await page.fill("textarea[name=text]", text);
        await page.check("input[name=commune_21040]");
        await page.check("input[name=commune_21061]");
        await page.fill("input[name=when]", "hôm qua lúc nào đó");
        await page.click("button[value=preview]");
        expect(await page.textContent("[role=alert]")).toContain("Thời gian gửi");
        expect(await page.inputValue("textarea[name=text]")).toBe(text);
        expect(await page.isChecked("input[name=commune_21061]")).toBe(true);
        expect(await page.getAttribute("input[name=when]", "aria-invalid")).toBe("true");

        await page.fill("input[name=when]", "");
        await page.click("button[value=preview]");
        await page.waitForSelector("#preview");
        expect(await page.textContent("#preview h3")).toBe("Người nhận: 4 người");
        const channels = await page.$$eval("#per-channel tbody tr", (rows) => rows.map((r) => r.textContent));
        expect(channels.sort()).toEqual(["Telegram1", "Web chat3"]);
        const communes = await page.$$eval("#per-commune tbody tr", (rows) => rows.map((r) => r.textContent));
        // The one who chose Bình Thuận before 1/7/2025 is counted under Xã Vạn Tường, the commune it is part of now.
        expect(communes.sort()).toEqual(["Xã Bình Sơn2", "Xã Vạn Tường2"]);
        // The message as it arrives: the text and the footer, per channel and language.
        const bubble = await page.textContent("figure[data-channel=telegram][data-lang=vi] pre");
        expect(bubble).toContain(text);
        expect(bubble).toContain("Gõ “dừng” để ngừng nhận tin.");
        await page.screenshot({ path: join(ARTIFACTS, "dashboard-broadcast-preview.png"), fullPage: true });

        // "Change" brings the form back as it was; preview again and confirm.
        await page.click("button[value=edit]");
        expect(await page.inputValue("textarea[name=text]")).toBe(text);
        await page.click("button[value=preview]");
        await page.click("button[value=confirm]");
        await page.waitForURL(/\/admin\/broadcasts\/[0-9a-f-]{36}\?lang=vi$/);
        const stored = await server.database.db.broadcast.findFirstOrThrow({ where: { text } });
        expect(stored.createdBy).toMatch(/^dashboard:/);
        expect(JSON.parse(stored.audience).communes).toEqual(
          expect.arrayContaining(["21040", "21043", "21061"]),
        );
      } finally {
        await close();
      }
    });

    it("cancels a scheduled broadcast from its page; nobody gets it", async () => {
      const { page, close } = await open();
      try {
        await page.fill("textarea[name=text]", "Họp dân thôn Long Yên tối Chủ nhật.");
        await page.check("input[name=all]");
        await page.fill("input[name=when]", "23:59");
        await page.click("button[value=preview]");
        await page.click("button[value=confirm]");
        await page.waitForURL(/\/admin\/broadcasts\/[0-9a-f-]{36}\?lang=vi$/);
        expect(await page.textContent("#state")).toContain("Đã hẹn giờ");
        // Moved before it goes: a new time typed as people type it.
        await page.fill("#change input[name=when]", "23:58");
        await page.click("#change button");
        expect(await page.textContent("[role=status]")).toMatch(/^Đã lưu\. Thông báo sẽ gửi lúc 23:58 /);
        await page.click("#cancel button");
        expect(await page.textContent("#cancelled")).toBe("Đã huỷ thông báo: đã gửi 0, dừng 0.");
        expect(await page.textContent("#state")).toContain("Đã hủy");
        expect(await page.$("#cancel")).toBeNull();
        const stored = await server.database.db.broadcast.findFirstOrThrow({
          where: { text: "Họp dân thôn Long Yên tối Chủ nhật." },
        });
        expect(stored.status).toBe("cancelled");
        await server.tick(new Date(Date.now() + 2 * 86_400_000));
        expect(await server.database.db.outboxMessage.count({ where: { broadcastId: stored.id } })).toBe(0);
      } finally {
        await close();
      }
    });

    it("a recurring reminder shows its next run, pauses, resumes and stops", async () => {
      const created = await adminApi(server.url)("/api/v1/reminders", {
        text: "Nhắc tiêm mũi nhắc lại mỗi sáng thứ Hai.",
        audience: { communes: ["21040"] },
        every: "weekly",
        weekday: 1,
        time: "07:30",
      });
      expect(created.status).toBe(201);
      const { page, close } = await open();
      try {
        const row = "#reminders tbody tr";
        expect(await page.textContent(row)).toMatch(/vào Thứ Hai hằng tuần lúc 07:30\s*07:30 \d\d\/\d\d/);
        await page.click(`${row} button:has-text("Tạm dừng")`);
        await page.waitForURL(/#reminders$/);
        expect(await page.textContent(row)).toContain("Đang tạm dừng");
        await page.click(`${row} button:has-text("Chạy lại")`);
        await page.waitForURL(/#reminders$/);
        expect(await page.textContent(row)).toMatch(/07:30 \d\d\/\d\d/);
        await page.click(`${row} button:has-text("Dừng hẳn")`);
        await page.waitForURL(/#reminders$/);
        expect(await page.$(row)).toBeNull();
        expect(await page.textContent("#reminders")).toContain("Chưa có nhắc nhở định kỳ nào");
      } finally {
        await close();
      }
    });
  },
);
