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
  /** The dialog as it stands after any change made in this turn. */
  readonly dialog: DialogRecord | null;
  reply(...messages: Outbound[]): void;
  /** Starts (or replaces) the contact's dialog. */
  enter(flow: string, step: string, data?: Record<string, unknown>): void;
  /** Moves the current dialog to another step, replacing its data when given. */
  goto(step: string, data?: Record<string, unknown>): void;
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

/** A multi-step flow. `handle` gets every message while the contact is inside it. */
export interface Flow {
  readonly id: string;
  handle(ctx: TurnContext, dialog: DialogRecord): Promise<void> | void;
  /** Asks the current step's question again (after a message the flow cannot read, e.g. a sticker). */
  reprompt?(ctx: TurnContext, dialog: DialogRecord): Promise<void> | void;
}

/**
 * The routing table features register into. Order of precedence for one inbound message:
 * commands, then buttons (the active flow's own first), then the active flow, then the free-text fallback.
 */
export class Router {
  private readonly commands = new Map<string, Handler>();
  private readonly actions: { prefix: string; handler: Handler }[] = [];
  private readonly deepLinks: {
    prefix: string;
    handler: (ctx: TurnContext, arg: string) => Promise<void> | void;
  }[] = [];
  private readonly flows = new Map<string, Flow>();
  private readonly eventHandlers = new Map<string, Handler>();
  private fallbackHandler: Handler | undefined;

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
    this.actions.push({ prefix, handler });
    this.actions.sort((a, b) => b.prefix.length - a.prefix.length);
    return this;
  }

  /** Registers a `/start <prefix><arg>` deep link (Telegram `?start=`, Zalo, web chat `?start=`). */
  deepLink(prefix: string, handler: (ctx: TurnContext, arg: string) => Promise<void> | void): this {
    this.deepLinks.push({ prefix, handler });
    this.deepLinks.sort((a, b) => b.prefix.length - a.prefix.length);
    return this;
  }

  flow(flow: Flow): this {
    if (this.flows.has(flow.id)) throw new Error(`flow ${flow.id} registered twice`);
    this.flows.set(flow.id, flow);
    return this;
  }

  /** Platform events without text: `follow`, `unfollow`, `unsupported`. */
  on(event: "follow" | "unfollow" | "unsupported", handler: Handler): this {
    this.eventHandlers.set(event, handler);
    return this;
  }

  /** Free text that no flow is waiting for. */
  fallback(handler: Handler): this {
    this.fallbackHandler = handler;
    return this;
  }

  findCommand(name: string): Handler | undefined {
    return this.commands.get(name);
  }

  findAction(payload: string): Handler | undefined {
    return this.actions.find((a) => payload.startsWith(a.prefix))?.handler;
  }

  findDeepLink(
    arg: string,
  ): { handler: (ctx: TurnContext, arg: string) => Promise<void> | void; rest: string } | undefined {
    const hit = this.deepLinks.find((d) => arg.startsWith(d.prefix));
    return hit ? { handler: hit.handler, rest: arg.slice(hit.prefix.length) } : undefined;
  }

  findFlow(id: string): Flow | undefined {
    return this.flows.get(id);
  }

  findEvent(event: string): Handler | undefined {
    return this.eventHandlers.get(event);
  }

  get fallbackRoute(): Handler | undefined {
    return this.fallbackHandler;
  }
}
