import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import { queueMedia } from "../helpers/queue-media";
import {
  startTestServer,
  TEST_ZALO_OA_APP_ID,
  TEST_ZALO_OA_APP_SECRET,
  TEST_ZALO_OA_SECRET_KEY,
  type TestServer,
  zaloOaEnv,
} from "../helpers/test-server";
import { nextOaMsgId, OA_ID, sign, userText } from "../helpers/zalo-updates";

function followEvent(userId: string, eventName: "follow" | "unfollow") {
  return {
    app_id: TEST_ZALO_OA_APP_ID,
    oa_id: OA_ID,
    follower: { id: userId },
    user_id_by_app: "5521772797175226910",
    event_name: eventName,
    source: "oa_profile",
    timestamp: String(Date.now() + nextOaMsgId()),
  };
}

describe("Zalo OA webhook", () => {
  const api = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;
  let seed: { accessToken: string; refreshToken: string };

  /** Posts a body signed correctly, or with the given header (`null`: none). */
  const post = (body: object, header?: string | null) => {
    const raw = JSON.stringify(body);
    const timestamp = String((body as { timestamp?: string }).timestamp ?? "");
    const signature = header === undefined ? sign(raw, timestamp) : header;
    return fetch(`${server.url}/webhooks/zalo-oa`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(signature ? { "x-zevent-signature": signature } : {}),
      },
      body: raw,
    });
  };
  const contact = (userId: string) =>
    server.database.db.contact.findFirst({ where: { channel: "zalo-oa", externalId: userId } });

  beforeAll(async () => {
    const root = await api.start();
    seed = api.issue();
    server = await startTestServer(zaloOaEnv(root, seed));
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });
  beforeEach(() => {
    api.responder = undefined;
  });

  it("a new follower gets the welcome and the menu with buttons (the seeded token is refreshed first)", async () => {
    const user = "2468458835296117922";
    expect((await post(followEvent(user, "follow"))).status).toBe(200);
    await api.waitFor(() => api.to(user).length >= 2);
    const [welcome, menu] = api.to(user);
    expect(welcome?.message.text).toMatch(/^Xin chào! Đây là Trợ lý ảo phòng, chống dịch Covid-19/);
    expect(menu?.message.text).toBe("Bạn cần gì? Chọn một mục bên dưới:");
    // Five buttons, Zalo OA's most: a way to a person is one of them (the venue entries are one since then).
    expect(FakeZaloOaApi.buttons(menu)).toEqual([
      {
        title: "💬 Hỏi đáp PC-Covid, tiêm chủng",
        type: "oa.query.show",
        payload: "💬 Hỏi đáp PC-Covid, tiêm chủng",
      },
      { title: "🙋 Hỏi cán bộ", type: "oa.query.show", payload: "🙋 Hỏi cán bộ" },
      { title: "📍 Mã QR địa điểm", type: "oa.query.show", payload: "📍 Mã QR địa điểm" },
      { title: "🌐 Ngôn ngữ / Language", type: "oa.query.show", payload: "🌐 Ngôn ngữ / Language" },
      { title: "❓ Trợ giúp", type: "oa.query.show", payload: "❓ Trợ giúp" },
    ]);
    // The pasted pair's age is unknown, so it was refreshed once, with the App Secret, before the first send.
    expect(api.refreshCalls).toHaveLength(1);
    expect(api.refreshCalls[0]).toMatchObject({
      refreshToken: seed.refreshToken,
      secretKey: TEST_ZALO_OA_APP_SECRET,
    });
    expect(welcome?.accessToken).not.toBe(seed.accessToken);
  });

  it("tapping a button (its label comes back as text) follows it, and so does the next tap", async () => {
    const user = "2468458835296117923";
    await post(userText(user, "/menu"));
    await api.waitFor(() => api.to(user).length >= 1);
    await post(userText(user, "🌐 Ngôn ngữ / Language"));
    await api.waitFor(() => api.to(user).length >= 2);
    const prompt = api.to(user)[1];
    expect(prompt?.message.text).toBe("Chọn ngôn ngữ / Choose your language:");
    expect(FakeZaloOaApi.buttons(prompt).map((b) => b.payload)).toEqual(["Tiếng Việt", "English"]);
    await post(userText(user, "English"));
    await api.waitFor(() => api.to(user).length >= 4);
    expect(api.textsTo(user).slice(2)).toEqual([
      "Switched to English.",
      "What do you need? Choose an item below:",
    ]);
    expect((await contact(user))?.language).toBe("en");
  });

  it("a forged, missing or stale signature is refused with 401 and nothing is stored", async () => {
    const before = await server.database.db.inboxUpdate.count();
    const user = "2468458835296117924";
    const body = userText(user, "/start");
    const raw = JSON.stringify(body);
    expect((await post(body, sign(raw, body.timestamp, "the-wrong-oa-secret"))).status).toBe(401);
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, "mac=deadbeef")).status).toBe(401);
    // Signed with the App Secret instead of the OA Secret Key: a common mistake, and not Zalo's scheme.
    expect((await post(body, sign(raw, body.timestamp, TEST_ZALO_OA_APP_SECRET))).status).toBe(401);
    const stale = userText(user, "/start", Date.now() - 4 * 60 * 60 * 1000);
    expect((await post(stale)).status).toBe(401);
    expect(await server.database.db.inboxUpdate.count()).toBe(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.to(user)).toEqual([]);
  });

  it("a replayed event is acknowledged but answered once; a malformed signed body is 400", async () => {
    const user = "2468458835296117925";
    const body = userText(user, "/help");
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    await api.waitFor(() => api.to(user).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.textsTo(user).filter((t) => t.startsWith("Các lệnh"))).toHaveLength(1);
    const bad = { app_id: TEST_ZALO_OA_APP_ID, event_name: "user_send_text", timestamp: String(Date.now()) };
    expect((await post(bad)).status).toBe(400);
  });

  it("an unfollow leaves the contact unreachable and sends nothing", async () => {
    const user = "2468458835296117926";
    await post(followEvent(user, "follow"));
    await api.waitFor(() => api.to(user).length >= 2);
    expect((await post(followEvent(user, "unfollow"))).status).toBe(200);
    await waitUntil(async () => (await contact(user))?.reachable === false);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.to(user)).toHaveLength(2);
  });

  it("echoes of the OA's own messages are acknowledged and skipped", async () => {
    const user = "2468458835296117927";
    const echo = {
      app_id: TEST_ZALO_OA_APP_ID,
      sender: { id: OA_ID },
      recipient: { id: user },
      event_name: "oa_send_text",
      message: { text: "Bạn cần gì?", msg_id: "echo-1" },
      timestamp: String(Date.now()),
    };
    const res = await post(echo);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stored: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(api.to(user)).toEqual([]);
    expect(await contact(user)).toBeNull();
  });

  it("a reply goes by the message id it answers, and keeps Zalo's quota_type on the delivery", async () => {
    const user = "2468458835296117940";
    const body = userText(user, "/help");
    await post(body);
    await api.waitFor(() => api.to(user).length >= 1);
    expect(api.to(user)[0]?.recipient).toEqual({ message_id: body.message.msg_id });
    await waitUntil(async () =>
      (await server.database.db.outboxMessage.findMany({ where: { externalId: user } })).every(
        (r) => r.status === "sent",
      ),
    );
    const rows = await server.database.db.outboxMessage.findMany({ where: { externalId: user } });
    expect(rows.map((r) => [r.replyTo, r.quotaType])).toEqual(rows.map(() => [body.message.msg_id, "reply"]));
    // The person's last interaction is the event's own time (Zalo may deliver it late).
    expect((await contact(user))?.lastInboundAt?.getTime()).toBe(Number(body.timestamp));
  });

  it("outside the interaction window (-230) a message is skipped as 'outside the Zalo window', never blocked; they get the next one after writing", async () => {
    const user = "2468458835296117928";
    let refuse = true;
    api.responder = (sent) =>
      sent.userId === user && refuse
        ? { error: -230, message: "User has not interacted with the OA in the past 7 days" }
        : undefined;
    await post(userText(user, "/help"));
    await waitUntil(async () => {
      const rows = await server.database.db.outboxMessage.findMany({ where: { externalId: user } });
      return rows.length > 0 && rows.every((r) => r.status === "skipped");
    });
    const after = await server.database.db.outboxMessage.findMany({ where: { externalId: user } });
    expect(after.every((r) => r.lastError?.startsWith("outside the Zalo window (-230"))).toBe(true);
    expect((await contact(user))?.reachable).toBe(true);
    refuse = false;
    await post(userText(user, "/lang"));
    await api.waitFor(() => api.textsTo(user).includes("Chọn ngôn ngữ / Choose your language:"));
  });

  it("an expired access token is refreshed once and the message then goes out", async () => {
    const user = "2468458835296117929";
    const refreshes = api.refreshCalls.length;
    api.expireAccessTokens();
    await post(userText(user, "/help"));
    await api.waitFor(() => api.to(user).length >= 2);
    expect(api.refreshCalls.length).toBe(refreshes + 1);
  });

  it("two sends racing on an expired token cause exactly one refresh", async () => {
    const refreshes = api.refreshCalls.length;
    api.expireAccessTokens();
    const users = ["2468458835296117930", "2468458835296117931"];
    await Promise.all(users.map((u) => post(userText(u, "/lang"))));
    await api.waitFor(() => users.every((u) => api.to(u).length >= 1));
    expect(api.refreshCalls.length).toBe(refreshes + 1);

    // The same when the stored expiry says "due": the proactive refresh is shared as well.
    await server.database.db.zaloOaToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const more = ["2468458835296117932", "2468458835296117933", "2468458835296117934"];
    await Promise.all(more.map((u) => post(userText(u, "/lang"))));
    await api.waitFor(() => more.every((u) => api.to(u).length >= 1));
    expect(api.refreshCalls.length).toBe(refreshes + 2);
  });

  it("an image is uploaded and sent by attachment id; a document goes as a /media link", async () => {
    const user = "2468458835296117935";
    await post(userText(user, "/lang"));
    await api.waitFor(() => api.to(user).length >= 1);
    const { data } = await queueMedia(server, { channel: "zalo-oa", externalId: user }, "image");
    await api.waitFor(() => api.to(user).length >= 2);
    expect(api.uploads.at(-1)?.bytes).toBeGreaterThan(data.length);
    expect(api.to(user)[1]?.message).toMatchObject({
      text: "Mã QR của quán",
      attachment: {
        type: "template",
        payload: {
          template_type: "media",
          elements: [{ media_type: "image", attachment_id: `att-${api.uploads.length}` }],
        },
      },
    });
    const { mediaId } = await queueMedia(server, { channel: "zalo-oa", externalId: user }, "document");
    await api.waitFor(() => api.to(user).length >= 3);
    expect(api.textsTo(user)[2]).toBe(`Mã QR của quán\nhttps://helpdesk.example.test/media/${mediaId}`);
  });

  it("with the upload quota spent (-211) an image goes as its link, and the next reply is not held back", async () => {
    const user = "2468458835296117936";
    await post(userText(user, "/lang"));
    await api.waitFor(() => api.to(user).length >= 1);
    api.uploadResponder = () => ({ error: -211, message: "Out of quota" });
    try {
      const uploads = api.uploads.length;
      const { mediaId } = await queueMedia(server, { channel: "zalo-oa", externalId: user }, "image");
      await api.waitFor(() => api.to(user).length >= 2);
      expect(api.textsTo(user)[1]).toBe(`Mã QR của quán\nhttps://helpdesk.example.test/media/${mediaId}`);
      expect(api.uploads.length).toBe(uploads);
      const asked = Date.now();
      await post(userText(user, "/help"));
      await api.waitFor(() => api.to(user).length >= 3);
      expect(Date.now() - asked).toBeLessThan(3_000);
    } finally {
      api.uploadResponder = undefined;
    }
  });

  it("tokens are encrypted in the database and no token or secret reaches the logs", async () => {
    const row = await server.database.db.zaloOaToken.findUnique({ where: { id: "default" } });
    const current = api.sent.at(-1)?.accessToken ?? "";
    expect(current).toMatch(/^OA\.acc\./);
    expect(row?.accessTokenEnc).not.toContain("OA.acc");
    expect(row?.refreshTokenEnc).not.toContain("OA.ref");
    expect(row?.accessTokenEnc.startsWith("v1:")).toBe(true);
    const logs = server.logs.join("");
    for (const secret of [
      current,
      seed.accessToken,
      seed.refreshToken,
      TEST_ZALO_OA_APP_SECRET,
      TEST_ZALO_OA_SECRET_KEY,
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toMatch(/OA\.(acc|ref)\./);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}
