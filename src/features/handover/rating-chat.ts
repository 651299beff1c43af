import { z } from "zod";
import { defineFlow, flowAction, typedText } from "../../core/flow";
import { maskPhonesIn } from "../../core/mask-phones";
import { namespace, say } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { readYesNo } from "../../core/understanding/yes-no";
import type { HandoverService } from "./handover-service";
import { readRating, readsNoComment } from "./rating-words";
import type { TicketRecord } from "./ticket-store";

const handoverText = namespace("handover");
const MAX_COMMENT_CHARS = 500;
/** How long after closing a typed "tốt", "ko" or 👍 still rates the ticket. */
const RATE_WINDOW_MS = 24 * 60 * 60_000;

/**
 * The 👍/👎 after a ticket closes and the optional comment after it. Registered by the handover feature;
 * `rateTyped` is called from its fallback for words typed after a ticket closed.
 */
export function registerRating(
  router: Router,
  deps: { service: HandoverService; showMenu: (ctx: TurnContext) => void },
): void {
  const { service } = deps;

  const commentFlow = defineFlow({
    id: "handover-comment",
    version: 1,
    draft: z.object({ ticketId: z.string() }),
    // "thôi", "hủy" here mean "no comment" (the rating is kept already): read by the flow, not a cancel.
    readsLeaveWords: true,
    ask: (ctx) => askComment(ctx),
    async handle(ctx) {
      const text = typedText(ctx);
      if (
        flowAction(ctx, commentFlow)?.action === "skip" ||
        (!text && ctx.event.type === "button") ||
        (text && readsNoComment(text))
      ) {
        ctx.end();
        return ctx.reply(say(handoverText("citizen.thanks")));
      }
      // "có" to "Bạn có muốn góp ý thêm không?" is not the comment: it comes next.
      if (!text || readYesNo(text) === "yes") return askComment(ctx);
      await service.store.rate(ctx.draft.ticketId, null, maskPhonesIn(text).slice(0, MAX_COMMENT_CHARS));
      ctx.end();
      ctx.reply(say(handoverText("citizen.thanks")));
    },
    navigation: () => ({ back: false, cancel: false }),
    afterLeave: (ctx) => deps.showMenu(ctx),
  });

  function askComment(ctx: TurnContext): void {
    ctx.reply(
      say(handoverText("citizen.askComment"), [
        [{ label: handoverText("citizen.skipComment"), payload: "handover-comment:skip" }],
      ]),
    );
  }

  router.flow(commentFlow).action("handover:rate:", async (ctx) => {
    const [, , vote, ticketId = ""] = buttonPayload(ctx).split(":");
    const ticket = await service.store.get(ticketId);
    // Someone else's ticket (a forged button) or one still open: nothing to rate.
    if (!ticket || ticket.contactId !== ctx.contact.id || ticket.status !== "closed")
      return deps.showMenu(ctx);
    await service.store.rate(ticketId, vote === "up" ? "up" : "down", null);
    return ctx.enter(commentFlow, "comment", { ticketId });
  });
}

/**
 * Words typed after the person's latest ticket closed, read as its rating: "tốt", "hai long", "ko", 👍. The
 * rating question may have come outside a turn (an officer closed it), so its buttons are not the ones a
 * typed answer is read against; and "tốt" or "te" is no button's label either. False when it is no rating
 * (not recent, rated already, or other words): the turn goes on to the other features.
 */
export async function rateTyped(ctx: TurnContext, ticket: TicketRecord, text: string): Promise<boolean> {
  const recent = ticket.closedAt && ctx.now.getTime() - ticket.closedAt.getTime() < RATE_WINDOW_MS;
  if (!recent || ticket.rating) return false;
  const vote = readRating(text);
  if (!vote) return false;
  await ctx.redirect({ type: "button", payload: `handover:rate:${vote}:${ticket.id}` });
  return true;
}
