import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantOf, localDay } from "../../src/core/understanding/calendar";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { FakeBotApi } from "../helpers/fake-bot-api";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { eventually } from "../helpers/survey-fixtures";
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

const TG_CHAT = 8802;
const tgText = telegramUser(TG_CHAT, "Lan", 120_000).text;

describe("a citizen asks to be reminded of their next dose", () => {
  const telegram = new FakeBotApi();
  const zalo = new FakeZaloBotApi();
  const ZALO_CHAT = "9f8e7d6c5b4a39281706";
  let env: Record<string, string>;
  let server: TestServer;

  beforeAll(async () => {
    env = {
      ...telegramEnv(await telegram.start()),
      ...zaloBotEnv(await zalo.start()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
    };
    server = await startTestServer(env);
  });
  afterAll(async () => {
    await server.stop();
    await telegram.stop();
    await zalo.stop();
  });

  const tg = async (text: string, answers = 1) => {
    const before = telegram.textsTo(TG_CHAT).length;
    const res = await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(tgText(text)),
    });
    expect(res.status).toBe(200);
    await telegram.waitFor(() => telegram.textsTo(TG_CHAT).length >= before + answers);
    return telegram.textsTo(TG_CHAT).slice(before);
  };
  const zaloSay = (text: string, answers = 1) => zaloBotChat(server.url, zalo)(ZALO_CHAT, text, answers);

  it("is reminded a week before and on the day, once each, across a restart; 'đã tiêm' and 'dừng' stop it", async () => {
    // The day the person wants: 20 days from today, typed as dd/mm.
    const today = localDay(new Date());
    const dueDay = localDay(
      new Date(instantOf(today.year, today.month, today.day, 12).getTime() + 20 * 86_400_000),
    );
    const typedDue = `${dueDay.day}/${dueDay.month}`;
    const shown = `${String(dueDay.day).padStart(2, "0")}/${String(dueDay.month).padStart(2, "0")}/${dueDay.year}`;

    // Web chat: from the booster answer's button (typed as its label), the way people get there.
    const web = new WebchatClient(server.url);
    const answer = await web.send("tiem mui nhac lai o dau");
    expect(buttonsOf(answer)).toContain("💉 Nhắc tôi mũi tiếp theo");
    expect(textsOf(await web.send("💉 Nhắc tôi mũi tiếp theo"))[0]).toMatch(
      /^💉 Bạn tiêm mũi gần nhất vào ngày nào\?/,
    );
    expect(textsOf(await web.send("ngày mai"))[0]).toMatch(/^Chưa đọc được ngày|^Ngày này chưa tới/);
    expect(textsOf(await web.send("15/8/2019"))[0]).toBe(
      "Ngày này trước năm 2021. Bạn kiểm tra lại ngày tiêm mũi gần nhất.",
    );
    expect(textsOf(await web.send("tháng 8 2021"))[0]).toBe("Bạn cho biết cả ngày tiêm, ví dụ: 15/8/2021.");
    const vaccines = await web.send("15 thang 8 2021");
    expect(buttonsOf(vaccines)).toEqual(expect.arrayContaining(["AstraZeneca", "Pfizer", "Không biết"]));
    // No interval is confirmed with a source: the bot says so and asks for the day.
    const noInterval = textsOf(await web.send("ko biet"));
    expect(noInterval[0]).toMatch(/^Trợ lý chưa có khoảng cách giữa các mũi tiêm được xác nhận/);
    expect(noInterval[1]).toMatch(/^Bạn muốn được nhắc vào ngày nào\?/);
    expect(textsOf(await web.send("hôm qua"))[0]).toMatch(/đã qua|Chưa đọc được/);
    expect(textsOf(await web.send(typedDue))[0]).toMatch(
      /^Trợ lý sẽ nhắc bạn lúc 8:00 ngày \d\d\/\d\d\/\d{4} \(trước một tuần\) và ngày /,
    );
    // Something else typed at "Đồng ý không?" is told it matched nothing, and asked again.
    const unclear = textsOf(await web.send("để e hỏi lại mẹ e đã"));
    expect(unclear[0]).toMatch(/^Câu trả lời chưa khớp lựa chọn nào/);
    expect(unclear[1]).toMatch(/^Trợ lý sẽ nhắc bạn lúc 8:00/);
    // "không" there means not these days: the day is asked again, then the same day confirmed.
    expect(textsOf(await web.send("ko"))[0]).toMatch(/^Bạn muốn được nhắc vào ngày nào\?/);
    expect(textsOf(await web.send(typedDue))[0]).toMatch(/^Trợ lý sẽ nhắc bạn lúc 8:00/);
    expect(textsOf(await web.send("ok"))[0]).toBe(
      `Đã đặt lịch nhắc tiêm ngày ${shown}. Khi đã tiêm, bạn gõ "đã tiêm"; không muốn nhắc nữa, gõ "dừng" ngay sau tin nhắc.`,
    );

    // Telegram: the command, a vaccine typed by its number.
    await tg("/nhactiem");
    await tg("hôm qua");
    await tg("2", 2);
    await tg(typedDue);
    expect((await tg("có"))[0]).toMatch(/^Đã đặt lịch nhắc tiêm ngày/);

    // Zalo Bot: numbered options, typed.
    await zaloSay("/nhactiem");
    await zaloSay("3 tháng trước");
    // A word that names no vaccine ("ok"): the hint, then the question again with its numbered list, the
    // only place a channel without buttons shows which number is which.
    const again = await zaloSay("ok", 2);
    expect(again[0]).toMatch(/^Chưa rõ loại vắc xin/);
    expect(again[1]).toMatch(/^Mũi gần nhất bạn tiêm loại vắc xin nào\?[\s\S]*AstraZeneca[\s\S]*Không biết/);
    await zaloSay("1", 2);
    await zaloSay(typedDue);
    expect((await zaloSay("1"))[0]).toMatch(/^Đã đặt lịch nhắc tiêm ngày/);

    const rows = await server.database.db.followUpReminder.findMany();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.dueDate)).toEqual(Array(3).fill(shown.split("/").reverse().join("-")));
    expect(rows.find((r) => r.detail === "pfizer")).toBeTruthy();
    const counts = (await adminApi(server.url)("/api/v1/follow-ups/counts")).json as {
      items: { count: number }[];
    };
    expect(counts.items.reduce((n, c) => n + c.count, 0)).toBe(3);

    // A restart: the schedule is in the database, nothing is lost.
    const cookie = web.sessionCookie;
    await server.stop();
    server = await startTestServer(env, { databaseUrl: server.databaseUrl });
    const webAgain = new WebchatClient(server.url);
    webAgain.sessionCookie = cookie;
    await webAgain.read();

    const earlyAt = rows[0]?.earlyAt ?? new Date(0);
    const dueAt = rows[0]?.dueAt ?? new Date(0);
    const reminders = async () =>
      textsOf(await webAgain.read()).filter((t) => t.startsWith("💉 Nhắc lịch tiêm"));
    // Nothing before its time.
    await server.tick(new Date(earlyAt.getTime() - 60_000));
    await new Promise((r) => setTimeout(r, 300));
    expect(await reminders()).toEqual([]);
    // A week before, at 8:00: once on each channel, however often the scheduler runs.
    await server.tick(new Date(earlyAt.getTime() + 60_000));
    await server.tick(new Date(earlyAt.getTime() + 120_000));
    let webSeen: string[] = [];
    await eventually(async () => {
      webSeen = [...webSeen, ...(await reminders())];
      return webSeen.length > 0;
    });
    expect(webSeen).toEqual([expect.stringMatching(/^💉 Nhắc lịch tiêm: còn một tuần nữa, ngày /)]);
    await telegram.waitFor(() => telegram.textsTo(TG_CHAT).some((t) => t.includes("còn một tuần nữa")));
    await zalo.waitFor(() => zalo.textsTo(ZALO_CHAT).some((t) => t.includes("còn một tuần nữa")));

    // The web chat person got the dose meanwhile.
    expect(textsOf(await webAgain.send("đã tiêm"))[0]).toBe(
      "Cảm ơn bạn! Trợ lý sẽ không nhắc lịch tiêm này nữa.",
    );

    // On the day: Telegram and Zalo get it once; the web chat person does not.
    await server.tick(new Date(dueAt.getTime() + 60_000));
    await server.tick(new Date(dueAt.getTime() + 120_000));
    await telegram.waitFor(() => telegram.textsTo(TG_CHAT).some((t) => t.includes("hôm nay, ngày")));
    await zalo.waitFor(() => zalo.textsTo(ZALO_CHAT).some((t) => t.includes("hôm nay, ngày")));
    await new Promise((r) => setTimeout(r, 300));
    expect(await reminders()).toEqual([]);
    for (const texts of [telegram.textsTo(TG_CHAT), zalo.textsTo(ZALO_CHAT)]) {
      expect(texts.filter((t) => t.startsWith("💉 Nhắc lịch tiêm"))).toHaveLength(2);
    }
    // Right after the reminder, "dừng" stops the reminders (not the news subscription).
    expect((await zaloSay("dừng"))[0]).toBe(
      "Đã dừng nhắc lịch tiêm. Bạn có thể đặt lại bằng lệnh /nhactiem.",
    );
    expect(await server.database.db.followUpReminder.count({ where: { status: "active" } })).toBe(0);
  }, 120_000);
});
