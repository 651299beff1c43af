import { namespace, say } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import type { OfficerRecord } from "../officers/officer-store";
import type { RequireOfficer } from "../officers/officers-feature";
import type { District } from "../venues/district";
import type { BroadcastService } from "./broadcast-service";
import { createComposerFlow } from "./compose-broadcast-flow";
import type { RecurringRecord, RecurringReminders } from "./recurring";
import { describeRepeat } from "./repeat-steps";
import { formatLocal } from "./send-time";

const broadcastText = namespace("broadcasts");

/** Reminders listed in chat at once (each with its stop button). */
const LISTED = 10;

/**
 * `/broadcast` (officers): the composer flow, which also sets up recurring reminders. `/recurring` lists the
 * active ones (an officer's own; an admin's: all) with a button to stop each.
 */
export function registerBroadcasts(
  router: Router,
  deps: {
    service: BroadcastService;
    recurring: RecurringReminders;
    district: District;
    requireOfficer: RequireOfficer;
    showMenu: (ctx: TurnContext) => void;
    onCreated: () => void;
  },
): void {
  const composer = createComposerFlow(deps);
  router.flow(composer);
  router.command(["broadcast", "guitin"], async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "broadcast");
    if (!officer) return;
    await ctx.enter(composer, "text", { scope: officer.communes });
  });

  const visible = async (ctx: TurnContext, officer: OfficerRecord): Promise<RecurringRecord[]> =>
    (await deps.recurring.list()).filter(
      (r) => r.active && (officer.role === "admin" || r.createdBy === ctx.contact.id),
    );

  router
    .command(["recurring", "dinhky"], async (ctx) => {
      const officer = await deps.requireOfficer(ctx, "recurring");
      if (!officer) return;
      const active = await visible(ctx, officer);
      if (active.length === 0) return ctx.reply(say(broadcastText("repeat.none")));
      const shown = active.slice(0, LISTED);
      ctx.reply(
        say(
          {
            lines: [
              broadcastText("repeat.list", { count: active.length }),
              ...shown.map((r) =>
                broadcastText("repeat.line", {
                  id: r.id.slice(0, 6),
                  when: describeRepeat(r),
                  next: formatLocal(r.nextRunAt),
                  text: r.text.length > 60 ? `${r.text.slice(0, 60)}…` : r.text,
                }),
              ),
            ],
          },
          shown.map((r) => [
            {
              label: broadcastText("repeat.stop", { id: r.id.slice(0, 6) }),
              payload: `recurring:stop:${r.id}`,
            },
          ]),
        ),
      );
    })
    .action("recurring:stop:", async (ctx) => {
      const officer = await deps.requireOfficer(ctx, "recurring");
      if (!officer) return;
      const id = buttonPayload(ctx).slice("recurring:stop:".length);
      const reminder = (await visible(ctx, officer)).find((r) => r.id === id);
      if (!reminder || !(await deps.recurring.deactivate(id)))
        return ctx.reply(say(broadcastText("repeat.notFound")));
      ctx.reply(say(broadcastText("repeat.stopped", { id: id.slice(0, 6), when: describeRepeat(reminder) })));
    });
}
