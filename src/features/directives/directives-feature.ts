import { randomUUID } from "node:crypto";
import { type Button, say, type Text, t } from "../../core/messages";
import type { Router, TurnContext } from "../../core/router";
import type { RequireOfficer } from "../officers/officers-feature";
import { type DirectiveRecord, type DirectiveStore, directiveSchema } from "./directive-store";

const DIRECTIVE_FLOW = "directive";
const STEPS = ["number", "issuedOn", "title", "summary", "link"] as const;
type Step = (typeof STEPS)[number];
const d = (key: string, params?: Record<string, string | number>) => t(`directives:${key}`, params);
const cancelRow: Button[] = [{ label: t("common.cancel"), payload: "directive:cancel" }];

/** "25/12/2021" → "2021-12-25"; anything else unchanged (the schema then names the problem). */
export function isoFromVietnameseDate(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}` : text.trim();
}

/** A directive as a chat text (number, date, title, summary, link). */
export function directiveText(x: DirectiveRecord): Text {
  const [y, m, day] = x.issuedOn.split("-");
  return d("item", {
    number: x.number,
    date: `${day}/${m}/${y}`,
    title: x.title,
    summary: x.summary,
    link: x.link ?? "—",
  });
}

/** `/directives` shows the latest to anyone; officers add one with `/directive_add`, step by step. */
export function registerDirectives(
  router: Router,
  deps: { store: DirectiveStore; requireOfficer: RequireOfficer; showMenu: (ctx: TurnContext) => void },
): void {
  const ask = (ctx: TurnContext, step: Step, data: Record<string, unknown>) => {
    ctx.goto(step, data);
    ctx.reply(say(d(`add.${step}`), [cancelRow]));
  };

  router
    .command(["directives", "vanban"], async (ctx) => {
      const latest = await deps.store.latest(5);
      if (latest.length === 0) return ctx.reply(say(d("none")));
      ctx.reply(say({ lines: [d("latest"), ...latest.map(directiveText)] }));
    })
    .command(["directive_add", "themvanban"], async (ctx) => {
      if (!(await deps.requireOfficer(ctx, "directive_add"))) return;
      ctx.enter(DIRECTIVE_FLOW, "number", {});
      ctx.reply(say(d("add.number"), [cancelRow]));
    })
    .flow({
      id: DIRECTIVE_FLOW,
      async handle(ctx, dialog) {
        if (ctx.event.type === "button" && ctx.event.payload === "directive:cancel") {
          ctx.endDialog();
          ctx.reply(say(t("menu.cancelled")));
          return deps.showMenu(ctx);
        }
        if (!(await deps.requireOfficer(ctx, "directive_add"))) return ctx.endDialog();
        const step = STEPS.find((s) => s === dialog.step) ?? "number";
        const raw = ctx.event.type === "text" ? ctx.event.text.trim() : "";
        const value =
          step === "issuedOn" ? isoFromVietnameseDate(raw) : step === "link" && raw === "-" ? null : raw;
        const field = directiveSchema.shape[step].safeParse(value);
        if (!field.success || raw === "") {
          ctx.reply(say(d(`invalid.${step}`)));
          return ask(ctx, step, dialog.data);
        }
        const data = { ...dialog.data, [step]: field.data };
        const next = STEPS[STEPS.indexOf(step) + 1];
        if (next) return ask(ctx, next, data);
        const parsed = directiveSchema.safeParse(data);
        if (!parsed.success) return ask(ctx, "number", {});
        const saved = await deps.store.add({ ...parsed.data, id: randomUUID(), createdBy: ctx.contact.id });
        ctx.endDialog();
        ctx.reply(say(d("added")), say(directiveText(saved)));
      },
    });
}
