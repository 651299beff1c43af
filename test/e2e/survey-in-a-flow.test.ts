import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

/** Reads a chat until a message matching `pattern` arrived; returns everything read. */
async function readUntil(chat: WebchatClient, pattern: RegExp, timeoutMs = 10_000): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!seen.some((t) => pattern.test(t))) {
    if (Date.now() > deadline) throw new Error(`timed out; saw ${JSON.stringify(seen)}`);
    seen.push(...textsOf(await chat.read()));
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

describe("a survey reaches someone in the middle of another conversation", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
  });
  afterAll(() => server.stop());

  const owner = async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("xin chào");
    const contact = await server.database.db.contact.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    const venue = await registerVenue(server.url, ADMIN_TOKEN, { name: `Quán ${contact.id.slice(0, 4)}` });
    await server.database.db.venue.update({ where: { id: venue.id }, data: { ownerContactId: contact.id } });
    return { chat, contact };
  };
  const survey = async (questions: unknown[]) => {
    const res = await adminApi(server.url)("/api/v1/surveys", {
      title: "Khảo sát cơ sở",
      questions,
      audience: { roles: ["venue-owner"], communes: ["21040"] },
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.status).toBe(201);
    return String(res.json.id);
  };

  it("answering it by tapping and typing leaves the other flow where it was", async () => {
    const { chat, contact } = await owner();
    // The owner is setting a dose reminder when the survey comes.
    expect(textsOf(await chat.send("/nhactiem"))[0]).toMatch(/^💉 Bạn tiêm mũi gần nhất/);
    const id = await survey([
      { kind: "yesno", text: "Cơ sở của bạn đã niêm yết mã QR chưa?" },
      { kind: "number", text: "Cơ sở có bao nhiêu nhân viên?" },
    ]);
    await readUntil(chat, /niêm yết mã QR chưa\?/);
    const tapped = textsOf(await chat.send({ payload: `survey:a:${id}:0:yes` }));
    expect(tapped[0]).toBe("✅ Đã ghi nhận.");
    expect(tapped[1]).toMatch(/bao nhiêu nhân viên\?\nBạn gõ một con số/);
    expect(textsOf(await chat.send("nhiều lắm"))[0]).toBe(
      "Chưa đọc được con số. Bạn vui lòng gõ một số, ví dụ 3.",
    );
    const done = textsOf(await chat.send("3 người"));
    expect(done[0]).toBe("✅ Đã ghi nhận.");
    expect(done[1]).toMatch(/^Cảm ơn bạn đã trả lời khảo sát/);
    // The dose reminder's question comes back, and the flow goes on from it.
    expect(done[2]).toMatch(/^💉 Bạn tiêm mũi gần nhất/);
    expect(textsOf(await chat.send("15/8/2021"))[0]).toBe("Mũi gần nhất bạn tiêm loại vắc xin nào?");
    const answers = await server.database.db.surveyAnswer.findMany({
      where: { contactId: contact.id },
      orderBy: { question: "asc" },
    });
    expect(answers.map((a) => a.value)).toEqual(["yes", "3"]);
  });

  it("a number question sent first is answered by typing, '1' included; 'bỏ qua' skips, 'dừng' stops", async () => {
    const { chat, contact } = await owner();
    const id = await survey([
      { kind: "number", text: "Cơ sở có mấy lối ra vào?" },
      { kind: "text", text: "Bạn cần hỗ trợ gì?" },
      { kind: "yesno", text: "Bạn có muốn nhận thêm mã QR không?" },
    ]);
    await readUntil(chat, /mấy lối ra vào\?/);
    // "1" is the answer, not the first of some list.
    expect(textsOf(await chat.send("1"))).toEqual([
      "✅ Đã ghi nhận.",
      expect.stringMatching(/Bạn cần hỗ trợ gì\?/),
    ]);
    expect(textsOf(await chat.send("bo qua"))[1]).toMatch(/muốn nhận thêm mã QR không\?/);
    expect(textsOf(await chat.send("⏹ Dừng"))[0]).toBe(
      "Đã dừng khảo sát. Các câu bạn đã trả lời vẫn được ghi nhận.",
    );
    const answers = await server.database.db.surveyAnswer.findMany({
      where: { surveyId: id, contactId: contact.id },
    });
    expect(answers.map((a) => [a.question, a.value])).toEqual([[0, "1"]]);
    const recipient = await server.database.db.surveyRecipient.findFirstOrThrow({
      where: { surveyId: id, contactId: contact.id },
    });
    expect(recipient.status).toBe("stopped");
    // A phone number typed in a text answer is stored masked.
    const id2 = await survey([{ kind: "text", text: "Số điện thoại liên hệ của cơ sở?" }]);
    await readUntil(chat, /Số điện thoại liên hệ/);
    await chat.send("gọi 0905 123 456 nhé");
    const stored = await server.database.db.surveyAnswer.findFirstOrThrow({
      where: { surveyId: id2, contactId: contact.id },
    });
    expect(stored.value).not.toContain("123 456");
    expect(stored.value).not.toContain("0905123456");
  });
});
