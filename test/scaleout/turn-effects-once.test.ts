import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationStore, TurnCommit } from "../../src/core/ports";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

const VAN_TUONG = "21061";
const BINH_SON = "21040";

/** Waits until an asynchronous check holds (database counts, chat reads). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The process that ran a turn dies after the turn's effects and before its commit (ADR 016): armed, the next
 * commit fails as that death would (nothing of the turn's own transaction is stored), and the update is
 * taken again, as another process's sweep takes it, and runs its whole turn a second time.
 */
class DiesBeforeCommit {
  private armed = false;
  private rerun: { inboxId: number; committed: () => void } | undefined;
  private died: number | undefined;

  wrap(store: ConversationStore): ConversationStore {
    return {
      upsertContact: (input) => store.upsertContact(input),
      getDialog: (id) => store.getDialog(id),
      commitTurn: async (turn: TurnCommit) => {
        if (this.armed) {
          this.armed = false;
          this.died = turn.inboxId;
          throw new Error("the process died before the turn committed");
        }
        await store.commitTurn(turn);
        if (this.rerun && turn.inboxId === this.rerun.inboxId) this.rerun.committed();
      },
    };
  }

  /** Arms it and resolves once the turn that died ran again and committed. */
  arm(): Promise<number> {
    this.armed = true;
    return new Promise((resolve) => {
      const check = setInterval(() => {
        if (this.died === undefined) return;
        const inboxId = this.died;
        this.died = undefined;
        clearInterval(check);
        this.rerun = { inboxId, committed: () => resolve(inboxId) };
      }, 5);
    });
  }
}

describe("a turn run twice after its process died makes each of its effects once", {
  timeout: 120_000,
}, () => {
  const dying = new DiesBeforeCommit();
  let server: TestServer;
  let api: ReturnType<typeof adminApi>;
  beforeAll(async () => {
    server = await startTestServer(
      { ADMIN_API_TOKEN: ADMIN_TOKEN },
      { conversations: (store) => dying.wrap(store) },
    );
    api = adminApi(server.url);
  });
  afterAll(() => server.stop());

  /** Sends `input`; its turn runs, dies before committing, runs again. Returns what the person then reads. */
  const twice = async (chat: WebchatClient, input: string | { payload: string }) => {
    const rerun = dying.arm();
    // The turn that died committed nothing, so the POST returns no reply of its own; it may already
    // carry the rerun's, when the sweep took the update again before the person's read.
    const early = await chat.send(input);
    await rerun;
    await eventually(
      async () =>
        (await server.database.db.outboxMessage.count({
          where: { channel: "webchat", status: { in: ["pending", "claimed", "sending"] } },
        })) === 0,
    );
    const read = [...early, ...(await chat.read())];
    // Whichever read carried them, the person reads each of the turn's replies once.
    expect(new Set(textsOf(read)).size).toBe(textsOf(read).length);
    return read;
  };
  const db = () => server.database.db;
  const officerInWebchat = async () => {
    const res = await api("/api/v1/officers/invites", { role: "officer", communes: [VAN_TUONG] });
    const officer = new WebchatClient(server.url);
    await officer.send(`/officer ${String(res.json.code)}`);
    return officer;
  };

  it("the unanswered question, the officer's ticket, its lines, the messages to the officer and the answer", async () => {
    const officer = await officerInWebchat();
    const citizen = new WebchatClient(server.url);
    await citizen.send("/subscribe");
    await citizen.send({ payload: `subs:commune:${VAN_TUONG}` });

    // A question the FAQ cannot answer: kept for officers once, one miss towards offering an officer.
    const said = textsOf(await twice(citizen, "bao gio thi sua duong thon tay")).join("\n");
    expect(said).not.toMatch(/Bạn có muốn hỏi cán bộ không/);
    expect(await db().faqUnanswered.count({ where: { text: "bao gio thi sua duong thon tay" } })).toBe(1);
    expect(await db().handoverMiss.count()).toBe(1);

    // The second one offers an officer (two misses, not three); "có" opens one ticket.
    const offered = await citizen.send("cầu cảng ở xã mình khi nào làm xong");
    expect(buttonsOf(offered)).toEqual(["🙋 Hỏi cán bộ", "Không, cảm ơn"]);
    const opened = textsOf(await twice(citizen, "co"));
    expect(opened.at(-1)).toMatch(/^Đã chuyển câu hỏi của bạn tới cán bộ xã Vạn Tường/);
    const ticket = await db().ticket.findFirstOrThrow({ where: { communeCode: VAN_TUONG } });
    expect(await db().ticket.count()).toBe(1);
    const lines = () =>
      db().ticketMessage.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" } });
    expect((await lines()).map((l) => l.author)).toEqual(["transcript", "citizen"]);
    const told = await officer.read();
    expect(textsOf(told).filter((t) => /cầu cảng/.test(t))).toHaveLength(1);

    // The person writes more: one line on the ticket, the officer told once.
    await twice(citizen, "ở thôn Tây, gần chợ");
    expect((await lines()).map((l) => l.text).filter((t) => t === "ở thôn Tây, gần chợ")).toHaveLength(1);
    await eventually(async () => textsOf(await officer.read()).some((t) => /thôn Tây/.test(t)));

    // The officer answers: one line, one message to the person, one audit row of the reply.
    await officer.send({ payload: `handover:answer:${ticket.id}` });
    await twice(officer, "Dự kiến xong cuối tháng này.");
    expect((await lines()).filter((l) => l.author === "officer")).toHaveLength(1);
    expect(await db().auditLog.count({ where: { action: "ticket.reply" } })).toBe(1);
    const answers = textsOf(await citizen.read()).filter((t) => /cuối tháng này/.test(t));
    expect(answers).toHaveLength(1);
  });

  it("a survey answer moves the person on once; the next question still comes", async () => {
    // The only subscriber of Xã Bình Sơn.
    const citizen = new WebchatClient(server.url);
    await citizen.send("/subscribe");
    await citizen.send({ payload: `subs:commune:${BINH_SON}` });
    const created = await api("/api/v1/surveys", {
      title: "Tiêm nhắc lại",
      questions: [
        { kind: "yesno", text: "Gia đình bạn đã tiêm mũi nhắc lại chưa?" },
        { kind: "choice", text: "Bạn muốn tiêm ở đâu?", options: ["Trạm y tế xã", "Bệnh viện huyện"] },
      ],
      audience: { communes: [BINH_SON] },
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    await server.tick(new Date());
    await eventually(async () => textsOf(await citizen.read()).some((t) => /mũi nhắc lại chưa/.test(t)));

    const after = textsOf(await twice(citizen, { payload: `survey:a:${id}:0:yes` })).join("\n");
    expect(after).toMatch(/Bạn muốn tiêm ở đâu\?/);
    expect(await db().surveyAnswer.findMany({ where: { surveyId: id } })).toEqual([
      expect.objectContaining({ question: 0, value: "yes" }),
    ]);
    expect(await recipientOf(id)).toMatchObject({ current: 1, status: "open" });
  });

  const recipientOf = async (surveyId: string) => {
    return db().surveyRecipient.findFirstOrThrow({ where: { surveyId } });
  };

  it("a dose reminder, a recurring reminder and the audit row of an officer's command are made once", async () => {
    const person = new WebchatClient(server.url);
    await person.send("/nhactiem");
    await person.send("hôm qua");
    await person.send("2");
    const due = new Date(Date.now() + 40 * 86_400_000);
    await person.send(`${due.getUTCDate()}/${due.getUTCMonth() + 1}/${due.getUTCFullYear()}`);
    expect(textsOf(await twice(person, "có"))[0]).toMatch(/^Đã đặt lịch nhắc tiêm ngày/);
    expect(await db().followUpReminder.count()).toBe(1);

    const officer = await officerInWebchat();
    const audited = () => db().auditLog.count({ where: { action: "chat.broadcast" } });
    const before = await audited();
    await twice(officer, "/broadcast");
    expect(await audited()).toBe(before + 1);
    await officer.send("Nhắc bà con: sáng thứ Hai tiêm mũi nhắc lại tại trạm y tế xã Vạn Tường.");
    await officer.send("Theo xã");
    await officer.send("van tuong");
    await officer.send("Lặp lại định kỳ");
    await officer.send("Thứ Hai");
    await officer.send("7 giờ");
    expect(textsOf(await twice(officer, "1"))[0]).toMatch(/^Đã đặt nhắc nhở định kỳ #\w{6}/);
    expect(await db().recurringReminder.count({ where: { text: { startsWith: "Nhắc bà con" } } })).toBe(1);
  });
});
