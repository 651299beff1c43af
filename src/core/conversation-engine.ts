import { choicesOf, matchChoice } from "./choices";
import { commandNames } from "./command-names";
import {
  type Flow,
  type FlowContext,
  type FlowState,
  type Navigation,
  navigationPayload,
  notAnOption,
  readFlowState,
  readNavigationPayload,
  storedDialog,
} from "./flow";
import type { Logger } from "./logger";
import { type Button, type Inbound, type Language, languageFromHint, type Outbound, t } from "./messages";
import type {
  ContactRecord,
  ConversationStore,
  DialogRecord,
  MediaStore,
  OutboxItem,
  RenderedChoice,
} from "./ports";
import { renderOutbound, type TextRenderer } from "./renderer";
import type { PersonEscape, Router, TurnContext } from "./router";
import { readChoice } from "./understanding/choice-reading";
import { writtenIn } from "./understanding/english";
import { asksForPerson, readNavigation } from "./understanding/navigation";
import { readYesNo } from "./understanding/yes-no";

export interface EngineDeps {
  router: Router;
  store: ConversationStore;
  texts: TextRenderer;
  media: MediaStore;
  logger: Logger;
  now?: () => Date;
}

/** How many times a turn may redirect (menu button → flow start) before we assume a loop. */
const MAX_REDIRECTS = 3;
/** Answered steps from which cancelling asks "are you sure?" first (a flow may set its own). */
const CONFIRM_CANCEL_AFTER = 3;

/**
 * Runs one inbound message through the router and commits the result (contact, dialog, outbox) in one
 * transaction together with marking the inbox row done. A throwing handler is logged, the person gets an
 * apology, and the dialog stays where it was.
 */
export class ConversationEngine {
  private readonly now: () => Date;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async handle(inboxId: number, inbound: Inbound): Promise<void> {
    const { store, logger } = this.deps;
    const contact = await store.upsertContact({
      channel: inbound.channel,
      externalId: inbound.externalId,
      ...(inbound.displayName ? { displayName: inbound.displayName } : {}),
      language: languageFromHint(inbound.languageHint),
    });
    // Until the person picks a language, it is the one their platform reported when they first wrote, then
    // the one each message is plainly written in ("where do I get a vaccine" is answered in English); a
    // message that does not say ("ok", "2") keeps the last.
    const written =
      !contact.languageSet && inbound.event.type === "text" ? writtenIn(inbound.event.text) : undefined;
    if (written) contact.language = written;
    // Anyone who just wrote to us can be written to again; an unfollow handler turns this off.
    contact.reachable = true;
    const turn = new Turn(
      inbound,
      { ...contact },
      await store.getDialog(contact.id),
      this.now(),
      `inbox:${inboxId}`,
    );
    try {
      await this.route(turn, inbound.event, 0);
      this.offerNavigation(turn);
    } catch (error) {
      logger.error({ err: error, channel: inbound.channel, inboxId }, "handler failed");
      turn.discardChanges();
      turn.reply({ type: "text", text: t("errors.internal") });
    }
    const lang = turn.contact.language;
    const rendered = await renderOutbound(turn.replies, lang, this.deps.texts, this.deps.media);
    const choices = choicesOf(rendered);
    turn.contact.choices = choices;
    const outbox: OutboxItem[] = rendered.map((message) => ({
      channel: inbound.channel,
      externalId: inbound.externalId,
      contactId: contact.id,
      message,
      ...(inbound.messageId ? { replyTo: inbound.messageId } : {}),
    }));
    const interactionAt = inbound.sentAt ?? this.now();
    await store.commitTurn({
      inboxId,
      contact: turn.contact,
      dialog: turn.dialogChange,
      outbox,
      interactionAt,
    });
  }

  private async route(turn: Turn, event: Inbound["event"], depth: number): Promise<void> {
    if (depth > MAX_REDIRECTS) throw new Error("redirect loop");
    const { router } = this.deps;
    const ctx = this.context(turn, event, depth);

    switch (event.type) {
      case "command": {
        const handler = router.findCommand(event.command);
        if (handler && !KEEPS_THE_FLOW.has(event.command)) this.leaveForCommand(turn, ctx, event.command);
        if (handler) return handler(ctx);
        ctx.reply({ type: "text", text: t("errors.unknownCommand", { command: event.command }) });
        // Inside a flow, a mistyped command leaves nothing: the flow's question again, not the main menu
        // (whose buttons would take the next "không" meant for that question).
        if (turn.dialog && router.findFlow(turn.dialog.flow)) return this.askAgain(turn, ctx);
        return router.findCommand("menu")?.(ctx);
      }
      case "button": {
        const dialog = turn.dialog;
        if (dialog && event.payload.startsWith(`${dialog.flow}:`)) return this.runFlow(turn, ctx, dialog);
        const handler = router.findAction(event.payload);
        if (handler) return handler(ctx);
        ctx.reply({ type: "text", text: t("errors.staleButton") });
        return router.findCommand("menu")?.(ctx);
      }
      case "unsupported": {
        // Inside a flow, a message we cannot read must not drop the person out of it: say so, ask again.
        const dialog = turn.dialog;
        if (dialog && router.findFlow(dialog.flow)) {
          ctx.reply({ type: "text", text: t("errors.unsupportedInFlow") });
          return this.askAgain(turn, ctx);
        }
        return router.findEvent(event.type)?.(ctx);
      }
      case "follow":
      case "unfollow":
      case "withdraw":
        return router.findEvent(event.type)?.(ctx);
      default: {
        const dialog = turn.dialog;
        if (event.type === "text") {
          // Inside a flow, "quay lại", "hủy", "thoát" … are never an answer: they move the person.
          const navigation = dialog && router.findFlow(dialog.flow) ? readNavigation(event.text) : null;
          if (dialog && navigation) return this.typedNavigation(turn, ctx, dialog, navigation);
          const toPerson = dialog ? this.personEscape(dialog, event.text) : undefined;
          if (dialog && toPerson) return this.escapeToPerson(turn, ctx, dialog, toPerson, depth);
          const reading = readTypedChoice(event.text, turn.contact.choices);
          if (reading.kind === "match")
            return this.route(turn, { type: "button", payload: reading.choice.payload }, depth + 1);
          if (reading.kind === "ambiguous") return askWhich(ctx, reading.choices);
          // Outside a flow, "menu", "danh mục", "trợ giúp" typed are those commands, not questions for the FAQ.
          // "quay lại", "thôi", "dừng" are not: a feature may own them ("dừng" stops reminders); small talk
          // shows the menu for them when none does.
          const outside = dialog ? null : readNavigation(event.text);
          const command = outside === "menu" || outside === "help" ? router.findCommand(outside) : undefined;
          if (command) return command(ctx);
        }
        if (dialog && router.findFlow(dialog.flow)) return this.runFlow(turn, ctx, dialog);
        return router.runFallbacks(ctx);
      }
    }
  }

  /** Hands the turn to the active flow: engine navigation first, then the flow's own step handler. */
  private async runFlow(turn: Turn, ctx: TurnContext, dialog: DialogRecord): Promise<void> {
    const flow = this.deps.router.findFlow(dialog.flow);
    const state = flow ? readFlowState(flow, dialog) : undefined;
    if (!flow || !state) return this.dropOutdated(turn, ctx, flow);
    const navigation =
      ctx.event.type === "button" ? readNavigationPayload(flow.id, ctx.event.payload) : undefined;
    if (navigation) return this.navigate(turn, ctx, flow, state, navigation);
    await flow.handle(this.flowContext(turn, ctx, flow, state));
    turn.flowSpoke(flow.id);
  }

  /** Navigation typed as words ("quay lại", "hủy", "menu", "giúp"), read like the engine's own buttons. */
  private async typedNavigation(
    turn: Turn,
    ctx: TurnContext,
    dialog: DialogRecord,
    navigation: "back" | "cancel" | "menu" | "help",
  ): Promise<void> {
    const flow = this.deps.router.findFlow(dialog.flow);
    const state = flow ? readFlowState(flow, dialog) : undefined;
    if (!flow || !state) return this.dropOutdated(turn, ctx, flow);
    if (navigation === "help") {
      ctx.reply({ type: "text", text: t("flow.help") });
      return this.askAgain(turn, ctx);
    }
    // A flow that says so reads those words itself where it offers no Back or Cancel (check-in, where the
    // visit is already kept): "thôi" there means "skip", not "discard what you typed".
    const offered = flow.navigation?.(state.step, state.draft) ?? {};
    const wanted = navigation === "back" ? "back" : "cancel";
    if (flow.readsLeaveWords && offered[wanted] === false) return this.runFlow(turn, ctx, dialog);
    // "menu" in the middle of a flow leaves it like "cancel" (asking first when much would be lost).
    return this.navigate(turn, ctx, flow, state, navigation === "back" ? "back" : "cancel");
  }

  /**
   * Another command typed in the middle of a flow ("/khaosat" while composing a broadcast) moves the person on:
   * the flow is left as "cancel" leaves it, saying what was dropped, before the command runs. Kept, its next
   * question would take the words meant for the command ("tạo mới" read as the broadcast's audience).
   */
  private leaveForCommand(turn: Turn, ctx: TurnContext, command: string): void {
    const dialog = turn.dialog;
    const flow = dialog ? this.deps.router.findFlow(dialog.flow) : undefined;
    const state = flow && dialog ? readFlowState(flow, dialog) : undefined;
    if (!dialog || flow?.entryCommands?.includes(command)) return;
    turn.dialogChange = null;
    ctx.reply(wordsOnLeaving(flow, state));
  }

  /** How a person asking for an officer leaves `dialog`'s flow, if this text asks and the flow lets it. */
  private personEscape(dialog: DialogRecord, text: string): PersonEscape | undefined {
    const { router } = this.deps;
    const flow = router.findFlow(dialog.flow);
    const toPerson = router.findPersonEscape();
    if (!flow || flow.readsPersonRequests || !toPerson || !asksForPerson(text)) return undefined;
    return toPerson;
  }

  /**
   * "gặp cán bộ" in the middle of a flow: the person wants somebody, not the next question. The flow is left
   * as "cancel" leaves it (its own words say what was dropped), then the escape runs. When nobody could
   * answer, nothing is dropped: the person is told so and asked the flow's question again.
   */
  private async escapeToPerson(
    turn: Turn,
    ctx: TurnContext,
    dialog: DialogRecord,
    toPerson: PersonEscape,
    depth: number,
  ): Promise<void> {
    const flow = this.deps.router.findFlow(dialog.flow);
    const state = flow ? readFlowState(flow, dialog) : undefined;
    if (!flow || !state) return this.dropOutdated(turn, ctx, flow);
    if (!(await toPerson.available(ctx))) {
      toPerson.nobody(ctx);
      return this.askAgain(turn, ctx);
    }
    turn.dialogChange = null;
    ctx.reply(wordsOnLeaving(flow, state));
    return this.route(turn, { type: "button", payload: toPerson.payload }, depth + 1);
  }

  private async navigate<D>(
    turn: Turn,
    ctx: TurnContext,
    flow: Flow<D>,
    state: FlowState<D>,
    what: Navigation,
  ): Promise<void> {
    const ask = async (next: FlowState<D>) => {
      const fctx = this.flowContext(turn, ctx, flow, next);
      turn.dialogChange = storedDialog(flow, next, turn.now);
      await flow.ask(fctx, next.step);
      turn.flowSpoke(flow.id);
    };
    switch (what) {
      case "back": {
        const previous = state.history.at(-1);
        if (!previous) {
          ctx.reply({ type: "text", text: t("flow.firstStep") });
          return ask(state);
        }
        const answer = flow.answerOf?.(previous, state.draft);
        if (answer) ctx.reply({ type: "text", text: t("flow.previousAnswer", { answer }) });
        return ask({ ...state, step: previous, history: state.history.slice(0, -1) });
      }
      case "stay":
        return ask(state);
      case "cancel":
        if (state.history.length >= (flow.confirmCancelAfter ?? CONFIRM_CANCEL_AFTER)) {
          ctx.reply({
            type: "text",
            text: t("flow.confirmCancel"),
            buttons: [
              [
                {
                  label: t("flow.confirmCancelYes"),
                  payload: navigationPayload(flow.id, "cancel-yes"),
                  answers: "yes",
                },
                {
                  label: t("flow.confirmCancelNo"),
                  payload: navigationPayload(flow.id, "stay"),
                  answers: "no",
                },
              ],
            ],
          });
          return;
        }
        return this.cancel(turn, ctx, flow, state);
      case "cancel-yes":
        return this.cancel(turn, ctx, flow, state);
    }
  }

  private async cancel<D>(turn: Turn, ctx: TurnContext, flow: Flow<D>, state: FlowState<D>): Promise<void> {
    turn.leave(state.resume);
    ctx.reply(wordsOnLeaving(flow, state));
    await flow.afterLeave?.(ctx);
  }

  /** A stored dialog this code cannot read (another version, a flow that no longer exists). */
  private async dropOutdated(turn: Turn, ctx: TurnContext, flow: Flow | undefined): Promise<void> {
    turn.dialogChange = null;
    ctx.reply({ type: "text", text: t("flow.outdated") });
    await flow?.afterLeave?.(ctx);
  }

  private async askAgain(turn: Turn, ctx: TurnContext): Promise<void> {
    const dialog = turn.dialog;
    const flow = dialog ? this.deps.router.findFlow(dialog.flow) : undefined;
    const state = flow && dialog ? readFlowState(flow, dialog) : undefined;
    if (!flow || !state) return this.dropOutdated(turn, ctx, flow);
    await flow.ask(this.flowContext(turn, ctx, flow, state), state.step);
    turn.flowSpoke(flow.id);
  }

  /** Back and Cancel under the question a flow just asked (numbered lines where there are no buttons). */
  private offerNavigation(turn: Turn): void {
    const dialog = turn.dialog;
    const flow = dialog ? this.deps.router.findFlow(dialog.flow) : undefined;
    const state = flow && dialog ? readFlowState(flow, dialog) : undefined;
    const last = turn.replies.at(-1);
    if (!flow || !state || !turn.lastWordWas(flow.id) || last?.type !== "text") return;
    const wanted = flow.navigation?.(state.step, state.draft) ?? {};
    const row: Button[] = [];
    if ((wanted.back ?? true) && state.history.length > 0)
      row.push({ label: t("flow.backButton"), payload: navigationPayload(flow.id, "back") });
    if (wanted.cancel ?? true)
      row.push({ label: t("flow.cancelButton"), payload: navigationPayload(flow.id, "cancel") });
    if (row.length === 0) return;
    turn.replies[turn.replies.length - 1] = { ...last, buttons: [...(last.buttons ?? []), row] };
  }

  private context(turn: Turn, event: Inbound["event"], depth: number): TurnContext {
    const engine = this;
    const ctx: TurnContext = {
      inbound: turn.inbound,
      event,
      contact: turn.contact,
      get lang(): Language {
        return turn.contact.language;
      },
      now: turn.now,
      turnKey: turn.turnKey,
      get dialog() {
        return turn.dialog;
      },
      reply: (...m) => turn.reply(...m),
      async enter(flow, step, draft, options) {
        const current = turn.dialog;
        const resume =
          options?.interrupt && current
            ? current.flow === flow.id
              ? readFlowState(flow, current)?.resume
              : { flow: current.flow, step: current.step, data: current.data }
            : undefined;
        const state = { step, draft, history: [], resume };
        turn.dialogChange = storedDialog(flow, state, turn.now);
        await flow.ask(engine.flowContext(turn, ctx, flow, state), step);
        turn.flowSpoke(flow.id);
      },
      askAgain: () => engine.askAgain(turn, ctx),
      endDialog: () => {
        turn.dialogChange = null;
      },
      setLanguage: (lang) => {
        turn.contact.language = lang;
        turn.contact.languageSet = true;
      },
      markUnreachable: () => {
        turn.contact.reachable = false;
      },
      redirect: (next) => engine.route(turn, next, depth + 1),
    };
    return ctx;
  }

  private flowContext<D>(turn: Turn, ctx: TurnContext, flow: Flow<D>, initial: FlowState<D>): FlowContext<D> {
    let state = initial;
    const write = (next: FlowState<D>) => {
      state = next;
      turn.dialogChange = storedDialog(flow, next, turn.now);
    };
    // The turn's context with the flow's step and draft on top (getters, so they follow next/goto).
    const fctx: FlowContext<D> = Object.create(ctx, {
      step: { get: () => state.step },
      draft: { get: () => state.draft },
      next: {
        value: (step: string, draft?: D) => {
          const history = step === state.step ? state.history : [...state.history, state.step];
          write({ ...state, step, draft: draft ?? state.draft, history });
        },
      },
      goto: {
        value: (step: string, draft?: D) => write({ ...state, step, draft: draft ?? state.draft }),
      },
      end: { value: () => turn.leave(state.resume) },
      unmatched: {
        value: async () => {
          ctx.reply(notAnOption());
          await flow.ask(fctx, state.step);
        },
      },
    });
    return fctx;
  }
}

/** What leaving a flow says, however it was left: the flow's own words on what was dropped, else the common ones. */
function wordsOnLeaving<D>(flow: Flow<D> | undefined, state: FlowState<D> | undefined): Outbound {
  return { type: "text", text: (state && flow?.cancelled?.(state.draft)) || t("flow.cancelled") };
}

/**
 * Reads a typed answer against the choices the person was last offered: strictly first (number, label),
 * then as yes/no where a choice means yes or no, then loosely (part of a label, a typo) — but never against
 * the Back/Cancel row alone, where the text is the answer to a free-text question ("Thôn Hủy" is an address).
 */
function readTypedChoice(
  text: string,
  choices: RenderedChoice[],
):
  | { kind: "match"; choice: RenderedChoice }
  | { kind: "ambiguous"; choices: RenderedChoice[] }
  | { kind: "none" } {
  const strict = matchChoice(text, choices);
  if (strict) return { kind: "match", choice: strict };
  if (choices.some((c) => c.answers)) {
    const yesNo = readYesNo(text);
    const choice = yesNo ? choices.find((c) => c.answers === yesNo) : undefined;
    if (choice) return { kind: "match", choice };
  }
  const offered = choices.filter((c) => !c.payload.includes(":nav:"));
  if (offered.length === 0) return { kind: "none" };
  const loose = readChoice(text, offered);
  return loose.kind === "match" ? { kind: "match", choice: loose.choice } : loose;
}

/** Several offered choices fit what was typed: ask which, offering only those. */
function askWhich(ctx: TurnContext, choices: RenderedChoice[]): void {
  ctx.reply({
    type: "text",
    text: t("choices.which"),
    buttons: choices.map((c) => [
      { label: { raw: c.label }, payload: c.payload, ...(c.answers ? { answers: c.answers } : {}) },
    ]),
  });
}

/**
 * Commands that act on the flow the person is in rather than moving them on: /help explains its question,
 * /cancel and /start end it themselves (with their own words).
 */
const KEEPS_THE_FLOW: ReadonlySet<string> = new Set(
  (["help", "cancel", "start"] as const).flatMap((id) => commandNames(id)),
);

/** The mutable state of one turn behind a {@link TurnContext}. */
class Turn {
  readonly replies: Outbound[] = [];
  /** `undefined`: unchanged; `null`: cleared. */
  dialogChange: DialogRecord | null | undefined = undefined;
  private readonly original: ContactRecord;
  /** Which flow spoke last and how many replies there were then: its question is the last message. */
  private spoke: { flow: string; replies: number } | undefined;

  constructor(
    readonly inbound: Inbound,
    readonly contact: ContactRecord,
    private readonly storedDialog: DialogRecord | null,
    readonly now: Date,
    readonly turnKey: string,
  ) {
    this.original = { ...contact };
  }

  get dialog(): DialogRecord | null {
    return this.dialogChange === undefined ? this.storedDialog : this.dialogChange;
  }

  reply(...messages: Outbound[]): void {
    this.replies.push(...messages);
  }

  flowSpoke(flow: string): void {
    this.spoke = { flow, replies: this.replies.length };
  }

  lastWordWas(flow: string): boolean {
    return this.spoke?.flow === flow && this.spoke.replies === this.replies.length;
  }

  /** Ends the dialog, giving back the one it interrupted (its own prompts resume it). */
  leave(resume: FlowState<unknown>["resume"]): void {
    this.dialogChange = resume ? { ...resume, updatedAt: this.now } : null;
  }

  discardChanges(): void {
    this.replies.length = 0;
    this.dialogChange = undefined;
    this.spoke = undefined;
    Object.assign(this.contact, this.original);
  }
}
