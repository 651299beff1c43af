import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  classifyZaloError,
  isOutsideInteractionWindow,
  isRateLimited,
  isTokenExpired,
  ZaloApiError,
} from "../../../../src/sdk/zalo/oa/oa-api-error";
import { ZaloOaClient } from "../../../../src/sdk/zalo/oa/oa-client";
import type { ZaloHttpRequest } from "../../../../src/sdk/zalo/shared/transport";
import { ZaloTransportError } from "../../../../src/sdk/zalo/shared/transport";
import { ZaloValidationError } from "../../../../src/sdk/zalo/shared/validation-error";
import { fixtureText, IDS } from "../fixtures.test-support";

const ROOT = "https://openapi.zalo.me";
const CS = "/v3.0/oa/message/cs";
const TOKEN = "OA.acc.current";
const client = new ZaloOaClient({ getAccessToken: async () => TOKEN });
const oa = (token = TOKEN) => nock(ROOT).matchHeader("access_token", token);
const json = (token = TOKEN) => oa(token).matchHeader("content-type", /^application\/json/);
const toUser = { userId: IDS.userId };

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

describe("ZaloOaClient: customer-service replies from the helpdesk OA", () => {
  it("sends text to a user with the token in the access_token header and reports the free-reply quota", async () => {
    json()
      .post(CS, { recipient: { user_id: IDS.userId }, message: { text: "Xin chào!" } })
      .reply(200, fixtureText("api/oa-send-cs-success.json"));
    const sent = await client.sendText(toUser, "Xin chào!");
    expect(sent).toMatchObject({
      messageId: "5b2f1a0e9c3d4e5f6a7b",
      userId: IDS.userId,
      sentTime: "1699003885123",
      quotaType: "reply",
    });
  });

  it("replies to a specific inbound message and quotes it", async () => {
    json()
      .post(CS, {
        recipient: { message_id: "96d3cdf3af150460909" },
        message: { text: "Dạ, giá vé là 50.000đ ạ.", quote_message_id: "96d3cdf3af150460909" },
      })
      .reply(200, fixtureText("api/oa-send-cs-success.json"));
    await client.sendText({ messageId: "96d3cdf3af150460909" }, "Dạ, giá vé là 50.000đ ạ.", {
      quoteMessageId: "96d3cdf3af150460909",
    });
  });

  it("shows that a send without a quota object was billed", async () => {
    json().post(CS).reply(200, fixtureText("api/oa-send-cs-billed.json"));
    expect((await client.sendText(toUser, "Nhắc lịch")).quotaType).toBeUndefined();
  });

  it("refuses blank text or text over 2,000 characters before calling Zalo", async () => {
    await expect(client.sendText(toUser, "  ")).rejects.toBeInstanceOf(ZaloValidationError);
    await expect(client.sendText(toUser, "a".repeat(2001))).rejects.toBeInstanceOf(ZaloValidationError);
  });

  it("sends text with query, URL and phone buttons in the documented shape", async () => {
    json()
      .post(CS, {
        recipient: { user_id: IDS.userId },
        message: {
          text: "Bạn cần gì?",
          attachment: {
            type: "template",
            payload: {
              buttons: [
                { title: "Xem đơn hàng", type: "oa.query.hide", payload: "#order" },
                { title: "Hỏi đáp", type: "oa.query.show", payload: "Tôi muốn hỏi" },
                { title: "Website", type: "oa.open.url", payload: { url: "https://example.vn" } },
                { title: "Gọi", type: "oa.open.phone", payload: { phone_code: "84901234567" } },
              ],
            },
          },
        },
      })
      .reply(200, fixtureText("api/oa-send-cs-success.json"));
    await client.sendTextWithButtons(toUser, "Bạn cần gì?", [
      { title: "Xem đơn hàng", type: "oa.query.hide", payload: "#order" },
      { title: "Hỏi đáp", type: "oa.query.show", payload: "Tôi muốn hỏi" },
      { title: "Website", type: "oa.open.url", url: "https://example.vn" },
      { title: "Gọi", type: "oa.open.phone", phoneCode: "84901234567" },
    ]);
  });

  it("enforces the documented button limits: ≤ 5 buttons, title ≤ 100, payload ≤ 1,000", async () => {
    const button = { title: "Có", type: "oa.query.hide", payload: "#yes" } as const;
    const attempts = [
      [],
      Array.from({ length: 6 }, () => button),
      [{ ...button, title: "t".repeat(101) }],
      [{ ...button, payload: "p".repeat(1001) }],
      [{ title: "SMS", type: "oa.open.sms", phoneCode: "84901234567", content: "c".repeat(161) } as const],
      [{ title: "Web", type: "oa.open.url", url: "javascript:alert(1)" } as const],
    ];
    for (const buttons of attempts) {
      await expect(client.sendTextWithButtons(toUser, "Chọn", buttons)).rejects.toBeInstanceOf(
        ZaloValidationError,
      );
    }
    const ok = [{ ...button, title: "t".repeat(100), payload: "p".repeat(1000) }, ...Array(4).fill(button)];
    json().post(CS).reply(200, fixtureText("api/oa-send-cs-success.json"));
    await client.sendTextWithButtons(toUser, "Chọn", ok);
  });

  it("lets the product switch to the 'button' template with ≤ 3 buttons if Zalo turns out to require it", async () => {
    const strict = new ZaloOaClient({
      getAccessToken: async () => TOKEN,
      buttonRules: { maxButtons: 3, templateType: "button" },
    });
    const button = { title: "Có", type: "oa.query.hide", payload: "#yes" } as const;
    await expect(strict.sendTextWithButtons(toUser, "Chọn", Array(4).fill(button))).rejects.toThrow(
      /at most 3/,
    );
    json()
      .post(CS, (body: { message: { attachment: { payload: Record<string, unknown> } } }) => {
        return body.message.attachment.payload.template_type === "button";
      })
      .reply(200, fixtureText("api/oa-send-cs-success.json"));
    await strict.sendTextWithButtons(toUser, "Chọn", [button]);
  });

  it("sends an uploaded image with a caption, or an image by URL", async () => {
    json()
      .post(CS, {
        recipient: { user_id: IDS.userId },
        message: {
          text: "Mã QR của quán",
          attachment: {
            type: "template",
            payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: "att-1" }] },
          },
        },
      })
      .reply(200, fixtureText("api/oa-send-cs-success.json"));
    json()
      .post(CS, {
        recipient: { user_id: IDS.userId },
        message: {
          attachment: {
            type: "template",
            payload: {
              template_type: "media",
              elements: [{ media_type: "image", url: "https://cdn.example.vn/qr.png" }],
            },
          },
        },
      })
      .reply(200, fixtureText("api/oa-send-cs-success.json"));
    await client.sendImage(toUser, { attachmentId: "att-1" }, "Mã QR của quán");
    await client.sendImage(toUser, { url: "https://cdn.example.vn/qr.png" });
  });

  it("refuses an image given both as attachment id and URL", async () => {
    const both = { attachmentId: "att-1", url: "https://cdn.example.vn/qr.png" };
    await expect(client.sendImage(toUser, both)).rejects.toBeInstanceOf(ZaloValidationError);
  });

  it("sends a file by upload token", async () => {
    json()
      .post(CS, {
        recipient: { user_id: IDS.userId },
        message: { attachment: { type: "file", payload: { token: "tok-1" } } },
      })
      .reply(200, fixtureText("api/oa-send-cs-success.json"));
    await client.sendFile(toUser, "tok-1");
  });

  it("uploads an image as multipart field 'file' and returns its attachment id", async () => {
    oa()
      .matchHeader("content-type", /^multipart\/form-data; boundary=/)
      .post("/v2.0/oa/upload/image", (body: string) => {
        return (
          body.includes('Content-Disposition: form-data; name="file"; filename="qr-quan.png"') &&
          body.includes("Content-Type: image/png") &&
          body.includes("fake-png-bytes")
        );
      })
      .reply(200, fixtureText("api/oa-upload-image-success.json"));
    const uploaded = await client.uploadImage({
      data: Buffer.from("fake-png-bytes"),
      filename: "qr-quan.png",
    });
    expect(uploaded.attachmentId).toMatch(/^HkYVL/);
  });

  it("refuses images over 1 MB or not jpg/png, and files over 5 MB or of other types", async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 1);
    await expect(client.uploadImage({ data: big, filename: "a.jpg" })).rejects.toBeInstanceOf(
      ZaloValidationError,
    );
    await expect(client.uploadImage({ data: Buffer.from("x"), filename: "a.gif" })).rejects.toThrow(/jpg/);
    const huge = Buffer.alloc(5 * 1024 * 1024 + 1, 1);
    await expect(client.uploadFile({ data: huge, filename: "a.pdf" })).rejects.toBeInstanceOf(
      ZaloValidationError,
    );
    await expect(client.uploadFile({ data: Buffer.from("x"), filename: "a.exe" })).rejects.toThrow(/pdf/);
  });

  it("uploads a PDF and returns its token", async () => {
    oa()
      .post("/v2.0/oa/upload/file", (body: string) => body.includes("Content-Type: application/pdf"))
      .reply(200, fixtureText("api/oa-upload-file-success.json"));
    const uploaded = await client.uploadFile({
      data: Buffer.from("%PDF-1.4 fake"),
      filename: "huong-dan.pdf",
    });
    expect(uploaded.token).toMatch(/^f3Qw0/);
  });

  it("reads a user's profile through the JSON-encoded data query parameter", async () => {
    oa()
      .get("/v3.0/oa/user/detail")
      .query({ data: JSON.stringify({ user_id: IDS.userId }) })
      .reply(200, fixtureText("api/oa-user-detail-success.json"));
    await expect(client.getUserDetail(IDS.userId)).resolves.toEqual({
      userId: IDS.userId,
      userIdByApp: IDS.userIdByApp,
      displayName: "Nguyễn Văn An",
      alias: "Anh An - quán cà phê",
      avatar: "https://s120-ava-talk.zadn.vn/a/b/c/avatar.jpg",
      avatars: {
        "120": "https://s120-ava-talk.zadn.vn/a/b/c/avatar120.jpg",
        "240": "https://s240-ava-talk.zadn.vn/a/b/c/avatar240.jpg",
      },
      isFollower: true,
      lastInteractionDate: "26/11/2025",
      isSensitive: false,
      tagsAndNotes: { notes: [], tag_names: ["Chủ quán"] },
      sharedInfo: { name: "Nguyễn Văn An", phone: "84901234567" },
    });
  });

  it("keeps 19-digit ids exact even if Zalo sends them as JSON numbers", async () => {
    oa()
      .get("/v3.0/oa/user/detail")
      .query(true)
      .reply(200, fixtureText("api/oa-user-detail-numeric-ids.txt"));
    const user = await client.getUserDetail(IDS.userId);
    expect(user.userId).toBe(IDS.userId);
    expect(user.userIdByApp).toBe(IDS.userIdByApp);
  });
});

describe("ZaloOaClient: errors the helpdesk must act on", () => {
  it("turns error -230 into a typed error the product recognises as outside the 7-day window", async () => {
    json().post(CS).reply(200, fixtureText("api/oa-error-outside-window.json"));
    const error = await caught(client.sendText(toUser, "Chào anh"));
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ code: -230, method: CS });
    expect(isOutsideInteractionWindow(error)).toBe(true);
    expect(classifyZaloError(error)).toBe("recipient");
  });

  it("recognises -232 (never interacted) as outside the window too", async () => {
    json().post(CS).reply(200, fixtureText("api/oa-error-interaction-expired.json"));
    expect(isOutsideInteractionWindow(await caught(client.sendText(toUser, "Chào anh")))).toBe(true);
  });

  it("recognises the rate limit -32 as transient", async () => {
    json().post(CS).reply(200, fixtureText("api/oa-error-rate-limit.json"));
    const error = await caught(client.sendText(toUser, "Chào anh"));
    expect(isRateLimited(error)).toBe(true);
    expect(isTokenExpired(error)).toBe(false);
    expect(classifyZaloError(error)).toBe("transient");
  });

  it("rejects an answer without the { error } envelope as a bad response", async () => {
    json().post(CS).reply(200, { status: "ok" });
    expect(await caught(client.sendText(toUser, "Chào anh"))).toMatchObject({ kind: "bad_response" });
  });

  it("turns a stalled request into a typed timeout error", async () => {
    const impatient = new ZaloOaClient({ getAccessToken: async () => TOKEN, timeoutMs: 50 });
    json().post(CS).delay(1000).reply(200, fixtureText("api/oa-send-cs-success.json"));
    const error = await caught(impatient.sendText(toUser, "Chào anh"));
    expect(error).toBeInstanceOf(ZaloTransportError);
    expect(error).toMatchObject({ kind: "timeout" });
    expect(classifyZaloError(error)).toBe("transient");
  });
});

describe("ZaloOaClient: an expired token is refreshed once, then the send is retried once", () => {
  function rotatingClient() {
    let current = "OA.acc.old";
    const onTokenExpired = vi.fn(async () => {
      current = "OA.acc.new";
    });
    return {
      client: new ZaloOaClient({ getAccessToken: async () => current, onTokenExpired }),
      onTokenExpired,
    };
  }

  for (const fixture of ["api/oa-error-token-invalid.json", "api/oa-error-token-expired.json"]) {
    it(`retries exactly once with the refreshed token after ${fixture}`, async () => {
      const { client: rotating, onTokenExpired } = rotatingClient();
      json("OA.acc.old").post(CS).reply(200, fixtureText(fixture));
      json("OA.acc.new").post(CS).reply(200, fixtureText("api/oa-send-cs-success.json"));
      await expect(rotating.sendText(toUser, "Chào anh")).resolves.toMatchObject({ quotaType: "reply" });
      expect(onTokenExpired).toHaveBeenCalledTimes(1);
    });
  }

  it("gives up after the single retry if the new token is rejected too", async () => {
    const { client: rotating, onTokenExpired } = rotatingClient();
    json("OA.acc.old").post(CS).reply(200, fixtureText("api/oa-error-token-expired.json"));
    json("OA.acc.new").post(CS).reply(200, fixtureText("api/oa-error-token-invalid.json"));
    const error = await caught(rotating.sendText(toUser, "Chào anh"));
    expect(error).toMatchObject({ code: -216 });
    expect(isTokenExpired(error)).toBe(true);
    expect(classifyZaloError(error)).toBe("token");
    expect(onTokenExpired).toHaveBeenCalledTimes(1);
  });

  it("retries uploads too, re-sending the same multipart body", async () => {
    const { client: rotating } = rotatingClient();
    const bodies: string[] = [];
    const capture = (body: string) => {
      bodies.push(body);
      return true;
    };
    oa("OA.acc.old")
      .post("/v2.0/oa/upload/image", capture)
      .reply(200, fixtureText("api/oa-error-token-expired.json"));
    oa("OA.acc.new")
      .post("/v2.0/oa/upload/image", capture)
      .reply(200, fixtureText("api/oa-upload-image-success.json"));
    await rotating.uploadImage({ data: Buffer.from("fake-jpg"), filename: "a.jpg" });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
  });

  it("does not retry other errors, and without a refresh hook it surfaces the token error", async () => {
    const { client: rotating, onTokenExpired } = rotatingClient();
    json("OA.acc.old").post(CS).reply(200, fixtureText("api/oa-error-outside-window.json"));
    await expect(rotating.sendText(toUser, "Chào anh")).rejects.toMatchObject({ code: -230 });
    expect(onTokenExpired).not.toHaveBeenCalled();

    json().post(CS).reply(200, fixtureText("api/oa-error-token-expired.json"));
    await expect(client.sendText(toUser, "Chào anh")).rejects.toMatchObject({ code: -220 });
  });
});

describe("ZaloOaClient: the transport is swappable", () => {
  it("sends through an injected transport, with apiRoot honoured", async () => {
    const seen: ZaloHttpRequest[] = [];
    const swapped = new ZaloOaClient({
      getAccessToken: async () => TOKEN,
      apiRoot: "http://zalo-stand-in:4000",
      transport: async (request) => {
        seen.push(request);
        return { status: 200, headers: {}, body: fixtureText("api/oa-send-cs-success.json") };
      },
    });
    await swapped.sendText(toUser, "Xin chào");
    expect(seen[0]).toMatchObject({ method: "POST", url: `http://zalo-stand-in:4000${CS}` });
    expect(seen[0]?.headers.access_token).toBe(TOKEN);
    expect(JSON.parse(Buffer.from(seen[0]?.body ?? []).toString("utf8"))).toEqual({
      recipient: { user_id: IDS.userId },
      message: { text: "Xin chào" },
    });
  });

  it("wraps a foreign error from a custom transport into a typed network error", async () => {
    const failing = new ZaloOaClient({
      getAccessToken: async () => TOKEN,
      transport: async () => {
        throw new Error("proxy refused");
      },
    });
    await expect(failing.sendText(toUser, "Xin chào")).rejects.toMatchObject({ kind: "network" });
  });
});
