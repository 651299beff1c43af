import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, instantOf, localDay } from "../../src/core/understanding/calendar";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { eventually, shownTo } from "../helpers/survey-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { WebchatClient } from "../helpers/webchat-client";

const NAME = "Theo dõi triệu chứng sau khi đến nơi có ca nhiễm";
const TEXT =
  "Bạn đã đến một địa điểm có ca nhiễm. Bạn theo dõi sức khỏe: nếu sốt, ho hoặc khó thở, gọi ngay trạm y tế xã.";

describe("a district admin defines a follow-up N days after a visit to an alerted venue", () => {
  let server: TestServer;
  let admin: DashboardClient;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    admin = new DashboardClient(server.url);
    await admin.login((await officerLink(server.url, "admin")).link);
  });
  afterAll(async () => {
    await server.stop();
  });

  const define = (client: DashboardClient, fields: Record<string, string>) =>
    client.post("/admin/reminders/follow-ups?lang=vi", fields, "/admin/reminders");
  const defined = () => server.database.db.followUp.count({ where: { trigger: "exposure" } });

  it("refuses a bad form with each field named and keeps what was typed; a commune's officer may not define one", async () => {
    const bad = await define(admin, { name: NAME, text: "gọi xã", days: "0" });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain("Nội dung cần từ 10 đến 1000 ký tự.");
    expect(page).toContain("Số ngày là số nguyên từ 1 đến 30.");
    expect(page).toContain(`value="${NAME}"`);
    expect(page).toContain("gọi xã</textarea>");
    expect((await define(admin, { name: NAME, text: TEXT, days: "ba ngày" })).status).toBe(400);

    const officer = new DashboardClient(server.url);
    await officer.login((await officerLink(server.url, "officer", ["21040"])).link);
    expect(await (await officer.get("/admin/reminders?lang=vi")).text()).toContain(
      "Chỉ quản trị viên cấp huyện tạo được lời nhắc này",
    );
    expect((await define(officer, { name: NAME, text: TEXT, days: "3" })).status).toBe(403);
    expect((await define(admin, { name: NAME, text: TEXT, days: "3", csrf: "forged" })).status).toBe(403);
    expect(await defined()).toBe(0);
  });

  it("reaches a chat visitor of the alerted venue once, on the third day after the visit, in the admin's words", async () => {
    const created = await define(admin, { name: NAME, text: TEXT, days: " 3 " });
    expect(created.status).toBe(201);
    expect(await created.text()).toContain(`Đã tạo lời nhắc &quot;${NAME}&quot;`);
    expect(await server.database.db.auditLog.count({ where: { action: "followups.define" } })).toBe(1);

    // Someone checks in at a café by chat; the next day an officer sends an exposure alert for that venue.
    const venue = await registerVenue(server.url, ADMIN_TOKEN, { name: "Quán Cà Phê Hoa Sen" });
    const visitor = new WebchatClient(server.url);
    const from = new Date(Date.now() - 1000);
    await visitor.send(`/start c_${venue.code}`);
    await visitor.send({ payload: "checkin:no" });
    const alert = await fetch(`${server.url}/api/v1/venues/${venue.id}/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ from: from.toISOString(), to: new Date(Date.now() + 1000).toISOString() }),
    });
    expect(alert.status).toBe(201);
    await eventually(async () => (await shownTo(visitor)).length > 0);

    const now = new Date();
    await server.tick(now);
    const reminder = await server.database.db.followUpReminder.findFirstOrThrow({
      where: { detail: { not: null } },
    });
    const due = addDays(localDay(now), 3);
    expect(reminder.dueAt).toEqual(instantOf(due.year, due.month, due.day, 8));
    await server.tick(new Date(reminder.dueAt.getTime() - 60_000));
    expect(await shownTo(visitor)).toEqual([]);

    const onTheDay = new Date(reminder.dueAt.getTime() + 60_000);
    await server.tick(onTheDay);
    let seen: string[] = [];
    await eventually(async () => {
      seen = [...seen, ...(await shownTo(visitor))];
      return seen.length > 0;
    });
    expect(seen).toEqual([`🩺 ${NAME}\n${TEXT}`, "⏹ Dừng"]);
    // Once: a later tick, or the same alert seen again, schedules and sends nothing more.
    await server.tick(new Date(onTheDay.getTime() + 86_400_000));
    await new Promise((r) => setTimeout(r, 500));
    expect(await shownTo(visitor)).toEqual([]);
    expect(await server.database.db.followUpReminder.count()).toBe(1);
  });
});
