import { type Outbound, say } from "../../core/messages";
import type { DialogRecord } from "../../core/ports";
import type { Flow, TurnContext } from "../../core/router";
import type { District } from "./district";
import {
  askStep,
  type Draft,
  fieldPicker,
  STEPS,
  type Step,
  summary,
  venueText as v,
} from "./registration-prompts";
import { type VenueField, validateVenueDetails, validateVenueField } from "./venue-fields";
import type { VenueService } from "./venue-service";
import type { VenueDetails, VenueRecord } from "./venue-store";

export const VENUE_FLOW = "venue";

/** Sends a venue's QR image and poster PDF (used after registering and from "My venues"). */
export async function venueDocuments(service: VenueService, venue: VenueRecord): Promise<Outbound[]> {
  const [qr, poster] = await Promise.all([service.renderQr(venue), service.renderPoster(venue)]);
  return [
    {
      type: "image",
      data: qr,
      filename: `qr-${venue.code}.png`,
      contentType: "image/png",
      caption: v("flow.qrCaption", { name: venue.name }),
    },
    {
      type: "document",
      data: poster,
      filename: `poster-${venue.code}.pdf`,
      contentType: "application/pdf",
      caption: v("flow.posterCaption", { name: venue.name }),
      link: service.posterUrl(venue.code),
    },
  ];
}

/**
 * The registration dialog: name → category → commune → address → contact person → phone → summary
 * (confirm / edit one field / cancel). Bad input gets a specific message and the same question again; the
 * draft lives in the dialog state, so leaving and coming back days later (or after a restart) resumes.
 */
export function createRegistrationFlow(deps: {
  service: VenueService;
  district: District;
  showMenu: (ctx: TurnContext) => void;
  afterRegistered?: (ctx: TurnContext) => Promise<void>;
}): Flow {
  const { service, district } = deps;

  const ask = (ctx: TurnContext, step: Step | "summary" | "field", draft: Draft) => {
    ctx.goto(step, { ...draft });
    if (step === "summary") return ctx.reply(summary(draft, service.communeName(draft.communeCode ?? "")));
    if (step === "field") return ctx.reply(fieldPicker());
    ctx.reply(...askStep(step, draft, district));
  };

  /** Stores a valid answer and moves on: to the next missing step, or back to the summary when editing. */
  const advance = (ctx: TurnContext, draft: Draft) => {
    const next = draft.editing ? undefined : STEPS.find((s) => draft[fieldOf(s)] === undefined);
    ask(ctx, next ?? "summary", { ...draft, editing: false });
  };

  /** Checks an answer with the shared field rules: stores it and moves on, or says what is wrong and asks again. */
  const answer = (ctx: TurnContext, draft: Draft, step: Step, raw: string) => {
    const result = validateVenueField(fieldOf(step), raw, district);
    if (result.ok) return advance(ctx, { ...draft, [fieldOf(step)]: result.value });
    ctx.reply(say(v(result.errorKey)));
    ctx.reply(...askStep(step, draft, district));
  };

  return {
    id: VENUE_FLOW,
    reprompt(ctx, dialog) {
      const draft = dialog.data as unknown as Draft;
      const step = STEPS.find((s) => s === dialog.step);
      if (step) return ctx.reply(...askStep(step, draft, district));
      ask(ctx, dialog.step === "field" ? "field" : "summary", draft);
    },
    async handle(ctx, dialog: DialogRecord) {
      const draft = dialog.data as unknown as Draft;
      const event = ctx.event;
      const text = event.type === "text" ? event.text.trim() : undefined;
      const payload = event.type === "button" ? event.payload : undefined;

      if (payload === "venue:cancel") {
        ctx.endDialog();
        ctx.reply(say(v("flow.cancelled")));
        return deps.showMenu(ctx);
      }

      switch (dialog.step) {
        case "category":
          return answer(
            ctx,
            draft,
            "category",
            payload?.startsWith("venue:cat:") ? payload.slice("venue:cat:".length) : "",
          );
        case "commune":
          if (payload?.startsWith("venue:communes:")) {
            return ask(ctx, "commune", {
              ...draft,
              communePage: Number(payload.slice("venue:communes:".length)) || 0,
            });
          }
          return answer(
            ctx,
            draft,
            "commune",
            payload?.startsWith("venue:commune:") ? payload.slice("venue:commune:".length) : (text ?? ""),
          );
        case "phone":
          return answer(ctx, draft, "phone", event.type === "contact" ? event.phone : (text ?? ""));
        case "name":
        case "address":
        case "contactName":
          return answer(ctx, draft, dialog.step, text ?? "");
        case "field": {
          const field = payload?.startsWith("venue:field:") ? payload.slice("venue:field:".length) : "";
          const step = STEPS.find((s) => s === field);
          if (!step) {
            ctx.reply(say(v("flow.useButtons")));
            return ask(ctx, "field", draft);
          }
          return ask(ctx, step, { ...draft, editing: true });
        }
        case "summary":
          if (payload === "venue:edit") return ask(ctx, "field", draft);
          if (payload === "venue:confirm") return confirm(ctx, draft, false);
          ctx.reply(say(v("flow.useButtons")));
          return ask(ctx, "summary", draft);
        case "duplicate":
          if (payload === "venue:dup:yes") return confirm(ctx, draft, true);
          ctx.endDialog();
          ctx.reply(say(v("flow.duplicateStopped")));
          return deps.showMenu(ctx);
        default:
          return ask(ctx, "name", draft);
      }
    },
  };

  async function confirm(ctx: TurnContext, draft: Draft, duplicateAccepted: boolean): Promise<void> {
    const details = detailsOf(draft, district);
    if (!details) return ask(ctx, STEPS.find((s) => draft[fieldOf(s)] === undefined) ?? "name", draft);
    if (draft.mode === "edit" && draft.venueId) {
      const venue = await service.update(draft.venueId, details);
      ctx.endDialog();
      ctx.reply(
        say(v("flow.updated", { name: venue.name, code: venue.code })),
        ...(await venueDocuments(service, venue)),
      );
      return deps.showMenu(ctx);
    }
    if (!duplicateAccepted) {
      const [existing] = await service.findDuplicates(details);
      if (existing) {
        ctx.goto("duplicate", { ...draft });
        return ctx.reply(
          say(v("flow.duplicate", { name: existing.name, code: existing.code }), [
            [{ label: v("flow.duplicateYes"), payload: "venue:dup:yes" }],
            [{ label: v("flow.duplicateNo"), payload: "venue:dup:no" }],
          ]),
        );
      }
    }
    const venue = await service.register(details, ctx.contact.id);
    ctx.endDialog();
    ctx.reply(
      say(v("flow.done", { name: venue.name, code: venue.code, url: service.checkinUrl(venue.code) })),
      ...(await venueDocuments(service, venue)),
    );
    await deps.afterRegistered?.(ctx);
    deps.showMenu(ctx);
  }
}

function fieldOf(step: Step): VenueField {
  return step === "commune" ? "communeCode" : step === "phone" ? "contactPhone" : step;
}

function detailsOf(d: Draft, district: District): VenueDetails | undefined {
  const result = validateVenueDetails(d, district);
  return result.ok ? result.details : undefined;
}
