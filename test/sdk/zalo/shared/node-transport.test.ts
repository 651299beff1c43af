import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createNodeTransport, redactPath } from "../../../../src/sdk/zalo/shared/node-transport";
import { ZaloTransportError } from "../../../../src/sdk/zalo/shared/transport";

const ROOT = "https://stand-in.zalo.test";
const transport = createNodeTransport();
const get = (path: string, overrides: { timeoutMs?: number; maxResponseBytes?: number } = {}) =>
  transport({
    method: "GET",
    url: `${ROOT}${path}`,
    headers: {},
    timeoutMs: overrides.timeoutMs ?? 2000,
    maxResponseBytes: overrides.maxResponseBytes ?? 1024,
  });

async function rejection(promise: Promise<unknown>): Promise<ZaloTransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ZaloTransportError))
    throw new Error(`expected ZaloTransportError, got ${String(error)}`);
  return error;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("node transport: bounded, typed, and quiet about secrets", () => {
  it("returns status, headers and the UTF-8 body", async () => {
    nock(ROOT).get("/ok").reply(200, '{"msg":"Xin chào"}', { "X-RateLimit-Remain": "3999" });
    const response = await get("/ok");
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"msg":"Xin chào"}');
    expect(response.headers["x-ratelimit-remain"]).toBe("3999");
  });

  it("gives up after the deadline with a typed timeout error", async () => {
    nock(ROOT).get("/slow").delay(1000).reply(200, "{}");
    const error = await rejection(get("/slow", { timeoutMs: 50 }));
    expect(error.kind).toBe("timeout");
  });

  it("aborts a response larger than the cap, whether declared or streamed", async () => {
    nock(ROOT).get("/declared").reply(200, "x".repeat(10), { "Content-Length": "5000" });
    expect((await rejection(get("/declared", { maxResponseBytes: 100 }))).kind).toBe("response_too_large");
    nock(ROOT).get("/streamed").reply(200, "x".repeat(5000));
    expect((await rejection(get("/streamed", { maxResponseBytes: 100 }))).kind).toBe("response_too_large");
  });

  it("reports socket failures as network errors", async () => {
    nock(ROOT).get("/down").replyWithError("socket hang up");
    const error = await rejection(get("/down"));
    expect(error.kind).toBe("network");
    expect(error.message).toContain("socket hang up");
  });

  it("never puts a bot token from the path into error messages", async () => {
    nock(ROOT).post("/bot123:s3cr3t-token/getMe").delay(1000).reply(200, "{}");
    const error = await rejection(
      transport({
        method: "POST",
        url: `${ROOT}/bot123:s3cr3t-token/getMe`,
        headers: {},
        body: Buffer.from("{}"),
        timeoutMs: 30,
        maxResponseBytes: 1024,
      }),
    );
    expect(error.message).not.toContain("s3cr3t");
    expect(redactPath("/bot123:abc/sendMessage")).toBe("/bot<redacted>/sendMessage");
  });

  it("talks plain http to a local stand-in and sends Content-Length", async () => {
    nock("http://127.0.0.1:8081").matchHeader("content-length", "2").post("/echo", "{}").reply(200, "{}");
    const response = await transport({
      method: "POST",
      url: "http://127.0.0.1:8081/echo",
      headers: {},
      body: Buffer.from("{}"),
      timeoutMs: 1000,
      maxResponseBytes: 1024,
    });
    expect(response.status).toBe(200);
  });
});
