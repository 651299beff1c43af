import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ZaloBotApiError } from "../../../../src/sdk/zalo/bot/bot-api-error";
import { ZaloBotClient } from "../../../../src/sdk/zalo/bot/bot-client";
import { isRateLimited } from "../../../../src/sdk/zalo/oa/oa-api-error";
import { ZaloTransportError } from "../../../../src/sdk/zalo/shared/transport";
import { ZaloValidationError } from "../../../../src/sdk/zalo/shared/validation-error";
import { fixtureText } from "../fixtures.test-support";

const ROOT = "https://bot-api.zaloplatforms.com";
const TOKEN = "3318512437851529216:hLqKxWdZpTfRvBmNcYsEaGuJ";
const CHAT = "6ede9afa66b88fe6d6a9";
const api = () => nock(ROOT).matchHeader("content-type", /^application\/json/);
const path = (method: string) => `/bot${TOKEN}/${method}`;
const client = new ZaloBotClient({ token: TOKEN });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe("ZaloBotClient: a bot replying to a citizen", () => {
  it("identifies itself with getMe", async () => {
    api().post(path("getMe"), {}).reply(200, fixtureText("api/bot-get-me-success.json"));
    await expect(client.getMe()).resolves.toEqual({
      id: "8a1c2f3e4d5b6a798801",
      accountName: "Bot Bình Sơn Hỗ Trợ",
      accountType: "BASIC",
      canJoinGroups: false,
    });
  });

  it("sends a short answer as one message to the chat", async () => {
    api()
      .post(path("sendMessage"), { chat_id: CHAT, text: "Dạ, em giúp gì được ạ?" })
      .reply(200, fixtureText("api/bot-send-message-success.json"));
    await expect(client.sendMessage(CHAT, "Dạ, em giúp gì được ạ?")).resolves.toEqual([
      { messageId: "72cad10a37776230938b", date: "1750316190000" },
    ]);
  });

  it("splits a 4,500-character guide into messages of at most 2,000 characters, in order", async () => {
    const paragraphs = Array.from(
      { length: 9 },
      (_, i) => `Bước ${i + 1}: ${"hướng dẫn ".repeat(48).trim()}`,
    );
    const text = paragraphs.join("\n\n");
    const sent: string[] = [];
    api()
      .post(path("sendMessage"), (body: { chat_id: string; text: string }) => {
        sent.push(body.text);
        return body.chat_id === CHAT;
      })
      .times(3)
      .reply(200, fixtureText("api/bot-send-message-success.json"));
    const results = await client.sendMessage(CHAT, text);
    expect(results).toHaveLength(3);
    expect(sent.every((t) => t.length <= 2000)).toBe(true);
    expect(sent.join("\n\n")).toBe(text);
  });

  it("refuses to send blank text without calling Zalo", async () => {
    await expect(client.sendMessage(CHAT, " \n ")).rejects.toBeInstanceOf(ZaloValidationError);
  });

  it("sends a photo by public URL with a caption", async () => {
    api()
      .post(path("sendPhoto"), {
        chat_id: CHAT,
        photo: "https://cdn.example.vn/qr.png",
        caption: "Mã QR của quán",
      })
      .reply(200, fixtureText("api/bot-send-message-success.json"));
    const sent = await client.sendPhoto(CHAT, "https://cdn.example.vn/qr.png", "Mã QR của quán");
    expect(sent.messageId).toBe("72cad10a37776230938b");
  });

  it("rejects a photo that is not a URL and a caption over 2,000 characters", async () => {
    await expect(client.sendPhoto(CHAT, "/tmp/qr.png")).rejects.toBeInstanceOf(ZaloValidationError);
    await expect(
      client.sendPhoto(CHAT, "https://cdn.example.vn/qr.png", "x".repeat(2001)),
    ).rejects.toBeInstanceOf(ZaloValidationError);
  });

  it("shows the typing indicator", async () => {
    api()
      .post(path("sendChatAction"), { chat_id: CHAT, action: "typing" })
      .reply(200, fixtureText("api/bot-chat-action-success.json"));
    await expect(client.sendChatAction(CHAT)).resolves.toBeUndefined();
  });

  it("registers, inspects and removes the webhook", async () => {
    api()
      .post(path("setWebhook"), {
        url: "https://bot.example.vn/webhooks/zalo-bot",
        secret_token: "s3cret-token-123",
      })
      .reply(200, fixtureText("api/bot-webhook-info.json"));
    api().post(path("getWebhookInfo"), {}).reply(200, fixtureText("api/bot-webhook-info.json"));
    api().post(path("deleteWebhook"), {}).reply(200, fixtureText("api/bot-webhook-deleted.json"));
    const info = { url: "https://bot.example.vn/webhooks/zalo-bot", updatedAt: "1750316100000" };
    await expect(client.setWebhook(info.url, "s3cret-token-123")).resolves.toEqual(info);
    await expect(client.getWebhookInfo()).resolves.toEqual(info);
    await expect(client.deleteWebhook()).resolves.toEqual({ url: "", updatedAt: "1750316200000" });
  });

  it("refuses a non-HTTPS webhook or a secret outside 8–256 characters", async () => {
    for (const [url, secret] of [
      ["http://bot.example.vn/hook", "s3cret-token-123"],
      ["https://bot.example.vn/hook", "short"],
      ["https://bot.example.vn/hook", "x".repeat(257)],
    ] as const) {
      await expect(client.setWebhook(url, secret)).rejects.toBeInstanceOf(ZaloValidationError);
    }
  });

  it("long-polls one update (not an array), passing the timeout as a string", async () => {
    api()
      .post(path("getUpdates"), { timeout: "25" })
      .reply(200, fixtureText("api/bot-get-updates-success.json"));
    const update = await client.getUpdates({ timeoutSeconds: 25 });
    expect(update?.kind).toBe("text");
    expect(update?.kind === "text" && update.message.text).toBe("/start");
  });

  it("treats an empty long poll (error 408) as no update", async () => {
    api()
      .post(path("getUpdates"), { timeout: "30" })
      .reply(408, fixtureText("api/bot-error-polling-timeout.json"));
    await expect(client.getUpdates()).resolves.toBeNull();
  });

  it("raises a typed API error with code and method, without leaking the token", async () => {
    api().post(path("sendMessage")).reply(401, fixtureText("api/bot-error-unauthorized.json"));
    const error = await caught(client.sendMessage(CHAT, "Xin chào"));
    expect(error).toBeInstanceOf(ZaloBotApiError);
    expect(error).toMatchObject({
      code: 401,
      method: "sendMessage",
      description: "Unauthorized",
      isUnauthorized: true,
    });
    expect(String(error)).not.toContain(TOKEN);
  });

  it("flags quota errors (429) as rate limiting", async () => {
    api().post(path("sendMessage")).reply(429, fixtureText("api/bot-error-rate-limit.json"));
    expect(isRateLimited(await caught(client.sendMessage(CHAT, "Xin chào")))).toBe(true);
  });

  it("reports an HTML error page as a bad response, not an API error", async () => {
    api().post(path("getMe")).reply(502, "<html>Bad Gateway</html>");
    const error = await caught(client.getMe());
    expect(error).toBeInstanceOf(ZaloTransportError);
    expect(error).toMatchObject({ kind: "bad_response", status: 502, method: "getMe" });
  });

  it("turns a stalled request into a typed timeout error", async () => {
    const impatient = new ZaloBotClient({ token: TOKEN, timeoutMs: 50 });
    api().post(path("getMe")).delay(1000).reply(200, fixtureText("api/bot-get-me-success.json"));
    const error = await caught(impatient.getMe());
    expect(error).toBeInstanceOf(ZaloTransportError);
    expect(error).toMatchObject({ kind: "timeout" });
    expect(String(error)).not.toContain(TOKEN);
  });

  it("uses the configured apiRoot, e.g. the legacy host or a local stand-in", async () => {
    const local = new ZaloBotClient({ token: TOKEN, apiRoot: "http://127.0.0.1:8089/" });
    nock("http://127.0.0.1:8089").post(path("getMe")).reply(200, fixtureText("api/bot-get-me-success.json"));
    await expect(local.getMe()).resolves.toMatchObject({ accountName: "Bot Bình Sơn Hỗ Trợ" });
  });
});
