import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

describe("an officer's personal API token", () => {
  let server: TestServer;
  let chauO: { id: string; code: string };
  let binhThuan: { id: string; code: string };
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN, PUBLIC_URL: "https://dash.example.test" });
    chauO = await registerVenue(server.url, ADMIN_TOKEN, { name: "Chợ Châu Ổ", communeCode: "21040" });
    binhThuan = await registerVenue(server.url, ADMIN_TOKEN, {
      name: "Trạm y tế Bình Thuận",
      category: "health",
      communeCode: "21043",
    });
  });
  afterAll(() => server.stop());

  it("is made on the dashboard, shown once, acts as the officer within their communes, and once revoked in chat answers 401", async () => {
    const db = server.database.db;
    // A citizen checks in at Chợ Châu Ổ by chat: later they can see that an officer's trace included it.
    const citizen = new WebchatClient(server.url);
    await citizen.send(`/start c_${chauO.code.toLowerCase()}`);
    for (const answer of ["ko", "ko", "ko", "bo qua"]) await citizen.send(answer);

    const { chat, link } = await officerLink(server.url, "officer", ["21040"]);
    const dashboard = new DashboardClient(server.url);
    await dashboard.login(link);
    const page = await (await dashboard.post("/admin/tokens", {}, "/admin/tokens")).text();
    const token = /bso_[A-Za-z0-9_-]{43}/.exec(page)?.[0];
    expect(token).toBeDefined();
    expect(page).toContain("chỉ hiện một lần");
    const [stored] = await db.officerApiToken.findMany();
    expect(stored?.tokenHash).toBe(
      createHash("sha256")
        .update(token ?? "")
        .digest("hex"),
    );
    // Shown once: the list page never has it again, and no table holds it.
    expect(await (await dashboard.get("/admin/tokens")).text()).not.toContain(token);
    const everything = JSON.stringify([
      await db.officerApiToken.findMany(),
      await db.auditLog.findMany(),
      await db.outboxMessage.findMany(),
      await db.webchatMessage.findMany(),
    ]);
    expect(everything).not.toContain(token);

    const api = adminApi(server.url, token ?? "");
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const visits = await api(`/api/v1/venues/${chauO.id}/visits?from=${from}&to=${to}`);
    expect(visits.status).toBe(200);
    expect(visits.json.count).toBe(1);
    const officer = await db.officer.findFirstOrThrow({ where: { communes: "21040" } });
    const actor = `officer:${officer.id}`;
    expect(await db.auditLog.findMany({ where: { actor }, select: { action: true, subject: true } })).toEqual(
      expect.arrayContaining([
        { action: "visits.venue", subject: null },
        { action: "api GET /api/v1/venues/:id/visits", subject: chauO.id },
        { action: "apitoken.create", subject: stored?.id },
      ]),
    );
    expect((await db.officerApiToken.findFirstOrThrow()).lastUsedAt).not.toBeNull();

    // Scoped like the officer: another commune's venue does not exist for them; admin paths are refused.
    expect((await api(`/api/v1/venues/${binhThuan.id}/visits?from=${from}&to=${to}`)).status).toBe(404);
    expect((await api(`/api/v1/visits?communeCode=21043&from=${from}&to=${to}`)).status).toBe(403);
    expect((await api(`/api/v1/visits?communeCode=21040&from=${from}&to=${to}`)).status).toBe(200);
    expect((await api("/api/v1/venues")).status).toBe(403);
    expect((await api("/api/v1/venues?communeCode=21040")).status).toBe(200);
    expect((await api("/api/v1/officers")).status).toBe(403);
    expect((await api("/api/v1/audit")).status).toBe(403);
    expect(
      (await api("/api/v1/broadcasts", { text: "Họp dân lúc 8h", audience: { all: true } })).status,
    ).toBe(403);

    // The citizen asks who has seen their check-ins: a role and a commune, never a name.
    const receipt = textsOf(await citizen.send("ai đã xem khai báo của tôi")).join("\n");
    expect(receipt).toContain("Cán bộ đã xem khai báo của bạn (khi truy vết):");
    expect(receipt).toMatch(/cán bộ phụ trách Xã Bình Sơn: xem danh sách khai báo tại địa điểm/);

    // Revoked from the chat, by the officer: the next call is 401.
    const list = await chat.send("/maapi");
    expect(textsOf(list).join("\n")).toContain(`• ${stored?.id.slice(0, 8)} — tạo`);
    const revoke = buttonsOf(list).find((b) => b.startsWith("Thu hồi"));
    expect(revoke).toBe(`Thu hồi ${stored?.id.slice(0, 8)}`);
    expect(textsOf(await chat.send(revoke ?? ""))[0]).toMatch(/^Đã thu hồi mã/);
    expect((await api(`/api/v1/venues/${chauO.id}/visits?from=${from}&to=${to}`)).status).toBe(401);
    expect(await db.auditLog.count({ where: { actor, action: "apitoken.revoke" } })).toBe(1);
  }, 90_000);

  it("a token of an officer whose role was revoked is refused; the shared token keeps working, audited as admin-api", async () => {
    const { link } = await officerLink(server.url, "officer");
    const dashboard = new DashboardClient(server.url);
    await dashboard.login(link);
    const token = /bso_[A-Za-z0-9_-]{43}/.exec(
      await (await dashboard.post("/admin/tokens", {}, "/admin/tokens")).text(),
    )?.[0];
    const api = adminApi(server.url, token ?? "");
    expect((await api("/api/v1/venues")).status).toBe(200);
    const owner = await server.database.db.officerApiToken.findFirstOrThrow({
      orderBy: { createdAt: "desc" },
    });
    expect((await adminApi(server.url)(`/api/v1/officers/${owner.officerId}/revoke`, {})).status).toBe(200);
    expect((await api("/api/v1/venues")).status).toBe(401);
    expect((await adminApi(server.url, "bso_not-a-real-token")("/api/v1/venues")).status).toBe(401);
    expect(
      await server.database.db.auditLog.count({
        where: {
          actor: "admin-api",
          action: "api POST /api/v1/officers/:id/revoke",
          subject: owner.officerId,
        },
      }),
    ).toBe(1);
  });
});
