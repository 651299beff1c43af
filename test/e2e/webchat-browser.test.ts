import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, hasChromium, launchChromium } from "../helpers/chromium";
import { startTestServer, type TestServer } from "../helpers/test-server";

// Only a missing browser is a reason to skip (CI images without Chromium); a broken page never is.
describe.skipIf(!hasChromium)("a visitor uses the web chat on a phone-sized screen (Chromium)", () => {
  let server: TestServer;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it("taps through the language choice: labels in the bubbles, old buttons retired, the page in English", async () => {
    const { context, close } = await launchChromium({ viewport: { width: 390, height: 780 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator(".msg.bot").first().waitFor();
      // The page's own /start is not shown as something the person said.
      expect(await page.locator(".msg.user").count()).toBe(0);

      await page.fill("#text", "/lang");
      await page.press("#text", "Enter");
      const choice = page.locator(".buttons:not(.old)").last();
      await choice.locator("button", { hasText: "English" }).waitFor();
      // Numbered as a typed "2" is read, so "gõ số thứ tự" hints can be followed.
      expect(await choice.locator("button .n").allTextContents()).toEqual(["1", "2"]);

      await choice.locator("button", { hasText: "English" }).click();
      await page.locator(".msg.bot", { hasText: "Switched to English." }).waitFor();
      const userLines = await page.locator(".msg.user").allTextContents();
      expect(userLines).toEqual(["/lang", "English"]);
      expect(userLines.join(" ")).not.toMatch(/lang:|\/start/);

      // The tapped set is now an earlier question's: disabled and greyed.
      const retired = page.locator(".buttons.old").last();
      expect(await retired.locator("button").first().isDisabled()).toBe(true);

      // The page's own words follow the conversation's language.
      await page.waitForFunction('document.documentElement.lang === "en"');
      expect(await page.getAttribute("#text", "placeholder")).toBe("Type a message…");
      expect(await page.textContent("#send")).toBe("Send");
      expect(await page.title()).toBe("Bình Sơn Covid-19 assistant");

      await page.screenshot({ path: join(ARTIFACTS, "webchat-touch.png"), fullPage: true });

      // After a reload the transcript still shows the label, never a payload or the page's /start.
      await page.reload();
      await page.locator(".msg.user").nth(1).waitFor();
      expect(await page.locator(".msg.user").allTextContents()).toEqual(userLines);
      expect(await page.getAttribute("#text", "placeholder")).toBe("Type a message…");
    } finally {
      await close();
    }
  }, 90_000);

  it("hover colours apply only where a pointer can hover, so a tapped button on a touch screen does not look chosen", async () => {
    const { context, close } = await launchChromium({ viewport: { width: 390, height: 780 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      // Style rules at the top level of a sheet: a :hover among them applies on touch screens too.
      const bare = await page.evaluate<string[]>(`(() => {
        const found = [];
        for (const sheet of Array.from(document.styleSheets)) {
          for (const rule of Array.from(sheet.cssRules)) {
            if (rule instanceof CSSStyleRule && rule.selectorText.includes(":hover")) found.push(rule.selectorText);
          }
        }
        return found;
      })()`);
      expect(bare).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);
});
