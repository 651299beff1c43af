import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeZaloBotApi } from "../helpers/fake-zalo-bot-api";
import { startTestServer, type TestServer, zaloBotEnv } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";
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
    // Many people on one address (the tests' localhost): the per-address web chat limit is raised.
    server = await startTestServer({ ...zaloBotEnv(await bot.start()), WEBCHAT_POSTS_PER_MINUTE: "600" });
  });
  afterAll(async () => {
    await server.stop();
    await bot.stop();
  });
  const venues = () => server.database.db.venue.findMany({ orderBy: { createdAt: "asc" } });
  const all = (r: Awaited<ReturnType<WebchatClient["send"]>>) => textsOf(r).join("\n");

  it("registers a venue on the web chat, going back twice, with the category and commune typed in words", async () => {
    const chat = new WebchatClient(server.url);
    // Asked for in words, the registration starts at once: the next message is the name.
    expect(all(await chat.send("dang ky ma qr cho quan"))).toMatch(/Bước 1\/6/);
    await chat.send("Quán Cơm Bà Tư");
    // A stray question that happens to hold "tiệm" (a shop's alias) is not a category: the step asks again.
    const stray = all(await chat.send("tiem mui 3 o dau"));
    expect(stray).toMatch(/Bước 2\/6/);
    expect(stray).not.toMatch(/Bước 3\/6/);
    expect(stray).toContain("có vẻ là một câu hỏi hoặc một yêu cầu khác");
    // A category as people name it, not the label of a button.
    expect(all(await chat.send("quan an"))).toMatch(/Bước 3\/6/);
    // Back twice: to the category, then to the name, which is shown again; nothing typed is stored as data.
    expect(all(await chat.send("quay lai"))).toMatch(/Bước 2\/6/);
    const name = all(await chat.send("quay lại"));
    expect(name).toMatch(/Bước 1\/6/);
    expect(name).toContain("Câu trả lời trước của bạn: Quán Cơm Bà Tư.");
    expect(all(await chat.send("Quán Cơm Bà Tư 2"))).toMatch(/Bước 3\/6/);
    // A question at the commune step is named as one, not answered "no such commune".
    const question = all(await chat.send("xa nao cung dc ha ad"));
    expect(question).toContain("có vẻ là một câu hỏi hoặc một yêu cầu khác");
    expect(question).toMatch(/Bước 3\/6/);
    const misspelt = all(await chat.send("binh haii"));
    expect(misspelt).not.toContain("có vẻ là một câu hỏi");
    expect(all(await chat.send("binh hai"))).toMatch(/Bước 4\/6/);
    expect(all(await chat.send("back"))).toMatch(/Bước 3\/6/);
    await chat.send("xa binh hai");
    // Stuck at the address: told what is good enough and asked again, not printed on the poster.
    const stuck = all(await chat.send("ko biet dia chi a"));
    expect(stuck).toContain("Nếu chưa có số nhà");
    expect(stuck).toMatch(/Bước 4\/6/);
    await chat.send("Thôn Thanh Thủy");
    await chat.send("Trần Văn Tư");
    // No phone to give: told why one is needed and that any reachable number will do, and asked again.
    const noPhone = all(await chat.send("khong co sdt"));
    expect(noPhone).toContain("không in trên áp phích");
    expect(noPhone).toMatch(/Bước 6\/6/);
    const summary = await chat.send("0905 222 444");
    expect(all(summary)).toContain("0905 222 444");
    // "xong rồi" (done) is no yes to a question, but it is one to "check the details": it registers.
    expect(all(await chat.send("xong rồi"))).toMatch(/🎉 Đã đăng ký xong/);
    const [venue] = await venues();
    expect(venue).toMatchObject({
      name: "Quán Cơm Bà Tư 2",
      category: "food-service",
      address: "Thôn Thanh Thủy",
      contactName: "Trần Văn Tư",
      contactPhone: "+84905222444",
    });
  });

  it("an owner who asks again in words gets the QR code and poster, or is asked which venue", async () => {
    const chat = new WebchatClient(server.url);
    // A question about registering is offered the registration, not started into it.
    expect(all(await chat.send("dang ky ma qr co mat phi khong"))).toMatch(/Bạn muốn đăng ký mã QR/);
    // Before registering, "in lại poster" has nothing to send: it says so and offers a registration.
    expect(all(await chat.send("in lai poster"))).toMatch(/chưa đăng ký địa điểm nào/);
    const register = async (name: string) => {
      await chat.send("/venue");
      for (const typed of [
        name,
        "tap hoa",
        "van tuong",
        "Thôn Phú Long",
        "Lê Thị Hạnh",
        "0905 333 111",
        "dung roi",
      ])
        await chat.send(typed);
    };
    await register("Tạp Hóa Hạnh");
    await chat.send("ko"); // the reminder offer
    for (const typed of ["cho toi xin lai ma qr", "in lai poster", "gửi lại áp phích giúp em"]) {
      const again = textsOf(await chat.send(typed));
      expect(again, typed).toEqual(expect.arrayContaining([expect.stringMatching(/^\[image\] qr-/)]));
      expect(again.join("\n"), typed).toMatch(/\[document\] poster-/);
      expect(again.join("\n"), typed).not.toMatch(/Bước 1\/6|muốn đăng ký/);
    }
    expect(all(await chat.send("dia diem cua toi"))).toMatch(/Các địa điểm của bạn \(1\)/);
    await register("Tạp Hóa Hạnh 2");
    const which = await chat.send("in lai poster");
    expect(all(which)).toMatch(/Bạn có 2 địa điểm/);
    expect(buttonsOf(which)).toEqual(["Tạp Hóa Hạnh", "Tạp Hóa Hạnh 2"]);
    expect(textsOf(await chat.send("2")).join("\n")).toMatch(/\[document\] poster-/);
  });

  it("a question typed at the name step is not stored as the name; a phone typed with the contact's name is kept", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/venue");
    const asked = all(await chat.send("cho hoi dang ky xong bao lau thi co ma qr vay"));
    expect(asked).toMatch(/có vẻ là một câu hỏi/);
    expect(asked).toMatch(/Bước 1\/6/);
    // A real name that reads like a question is taken when typed again the same.
    expect(all(await chat.send("Tiệm Sửa Xe Phát Khi Nào Cũng Mở"))).toMatch(/có vẻ là một câu hỏi/);
    expect(all(await chat.send("Tiệm Sửa Xe Phát Khi Nào Cũng Mở"))).toMatch(/Bước 2\/6/);
    await chat.send("quay lai");
    await chat.send("Tiệm Sửa Xe Phát");
    await chat.send("sua xe");
    await chat.send("binh hai");
    await chat.send("Thôn Tân Hy");
    // The number alone, one step early: kept for later, and the name asked again.
    const early = all(await chat.send("sdt 0905 777 888"));
    expect(early).toMatch(/Đã ghi số điện thoại 0905 777 888/);
    expect(early).toMatch(/Bước 5\/6/);
    // Name and number together: both kept, and the phone step is not asked.
    const summary = all(await chat.send("Phan Văn Phát - sđt: 0905.777.999"));
    expect(summary).not.toMatch(/Bước 6\/6/);
    expect(summary).toContain("Phan Văn Phát");
    expect(summary).toContain("0905 777 999");
    await chat.send("dung roi");
    const stored = (await venues()).find((v) => v.name === "Tiệm Sửa Xe Phát");
    expect(stored).toMatchObject({ contactName: "Phan Văn Phát", contactPhone: "+84905777999" });
    // Someone else registering the same place is stopped without being sent to "their" venues.
    const other = new WebchatClient(server.url);
    await other.send("/venue");
    for (const typed of [
      "Tiệm Sửa Xe Phát",
      "sua xe",
      "binh hai",
      "Thôn Tân Hy",
      "Lê Văn Hòa",
      "0905 111 000",
      "ok",
    ])
      await other.send(typed);
    const stopped = all(await other.send("ko"));
    expect(stopped).toMatch(/không tạo mã mới/);
    expect(stopped).toContain(stored?.code ?? "?");
    expect(stopped).not.toMatch(/các địa điểm của bạn/);
  });

  it("a phone typed at the address is kept for the phone step; an address typed as the contact's name is doubted", async () => {
    const chat = new WebchatClient(server.url);
    for (const typed of ["/venue", "Cafe Gió Biển", "quan cafe", "binh chau"]) await chat.send(typed);
    // Two steps early: the number is kept and the address asked again.
    const early = all(await chat.send("0905 123 456"));
    expect(early).toMatch(/Đã ghi số điện thoại 0905 123 456 cho bước sau/);
    expect(early).toMatch(/Bước 4\/6/);
    // Address and number together: the address is taken, the number kept.
    expect(all(await chat.send("thôn Tân Hy, sdt 0905 123 457"))).toMatch(/Bước 5\/6/);
    // The address again, where the contact's name is asked: not stored as a person's name.
    const doubted = all(await chat.send("thon tan hy binh chau"));
    expect(doubted).toMatch(/có vẻ là địa chỉ/);
    expect(doubted).toMatch(/Bước 5\/6/);
    // A surname that is also an address word ("Tô") is a name; the phone step is skipped, the number was kept.
    const summary = all(await chat.send("Tô Thị Gió"));
    expect(summary).not.toMatch(/Bước 6\/6/);
    expect(summary).toContain("0905 123 457");
    await chat.send("dung roi");
    const stored = (await venues()).find((v) => v.name === "Cafe Gió Biển");
    expect(stored).toMatchObject({
      address: "thôn Tân Hy",
      contactName: "Tô Thị Gió",
      contactPhone: "+84905123457",
    });
  });

  it("a kind of place no list names is refused once, then saved under 'Khác'; a yes or a number is never", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/venue");
    await chat.send("Lò Gạch Ông Tám");
    const once = all(await chat.send("lo gach"));
    expect(once).toMatch(/chưa nhận ra loại địa điểm này/);
    expect(once).toMatch(/Bước 2\/6/);
    // "ok" typed twice is no kind of place, nor is a commune typed a step early: the list again, each time.
    for (const typed of ["ok", "ok", "binh hai", "binh hai"])
      expect(all(await chat.send(typed)), typed).toMatch(/Bạn vui lòng chọn một loại/);
    // The same kind typed again, whatever came between: it is the person's answer.
    const saved = all(await chat.send("lo gach"));
    expect(saved).toContain('Đã ghi loại "Khác" cho "lo gach"');
    expect(saved).toMatch(/Bước 3\/6/);
    // In English, a bakery is a place to eat: no round trip through "Other".
    const english = new WebchatClient(server.url);
    for (const typed of ["english", "i want to register my shop", "Sunny Bakery"]) await english.send(typed);
    expect(all(await english.send("bakery"))).toMatch(/Step 3\/6/);
  });

  it("'quay lai' or 'thoi' with nothing to leave shows the menu without an apology", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("xin chao");
    for (const text of ["quay lai", "thôi", "back"]) {
      const r = await chat.send(text);
      expect(all(r), text).not.toMatch(/chưa hiểu/);
      expect(buttonsOf(r), text).toContain("💬 Hỏi đáp PC-Covid, tiêm chủng");
    }
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
    // A mistyped command between two questions: said so, and the same question again (not the main menu).
    const mistyped = all(await chat.send("/xyz"));
    expect(mistyped).toMatch(/Không có lệnh \/xyz[\s\S]*Câu 2\/3/);
    expect(mistyped).not.toMatch(/Chọn một mục bên dưới/);
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

  it("'cho e hỏi' is asked for the question, not told it was not understood nor kept for officers", async () => {
    const chat = new WebchatClient(server.url);
    const reply = all(await chat.send("cho e hoi"));
    expect(reply).toContain("bạn cứ gõ câu hỏi");
    expect(reply).not.toMatch(/chưa hiểu|gửi lại cho bạn/);
    expect(await server.database.db.faqUnanswered.count({ where: { text: "cho e hoi" } })).toBe(0);
  });

  it("'pc covid bị lỗi' is asked which problem, with PC-Covid's topics; 'không phải' goes on to where to ask", async () => {
    const chat = new WebchatClient(server.url);
    const asked = await chat.send("pc covid bị lỗi");
    expect(all(asked)).toContain("Bạn gặp vấn đề gì với PC-Covid?");
    expect(all(asked)).not.toContain("chưa hiểu");
    const labels = buttonsOf(asked);
    expect(labels).toContain("Không nhận được mã OTP");
    expect(labels).toContain("Không phải các câu trên");
    expect(all(await chat.send("khong phai"))).not.toContain("Bạn gặp vấn đề gì với PC-Covid?");
  });

  it("'mã qr của tôi' from someone with no venue is asked which code; 'ca nhan' gets PC-Covid's, 'dia diem' starts a registration", async () => {
    const chat = new WebchatClient(server.url);
    for (const typed of ["mã qr của tôi", "ma cua toi", "xin lai ma qr", "where is my qr code"]) {
      const asked = await chat.send(typed);
      expect(all(asked), typed).toMatch(/Bạn cần mã QR nào\?|Which QR code do you need\?/);
      expect(all(asked), typed).not.toMatch(/chưa hiểu|Bước 1\/6/);
    }
    await chat.send("tiếng việt");
    await chat.send("ma qr cua toi");
    const personal = all(await chat.send("ca nhan"));
    expect(personal).toMatch(/QR cá nhân/);
    expect(personal).not.toMatch(/Bạn cần mã QR nào/);
    // Named outright, the personal code is the FAQ's answer at once, never a registration.
    expect(all(await chat.send("in lai ma qr ca nhan pc covid cua toi"))).not.toMatch(
      /Bước 1\/6|Bạn cần mã QR nào/,
    );
    await chat.send("mã của tôi");
    expect(all(await chat.send("dia diem"))).toMatch(/Bước 1\/6/);
    // At the name step a request in words is not taken for the name; a real name that reads like one is,
    // once typed again the same.
    const request = all(await chat.send("ma qr cua toi"));
    expect(request).toContain("giống một yêu cầu khác");
    expect(request).toMatch(/Bước 1\/6/);
    expect(all(await chat.send("Cafe My Shop"))).toMatch(/Bước 1\/6/);
    expect(all(await chat.send("Cafe My Shop"))).toMatch(/Bước 2\/6/);
  });
});
