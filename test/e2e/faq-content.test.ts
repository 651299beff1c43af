import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { SEED, seedTopic, topicFields } from "../helpers/faq-content-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

const OTP_QUESTION = "ko nhan dc ma otp pc covid";
const NEW_OTP_ANSWER =
  "Chưa nhận được mã OTP: kiểm tra số điện thoại, chờ 2 phút rồi bấm gửi lại mã. Mã chỉ dùng được trong vài phút.";

async function loggedIn(server: TestServer, role: "admin" | "officer" | "editor") {
  const { link } = await officerLink(server.url, role);
  const browser = new DashboardClient(server.url);
  await browser.login(link);
  return browser;
}

describe("officers own the FAQ content", () => {
  let server: TestServer;
  let editor: DashboardClient;
  let officer: DashboardClient;
  const otp = seedTopic("pccovid.otp");
  const page = "/admin/content/pccovid.otp";

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN, PUBLIC_URL: "https://dash.example.test" });
    editor = await loggedIn(server, "editor");
    officer = await loggedIn(server, "officer");
  });
  afterAll(() => server.stop());

  it("a fresh install starts from the shipped files and answers with their words", async () => {
    const db = server.database.db;
    expect(await db.faqContentTopic.count()).toBe(SEED.length);
    expect(await db.faqContentTopic.count({ where: { publishedRevisionId: null } })).toBe(0);
    const [answer] = textsOf(await new WebchatClient(server.url).send(OTP_QUESTION));
    expect(answer?.startsWith(otp.answer.vi)).toBe(true);
    const list = await (await editor.get("/admin/content")).text();
    expect(list).toContain("Không nhận được mã OTP");
  });

  it("an editor edits an answer, sees it beside the published one, publishes, and the next question gets it", async () => {
    const saved = await editor.post(page, { ...topicFields(otp), answer_vi: NEW_OTP_ANSWER }, page);
    expect(saved.status).toBe(303);
    const draftPage = await (await editor.get(page)).text();
    expect(draftPage).toContain("Bản nháp");
    expect(draftPage).toContain(NEW_OTP_ANSWER);
    // The published column still shows what residents get, until the draft is published.
    expect(draftPage).toContain(otp.answer.vi.split("\n")[0] ?? "");
    const before = textsOf(await new WebchatClient(server.url).send(OTP_QUESTION))[0];
    expect(before).not.toContain(NEW_OTP_ANSWER);

    const published = await editor.post(`${page}/publish`, {}, page);
    expect(published.status).toBe(303);
    const after = textsOf(await new WebchatClient(server.url).send(OTP_QUESTION))[0];
    expect(after?.startsWith(NEW_OTP_ANSWER)).toBe(true);
    const audit = await server.database.db.auditLog.findMany({ where: { subject: "pccovid.otp" } });
    expect(
      audit
        .map((a) => a.action)
        .filter((a) => a.startsWith("faq."))
        .sort(),
    ).toEqual(["faq.edit", "faq.publish"]);
  });

  it("restoring the shipped revision brings the old words back, as a new revision", async () => {
    const seedRevision = await server.database.db.faqContentRevision.findFirst({
      where: { topicId: "pccovid.otp", origin: "seed" },
    });
    const restored = await editor.post(`${page}/restore`, { revision: String(seedRevision?.id) }, page);
    expect(restored.status).toBe(303);
    const answer = textsOf(await new WebchatClient(server.url).send(OTP_QUESTION))[0];
    expect(answer?.startsWith(otp.answer.vi)).toBe(true);
    const revisions = await server.database.db.faqContentRevision.findMany({
      where: { topicId: "pccovid.otp" },
      orderBy: { id: "asc" },
    });
    expect(revisions.map((r) => r.origin)).toEqual(["seed", "edit", "restore"]);
    // The history says who, in words: the editor's name as their chat shows it and their role, never an id.
    const editorRow = await server.database.db.officer.findFirstOrThrow({ where: { role: "editor" } });
    await server.database.db.contact.update({
      where: { id: editorRow.contactId },
      data: { displayName: "Trần Văn Minh" },
    });
    const history = await (await editor.get(page)).text();
    expect(history).toContain("Khôi phục");
    expect(history).toContain("<td>Trần Văn Minh (Cán bộ biên tập)</td>");
    expect(history).toContain("<td>Bản gốc đi kèm phần mềm</td>");
    expect(history).toContain("đăng bởi Trần Văn Minh (Cán bộ biên tập)");
    expect(history).not.toContain("dashboard:");
    expect(await server.database.db.auditLog.count({ where: { action: "faq.restore" } })).toBe(1);
  });

  it("an answer with an unsourced hotline, a broken link and no review date is refused, and what was typed stays", async () => {
    const count = await server.database.db.faqContentRevision.count();
    const typed = "Gọi 0905 123 456 hoặc xem www.pccovid hướng dẫn <b>mới</b>";
    const res = await editor.post(
      page,
      { ...topicFields(otp), answer_vi: typed, answer_en: "", sourceNote: "", reviewBy: "" },
      page,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Gọi 0905 123 456 hoặc xem www.pccovid hướng dẫn &lt;b&gt;mới&lt;/b&gt;");
    expect(html).toContain('id="err-answer.vi"');
    expect(html).toContain('id="err-answer.en"');
    expect(html).toContain('id="err-reviewBy"');
    expect(html).toContain('id="err-sourceNote"');
    expect(html).toContain("cần ghi nguồn của số này");
    expect(await server.database.db.faqContentRevision.count()).toBe(count);
  });

  it("an officer without the editor role drafts but cannot publish or restore", async () => {
    const saved = await officer.post(page, { ...topicFields(otp), answer_vi: NEW_OTP_ANSWER }, page);
    expect(saved.status).toBe(303);
    const html = await (await officer.get(page)).text();
    expect(html).toContain("cán bộ biên tập sẽ xuất bản");
    expect((await officer.post(`${page}/publish`, {}, page)).status).toBe(403);
    const any = await server.database.db.faqContentRevision.findFirst({ where: { topicId: "pccovid.otp" } });
    expect((await officer.post(`${page}/restore`, { revision: String(any?.id) }, page)).status).toBe(403);
    const answer = textsOf(await new WebchatClient(server.url).send(OTP_QUESTION))[0];
    expect(answer?.startsWith(otp.answer.vi)).toBe(true);
  });

  it("a question nobody could answer becomes a topic whose examples are the questions asked", async () => {
    const question = "Thôn Tân Hy có lịch phát khẩu trang miễn phí không?";
    const citizen = new WebchatClient(server.url);
    await citizen.send(question);
    await new WebchatClient(server.url).send("thon tan hy co lich phat khau trang mien phi khong");
    const questions = await (await editor.get("/admin/questions")).text();
    const link = /href="(\/admin\/content\/new\?cluster=[^"]+)"/.exec(questions)?.[1]?.replace(/&amp;/g, "&");
    expect(link).toBeDefined();
    const form = await (await editor.get(link ?? "")).text();
    expect(form).toContain(question);
    const created = await editor.post(
      "/admin/content",
      {
        ...topicFields({
          ...seedTopic("contact.local"),
          id: "contact.khau-trang",
          title: { vi: "Phát khẩu trang miễn phí", en: "Free face masks" },
          answer: {
            vi: "Lịch phát khẩu trang miễn phí do trạm y tế xã thông báo tại nhà văn hóa thôn.",
            en: "The commune health station announces free mask hand-outs at the village hall.",
          },
          examples: { vi: [question, "phát khẩu trang miễn phí ở đâu"], en: ["free masks"] },
          keywords: { vi: ["khẩu trang"], en: ["mask"] },
          related: [],
          sourceNote: "",
        }),
      },
      "/admin/content/new",
    );
    expect(created.status).toBe(303);
    expect(
      (await editor.post("/admin/content/contact.khau-trang/publish", {}, "/admin/content")).status,
    ).toBe(303);
    const answer = textsOf(await citizen.send(question))[0];
    expect(answer).toMatch(/^Lịch phát khẩu trang miễn phí/);
  });

  it("the sheet goes out as CSV and comes back as drafts; nobody but an editor publishes it", async () => {
    const res = await editor.get("/admin/content.csv");
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The byte-order mark is what makes Excel read the Vietnamese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const edited = csv.replace('"Không nhận được mã OTP"', '"Chưa nhận được mã OTP"');
    expect(edited).not.toBe(csv);
    expect(
      (await officer.post("/admin/content/import", { csv: edited, publish: "1" }, "/admin/content")).status,
    ).toBe(403);
    const imported = await editor.post(
      "/admin/content/import",
      { csv: edited, publish: "1" },
      "/admin/content",
    );
    const html = await imported.text();
    expect(imported.status, html).toBe(200);
    const chat = await new WebchatClient(server.url).send({ payload: "faq:group:pccovid" });
    expect(JSON.stringify(chat)).toContain("Chưa nhận được mã OTP");
    const garbage = await editor.post("/admin/content/import", { csv: '"unterminated' }, "/admin/content");
    expect(garbage.status).toBe(400);
    // Each published topic rebuilds the matcher (docs/adr/014): slow on a loaded two-core test machine.
  }, 90_000);
});
