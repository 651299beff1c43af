import { type Button, say, type TextParam, t } from "../../core/messages";
import type { DialogRecord } from "../../core/ports";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { formatVietnamTime } from "../../core/vietnam-time";
import { formatPhoneForDisplay, normaliseVietnamesePhone } from "../venues/phone";
import type { VenueStore } from "../venues/venue-store";
import { type CheckinService, SAME_VISIT_MS } from "./checkin-service";
import { HEALTH_QUESTIONS, needsAdvice } from "./health-questions";
import type { HealthAnswers } from "./visit-store";

export const CHECKIN_FLOW = "checkin";

/** The deep link a venue's page offers: `/start c_<code>` (Telegram `?start=c_…`, web chat `/?start=c_…`). */
export const CHECKIN_DEEP_LINK = "c_";

const c = (key: string, params?: Record<string, TextParam>) => t(`checkin:${key}`, params);

interface CheckinDraft {
  visitId: string;
  venueName: string;
  answers: Partial<HealthAnswers>;
  /** A dialog the scan interrupted (e.g. a venue registration halfway): given back when check-in ends. */
  previous?: { flow: string; step: string; data: Record<string, unknown> } | undefined;
}

const YES_NO: Button[][] = [
  [
    { label: t("common.yes"), payload: `${CHECKIN_FLOW}:yes` },
    { label: t("common.no"), payload: `${CHECKIN_FLOW}:no` },
  ],
];

/**
 * Check-in by chat: the venue's deep link records the visit at once with the chat identity (so an exposure
 * alert can reach the person here), then asks the three health questions with buttons and, optionally, a
 * phone number. Leaving halfway keeps the visit; answers already given are kept only when all three are in.
 */
export function registerCheckin(
  router: Router,
  deps: { service: CheckinService; venues: VenueStore; showMenu: (ctx: TurnContext) => void },
): void {
  const { service, venues } = deps;

  router.deepLink(CHECKIN_DEEP_LINK, async (ctx, rawCode) => {
    const code = rawCode.trim().toUpperCase();
    const venue = /^[2-9A-Z]{6,16}$/.test(code) ? await venues.findByCode(code) : null;
    if (!venue?.active) {
      ctx.reply(say(c("chat.unknownVenue")));
      return deps.showMenu(ctx);
    }
    const { visit, repeat } = await service.checkIn({
      venueId: venue.id,
      source: ctx.inbound.channel,
      contactId: ctx.contact.id,
      now: ctx.now,
    });
    const current = ctx.dialog;
    const previous =
      current?.flow === CHECKIN_FLOW
        ? (current.data as unknown as CheckinDraft).previous
        : current
          ? { flow: current.flow, step: current.step, data: current.data }
          : undefined;
    const draft: CheckinDraft = { visitId: visit.id, venueName: venue.name, answers: {}, previous };
    ctx.enter(CHECKIN_FLOW, "q0", { ...draft });
    ctx.reply(
      say(
        c(repeat ? "chat.repeat" : "chat.recorded", {
          venue: venue.name,
          time: formatVietnamTime(visit.visitedAt, ctx.lang),
        }),
      ),
      ask(0),
    );
  });

  router.flow({
    id: CHECKIN_FLOW,
    async handle(ctx: TurnContext, dialog: DialogRecord) {
      const draft = dialog.data as unknown as CheckinDraft;
      // Questions left unanswered long ago: stop holding the person's messages (the FAQ gets them again).
      if (ctx.now.getTime() - dialog.updatedAt.getTime() > SAME_VISIT_MS) {
        leave(ctx, draft);
        return ctx.redirect(ctx.event);
      }
      if (dialog.step === "phone") return phoneStep(ctx, draft);
      const index = Number(dialog.step.slice(1));
      const question = HEALTH_QUESTIONS[index];
      const payload = buttonPayload(ctx);
      if (!question || (payload !== `${CHECKIN_FLOW}:yes` && payload !== `${CHECKIN_FLOW}:no`)) {
        return ctx.reply(say(c("chat.pickYesNo")), ask(Number.isInteger(index) ? index : 0));
      }
      const answers = { ...draft.answers, [question]: payload.endsWith(":yes") };
      if (index + 1 < HEALTH_QUESTIONS.length) {
        ctx.goto(`q${index + 1}`, { ...draft, answers });
        return ctx.reply(ask(index + 1));
      }
      const complete = answers as HealthAnswers;
      await service.complete(draft.visitId, { answers: complete });
      if (needsAdvice(complete)) ctx.reply(say(c("advice.chat")));
      ctx.goto("phone", { ...draft, answers });
      ctx.reply({
        type: "text",
        text: c("chat.askPhone"),
        buttons: [[{ label: c("chat.skip"), payload: `${CHECKIN_FLOW}:skip` }]],
        requestPhone: true,
      });
    },
  });

  async function phoneStep(ctx: TurnContext, draft: CheckinDraft): Promise<void> {
    if (buttonPayload(ctx) === `${CHECKIN_FLOW}:skip`) return finish(ctx, c("chat.thanks"));
    const typed =
      ctx.event.type === "contact" ? ctx.event.phone : ctx.event.type === "text" ? ctx.event.text : "";
    const phone = normaliseVietnamesePhone(typed, { allowLandline: true });
    if (!phone.ok) {
      return ctx.reply({
        type: "text",
        text: { lines: [t(`venues:flow.phone.${phone.reason}`), c("chat.phoneOrSkip")] },
        buttons: [[{ label: c("chat.skip"), payload: `${CHECKIN_FLOW}:skip` }]],
      });
    }
    await service.complete(draft.visitId, { phone: phone.e164 });
    finish(ctx, c("chat.thanksPhone", { phone: formatPhoneForDisplay(phone.e164) }));
  }

  function finish(ctx: TurnContext, text: ReturnType<typeof c>): void {
    leave(ctx, (ctx.dialog?.data ?? {}) as unknown as CheckinDraft);
    ctx.reply(say(text));
    deps.showMenu(ctx);
  }

  /** Ends the check-in dialog, giving back the one it interrupted (its own "unfinished" prompt resumes it). */
  function leave(ctx: TurnContext, draft: CheckinDraft): void {
    if (draft.previous) ctx.enter(draft.previous.flow, draft.previous.step, draft.previous.data);
    else ctx.endDialog();
  }
}

function ask(index: number) {
  const question = HEALTH_QUESTIONS[index] ?? HEALTH_QUESTIONS[0];
  return say(c("chat.question", { n: index + 1, question: c(`questions.${question}`) }), YES_NO);
}
