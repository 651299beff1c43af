import { effectId } from "../../core/effect-id";
import { namespace, say, t } from "../../core/messages";
import type { TurnContext } from "../../core/router";
import type { FaqQuestionHook } from "../faq/faq-feature";
import type { OfficerService } from "../officers/officer-service";
import type { TicketStore } from "./ticket-store";
import { anyoneToAnswer } from "./who-answers";

const handoverText = namespace("handover");
const faqText = namespace("faq");
/** Unanswered questions this close together are "in a row"; older ones are another conversation. */
export const MISS_WINDOW_MS = 30 * 60_000;

/** What the hook needs: where misses are kept, and who the officers are (both ports, faked in tests). */
export interface QuestionHookDeps {
  store: Pick<TicketStore, "recordMiss" | "missesSince" | "clearMisses">;
  officers: Pick<OfficerService, "list">;
}

/**
 * The FAQ's hook (src/features/faq/faq-feature.ts): each question it cannot answer is kept for the person for
 * a while; the second in a row, or "none of these" after a did-you-mean, offers an officer. With no officer
 * at all (none invited yet, or all revoked) nobody would ever read a ticket: the person is told where to ask
 * instead (the commune health station, the hotline) with the FAQ's contact topics one tap away.
 */
export function handoverQuestionHook(deps: QuestionHookDeps): FaqQuestionHook {
  const offer = async (ctx: TurnContext) => {
    if (!(await anyoneToAnswer(deps.officers, null, true))) {
      ctx.reply(
        say(t("intents.human"), [[{ label: faqText("groups.contact"), payload: "faq:group:contact" }]]),
      );
      return;
    }
    ctx.reply(
      say(handoverText("citizen.offer"), [
        [
          { label: handoverText("citizen.offerYes"), payload: "handover:offer", answers: "yes" },
          { label: handoverText("citizen.offerNo"), payload: "menu:main", answers: "no" },
        ],
      ]),
    );
  };
  return {
    async unanswered(ctx, question) {
      await deps.store.recordMiss(ctx.contact.id, question, ctx.now, effectId(ctx.turnKey, "miss"));
      const misses = await deps.store.missesSince(
        ctx.contact.id,
        new Date(ctx.now.getTime() - MISS_WINDOW_MS),
      );
      if (misses.length < 2) return false;
      await offer(ctx);
      return true;
    },
    answered: (ctx) => deps.store.clearMisses(ctx.contact.id),
    async noneOfThese(ctx) {
      await offer(ctx);
      return true;
    },
  };
}
