import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium; playwright cannot download its own browsers on these machines. */
export const CHROMIUM = "/usr/bin/chromium";

/** Only a missing browser is a reason to skip a browser test (an image without Chromium); a broken page never is. */
export const hasChromium = existsSync(CHROMIUM);

/** Flags without which Chromium reaches for the network (refused here) or a GPU. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Where screenshots are kept as test artifacts (gitignored). */
export const ARTIFACTS = join(process.cwd(), "test-results");

/**
 * A real Chromium with a fresh profile (no cookie or cache from another test), closed and its profile removed
 * by the returned `close`.
 */
export async function launchChromium(options: {
  viewport: { width: number; height: number };
  javaScriptEnabled?: boolean;
  acceptDownloads?: boolean;
}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-test-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
