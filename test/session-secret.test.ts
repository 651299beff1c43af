import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { providerOf } from "../src/db/database";
import { persistedSessionSecret, sessionSecretPath } from "../src/session-secret";
import { freshDatabaseUrl } from "./helpers/test-database";
import { startTestServer } from "./helpers/test-server";
import { textsOf, WebchatClient } from "./helpers/webchat-client";

describe("the web chat secret on quick-start settings (no SESSION_SECRET)", () => {
  it("is generated once beside the SQLite file, private to its owner, and read back on the next start", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-"));
    const url = `file:${join(dir, "app.db")}`;
    const first = persistedSessionSecret(url);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionSecretPath(url)).toBe(join(dir, "session-secret"));
    expect(statSync(join(dir, "session-secret")).mode & 0o777).toBe(0o600);
    expect(persistedSessionSecret(url)).toBe(first);
  });

  it("refuses a damaged file with a message naming it instead of signing with garbage", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-"));
    writeFileSync(join(dir, "session-secret"), "short\n");
    expect(() => persistedSessionSecret(`file:${join(dir, "app.db")}`)).toThrow(/session-secret.*delete it/);
    expect(readFileSync(join(dir, "session-secret"), "utf8")).toBe("short\n");
  });

  it("a web chat person is still the same person after the server restarts", async (ctx) => {
    const databaseUrl = await freshDatabaseUrl();
    // On PostgreSQL the file goes to ./data of the working directory; the unit tests above cover the logic.
    if (providerOf(databaseUrl) !== "sqlite") ctx.skip();
    const first = await startTestServer({ SESSION_SECRET: "" }, { databaseUrl });
    const chat = new WebchatClient(first.url);
    await chat.send("/lang");
    await first.stop();

    const second = await startTestServer({ SESSION_SECRET: "" }, { databaseUrl });
    try {
      const again = new WebchatClient(second.url);
      again.sessionCookie = chat.sessionCookie;
      // The pending language choice belongs to the same conversation: the cookie still verifies.
      expect(textsOf(await again.send("2"))).toContain("Switched to English.");
      const history = await again.request("GET", "/webchat/api/messages?after=0");
      expect(history.headers.get("set-cookie")).toBeNull();
    } finally {
      await second.stop();
    }
  });
});
