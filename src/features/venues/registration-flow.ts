import { commandNames } from "../../core/command-names";
import { effectId } from "../../core/effect-id";
import { defineFlow, type Flow, type FlowContext, flowAction, typedText } from "../../core/flow";
import { foldText } from "../../core/fold-text";
import { type Outbound, say, type Text, t } from "../../core/messages";
import type { TurnContext } from "../../core/router";
import { readIntent } from "../../core/understanding/intent";
import { asksSomething, looksLikeQuestion } from "../../core/understanding/question";
import { isVenueCategory, readVenueCategory, venueCategoryLabelKey } from "./categories";
import { type District, findUnitByName } from "./district";
import { fieldNamed } from "./field-named";
import { splitPhoneOut } from "./name-and-phone";
import { isNoAnswer } from "./no-answer";
import { formatPhoneForDisplay } from "./phone";
import { askStep, fieldPicker, STEPS, type Step, summary, venueText as v } from "./registration-prompts";
import { confirmsSummary } from "./summary-words";
import { type Draft, VENUE_FLOW_SHAPE } from "./venue-draft";
import { type VenueField, validateVenueDetails, validateVenueField } from "./venue-fields";
import type { VenueService } from "./venue-service";
import type { VenueDetails, VenueRecord } from "./venue-store";

export const VENUE_FLOW = VENUE_FLOW_SHAPE.id;

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

type Ctx = FlowContext<Draft>;

/**
 * The registration dialog: name → category → commune → address → contact person → phone → summary
 * (confirm / edit one field). Bad input gets a specific message and the same question again; the draft
 * lives in the dialog state, so leaving and coming back days later (or after a restart) resumes.
 */
export function createRegistrationFlow(deps: {
  service: VenueService;
  district: District;
  showMenu: (ctx: TurnContext) => void;
  /** Asked after a registration (the reminder offer); true when it asked, so no menu buries its question. */
  afterRegistered?: (ctx: TurnContext) => Promise<boolean>;
}): Flow<Draft> {
  const { service, district } = deps;

  const ask = (ctx: Ctx, step: string) => {
    if (step === "summary")
      return ctx.reply(summary(ctx.draft, service.communeName(ctx.draft.communeCode ?? "")));
    if (step === "field") return ctx.reply(fieldPicker());
    if (step === "duplicate") {
      const existing = ctx.draft.duplicateOf ?? { name: "", code: "" };
      return ctx.reply(
        say(v("flow.duplicate", { name: existing.name, code: existing.code }), [
          [{ label: v("flow.duplicateYes"), payload: "venue:dup:yes", answers: "yes" }],
          [{ label: v("flow.duplicateNo"), payload: "venue:dup:no", answers: "no" }],
        ]),
      );
    }
    ctx.reply(...askStep(stepOf(step), ctx.draft, district));
  };

  /** What is stored for a question step, as the person would write it (shown on "back" and when editing). */
  const storedAnswer = (step: string, draft: Draft): Text | undefined => {
    const question = STEPS.find((s) => s === step);
    const value = question ? draft[fieldOf(question)] : undefined;
    if (!question || value === undefined) return undefined;
    if (question === "category" && isVenueCategory(value)) return v(venueCategoryLabelKey(value));
    if (question === "commune") return { raw: service.communeName(value) };
    if (question === "phone") return { raw: formatPhoneForDisplay(value) };
    return { raw: value };
  };

  /** Moves on (remembered for "back") and asks. */
  const go = (ctx: Ctx, step: string, draft: Draft) => {
    ctx.next(step, draft);
    // Changing one field from the summary: what is stored now, so the person sees what they are replacing.
    const current = draft.editing ? storedAnswer(step, draft) : undefined;
    if (current) ctx.reply(say(t("flow.previousAnswer", { answer: current })));
    ask(ctx, step);
  };

  /** Stores a valid answer and moves on: to the next missing step, or back to the summary when editing. */
  const advance = (ctx: Ctx, draft: Draft) => {
    const after = STEPS.slice(STEPS.indexOf(stepOf(ctx.step)) + 1);
    const next = draft.editing ? undefined : after.find((s) => draft[fieldOf(s)] === undefined);
    go(ctx, next ?? "summary", { ...draft, editing: false });
  };

  /** Checks an answer with the shared field rules: stores it and moves on, or says what is wrong and asks again. */
  const answer = (ctx: Ctx, step: Step, raw: string) => {
    // "cho hỏi đăng ký xong bao lâu thì có mã?" typed at the name step is not the venue's name. A real name
    // that reads like one ("Quán Bao Giờ") is taken when typed again the same.
    // So is a request said in words ("mã qr của tôi", "gặp cán bộ", "english"), the same way.
    const doubt = ctx.draft.doubted === raw.trim() ? undefined : doubtAbout(step, raw);
    if (doubt) {
      ctx.goto(ctx.step, { ...ctx.draft, doubted: raw.trim() });
      ctx.reply(say(v(doubt)));
      return ask(ctx, step);
    }
    const result = validateVenueField(fieldOf(step), raw, district, ctx.now);
    if (result.ok) {
      // An old unit typed ("Bình Hải") is accepted and the person told where it belongs now.
      if (result.note) ctx.reply(say(result.note));
      return advance(ctx, { ...ctx.draft, [fieldOf(step)]: result.value, doubted: undefined });
    }
    // "tiem mui 3 o dau" at the commune step is no misspelt commune: saying "not found" would send the person
    // looking for a spelling. Their question is named as one; the choices follow.
    ctx.reply(say(readsAsQuestion(step, raw) ? v("flow.notAChoice") : (result.error ?? v(result.errorKey))));
    ask(ctx, step);
  };

  /**
   * The address or the contact person's name, with a phone number typed one step or two early ("0905 123 456"
   * at the address, "Ngô Văn Hai 0905 123 456"): the number is kept for the phone step, the rest answers this
   * one, and with nothing left the person is told the number is kept and asked this step again.
   */
  const answerKeepingPhone = (ctx: Ctx, step: "address" | "contactName", text: string) => {
    const split = splitPhoneOut(text);
    if (!split) return answer(ctx, step, text);
    const draft = { ...ctx.draft, contactPhone: split.phone };
    ctx.goto(step, draft);
    if (validateVenueField(fieldOf(step), split.rest, district).ok) return answer(ctx, step, split.rest);
    const key = step === "address" ? "flow.phoneKeptAtAddress" : "flow.phoneKept";
    ctx.reply(say(v(key, { phone: formatPhoneForDisplay(split.phone) })));
    return ask(ctx, step);
  };

  /**
   * A category typed in words ("quán ăn", "cafe", "tạp hóa"). A kind of place no list names ("lò gạch",
   * "bakery" before it was added) is refused once with the list; typed again the same, it is the person's
   * answer and goes under "Khác", since the category only sorts venues for officers' figures.
   */
  const answerCategory = (ctx: Ctx, text: string) => {
    const reading = readVenueCategory(text);
    if (reading.kind === "match") return answer(ctx, "category", reading.choice.category);
    const typed = text.trim();
    // A commune typed one step early ("binh hai") names where the place is, not what kind: never "Khác".
    if (
      reading.kind === "none" &&
      namesAPlace(typed) &&
      findUnitByName(district, typed, ctx.now).kind === "none"
    ) {
      if (ctx.draft.doubted === typed) {
        ctx.reply(say(v("flow.categoryOther", { typed })));
        return answer(ctx, "category", "other");
      }
      ctx.goto("category", { ...ctx.draft, doubted: typed });
      ctx.reply(say(v("flow.unknownCategory")));
      return ask(ctx, "category");
    }
    return answer(ctx, "category", text);
  };

  const flow: Flow<Draft> = defineFlow<Draft>({
    ...VENUE_FLOW_SHAPE,
    ask,
    answerOf: storedAnswer,
    cancelled: () => v("flow.cancelled"),
    afterLeave: (ctx) => deps.showMenu(ctx),
    entryCommands: commandNames("venue"),
    async handle(ctx) {
      const button = flowAction(ctx, flow);
      const text = typedText(ctx);
      switch (ctx.step) {
        case "category":
          return button?.action === "cat" ? answer(ctx, "category", button.arg) : answerCategory(ctx, text);
        case "commune":
          if (button?.action === "communes") {
            ctx.goto("commune", { ...ctx.draft, communePage: Number(button.arg) || 0 });
            return ask(ctx, "commune");
          }
          return answer(ctx, "commune", button?.action === "commune" ? button.arg : text);
        case "phone":
          return answer(ctx, "phone", ctx.event.type === "contact" ? ctx.event.phone : text);
        case "address":
        case "contactName":
          return answerKeepingPhone(ctx, ctx.step, text);
        case "name":
          return answer(ctx, ctx.step, text);
        case "field": {
          const step = STEPS.find((s) => button?.action === "field" && s === button.arg) ?? fieldNamed(text);
          if (!step) {
            ctx.reply(say(v("flow.useButtons")));
            return ask(ctx, "field");
          }
          return go(ctx, step, { ...ctx.draft, editing: true });
        }
        case "summary":
          if (button?.action === "edit") return go(ctx, "field", ctx.draft);
          if (button?.action === "confirm" || (text && confirmsSummary(text))) return confirm(ctx, false);
          {
            // "sửa lại tên", "sdt sai rồi": straight to that field, as its button in "Sửa một mục" would.
            const field = fieldNamed(text);
            if (field) return go(ctx, field, { ...ctx.draft, editing: true });
          }
          ctx.reply(say(v("flow.useButtons")));
          return ask(ctx, "summary");
        case "duplicate":
          if (button?.action === "dup" && button.arg === "yes") return confirm(ctx, true);
          ctx.end();
          {
            // Only the person who registered it finds it among their venues.
            const existing = ctx.draft.duplicateOf ?? { name: "", code: "" };
            const key = existing.mine ? "flow.duplicateStopped" : "flow.duplicateStoppedOther";
            ctx.reply(say(v(key, { name: existing.name, code: existing.code })));
          }
          return deps.showMenu(ctx);
        default:
          ctx.goto("name");
          return ask(ctx, "name");
      }
    },
  });
  return flow;

  async function confirm(ctx: Ctx, duplicateAccepted: boolean): Promise<void> {
    const draft = ctx.draft;
    const details = detailsOf(draft, district);
    if (!details) {
      const missing = STEPS.find((s) => draft[fieldOf(s)] === undefined) ?? "name";
      ctx.goto(missing);
      return ask(ctx, missing);
    }
    if (draft.mode === "edit" && draft.venueId) {
      const venue = await service.update(draft.venueId, details);
      ctx.end();
      ctx.reply(
        say(v("flow.updated", { name: venue.name, code: venue.code })),
        ...(await venueDocuments(service, venue)),
      );
      return deps.showMenu(ctx);
    }
    if (!duplicateAccepted) {
      const [existing] = await service.findDuplicates(details);
      if (existing)
        return go(ctx, "duplicate", {
          ...draft,
          duplicateOf: {
            name: existing.name,
            code: existing.code,
            mine: existing.ownerContactId === ctx.contact.id,
          },
        });
    }
    const venue = await service.register(details, ctx.contact.id, effectId(ctx.turnKey, "venue"));
    ctx.end();
    ctx.reply(
      say(v("flow.done", { name: venue.name, code: venue.code, url: service.checkinUrl(venue.code) })),
      ...(await venueDocuments(service, venue)),
    );
    if (!(await deps.afterRegistered?.(ctx))) deps.showMenu(ctx);
  }
}

/** Steps answered in free text, where a question typed instead would be stored as the answer. */
const FREE_TEXT_STEPS: ReadonlySet<Step> = new Set(["name", "address", "contactName"]);

/** Why a free-text answer may not be one: the text that says so, or undefined. */
function doubtAbout(
  step: Step,
  raw: string,
): "flow.notAnAnswer" | "flow.looksLikeRequest" | "flow.looksLikeAddress" | undefined {
  if (!FREE_TEXT_STEPS.has(step)) return undefined;
  if (looksLikeQuestion(raw)) return "flow.notAnAnswer";
  if (step === "contactName" && ADDRESS_START.test(foldText(raw))) return "flow.looksLikeAddress";
  return readIntent(raw) ? "flow.looksLikeRequest" : undefined;
}

/**
 * How an address begins and a person's name never does ("thôn Tân Hy", "tổ 5", "số 12 Lê Lợi", "QL1A"): typed
 * at the contact name, it is the address answered late. Tô and Đường are surnames, so "tổ" and "đường" count
 * only before a number or "dân phố"/"số".
 */
const ADDRESS_START =
  /^(?:(?:thon|xom|ap|khu pho|khu dan cu|kdc|to dan pho|tdp|so nha|duong so|quoc lo)(?:[\s,.]|$)|(?:to|so|doi|duong|ql|km) ?\d)/;

/** Steps answered by picking one of a list, where a question typed instead fits none of it. */
const CHOICE_STEPS: ReadonlySet<Step> = new Set(["category", "commune"]);

/** A text that fits none of a step's choices and is a question or a request in words instead. */
function readsAsQuestion(step: Step, raw: string): boolean {
  return CHOICE_STEPS.has(step) && (asksSomething(raw) || readIntent(raw) !== null);
}

/** Text that could name a kind of place: words, not a yes/no, a number or a question (those get the list again). */
function namesAPlace(typed: string): boolean {
  return /\p{L}{2}/u.test(typed) && !isNoAnswer(typed) && !readsAsQuestion("category", typed);
}

/** A question step by name; anything else (a summary, a stale step) counts as the first. */
function stepOf(step: string): Step {
  return STEPS.find((s) => s === step) ?? "name";
}

function fieldOf(step: Step): VenueField {
  return step === "commune" ? "communeCode" : step === "phone" ? "contactPhone" : step;
}

function detailsOf(d: Draft, district: District): VenueDetails | undefined {
  const result = validateVenueDetails(d, district);
  return result.ok ? result.details : undefined;
}
