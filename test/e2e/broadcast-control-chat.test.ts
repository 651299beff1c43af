import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi, seedSubscribers } from "../helpers/broadcast-fixtures";
import { type BotApiCall, FakeBotApi } from "../helpers/fake-bot-api";
import { telegramUser } from "../helpers/telegram-updates";
import { startTestServer, TEST_WEBHOOK_SECRET, type TestServer, telegramEnv } from "../helpers/test-server";

const CHAT = 5151;
const { text, tap } = telegramUser(CHAT, "Thảo", 70_000);

/** The inline buttons of a sent message as [label, payload] pairs. */
function buttons(call: BotApiCall | undefined): [string, string][] {
  const markup = call?.body.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] };
  return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data]);
}

describe("an officer on Telegram keeps control of a scheduled broadcast", () => {
  const api = new FakeBotApi();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ...telegramEnv(await api.start()), ADMIN_API_TOKEN: ADMIN_TOKEN });
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  const send = async (update: unknown, answers = 1) => {
    const before = api.sent().length;
    const res = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    await api.waitFor(() => api.sent().length >= before + answers);
    // Some answers come in two messages (a preview, then its question): wait until the chat is quiet.
    for (let seen = -1; seen !== api.sent().length; ) {
      seen = api.sent().length;
      await new Promise((r) => setTimeout(r, 400));
    }
    return api.sent().slice(before);
  };

  // A long story of about twenty turns, each waiting for the chat to go quiet: more than the default 30 s under load.
  it("moves it, rewrites it, then cancels it from /broadcast before anyone got it", async () => {
    await seedSubscribers(server.database.db, 2, { communeCode: "21043" });
    const invite = await adminApi(server.url)("/api/v1/officers/invites", { role: "officer", communes: [] });
    await send(text(`/officer ${String(invite.json.code)}`));

    await send(text("/broadcast"));
    await send(text("Sáng mai 8h tiêm vắc xin tại trạm y tế xã."));
    await send(tap("broadcast:aud:all"), 2);
    await send(tap("broadcast:later"));
    await send(text("25/12 07:30"));
    const [scheduled] = await send(tap("broadcast:confirm"));
    expect(scheduled?.body.text).toMatch(/^Đã hẹn gửi thông báo #\w{6} lúc 07:30 25\/12/);
    const stored = await server.database.db.broadcast.findFirstOrThrow();

    // /broadcast now lists it first, with its three buttons and a way to write a new one.
    const [list] = await send(text("/broadcast"));
    expect(list?.body.text).toContain("Thông báo đang chờ gửi hoặc đang gửi (1):");
    expect(list?.body.text).toContain("hẹn gửi lúc 07:30 25/12");
    const short = stored.id.slice(0, 6);
    expect(buttons(list)).toEqual([
      [`✖ Huỷ #${short}`, `broadcasts:cancel:${stored.id}`],
      [`🕑 Đổi giờ #${short}`, `broadcasts:move:${stored.id}`],
      [`✏️ Sửa #${short}`, `broadcasts:edit:${stored.id}`],
      ["✍️ Soạn thông báo mới", "broadcasts:new"],
    ]);

    const [askTime] = await send(tap(`broadcasts:move:${stored.id}`));
    expect(askTime?.body.text).toMatch(/^Gửi #\w{6} “Sáng mai 8h tiêm vắc xin tại trạm y tế…” lúc nào\?/);
    const [unread] = await send(text("sáng sớm"));
    expect(unread?.body.text).toMatch(/chưa đọc được thời gian/);
    const [moved] = await send(text("26/12 9h"));
    expect(moved?.body.text).toMatch(/^Đã đổi giờ gửi #\w{6} “.*” sang 09:00 26\/12\.$/);

    await send(tap(`broadcasts:edit:${stored.id}`));
    const [edited] = await send(text("Sáng 26/12 tiêm vắc xin tại nhà văn hoá thôn."));
    expect(edited?.body.text).toMatch(
      /^Đã sửa nội dung #\w{6} “Sáng 26\/12 tiêm vắc xin tại nhà văn…”\. Thông báo sẽ gửi lúc 09:00 26\/12\.$/,
    );
    expect(await server.database.db.broadcast.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      status: "scheduled",
      text: "Sáng 26/12 tiêm vắc xin tại nhà văn hoá thôn.",
    });

    const [sure] = await send(tap(`broadcasts:cancel:${stored.id}`));
    expect(sure?.body.text).toMatch(/^Huỷ thông báo #\w{6} .*\? Những tin chưa gửi sẽ không được gửi nữa\.$/);
    // A typed "có" answers the yes/no button.
    const [cancelled] = await send(text("có"));
    expect(cancelled?.body.text).toMatch(/^Đã huỷ thông báo #\w{6} “.*”: đã gửi 0, dừng 0\.$/);
    expect((await server.database.db.broadcast.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe(
      "cancelled",
    );
    // Tapped again (an old message): said plainly, nothing changes.
    const [again] = await send(tap(`broadcasts:stop:${stored.id}`));
    expect(again?.body.text).toBe("Thông báo này đã gửi xong hoặc đã được huỷ trước đó.");
    // Nothing left to manage: /broadcast goes straight to the composer.
    const [compose] = await send(text("/broadcast"));
    expect(compose?.body.text).toMatch(/^Nhập nội dung thông báo/);
  }, 90_000);

  it("another officer cannot cancel someone else's broadcast by replaying its button", async () => {
    const other = await server.database.db.broadcast.create({
      data: {
        id: "00000000-0000-4000-8000-00000000b0b0",
        text: "Thông báo của xã khác",
        audience: JSON.stringify({ all: true }),
        sendAt: new Date(Date.now() + 3_600_000),
        createdBy: "someone-else",
      },
    });
    await send(text("/cancel"), 2);
    const [refused] = await send(tap(`broadcasts:stop:${other.id}`));
    expect(refused?.body.text).toBe("Không tìm thấy thông báo này, hoặc bạn không có quyền sửa nó.");
    expect((await server.database.db.broadcast.findUniqueOrThrow({ where: { id: other.id } })).status).toBe(
      "scheduled",
    );
  });
});
