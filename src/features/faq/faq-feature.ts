import { commandNames } from "../../core/command-names";
import { effectId } from "../../core/effect-id";
import { maskPhonesIn } from "../../core/mask-phones";
import { type Button, type Language, namespace, say, type Text, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { readAnswerVerdict } from "../../core/understanding/answer-verdict";
import { prepare } from "../../core/understanding/words";
import type { MenuEntry } from "../menu/menu-feature";
import type { FaqContent } from "./content/faq-content";
import type { FaqKnowledge } from "./content/published-faq";
import type { FaqStore } from "./faq-store";
import { foldVietnamese } from "./fold";
import type { FaqMatch } from "./matcher";
import { isNotAQuestion } from "./not-a-question";
import { ARCHIVE_NOTICE_AS_OF } from "./topic-content";
import { FAQ_GROUPS } from "./topics";

export const FAQ_MENU: MenuEntry[] = [{ labelKey: "faq:menu.entry", payload: "faq:menu" }];

/** A question someone could answer later: a "?" or three words at least. */
function worthTellingBack(text: string): boolean {
  return text.includes("?") || prepare(text).words.filter((w) => /\p{L}/u.test(w)).length >= 3;
}

/** "Did you mean …?" offers at most this many topics. */
const MAX_SUGGESTIONS = 3;
const MAX_REMEMBERED_QUESTIONS = 10_000;
/** How long after an answer a typed "ko giúp được" is read as a vote on it. */
const VERDICT_WINDOW_MS = 30 * 60_000;

interface LastAnswer {
  topic: string;
  /** What the person typed, when the answer was to a typed question (not a tapped topic). */
  question: string | undefined;
  at: number;
}

const faqText = namespace("faq");

/**
 * What another feature may do around the FAQ's answers (the handover offers an officer): told of each typed
 * question answered and of each it could not answer, and of "none of these" after a did-you-mean. `true`
 * from `unanswered` or `noneOfThese` means the hook replied, and the FAQ's own fallback is not said.
 */
export interface FaqQuestionHook {
  /** `question` is masked and cut to 500 characters, as stored for officers. */
  unanswered(ctx: TurnContext, question: string): Promise<boolean>;
  answered(ctx: TurnContext): Promise<void>;
  noneOfThese(ctx: TurnContext): Promise<boolean>;
}

/**
 * Citizens' questions: a menu of topic groups, and free text matched against the knowledge base. A confident
 * match is answered with "Was this helpful? 👍 👎"; a likely one offers "Did you mean…" with the top three;
 * nothing relevant gets the polite fallback with the menu and hotline, and the question is kept for officers.
 */
export function registerFaq(
  router: Router,
  deps: {
    /** The published topics and their matcher, read afresh at every message (publishing swaps them). */
    knowledge: FaqKnowledge;
    store: FaqStore;
    showMenu: (ctx: TurnContext) => void;
    /** Offers reminders after an answer (the subscriptions feature asks only once per person). */
    /** The one-time reminder offer; true when it was made. */
    offerReminders?: (ctx: TurnContext) => Promise<boolean>;
    /** Adds "what changed since" under answers older than the notice (FAQ_ARCHIVE_NOTICE, on by default). */
    archiveNotice?: boolean;
    /** Local phone numbers as the operator wrote them (LOCAL_CONTACTS); without them `contact.local` says where to look. */
    localContacts?: string;
    /** Whether a whole message names a commune: an answer to a flow's question, never kept as unanswered. */
    isPlaceName?: (text: string) => boolean;
    /** "Not ours" categories whose reply says where to ask instead (`faq:outOfScope.<id>`). */
    outOfScope?: readonly { id: string }[];
    questions?: FaqQuestionHook;
    /** The person's commune in force, when known (their reminders): kept with a question for officers' scope. */
    communeOf?: (contactId: string, now: Date) => Promise<string | null>;
  },
): void {
  // Officers' words are the same in every channel: taken in the reader's language and sent as written.
  const title = (ctx: TurnContext, id: string): Text => ({
    raw: deps.knowledge.current().byId.get(id)?.title[ctx.lang] ?? id,
  });
  const whereToAsk = new Set((deps.outOfScope ?? []).map((category) => category.id));
  // The answer each person was last given (and the question they typed for it), for a 👎 or a typed "ko giúp
  // được" on that answer. Kept in memory only: a restart loses at most the link between a few votes and their
  // answers, never a vote.
  const lastAnswers = new Map<string, LastAnswer>();

  /** Keeps a question for officers (masked), unless it is an answer to a question or small talk. */
  const keepForOfficers = async (
    ctx: TurnContext,
    text: string,
  ): Promise<{ id: number; masked: string } | undefined> => {
    if (isNotAQuestion(text, deps.isPlaceName)) return undefined;
    const masked = maskPhonesIn(text).slice(0, 500);
    const id = await deps.store.recordUnanswered({
      text: masked,
      // The matcher's own folding (diacritics, punctuation, "ko"/"không"…) groups one question typed many ways.
      folded: foldVietnamese(masked),
      language: ctx.lang,
      channel: ctx.inbound.channel,
      // Erased with the person on request (the privacy feature), kept out of what officers see.
      contactId: ctx.contact.id,
      effectId: effectId(ctx.turnKey, "faq-unanswered"),
      communeCode: (await deps.communeOf?.(ctx.contact.id, ctx.now)) ?? null,
    });
    return { id, masked };
  };

  const rememberAnswer = (ctx: TurnContext, topic: string, question: string | undefined) => {
    lastAnswers.delete(ctx.contact.id);
    if (lastAnswers.size >= MAX_REMEMBERED_QUESTIONS) {
      const oldest = lastAnswers.keys().next().value;
      if (oldest !== undefined) lastAnswers.delete(oldest);
    }
    lastAnswers.set(ctx.contact.id, { topic, question, at: ctx.now.getTime() });
  };

  /** Stores a vote on an answer and thanks; a 👎 on an answer to a typed question goes in front of officers. */
  const vote = async (ctx: TurnContext, topic: string, helpful: boolean) => {
    await deps.store.recordFeedback({
      topic,
      helpful,
      contactId: ctx.contact.id,
      effectId: effectId(ctx.turnKey, "faq-feedback"),
    });
    const last = lastAnswers.get(ctx.contact.id);
    lastAnswers.delete(ctx.contact.id);
    const question = last?.topic === topic ? last.question : undefined;
    if (!helpful && question !== undefined) await keepForOfficers(ctx, question);
    ctx.reply(say(faqText(helpful ? "feedback.thanksUp" : "feedback.thanksDown")));
  };

  const answer = async (ctx: TurnContext, topic: FaqContent, question?: string) => {
    rememberAnswer(ctx, topic.id, question);
    const { byId } = deps.knowledge.current();
    const related = topic.related
      .filter((id) => byId.has(id))
      .map((id) => [{ label: title(ctx, id), payload: `faq:topic:${id}` }]);
    ctx.reply(
      say(
        answerText(topic, ctx.lang, {
          archiveNotice: deps.archiveNotice ?? true,
          localContacts: deps.localContacts,
        }),
        related.length > 0 ? related : undefined,
      ),
    );
    const rows: Button[][] = [];
    if (topic.action === "venue.register")
      rows.push([{ label: faqText("actions.registerVenue"), payload: "venues:start" }]);
    // Dose reminders live here rather than in the main menu: Zalo OA shows at most five menu buttons.
    if (topic.action === "doses.remind")
      rows.push([{ label: faqText("actions.remindDose"), payload: "doses:start" }]);
    if (topic.action === "subscriptions.settings")
      rows.push([{ label: faqText("actions.reminderSettings"), payload: "subs:settings" }]);
    // One question at a time, and the last message's buttons are what a typed "có" or "1" answers. An answer
    // with a next step keeps it there; otherwise the one-time reminder offer, when it is made, takes the place
    // of "was this helpful?" (asked again with the next answer).
    if (rows.length === 0 && (await deps.offerReminders?.(ctx))) return;
    ctx.reply(
      say(faqText("feedback.ask"), [
        ...rows,
        [
          { label: faqText("feedback.up"), payload: `faq:fb:up:${topic.id}`, answers: "yes" },
          { label: faqText("feedback.down"), payload: `faq:fb:down:${topic.id}`, answers: "no" },
        ],
      ]),
    );
  };

  router
    .command(commandNames("faq"), (ctx) => showGroups(ctx))
    .action("faq:menu", (ctx) => showGroups(ctx))
    .action("faq:group:", (ctx) => {
      const group = buttonPayload(ctx).slice("faq:group:".length);
      const rows = groupRows(ctx, group);
      if (rows.length === 0) return showGroups(ctx);
      rows.push([{ label: faqText("menu.back"), payload: "faq:menu" }]);
      ctx.reply(say(faqText("menu.pickTopic", { group: "" }), rows));
    })
    .action("faq:topic:", (ctx) => {
      const topic = deps.knowledge.current().byId.get(buttonPayload(ctx).slice("faq:topic:".length));
      return topic ? answer(ctx, topic) : showGroups(ctx);
    })
    .action("faq:fb:", async (ctx) => {
      const [, , verdict, id] = buttonPayload(ctx).split(":");
      if (!id || !deps.knowledge.current().byId.has(id)) return deps.showMenu(ctx);
      await vote(ctx, id, verdict === "up");
    })
    .action("faq:tell:", async (ctx) => {
      const [, , answer, id] = buttonPayload(ctx).split(":");
      const agreed = answer === "yes";
      // Only the asker's own question, once: a forged id or a second tap just shows the menu.
      const stored = /^\d{1,12}$/.test(id ?? "")
        ? await deps.store.setNotifyConsent(Number(id), ctx.contact.id, agreed)
        : false;
      if (stored) ctx.reply(say(faqText(agreed ? "tell.agreed" : "tell.declined")));
      deps.showMenu(ctx);
    })
    .action("faq:none", async (ctx) => {
      if (await deps.questions?.noneOfThese(ctx)) return;
      ctx.reply(say(t("errors.notUnderstood")));
      deps.showMenu(ctx);
    })
    .fallback(async (ctx, next) => {
      if (ctx.event.type !== "text") return next();
      const text = ctx.event.text.trim();
      // One set for the whole turn: a publish landing mid-turn must not mix two versions.
      const { matcher, byId } = deps.knowledge.current();
      // "ko giúp được", "sai rồi", "hiểu rồi ạ" right after an answer is a vote on it, not a new question:
      // the one-time reminder offer may have taken the place of the 👍/👎 buttons.
      const last = lastAnswers.get(ctx.contact.id);
      const verdict =
        last && ctx.now.getTime() - last.at < VERDICT_WINDOW_MS ? readAnswerVerdict(text) : null;
      if (last && verdict && byId.has(last.topic)) {
        await vote(ctx, last.topic, verdict === "helped");
        // Not helped: a person can take it further (an officer where there is one, else where to ask).
        if (verdict === "not-helped" && (await deps.questions?.noneOfThese(ctx))) return;
        return deps.showMenu(ctx);
      }
      const match = matcher.match(text);
      const topic = match.topic ? byId.get(match.topic) : undefined;
      if (topic && match.band === "answer") {
        await deps.questions?.answered(ctx);
        return answer(ctx, topic, text);
      }
      // A guess is an answer with low confidence: officers see the question either way.
      const kept = text && match.outOfScope !== "chit-chat" ? await keepForOfficers(ctx, text) : undefined;
      if (topic && match.band === "suggest")
        return ctx.reply(say(faqText("suggest.ask"), suggestionRows(ctx, match)));
      // "pc covid bị lỗi": the app is plain, the problem is not. Its topics to pick from beat "not understood";
      // "none of these" goes on to a person, as other misses do.
      if (match.app)
        return ctx.reply(
          say(faqText("appProblem.ask", { app: faqText(`groups.${match.app}`) }), [
            ...groupRows(ctx, match.app),
            noneOfTheseRow(),
          ]),
        );
      // Two unanswered in a row may offer an officer (the handover); then the hook has replied.
      if (kept !== undefined && (await deps.questions?.unanswered(ctx, kept.masked))) return;
      ctx.reply(say(fallbackText(match)));
      // Offered only for a question officers could answer: not for a subject we send elsewhere, and not for
      // a stray "15/10" or one word, which nobody will publish an answer to.
      if (kept === undefined || match.outOfScope !== undefined || !worthTellingBack(text))
        return deps.showMenu(ctx);
      // Asked once, right after the question is kept: the yes/no is stored with it (closing the loop,
      // docs/adr/013). The question stays the last message so a typed "có"/"ko" answers it.
      ctx.reply(
        say(faqText("tell.ask"), [
          [
            { label: faqText("tell.yes"), payload: `faq:tell:yes:${kept.id}`, answers: "yes" },
            { label: faqText("tell.no"), payload: `faq:tell:no:${kept.id}`, answers: "no" },
          ],
        ]),
      );
    });

  /** One button per topic of a menu group, in the topics' order (empty for a group with none). */
  function groupRows(ctx: TurnContext, group: string): Button[][] {
    return deps.knowledge
      .current()
      .topics.filter((topic) => topic.group === group)
      .map((topic) => [{ label: title(ctx, topic.id), payload: `faq:topic:${topic.id}` }]);
  }

  /** "None of these" under a list of topics: typed "không phải", "ko" is this button. */
  function noneOfTheseRow(): Button[] {
    return [{ label: faqText("suggest.none"), payload: "faq:none", answers: "no" }];
  }

  /** "Did you mean …?": the best guess and the matcher's plausible alternatives, three at most, then "none". */
  function suggestionRows(ctx: TurnContext, match: FaqMatch): Button[][] {
    const { byId } = deps.knowledge.current();
    const ids = [match.topic, ...match.alternatives].filter(
      (id, i, all): id is string => id !== null && byId.has(id) && all.indexOf(id) === i,
    );
    const rows: Button[][] = ids
      .slice(0, MAX_SUGGESTIONS)
      .map((id) => [{ label: title(ctx, id), payload: `faq:topic:${id}` }]);
    rows.push(noneOfTheseRow());
    return rows;
  }

  /** The polite fallback; for a subject the bot does not handle, the reply says where to ask instead. */
  function fallbackText(match: FaqMatch): Text {
    const category = match.outOfScope;
    if (category === undefined || !whereToAsk.has(category) || category === "chit-chat")
      return t("errors.notUnderstood");
    return { lines: [faqText("outOfScope.lead"), faqText(`outOfScope.${category}`)] };
  }

  function showGroups(ctx: TurnContext): void {
    const rows = FAQ_GROUPS.map((g) => [{ label: faqText(`groups.${g}`), payload: `faq:group:${g}` }]);
    ctx.reply(say(faqText("menu.pickGroup"), rows));
  }
}

/**
 * An answer as the person sees it: the text, the day it was checked against its sources and, for answers
 * written before today's situation, what has changed since. A reader in 2026 must not take a 2021 rule for
 * a current one.
 */
function answerText(
  topic: FaqContent,
  lang: Language,
  options: { archiveNotice: boolean; localContacts: string | undefined },
): Text {
  const { validAsOf } = topic;
  const contacts =
    topic.id === "contact.local"
      ? options.localContacts
          ?.split(/\s*[;\n]\s*/)
          .filter((line) => line !== "")
          .join("\n")
      : undefined;
  const lines: Text[] = [
    contacts
      ? faqText("contact.local.configured", { contacts: { raw: contacts } })
      : { raw: topic.answer[lang] },
    faqText("validAsOf", { date: dayMonthYear(validAsOf) }),
  ];
  if (options.archiveNotice && validAsOf < ARCHIVE_NOTICE_AS_OF)
    lines.push({ raw: "" }, faqText("notice.archived"));
  return { lines };
}

/** "2021-11-15" → "15/11/2021", the way dates are written in Vietnam (and in these answers). */
function dayMonthYear(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
