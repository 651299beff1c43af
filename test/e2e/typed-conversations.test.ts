import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { startTestServer, type TestServer, zaloBotEnv } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";
import { zaloBotChat } from "../helpers/zalo-updates";

/**
 * People who type instead of tapping: every answer written the way strangers write it (no diacritics,
 * "quay lai", "ko", "thôi không làm nữa", categories in their own words), on the web chat and on Zalo Bot,
 * which has no buttons at all. What the database holds is the check: no navigation word is ever stored.
 */
describe("a person who types every answer", () => {
  const bot = new FakeZaloBotApi();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(zaloBotEnv(await bot.start()));
  });
  afterAll(async () => {
    await server.stop();
    await bot.stop();
  });
  const venues = () => server.database.db.venue.findMany({ orderBy: { createdAt: "asc" } });
  const all = (r: Awaited<ReturnType<WebchatClient["send"]>>) => textsOf(r).join("\n");

  it("registers a venue on the web chat, going back twice, with the category and commune typed in words", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("dang ky ma qr cho quan");
    expect(all(await chat.send("co"))).toMatch(/Bước 1\/6/);
    await chat.send("Quán Cơm Bà Tư");
    // A stray question that happens to hold "tiệm" (a shop's alias) is not a category: the step asks again.
    const stray = all(await chat.send("tiem mui 3 o dau"));
    expect(stray).toMatch(/Bước 2\/6/);
    expect(stray).not.toMatch(/Bước 3\/6/);
    // A category as people name it, not the label of a button.
    expect(all(await chat.send("quan an"))).toMatch(/Bước 3\/6/);
    // Back twice: to the category, then to the name, which is shown again; nothing typed is stored as data.
    expect(all(await chat.send("quay lai"))).toMatch(/Bước 2\/6/);
    const name = all(await chat.send("quay lại"));
    expect(name).toMatch(/Bước 1\/6/);
    expect(name).toContain("Câu trả lời trước của bạn: Quán Cơm Bà Tư.");
    expect(all(await chat.send("Quán Cơm Bà Tư 2"))).toMatch(/Bước 3\/6/);
    expect(all(await chat.send("binh hai"))).toMatch(/Bước 4\/6/);
    expect(all(await chat.send("back"))).toMatch(/Bước 3\/6/);
    await chat.send("xa binh hai");
    await chat.send("Thôn Thanh Thủy");
    await chat.send("Trần Văn Tư");
    const summary = await chat.send("0905 222 444");
    expect(all(summary)).toContain("0905 222 444");
    await chat.send("ok");
    const [venue] = await venues();
    expect(venue).toMatchObject({
      name: "Quán Cơm Bà Tư 2",
      category: "food-service",
      address: "Thôn Thanh Thủy",
      contactName: "Trần Văn Tư",
      contactPhone: "+84905222444",
    });
  });

  it("cancels by word after several answers, confirms with 'ừ', and nothing is saved", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/venue");
    await chat.send("Tiệm Tạp Hóa Hồng");
    await chat.send("tap hoa");
    await chat.send("binh hai");
    const asked = await chat.send("thôi không làm nữa");
    expect(all(asked)).toMatch(/có chắc muốn hủy/i);
    expect(all(await chat.send("ừ"))).toMatch(/hủy/i);
    expect((await venues()).some((v) => v.name.includes("Hồng"))).toBe(false);
    // Out of the flow, the words reach the FAQ again.
    expect(all(await chat.send("alo"))).not.toMatch(/chưa hiểu/);
  });

  it("answers the health questions with 'ko', 'k ạ' and 'không' at check-in", async () => {
    const [venue] = await venues();
    if (!venue) throw new Error("the first story registers a venue");
    const chat = new WebchatClient(server.url);
    await chat.send(`/start c_${venue.code}`);
    await chat.send("ko");
    await chat.send("k ạ");
    await chat.send("dạ không");
    await chat.send("bo qua");
    const visit = await server.database.db.visit.findFirstOrThrow({ where: { venueId: venue.id } });
    expect(visit).toMatchObject({ symptoms: false, closeContact: false, travel: false, flagged: false });
  });

  it("picks a reminder commune by a 2021 name typed without diacritics, and rates an answer with 'ko'", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/subscribe");
    const set = all(await chat.send("binh hai"));
    expect(set).toMatch(/"binh hai" là xã Bình Hải cũ, thuộc xã Vạn Tường từ 1\/7\/2025\./);
    // Reminders are not a venue: nothing is said about where a venue is recorded.
    expect(set).not.toMatch(/Địa điểm được ghi/);
    const contact = await server.database.db.contact.findFirstOrThrow({
      where: { channel: "webchat" },
      orderBy: { createdAt: "desc" },
    });
    const sub = await server.database.db.subscription.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(sub.communeCode).toBe("21061");
    await chat.send("ko nhan dc ma otp pc covid");
    expect(all(await chat.send("ko"))).toMatch(/Cảm ơn/);
    expect(await server.database.db.faqFeedback.count({ where: { helpful: false } })).toBe(1);
    // None of what was typed here is a question the FAQ could not answer.
    expect(
      await server.database.db.faqUnanswered.count({ where: { folded: { contains: "binh hai" } } }),
    ).toBe(0);
  });

  it("on Zalo Bot, with numbered lines only: goes back by word and finishes by typing numbers and words", async () => {
    const chatId = "a11b22c33d44e55f66a7";
    const say = async (text: string, answers = 1) =>
      (await zaloBotChat(server.url, bot)(chatId, text, answers)).join("\n");
    await say("/venue", 2);
    expect(await say("Nhà thuốc An Khang")).toMatch(/Bước 2\/6/);
    expect(await say("tro lai", 2)).toMatch(/Nhà thuốc An Khang[\s\S]*Bước 1\/6/);
    await say("Nhà thuốc An Khang");
    expect(await say("nha thuoc")).toMatch(/Bước 3\/6/);
    await say("chau o");
    await say("12 Quang Trung");
    await say("Lê Thị Hoa");
    await say("0935 111 222");
    await say("dong y", 3);
    expect((await venues()).find((v) => v.name === "Nhà thuốc An Khang")).toMatchObject({
      category: "health",
      address: "12 Quang Trung",
    });
  });

  it("on Zalo Bot, a near-domain question is told where to ask instead, in plain lines", async () => {
    const reply = (
      await zaloBotChat(server.url, bot)("b22c33d44e55f66a7b88", "tiem phong dai o dau", 2)
    ).join("\n");
    expect(reply).toMatch(/Câu hỏi này nằm ngoài phạm vi của trợ lý/);
    expect(reply).toMatch(/trạm y tế xã/);
  });
});
