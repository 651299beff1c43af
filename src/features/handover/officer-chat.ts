import { z } from "zod";
import { defineFlow, type Flow, flowAction, typedText } from "../../core/flow";
import { type Button, chunkRows, namespace, say, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import type { ChatAuditAction } from "../checkin/audit-actions";
import type { OfficerRecord } from "../officers/officer-store";
import type { HandoverChatDeps } from "./handover-feature";
import { actorOf, MAX_ANSWER_CHARS, type Refusal } from "./handover-service";
import { ref } from "./ticket-messenger";
import type { TicketRecord } from "./ticket-store";

const handoverText = namespace("handover");
const READY_PER_PAGE = 8;

const replyDraft = z.object({ ticketId: z.string(), page: z.number().int().min(0) });
type ReplyDraft = z.infer<typeof replyDraft>;

/**
 * The officer's side in their own chat: Take / Answer / Pass on under each notification, and the answer
 * flow (type the reply, or pick a ready answer from the FAQ). Every action checks again that the person is an
 * active officer who may see the ticket: a payload typed or forged by anyone else changes nothing.
 */
export function registerOfficerSide(router: Router, deps: HandoverChatDeps): void {
  const { service } = deps;
  const actor = (ctx: TurnContext, officer: OfficerRecord) => actorOf(officer, ctx.contact.displayName);

  const refuse = async (ctx: TurnContext, refusal: Refusal | "nobody", ticket?: TicketRecord) => {
    if (refusal === "taken" && ticket) {
      const by = await service.assigneeSignature(ticket);
      return ctx.reply(
        say(handoverText("refused.taken", { ref: ref(ticket), by }), [
          [{ label: handoverText("officer.takeOver"), payload: `handover:takeover:${ticket.id}` }],
        ]),
      );
    }
    ctx.reply(say(handoverText(`refused.${refusal}`, { max: MAX_ANSWER_CHARS })));
  };

  const replyFlow: Flow<ReplyDraft> = defineFlow({
    id: "handover-reply",
    version: 1,
    // An officer's answer to a citizen is the officer's words, whatever they are.
    readsPersonRequests: true,
    draft: replyDraft,
    async ask(ctx, step) {
      const ticket = await service.store.get(ctx.draft.ticketId);
      if (!ticket) return ctx.reply(say(handoverText("refused.not-found")));
      if (step === "ready") {
        const ids = deps.readyAnswers.ids();
        const pages = Math.max(1, Math.ceil(ids.length / READY_PER_PAGE));
        const page = Math.min(ctx.draft.page, pages - 1);
        const rows: Button[][] = ids.slice(page * READY_PER_PAGE, (page + 1) * READY_PER_PAGE).map((id) => [
          {
            label: { raw: deps.readyAnswers.title(id, ctx.lang) ?? id },
            payload: `handover-reply:faq:${id}`,
          },
        ]);
        const nav: Button[] = [];
        if (page > 0) nav.push({ label: t("common.previous"), payload: `handover-reply:ready:${page - 1}` });
        if (page < pages - 1)
          nav.push({ label: t("common.next"), payload: `handover-reply:ready:${page + 1}` });
        if (nav.length) rows.push(...chunkRows(nav));
        return ctx.reply(say(handoverText("officer.pickReady", { ref: ref(ticket) }), rows));
      }
      ctx.reply(
        say(
          handoverText("officer.typeAnswer", {
            ref: ref(ticket),
            question: { raw: ticket.question },
            max: MAX_ANSWER_CHARS,
          }),
          [[{ label: handoverText("officer.readyAnswers"), payload: "handover-reply:ready:0" }]],
        ),
      );
    },
    async handle(ctx) {
      const officer = await deps.requireOfficer(ctx, "handover-answer");
      if (!officer) return ctx.end();
      const action = flowAction(ctx, replyFlow);
      if (action?.action === "ready") {
        ctx.next("ready", { ...ctx.draft, page: Number(action.arg) || 0 });
        return replyFlow.ask(ctx, "ready");
      }
      let text = typedText(ctx);
      if (action?.action === "faq") {
        const ticket = await service.store.get(ctx.draft.ticketId);
        if (ticket) text = deps.readyAnswers.answer(action.arg, ticket.language) ?? "";
      }
      // A sticker, a photo or an empty message: the question again, nothing sent.
      if (!text) {
        if (ctx.event.type === "text") ctx.reply(say(handoverText("refused.empty")));
        ctx.goto("text");
        return replyFlow.ask(ctx, "text");
      }
      const result = await service.answer(
        ctx.draft.ticketId,
        officer,
        actor(ctx, officer),
        text,
        ctx.now,
        ctx.turnKey,
      );
      if (result === "too-long") {
        ctx.reply(say(handoverText("refused.too-long", { max: MAX_ANSWER_CHARS, length: text.length })));
        ctx.goto("text");
        return replyFlow.ask(ctx, "text");
      }
      ctx.end();
      if (typeof result === "string") {
        const ticket = await service.store.get(ctx.draft.ticketId);
        return refuse(ctx, result, ticket ?? undefined);
      }
      ctx.reply(say(handoverText("officer.sent", { ref: ref(result) })));
    },
    navigation: (step) => ({ back: step === "ready", cancel: true }),
    cancelled: () => handoverText("officer.answerCancelled"),
  });

  /** The ticket of an officer's button, checked: the officer exists and may see it. */
  const ticketFor = async (ctx: TurnContext, prefix: string, what: ChatAuditAction) => {
    const officer = await deps.requireOfficer(ctx, what);
    if (!officer) return undefined;
    const ticket = await service.visible(buttonPayload(ctx).slice(prefix.length), officer);
    if (typeof ticket === "string") {
      await refuse(ctx, ticket);
      return undefined;
    }
    return { officer, ticket };
  };

  const take = async (ctx: TurnContext, prefix: string, takeOver: boolean) => {
    const found = await ticketFor(ctx, prefix, "handover-take");
    if (!found) return;
    const result = await service.take(found.ticket.id, found.officer, actor(ctx, found.officer), {
      takeOver,
      turnKey: ctx.turnKey,
    });
    if (typeof result === "string") return refuse(ctx, result, found.ticket);
    ctx.reply(
      say(handoverText("officer.taken", { ref: ref(result) }), [
        [
          { label: handoverText("officer.answer"), payload: `handover:answer:${result.id}` },
          { label: handoverText("officer.pass"), payload: `handover:pass:${result.id}` },
        ],
      ]),
    );
  };

  router
    .flow(replyFlow)
    .action("handover:take:", (ctx) => take(ctx, "handover:take:", false))
    .action("handover:takeover:", (ctx) => take(ctx, "handover:takeover:", true))
    .action("handover:answer:", async (ctx) => {
      const found = await ticketFor(ctx, "handover:answer:", "handover-answer");
      if (!found) return;
      const { ticket, officer } = found;
      if (ticket.status === "closed") return refuse(ctx, "closed");
      if (ticket.assigneeId && ticket.assigneeId !== officer.id) return refuse(ctx, "taken", ticket);
      if (!ticket.assigneeId) {
        const taken = await service.take(ticket.id, officer, actor(ctx, officer), { turnKey: ctx.turnKey });
        if (typeof taken === "string") return refuse(ctx, taken, ticket);
      }
      return ctx.enter(replyFlow, "text", { ticketId: ticket.id, page: 0 });
    })
    .action("handover:pass:", async (ctx) => {
      const found = await ticketFor(ctx, "handover:pass:", "handover-pass");
      if (!found) return;
      const result = await service.passOn(
        found.ticket.id,
        found.officer,
        actor(ctx, found.officer),
        ctx.now,
        ctx.turnKey,
      );
      if (typeof result === "string") return refuse(ctx, result, found.ticket);
      ctx.reply(say(handoverText("officer.passDone", { ref: ref(result) })));
    });
}
