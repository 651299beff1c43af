import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

// Only a missing browser is a reason to skip (CI images without Chromium); a broken page never is.
describe.skipIf(!hasChromium)(
  "an officer answers a person from the inbox in a real browser (Chromium)",
  () => {
    let server: TestServer;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      server = await startTestServer({
        ADMIN_API_TOKEN: ADMIN_TOKEN,
        HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00",
      });
    });
    afterAll(() => server.stop());

    it("opens the ticket from the inbox, sends a ready answer, and the person's web chat shows it", async () => {
      const { link } = await officerLink(server.url, "officer", ["21040"]);
      const citizen = new WebchatClient(server.url);
      await citizen.send("gặp cán bộ");
      await citizen.send("xa binh son");
      await citizen.send("Số điện thoại khẩn cấp để hỏi về Covid là gì ạ?");
      const ticket = await server.database.db.ticket.findFirstOrThrow();

      const { context, close } = await launchChromium({ viewport: { width: 1100, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}${new URL(link).pathname}`);
        await page.click("#login button");
        await page.waitForURL(/\/admin\?lang=vi$/);
        await page.click("header a[href^='/admin/inbox']");
        await page.click(`a[href^='/admin/inbox/${ticket.id}']`);
        expect(await page.textContent("main")).toContain("Số điện thoại khẩn cấp");
        await page.selectOption("select[name=ready]", "contact.hotline");
        await page.click("form[action*='/reply'] button[type=submit]");
        await page.waitForSelector("p.ok");
        expect(await page.textContent("p.ok")).toBe("Đã gửi câu trả lời cho người dân.");
        await page.screenshot({ path: join(ARTIFACTS, "handover-inbox-reply.png"), fullPage: true });
      } finally {
        await close();
      }
      const seen: string[] = [];
      const deadline = Date.now() + 10_000;
      while (!seen.some((t) => t.startsWith("💬 Cán bộ xã Bình Sơn trả lời:")) && Date.now() < deadline) {
        seen.push(...textsOf(await citizen.read()));
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen.find((t) => t.startsWith("💬 Cán bộ xã Bình Sơn trả lời:"))).toMatch(/1900 9095/);
    });
  },
);
