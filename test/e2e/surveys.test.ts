import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { eventually, ownVenue as ownVenueOf } from "../helpers/survey-fixtures";
import { telegramUser } from "../helpers/telegram-updates";
import {
  startTestServer,
  TEST_WEBHOOK_SECRET,
  type TestServer,
  telegramEnv,
  zaloBotEnv,
} from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";
import { zaloBotChat } from "../helpers/zalo-updates";

const TG_CHAT = 7301;
const tg7301 = telegramUser(TG_CHAT, "Phúc", 90_000);
const tgText = tg7301.text;
const tgTap = tg7301.tap;

describe("an officer surveys the venue owners of one commune", () => {
  const telegram = new FakeBotApi();
  const zalo = new FakeZaloBotApi();
  let server: TestServer;
  const ZALO_CHAT = "5a1b2c3d4e5f60718293";

  beforeAll(async () => {
    server = await startTestServer({
      ...telegramEnv(await telegram.start()),
      ...zaloBotEnv(await zalo.start()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
    });
  });
  afterAll(async () => {
    await server.stop();
    await telegram.stop();
    await zalo.stop();
  });

  const tg = async (update: unknown, answers = 1) => {
    const before = telegram.sent().length;
    const res = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    await telegram.waitFor(() => telegram.sent().length >= before + answers);
    return telegram
      .sent()
      .slice(before)
      .map((c) => String(c.body.text));
  };
  const zaloSay = (text: string, answers = 1) => zaloBotChat(server.url, zalo)(ZALO_CHAT, text, answers);

  const ownVenue = (contactId: string, name: string, communeCode: string) =>
    ownVenueOf(server, contactId, name, communeCode);
  const contactOf = (channel: string, externalId: string) =>
    server.database.db.contact.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });

  it("owners on the web chat, Telegram and Zalo Bot answer by tapping and typing; results, CSV and closing", async () => {
    // Four owners in Xã Bình Sơn (21040) on three channels, one in Vạn Tường (21043) who is not asked.
    const web = new WebchatClient(server.url);
    await web.send("xin chào");
    const quiet = new WebchatClient(server.url);
    await quiet.send("chào");
    const elsewhere = new WebchatClient(server.url);
    await elsewhere.send("hello");
    await tg(tgText("chào bạn"));
    await zaloSay("xin chao");
    const webContact = await server.database.db.contact.findFirstOrThrow({
      where: { channel: "webchat" },
      orderBy: { createdAt: "asc" },
    });
    const [quietContact, elsewhereContact] = await server.database.db.contact.findMany({
      where: { channel: "webchat", id: { not: webContact.id } },
      orderBy: { createdAt: "asc" },
    });
    const tgContact = await contactOf("telegram", String(TG_CHAT));
    const zaloContact = await contactOf("zalo-bot", ZALO_CHAT);
    const webVenue = await ownVenue(webContact.id, "Tạp hóa Minh Châu", "21040");
    await ownVenue(tgContact.id, "Quán cơm Phúc", "21040");
    await ownVenue(zaloContact.id, "Nhà thuốc An Khang", "21040");
    await ownVenue(quietContact?.id ?? "", "Tiệm may Hạnh", "21040");
    await ownVenue(elsewhereContact?.id ?? "", "Chợ Vạn Tường", "21043");

    // The officer of Xã Bình Sơn writes the survey in chat.
    const { chat: officer, link } = await officerLink(server.url, "officer", ["21040"]);
    const start = await officer.send("/khaosat");
    expect(textsOf(start)[0]).toBe("Chưa có khảo sát nào cho các xã của bạn.");
    expect(textsOf(await officer.send("Tạo khảo sát mới"))[0]).toMatch(/^Nhập tên khảo sát/);
    expect(textsOf(await officer.send("Niêm yết mã QR tháng 12"))[0]).toBe("Nhập nội dung câu hỏi số 1.");
    const kinds = await officer.send("Cơ sở của bạn đã niêm yết mã QR chưa?");
    expect(buttonsOf(kinds)).toContain("Có / Không");
    expect(textsOf(await officer.send("co / khong"))[0]).toMatch(/^Đã có 1 câu hỏi/);
    await officer.send("có");
    await officer.send("Bạn cần hỗ trợ gì thêm?");
    await officer.send("1");
    expect(textsOf(await officer.send("In lại mã QR"))[0]).toMatch(/^Cần từ 2 đến 6 phương án/);
    await officer.send("In lại mã QR; Hướng dẫn dùng PC-Covid; Không cần");
    expect(textsOf(await officer.send("ko"))[0]).toBe("Gửi khảo sát cho ai?");
    const communes = await officer.send("chủ cơ sở");
    // Only the officer's commune is offered.
    expect(buttonsOf(communes)).toEqual([
      "Tất cả các xã tôi phụ trách",
      "Xã Bình Sơn",
      "◀ Quay lại",
      "✖ Hủy",
    ]);
    await officer.send("Xã Bình Sơn");
    expect(textsOf(await officer.send("hôm qua"))[0]).toMatch(
      /^Chưa đọc được thời gian|^Thời gian này đã qua/,
    );
    // Two days ahead, not "mai": the reminder is due a day after sending, which a close at tomorrow 17:00
    // would come before whenever the test runs after 16:00 Vietnam time.
    const confirm = await officer.send("ngày kia 17h");
    expect(textsOf(confirm)[0]).toMatch(
      /^Gửi khảo sát "Niêm yết mã QR tháng 12" \(2 câu hỏi\) cho chủ cơ sở, địa điểm – Xã Bình Sơn, đóng lúc 17:00/,
    );
    expect(textsOf(await officer.send("1"))[0]).toMatch(/^Đã tạo khảo sát #\w{6}/);
    const survey = await server.database.db.survey.findFirstOrThrow();
    expect(JSON.parse(survey.audience)).toMatchObject({ roles: ["venue-owner"] });

    // The scheduler was woken: four owners of Bình Sơn get the first question, the Vạn Tường owner does not.
    await eventually(async () => (await server.database.db.surveyRecipient.count()) === 4);
    const q1 = "Cơ sở của bạn đã niêm yết mã QR chưa?";
    let webSeen: string[] = [];
    await eventually(async () => {
      const read = await web.read();
      webSeen = [
        ...webSeen,
        ...read.flatMap((m) =>
          m.kind === "text" ? [m.text, ...(m.buttons ?? []).flat().map((b) => b.label)] : [],
        ),
      ];
      return webSeen.some((t) => t.includes(q1));
    });
    expect(webSeen).toEqual(expect.arrayContaining(["Có / Rồi", "Không / Chưa", "⏭ Bỏ qua", "⏹ Dừng"]));
    await telegram.waitFor(() => telegram.textsTo(TG_CHAT).some((t) => t.includes(q1)));
    await zalo.waitFor(() => zalo.textsTo(ZALO_CHAT).some((t) => t.includes(q1)));
    // Zalo Bot has no buttons: the options are numbered lines.
    expect(zalo.textsTo(ZALO_CHAT).at(-1)).toMatch(
      /\n1\. Có \/ Rồi\n2\. Không \/ Chưa\n3\. ⏭ Bỏ qua\n4\. ⏹ Dừng/,
    );
    expect(await elsewhere.read()).toEqual([]);

    // Web chat: taps "yes", then types "2" for the second question.
    const id = survey.id;
    const next = await web.send({ payload: `survey:a:${id}:0:yes` });
    expect(textsOf(next)[0]).toBe("✅ Đã ghi nhận.");
    expect(buttonsOf(next)).toEqual([
      "In lại mã QR",
      "Hướng dẫn dùng PC-Covid",
      "Không cần",
      "⏭ Bỏ qua",
      "⏹ Dừng",
    ]);
    expect(textsOf(await web.send("mã qr gì cơ"))[0]).toBe(
      "Câu trả lời chưa khớp lựa chọn nào. Bạn bấm nút hoặc gõ số từ 1 đến 3.",
    );
    expect(textsOf(await web.send("2"))).toEqual([
      "✅ Đã ghi nhận.",
      expect.stringMatching(/^Cảm ơn bạn đã trả lời khảo sát "Niêm yết mã QR tháng 12"/),
    ]);

    // Telegram: types "chua" (no), then taps the first option.
    const [recorded] = await tg(tgText("chua"), 2);
    expect(recorded).toBe("✅ Đã ghi nhận.");
    await tg(tgTap(`survey:a:${id}:1:0`), 2);

    // Zalo Bot: types "roi" (yes); "7" is none of the numbered lines (1–3 options, 4 skip, 5 stop); then "3".
    await zaloSay("roi", 2);
    const [reask] = await zaloSay("7", 2);
    expect(reask).toBe("Câu trả lời chưa khớp lựa chọn nào. Bạn bấm nút hoặc gõ số từ 1 đến 3.");
    const done = await zaloSay("3", 2);
    expect(done[1]).toMatch(/^Cảm ơn bạn/);

    // The web chat owner changes their mind on question 1 before closing: one answer per question stays.
    await web.send({ payload: `survey:a:${id}:0:no` });
    expect(await server.database.db.surveyAnswer.count({ where: { contactId: webContact.id } })).toBe(2);

    // Results per commune: Bình Sơn 4 asked, 3 answered; yes 1 (Zalo), no 2 (web changed, Telegram).
    const results = (await adminApi(server.url)(`/api/v1/surveys/${id}/results`)).json as {
      recipients: number;
      responded: number;
      rate: number;
      questions: { byCommune: Record<string, { answered: number; counts: Record<string, number> }> }[];
    };
    expect(results).toMatchObject({ recipients: 4, responded: 3, rate: 75 });
    expect(results.questions[0]?.byCommune["21040"]).toEqual({ answered: 3, counts: { yes: 1, no: 2 } });
    expect(results.questions[1]?.byCommune["21040"]).toEqual({
      answered: 3,
      counts: { "0": 1, "1": 1, "2": 1 },
    });

    // The answers are tied to the owner's venue.
    const venueAnswers = (await adminApi(server.url)(`/api/v1/venues/${webVenue.id}/survey-answers`))
      .json as {
      items: { answers: { answer: string }[] }[];
    };
    expect(venueAnswers.items[0]?.answers.map((a) => a.answer)).toEqual(["no", "Hướng dẫn dùng PC-Covid"]);

    // The dashboard shows the same numbers, and its CSV holds them row by row.
    const dash = new DashboardClient(server.url);
    await dash.login(link);
    const page = await (await dash.get(`/admin/surveys/${id}`)).text();
    expect(page).toContain("Tỷ lệ trả lời: 3/4 (75%)");
    expect(page).toContain("<td>Xã Bình Sơn</td><td>1 (33.3%)</td><td>2 (66.7%)</td><td>3</td>");
    expect(page).toContain('data-chart="q0"');
    const csv = await (await dash.get(`/admin/surveys/${id}/results.csv`)).text();
    expect(csv.split("\r\n")).toEqual(
      expect.arrayContaining([
        '"1","Cơ sở của bạn đã niêm yết mã QR chưa?","Xã Bình Sơn","Có / Rồi","1","33.3"',
        '"1","Cơ sở của bạn đã niêm yết mã QR chưa?","Xã Bình Sơn","Không / Chưa","2","66.7"',
        '"2","Bạn cần hỗ trợ gì thêm?","Xã Bình Sơn","Hướng dẫn dùng PC-Covid","1","33.3"',
      ]),
    );
    expect(
      await server.database.db.auditLog.count({
        where: { action: { in: ["survey.results", "survey.csv"] } },
      }),
    ).toBe(4);
    // In chat, /khaosat summarises it for the officer.
    expect(textsOf(await officer.send("/khaosat"))[0]).toContain("đã trả lời: 3/4 (75%)");

    // The owner who did not answer is reminded once, a day later; never twice.
    expect(survey.closesAt.getTime() - survey.createdAt.getTime()).toBeGreaterThan(26 * 3_600_000);
    const dayLater = new Date(survey.createdAt.getTime() + 25 * 3_600_000);
    await server.tick(dayLater);
    await server.tick(new Date(dayLater.getTime() + 3_600_000));
    let quietSeen: string[] = [];
    await eventually(async () => {
      quietSeen = [...quietSeen, ...textsOf(await quiet.read())];
      return quietSeen.some((t) => t.startsWith("🔔 Nhắc lại khảo sát"));
    });
    await new Promise((r) => setTimeout(r, 300));
    quietSeen = [...quietSeen, ...textsOf(await quiet.read())];
    expect(quietSeen.filter((t) => t.startsWith("🔔"))).toHaveLength(1);
    expect(telegram.textsTo(TG_CHAT).filter((t) => t.startsWith("🔔"))).toHaveLength(0);

    // Closing stops answers: the quiet owner answers too late.
    await server.tick(new Date(survey.closesAt.getTime() + 60_000));
    expect((await server.database.db.survey.findUniqueOrThrow({ where: { id } })).status).toBe("closed");
    expect(textsOf(await quiet.send("rồi"))[0]).toBe(
      "Khảo sát này đã đóng, không nhận thêm câu trả lời. Cảm ơn bạn.",
    );
    expect(
      await server.database.db.surveyAnswer.count({ where: { contactId: quietContact?.id ?? "" } }),
    ).toBe(0);
    expect(webVenue.id).toBeTruthy();
  }, 120_000);
});
