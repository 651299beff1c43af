import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaTicketStore } from "../../src/db/prisma-ticket-store";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import { startTestServer, TEST_ZALO_OA_APP_SECRET, type TestServer, zaloOaEnv } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";
import { sign, userText } from "../helpers/zalo-updates";

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

  it("an officer on Zalo OA, whose buttons come back as their labels, takes and answers a ticket", async () => {
    const officerId = "7700000000000000950";
    const say = async (text: string) => {
      const before = api.to(officerId).length;
      const event = userText(officerId, text);
      const raw = JSON.stringify(event);
      await fetch(`${server.url}/webhooks/zalo-oa`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": sign(raw, event.timestamp) },
        body: raw,
      });
      await api.waitFor(() => api.to(officerId).length > before);
      return api.textsTo(officerId).slice(before);
    };
    const invite = await adminApi(server.url)("/api/v1/officers/invites", {
      role: "officer",
      communes: ["21061"],
    });
    await say(`/officer ${String(invite.json.code)}`);
    const citizen = new WebchatClient(server.url);
    await citizen.send("gặp cán bộ");
    await citizen.send("van tuong");
    await citizen.send("Cho hỏi nơi xét nghiệm gần nhất");
    await api.waitFor(() =>
      api.textsTo(officerId).some((t: string) => t.includes("Cho hỏi nơi xét nghiệm gần nhất")),
    );
    expect((await say("✍️ Trả lời")).at(-1)).toMatch(/Gõ câu trả lời/);
    expect((await say("Bạn đến trạm y tế xã Vạn Tường vào buổi sáng.")).at(-1)).toMatch(/Đã gửi câu trả lời/);
    const seen: string[] = [];
    const deadline = Date.now() + 10_000;
    while (!seen.some((t) => t.includes("Cán bộ xã Vạn Tường trả lời")) && Date.now() < deadline) {
      seen.push(...textsOf(await citizen.read()));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen.join("\n")).toContain(
      "💬 Cán bộ xã Vạn Tường trả lời:\nBạn đến trạm y tế xã Vạn Tường vào buổi sáng.",
    );
  });
});
