import type { z } from "zod";
import { type Outbound, type Text, t } from "./messages";
import type { DialogRecord } from "./ports";
import type { TurnContext } from "./router";

/**
 * What a flow's step handler can see and do: the turn, plus the flow's own typed draft and step. The draft
 * is parsed from storage with the flow's schema before the handler runs, so no handler casts it.
 */
export interface FlowContext<D> extends TurnContext {
  readonly step: string;
  readonly draft: D;
  /** Moves on to `step` (with a new draft). The step left is remembered, so "back" returns to it. */
  next(step: string, draft?: D): void;
  /** Goes to `step` without remembering the current one: asking again, paging, a detour such as a summary. */
  goto(step: string, draft?: D): void;
  /** Ends this flow; a dialog it interrupted is given back where it stood. */
  end(): void;
  /**
   * Typed text that matched none of the step's choices: says so, then asks the current step again (unlike
   * the turn's `askAgain`, which only repeats the question).
   */
  unmatched(): Promise<void>;
}

/**
 * A multi-step dialog, written once for every channel. The engine owns what every flow shares: the stored
 * draft is parsed with `draft` and must carry `version` (a draft written by another version of the code —
 * a deploy mid-conversation — is dropped with a clear message, never cast); "back" returns to the previous
 * question and "cancel" leaves, asking first once several answers would be lost; both are offered as
 * buttons under each question (numbered lines on channels without buttons) and understood when typed.
 *
 * Button payloads of a flow start with its id and a colon (`venue:cat:shop`, built with {@link flowPayload}):
 * while the flow is active they go to its `handle`, before any feature's actions. Feature actions that
 * start or resume a flow use another prefix (`venues:start`). `<id>:nav:…` is reserved for the engine.
 */
export interface FlowSpec<D> {
  readonly id: string;
  /** Bump when the draft's shape or the meaning of a step changes. */
  readonly version: number;
  readonly draft: z.ZodType<D>;
  /** Asks the question of `step` (on entering, after "back", and whenever it must be asked again). */
  ask(ctx: FlowContext<D>, step: string): Promise<void> | void;
  /** Reads the person's answer to the current step (a typed text, a button of this flow, a shared contact…). */
  handle(ctx: FlowContext<D>): Promise<void> | void;
  /** The answer already given at `step`, shown when the person comes back to it with "back". */
  answerOf?(step: string, draft: D): Text | undefined;
  /** Which navigation the question at `step` offers (default: both; Back only once a step was answered). */
  navigation?(step: string, draft: D): { back?: boolean; cancel?: boolean };
  /** What leaving by "cancel" says it discarded (default `flow.cancelled`). */
  cancelled?(draft: D): Text;
  /** Runs after the flow was left by "cancel" or dropped as out of date (e.g. shows the menu). */
  afterLeave?(ctx: TurnContext): Promise<void> | void;
  /** How many answered steps make a draft worth an "are you sure?" before cancelling (default 3). */
  readonly confirmCancelAfter?: number;
  /**
   * Typed "quay lại"/"hủy"/"menu" at a step that offers no Back or no Cancel go to `handle` instead of the
   * engine (which would say "first step" or "discarded"): for flows whose leaving keeps what was done.
   */
  readonly readsLeaveWords?: boolean;
  /**
   * "gặp cán bộ" typed here is this flow's to read (the flows that talk with officers); elsewhere it leaves
   * the flow for the router's escape to a person.
   */
  readonly readsPersonRequests?: boolean;
  /**
   * Commands that start this flow and know a draft of it is open (venue registration's /venue offers to
   * continue or start over). Typed inside the flow they reach their handler with the flow kept; any other
   * command leaves the flow first.
   */
  readonly entryCommands?: readonly string[];
}

/** A flow as the router and engine hold it. */
export type Flow<D = unknown> = FlowSpec<D>;

/** Declares a flow; the identity function that lets TypeScript infer the draft's type from its schema. */
export function defineFlow<D>(spec: FlowSpec<D>): Flow<D> {
  return spec;
}

/** The engine's stored form of a dialog's data. */
interface StoredFlow {
  v: number;
  draft: unknown;
  /** Steps answered, oldest first: where "back" goes. */
  history: string[];
  /** The dialog this one interrupted, given back when it ends. */
  resume?: { flow: string; step: string; data: Record<string, unknown> } | undefined;
}

/** A flow's state as read from storage. */
export interface FlowState<D> {
  step: string;
  draft: D;
  history: string[];
  resume: StoredFlow["resume"];
}

/** What identifies a flow's stored drafts: enough to read them outside the flow (a nudge, a resume prompt). */
export type FlowShape<D> = Pick<FlowSpec<D>, "id" | "version" | "draft">;

/** Reads a stored dialog of `flow`; undefined when it is of another version or does not fit the schema. */
export function readFlowState<D>(flow: FlowShape<D>, dialog: DialogRecord): FlowState<D> | undefined {
  if (dialog.flow !== flow.id) return undefined;
  const data = dialog.data as Partial<StoredFlow>;
  if (data.v !== flow.version || !Array.isArray(data.history)) return undefined;
  const draft = flow.draft.safeParse(data.draft);
  if (!draft.success) return undefined;
  const history = data.history.filter((s): s is string => typeof s === "string");
  return { step: dialog.step, draft: draft.data, history, resume: data.resume };
}

/** The dialog record that stores `state` of `flow`. */
export function storedDialog<D>(flow: Flow<D>, state: FlowState<D>, now: Date): DialogRecord {
  const data: StoredFlow = { v: flow.version, draft: state.draft, history: state.history };
  if (state.resume) data.resume = state.resume;
  return { flow: flow.id, step: state.step, data: { ...data }, updatedAt: now };
}

/** The draft of `flow` in `dialog`, when the person is in that flow (e.g. "continue your registration?"). */
export function draftOf<D>(flow: FlowShape<D>, dialog: DialogRecord | null): D | undefined {
  return dialog ? readFlowState(flow, dialog)?.draft : undefined;
}

/** A button payload that reaches `flow`'s `handle` while it is active: `<id>:<action>[:<arg>]`. */
export function flowPayload(flow: { id: string }, action: string, arg?: string | number): string {
  return arg === undefined ? `${flow.id}:${action}` : `${flow.id}:${action}:${arg}`;
}

/** The flow button being handled, split into action and argument; undefined for anything else. */
export function flowAction(
  ctx: TurnContext,
  flow: { id: string },
): { action: string; arg: string } | undefined {
  if (ctx.event.type !== "button" || !ctx.event.payload.startsWith(`${flow.id}:`)) return undefined;
  const rest = ctx.event.payload.slice(flow.id.length + 1);
  const colon = rest.indexOf(":");
  return colon < 0 ? { action: rest, arg: "" } : { action: rest.slice(0, colon), arg: rest.slice(colon + 1) };
}

/** The typed text of this turn, trimmed, or "" for anything else. */
/**
 * Said before a step that offers choices is asked again because what was typed matched none of them: asking
 * again in silence leaves the person guessing what went wrong.
 */
export function notAnOption(): Outbound {
  return { type: "text", text: t("flow.notAnOption") };
}

export function typedText(ctx: TurnContext): string {
  return ctx.event.type === "text" ? ctx.event.text.trim() : "";
}

/** Navigation the engine handles for every flow (`<id>:nav:<what>`). */
export const NAVIGATION = ["back", "cancel", "cancel-yes", "stay"] as const;
export type Navigation = (typeof NAVIGATION)[number];

export function navigationPayload(flowId: string, what: Navigation): string {
  return `${flowId}:nav:${what}`;
}

export function readNavigationPayload(flowId: string, payload: string): Navigation | undefined {
  const prefix = `${flowId}:nav:`;
  if (!payload.startsWith(prefix)) return undefined;
  const what = payload.slice(prefix.length);
  return NAVIGATION.find((n) => n === what);
}
