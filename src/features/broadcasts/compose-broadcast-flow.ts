import { z } from "zod";
import { effectId } from "../../core/effect-id";
import { defineFlow, type Flow, type FlowContext, flowAction, typedText } from "../../core/flow";
import { namespace, say } from "../../core/messages";
import type { TurnContext } from "../../core/router";
import type { RequireOfficer } from "../officers/officers-feature";
import { communePage } from "../subscriptions/commune-picker";
import { codesCoveredBy, type District, findUnit, findUnitByName, unitsInForce } from "../venues/district";
import { type Audience, audienceSchema, broadcastTextSchema } from "./audience";
import { type BroadcastService, reachLines } from "./broadcast-service";
import type { RecurringReminders } from "./recurring";
import { describeRepeat, type RepeatRule, repeatButtons, repeatChoice } from "./repeat-steps";
import { formatLocal, parseSendTime, parseTimeOfDay } from "./send-time";

/** "gửi cho", "gửi tới", "cho" before a commune's name at the audience step. */
const SEND_TO = /^(?:(?:gửi|gui)\s+)?(?:(?:cho|tới|toi|đến|den)\s+)?/iu;

export const BROADCAST_FLOW = "broadcast";

const broadcastText = namespace("broadcasts");

const composerDraftSchema = z.object({
  text: z.string().optional(),
  audience: audienceSchema.optional(),
  /** Locale key describing the audience, and the commune's name when one was picked. */
  audienceKey: z.string().optional(),
  communeName: z.string().optional(),
  communePage: z.number().int().optional(),
  sendAt: z.string().optional(),
  /** Set when the message is a recurring reminder instead of a one-off. */
  repeat: z
    .object({
      every: z.enum(["daily", "weekly"]),
      weekday: z.number().int().min(0).max(6).optional(),
      time: z.string().optional(),
    })
    .optional(),
  /** The officer's communes; empty = the whole district. */
  scope: z.array(z.string()),
});
type Draft = z.infer<typeof composerDraftSchema>;
type Ctx = FlowContext<Draft>;

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
}): Flow<Draft> {
  const { service, district } = deps;
  // Today's units; an officer scoped to former units (invited before 1/7/2025) sees the units they became.
  const units = (scope: string[]) =>
    unitsInForce(district).filter(
      (u) => !scope.length || codesCoveredBy(district, u.code).some((c) => scope.includes(c)),
    );
  const scoped = (audience: Audience, scope: string[]): Audience =>
    scope.length && !audience.communes ? { ...withoutAll(audience), communes: scope } : audience;

  const ask = async (ctx: Ctx, step: string): Promise<void> => {
    const draft = ctx.draft;
    switch (step) {
      case "audience":
        return ctx.reply(
          say(broadcastText("compose.audience"), [
            [{ label: broadcastText("audience.all"), payload: "broadcast:aud:all" }],
            [{ label: broadcastText("audience.byCommune"), payload: "broadcast:aud:communes" }],
            [
              { label: broadcastText("audience.owners"), payload: "broadcast:aud:owners" },
              { label: broadcastText("audience.citizens"), payload: "broadcast:aud:citizens" },
            ],
          ]),
        );
      case "commune":
        return ctx.reply(
          say(
            broadcastText("compose.pickCommune"),
            communePage(
              units(draft.scope),
              draft.communePage ?? 0,
              { pick: "broadcast:commune:", page: "broadcast:communes:" },
              [],
            ),
          ),
        );
      case "preview": {
        // Per channel and, for Zalo OA, per messaging window: the counting is reach() in broadcast-service.ts.
        const reach = await service.reach(draft.audience ?? { all: true }, ctx.now);
        const previewText = broadcastText("compose.preview", {
          text: draft.text ?? "",
          audience: broadcastText(draft.audienceKey ?? "audience.all", { name: draft.communeName ?? "" }),
          count: reach.total,
        });
        const extra = reachLines(reach);
        return ctx.reply(
          say(extra.length > 0 ? { lines: [previewText, ...extra] } : previewText),
          say(broadcastText("compose.when"), [
            [
              { label: broadcastText("when.now"), payload: "broadcast:now" },
              { label: broadcastText("when.later"), payload: "broadcast:later" },
            ],
            [{ label: broadcastText("when.repeat"), payload: "broadcast:repeat" }],
          ]),
        );
      }
      case "time":
        return ctx.reply(say(broadcastText("compose.askTime")));
      case "repeat":
        return ctx.reply(say(broadcastText("repeat.ask"), repeatButtons()));
      case "repeatTime":
        return ctx.reply(say(broadcastText("repeat.askTime")));
      case "confirm": {
        const { repeat } = draft;
        const when = repeat?.time
          ? describeRepeat({ ...repeat, time: repeat.time })
          : draft.sendAt
            ? broadcastText("when.at", { time: formatLocal(new Date(draft.sendAt)) })
            : broadcastText("when.rightNow");
        return ctx.reply(
          say(broadcastText("compose.confirm", { when }), [
            [{ label: broadcastText("confirm"), payload: "broadcast:confirm", answers: "yes" }],
          ]),
        );
      }
      default:
        return ctx.reply(say(broadcastText("compose.askText")));
    }
  };

  /** Moves on to `step` (remembered for "back") and asks it. */
  const go = (ctx: Ctx, step: string, draft: Draft) => {
    ctx.next(step, draft);
    return ask(ctx, step);
  };

  /**
   * A commune typed by name, a 2021 name included (the xã it is part of now), within the officer's scope;
   * "gửi cho …" before it is read past.
   */
  const typedCommune = (ctx: Ctx, text: string): string | undefined => {
    const match = findUnitByName(district, text.replace(SEND_TO, ""), ctx.now);
    const code = match.kind === "unit" || match.kind === "former" ? match.unit.code : undefined;
    return code && units(ctx.draft.scope).some((u) => u.code === code) ? code : undefined;
  };

  const pickAudience = async (ctx: Ctx, kind: string, commune?: string) => {
    const name = commune ? (findUnit(district, commune)?.name ?? commune) : "";
    const options: Record<string, { audience: Audience; label: string }> = {
      all: { audience: { all: true }, label: "audience.all" },
      owners: { audience: { roles: ["venue-owner"] }, label: "audience.owners" },
      citizens: { audience: { roles: ["citizen"] }, label: "audience.citizens" },
    };
    const option = commune
      ? { audience: { communes: codesCoveredBy(district, commune) }, label: "audience.commune" }
      : options[kind];
    if (!option) return ctx.unmatched();
    await go(ctx, "preview", {
      ...ctx.draft,
      audience: scoped(option.audience, ctx.draft.scope),
      audienceKey: option.label,
      communeName: name,
    });
  };

  const flow: Flow<Draft> = defineFlow<Draft>({
    id: BROADCAST_FLOW,
    version: 1,
    draft: composerDraftSchema,
    ask,
    cancelled: () => broadcastText("compose.cancelled"),
    afterLeave: (ctx) => deps.showMenu(ctx),
    async handle(ctx) {
      const button = flowAction(ctx, flow);
      const text = typedText(ctx);
      const draft = ctx.draft;
      // Officer rights are checked again at every step: a revoked officer cannot finish a draft.
      if (!(await deps.requireOfficer(ctx, "broadcast"))) return ctx.end();
      switch (ctx.step) {
        case "text": {
          const parsed = broadcastTextSchema.safeParse(ctx.event.type === "text" ? ctx.event.text : "");
          if (!parsed.success)
            return ctx.reply(say(broadcastText(text ? "compose.tooLong" : "compose.askText")));
          return go(ctx, "audience", { ...draft, text: parsed.data });
        }
        case "audience":
          if (button?.action === "aud" && button.arg === "communes")
            return go(ctx, "commune", { ...draft, communePage: 0 });
          if (button?.action === "aud") return pickAudience(ctx, button.arg);
          // "gửi cho xã Bình Sơn" typed here names the commune at once.
          if (text) {
            const code = typedCommune(ctx, text);
            if (code) return pickAudience(ctx, "commune", code);
          }
          return ctx.unmatched();
        case "commune":
          if (button?.action === "communes") {
            ctx.goto("commune", { ...draft, communePage: Number(button.arg) || 0 });
            return ask(ctx, "commune");
          }
          if (button?.action === "commune" && units(draft.scope).some((u) => u.code === button.arg))
            return pickAudience(ctx, "commune", button.arg);
          if (text) {
            const code = typedCommune(ctx, text);
            if (code) return pickAudience(ctx, "commune", code);
          }
          return ctx.unmatched();
        case "preview":
          if (button?.action === "now")
            return go(ctx, "confirm", { ...draft, sendAt: undefined, repeat: undefined });
          if (button?.action === "later") return go(ctx, "time", { ...draft, repeat: undefined });
          if (button?.action === "repeat") return go(ctx, "repeat", draft);
          return ctx.unmatched();
        case "repeat": {
          const rule = button?.action === "every" ? repeatChoice(button.arg) : undefined;
          if (!rule) return ctx.unmatched();
          return go(ctx, "repeatTime", { ...draft, repeat: rule, sendAt: undefined });
        }
        case "repeatTime": {
          const time = parseTimeOfDay(text, ctx.now);
          if (!time || !draft.repeat) return ctx.reply(say(broadcastText("repeat.invalidTime")));
          return go(ctx, "confirm", { ...draft, repeat: { ...draft.repeat, time } });
        }
        case "time": {
          const at = parseSendTime(text, ctx.now);
          if (typeof at === "string") return ctx.reply(say(broadcastText(`compose.time.${at}`)));
          return go(ctx, "confirm", { ...draft, sendAt: at.toISOString() });
        }
        case "confirm": {
          // A corrected time typed at the confirmation replaces the one given ("à không, 9h").
          if (!button && text) {
            const time = draft.repeat ? parseTimeOfDay(text, ctx.now) : undefined;
            if (draft.repeat && time)
              return go(ctx, "confirm", { ...draft, repeat: { ...draft.repeat, time } });
            const at = draft.repeat ? undefined : parseSendTime(text, ctx.now);
            if (at instanceof Date) return go(ctx, "confirm", { ...draft, sendAt: at.toISOString() });
          }
          if (button?.action !== "confirm") return ctx.unmatched();
          if (draft.repeat?.time) return createRecurring(ctx, { ...draft.repeat, time: draft.repeat.time });
          const created = await service.create({
            text: draft.text ?? "",
            audience: draft.audience ?? { all: true },
            sendAt: draft.sendAt ? new Date(draft.sendAt) : ctx.now,
            createdBy: ctx.contact.id,
            creatorContactId: ctx.contact.id,
            id: effectId(ctx.turnKey, "broadcast"),
          });
          ctx.end();
          ctx.reply(
            say(
              draft.sendAt
                ? broadcastText("compose.scheduled", {
                    id: created.id.slice(0, 6),
                    time: formatLocal(created.sendAt),
                  })
                : broadcastText("compose.started", { id: created.id.slice(0, 6) }),
            ),
          );
          deps.onCreated();
          return;
        }
        default:
          ctx.goto("text");
          return ask(ctx, "text");
      }
    },
  });
  return flow;

  async function createRecurring(ctx: Ctx, rule: RepeatRule & { time: string }) {
    const draft = ctx.draft;
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
      effectId(ctx.turnKey, "recurring"),
    );
    ctx.end();
    ctx.reply(
      say(
        broadcastText("repeat.created", {
          id: created.id.slice(0, 6),
          when: describeRepeat(rule),
          first: formatLocal(created.nextRunAt),
        }),
      ),
    );
  }
}

function withoutAll(audience: Audience): Audience {
  const { all: _all, ...rest } = audience;
  return rest;
}
