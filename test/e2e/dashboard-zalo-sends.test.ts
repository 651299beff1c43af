import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe("the dashboard shows what Zalo OA sends cost", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN, PUBLIC_URL: "https://dash.example.test" });
  });
  afterAll(() => server.stop());

  it("counts sends of the last days by purpose and by what paid for them, billed ones first", async () => {
    const sent = (purpose: string | null, quotaType: string | null, daysAgo = 0) =>
      server.database.db.outboxMessage.create({
        data: {
          channel: "zalo-oa",
          externalId: "2468458835296117922",
          body: "{}",
          purpose,
          quotaType,
          status: "sent",
          sentAt: new Date(Date.now() - daysAgo * 86_400_000),
        },
      });
    await sent("broadcast", "none");
    await sent("broadcast", "none");
    await sent(null, "reply");
    await sent("alert", "template");
    await sent("broadcast", "none", 9); // older than the messages are kept: not counted
    const { link } = await officerLink(server.url, "admin");
    const dashboard = new DashboardClient(server.url);
    await dashboard.login(link);
    const page = await (await dashboard.get("/admin")).text();
    expect(page).toContain("Tin Zalo OA đã gửi (7 ngày qua)");
    expect(page).toContain("Tính phí: 2 tin.");
    expect(page).toContain("<tr><td>Thông báo</td><td>Tính phí</td><td>2</td></tr>");
    expect(page).toContain("<tr><td>Trả lời</td><td>Miễn phí (reply)</td><td>1</td></tr>");
    expect(page).toContain("<tr><td>Cảnh báo</td><td>Tin mẫu ZBS</td><td>1</td></tr>");
  });
});
