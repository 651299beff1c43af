import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckinBrowser, registerVenue } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";

const CHROMIUM = "/usr/bin/chromium";
const TOKEN = "officer-api-token-0123456789abcdef";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** The few playwright-core calls this test makes (typed here so type-checking does not need the package). */
interface Page {
  goto(url: string): Promise<unknown>;
  fill(selector: string, value: string): Promise<void>;
  check(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  waitForSelector(selector: string): Promise<unknown>;
  textContent(selector: string): Promise<string | null>;
  screenshot(options: { path: string; fullPage: boolean }): Promise<Buffer>;
}
interface BrowserContext {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface PlaywrightCore {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: {
        executablePath: string;
        args: string[];
        headless: boolean;
        javaScriptEnabled: boolean;
        viewport: { width: number; height: number };
      },
    ): Promise<BrowserContext>;
  };
}

/**
 * playwright-core drives the Debian Chromium (it cannot download browsers here). Loaded with require so
 * NODE_PATH can point at a copy outside the project while the dependency is not yet in package.json.
 */
function loadPlaywright(): PlaywrightCore {
  try {
    return createRequire(import.meta.url)("playwright-core") as PlaywrightCore;
  } catch {
    throw new Error("playwright-core is not installed: add playwright-core@1.65.1 to devDependencies");
  }
}

// Only a missing browser is a reason to skip (CI images without Chromium); a broken page never is.
describe.skipIf(!existsSync(CHROMIUM))("a visitor checks in with a real phone browser (Chromium)", () => {
  let server: TestServer;
  let venue: { id: string; code: string };
  const profiles: string[] = [];
  const artifacts = join(process.cwd(), "test-results");

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startTestServer({ ADMIN_API_TOKEN: TOKEN, CHECKIN_POSTS_PER_MINUTE: "1000" });
    venue = await registerVenue(server.url, TOKEN);
  });
  afterAll(async () => {
    await server.stop();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser profile each run: no cookie or cache from an earlier test. */
  async function browser(javaScriptEnabled: boolean): Promise<BrowserContext> {
    const profile = mkdtempSync(join(tmpdir(), "checkin-chromium-"));
    profiles.push(profile);
    return loadPlaywright().chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: FLAGS,
      headless: true,
      javaScriptEnabled,
      // A common phone screen: the form must fit without zooming.
      viewport: { width: 390, height: 844 },
    });
  }

  for (const js of [true, false]) {
    it(`opens the QR URL, fills the phone, answers, submits and sees the confirmation (JavaScript ${js ? "on" : "off"})`, async () => {
      const context = await browser(js);
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/c/${venue.code}`);
        expect(await page.textContent("h2")).toBe("Chợ Châu Ổ");
        await page.screenshot({
          path: join(artifacts, `checkin-form-js-${js ? "on" : "off"}.png`),
          fullPage: true,
        });

        const phone = js ? "0905 123 456" : "0912.345.678";
        await page.fill("#phone", phone);
        await page.fill("#name", "Trần Văn Minh");
        await page.check('input[name="symptoms"][value="no"]');
        await page.check(`input[name="closeContact"][value="${js ? "no" : "yes"}"]`);
        await page.check('input[name="travel"][value="no"]');
        await page.click('button[type="submit"]');

        await page.waitForSelector(".ok");
        expect(await page.textContent(".ok")).toMatch(
          /Bạn đã vào Chợ Châu Ổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4}/,
        );
        if (!js) expect(await page.textContent(".warn")).toContain("1900 9095");
        await page.screenshot({
          path: join(artifacts, `checkin-done-js-${js ? "on" : "off"}.png`),
          fullPage: true,
        });

        const e164 = js ? "+84905123456" : "+84912345678";
        expect(await server.database.db.visit.findFirst({ where: { phone: e164 } })).toMatchObject({
          venueId: venue.id,
          name: "Trần Văn Minh",
          flagged: !js,
        });
      } finally {
        await context.close();
      }
    });
  }

  it("the form the browser got is the same one a plain HTTP client gets (no script needed anywhere)", async () => {
    const { html } = await new CheckinBrowser(server.url).open(venue.code);
    expect(html).not.toContain("<script");
  });
});
