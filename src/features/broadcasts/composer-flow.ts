import { type Button, say, type TextParam, t } from "../../core/messages";
import type { DialogRecord } from "../../core/ports";
import type { Flow, TurnContext } from "../../core/router";
import type { RequireOfficer } from "../officers/officers-feature";
import { communePage } from "../subscriptions/commune-picker";
import { type District, findUnit } from "../venues/district";
import { type Audience, broadcastTextSchema } from "./audience";
import { type BroadcastService, reachLines } from "./broadcast-service";
import type { RecurringReminders } from "./recurring";
import { describeRepeat, type RepeatRule, repeatButtons, repeatChoice } from "./repeat-steps";
import { formatLocal, parseClock, parseSendTime } from "./send-time";

export const BROADCAST_FLOW = "broadcast";

const b = (key: string, params?: Record<string, TextParam>) => t(`broadcasts:${key}`, params);
const cancelRow: Button[] = [{ label: t("common.cancel"), payload: "broadcast:cancel" }];

interface Draft {
  text?: string;
  audience?: Audience;
  /** Locale key describing the audience, and the commune's name when one was picked. */
  audienceKey?: string;
  communeName?: string;
  sendAt?: string;
  /** Set when the message is a recurring reminder instead of a one-off. */
  repeat?: RepeatRule;
  /** The officer's communes; empty = the whole district. */
  scope: string[];
}

/**
 * The officers' composer: message → audience (all / one commune, paginated / venue owners / citizens) →
 * preview with the number of recipients → now, a time, or every day / one day a week at a time →
 * confirm. An officer limited to some communes only ever reaches subscribers of those communes.
 */
export function createComposerFlow(deps: {
  service: BroadcastService;
  recurring: RecurringReminders;
  district: District;
  requireOfficer: RequireOfficer;
  showMenu: (ctx: TurnContext) => void;
  onCreated: () => void;
}): Flow {
  const { service, district } = deps;
  const units = (scope: string[]) =>
    scope.length ? district.units.filter((u) => scope.includes(u.code)) : district.units;
  const scoped = (audience: Audience, scope: string[]): Audience =>
    scope.length && !audience.communes ? { ...withoutAll(audience), communes: scope } : audience;

  const askAudience = (ctx: TurnContext, draft: Draft) => {
    ctx.goto("audience", { ...draft });
    ctx.reply(
      say(b("compose.audience"), [
        [{ label: b("audience.all"), payload: "broadcast:aud:all" }],
        [{ label: b("audience.byCommune"), payload: "broadcast:aud:communes" }],
        [
          { label: b("audience.owners"), payload: "broadcast:aud:owners" },
          { label: b("audience.citizens"), payload: "broadcast:aud:citizens" },
        ],
        cancelRow,
      ]),
    );
  };

  const preview = async (ctx: TurnContext, draft: Draft) => {
    const audience = draft.audience ?? { all: true };
    // Per channel and Zalo OA window (issue 18): the counting is reach() in broadcast-service.ts.
    const reach = await service.reach(audience, ctx.now);
    const count = reach.total;
    ctx.goto("preview", { ...draft });
    const previewText = b("compose.preview", {
      text: draft.text ?? "",
      audience: b(draft.audienceKey ?? "audience.all", { name: draft.communeName ?? "" }),
      count,
    });
    const extra = reachLines(reach);
    ctx.reply(
      say(extra.length > 0 ? { lines: [previewText, ...extra] } : previewText),
      say(b("compose.when"), [
        [
          { label: b("when.now"), payload: "broadcast:now" },
          { label: b("when.later"), payload: "broadcast:later" },
        ],
        [{ label: b("when.repeat"), payload: "broadcast:repeat" }],
        cancelRow,
      ]),
    );
  };

  const confirmPrompt = (ctx: TurnContext, draft: Draft) => {
    ctx.goto("confirm", { ...draft });
    const { repeat } = draft;
    const when = repeat?.time
      ? describeRepeat({ ...repeat, time: repeat.time })
      : draft.sendAt
        ? b("when.at", { time: formatLocal(new Date(draft.sendAt)) })
        : b("when.rightNow");
    ctx.reply(
      say(b("compose.confirm", { when }), [
        [{ label: b("confirm"), payload: "broadcast:confirm" }],
        cancelRow,
      ]),
    );
  };

  const pickAudience = async (ctx: TurnContext, draft: Draft, kind: string, commune?: string) => {
    const name = commune ? (findUnit(district, commune)?.name ?? commune) : "";
    const options: Record<string, { audience: Audience; label: string }> = {
      all: { audience: { all: true }, label: "audience.all" },
      owners: { audience: { roles: ["venue-owner"] }, label: "audience.owners" },
      citizens: { audience: { roles: ["citizen"] }, label: "audience.citizens" },
    };
    const option = commune ? { audience: { communes: [commune] }, label: "audience.commune" } : options[kind];
    if (!option) return askAudience(ctx, draft);
    await preview(ctx, {
      ...draft,
      audience: scoped(option.audience, draft.scope),
      audienceKey: option.label,
      communeName: name,
    });
  };

  return {
    id: BROADCAST_FLOW,
    async handle(ctx, dialog: DialogRecord) {
      const draft = dialog.data as unknown as Draft;
      const event = ctx.event;
      const payload = event.type === "button" ? event.payload : "";
      const text = event.type === "text" ? event.text : "";
      if (payload === "broadcast:cancel") {
        ctx.endDialog();
        ctx.reply(say(b("compose.cancelled")));
        return deps.showMenu(ctx);
      }
      // Officer rights are checked again at every step: a revoked officer cannot finish a draft.
      if (!(await deps.requireOfficer(ctx, "broadcast"))) return ctx.endDialog();
      switch (dialog.step) {
        case "text": {
          const parsed = broadcastTextSchema.safeParse(text);
          if (!parsed.success) return ctx.reply(say(b(text ? "compose.tooLong" : "compose.askText")));
          return askAudience(ctx, { ...draft, text: parsed.data });
        }
        case "audience":
          if (payload === "broadcast:aud:communes") return askCommune(ctx, draft, 0);
          if (payload.startsWith("broadcast:aud:")) return pickAudience(ctx, draft, payload.slice(14));
          return askAudience(ctx, draft);
        case "commune":
          if (payload.startsWith("broadcast:communes:"))
            return askCommune(ctx, draft, Number(payload.slice(19)) || 0);
          if (payload.startsWith("broadcast:commune:")) {
            const code = payload.slice(18);
            if (units(draft.scope).some((u) => u.code === code))
              return pickAudience(ctx, draft, "commune", code);
          }
          return askCommune(ctx, draft, 0);
        case "preview":
          if (payload === "broadcast:now")
            return confirmPrompt(ctx, { ...draft, sendAt: undefined, repeat: undefined });
          if (payload === "broadcast:later") {
            ctx.goto("time", { ...draft, repeat: undefined });
            return ctx.reply(say(b("compose.askTime"), [cancelRow]));
          }
          if (payload === "broadcast:repeat") return askRepeat(ctx, draft);
          return preview(ctx, draft);
        case "repeat": {
          const rule = repeatChoice(payload);
          if (!rule) return askRepeat(ctx, draft);
          ctx.goto("repeatTime", { ...draft, repeat: rule, sendAt: undefined });
          return ctx.reply(say(b("repeat.askTime"), [cancelRow]));
        }
        case "repeatTime": {
          const clock = parseClock(text);
          if (!clock || !draft.repeat) return ctx.reply(say(b("repeat.invalidTime"), [cancelRow]));
          const time = `${String(clock.hh).padStart(2, "0")}:${String(clock.mm).padStart(2, "0")}`;
          return confirmPrompt(ctx, { ...draft, repeat: { ...draft.repeat, time } });
        }
        case "time": {
          const at = parseSendTime(text, ctx.now);
          if (typeof at === "string") return ctx.reply(say(b(`compose.time.${at}`), [cancelRow]));
          return confirmPrompt(ctx, { ...draft, sendAt: at.toISOString() });
        }
        case "confirm": {
          if (payload !== "broadcast:confirm") return confirmPrompt(ctx, draft);
          if (draft.repeat?.time)
            return createRecurring(ctx, draft, { ...draft.repeat, time: draft.repeat.time });
          const created = await service.create({
            text: draft.text ?? "",
            audience: draft.audience ?? { all: true },
            sendAt: draft.sendAt ? new Date(draft.sendAt) : ctx.now,
            createdBy: ctx.contact.id,
            creatorContactId: ctx.contact.id,
          });
          ctx.endDialog();
          ctx.reply(
            say(
              draft.sendAt
                ? b("compose.scheduled", { id: created.id.slice(0, 6), time: formatLocal(created.sendAt) })
                : b("compose.started", { id: created.id.slice(0, 6) }),
            ),
          );
          deps.onCreated();
          return;
        }
        default:
          ctx.goto("text", { ...draft });
          return ctx.reply(say(b("compose.askText")));
      }
    },
  };

  function askRepeat(ctx: TurnContext, draft: Draft): void {
    ctx.goto("repeat", { ...draft });
    ctx.reply(say(b("repeat.ask"), [...repeatButtons(), cancelRow]));
  }

  async function createRecurring(ctx: TurnContext, draft: Draft, rule: RepeatRule & { time: string }) {
    const created = await deps.recurring.create(
      {
        text: draft.text ?? "",
        audience: draft.audience ?? { all: true },
        every: rule.every,
        ...(rule.every === "weekly" ? { weekday: rule.weekday ?? 1 } : {}),
        time: rule.time,
      },
      ctx.contact.id,
      ctx.now,
    );
    ctx.endDialog();
    ctx.reply(
      say(
        b("repeat.created", {
          id: created.id.slice(0, 6),
          when: describeRepeat(rule),
          first: formatLocal(created.nextRunAt),
        }),
      ),
    );
  }

  function askCommune(ctx: TurnContext, draft: Draft, page: number): void {
    ctx.goto("commune", { ...draft });
    ctx.reply(
      say(
        b("compose.pickCommune"),
        communePage(
          units(draft.scope),
          page,
          { pick: "broadcast:commune:", page: "broadcast:communes:" },
          [],
        ).concat([cancelRow]),
      ),
    );
  }
}

function withoutAll(audience: Audience): Audience {
  const { all: _all, ...rest } = audience;
  return rest;
}
