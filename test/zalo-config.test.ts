import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";

const oa = {
  ZALO_OA_APP_ID: "1846276501230958123",
  ZALO_OA_APP_SECRET: "app-secret-Kd93hQ",
  ZALO_OA_SECRET_KEY: "Xq3vT9LkP2mZ8rWcYh5N",
  ZALO_OA_TOKEN_KEY: "a".repeat(64),
};

describe("Zalo configuration", () => {
  it("both Zalo channels are off unless their credentials are set", () => {
    const config = loadConfig({});
    expect(config.zaloBot).toBeUndefined();
    expect(config.zaloOa).toBeUndefined();
  });

  it("a bot token without a webhook secret stops start-up with a line naming the variable", () => {
    expect(() => loadConfig({ ZALO_BOT_TOKEN: "123:abc" })).toThrow(
      new ConfigError(
        "Invalid ZALO_BOT_WEBHOOK_SECRET: required when ZALO_BOT_TOKEN is set, so forged updates are refused",
      ),
    );
    expect(() => loadConfig({ ZALO_BOT_TOKEN: "123:abc", ZALO_BOT_WEBHOOK_SECRET: "short" })).toThrow(
      /^Invalid ZALO_BOT_WEBHOOK_SECRET: use 8–256/,
    );
  });

  it("the OA channel needs its secrets and a 32-byte token key", () => {
    expect(loadConfig(oa).zaloOa?.tokenKey.length).toBe(32);
    expect(
      loadConfig({ ...oa, ZALO_OA_TOKEN_KEY: Buffer.alloc(32, 1).toString("base64") }).zaloOa?.tokenKey,
    ).toEqual(Buffer.alloc(32, 1));
    expect(() => loadConfig({ ...oa, ZALO_OA_TOKEN_KEY: "too-short" })).toThrow(/^Invalid ZALO_OA_TOKEN_KEY/);
    expect(() => loadConfig({ ...oa, ZALO_OA_SECRET_KEY: "" })).toThrow(
      /^Invalid ZALO_OA_SECRET_KEY: required/,
    );
    expect(() => loadConfig({ ...oa, ZALO_OA_ACCESS_TOKEN: "x" })).toThrow(/^Invalid ZALO_OA_REFRESH_TOKEN/);
  });
});
