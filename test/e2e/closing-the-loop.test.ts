import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RenderedMessage } from "../../src/core/rendered-message";
import { foldVietnamese } from "../../src/features/faq/fold";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { FakeZaloOaApi } from "../helpers/fake-zalo-oa-api";
import { seedTopic, topicFields } from "../helpers/faq-content-fixtures";
import { startTestServer, TEST_ZALO_OA_APP_SECRET, type TestServer, zaloOaEnv } from "../helpers/test-server";
import { textsOf, WebchatClient } from "../helpers/webchat-client";
import { zaloOaChat } from "../helpers/zalo-updates";

const BINH_SON = "21040";
const VAN_TUONG = "21061";
const ON_WEB = "Nhà văn hoá thôn Phước Hoà mở cửa mấy giờ?";
const ON_ZALO = "nha van hoa thon phuoc hoa mo cua may gio";
const ANSWER = "Nhà văn hoá thôn Phước Hoà mở cửa từ 7 giờ đến 21 giờ hằng ngày, trừ thứ Hai.";
const TOPIC = "local.nha-van-hoa";

/** The payload of the button labelled `label` in a turn's replies. */
function payloadOf(replies: RenderedMessage[], label: string): string {
  const button = replies
    .flatMap((m) => (m.kind === "text" ? (m.buttons ?? []).flat() : []))
    .find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(textsOf(replies))}`);
  return button.payload;
}

describe("closing the loop: officers send an answer to everyone who asked it and agreed to be told", () => {
  const oa = new FakeZaloOaApi(TEST_ZALO_OA_APP_SECRET);
  let server: TestServer;
  let editor: DashboardClient;
  let otherCommune: DashboardClient;
  let web: WebchatClient;
  const zaloUser = "7700000000000000777";
  const cluster = foldVietnamese(ON_WEB);
  const oaSay = (text: string) => zaloOaChat(server.url, oa)(zaloUser, text);
  const notices = () =>
    server.database.db.outboxMessage.count({ where: { body: { contains: "Bạn đã hỏi" } } });

  beforeAll(async () => {
    server = await startTestServer({
      ...zaloOaEnv(await oa.start(), oa.issue()),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
    });
    editor = new DashboardClient(server.url);
    await editor.login((await officerLink(server.url, "editor", [BINH_SON])).link);
    otherCommune = new DashboardClient(server.url);
    await otherCommune.login((await officerLink(server.url, "officer", [VAN_TUONG])).link);
    web = new WebchatClient(server.url);
  });
  afterAll(async () => {
    await server.stop();
    await oa.stop();
  });

  it("each person is asked once, right after the question the bot could not answer; one taps yes, one types 'ko'", async () => {
    // Both live in Bình Sơn (their reminders say so): the question is kept with that commune.
    await web.send("/subscribe");
    await web.send("Xã Bình Sơn");
    const asked = await web.send(ON_WEB);
    expect(textsOf(asked).at(-1)).toBe(
      "Khi cán bộ có câu trả lời cho câu hỏi này, bạn có muốn trợ lý gửi lại cho bạn không?",
    );
    const yes = payloadOf(asked, "Có, báo cho tôi");
    expect(textsOf(await web.send({ payload: yes }))[0]).toMatch(/^Đã ghi nhận. Khi cán bộ đăng câu trả lời/);
    // A second tap changes nothing and says nothing more than the menu.
    expect(textsOf(await web.send({ payload: yes }))).toEqual(["Bạn cần gì? Chọn một mục bên dưới:"]);

    await oaSay("/subscribe");
    await oaSay("binh son");
    await oaSay(ON_ZALO);
    await oa.waitFor(() => oa.textsTo(zaloUser).some((t) => t.startsWith("Khi cán bộ có câu trả lời")));
    await oaSay("ko");
    await oa.waitFor(() => oa.textsTo(zaloUser).some((t) => t.includes("sẽ không nhắn lại")));

    const rows = await server.database.db.faqUnanswered.findMany({ where: { folded: cluster } });
    expect(rows.map((r) => [r.channel, r.communeCode, r.notifyConsent]).sort()).toEqual([
      ["webchat", BINH_SON, true],
      ["zalo-oa", BINH_SON, false],
    ]);
    // A forged "yes" for someone else's question (its id guessed) is not taken.
    const zaloRow = rows.find((r) => r.channel === "zalo-oa");
    await web.send({ payload: `faq:tell:yes:${zaloRow?.id}` });
    expect(
      (await server.database.db.faqUnanswered.findUniqueOrThrow({ where: { id: zaloRow?.id } }))
        .notifyConsent,
    ).toBe(false);
  });

  it("the questions page shows how many wait for an answer, in the officer's communes only", async () => {
    expect(await (await editor.get("/admin/questions")).text()).toContain(
      "Gửi câu trả lời cho 1 người đang chờ",
    );
    expect(await (await otherCommune.get("/admin/questions")).text()).not.toContain("đang chờ");
  });

  it("a forged send for another commune's cluster is refused and nothing is sent", async () => {
    expect(
      (await otherCommune.get(`/admin/questions/notify?cluster=${encodeURIComponent(cluster)}`)).status,
    ).toBe(404);
    const forged = await otherCommune.post(
      "/admin/questions/notify",
      { cluster, topic: "contact.local" },
      "/admin/questions",
    );
    expect(forged.status).toBe(404);
    expect(await notices()).toBe(0);
    expect(await server.database.db.faqAnswerNotice.count()).toBe(0);
    expect(await server.database.db.auditLog.count({ where: { action: "faq.notify" } })).toBe(0);
  });

  it("after publishing a topic from the cluster, the editor sees the count, confirms, and only the one who agreed gets it, once", async () => {
    const topic = {
      ...seedTopic("contact.local"),
      id: TOPIC,
      title: {
        vi: "Giờ mở cửa nhà văn hoá thôn Phước Hoà",
        en: "Opening hours of Phước Hoà's cultural house",
      },
      answer: { vi: ANSWER, en: "Phước Hoà's cultural house opens 7:00–21:00 every day except Monday." },
      examples: { vi: [ON_WEB, ON_ZALO], en: [] },
      keywords: { vi: [], en: [] },
      related: [],
      sourceNote: "Thông báo của UBND xã Bình Sơn",
    };
    expect((await editor.post("/admin/content", topicFields(topic), "/admin/content/new")).status).toBe(303);
    const from = `/admin/content/${TOPIC}`;
    expect((await editor.post(`${from}/publish`, {}, from)).status).toBe(303);
    const page = await (await editor.get(from)).text();
    const link = `/admin/questions/notify?cluster=${encodeURIComponent(cluster)}&amp;topic=${TOPIC}`;
    expect(page).toContain(link);

    const confirm = await (await editor.get(link.replaceAll("&amp;", "&"))).text();
    expect(confirm).toContain("Sẽ nhận ngay: 1 người đã đồng ý được báo lại.");
    expect(confirm).toContain("Không đồng ý hoặc chưa trả lời câu hỏi: 1 (không được nhắn).");
    expect(confirm).toContain("Gửi cho 1 người");

    const sent = await editor.post("/admin/questions/notify", { cluster, topic: TOPIC }, from);
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Đã gửi cho 1 người.");
    const seen: string[] = [];
    await expect
      .poll(async () => {
        seen.push(...textsOf(await web.read()));
        return seen.some((t) => t.startsWith("📬"));
      })
      .toBe(true);
    expect(seen.find((t) => t.startsWith("📬"))).toBe(
      `📬 Bạn đã hỏi: «${ON_WEB}»\nCán bộ xã Bình Sơn trả lời:\n${ANSWER}`,
    );

    // Sent again (a double click, a second officer): nobody gets it twice.
    const again = await editor.post("/admin/questions/notify", { cluster, topic: TOPIC }, from);
    expect(await again.text()).toContain("Đã gửi cho 0 người. Đã được báo trước đó: 1.");
    await new Promise((r) => setTimeout(r, 500));
    seen.push(...textsOf(await web.read()));
    expect(seen.filter((t) => t.startsWith("📬"))).toHaveLength(1);
    expect(await notices()).toBe(1);
    // The one who said no is never sent the answer (the menu after their own "ko" may still be on its way).
    expect(oa.textsTo(zaloUser).filter((t) => t.startsWith("📬") || t.includes(ANSWER))).toEqual([]);

    const audit = await server.database.db.auditLog.findMany({
      where: { action: "faq.notify" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.subject, a.resultCount])).toEqual([
      [`topic:${TOPIC}`, 1],
      [`topic:${TOPIC}`, 0],
    ]);
    expect(audit[0]?.actor).toMatch(/\(officer:[0-9a-f]{8}\)$/);
    expect(await (await editor.get("/admin/questions")).text()).not.toContain("đang chờ");
  });
  it("an officer's answer on a ticket asking the same reaches those who agreed, from the ticket's page", async () => {
    const question = "Lịch họp dân thôn Phước Hoà tháng này là ngày nào?";
    // A first question for this person (a second within half an hour offers an officer instead).
    const asker = new WebchatClient(server.url);
    await asker.send("/subscribe");
    await asker.send("Xã Bình Sơn");
    const asked = await asker.send(question);
    await asker.send({ payload: payloadOf(asked, "Có, báo cho tôi") });
    // Someone else asks a person the same thing.
    const other = new WebchatClient(server.url);
    await other.send("gặp cán bộ");
    await other.send("binh son");
    await other.send(question);
    const ticket = await server.database.db.ticket.findFirstOrThrow({ where: { question } });
    const from = `/admin/inbox/${ticket.id}`;
    const reply = "Họp dân thôn Phước Hoà vào 19 giờ ngày 15 tại nhà văn hoá thôn.";
    expect((await editor.post(`${from}/reply`, { text: reply }, from)).status).toBe(200);
    const page = await (await editor.get(from)).text();
    expect(page).toContain("Gửi câu trả lời cho 1 người đang chờ");

    // Another commune's officer cannot send it by naming the ticket: nothing goes out.
    const before = await notices();
    const folded = foldVietnamese(question);
    const forged = await otherCommune.post(
      "/admin/questions/notify",
      { cluster: folded, ticket: ticket.id },
      "/admin/questions",
    );
    expect(forged.status).toBe(400);
    expect(await notices()).toBe(before);

    const sent = await editor.post("/admin/questions/notify", { cluster: folded, ticket: ticket.id }, from);
    expect(await sent.text()).toContain("Đã gửi cho 1 người.");
    const seen: string[] = [];
    await expect
      .poll(async () => {
        seen.push(...textsOf(await asker.read()));
        return seen.some((t) => t.includes(reply));
      })
      .toBe(true);
    expect(seen.find((t) => t.includes(reply))).toBe(
      `📬 Bạn đã hỏi: «${question}»\nCán bộ xã Bình Sơn trả lời:\n${reply}`,
    );
    const audit = await server.database.db.auditLog.findFirst({ where: { subject: `ticket:${ticket.id}` } });
    expect(audit).toMatchObject({ action: "faq.notify", resultCount: 1 });
  });
});
