import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

const BINH_SON = "21040";
const VAN_TUONG = "21061";

async function readUntil(client: WebchatClient, pattern: RegExp): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + 10_000;
  while (!seen.some((t) => pattern.test(t)) && Date.now() < deadline) {
    seen.push(...textsOf(await client.read()));
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

describe("officers answer people from the dashboard's inbox", () => {
  let server: TestServer;
  let binhSon: DashboardClient;
  let vanTuong: DashboardClient;
  let citizen: WebchatClient;
  let ticketId: string;

  beforeAll(async () => {
    server = await startTestServer({
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      PUBLIC_URL: "https://dash.example.test",
      HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00",
    });
    binhSon = new DashboardClient(server.url);
    await binhSon.login((await officerLink(server.url, "officer", [BINH_SON])).link);
    vanTuong = new DashboardClient(server.url);
    await vanTuong.login((await officerLink(server.url, "officer", [VAN_TUONG])).link);
    citizen = new WebchatClient(server.url);
    await citizen.send("muốn nói chuyện với người thật");
    await citizen.send({ payload: `handover-ask:commune:${BINH_SON}` });
    await citizen.send("Em ở thôn Phước Hoà, gọi em số 0905 111 222 nhé. Bao giờ có lịch tiêm nhắc lại?");
    ticketId = (await server.database.db.ticket.findFirstOrThrow()).id;
  });
  afterAll(() => server.stop());

  it("an officer of the ticket's commune sees it in the inbox and reads the conversation; the read is audited", async () => {
    const list = await (await binhSon.get("/admin/inbox")).text();
    expect(list).toContain(`#${ticketId.slice(0, 6)}`);
    expect(list).toContain("Bao giờ có lịch tiêm nhắc lại?");
    const page = await binhSon.get(`/admin/inbox/${ticketId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Xã Bình Sơn");
    expect(html).not.toContain("111 222");
    const reads = await server.database.db.auditLog.findMany({ where: { action: "ticket.read" } });
    expect(reads).toHaveLength(1);
    expect(reads[0]?.actor).toMatch(/\(officer:[0-9a-f]{8}\)$/);
  });

  it("an officer of another commune sees nothing of it", async () => {
    expect(await (await vanTuong.get("/admin/inbox")).text()).not.toContain(`#${ticketId.slice(0, 6)}`);
    expect((await vanTuong.get(`/admin/inbox/${ticketId}`)).status).toBe(404);
    const forged = await vanTuong.post(
      `/admin/inbox/${ticketId}/reply`,
      { text: "xin chào" },
      "/admin/inbox",
    );
    expect(forged.status).toBe(404);
    expect(await server.database.db.ticketMessage.count({ where: { author: "officer" } })).toBe(0);
  });

  it("bad replies are refused with a clear message and change nothing", async () => {
    const from = `/admin/inbox/${ticketId}`;
    expect((await binhSon.post(`${from}/reply`, { text: "hi", csrf: "forged" })).status).toBe(403);
    const empty = await binhSon.post(`${from}/reply`, { text: "   " }, from);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Câu trả lời đang trống");
    const long = await binhSon.post(`${from}/reply`, { text: "x".repeat(10_000) }, from);
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("dài 10000 ký tự, tối đa 2000");
    expect(await server.database.db.ticketMessage.count({ where: { author: "officer" } })).toBe(0);
    expect(
      (await server.database.db.ticket.findUniqueOrThrow({ where: { id: ticketId } })).firstAnsweredAt,
    ).toBeNull();
  });

  it("a typed reply reaches the person's web chat signed with the officer's role; closing asks them to rate", async () => {
    const from = `/admin/inbox/${ticketId}`;
    const sent = await binhSon.post(
      `${from}/reply`,
      { text: "Lịch tiêm nhắc lại sẽ có vào thứ Hai tới tại trạm y tế xã." },
      from,
    );
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Đã gửi câu trả lời cho người dân.");
    expect((await readUntil(citizen, /trả lời:/)).join("\n")).toContain(
      "💬 Cán bộ xã Bình Sơn trả lời:\nLịch tiêm nhắc lại sẽ có vào thứ Hai tới tại trạm y tế xã.",
    );
    const closed = await binhSon.post(`${from}/close`, {}, from);
    expect(closed.status).toBe(200);
    expect((await readUntil(citizen, /có giúp được bạn không/)).join("\n")).toMatch(/Cán bộ đã kết thúc/);
    expect(textsOf(await citizen.send("👎")).at(-1)).toMatch(/góp ý/);
    expect(textsOf(await citizen.send({ payload: "handover-comment:skip" })).at(-1)).toBe(
      "Cảm ơn bạn đã cho biết ý kiến.",
    );

    const late = await binhSon.post(`${from}/reply`, { text: "Bổ sung thêm" }, "/admin/inbox");
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Yêu cầu này đã kết thúc");
    const ticket = await server.database.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({ status: "closed", rating: "down" });
    const inbox = await (await binhSon.get("/admin/inbox?status=closed")).text();
    expect(inbox).toContain(`#${ticketId.slice(0, 6)}`);
    expect(inbox).toMatch(/👍 0 · 👎 1/);
    const actions = await server.database.db.auditLog.findMany({ where: { venueId: `ticket:${ticketId}` } });
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(["ticket.read", "ticket.reply", "ticket.close"]),
    );
  });
});
