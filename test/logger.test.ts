import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskPhonesIn } from "../src/logger";

describe("logs", () => {
  it("mask Vietnamese phone numbers in every common form", () => {
    for (const phone of ["0905 123 456", "+84905123456", "84-905-123-456", "0905.123.456"]) {
      const masked = maskPhonesIn(`call ${phone} now`);
      expect(masked).toBe("call ***56 now");
    }
    expect(maskPhonesIn("update_id 123456789")).toBe("update_id 123456789");
  });

  it("never contain bot tokens, secrets or phone numbers", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(c, _e, done) {
        lines.push(String(c));
        done();
      },
    });
    const log = createLogger("info", sink);
    log.info({ req: { headers: { authorization: "Bearer sekret-admin" } }, phone: "+84905123456" }, "x");
    log.error(
      { err: new Error("request to https://api.telegram.org/bot123:AAbbCC/sendMessage failed") },
      "y",
    );
    const all = lines.join("");
    expect(all).not.toContain("sekret-admin");
    expect(all).not.toContain("84905123456");
    expect(all).not.toContain("123:AAbbCC");
  });
});
