import { z } from "zod";
import { commandNames } from "../../core/command-names";
import { defineFlow, type Flow, flowAction } from "../../core/flow";
import { namespace, type Outbound, say } from "../../core/messages";
import type { Router, TurnContext } from "../../core/router";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { OfficerRecord } from "../officers/officer-store";
import type { RequireOfficer } from "../officers/officers-feature";
import { formatPhoneForDisplay } from "../venues/phone";
import type { VenueRecord, VenueStore } from "../venues/venue-store";
import { createVenuePick } from "./trace-venue-pick";
import { MAX_WINDOW_DAYS, type TracingService } from "./tracing-service";
import type { VisitRecord } from "./visit-store";

const TRACE_FLOW = "trace";
const traceDraftSchema = z.object({
  venueId: z.string(),
  venueName: z.string(),
  count: z.number().int(),
  from: z.string(),
  to: z.string(),
  officerId: z.string(),
});
type TraceDraft = z.infer<typeof traceDraftSchema>;
/** Chat messages stay readable: the full list is in the API (`GET /api/v1/venues/:id/visits`). */
const MAX_LINES = 30;
const traceText = namespace("checkin", "trace.");

/**
 * Tracing in chat for officers: `/trace <venue code or name> [hours]` (a name with several matches is
 * picked from buttons, src/features/checkin/trace-venue-pick.ts) lists who was at the venue in the last hours
 * (every access audited by the tracing service), then offers "Alert these visitors", which queues the exposure
 * alert through the outbox and lists the phone-only visitors for officers to call. Officers scoped to some
 * communes can only trace venues there.
 */
export function registerTracingChat(
  router: Router,
  deps: { tracing: TracingService; venues: VenueStore; requireOfficer: RequireOfficer },
): void {
  const flow = createAlertFlow();
  const pick = createVenuePick({
    venues: deps.venues,
    trace: listVisits,
    requireOfficer: (ctx) => deps.requireOfficer(ctx, "trace"),
  });
  router.command(commandNames("trace"), async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "trace");
    if (!officer) return;
    const words = (ctx.event.type === "command" ? ctx.event.args : "").trim().split(/\s+/).filter(Boolean);
    // "/trace chợ Bình Long 48": a number at the end (after a name or code) is the hours.
    const last = words.at(-1);
    const hours = words.length > 1 && last && /^\d+$/.test(last) ? Number(words.pop()) : 24;
    const typed = words.join(" ");
    if (!typed || !Number.isInteger(hours) || hours < 1 || hours > MAX_WINDOW_DAYS * 24) {
      // The usage names the command as it was typed (/truyvet or /trace), not always the English one.
      const command = ctx.event.type === "command" ? ctx.event.command : "truyvet";
      return ctx.reply(say(traceText("usage", { command, maxHours: MAX_WINDOW_DAYS * 24 })));
    }
    await pick.find(ctx, officer, typed, hours);
  });

  /** The visits of a venue the officer may trace, then the offer to alert them. */
  async function listVisits(ctx: TurnContext, officer: OfficerRecord, venue: VenueRecord, hours: number) {
    const window = { from: new Date(ctx.now.getTime() - hours * 3600_000), to: ctx.now };
    const visits = await deps.tracing.venueVisits(`officer:${officer.id}`, venue, window, ctx.turnKey);
    if (visits.length === 0) return ctx.reply(say(traceText("none", { name: venue.name, hours })));
    ctx.reply(listMessage(venue.name, hours, visits, ctx));
    await ctx.enter(flow, "confirm", {
      venueId: venue.id,
      venueName: venue.name,
      count: visits.length,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      officerId: officer.id,
    });
  }

  router.flow(flow);
  router.flow(pick.flow);

  function createAlertFlow(): Flow<TraceDraft> {
    const alertFlow: Flow<TraceDraft> = defineFlow<TraceDraft>({
      id: TRACE_FLOW,
      version: 1,
      draft: traceDraftSchema,
      // One question with its own "cancel" button: anything but "alert" leaves.
      navigation: () => ({ back: false, cancel: false }),
      ask(ctx) {
        ctx.reply(
          say(traceText("askAlert", { count: ctx.draft.count }), [
            [
              { label: traceText("alert"), payload: `${TRACE_FLOW}:alert`, answers: "yes" },
              { label: traceText("cancel"), payload: `${TRACE_FLOW}:cancel`, answers: "no" },
            ],
          ]),
        );
      },
      async handle(ctx) {
        const data = ctx.draft;
        ctx.end();
        if (flowAction(ctx, alertFlow)?.action !== "alert") return ctx.reply(say(traceText("cancelled")));
        // Checked again: the officer may have been revoked since the list was shown.
        const officer = await deps.requireOfficer(ctx, "trace-alert");
        const venue = await deps.venues.findById(data.venueId);
        if (!officer || !venue) return;
        const outcome = await deps.tracing.alertVisitors(
          `officer:${officer.id}`,
          venue,
          { from: new Date(data.from), to: new Date(data.to) },
          ctx.turnKey,
        );
        const replies: Outbound[] = [
          say(traceText("alerted", { reached: outcome.reached, unreachable: outcome.unreachable })),
        ];
        if (outcome.outsideZalo > 0)
          replies.push(say(traceText("outsideZalo", { count: outcome.outsideZalo })));
        if (outcome.phoneOnly.length > 0) {
          const lines = outcome.phoneOnly.slice(0, MAX_LINES).map((p) => ({
            raw: `• ${formatPhoneForDisplay(p.phone)}${p.name ? ` – ${p.name}` : ""} (${formatVietnamTime(p.visitedAt, ctx.lang)})${p.outsideZalo ? " «Zalo»" : ""}`,
          }));
          replies.push(
            say({ lines: [traceText("callThese", { count: outcome.phoneOnly.length }), ...lines] }),
          );
        }
        ctx.reply(...replies);
      },
    });
    return alertFlow;
  }
}

function listMessage(venueName: string, hours: number, visits: VisitRecord[], ctx: TurnContext): Outbound {
  const lines = visits.slice(0, MAX_LINES).map((v) => ({
    raw: [
      `• ${formatVietnamTime(v.visitedAt, ctx.lang)}`,
      v.phone ? formatPhoneForDisplay(v.phone) : "—",
      v.name ?? "",
      v.contactId ? "💬" : "",
      v.flagged ? "⚠️" : "",
    ]
      .filter(Boolean)
      .join(" "),
  }));
  const more = visits.length > MAX_LINES ? [traceText("more", { count: visits.length - MAX_LINES })] : [];
  return say({
    lines: [traceText("header", { name: venueName, hours, count: visits.length }), ...lines, ...more],
  });
}
