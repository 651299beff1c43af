import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaTicketStore } from "../../src/db/prisma-ticket-store";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import { startTestServer, TEST_ZALO_OA_APP_SECRET, type TestServer, zaloOaEnv } from "../helpers/test-server";

const DAY = 24 * 60 * 60 * 1000;

describe("an officer's answer to a Zalo OA user respects Zalo's messaging window", () => {
  const api = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;
  let officer: DashboardClient;

  beforeAll(async () => {
    server = await startTestServer({
      ...zaloOaEnv(await api.start(), api.issue()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      HANDOVER_OFFICE_HOURS: "Mon-Sun 00:00-24:00",
    });
    officer = new DashboardClient(server.url);
    await officer.login((await officerLink(server.url, "officer", ["21040"])).link);
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  /** A Zalo OA follower who last wrote `ago` ms ago, with a ticket open. */
  const ticketOf = async (externalId: string, ago: number) => {
    const contactId = randomUUID();
    await server.database.db.contact.create({
      data: { id: contactId, channel: "zalo-oa", externalId, lastInboundAt: new Date(Date.now() - ago) },
    });
    const id = randomUUID();
    await new PrismaTicketStore(server.database.db).open({
      id,
      contactId,
      channel: "zalo-oa",
      externalId,
      language: "vi",
      communeCode: "21040",
      question: "Cho hỏi lịch tiêm mũi nhắc",
      transcript: [],
      now: new Date(Date.now() - ago),
    });
    return id;
  };

  it("ten days after the person last wrote, the page says the window is closed and a reply is refused, nothing queued", async () => {
    const id = await ticketOf("7700000000000000910", 10 * DAY);
    const page = await (await officer.get(`/admin/inbox/${id}`)).text();
    expect(page).toContain('id="window-closed"');
    const queued = await server.database.db.outboxMessage.count({ where: { channel: "zalo-oa" } });
    const res = await officer.post(`/admin/inbox/${id}/reply`, { text: "Chào bạn" }, `/admin/inbox/${id}`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("quá thời hạn Zalo cho phép nhắn lại");
    expect(await server.database.db.outboxMessage.count({ where: { channel: "zalo-oa" } })).toBe(queued);
    expect(await server.database.db.ticketMessage.count({ where: { ticketId: id, author: "officer" } })).toBe(
      0,
    );
  });

  it("an hour after, the answer goes out on Zalo OA", async () => {
    const user = "7700000000000000911";
    const id = await ticketOf(user, 60 * 60 * 1000);
    expect(await (await officer.get(`/admin/inbox/${id}`)).text()).not.toContain('id="window-closed"');
    const res = await officer.post(
      `/admin/inbox/${id}/reply`,
      { text: "Chào bạn, thứ Hai tới nhé." },
      `/admin/inbox/${id}`,
    );
    expect(res.status).toBe(200);
    await expect
      .poll(() => api.to(user).some((m) => m.message.text?.includes("Cán bộ xã Bình Sơn trả lời:")), {
        timeout: 10_000,
      })
      .toBe(true);
  });
});
