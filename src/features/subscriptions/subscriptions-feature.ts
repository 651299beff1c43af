import { commandNames } from "../../core/command-names";
import { foldText } from "../../core/fold-text";
import { namespace, say, type Text, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { readIntent } from "../../core/understanding/intent";
import { type District, findUnit, findUnitByName, findUnitMentioned, unitsInForce } from "../venues/district";
import { storedUnitName, unitMatchNote } from "../venues/unit-texts";
import { communePage } from "./commune-picker";
import type { SubscriptionStore } from "./subscription-store";

const subscriptionText = namespace("subscriptions");

/** Typed on their own, outside any flow, these stop reminders ("dừng", "hủy", "stop", …). */
const STOP_WORDS = new Set(
  [
    "dừng",
    "dừng lại",
    "dừng nhận",
    "hủy",
    "huỷ",
    "hủy đăng ký",
    "ngừng",
    "ngừng nhận",
    "stop",
    "unsubscribe",
  ].map(foldText),
);

/**
 * Opt-in reminders: `/subscribe`, `/unsubscribe` (also "dừng", "hủy", "stop" typed outside a flow — inside
 * a flow the flow gets the text first, so a venue name or an answer is never taken for "stop"), the
 * commune of interest and the language (the contact's own language setting).
 */
export function registerSubscriptions(
  router: Router,
  deps: {
    store: SubscriptionStore;
    district: District;
    showMenu: (ctx: TurnContext) => void;
  },
): void {
  const { store, district } = deps;
  // A commune chosen before 1/7/2025 is shown with the unit it is now part of.
  const communeName = (code: string | null) => (code ? storedUnitName(district, code) : null);

  const showSettings = async (ctx: TurnContext) => {
    const sub = await store.get(ctx.contact.id);
    const active = sub?.active ?? false;
    const commune = communeName(sub?.communeCode ?? null);
    ctx.reply(
      say(
        subscriptionText(active ? "settings.on" : "settings.off", {
          commune: commune
            ? subscriptionText("settings.commune", { name: commune })
            : subscriptionText("settings.noCommune"),
          language: t(`lang.${ctx.lang}`),
        }),
        [
          [
            active
              ? { label: subscriptionText("buttons.off"), payload: "subs:off" }
              : { label: subscriptionText("buttons.on"), payload: "subs:on" },
          ],
          [{ label: subscriptionText("buttons.commune"), payload: "subs:communes:0" }],
          [{ label: t("menu.language"), payload: "lang:menu" }],
        ],
      ),
    );
  };

  const askCommune = (ctx: TurnContext, page: number) =>
    ctx.reply(
      say(
        subscriptionText("pickCommune"),
        communePage(
          unitsInForce(district, ctx.now),
          page,
          { pick: "subs:commune:", page: "subs:communes:" },
          [[{ label: subscriptionText("buttons.wholeDistrict"), payload: "subs:commune:all" }]],
        ),
      ),
    );

  const subscribe = async (ctx: TurnContext) => {
    const sub = await store.update(ctx.contact.id, { active: true });
    ctx.reply(say(subscriptionText("subscribed")));
    if (!sub.communeCode) askCommune(ctx, 0);
  };

  /** Subscribed with a commune at once (`note`: how a former name was mapped, said before the commune). */
  const subscribeTo = async (ctx: TurnContext, code: string, note?: Text) => {
    await store.update(ctx.contact.id, { active: true, communeCode: code });
    ctx.reply(say(subscriptionText("subscribed")));
    if (note) ctx.reply(say(note));
    ctx.reply(say(subscriptionText("communeSet", { name: communeName(code) ?? code })));
  };

  const unsubscribe = async (ctx: TurnContext) => {
    await store.update(ctx.contact.id, { active: false });
    ctx.reply(
      say(subscriptionText("unsubscribed"), [
        [{ label: subscriptionText("buttons.on"), payload: "subs:on" }],
      ]),
    );
  };

  router
    .command(commandNames("subscribe"), subscribe)
    .command(commandNames("unsubscribe"), unsubscribe)
    .command(commandNames("reminders"), showSettings)
    .action("subs:settings", showSettings)
    .action("subs:on", subscribe)
    .action("subs:off", unsubscribe)
    // The offer was the turn's last question (nothing after it), so the menu comes with the answer to it.
    .action("subs:no", (ctx) => {
      ctx.reply(say(subscriptionText("declined")));
      deps.showMenu(ctx);
    })
    .action("subs:communes:", (ctx) =>
      askCommune(ctx, Number(buttonPayload(ctx).slice("subs:communes:".length)) || 0),
    )
    .action("subs:join:", (ctx) => {
      const code = buttonPayload(ctx).slice("subs:join:".length);
      return findUnit(district, code) ? subscribeTo(ctx, code) : askCommune(ctx, 0);
    })
    .action("subs:commune:", async (ctx) => {
      const code = buttonPayload(ctx).slice("subs:commune:".length);
      if (code !== "all" && !findUnit(district, code)) return askCommune(ctx, 0);
      await store.update(ctx.contact.id, { communeCode: code === "all" ? null : code });
      ctx.reply(
        say(
          code === "all"
            ? subscriptionText("communeCleared")
            : subscriptionText("communeSet", { name: communeName(code) ?? code }),
        ),
      );
    });

  // "tôi muốn nhận tin của xã Bình Sơn": subscribed with that commune at once, instead of being asked for it.
  // Read here, before small talk turns the same words into a plain "subscribe".
  router.fallback(async (ctx, next) => {
    if (ctx.event.type !== "text" || readIntent(ctx.event.text)?.kind !== "subscribe") return next();
    const match = findUnitMentioned(district, ctx.event.text, ctx.now);
    if (match.kind !== "unit" && match.kind !== "former") return next();
    const note = match.kind === "former" ? unitMatchNote(match, match.former.name) : undefined;
    return subscribeTo(ctx, match.unit.code, note);
  });

  // A commune typed in answer to the picker ("binh hai", "xã Vạn Tường"), on any page of it: names of
  // former units are mapped to today's and the reply says so. Listed before the FAQ, which would take it
  // for a question.
  router.fallback(async (ctx, next) => {
    const offered = ctx.contact.choices.some((c) => c.payload.startsWith("subs:commune:"));
    if (!offered || ctx.event.type !== "text") return next();
    const match = findUnitByName(district, ctx.event.text, ctx.now);
    const note = unitMatchNote(match, ctx.event.text);
    if (match.kind === "ambiguous" && note) {
      ctx.reply(say(note));
      return askCommune(ctx, 0);
    }
    if (match.kind !== "unit" && match.kind !== "former") return next();
    if (note) ctx.reply(say(note));
    return ctx.redirect({ type: "button", payload: `subs:commune:${match.unit.code}` });
  });

  // A commune's name typed alone with no picker on screen ("binh hai"): most likely the commune the FAQ's
  // reminders answer talks about choosing. Asked, not assumed, since it may as well be where the person
  // lives for another reason; a former name is mapped, and the reply says so.
  router.fallback(async (ctx, next) => {
    if (ctx.event.type !== "text") return next();
    const match = findUnitByName(district, ctx.event.text, ctx.now);
    if (match.kind !== "unit" && match.kind !== "former") return next();
    const sub = await store.get(ctx.contact.id);
    if (sub?.active && sub.communeCode === match.unit.code) return showSettings(ctx);
    const note = unitMatchNote(match, ctx.event.text);
    if (note) ctx.reply(say(note));
    const name = communeName(match.unit.code) ?? match.unit.name;
    ctx.reply(
      say(subscriptionText("offerCommune", { name }), [
        [
          {
            label: subscriptionText("buttons.acceptCommune"),
            payload: `subs:join:${match.unit.code}`,
            answers: "yes",
          },
          { label: subscriptionText("buttons.declineOffer"), payload: "menu:main", answers: "no" },
        ],
      ]),
    );
  });

  // Stop words: this feature is listed before the FAQ, whose matching would read "hủy" as a question.
  router.fallback(async (ctx, next) => {
    const text = ctx.event.type === "text" ? foldText(ctx.event.text.trim()) : "";
    if (!text || !STOP_WORDS.has(text)) return next();
    const sub = await store.get(ctx.contact.id);
    if (sub?.active) return unsubscribe(ctx);
    ctx.reply(say(t("menu.nothingToCancel")));
    return deps.showMenu(ctx);
  });
}

/**
 * Offers reminders if they were never offered to this contact (asked once, never nagged); true when it did,
 * so the caller asks nothing after it.
 */
export type ReminderOffer = (ctx: TurnContext) => Promise<boolean>;

/** The one-time reminder offer the FAQ and venue registration make after they finish. */
export function createReminderOffer(store: SubscriptionStore): ReminderOffer {
  return async (ctx) => {
    if (!(await store.claimOffer(ctx.contact.id, ctx.now))) return false;
    ctx.reply(
      say(subscriptionText("offer"), [
        [
          { label: subscriptionText("buttons.acceptOffer"), payload: "subs:on", answers: "yes" },
          { label: subscriptionText("buttons.declineOffer"), payload: "subs:no", answers: "no" },
        ],
      ]),
    );
    return true;
  };
}
