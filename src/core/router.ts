import type { Flow } from "./flow";
import type { Inbound, InboundEvent, Language, Outbound } from "./messages";
import type { ContactRecord, DialogRecord } from "./ports";

/** What a handler can see and do during one turn. Side effects are collected and committed atomically. */
export interface TurnContext {
  readonly inbound: Inbound;
  /**
   * The event being routed: the inbound event, or the button it was read as ("2" → the second choice),
   * or the event a handler redirected to.
   */
  readonly event: InboundEvent;
  readonly contact: Readonly<ContactRecord>;
  readonly lang: Language;
  readonly now: Date;
  /**
   * Names this inbound update, the same each time its turn runs: what a handler creates outside the
   * turn's transaction takes its id from it (src/core/effect-id.ts), so running the turn again is a no-op.
   */
  readonly turnKey: string;
  /** The dialog as it stands after any change made in this turn (its data is the engine's stored form). */
  readonly dialog: DialogRecord | null;
  reply(...messages: Outbound[]): void;
  /**
   * Starts `flow` at `step` with `draft` (replacing any dialog). With `interrupt`, the dialog the person
   * was in is kept and given back, where it stood, when this flow ends (a QR scan halfway through a
   * registration). Asks the step's question.
   */
  enter<D>(flow: Flow<D>, step: string, draft: D, options?: { interrupt?: boolean }): Promise<void>;
  /** Asks the active flow's current question again (resuming after a detour, a sticker, the menu). */
  askAgain(): Promise<void>;
  endDialog(): void;
  setLanguage(lang: Language): void;
  /** The person left (unfollowed, blocked): stop sending them anything until they write again. */
  markUnreachable(): void;
  /** Runs another route as if the person had sent `event` (e.g. a menu button that starts a flow). */
  redirect(event: Inbound["event"]): Promise<void>;
}

/** The payload of the button being routed (also when the person typed its number or label), else "". */
export function buttonPayload(ctx: TurnContext): string {
  return ctx.event.type === "button" ? ctx.event.payload : "";
}

export type Handler = (ctx: TurnContext) => Promise<void> | void;

/** A catch-all for what no command, button or flow took; `next()` hands it to the next one in the chain. */
export type FallbackHandler = (ctx: TurnContext, next: () => Promise<void>) => Promise<void> | void;

type DeepLinkHandler = (ctx: TurnContext, arg: string) => Promise<void> | void;

/** See {@link Router.escapeToPerson}. */
export interface PersonEscape {
  payload: string;
  /** Whether anyone would answer this person now; if not, `nobody` says so and the flow asks again. */
  available(ctx: TurnContext): Promise<boolean>;
  nobody(ctx: TurnContext): void;
}

/**
 * The routing table features register into. Order of precedence for one inbound message: commands, then
 * buttons (the active flow's own first), then the active flow, then the fallbacks — in the order they were
 * registered, each passing on with `next()` (as grammY's `concat` does). Registration order is the order of
 * the features list (src/app/features.ts); registering the same command, button prefix, deep link, flow or
 * event twice is an error at start-up, so no feature can silently replace another's route.
 */
export class Router {
  private readonly commands = new Map<string, Handler>();
  private readonly actions: { prefix: string; handler: Handler }[] = [];
  private readonly deepLinks: { prefix: string; handler: DeepLinkHandler }[] = [];
  private readonly flows = new Map<string, Flow>();
  private readonly eventHandlers = new Map<string, Handler>();
  private readonly fallbacks: FallbackHandler[] = [];
  private personEscape: PersonEscape | undefined;

  /** Registers `/name` (several names may share a handler, e.g. English and Vietnamese aliases). */
  command(names: string | string[], handler: Handler): this {
    for (const name of Array.isArray(names) ? names : [names]) {
      if (this.commands.has(name)) throw new Error(`command /${name} registered twice`);
      this.commands.set(name, handler);
    }
    return this;
  }

  /** Registers a handler for button payloads starting with `prefix`; the longest prefix wins. */
  action(prefix: string, handler: Handler): this {
    if (this.actions.some((a) => a.prefix === prefix)) throw new Error(`action ${prefix} registered twice`);
    this.actions.push({ prefix, handler });
    this.actions.sort((a, b) => b.prefix.length - a.prefix.length);
    return this;
  }

  /** Registers a `/start <prefix><arg>` deep link (Telegram `?start=`, Zalo, web chat `?start=`). */
  deepLink(prefix: string, handler: DeepLinkHandler): this {
    if (this.deepLinks.some((d) => d.prefix === prefix))
      throw new Error(`deep link ${prefix} registered twice`);
    this.deepLinks.push({ prefix, handler });
    this.deepLinks.sort((a, b) => b.prefix.length - a.prefix.length);
    return this;
  }

  flow<D>(flow: Flow<D>): this {
    if (this.flows.has(flow.id)) throw new Error(`flow ${flow.id} registered twice`);
    if (this.actions.some((a) => a.prefix.startsWith(`${flow.id}:`)))
      throw new Error(`flow ${flow.id} clashes with an action of the same prefix`);
    this.flows.set(flow.id, flow as Flow);
    return this;
  }

  /** Platform events without text: `follow`, `unfollow`, `withdraw`, `unsupported`. */
  on(event: "follow" | "unfollow" | "withdraw" | "unsupported", handler: Handler): this {
    if (this.eventHandlers.has(event)) throw new Error(`event ${event} registered twice`);
    this.eventHandlers.set(event, handler);
    return this;
  }

  /** Adds a catch-all after those registered before it (see the class comment for the order). */
  fallback(handler: FallbackHandler): this {
    this.fallbacks.push(handler);
    return this;
  }

  /**
   * Where a person who asks for a person in the middle of a flow is taken (the handover feature): the
   * engine leaves the flow and routes `payload`, or, when nobody could answer, keeps the flow.
   */
  escapeToPerson(toPerson: PersonEscape): this {
    if (this.personEscape) throw new Error("escape to a person registered twice");
    this.personEscape = toPerson;
    return this;
  }

  findPersonEscape(): PersonEscape | undefined {
    return this.personEscape;
  }

  findCommand(name: string): Handler | undefined {
    return this.commands.get(name);
  }

  findAction(payload: string): Handler | undefined {
    return this.actions.find((a) => payload.startsWith(a.prefix))?.handler;
  }

  findDeepLink(arg: string): { handler: DeepLinkHandler; rest: string } | undefined {
    const hit = this.deepLinks.find((d) => arg.startsWith(d.prefix));
    return hit ? { handler: hit.handler, rest: arg.slice(hit.prefix.length) } : undefined;
  }

  findFlow(id: string): Flow | undefined {
    return this.flows.get(id);
  }

  findEvent(event: string): Handler | undefined {
    return this.eventHandlers.get(event);
  }

  /** Runs the fallbacks in order until one does not call `next()`. */
  async runFallbacks(ctx: TurnContext): Promise<void> {
    const run = async (index: number): Promise<void> => {
      const handler = this.fallbacks[index];
      if (handler) await handler(ctx, () => run(index + 1));
    };
    await run(0);
  }
}
