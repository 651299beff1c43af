import { commandNames } from "../../core/command-names";
import { namespace, say } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { shorten } from "../../core/shorten";
import type { OfficerRecord } from "../officers/officer-store";
import type { RequireOfficer } from "../officers/officers-feature";
import type { District } from "../venues/district";
import type { BroadcastService } from "./broadcast-service";
import { createComposerFlow } from "./compose-broadcast-flow";
import { registerBroadcastManagement } from "./manage-broadcasts";
import type { RecurringRecord, RecurringReminders } from "./recurring";
import { describeRepeat } from "./repeat-steps";
import { formatLocal } from "./send-time";

const broadcastText = namespace("broadcasts");

/** Reminders listed in chat at once (each with its stop button). */
const LISTED = 10;

/**
 * `/broadcast` (officers): the officer's broadcasts still to go (cancel, new time, new text), then the
 * composer flow, which also sets up recurring reminders. `/recurring` lists the active ones (an officer's
 * own; an admin's: all) with buttons to pause, resume and stop each.
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
  const manage = registerBroadcastManagement(router, { ...deps, onChanged: deps.onCreated });
  // With broadcasts still to go, /broadcast shows them (cancel, new time, new text) and a "new" button.
  router.command(commandNames("broadcast"), async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "broadcast");
    if (!officer) return;
    const open = await manage.openList(ctx, officer);
    if (open) return ctx.reply(open);
    await ctx.enter(composer, "text", { scope: officer.communes });
  });
  router.action("broadcasts:new", async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "broadcast");
    if (officer) await ctx.enter(composer, "text", { scope: officer.communes });
  });

  const visible = async (ctx: TurnContext, officer: OfficerRecord): Promise<RecurringRecord[]> =>
    (await deps.recurring.list()).filter(
      (r) => r.active && (officer.role === "admin" || r.createdBy === ctx.contact.id),
    );

  router
    .command(commandNames("recurring"), async (ctx) => {
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
                broadcastText(r.pausedAt ? "repeat.linePaused" : "repeat.line", {
                  id: r.id.slice(0, 6),
                  when: describeRepeat(r),
                  next: formatLocal(r.nextRunAt),
                  text: shorten(r.text, 60),
                }),
              ),
            ],
          },
          shown.map((r) => {
            const id = r.id.slice(0, 6);
            return [
              r.pausedAt
                ? { label: broadcastText("repeat.resume", { id }), payload: `recurring:resume:${r.id}` }
                : { label: broadcastText("repeat.pause", { id }), payload: `recurring:pause:${r.id}` },
              { label: broadcastText("repeat.stop", { id }), payload: `recurring:stop:${r.id}` },
            ];
          }),
        ),
      );
    })
    .action("recurring:stop:", async (ctx) => {
      const officer = await deps.requireOfficer(ctx, "recurring");
      if (!officer) return;
      const id = buttonPayload(ctx).slice("recurring:stop:".length);
      const reminder = (await visible(ctx, officer)).find((r) => r.id === id);
      if (!reminder || !(await deps.recurring.deactivate(id, ctx.contact.id)))
        return ctx.reply(say(broadcastText("repeat.notFound")));
      ctx.reply(say(broadcastText("repeat.stopped", { id: id.slice(0, 6), when: describeRepeat(reminder) })));
    })
    .action("recurring:pause:", async (ctx) => {
      const officer = await deps.requireOfficer(ctx, "recurring");
      if (!officer) return;
      const id = buttonPayload(ctx).slice("recurring:pause:".length);
      const reminder = (await visible(ctx, officer)).find((r) => r.id === id);
      if (!reminder || !(await deps.recurring.pause(id, ctx.now, ctx.contact.id)))
        return ctx.reply(say(broadcastText("repeat.notFound")));
      ctx.reply(say(broadcastText("repeat.paused", { id: id.slice(0, 6), when: describeRepeat(reminder) })));
    })
    .action("recurring:resume:", async (ctx) => {
      const officer = await deps.requireOfficer(ctx, "recurring");
      if (!officer) return;
      const id = buttonPayload(ctx).slice("recurring:resume:".length);
      const reminder = (await visible(ctx, officer)).find((r) => r.id === id);
      if (!reminder || !(await deps.recurring.resume(id, ctx.now, ctx.contact.id)))
        return ctx.reply(say(broadcastText("repeat.notFound")));
      const resumed = (await deps.recurring.list()).find((r) => r.id === id);
      ctx.reply(
        say(
          broadcastText("repeat.resumed", {
            id: id.slice(0, 6),
            when: describeRepeat(reminder),
            next: resumed ? formatLocal(resumed.nextRunAt) : "",
          }),
        ),
      );
    });
}
