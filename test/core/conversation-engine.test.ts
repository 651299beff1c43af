import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineFlow, type Flow } from "../../src/core/flow";
import { say, t } from "../../src/core/messages";
import { createEngineHarness, texts } from "../helpers/engine-harness";

describe("conversation engine", () => {
  it("greets a newcomer in Vietnamese by default and in English when the platform says so", async () => {
    const h = await createEngineHarness();
    expect(texts(await h.send("/start"))[0]).toMatch(/^Xin chào!/);
    expect(texts(await h.send("/start", { externalId: "en-user", languageHint: "en-US" }))[0]).toMatch(
      /^Hello!/,
    );
  });

  it("a language the person picked wins over the platform's hint from then on", async () => {
    const h = await createEngineHarness();
    await h.send("/lang", { languageHint: "en" });
    await h.send({ type: "button", payload: "lang:vi" }, { languageHint: "en" });
    expect(texts(await h.send("/help", { languageHint: "en" }))[0]).toMatch(/^Các lệnh/);
  });

  it("an offered choice can be answered by its number or its label, with or without diacritics", async () => {
    const h = await createEngineHarness();
    await h.send("/lang");
    expect(texts(await h.send("2"))[0]).toBe("Switched to English.");
    await h.send("/lang");
    expect(texts(await h.send("tieng viet"))[0]).toBe("Đã chuyển sang tiếng Việt.");
  });

  it("a number means nothing once the bot stops offering choices", async () => {
    const h = await createEngineHarness();
    await h.send("/lang");
    await h.send("1");
    const again = await h.send("1");
    // The language answer ended with the main menu, so "1" now picks its first entry.
    expect(texts(again)[0]).toBe("Chọn ngôn ngữ / Choose your language:");
  });

  it("a flow keeps its state between messages and /cancel leaves it", async () => {
    const h = await createEngineHarness((router) => {
      const draft = z.object({ name: z.string().optional() });
      const survey: Flow<z.infer<typeof draft>> = defineFlow({
        id: "survey",
        version: 1,
        draft,
        ask(ctx, step) {
          ctx.reply(say({ raw: step === "name" ? "Your name?" : "Your age?" }));
        },
        handle(ctx) {
          if (ctx.step === "name") {
            ctx.next("age", { name: ctx.event.type === "text" ? ctx.event.text : "" });
            return survey.ask(ctx, "age");
          }
          ctx.end();
          ctx.reply(say({ raw: `Thanks ${ctx.draft.name ?? ""}` }));
        },
      });
      router.command("survey", (ctx) => ctx.enter(survey, "name", {}));
      router.flow(survey);
    });
    await h.send("/survey");
    expect(texts(await h.send("Lan"))).toEqual(["Your age?"]);
    expect(h.store.dialogs.size).toBe(1);
    expect(texts(await h.send("30"))).toEqual(["Thanks Lan"]);
    await h.send("/survey");
    expect(texts(await h.send("/cancel"))[0]).toBe(
      "Đã hủy thao tác đang làm. Dữ liệu bạn vừa nhập không được lưu.",
    );
    expect(h.store.dialogs.size).toBe(0);
  });

  it("another command typed in the middle of a flow leaves the flow first; /help keeps it", async () => {
    const h = await createEngineHarness((router) => {
      const ask: Flow<Record<string, never>> = defineFlow({
        id: "ask",
        version: 1,
        draft: z.object({}),
        ask: (ctx) =>
          ctx.reply(say({ raw: "Which commune?" }, [[{ label: { raw: "Bình Sơn" }, payload: "ask:bs" }]])),
        handle: (ctx) => ask.ask(ctx, "commune"),
        cancelled: () => ({ raw: "Left the question." }),
      });
      router.command("ask", (ctx) => ctx.enter(ask, "commune", {}));
      router.command("other", (ctx) => ctx.reply(say({ raw: "Other things." })));
      router.flow(ask);
    });
    await h.send("/ask");
    await h.send("/help");
    expect(h.store.dialogs.size).toBe(1);
    expect(texts(await h.send("/other"))).toEqual(["Left the question.", "Other things."]);
    expect(h.store.dialogs.size).toBe(0);
    // "/huy" is /cancel's Vietnamese name.
    await h.send("/ask");
    expect(texts(await h.send("/huy"))[0]).toBe(
      "Đã hủy thao tác đang làm. Dữ liệu bạn vừa nhập không được lưu.",
    );
    expect(h.store.dialogs.size).toBe(0);
  });

  it("a handler that throws gets the person an apology and leaves their state untouched", async () => {
    const h = await createEngineHarness((router) => {
      const half = defineFlow({
        id: "half",
        version: 1,
        draft: z.object({}),
        ask: (ctx) => ctx.reply(say(t("menu.prompt"))),
        handle: () => {},
      });
      router.command("boom", async (ctx) => {
        await ctx.enter(half, "done", {});
        throw new Error("bug");
      });
    });
    const answer = await h.send("/boom");
    expect(texts(answer)).toEqual([
      "Xin lỗi, hệ thống vừa gặp sự cố khi xử lý tin nhắn của bạn. Bạn vui lòng thử lại sau ít phút, hoặc gõ /menu để bắt đầu lại.",
    ]);
    expect(h.store.dialogs.size).toBe(0);
  });

  it("an unknown command is named back and the menu offered", async () => {
    const h = await createEngineHarness();
    const answer = await h.send("/frobnicate");
    expect(texts(answer)[0]).toBe("Không có lệnh /frobnicate. Gõ /help để xem các lệnh dùng được.");
    expect(answer.at(-1)?.kind === "text" && answer.at(-1)).toMatchObject({ buttons: expect.any(Array) });
  });

  it("media are stored once and referenced by id, never inlined in the outbox", async () => {
    const h = await createEngineHarness((router) => {
      router.command("pic", (ctx) => {
        ctx.reply({ type: "image", data: Buffer.from("png"), filename: "qr.png", contentType: "image/png" });
      });
    });
    const [msg] = await h.send("/pic");
    expect(msg).toMatchObject({ kind: "image", filename: "qr.png" });
    expect(msg?.kind === "image" && h.media.files.has(msg.mediaId)).toBe(true);
  });
});
