import { z } from "zod";
import { effectId } from "../../core/effect-id";
import { defineFlow, type Flow, type FlowContext, flowAction, typedText } from "../../core/flow";
import { type Button, namespace, say } from "../../core/messages";
import type { TurnContext } from "../../core/router";
import { addDays, instantOf, localDay } from "../../core/understanding/calendar";
import { readChoice } from "../../core/understanding/choice-reading";
import { readDate } from "../../core/understanding/date-reading";
import { readTime } from "../../core/understanding/time-reading";
import { readYesNo } from "../../core/understanding/yes-no";
import { intervalFor, VACCINES } from "./dose-intervals";
import { EARLY_DAYS, type FollowUpService, isoDay, shownDay } from "./follow-up-service";

export const DOSE_FLOW = "dose-reminder";

const followUpText = namespace("followups");

/** No Covid-19 vaccine was given in Vietnam before 2021: an older date is a typo. */
const NOT_BEFORE = instantOf(2021, 1, 1);

const draftSchema = z.object({
  lastDose: z.string().optional(),
  /** A vaccine id, or null for "don't know". */
  vaccine: z.string().nullable().optional(),
  due: z.string().optional(),
});
type Draft = z.infer<typeof draftSchema>;
type Ctx = FlowContext<Draft>;

const ALIASES: Record<string, string[]> = {
  astrazeneca: ["astra", "az", "astrazeneca", "astra zeneca"],
  pfizer: ["pfizer", "pfi", "phizer"],
  moderna: ["moderna", "mod"],
  verocell: ["vero", "verocell", "vero cell", "sinopharm"],
  sputnik: ["sputnik"],
  abdala: ["abdala"],
};

/** The vaccines with the words people type for them. */
const VACCINE_CHOICES = [
  ...VACCINES.map((v) => ({ label: v.label, id: v.id as string, aliases: ALIASES[v.id] ?? [] })),
  {
    label: "Không biết",
    id: "unknown",
    aliases: ["ko biet", "khong nho", "quen roi", "khong ro", "dont know"],
  },
];

/**
 * "Nhắc tôi tiêm mũi tiếp theo": the day of the last dose (typed as people type it: "15/8", "15 tháng 8
 * 2021", "hôm qua"; not in the future, not before 2021) → the vaccine (or "không biết") → the due day from
 * the configured interval table when it has an entry with a source, else the day the person names → confirm.
 */
export function createDoseFlow(deps: {
  service: FollowUpService;
  showMenu: (ctx: TurnContext) => void;
}): Flow<Draft> {
  const ask = async (ctx: Ctx, step: string): Promise<void> => {
    const d = ctx.draft;
    switch (step) {
      case "vaccine": {
        const buttons: Button[][] = VACCINE_CHOICES.map((v) => [
          {
            label: v.id === "unknown" ? followUpText("unknownVaccine") : { raw: v.label },
            payload: `${DOSE_FLOW}:vac:${v.id}`,
          },
        ]);
        return ctx.reply(say(followUpText("askVaccine"), buttons));
      }
      case "due":
        return ctx.reply(say(followUpText("askDue")));
      case "confirm": {
        const due = d.due ?? "";
        const [y, m, day] = due.split("-").map(Number);
        const early = addDays({ year: y ?? 0, month: m ?? 0, day: day ?? 0, weekday: 0 }, -EARLY_DAYS);
        const earlyAhead = instantOf(early.year, early.month, early.day, 8) > ctx.now;
        return ctx.reply(
          say(
            earlyAhead
              ? followUpText("confirmBoth", { early: shownDay(isoDay(early)), due: shownDay(due) })
              : followUpText("confirmDay", { due: shownDay(due) }),
            [[{ label: followUpText("agree"), payload: `${DOSE_FLOW}:ok`, answers: "yes" }]],
          ),
        );
      }
      default:
        return ctx.reply(say(followUpText("askLastDose")));
    }
  };
  const go = (ctx: Ctx, step: string, draft: Draft) => {
    ctx.next(step, draft);
    return ask(ctx, step);
  };

  /** After the vaccine: the due day from the table, or (no sourced interval) the person's own day. */
  const afterVaccine = async (ctx: Ctx, vaccine: string | null) => {
    const draft = { ...ctx.draft, vaccine };
    const interval = intervalFor(vaccine);
    if (interval && draft.lastDose) {
      const [y, m, d] = draft.lastDose.split("-").map(Number);
      const due = addDays({ year: y ?? 0, month: m ?? 0, day: d ?? 0, weekday: 0 }, interval.days);
      if (instantOf(due.year, due.month, due.day, 8) > ctx.now) {
        ctx.reply(say(followUpText("computed", { date: shownDay(isoDay(due)), source: interval.source })));
        return go(ctx, "confirm", { ...draft, due: isoDay(due) });
      }
      ctx.reply(say(followUpText("computedPast", { date: shownDay(isoDay(due)), source: interval.source })));
      return go(ctx, "due", draft);
    }
    // No interval confirmed with a source: say so, never guess.
    ctx.reply(say(followUpText("noInterval")));
    return go(ctx, "due", draft);
  };

  const flow: Flow<Draft> = defineFlow<Draft>({
    id: DOSE_FLOW,
    version: 1,
    draft: draftSchema,
    ask,
    cancelled: () => followUpText("cancelled"),
    afterLeave: (ctx) => deps.showMenu(ctx),
    async handle(ctx) {
      const button = flowAction(ctx, flow);
      const text = typedText(ctx);
      switch (ctx.step) {
        case "last": {
          const read = readDate(text, ctx.now, { notBefore: NOT_BEFORE });
          if (!read.ok) return ctx.reply(say(followUpText(`lastDose.${read.reason}`)));
          if (read.precision !== "day") return ctx.reply(say(followUpText("lastDose.needDay")));
          return go(ctx, "vaccine", { ...ctx.draft, lastDose: isoDay(localDay(read.date)) });
        }
        case "vaccine": {
          const id =
            button?.action === "vac"
              ? button.arg
              : (() => {
                  const r = readChoice(text, VACCINE_CHOICES);
                  return r.kind === "match" ? r.choice.id : undefined;
                })();
          // Asked again with its choices: on a channel without buttons the numbered list is the only way to
          // see which numbers to type, and the hint alone ("gõ số thứ tự") would point at nothing.
          if (!id || !VACCINE_CHOICES.some((v) => v.id === id)) {
            ctx.reply(say(followUpText("badVaccine")));
            return ask(ctx, "vaccine");
          }
          return afterVaccine(ctx, id === "unknown" ? null : id);
        }
        case "due": {
          const at = readTime(text, ctx.now);
          if (!at.ok)
            return ctx.reply(
              say(
                followUpText(
                  at.reason === "past"
                    ? "due.past"
                    : at.reason === "too-far"
                      ? "due.tooFar"
                      : "due.unreadable",
                ),
              ),
            );
          const day = localDay(at.at);
          if (isoDay(day) <= isoDay(localDay(ctx.now))) return ctx.reply(say(followUpText("due.past")));
          return go(ctx, "confirm", { ...ctx.draft, due: isoDay(day) });
        }
        case "confirm": {
          const reading = button?.action === "ok" ? "yes" : readYesNo(text);
          // "không" to "Đồng ý không?": not these days, so the day is asked again.
          if (reading === "no") return go(ctx, "due", ctx.draft);
          if (reading !== "yes") return ctx.unmatched();
          const [y, m, d] = (ctx.draft.due ?? "").split("-").map(Number);
          await deps.service.scheduleDose({
            contactId: ctx.contact.id,
            lastDose: ctx.draft.lastDose ?? "",
            vaccine: ctx.draft.vaccine ?? null,
            due: { year: y ?? 0, month: m ?? 0, day: d ?? 0, weekday: 0 },
            now: ctx.now,
            id: effectId(ctx.turnKey, "dose-reminder"),
          });
          ctx.end();
          return ctx.reply(say(followUpText("scheduled", { due: shownDay(ctx.draft.due ?? "") })));
        }
        default:
          ctx.goto("last");
          return ask(ctx, "last");
      }
    },
  });
  return flow;
}
