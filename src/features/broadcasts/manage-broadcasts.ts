import { z } from "zod";
import { defineFlow, type Flow, type FlowContext, typedText } from "../../core/flow";
import { namespace, type Outbound, say, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import type { OfficerRecord } from "../officers/officer-store";
import type { RequireOfficer } from "../officers/officers-feature";
import { broadcastTextSchema } from "./audience";
import { type BroadcastService, broadcastRef } from "./broadcast-service";
import type { BroadcastRecord } from "./broadcast-store";
import { formatLocal, parseSendTime } from "./send-time";

const broadcastText = namespace("broadcasts", "manage.");

/** Broadcasts listed under `/broadcast` at once (three buttons each keep a phone screen readable). */
const LISTED = 5;

const editDraft = z.object({ id: z.string() });
type EditDraft = z.infer<typeof editDraft>;

/** Who may change a broadcast: its author (from chat or the dashboard), or any admin. */
function mayManage(officer: OfficerRecord, ctx: TurnContext, broadcast: BroadcastRecord): boolean {
  return (
    officer.role === "admin" ||
    broadcast.createdBy === ctx.contact.id ||
    broadcast.createdBy === `dashboard:${officer.id}`
  );
}

/**
 * Control over broadcasts from the chat: the officer's scheduled and sending ones, each with cancel,
 * new time and new text (the two last only before it starts). A cancel mid-send reports what went.
 */
export function registerBroadcastManagement(
  router: Router,
  deps: { service: BroadcastService; requireOfficer: RequireOfficer; onChanged: () => void },
): { openList: (ctx: TurnContext, officer: OfficerRecord) => Promise<Outbound | undefined> } {
  const { service } = deps;

  const visible = async (ctx: TurnContext, officer: OfficerRecord) =>
    (await service.listOpen({ limit: 200 })).filter((x) => mayManage(officer, ctx, x));

  /** The broadcast a button or step names, if this officer may manage it; else replies and undefined. */
  const target = async (ctx: TurnContext, id: string) => {
    const officer = await deps.requireOfficer(ctx, "broadcast");
    if (!officer) return undefined;
    const found = await service.get(id);
    if (!found || !mayManage(officer, ctx, found)) {
      ctx.reply(say(broadcastText("notFound")));
      return undefined;
    }
    return found;
  };

  const openList = async (ctx: TurnContext, officer: OfficerRecord): Promise<Outbound | undefined> => {
    const open = await visible(ctx, officer);
    if (open.length === 0) return undefined;
    const shown = open.slice(0, LISTED);
    return say(
      {
        lines: [
          broadcastText("list", { count: open.length }),
          ...shown.map((x) =>
            broadcastText(x.status === "sending" ? "lineSending" : "lineScheduled", {
              ref: broadcastRef(x),
              time: formatLocal(x.sendAt),
            }),
          ),
        ],
      },
      [
        ...shown.map((x) => {
          const id = x.id.slice(0, 6);
          return [
            { label: broadcastText("cancel", { id }), payload: `broadcasts:cancel:${x.id}` },
            ...(x.status === "scheduled"
              ? [
                  { label: broadcastText("move", { id }), payload: `broadcasts:move:${x.id}` },
                  { label: broadcastText("edit", { id }), payload: `broadcasts:edit:${x.id}` },
                ]
              : []),
          ];
        }),
        [{ label: broadcastText("new"), payload: "broadcasts:new" }],
      ],
    );
  };

  const edit: Flow<EditDraft> = defineFlow<EditDraft>({
    id: "bcedit",
    version: 1,
    draft: editDraft,
    navigation: () => ({ back: false, cancel: true }),
    cancelled: () => broadcastText("kept"),
    async ask(ctx, step) {
      const found = await service.get(ctx.draft.id);
      const ref = found ? broadcastRef(found) : "";
      ctx.reply(say(broadcastText(step === "text" ? "askText" : "askTime", { ref })));
    },
    async handle(ctx) {
      const found = await target(ctx, ctx.draft.id);
      if (!found) return ctx.end();
      const typed = typedText(ctx);
      if (ctx.step === "text") {
        const text = broadcastTextSchema.safeParse(ctx.event.type === "text" ? ctx.event.text : "");
        if (!text.success) return ctx.reply(say(t(`broadcasts:compose.${typed ? "tooLong" : "askText"}`)));
        return apply(ctx, found, { text: text.data }, "edited");
      }
      const at = parseSendTime(typed, ctx.now);
      if (typeof at === "string") return ctx.reply(say(t(`broadcasts:compose.time.${at}`)));
      return apply(ctx, found, { sendAt: at }, "moved");
    },
  });
  router.flow(edit);

  async function apply(
    ctx: FlowContext<EditDraft>,
    found: BroadcastRecord,
    change: { text?: string; sendAt?: Date },
    done: "edited" | "moved",
  ) {
    ctx.end();
    const updated = await service.update(found.id, change, ctx.contact.id);
    if (!updated) return ctx.reply(say(broadcastText("tooLate", { ref: broadcastRef(found) })));
    deps.onChanged();
    ctx.reply(say(broadcastText(done, { ref: broadcastRef(updated), time: formatLocal(updated.sendAt) })));
  }

  const idOf = (ctx: TurnContext, prefix: string) => buttonPayload(ctx).slice(prefix.length);

  router
    .action("broadcasts:cancel:", async (ctx) => {
      const found = await target(ctx, idOf(ctx, "broadcasts:cancel:"));
      if (!found) return;
      ctx.reply(
        say(broadcastText("confirmCancel", { ref: broadcastRef(found) }), [
          [{ label: broadcastText("cancelYes"), payload: `broadcasts:stop:${found.id}`, answers: "yes" }],
        ]),
      );
    })
    .action("broadcasts:stop:", async (ctx) => {
      const found = await target(ctx, idOf(ctx, "broadcasts:stop:"));
      if (!found) return;
      const outcome = await service.stop(found.id, ctx.now, ctx.contact.id);
      if (typeof outcome === "string") return ctx.reply(say(broadcastText(outcome)));
      const ref = broadcastRef(found);
      const lines = [broadcastText("cancelled", { ref, sent: outcome.sent, stopped: outcome.stopped })];
      if (outcome.inFlight > 0) lines.push(broadcastText("inFlight", { count: outcome.inFlight }));
      ctx.reply(say({ lines }));
    })
    .action("broadcasts:move:", async (ctx) => {
      const found = await target(ctx, idOf(ctx, "broadcasts:move:"));
      if (found) await ctx.enter(edit, "time", { id: found.id });
    })
    .action("broadcasts:edit:", async (ctx) => {
      const found = await target(ctx, idOf(ctx, "broadcasts:edit:"));
      if (found) await ctx.enter(edit, "text", { id: found.id });
    });

  return { openList };
}
