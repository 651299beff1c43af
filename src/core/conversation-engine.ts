import { choicesOf, matchChoice } from "./choices";
import type { Logger } from "./logger";
import { type Inbound, type Language, languageFromHint, type Outbound, t } from "./messages";
import type { ContactRecord, ConversationStore, DialogRecord, MediaStore, OutboxItem } from "./ports";
import { renderOutbound, type TextRenderer } from "./renderer";
import type { Router, TurnContext } from "./router";

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
    // Until the person picks a language, follow what their platform reports (it may change).
    if (!contact.languageSet && inbound.languageHint)
      contact.language = languageFromHint(inbound.languageHint);
    // Anyone who just wrote to us can be written to again; an unfollow handler turns this off.
    contact.reachable = true;
    const turn = new Turn(inbound, { ...contact }, await store.getDialog(contact.id), this.now());
    try {
      await this.route(turn, inbound.event, 0);
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
    const ctx = turn.context(event, (next) => this.route(turn, next, depth + 1));

    switch (event.type) {
      case "command": {
        const handler = router.findCommand(event.command);
        if (handler) return handler(ctx);
        ctx.reply({ type: "text", text: t("errors.unknownCommand", { command: event.command }) });
        return router.findCommand("menu")?.(ctx);
      }
      case "button": {
        const dialog = turn.dialog;
        if (dialog && event.payload.startsWith(`${dialog.flow}:`)) {
          return router.findFlow(dialog.flow)?.handle(ctx, dialog);
        }
        const handler = router.findAction(event.payload);
        if (handler) return handler(ctx);
        ctx.reply({ type: "text", text: t("errors.staleButton") });
        return router.findCommand("menu")?.(ctx);
      }
      case "unsupported": {
        // Inside a flow, a message we cannot read must not drop the person out of it: say so, ask again.
        const dialog = turn.dialog;
        const flow = dialog ? router.findFlow(dialog.flow) : undefined;
        if (dialog && flow?.reprompt) {
          ctx.reply({ type: "text", text: t("errors.unsupportedInFlow") });
          return flow.reprompt(ctx, dialog);
        }
        return router.findEvent(event.type)?.(ctx);
      }
      case "follow":
      case "unfollow":
        return router.findEvent(event.type)?.(ctx);
      default: {
        if (event.type === "text") {
          const choice = matchChoice(event.text, turn.contact.choices);
          if (choice) return this.route(turn, { type: "button", payload: choice.payload }, depth + 1);
        }
        const dialog = turn.dialog;
        const flow = dialog ? router.findFlow(dialog.flow) : undefined;
        if (dialog && flow) return flow.handle(ctx, dialog);
        return router.fallbackRoute?.(ctx);
      }
    }
  }
}

/** The mutable state of one turn behind a {@link TurnContext}. */
class Turn {
  readonly replies: Outbound[] = [];
  /** `undefined`: unchanged; `null`: cleared. */
  dialogChange: DialogRecord | null | undefined = undefined;
  private readonly original: ContactRecord;

  constructor(
    readonly inbound: Inbound,
    readonly contact: ContactRecord,
    private readonly storedDialog: DialogRecord | null,
    readonly now: Date,
  ) {
    this.original = { ...contact };
  }

  get dialog(): DialogRecord | null {
    return this.dialogChange === undefined ? this.storedDialog : this.dialogChange;
  }

  reply(...messages: Outbound[]): void {
    this.replies.push(...messages);
  }

  discardChanges(): void {
    this.replies.length = 0;
    this.dialogChange = undefined;
    Object.assign(this.contact, this.original);
  }

  context(event: Inbound["event"], redirect: (event: Inbound["event"]) => Promise<void>): TurnContext {
    const turn = this;
    return {
      inbound: turn.inbound,
      event,
      contact: turn.contact,
      get lang(): Language {
        return turn.contact.language;
      },
      now: turn.now,
      get dialog() {
        return turn.dialog;
      },
      reply: (...m) => turn.reply(...m),
      enter: (flow, step, data = {}) => {
        turn.dialogChange = { flow, step, data, updatedAt: turn.now };
      },
      goto: (step, data) => {
        const current = turn.dialog;
        if (!current) throw new Error(`goto(${step}) outside a dialog`);
        turn.dialogChange = { ...current, step, data: data ?? current.data, updatedAt: turn.now };
      },
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
      redirect,
    };
  }
}
