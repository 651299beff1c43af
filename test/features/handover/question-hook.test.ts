import { describe, expect, it } from "vitest";
import type { RenderedMessage } from "../../../src/core/rendered-message";
import { FakeFaqStore } from "../../../src/features/faq/fake-faq-store";
import { registerFaq } from "../../../src/features/faq/faq-feature";
import { FakeTicketStore } from "../../../src/features/handover/fake-ticket-store";
import { handoverQuestionHook } from "../../../src/features/handover/question-hook";
import { FakeOfficerStore } from "../../../src/features/officers/fake-officer-store";
import { OfficerService } from "../../../src/features/officers/officer-service";
import { createEngineHarness, texts } from "../../helpers/engine-harness";
import { shippedFaq } from "../../helpers/shipped-faq";

const { knowledge, outOfScope } = shippedFaq();
const NOBODY =
  "Hiện trợ lý này chưa có cán bộ trực trả lời tin nhắn. Việc gấp về sức khỏe, bạn vui lòng gọi 1900 9095 hoặc liên hệ trạm y tế xã nơi bạn ở.";

async function harness() {
  const officers = new OfficerService(new FakeOfficerStore());
  const questions = handoverQuestionHook({ store: new FakeTicketStore(), officers });
  const chat = await createEngineHarness((router, showMenu) =>
    registerFaq(router, { knowledge, outOfScope, store: new FakeFaqStore(), showMenu, questions }),
  );
  /** An officer of one commune, as `/officer <code>` makes one. */
  const invite = async () => {
    const { code } = await officers.invite({
      role: "officer",
      communes: ["21040"],
      createdBy: "admin",
      now: new Date(),
    });
    const officer = await officers.redeem(code, "officer-contact", new Date());
    if (typeof officer === "string") throw new Error(officer);
    return officer;
  };
  return { chat, officers, invite };
}

const buttons = (messages: RenderedMessage[]) =>
  messages.flatMap((m) => (m.kind === "text" ? (m.buttons ?? []).flat().map((b) => b.label) : []));

describe("'Hỏi cán bộ' is offered only when an officer could answer", () => {
  it("with no officer at all, two questions the FAQ cannot answer say where to ask instead", async () => {
    const { chat } = await harness();
    await chat.send("gia heo hoi hom nay bao nhieu");
    const second = await chat.send("lich cat dien tuan nay o thon");
    expect(texts(second)).toEqual([NOBODY]);
    expect(buttons(second)).toEqual(["Liên hệ và thông tin chung"]);
    // The button leads to the FAQ's contact topics (the commune health station among them).
    const topics = await chat.send("1");
    expect(buttons(topics).join("\n")).toMatch(/trạm y tế/);
  });

  it("once an officer is invited the same misses offer one; revoked, they no longer do", async () => {
    const { chat, officers, invite } = await harness();
    const officer = await invite();
    await chat.send("co ai biet cho ban phan bon ko");
    const offered = await chat.send("gia lua hom nay the nao");
    expect(texts(offered).at(-1)).toBe(
      "Trợ lý chưa trả lời được câu hỏi của bạn. Bạn có muốn hỏi cán bộ không?",
    );
    expect(buttons(offered)).toEqual(["🙋 Hỏi cán bộ", "Không, cảm ơn"]);

    await officers.revoke(officer.id, new Date());
    const after = await chat.send("khi nao sua duong lien thon", { externalId: "person-2" });
    expect(buttons(after)).not.toContain("🙋 Hỏi cán bộ");
    const again = await chat.send("ai cho thue may cay", { externalId: "person-2" });
    expect(texts(again)).toEqual([NOBODY]);
  });

  it("'none of these' after a did-you-mean with nobody to answer says where to ask", async () => {
    const { chat } = await harness();
    const none = await chat.send({ type: "button", payload: "faq:none" });
    expect(texts(none)).toEqual([NOBODY]);
    expect(buttons(none)).not.toContain("🙋 Hỏi cán bộ");
  });
});
