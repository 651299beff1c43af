import { maskPhonesIn } from "../../core/mask-phones";
import { type Button, say, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import type { MenuEntry } from "../menu/menu-feature";
import type { FaqStore } from "./faq-store";
import { foldVietnamese } from "./fold";
import type { FaqMatcher } from "./matcher";
import { FAQ_GROUPS, type FaqTopic } from "./topics";

export const FAQ_MENU: MenuEntry[] = [{ labelKey: "faq:menu.entry", payload: "faq:menu" }];

const f = (key: string, params?: Record<string, string | number>) => t(`faq:${key}`, params);
const title = (id: string) => f(`${id}.title`);

/**
 * Citizens' questions: a menu of topic groups, and free text matched against the knowledge base. A confident
 * match is answered with "Was this helpful? 👍 👎"; a likely one offers "Did you mean…" with the top three;
 * nothing relevant gets the polite fallback with the menu and hotline, and the question is kept for officers.
 */
export function registerFaq(
  router: Router,
  deps: {
    matcher: FaqMatcher;
    topics: FaqTopic[];
    store: FaqStore;
    showMenu: (ctx: TurnContext) => void;
    /** Offers reminders after an answer (the subscriptions feature asks only once per person). */
    offerReminders?: (ctx: TurnContext) => Promise<void>;
  },
): void {
  const byId = new Map<string, FaqTopic>(deps.topics.map((topic) => [topic.id, topic]));

  const answer = async (ctx: TurnContext, topic: FaqTopic) => {
    ctx.reply(say(f(`${topic.id}.answer`)));
    const rows: Button[][] = [];
    if (topic.action === "venue.register")
      rows.push([{ label: f("actions.registerVenue"), payload: "venues:start" }]);
    if (topic.action === "subscriptions.settings")
      rows.push([{ label: f("actions.reminderSettings"), payload: "subs:settings" }]);
    rows.push([
      { label: f("feedback.up"), payload: `faq:fb:up:${topic.id}` },
      { label: f("feedback.down"), payload: `faq:fb:down:${topic.id}` },
    ]);
    // The one-time offer goes before the 👍/👎 question, so the question stays the last message and its
    // buttons stay the ones a typed "1"/"2" answers.
    if (topic.action !== "subscriptions.settings") await deps.offerReminders?.(ctx);
    ctx.reply(say(f("feedback.ask"), rows));
  };

  router
    .command(["faq", "hoidap"], (ctx) => showGroups(ctx))
    .action("faq:menu", (ctx) => showGroups(ctx))
    .action("faq:group:", (ctx) => {
      const group = buttonPayload(ctx).slice("faq:group:".length);
      const topics = deps.topics.filter((topic) => topic.group === group);
      if (topics.length === 0) return showGroups(ctx);
      const rows = topics.map((topic) => [{ label: title(topic.id), payload: `faq:topic:${topic.id}` }]);
      rows.push([{ label: f("menu.back"), payload: "faq:menu" }]);
      ctx.reply(say(f("menu.pickTopic", { group: "" }), rows));
    })
    .action("faq:topic:", (ctx) => {
      const topic = byId.get(buttonPayload(ctx).slice("faq:topic:".length));
      return topic ? answer(ctx, topic) : showGroups(ctx);
    })
    .action("faq:fb:", async (ctx) => {
      const [, , vote, id] = buttonPayload(ctx).split(":");
      if (!id || !byId.has(id)) return deps.showMenu(ctx);
      await deps.store.recordFeedback({ topic: id, helpful: vote === "up", contactId: ctx.contact.id });
      ctx.reply(say(f(vote === "up" ? "feedback.thanksUp" : "feedback.thanksDown")));
    })
    .action("faq:none", (ctx) => {
      ctx.reply(say(t("errors.notUnderstood")));
      deps.showMenu(ctx);
    })
    .fallback(async (ctx, next) => {
      if (ctx.event.type !== "text") return next();
      const text = ctx.event.text.trim();
      const match = deps.matcher.match(text);
      const topic = match.topic ? byId.get(match.topic) : undefined;
      if (topic && match.band === "answer") return answer(ctx, topic);
      if (topic && match.band === "suggest") {
        const ids = [topic.id, ...match.alternatives].filter(
          (id, i, all) => byId.has(id) && all.indexOf(id) === i,
        );
        const rows = ids.slice(0, 3).map((id) => [{ label: title(id), payload: `faq:topic:${id}` }]);
        rows.push([{ label: f("suggest.none"), payload: "faq:none" }]);
        return ctx.reply(say(f("suggest.ask"), rows));
      }
      if (text) {
        const masked = maskPhonesIn(text).slice(0, 500);
        await deps.store.recordUnanswered({
          text: masked,
          // The matcher's own folding (diacritics, punctuation, "ko"/"không"…) groups one question typed many ways.
          folded: foldVietnamese(masked),
          language: ctx.lang,
          channel: ctx.inbound.channel,
        });
      }
      ctx.reply(say(t("errors.notUnderstood")));
      deps.showMenu(ctx);
    });

  function showGroups(ctx: TurnContext): void {
    const rows = FAQ_GROUPS.map((g) => [{ label: f(`groups.${g}`), payload: `faq:group:${g}` }]);
    ctx.reply(say(f("menu.pickGroup"), rows));
  }
}
