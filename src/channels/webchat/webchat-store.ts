import type { RenderedMessage } from "../../core/rendered-message";

/** One line of a web chat transcript, as the page receives it. */
export type WebchatEntry =
  | { id: number; from: "user"; text: string; at: string }
  | { id: number; from: "bot"; message: RenderedMessage; at: string };

/** Transcript storage for the web chat (Prisma in src/db; tests use it on a fresh database). */
export interface WebchatStore {
  appendUser(sessionId: string, text: string): Promise<void>;
  /** Appends a bot line; with `outboxId`, once only (a second delivery of that outbox row adds nothing). */
  appendBot(sessionId: string, message: RenderedMessage, outboxId?: number): Promise<void>;
  listAfter(sessionId: string, afterId: number, limit: number): Promise<WebchatEntry[]>;
  /** The language the conversation runs in, so the page's own words (title, placeholder) follow it. */
  language(sessionId: string): Promise<string | undefined>;
}
