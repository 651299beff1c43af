import { z } from "zod";
import { effectId } from "../../core/effect-id";
import { defineFlow, type Flow, type FlowContext, flowAction, typedText } from "../../core/flow";
import { type Button, namespace, say, type Text, t } from "../../core/messages";
import type { Router, TurnContext } from "../../core/router";
import { readIntent } from "../../core/understanding/intent";
import { readNavigation } from "../../core/understanding/navigation";
import { asksSomething } from "../../core/understanding/question";
import { readYesNo } from "../../core/understanding/yes-no";
import { formatVietnamTime } from "../../core/vietnam-time";
import { formatPhoneForDisplay, normaliseVietnamesePhone } from "../venues/phone";
import type { VenueStore } from "../venues/venue-store";
import { type CheckinService, SAME_VISIT_MS } from "./checkin-service";
import { HEALTH_QUESTIONS, needsAdvice } from "./health-questions";
import type { HealthAnswers } from "./visit-store";

export const CHECKIN_FLOW = "checkin";

/** The deep link a venue's page offers: `/start c_<code>` (Telegram `?start=c_…`, web chat `/?start=c_…`). */
export const CHECKIN_DEEP_LINK = "c_";

const checkinText = namespace("checkin");

const checkinDraftSchema = z.object({
  visitId: z.string(),
  venueName: z.string(),
  answers: z.partialRecord(z.enum(HEALTH_QUESTIONS), z.boolean()),
});
type CheckinDraft = z.infer<typeof checkinDraftSchema>;
type Ctx = FlowContext<CheckinDraft>;

const YES_NO: Button[][] = [
  [
    { label: t("common.yes"), payload: `${CHECKIN_FLOW}:yes`, answers: "yes" },
    { label: t("common.no"), payload: `${CHECKIN_FLOW}:no`, answers: "no" },
  ],
];

/**
 * Check-in by chat: the venue's deep link records the visit at once with the chat identity (so an exposure
 * alert can reach the person here), then asks the three health questions with buttons and, optionally, a
 * phone number. Leaving halfway keeps the visit; answers already given are kept only when all three are in.
 * A scan in the middle of another dialog (a registration halfway) interrupts it; it is given back after.
 */
export function registerCheckin(
  router: Router,
  deps: { service: CheckinService; venues: VenueStore; showMenu: (ctx: TurnContext) => void },
): void {
  const { service, venues } = deps;

  const flow: Flow<CheckinDraft> = defineFlow<CheckinDraft>({
    id: CHECKIN_FLOW,
    version: 1,
    draft: checkinDraftSchema,
    // Skipping is the way out of the phone question; the visit is already recorded, so "back" has no sense.
    navigation: () => ({ back: false, cancel: false }),
    readsLeaveWords: true,
    ask(ctx, step) {
      if (step === "phone") {
        return ctx.reply({
          type: "text",
          text: checkinText("chat.askPhone"),
          buttons: [[{ label: checkinText("chat.skip"), payload: `${CHECKIN_FLOW}:skip` }]],
          requestPhone: true,
        });
      }
      ctx.reply(ask(questionIndex(step)));
    },
    async handle(ctx) {
      // Questions left unanswered long ago: stop holding the person's messages (the FAQ gets them again).
      if (ctx.now.getTime() - (ctx.dialog?.updatedAt.getTime() ?? 0) > SAME_VISIT_MS) {
        ctx.end();
        return ctx.redirect(ctx.event);
      }
      if (ctx.step === "phone") return phoneStep(ctx);
      // "thôi", "hủy", "menu" at a health question: the visit stays, the questions are left.
      const typed = typedText(ctx);
      if (typed && readNavigation(typed)) return finish(ctx, checkinText("chat.questionsLeft"));
      const index = questionIndex(ctx.step);
      const question = HEALTH_QUESTIONS[index];
      const button = flowAction(ctx, flow)?.action;
      if (!question || (button !== "yes" && button !== "no")) {
        // "sốt nhẹ có tính không?", "tiem mui 3 o dau" typed here: told it was read as a question, not an
        // answer, and how to leave the questions to ask it, rather than only "tap Yes or No".
        const asks = typed !== "" && (asksSomething(typed) || readIntent(typed) !== null);
        return ctx.reply(say(checkinText(asks ? "chat.notAnAnswer" : "chat.pickYesNo")), ask(index));
      }
      const answers = { ...ctx.draft.answers, [question]: button === "yes" };
      if (index + 1 < HEALTH_QUESTIONS.length) {
        ctx.next(`q${index + 1}`, { ...ctx.draft, answers });
        return ctx.reply(ask(index + 1));
      }
      const complete = completeAnswers(answers);
      if (complete) {
        await service.complete(ctx.draft.visitId, { answers: complete });
        if (needsAdvice(complete)) ctx.reply(say(checkinText("advice.chat")));
      }
      ctx.next("phone", { ...ctx.draft, answers });
      await flow.ask(ctx, "phone");
    },
  });
  router.flow(flow);

  router.deepLink(CHECKIN_DEEP_LINK, async (ctx, rawCode) => {
    const code = rawCode.trim().toUpperCase();
    const venue = /^[2-9A-Z]{6,16}$/.test(code) ? await venues.findByCode(code) : null;
    if (!venue?.active) {
      ctx.reply(say(checkinText("chat.unknownVenue")));
      return deps.showMenu(ctx);
    }
    const { visit, repeat } = await service.checkIn({
      venueId: venue.id,
      source: ctx.inbound.channel,
      contactId: ctx.contact.id,
      now: ctx.now,
      id: effectId(ctx.turnKey, "visit"),
    });
    ctx.reply(
      say(
        checkinText(repeat ? "chat.repeat" : "chat.recorded", {
          venue: venue.name,
          time: formatVietnamTime(visit.visitedAt, ctx.lang),
        }),
      ),
    );
    await ctx.enter(
      flow,
      "q0",
      { visitId: visit.id, venueName: venue.name, answers: {} },
      { interrupt: true },
    );
  });

  async function phoneStep(ctx: Ctx): Promise<void> {
    if (flowAction(ctx, flow)?.action === "skip") return finish(ctx, checkinText("chat.thanks"));
    const typed =
      ctx.event.type === "contact" ? ctx.event.phone : ctx.event.type === "text" ? ctx.event.text : "";
    // "không", "thôi", "bỏ qua" typed: the same as the Skip button.
    if (ctx.event.type === "text" && (readYesNo(typed) === "no" || readNavigation(typed)))
      return finish(ctx, checkinText("chat.thanks"));
    // Words with hardly a digit ("tiem mui 3 o dau", "gặp cán bộ") are not a phone number but something else
    // the person wants: the visit is kept without a phone and the message is answered as if no question had
    // been pending, rather than holding the person at this optional step.
    if (ctx.event.type === "text" && !looksLikePhoneAttempt(typed) && readYesNo(typed) !== "yes") {
      ctx.end();
      ctx.reply(say(checkinText("chat.keptWithoutPhone")));
      return ctx.redirect(ctx.event);
    }
    const phone = normaliseVietnamesePhone(typed, { allowLandline: true });
    if (!phone.ok) {
      return ctx.reply({
        type: "text",
        text: { lines: [t(`venues:flow.phone.${phone.reason}`), checkinText("chat.phoneOrSkip")] },
        buttons: [[{ label: checkinText("chat.skip"), payload: `${CHECKIN_FLOW}:skip` }]],
      });
    }
    await service.complete(ctx.draft.visitId, { phone: phone.e164 });
    finish(ctx, checkinText("chat.thanksPhone", { phone: formatPhoneForDisplay(phone.e164) }));
  }

  /** Ends the check-in, giving back the dialog it interrupted (its own "unfinished" prompt resumes it). */
  function finish(ctx: Ctx, text: Text): void {
    ctx.end();
    ctx.reply(say(text));
    deps.showMenu(ctx);
  }
}

/** A number being typed, even a wrong one ("12345", "sdt 0905 12"): five digits or more, or no letters. */
function looksLikePhoneAttempt(text: string): boolean {
  const digits = text.match(/[0-9０-９]/g)?.length ?? 0;
  return digits >= 5 || !/\p{L}{2}/u.test(text);
}

/** `q0` → 0; anything else → the first question. */
function questionIndex(step: string): number {
  const index = Number(step.slice(1));
  return Number.isInteger(index) && index >= 0 && index < HEALTH_QUESTIONS.length ? index : 0;
}

function completeAnswers(answers: CheckinDraft["answers"]): HealthAnswers | undefined {
  const { symptoms, closeContact, travel } = answers;
  if (symptoms === undefined || closeContact === undefined || travel === undefined) return undefined;
  return { symptoms, closeContact, travel };
}

function ask(index: number) {
  const question = HEALTH_QUESTIONS[index] ?? HEALTH_QUESTIONS[0];
  return say(
    checkinText("chat.question", { n: index + 1, question: checkinText(`questions.${question}`) }),
    YES_NO,
  );
}
