import { maskPhonesIn } from "../../core/mask-phones";
import { type Button, say, type Text, type TextParam, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import type { MenuEntry } from "../menu/menu-feature";
import type { FaqStore } from "./faq-store";
import { foldVietnamese } from "./fold";
import type { FaqMatcher } from "./matcher";
import { ARCHIVE_NOTICE_AS_OF, FAQ_TOPIC_CONTENT } from "./topic-content";
import { FAQ_GROUPS, type FaqTopic, type FaqTopicId } from "./topics";

export const FAQ_MENU: MenuEntry[] = [{ labelKey: "faq:menu.entry", payload: "faq:menu" }];

const f = (key: string, params?: Record<string, TextParam>) => t(`faq:${key}`, params);
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
    /** Adds "what changed since" under answers older than the notice (FAQ_ARCHIVE_NOTICE, on by default). */
    archiveNotice?: boolean;
    /** Local phone numbers as the operator wrote them (LOCAL_CONTACTS); without them `contact.local` says where to look. */
    localContacts?: string;
  },
): void {
  const byId = new Map<string, FaqTopic>(deps.topics.map((topic) => [topic.id, topic]));

  const answer = async (ctx: TurnContext, topic: FaqTopic) => {
    const content = FAQ_TOPIC_CONTENT[topic.id];
    const related = content.related
      .filter((id) => byId.has(id))
      .map((id) => [{ label: title(id), payload: `faq:topic:${id}` }]);
    ctx.reply(
      say(
        answerText(topic.id, {
          archiveNotice: deps.archiveNotice ?? true,
          localContacts: deps.localContacts,
        }),
        related.length > 0 ? related : undefined,
      ),
    );
    const rows: Button[][] = [];
    if (topic.action === "venue.register")
      rows.push([{ label: f("actions.registerVenue"), payload: "venues:start" }]);
    if (topic.action === "subscriptions.settings")
      rows.push([{ label: f("actions.reminderSettings"), payload: "subs:settings" }]);
    rows.push([
      { label: f("feedback.up"), payload: `faq:fb:up:${topic.id}`, answers: "yes" },
      { label: f("feedback.down"), payload: `faq:fb:down:${topic.id}`, answers: "no" },
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
          contactId: ctx.contact.id,
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

/**
 * An answer as the person sees it: the text, the day it was checked against its sources and, for answers
 * written before today's situation, what has changed since. A reader in 2026 must not take a 2021 rule for
 * a current one.
 */
function answerText(
  id: FaqTopicId,
  options: { archiveNotice: boolean; localContacts: string | undefined },
): Text {
  const { validAsOf } = FAQ_TOPIC_CONTENT[id];
  const contacts =
    id === "contact.local"
      ? options.localContacts
          ?.split(/\s*[;\n]\s*/)
          .filter((line) => line !== "")
          .join("\n")
      : undefined;
  const lines: Text[] = [
    contacts ? f("contact.local.configured", { contacts: { raw: contacts } }) : f(`${id}.answer`),
    f("validAsOf", { date: dayMonthYear(validAsOf) }),
  ];
  if (options.archiveNotice && validAsOf < ARCHIVE_NOTICE_AS_OF)
    lines.push({ raw: "" }, f("notice.archived"));
  return { lines };
}

/** "2021-11-15" → "15/11/2021", the way dates are written in Vietnam (and in these answers). */
function dayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
