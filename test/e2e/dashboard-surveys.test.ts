import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, seedSubscribers } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** A survey form as an officer of Xã Bình Sơn fills it: one yes/no question to its subscribers, closing tomorrow. */
const good: Record<string, string> = {
  title: "Tiêm nhắc lại trong gia đình",
  q0_text: "Gia đình bạn đã tiêm đủ mũi nhắc lại chưa?",
  q0_kind: "yesno",
  commune_21040: "1",
  closes: "mai 17h",
  step: "preview",
};

describe("the dashboard's survey form refuses what it cannot send, and says why", () => {
  let server: TestServer;
  let officer: DashboardClient;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    await seedSubscribers(server.database.db, 3, { channel: "webchat", communeCode: "21040" });
    const { link } = await officerLink(server.url, "officer", ["21040"]);
    officer = new DashboardClient(server.url);
    await officer.login(link);
  });
  afterAll(async () => {
    await server.stop();
  });

  const post = async (fields: Record<string, string>) => {
    const res = await officer.post("/admin/surveys?lang=vi", fields, "/admin/surveys/new");
    return { status: res.status, page: await res.text() };
  };
  const nothingCreated = async () => expect(await server.database.db.survey.count()).toBe(0);

  it("a sixth question is named as one too many, and all six stay in the form", async () => {
    const six = Object.fromEntries(
      [0, 1, 2, 3, 4, 5].flatMap((i) => [
        [`q${i}_text`, `Câu hỏi số ${i + 1} về tiêm chủng?`],
        [`q${i}_kind`, "yesno"],
      ]),
    );
    const { status, page } = await post({ ...good, ...six });
    expect(status).toBe(400);
    expect(page).toContain("Câu hỏi</a>: Tối đa 5 câu hỏi; bạn đã nhập 6 câu.");
    expect(page).toContain("Câu hỏi số 6 về tiêm chủng?</textarea>");
    await nothingCreated();
  });

  it("a choice with one option, and a closing time already past, are each named", async () => {
    const { status, page } = await post({
      ...good,
      q0_kind: "choice",
      q0_options: "Đã tiêm đủ",
      closes: "01/01/2025 8h",
    });
    expect(status).toBe(400);
    expect(page).toContain(
      "Câu 1</a>: Câu chọn một cần từ 2 đến 6 phương án, mỗi dòng một phương án; bạn đã nhập 1.",
    );
    expect(page).toContain("Đóng lúc</a>: Thời gian đóng đã qua.");
    expect(page).toContain('value="Tiêm nhắc lại trong gia đình"');
    expect(page).toContain("Đã tiêm đủ</textarea>");
    await nothingCreated();
  });

  it("another commune cannot be reached, even in a forged form", async () => {
    for (const step of ["preview", "confirm"]) {
      const { status, page } = await post({ ...good, commune_21061: "1", step });
      expect(status).toBe(400);
      expect(page).toContain("Có xã không thuộc phạm vi bạn phụ trách: 21061.");
    }
    await nothingCreated();
  });

  it("nobody to ask is refused with the reason, at the preview and at the confirmation", async () => {
    const owners = { ...good, "role_venue-owner": "1" };
    const preview = await post(owners);
    expect(preview.status).toBe(200);
    expect(preview.page).toContain("0 người sẽ nhận khảo sát");
    expect(preview.page).toContain("chưa có chủ cơ sở nào đang hoạt động ở các xã đã chọn");
    expect(preview.page).not.toContain('value="confirm"');
    const confirm = await post({ ...owners, step: "confirm" });
    expect(confirm.status).toBe(400);
    expect(confirm.page).toContain("Người nhận</a>: Không có ai để gửi: chưa có chủ cơ sở nào");
    await nothingCreated();
  });

  it("a post without the form's token is forbidden, and without a login unauthorised", async () => {
    expect(
      (await officer.post("/admin/surveys?lang=vi", { ...good, csrf: "forged", step: "confirm" })).status,
    ).toBe(403);
    const stranger = await fetch(`${server.url}/admin/surveys?lang=vi`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...good, step: "confirm" }).toString(),
    });
    expect(stranger.status).toBe(401);
    await nothingCreated();
  });

  it("the same form sent right reaches the commune's three subscribers", async () => {
    const preview = await post(good);
    expect(preview.page).toContain("3 người sẽ nhận khảo sát");
    const res = await officer.post(
      "/admin/surveys?lang=vi",
      { ...good, step: "confirm" },
      "/admin/surveys/new",
    );
    expect(res.status).toBe(303);
    const survey = await server.database.db.survey.findFirstOrThrow();
    expect(res.headers.get("location")).toBe(`/admin/surveys/${survey.id}?lang=vi`);
    await server.tick(new Date());
    expect(await server.database.db.surveyRecipient.count({ where: { surveyId: survey.id } })).toBe(3);
  });
});
