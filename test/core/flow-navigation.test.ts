import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineFlow, type Flow, flowAction, typedText } from "../../src/core/flow";
import { say } from "../../src/core/messages";
import type { RenderedMessage } from "../../src/core/rendered-message";
import { createEngineHarness, texts } from "../helpers/engine-harness";

const draft = z.object({
  name: z.string().optional(),
  town: z.string().optional(),
  age: z.string().optional(),
});
type Draft = z.infer<typeof draft>;
const QUESTIONS: Record<string, string> = { name: "Your name?", town: "Your town?", age: "Your age?" };
const ORDER: readonly string[] = ["name", "town", "age"];

/** A three-question form written on the flow API: the engine supplies Back, Cancel and stored drafts. */
async function formHarness(version = 1) {
  return createEngineHarness((router, showMenu) => {
    const form: Flow<Draft> = defineFlow({
      id: "form",
      version,
      draft,
      ask(ctx, step) {
        const answer = ctx.draft[step as keyof Draft];
        ctx.reply(say({ raw: `${QUESTIONS[step] ?? "?"}${answer ? ` (now: ${answer})` : ""}` }));
      },
      async handle(ctx) {
        if (flowAction(ctx, form)) return form.ask(ctx, ctx.step);
        const index = ORDER.indexOf(ctx.step);
        const value = { ...ctx.draft, [ctx.step]: typedText(ctx) };
        const next = ORDER[index + 1];
        if (!next) {
          ctx.end();
          return ctx.reply(say({ raw: `Saved ${value.name}/${value.town}/${value.age}` }));
        }
        ctx.next(next, value);
        await form.ask(ctx, next);
      },
      afterLeave: showMenu,
      confirmCancelAfter: 2,
    });
    router.flow(form);
    router.command("form", (ctx) => ctx.enter(form, "name", {}));
  });
}

const buttons = (m: RenderedMessage[]) =>
  m.flatMap((x) => (x.kind === "text" ? (x.buttons ?? []).flat().map((b) => b.label) : []));

describe("flows on the engine's navigation", () => {
  it("offers Cancel on the first question and Back from the second, and Back returns with the answer shown", async () => {
    const h = await formHarness();
    const first = await h.send("/form");
    expect(texts(first)).toEqual(["Your name?"]);
    expect(buttons(first)).toEqual(["✖ Hủy"]);
    const second = await h.send("Lan");
    expect(buttons(second)).toEqual(["◀ Quay lại", "✖ Hủy"]);
    expect(texts(await h.send({ type: "button", payload: "form:nav:back" }))).toEqual([
      "Your name? (now: Lan)",
    ]);
    expect(texts(await h.send("Mai"))).toEqual(["Your town?"]);
    await h.send("Bình Sơn");
    expect(texts(await h.send("40"))).toEqual(["Saved Mai/Bình Sơn/40"]);
    expect(h.store.dialogs.size).toBe(0);
  });

  it("cancelling a short draft leaves at once; a longer one asks first, and 'no' goes on where it was", async () => {
    const h = await formHarness();
    await h.send("/form");
    const left = await h.send({ type: "button", payload: "form:nav:cancel" });
    expect(texts(left)[0]).toBe("Đã hủy. Thông tin đã nhập không được lưu.");
    expect(h.store.dialogs.size).toBe(0);

    await h.send("/form");
    await h.send("Lan");
    await h.send("Bình Sơn");
    // Two answers would be lost (this form asks from two on; the default is three): the engine asks first.
    const asked = await h.send({ type: "button", payload: "form:nav:cancel" });
    expect(texts(asked)).toEqual(["Bạn có chắc muốn hủy? Những thông tin đã nhập sẽ không được lưu."]);
    expect(texts(await h.send("2"))).toEqual(["Your age?"]);
    expect(texts(await h.send("40"))).toEqual(["Saved Lan/Bình Sơn/40"]);
  });

  it("a draft stored by another version of the code is dropped with a clear message, never cast", async () => {
    const old = await formHarness(1);
    await old.send("/form");
    await old.send("Lan");
    const next = await formHarness(2);
    for (const [k, v] of old.store.dialogs) next.store.dialogs.set(k, v);
    for (const [k, v] of old.store.contacts) next.store.contacts.set(k, v);
    const answer = await next.send("Bình Sơn");
    expect(texts(answer)[0]).toBe(
      "Hệ thống vừa được cập nhật nên phần bạn đang làm dở không còn dùng được. Bạn vui lòng bắt đầu lại.",
    );
    expect(next.store.dialogs.size).toBe(0);
  });
});
