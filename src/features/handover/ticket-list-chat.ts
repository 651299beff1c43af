import { commandNames } from "../../core/command-names";
import { namespace, say } from "../../core/messages";
import type { Router } from "../../core/router";
import { formatVietnamTime } from "../../core/vietnam-time";
import { communeScope } from "../officers/officer-store";
import type { HandoverChatDeps } from "./handover-feature";
import { clip, ref } from "./ticket-messenger";

const handoverText = namespace("handover");
/** Tickets listed in one chat message: more is the dashboard's inbox (a chat list is read on a phone). */
const SHOWN = 10;
/** A question in the list is a reminder of which one it is; the whole of it comes with "Answer". */
const QUESTION_CHARS = 120;

/**
 * `/yeucau` (`/tickets`): the open tickets the officer may see (their communes; admins and district-wide
 * officers all), most recent first, each with a button to answer it. The guard audits the listing
 * (`chat.tickets`); answering goes through the officer side's own checks and audit.
 */
export function registerTicketList(
  router: Router,
  deps: Pick<HandoverChatDeps, "service" | "requireOfficer">,
): void {
  router.command(commandNames("tickets"), async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "tickets");
    if (!officer) return;
    const open = await deps.service.store.list({
      scope: communeScope(officer),
      status: "open",
      limit: SHOWN + 1,
    });
    if (open.length === 0) return ctx.reply(say(handoverText("officer.list.none")));
    const shown = open.slice(0, SHOWN);
    const lines = shown.map((ticket) =>
      handoverText(ticket.assigneeId ? "officer.list.lineTaken" : "officer.list.line", {
        ref: ref(ticket),
        commune: deps.service.communeName(ticket.communeCode) ?? handoverText("officer.noCommune"),
        time: formatVietnamTime(ticket.createdAt, ctx.lang),
        question: { raw: clip(ticket.question, QUESTION_CHARS) },
      }),
    );
    const more = open.length > SHOWN ? [handoverText("officer.list.more", { count: SHOWN })] : [];
    ctx.reply(
      say(
        { lines: [handoverText("officer.list.title", { count: shown.length }), ...lines, ...more] },
        shown.map((ticket) => [
          {
            label: handoverText("officer.list.answer", { ref: ref(ticket) }),
            payload: `handover:answer:${ticket.id}`,
          },
        ]),
      ),
    );
  });
}
