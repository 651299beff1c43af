import { commandNames } from "../../core/command-names";
import { namespace, say } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { prepare } from "../../core/understanding/words";
import { createDoseFlow } from "./dose-flow";
import type { FollowUpService } from "./follow-up-service";

const followUpText = namespace("followups");

/** "Đã tiêm" as people type it: with or without marks, "tiêm rồi", "tiem xong". */
export function saysVaccinated(text: string): boolean {
  const { folded } = prepare(text);
  return (
    /^(toi |minh |em )?(da tiem( roi| xong)?|tiem roi|tiem xong( roi)?)( nhe| a| roi)?$/.test(folded) ||
    /^(i am |i m |im )?(vaccinated|got it|done)$/.test(folded)
  );
}

/** "Dừng" for reminders: only with its mark (folded it is also "đúng"), or "dừng nhắc", "đừng nhắc nữa". */
export function saysStopReminders(text: string): boolean {
  const { folded } = prepare(text);
  return (
    /^dừng( lại| nhắc)?$/i.test(text.trim()) ||
    /^(dung|thoi) nhac( nua)?( nhe)?$|^stop( reminders| reminding)?$/.test(folded)
  );
}

/**
 * Dose reminders in chat: `/nhactiem` and the menu entry start the flow; the reminder's buttons (and "đã
 * tiêm", "dừng" typed) end it. "Đã tiêm" is read whenever the person has a reminder; "dừng" only right
 * after a reminder (its choices are open), so it never takes the word from the news subscription otherwise.
 */
export function registerFollowUps(
  router: Router,
  deps: { service: FollowUpService; showMenu: (ctx: TurnContext) => void },
): void {
  const flow = createDoseFlow(deps);
  router.flow(flow);
  const start = (ctx: TurnContext) => ctx.enter(flow, "last", {});
  router.command(commandNames("dose"), start);
  router.action("doses:start", start);

  const end = async (ctx: TurnContext, status: "done" | "stopped", id?: string) => {
    await deps.service.end(ctx.contact.id, status, id);
    ctx.reply(say(followUpText(status === "done" ? "ended.done" : "ended.stopped")));
  };
  router.action("followup:done:", (ctx) =>
    end(ctx, "done", buttonPayload(ctx).slice("followup:done:".length)),
  );
  router.action("followup:stop:", (ctx) =>
    end(ctx, "stopped", buttonPayload(ctx).slice("followup:stop:".length)),
  );

  router.fallback(async (ctx, next) => {
    const text = ctx.event.type === "text" ? ctx.event.text : "";
    if (!text || ctx.dialog) return next();
    const afterReminder = ctx.contact.choices.some((c) => c.payload.startsWith("followup:"));
    if (saysVaccinated(text) && (afterReminder || (await deps.service.active(ctx.contact.id)).length > 0))
      return end(ctx, "done");
    if (afterReminder && saysStopReminders(text)) return end(ctx, "stopped");
    return next();
  });
}
