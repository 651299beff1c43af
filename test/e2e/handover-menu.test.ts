import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { officerLink } from "../helpers/dashboard-fixtures";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import { startTestServer, TEST_ZALO_OA_APP_SECRET, type TestServer, zaloOaEnv } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";
import { zaloOaChat } from "../helpers/zalo-updates";

const BINH_SON = "21040";

describe("the main menu's 'Hỏi cán bộ' reaches a person on every channel", () => {
  const oa = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      ...zaloOaEnv(await oa.start(), oa.issue()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00",
    });
    // Someone to answer: without an officer the bot says so instead of opening a ticket nobody reads.
    await officerLink(server.url, "officer", [BINH_SON]);
  });
  afterAll(async () => {
    await server.stop();
    await oa.stop();
  });

  it("on the web chat: the menu's button asks the commune and the question, and opens a ticket", async () => {
    const citizen = new WebchatClient(server.url);
    const menu = await citizen.send("/menu");
    expect(buttonsOf(menu)).toEqual([
      "💬 Hỏi đáp PC-Covid, tiêm chủng",
      "🙋 Hỏi cán bộ",
      "📍 Mã QR địa điểm",
      "🌐 Ngôn ngữ / Language",
      "❓ Trợ giúp",
    ]);
    const asked = textsOf(await citizen.send({ payload: "handover:start" }));
    expect(asked[0]).toBe("Bạn sẽ được trao đổi với cán bộ ngay trong cuộc trò chuyện này.");
    expect(asked.at(-1)).toMatch(/^Bạn ở xã\/phường nào\?/);
    expect(textsOf(await citizen.send("binh son")).at(-1)).toBe(
      "Bạn hãy viết câu hỏi cho cán bộ trong một tin nhắn.",
    );
    expect(textsOf(await citizen.send("Cho em hỏi thủ tục xin giấy xác nhận cư trú ạ")).at(-1)).toMatch(
      /^Đã chuyển câu hỏi của bạn tới cán bộ xã Bình Sơn\./,
    );
    const ticket = await server.database.db.ticket.findFirstOrThrow({ where: { channel: "webchat" } });
    expect(ticket).toMatchObject({ communeCode: BINH_SON, status: "open" });
    expect(ticket.question).toBe("Cho em hỏi thủ tục xin giấy xác nhận cư trú ạ");
  });

  it("on Zalo OA: the tapped label comes back as text and leads to the same ticket", async () => {
    const user = "7700000000000000555";
    const say = zaloOaChat(server.url, oa);
    const [menu] = await say(user, "/menu");
    expect(FakeZaloOaApi.buttons(menu).map((b) => b.title)).toContain("🙋 Hỏi cán bộ");
    await say(user, "🙋 Hỏi cán bộ", 2);
    expect(oa.textsTo(user).at(-1)).toMatch(/^Bạn ở xã\/phường nào\?/);
    await say(user, "Bình Sơn");
    await say(user, "Xin hỏi khi nào có lịch họp dân ở thôn?");
    await oa.waitFor(() => oa.textsTo(user).some((t) => t.startsWith("Đã chuyển câu hỏi của bạn")));
    const ticket = await server.database.db.ticket.findFirstOrThrow({ where: { channel: "zalo-oa" } });
    expect(ticket).toMatchObject({
      externalId: user,
      communeCode: BINH_SON,
      question: expect.stringMatching(/họp dân/),
    });
  });

  it("the one venue entry starts a registration for a newcomer and lists an owner's venues with 'register another'", async () => {
    const newcomer = new WebchatClient(server.url);
    expect(textsOf(await newcomer.send({ payload: "venues:menu" })).join("\n")).toMatch(
      /Trợ lý sẽ giúp bạn tạo mã QR/,
    );
    // The same person once owns a venue (registered over the API, tied to their chat as a chat registration is).
    const { id } = await registerVenue(server.url, ADMIN_TOKEN, { name: "Tiệm may Hồng" });
    const contact = await server.database.db.contact.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    await server.database.db.venue.update({ where: { id }, data: { ownerContactId: contact.id } });
    await newcomer.send("/cancel");
    const listed = await newcomer.send({ payload: "venues:menu" });
    expect(buttonsOf(listed)).toEqual(["Tiệm may Hồng", "➕ Đăng ký thêm địa điểm"]);
  });

  it("a commune with no officer of its own yet: the person is told the district's admins will answer, not its officers", async () => {
    await officerLink(server.url, "admin");
    const citizen = new WebchatClient(server.url);
    await citizen.send({ payload: "handover:start" });
    await citizen.send("binh chau");
    const opened = textsOf(await citizen.send("Xã em chưa có ai trực à, cho em hỏi lịch tiêm ạ")).at(-1);
    expect(opened).toMatch(/^Đã chuyển câu hỏi của bạn tới cán bộ của /);
    expect(opened).not.toContain("Đông Sơn");
  });
});

describe("a person asked for their commune who does not know it", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00",
    });
    // A district-wide officer: a question with no commune reaches them.
    await officerLink(server.url, "admin", []);
  });
  afterAll(() => server.stop());

  it("says so in words, or types the question there, and the question still reaches an officer", async () => {
    const unsure = new WebchatClient(server.url);
    await unsure.send({ payload: "handover:start" });
    expect(textsOf(await unsure.send("ko ro")).at(-1)).toBe(
      "Bạn hãy viết câu hỏi cho cán bộ trong một tin nhắn.",
    );
    expect(textsOf(await unsure.send("xin giấy xác nhận cư trú ở đâu ạ")).at(-1)).toMatch(
      /^Đã chuyển câu hỏi/,
    );

    const hurried = new WebchatClient(server.url);
    await hurried.send({ payload: "handover:start" });
    expect(textsOf(await hurried.send("toi bi sot 3 ngay roi co can xet nghiem ko")).at(-1)).toMatch(
      /^Đã chuyển câu hỏi/,
    );
    const tickets = await server.database.db.ticket.findMany({ orderBy: { createdAt: "asc" } });
    expect(tickets.map((t) => [t.communeCode, t.question])).toEqual([
      [null, "xin giấy xác nhận cư trú ở đâu ạ"],
      [null, "toi bi sot 3 ngay roi co can xet nghiem ko"],
    ]);
  });
});
