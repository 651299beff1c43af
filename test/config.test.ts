import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";

describe("configuration", () => {
  it("runs with no variables at all: SQLite in ./data, port 3000, every channel but the web chat off", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe("file:./data/app.db");
    expect(c.PORT).toBe(3000);
    expect(c.publicUrl).toBe("http://localhost:3000");
    expect(c.telegram).toBeUndefined();
  });

  it("an invalid value stops start-up with one line naming the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/^Invalid PORT: /);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/^Invalid DATABASE_URL: /);
    expect(() => loadConfig({ TELEGRAM_MODE: "push" })).toThrow(/^Invalid TELEGRAM_MODE: /);
  });

  it("Telegram in webhook mode needs its secret, so forged updates can be refused", () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "1:abc" })).toThrow(/^Invalid TELEGRAM_WEBHOOK_SECRET/);
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: "1:abc", TELEGRAM_MODE: "polling" });
    expect(c.telegram?.mode).toBe("polling");
  });

  it("empty values in an .env file count as unset", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "", PUBLIC_URL: "" }).telegram).toBeUndefined();
  });

  it("visits are kept 21 days unless configured; a nonsense retention stops start-up", () => {
    expect(loadConfig({}).VISIT_RETENTION_DAYS).toBe(21);
    expect(loadConfig({ VISIT_RETENTION_DAYS: "14" }).VISIT_RETENTION_DAYS).toBe(14);
    expect(() => loadConfig({ VISIT_RETENTION_DAYS: "0" })).toThrow(/^Invalid VISIT_RETENTION_DAYS: /);
    expect(() => loadConfig({ VISIT_RETENTION_DAYS: "forever" })).toThrow(/^Invalid VISIT_RETENTION_DAYS: /);
  });
});
