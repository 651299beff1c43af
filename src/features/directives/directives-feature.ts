import { randomUUID } from "node:crypto";
import { z } from "zod";
import { commandNames } from "../../core/command-names";
import { defineFlow, type Flow, typedText } from "../../core/flow";
import { namespace, say, type Text, t } from "../../core/messages";
import type { Router, TurnContext } from "../../core/router";
import type { RequireOfficer } from "../officers/officers-feature";
import { type DirectiveRecord, type DirectiveStore, directiveSchema } from "./directive-store";

const DIRECTIVE_FLOW = "directive";
const STEPS = ["number", "issuedOn", "title", "summary", "link"] as const;
type Step = (typeof STEPS)[number];
const directivesText = namespace("directives");
/** The answers so far, each checked by the directive's own schema when it is given. */
const directiveDraftSchema = z.record(z.string(), z.union([z.string(), z.null()]));
type DirectiveDraft = z.infer<typeof directiveDraftSchema>;

/** "25/12/2021" → "2021-12-25"; anything else unchanged (the schema then names the problem). */
export function isoFromVietnameseDate(text: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}` : text.trim();
}

/** A directive as a chat text (number, date, title, summary, link). */
export function directiveText(x: DirectiveRecord): Text {
  const [y, m, day] = x.issuedOn.split("-");
  return directivesText("item", {
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
  const flow: Flow<DirectiveDraft> = defineFlow<DirectiveDraft>({
    id: DIRECTIVE_FLOW,
    version: 1,
    draft: directiveDraftSchema,
    ask(ctx, step) {
      ctx.reply(say(directivesText(`add.${stepOf(step)}`)));
    },
    cancelled: () => t("menu.cancelled"),
    afterLeave: (ctx) => deps.showMenu(ctx),
    async handle(ctx) {
      if (!(await deps.requireOfficer(ctx, "directive_add"))) return ctx.end();
      const step = stepOf(ctx.step);
      const raw = typedText(ctx);
      const value =
        step === "issuedOn" ? isoFromVietnameseDate(raw) : step === "link" && raw === "-" ? null : raw;
      const field = directiveSchema.shape[step].safeParse(value);
      if (!field.success || raw === "") {
        ctx.reply(say(directivesText(`invalid.${step}`)));
        return flow.ask(ctx, step);
      }
      const draft = { ...ctx.draft, [step]: field.data ?? null };
      const next = STEPS[STEPS.indexOf(step) + 1];
      if (next) {
        ctx.next(next, draft);
        return flow.ask(ctx, next);
      }
      const parsed = directiveSchema.safeParse(draft);
      if (!parsed.success) {
        ctx.goto("number", {});
        return flow.ask(ctx, "number");
      }
      const saved = await deps.store.add({ ...parsed.data, id: randomUUID(), createdBy: ctx.contact.id });
      ctx.end();
      ctx.reply(say(directivesText("added")), say(directiveText(saved)));
    },
  });
  router.flow(flow);

  router
    .command(commandNames("directives"), async (ctx) => {
      const latest = await deps.store.latest(5);
      if (latest.length === 0) return ctx.reply(say(directivesText("none")));
      ctx.reply(say({ lines: [directivesText("latest"), ...latest.map(directiveText)] }));
    })
    .command(commandNames("directiveAdd"), async (ctx) => {
      if (!(await deps.requireOfficer(ctx, "directive_add"))) return;
      await ctx.enter(flow, "number", {});
    });
}

function stepOf(step: string): Step {
  return STEPS.find((s) => s === step) ?? "number";
}
