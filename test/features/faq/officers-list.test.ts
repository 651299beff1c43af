import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RenderedMessage } from "../../../src/core/rendered-message";
import { FakeFaqStore } from "../../../src/features/faq/fake-faq-store";
import { registerFaq } from "../../../src/features/faq/faq-feature";
import { isNotAQuestion } from "../../../src/features/faq/not-a-question";
import { createEngineHarness, texts } from "../../helpers/engine-harness";
import { shippedFaq } from "../../helpers/shipped-faq";

const { knowledge, outOfScope } = shippedFaq();
const COMMUNES = new Set(["binh hai", "bình hải", "xa binh chau", "van tuong"]);
const isPlaceName = (text: string) => COMMUNES.has(text.trim().toLowerCase());

async function harness() {
  const store = new FakeFaqStore();
  const chat = await createEngineHarness((router, showMenu) =>
    registerFaq(router, { knowledge, outOfScope, store, showMenu, isPlaceName }),
  );
  return { chat, store, kept: () => store.unanswered.map((q) => q.text) };
}

const buttons = (messages: RenderedMessage[]) =>
  messages.flatMap((m) => (m.kind === "text" ? (m.buttons ?? []).flat().map((b) => b.label) : []));

describe("what officers see as questions the FAQ could not answer", () => {
  it.each([
    "có",
    "ko",
    "Dạ vâng",
    "2",
    "số 3",
    "quay lại",
    "huỷ",
    "chào bạn",
    "hello",
    "ok",
    "cảm ơn",
    "👍",
    "binh hai",
  ])("%j, typed when no flow waits for it, is an answer or small talk, not a question", async (text) => {
    expect(isNotAQuestion(text, isPlaceName)).toBe(true);
    const { chat, kept } = await harness();
    await chat.send(text);
    expect(kept()).toEqual([]);
  });

  it.each(["giá heo hơi hôm nay", "lich cat dien tuan nay", "co ai biet cho ban phan bon ko"])(
    "%j is a question nobody answered, and is kept",
    async (text) => {
      expect(isNotAQuestion(text, isPlaceName)).toBe(false);
      const { chat, kept } = await harness();
      await chat.send(text);
      expect(kept()).toEqual([text]);
    },
  );

  it("keeps a question answered with confidence only once it is rated 👎, and never the vote itself", async () => {
    const { chat, kept } = await harness();
    await chat.send("ko nhan dc ma otp pc covid");
    expect(kept()).toEqual([]);
    await chat.send({ type: "button", payload: "faq:fb:down:pccovid.otp" });
    expect(kept()).toEqual(["ko nhan dc ma otp pc covid"]);
    // A 👍 on the next answer keeps nothing.
    await chat.send("cai pc covid tren iphone");
    await chat.send({ type: "button", payload: "faq:fb:up:pccovid.install" });
    expect(kept()).toHaveLength(1);
  });

  it("keeps a question the FAQ could only guess at, with the guesses offered", async () => {
    const { chat, kept } = await harness();
    const question = knowledge.current().matcher.match("ma qr");
    // The premise: this question falls in the "did you mean" band today.
    expect(question.band).toBe("suggest");
    const reply = await chat.send("ma qr");
    expect(buttons(reply)).toContain("Không phải các câu trên");
    expect(kept()).toEqual(["ma qr"]);
  });

  it("'k phải' typed to 'did you mean…?' is its 'none of these', which hands the question on", async () => {
    const store = new FakeFaqStore();
    let handedOn = 0;
    const questions = {
      unanswered: async () => false,
      answered: async () => undefined,
      noneOfThese: async () => {
        handedOn += 1;
        return true;
      },
    };
    const chat = await createEngineHarness((router, showMenu) =>
      registerFaq(router, { knowledge, outOfScope, store, showMenu, isPlaceName, questions }),
    );
    expect(buttons(await chat.send("ma qr"))).toContain("Không phải các câu trên");
    await chat.send("k phai");
    expect(handedOn).toBe(1);
  });
});

describe("a subject the bot does not handle", () => {
  it.each([
    ["giá vé xe khách đi sài gòn", /nhà xe hoặc bến xe/],
    ["tiem phong dai cho con bi cho can", /trạm y tế xã/],
    ["lam so do dat het bao lau", /bộ phận một cửa UBND xã/],
    ["gia han the bhyt o dau", /Bảo hiểm xã hội nơi bạn cư trú/],
    ["tien ho tro covid cho lao dong tu do", /bộ phận một cửa UBND xã/],
    ["bi sot xuat huyet thi lam sao", /trạm y tế xã hoặc cơ sở khám chữa bệnh/],
  ])("%j is answered with where to ask instead, then the menu", async (question, where) => {
    const { chat, kept } = await harness();
    const reply = texts(await chat.send(question));
    expect(reply[0]).toMatch(/^Câu hỏi này nằm ngoài phạm vi của trợ lý/);
    expect(reply[0]).toMatch(where);
    expect(reply.length).toBeGreaterThan(1);
    expect(kept()).toEqual([question]);
  });

  it("says where to ask in English too", async () => {
    const { chat } = await harness();
    const reply = texts(await chat.send("bus fare to saigon", { externalId: "en-1", languageHint: "en" }));
    expect(reply[0]).toMatch(/outside what the assistant covers/);
    expect(reply[0]).toMatch(/bus company or the bus station/);
  });

  it("has a where-to-ask text in both languages for every named category but small talk", async () => {
    const { readFileSync } = await import("node:fs");
    for (const lng of ["vi", "en"]) {
      const json = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../locales/${lng}/faq.json`), "utf8"),
      ) as { outOfScope: Record<string, string> };
      for (const { id } of outOfScope) {
        if (id === "chit-chat") continue;
        expect(json.outOfScope[id], `${lng} ${id}`).toMatch(/\S/);
        // No number but the emergency line: nothing here was sourced beyond the bodies' names.
        expect(json.outOfScope[id]?.replace("115", ""), `${lng} ${id}`).not.toMatch(/\d{3}/);
      }
    }
  });
});

describe("did you mean", () => {
  it("offers at most three real candidates, each one the matcher found plausible, then 'none of these'", async () => {
    const questions = [
      "thẻ xanh hết hạn không",
      "ma qr",
      "khai bao",
      "tiem vaccine",
      "mat khau",
      "qr",
      "app pc covid",
    ];
    const guessed = questions.filter((q) => knowledge.current().matcher.match(q).band === "suggest");
    // The premise: several of these short questions fall in the "did you mean" band.
    expect(guessed.length).toBeGreaterThanOrEqual(2);
    for (const q of guessed) {
      const match = knowledge.current().matcher.match(q);
      const { chat } = await harness();
      const offered = buttons(await chat.send(q));
      expect(offered.at(-1)).toBe("Không phải các câu trên");
      const topics = offered.slice(0, -1);
      expect(topics.length, q).toBeGreaterThanOrEqual(1);
      expect(topics.length, q).toBeLessThanOrEqual(3);
      const ranked = knowledge.current().matcher.explain(q).ranked;
      const best = ranked[0]?.score ?? 0;
      // Every alternative scores close to the best guess: no filler topics to make up the number.
      for (const id of match.alternatives) {
        expect(ranked.find((r) => r.topic === id)?.score ?? 0, `${q} ${id}`).toBeGreaterThanOrEqual(
          0.6 * best,
        );
      }
      expect(new Set(topics).size).toBe(topics.length);
    }
  });
});
