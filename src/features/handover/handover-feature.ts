import { z } from "zod";
import { effectId } from "../../core/effect-id";
import { defineFlow, type Flow, flowAction, typedText } from "../../core/flow";
import { namespace, say, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { asksForPerson } from "../../core/understanding/navigation";
import { containsPhrase, phrases, prepare } from "../../core/understanding/words";
import type { MenuEntry } from "../menu/menu-feature";
import type { OfficerService } from "../officers/officer-service";
import type { RequireOfficer } from "../officers/officers-feature";
import { communePage } from "../subscriptions/commune-picker";
import type { SubscriptionStore } from "../subscriptions/subscription-store";
import { type District, findUnitByName, unitsInForce } from "../venues/district";
import { unitMatchNote } from "../venues/unit-texts";
import { readEnding } from "./close-words";
import type { HandoverService } from "./handover-service";
import { describeHours, describeMoment, isOpen, nextOpening } from "./office-hours";
import { registerOfficerSide } from "./officer-chat";
import { MISS_WINDOW_MS } from "./question-hook";
import { rateTyped, registerRating } from "./rating-chat";
import type { ReadyAnswers } from "./ready-answers";
import { registerTicketList } from "./ticket-list-chat";
import { ratingQuestion } from "./ticket-messenger";
import type { TicketRecord } from "./ticket-store";
import { anyoneToAnswer as whoAnswers } from "./who-answers";

export const HANDOVER_MENU: MenuEntry[] = [{ labelKey: "handover:menu.entry", payload: "handover:start" }];

const handoverText = namespace("handover");

const askDraft = z.object({
  communeCode: z.string().nullable(),
  /** False until the person said where they live (a commune, or "not sure"). */
  communeAsked: z.boolean(),
  question: z.string().nullable(),
  transcript: z.array(z.string()),
});
type AskDraft = z.infer<typeof askDraft>;

/** What the handover chat needs (wired in src/app/handover.ts). */
export interface HandoverChatDeps {
  service: HandoverService;
  officers: OfficerService;
  requireOfficer: RequireOfficer;
  subscriptions: SubscriptionStore;
  district: District;
  showMenu: (ctx: TurnContext) => void;
  /** FAQ topic ids whose answers officers may send as ready answers. */
  readyAnswers: ReadyAnswers;
}

/**
 * A person asks for a person: "gặp cán bộ", the menu, two unanswered questions in a row, or "none of these".
 * The bot asks the commune if it does not know it and the question if there is none yet, opens a ticket and
 * says who answers and when. While the ticket is open the person's messages go to it, acknowledged once per
 * burst (acknowledgement.ts; commands still work); "xong"/"hết rồi"/"hủy" closes it and asks for a 👍/👎, and
 * a thank-you right after an answer asks whether they are done.
 */
export function registerHandover(router: Router, deps: HandoverChatDeps): void {
  const { service, district } = deps;

  const anyoneToAnswer = (communeCode: string | null, anyCommune = false) =>
    whoAnswers(deps.officers, communeCode, anyCommune);

  // Nobody could answer (no officer invited for it yet): said plainly instead of a ticket no one reads.
  const nobodyToAnswer = (ctx: TurnContext) => {
    ctx.reply(say(t("intents.human")));
    deps.showMenu(ctx);
  };

  const askFlow: Flow<AskDraft> = defineFlow({
    id: "handover-ask",
    version: 1,
    // Already on the way to an officer: "gặp cán bộ" here is read by the flow, not a second escape.
    readsPersonRequests: true,
    draft: askDraft,
    ask(ctx, step) {
      if (step === "commune") return askCommune(ctx, 0);
      ctx.reply(say(handoverText("citizen.askQuestion")));
    },
    async handle(ctx) {
      const action = flowAction(ctx, askFlow);
      if (ctx.step === "commune") {
        if (action?.action === "page") return askCommune(ctx, Number(action.arg) || 0);
        let code: string | null | undefined;
        if (action?.action === "commune") {
          code =
            action.arg === "none"
              ? null
              : unitsInForce(district, ctx.now).find((u) => u.code === action.arg)?.code;
        } else if (typedText(ctx)) {
          const text = typedText(ctx);
          const match = findUnitByName(district, text, ctx.now);
          const note = unitMatchNote(match, text);
          if (note) ctx.reply(say(note));
          if (match.kind === "unit" || match.kind === "former")
            code = service.communeInForce(match.unit.code, ctx.now);
          // "ko rõ", "không biết": the "Không rõ / nơi khác" button in words.
          else if (saysDontKnow(text)) code = null;
          // The question itself, typed here before it was asked for: kept, the commune left unknown.
          else if (match.kind === "none" && !ctx.draft.question && isAQuestion(text)) {
            ctx.end();
            return openTicket(ctx, { ...ctx.draft, communeCode: null, communeAsked: true, question: text });
          }
        }
        if (code === undefined) return askCommune(ctx, 0);
        const draft = { ...ctx.draft, communeCode: code, communeAsked: true };
        if (!draft.question) {
          ctx.next("question", draft);
          return ctx.reply(say(handoverText("citizen.askQuestion")));
        }
        ctx.end();
        return openTicket(ctx, draft);
      }
      const text = typedText(ctx);
      // "gặp cán bộ" again is not the question: that is what is being asked for.
      if (!text || asksForPerson(text)) return ctx.reply(say(handoverText("citizen.askQuestion")));
      ctx.end();
      return openTicket(ctx, { ...ctx.draft, question: text });
    },
    navigation: (step, draft) => ({ back: step === "question" && draft.communeAsked }),
    cancelled: () => handoverText("citizen.cancelled"),
    afterLeave: (ctx) => deps.showMenu(ctx),
  });

  function askCommune(ctx: TurnContext, page: number): void {
    ctx.reply(
      say(
        handoverText("citizen.askCommune"),
        communePage(
          unitsInForce(district, ctx.now),
          page,
          { pick: "handover-ask:commune:", page: "handover-ask:page:" },
          [[{ label: handoverText("citizen.communeUnknown"), payload: "handover-ask:commune:none" }]],
        ),
      ),
    );
  }

  /** The commune of the person's reminders, as it is now called (null: none chosen). */
  const knownCommune = async (ctx: TurnContext) =>
    service.communeInForce((await deps.subscriptions.get(ctx.contact.id))?.communeCode, ctx.now);

  /** Starts a request; `question` and `transcript` come from unanswered FAQ questions when there were some. */
  const start = async (ctx: TurnContext, question: string | null, transcript: string[]) => {
    // This turn ran before and opened its ticket (its process died before the turn committed): answer as
    // it did. Looked at first, because the misses it read are cleared and the ticket is now open.
    const opened = await service.store.get(effectId(ctx.turnKey, "ticket"));
    if (opened) {
      ctx.reply(say(handoverText("citizen.intro")));
      return await sayOpened(ctx, opened);
    }
    const active = await service.store.findActive(ctx.contact.id);
    if (active) return ctx.reply(say(handoverText("citizen.alreadyOpen")));
    const known = await knownCommune(ctx);
    if (!(await anyoneToAnswer(known, known === null))) return nobodyToAnswer(ctx);
    ctx.reply(say(handoverText("citizen.intro")));
    const draft: AskDraft = { communeCode: known, communeAsked: known !== null, question, transcript };
    if (!draft.communeAsked) return ctx.enter(askFlow, "commune", draft);
    if (!question) return ctx.enter(askFlow, "question", draft);
    return openTicket(ctx, draft);
  };

  const openTicket = async (ctx: TurnContext, draft: AskDraft) => {
    if (!(await anyoneToAnswer(draft.communeCode))) return nobodyToAnswer(ctx);
    const question = draft.question ?? "";
    const ticket = await service.open({
      contactId: ctx.contact.id,
      channel: ctx.inbound.channel,
      externalId: ctx.inbound.externalId,
      language: ctx.lang,
      communeCode: draft.communeCode,
      question,
      transcript: draft.transcript,
      now: ctx.now,
      turnKey: ctx.turnKey,
    });
    await sayOpened(ctx, ticket);
  };

  const sayOpened = async (ctx: TurnContext, ticket: TicketRecord) => {
    // "Cán bộ xã Đông Sơn" only when one of them is told: a commune without its own officer yet is answered
    // by the district's admins, and the person is told so.
    const commune = (await service.hasCommuneOfficer(ticket))
      ? service.communeName(ticket.communeCode)
      : null;
    const who = commune
      ? handoverText("citizen.whoCommune", { commune: lowerFirst(commune) })
      : handoverText("citizen.whoDistrict");
    const hours = describeHours(service.hours, ctx.lang);
    const when = isOpen(service.hours, ctx.now)
      ? handoverText("citizen.whenOpen", { hours })
      : handoverText("citizen.whenClosed", {
          hours,
          next: describeMoment(nextOpening(service.hours, ctx.now), ctx.lang),
        });
    // No "done" button here: the engine reads typed words loosely against the last buttons offered, and
    // "dạ em cảm ơn, …" for the officer would be taken for "Xong, cảm ơn". Typed "xong" closes it.
    ctx.reply(say(handoverText("citizen.opened", { who, when })));
  };

  const close = async (ctx: TurnContext, ticketId: string) => {
    if (!(await service.closeByCitizen(ticketId, ctx.contact.id, ctx.now))) {
      ctx.reply(say(handoverText("citizen.nothingOpen")));
      return deps.showMenu(ctx);
    }
    ctx.reply(say(handoverText("citizen.closed")), ratingQuestion(ticketId));
  };

  // Yes closes as "xong" does; no keeps the ticket open. Labels without "cảm ơn", so a second thank-you
  // that is only politeness is not read as the first button.
  const askIfDone = (ctx: TurnContext, ticketId: string) =>
    ctx.reply(
      say(handoverText("citizen.askDone"), [
        [
          { label: handoverText("citizen.doneYes"), payload: `handover:done:${ticketId}`, answers: "yes" },
          { label: handoverText("citizen.doneNo"), payload: "handover:keep", answers: "no" },
        ],
      ]),
    );

  router
    .flow(askFlow)
    // "gặp cán bộ" typed in the middle of any other flow comes here (the engine leaves that flow first).
    .escapeToPerson({
      payload: "handover:start",
      available: async (ctx) => {
        const known = await knownCommune(ctx);
        return anyoneToAnswer(known, known === null);
      },
      nobody: (ctx) => ctx.reply(say(t("intents.human"))),
    })
    .action("handover:start", (ctx) => start(ctx, null, []))
    .action("handover:offer", async (ctx) => {
      const misses = await service.store.missesSince(
        ctx.contact.id,
        new Date(ctx.now.getTime() - MISS_WINDOW_MS),
      );
      const question = misses.at(-1) ?? null;
      return start(ctx, question, question ? misses.slice(0, -1) : []);
    })
    .action("handover:done:", (ctx) => close(ctx, buttonPayload(ctx).slice("handover:done:".length)))
    .action("handover:keep", (ctx) => ctx.reply(say(handoverText("citizen.keepGoing"))));

  registerRating(router, deps);
  registerOfficerSide(router, deps);
  registerTicketList(router, deps);

  // While a ticket is open the person's words are for the officer. First in the features list: "hủy" here
  // closes the ticket rather than stopping reminders, and a question is not answered by the FAQ meanwhile.
  router.fallback(async (ctx, next) => {
    if (ctx.event.type !== "text") return next();
    const ticket = await service.store.findLatest(ctx.contact.id);
    // A ticket this very turn opened (it runs again): the words asked for it, they are not a message to it.
    if (!ticket || ticket.id === effectId(ctx.turnKey, "ticket")) return next();
    if (ticket.status === "closed")
      return (await rateTyped(ctx, ticket, ctx.event.text)) ? undefined : next();
    const ending = readEnding(ctx.event.text);
    if (ending === "close") return close(ctx, ticket.id);
    const kept = await service.citizenWrote(ticket, ctx.event.text.trim(), ctx.now, ctx.turnKey);
    if (!kept) return next();
    // "ok cảm ơn" right after an answer: most likely the end, but maybe politeness before the next question.
    // Asked, not assumed: a ticket closed by mistake cannot be reopened. The thanks reached the officer.
    if (ending === "thanks" && ticket.status === "waiting") return askIfDone(ctx, ticket.id);
    if (kept.acknowledge) ctx.reply(say(handoverText("citizen.passedOn")));
  });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

/** Ways of saying "I don't know" or "somewhere else" to "which commune are you in?". */
const DONT_KNOW = phrases([
  "khong ro",
  "ko ro",
  "k ro",
  "hok ro",
  "khong biet",
  "ko biet",
  "k biet",
  "hok biet",
  "khong nho",
  "ko nho",
  "chiu",
  "noi khac",
  "xa khac",
  "o xa khac",
  "tinh khac",
  "dont know",
  "don t know",
  "not sure",
  "somewhere else",
  "other",
  "none",
]);

function saysDontKnow(text: string): boolean {
  const { words } = prepare(text);
  return DONT_KNOW.some((phrase) => containsPhrase(words, phrase));
}

/** Long enough to be the question rather than a commune's name mistyped: five words or more. */
function isAQuestion(text: string): boolean {
  return prepare(text).words.length >= 5;
}
