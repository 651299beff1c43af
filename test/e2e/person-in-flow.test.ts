import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

// A person halfway through something who types that they want a person is taken to the officers, not asked
// the flow's next question with "gặp cán bộ" stored as their answer.
describe("asking for a person in the middle of a flow", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
  });
  afterAll(() => server.stop());

  const registering = async () => {
    const chat = new WebchatClient(server.url);
    await chat.send({ payload: "venues:start" });
    await chat.send("Tạp hóa Cô Ba");
    return chat;
  };

  it("with no officer on duty, the registration is kept: the person is told whom to call and asked the same step again", async () => {
    const chat = await registering();
    const said = textsOf(await chat.send("cho tôi gặp cán bộ với")).join("\n");
    expect(said).toMatch(/chưa có cán bộ trực/);
    expect(said).not.toMatch(/Đã hủy/);
    expect(said).toMatch(/Bước 2\/6/);
    const dialog = await server.database.db.dialogState.findMany({ where: { flow: "venue" } });
    expect(dialog.some((d) => d.data.includes("Tạp hóa Cô Ba"))).toBe(true);
  });

  it("with an officer, the registration stops and the person is asked for their question; saying it again is not the question", async () => {
    const invited = await adminApi(server.url)("/api/v1/officers/invites", { role: "officer", communes: [] });
    const officer = new WebchatClient(server.url);
    await officer.send(`/officer ${String(invited.json.code)}`);

    const chat = await registering();
    const said = textsOf(await chat.send("mình muốn nói chuyện với cán bộ")).join("\n");
    expect(said).toMatch(/^Đã hủy đăng ký/);
    expect(said).not.toMatch(/Bước 2\/6/);
    // The handover asks which commune (or the question) next; "gặp cán bộ" typed again is no question.
    await chat.send("Bình Sơn");
    const again = textsOf(await chat.send("gap can bo")).join("\n");
    expect(again.length).toBeGreaterThan(0);
    expect(await server.database.db.ticket.count()).toBe(0);
    await chat.send("Cửa hàng tôi có cần dán mã QR không?");
    expect(await server.database.db.ticket.count()).toBe(1);
  });

  it("'cán bộ' inside an answer is an answer: a venue may be called that", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send({ payload: "venues:start" });
    const said = textsOf(await chat.send("Nhà văn hóa cán bộ hưu trí")).join("\n");
    expect(said).not.toMatch(/Đã hủy/);
    expect(said).toMatch(/^Bước 2\/6/m);
  });
});
