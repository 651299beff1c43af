import { describe, expect, it } from "vitest";
import { isTimestampFresh, verifyZaloOaSignature } from "../../../../src/sdk/zalo/oa/webhook";
import { fixtureBytes, fixtureObject } from "../fixtures.test-support";

interface SignedFixture {
  readonly rawBody: Buffer;
  readonly appId: string;
  readonly oaSecretKey: string;
  readonly timestamp: string;
  readonly header: string;
}

function signed(name: string): SignedFixture {
  const meta = fixtureObject(`oa/signed/${name}.signature.json`);
  const field = (key: string): string => {
    const value = meta[key];
    if (typeof value !== "string") throw new Error(`${name}: ${key} missing`);
    return value;
  };
  return {
    rawBody: fixtureBytes(`oa/signed/${name}.body.json`),
    appId: field("appId"),
    oaSecretKey: field("oaSecretKey"),
    timestamp: field("timestamp"),
    header: field("header"),
  };
}

describe("verifyZaloOaSignature: only Zalo, holding the OA Secret Key, can post events", () => {
  const text = signed("user-send-text");
  const follow = signed("follow");
  const base = {
    appId: text.appId,
    rawBody: text.rawBody,
    oaSecretKey: text.oaSecretKey,
    header: text.header,
  };

  it("accepts the signatures computed independently with coreutils (compact and pretty bodies)", () => {
    expect(verifyZaloOaSignature(base)).toBe(true);
    expect(verifyZaloOaSignature({ ...follow })).toBe(true);
  });

  it("reads the timestamp from the body, or takes it explicitly", () => {
    expect(verifyZaloOaSignature({ ...base, timestamp: text.timestamp })).toBe(true);
    expect(verifyZaloOaSignature({ ...base, timestamp: "1699003881355" })).toBe(false);
  });

  it("accepts the body as a string as well as bytes", () => {
    expect(verifyZaloOaSignature({ ...base, rawBody: text.rawBody.toString("utf8") })).toBe(true);
  });

  it("tolerates header spelling: upper-case hex, spaces, missing mac= (unless required)", () => {
    const hex = text.header.slice("mac=".length);
    expect(verifyZaloOaSignature({ ...base, header: ` MAC = ${hex.toUpperCase()} ` })).toBe(true);
    expect(verifyZaloOaSignature({ ...base, header: hex })).toBe(true);
    expect(verifyZaloOaSignature({ ...base, header: hex, requireMacPrefix: true })).toBe(false);
  });

  it("rejects a forged body, even one differing by a single character", () => {
    const forged = Buffer.from(text.rawBody.toString("utf8").replace("giá vé", "giá vẻ"), "utf8");
    expect(verifyZaloOaSignature({ ...base, rawBody: forged })).toBe(false);
  });

  it("rejects a re-serialised body: the hash covers the exact bytes", () => {
    const reserialised = JSON.stringify(JSON.parse(follow.rawBody.toString("utf8")));
    expect(verifyZaloOaSignature({ ...follow, rawBody: reserialised })).toBe(false);
  });

  it("rejects the wrong key, the wrong app, and an HMAC-style signature", () => {
    expect(verifyZaloOaSignature({ ...base, oaSecretKey: "app-secret-not-oa-secret" })).toBe(false);
    expect(verifyZaloOaSignature({ ...base, appId: "3886132808788437521" })).toBe(false);
    expect(verifyZaloOaSignature({ ...base, header: `mac=${"0".repeat(64)}` })).toBe(false);
  });

  it("rejects missing, repeated, truncated or non-hex headers and empty secrets", () => {
    for (const header of [
      undefined,
      null,
      "",
      "mac=",
      [text.header, text.header],
      text.header.slice(0, 40),
      `mac=${"z".repeat(64)}`,
    ]) {
      expect(verifyZaloOaSignature({ ...base, header })).toBe(false);
    }
    expect(verifyZaloOaSignature({ ...base, oaSecretKey: "" })).toBe(false);
  });

  it("rejects a body without a timestamp", () => {
    const body = Buffer.from('{"event_name":"user_send_text"}');
    expect(verifyZaloOaSignature({ ...base, rawBody: body })).toBe(false);
    expect(verifyZaloOaSignature({ ...base, rawBody: "not json" })).toBe(false);
  });
});

describe("isTimestampFresh: stale deliveries can be told apart", () => {
  const now = 1_699_003_881_354 + 30_000;
  const twoHours = 2 * 60 * 60 * 1000;

  it("accepts a fresh event and Zalo's 1-hour retry within a 2-hour window", () => {
    expect(isTimestampFresh("1699003881354", now, 60_000)).toBe(true);
    expect(isTimestampFresh(1_699_003_881_354, now + 60 * 60 * 1000, twoHours)).toBe(true);
  });

  it("rejects a stale replay and a timestamp too far in the future", () => {
    expect(isTimestampFresh("1699003881354", now + twoHours, twoHours)).toBe(false);
    expect(isTimestampFresh(String(now + 10 * 60_000), now, 60_000)).toBe(false);
  });

  it("rejects timestamps that are not epoch milliseconds", () => {
    for (const ts of ["", "abc", "1699003881354.5", "-5", Number.NaN]) {
      expect(isTimestampFresh(ts, now, twoHours)).toBe(false);
    }
    expect(isTimestampFresh("1699003881354", now, -1)).toBe(false);
  });
});
