import { z } from "zod";
import { defineFlow, type Flow, type FlowContext, flowAction, notAnOption, typedText } from "../../core/flow";
import { foldText } from "../../core/fold-text";
import { namespace, say } from "../../core/messages";
import type { TurnContext } from "../../core/router";
import { readChoice } from "../../core/understanding/choice-reading";
import { readOrdinal } from "../../core/understanding/ordinal";
import type { OfficerRecord } from "../officers/officer-store";
import { normaliseVenueCode } from "../venues/venue-code";
import type { VenueRecord, VenueStore } from "../venues/venue-store";

const PICK_FLOW = "trace-pick";
/** Venues offered as buttons for one name: more than this and the officer is asked for a closer name. */
const MAX_CHOICES = 8;
const traceText = namespace("checkin", "trace.");

const pickDraftSchema = z.object({
  hours: z.number().int(),
  typed: z.string(),
  candidates: z.array(z.object({ id: z.string(), label: z.string() })),
});
type PickDraft = z.infer<typeof pickDraftSchema>;

/** The communes an officer may trace in (null = the whole district). */
export const tracingScope = (officer: OfficerRecord): string[] | null =>
  officer.communes.length > 0 ? officer.communes : null;

/** True when the officer may trace this venue (scoped officers: only their communes' venues). */
export const mayTrace = (officer: OfficerRecord, venue: VenueRecord): boolean =>
  officer.communes.length === 0 || officer.communes.includes(venue.communeCode);

/**
 * Finding the venue of `/trace <code or name> [hours]`: a code goes straight to the venue; a name is
 * searched (folded) among the officer's communes: one match is traced at once, several are offered as
 * buttons (a typed name, number or part of one picks too), none says so and asks again. `trace` is what
 * happens once a venue is known (the caller lists the visits and offers the alert).
 */
export function createVenuePick(deps: {
  venues: VenueStore;
  trace: (ctx: TurnContext, officer: OfficerRecord, venue: VenueRecord, hours: number) => Promise<void>;
  requireOfficer: (ctx: TurnContext) => Promise<OfficerRecord | undefined>;
}): {
  flow: Flow<PickDraft>;
  find: (ctx: TurnContext, officer: OfficerRecord, typed: string, hours: number) => Promise<void>;
} {
  /**
   * Looks `typed` up. `miss` is what a lookup that finds nothing does instead of asking for another name:
   * at the "which one?" list, a typed answer that is neither a choice nor another venue shows the list again.
   */
  const find = async (
    ctx: TurnContext,
    officer: OfficerRecord,
    typed: string,
    hours: number,
    miss?: () => Promise<void>,
  ): Promise<void> => {
    const code = normaliseVenueCode(typed);
    if (code) {
      const venue = await deps.venues.findByCode(code);
      if (venue && mayTrace(officer, venue)) return deps.trace(ctx, officer, venue, hours);
      if (miss) return miss();
      return ctx.reply(say(traceText("notFound", { code })));
    }
    const found = await deps.venues.search({
      folded: foldText(typed),
      communes: tracingScope(officer),
      take: MAX_CHOICES + 1,
    });
    const [only] = found;
    if (found.length === 1 && only) return deps.trace(ctx, officer, only, hours);
    if (miss && (found.length === 0 || found.length > MAX_CHOICES)) return miss();
    if (found.length === 0) {
      ctx.reply(say(traceText("noName", { name: typed })));
      return ctx.enter(flow, "name", { hours, typed, candidates: [] });
    }
    if (found.length > MAX_CHOICES) {
      ctx.reply(say(traceText("tooMany", { name: typed, count: MAX_CHOICES })));
      return ctx.enter(flow, "name", { hours, typed, candidates: [] });
    }
    return ctx.enter(flow, "pick", {
      hours,
      typed,
      candidates: found.map((v) => ({ id: v.id, label: `${v.name} – ${v.address}` })),
    });
  };

  const chosen = async (ctx: FlowContext<PickDraft>, id: string) => {
    const { hours } = ctx.draft;
    ctx.end();
    // Checked again: the officer may have been revoked, or the venue moved, since the list was shown.
    const officer = await deps.requireOfficer(ctx);
    const venue = await deps.venues.findById(id);
    if (!officer) return;
    if (!venue || !mayTrace(officer, venue))
      return ctx.reply(say(traceText("notFound", { code: id.slice(0, 8) })));
    await deps.trace(ctx, officer, venue, hours);
  };

  const flow: Flow<PickDraft> = defineFlow<PickDraft>({
    id: PICK_FLOW,
    version: 1,
    draft: pickDraftSchema,
    navigation: () => ({ back: false, cancel: true }),
    ask(ctx, step) {
      if (step === "name") return ctx.reply(say(traceText("askName")));
      ctx.reply(
        say(
          traceText("pick", { name: ctx.draft.typed, count: ctx.draft.candidates.length }),
          ctx.draft.candidates.map((c, i) => [
            { label: { raw: c.label }, payload: `${PICK_FLOW}:venue:${i}` },
          ]),
        ),
      );
    },
    async handle(ctx) {
      const button = flowAction(ctx, flow);
      const text = typedText(ctx);
      if (ctx.step === "pick") {
        const picked = button?.action === "venue" ? ctx.draft.candidates[Number(button.arg)] : undefined;
        if (picked) return chosen(ctx, picked.id);
        if (!text) return flow.ask(ctx, "pick");
        // A list of venues, never of days: "thứ hai" alone is the second one.
        const reading = readChoice(text, ctx.draft.candidates, { weekdayOrdinals: true });
        if (reading.kind === "match") return chosen(ctx, reading.choice.id);
        if (reading.kind === "ambiguous") {
          ctx.goto("pick", { ...ctx.draft, candidates: reading.choices });
          return flow.ask(ctx, "pick");
        }
      }
      if (!text) return flow.ask(ctx, ctx.step);
      const { hours } = ctx.draft;
      const officer = await deps.requireOfficer(ctx);
      if (!officer) return ctx.end();
      // At the list, "cái thứ mười" or a word of nothing: said so, the same list again (the flow stays
      // here, so a "1" typed next is still its first venue and not the Cancel button of a name question).
      const draft = ctx.draft;
      const pickStep = ctx.step === "pick";
      if (pickStep && readOrdinal(text, draft.candidates.length, { bareWeekdays: true }) !== null)
        return ctx.unmatched();
      // Another name or code typed: looked up afresh (a name at the "which one?" question too).
      ctx.end();
      await find(ctx, officer, text, hours, pickStep ? () => backToList(ctx, draft) : undefined);
    },
  });

  /** The list the officer was choosing from, again after a typed miss. */
  const backToList = async (ctx: TurnContext, draft: PickDraft) => {
    ctx.reply(notAnOption());
    await ctx.enter(flow, "pick", draft);
  };
  return { flow, find };
}
