import { z } from "zod";
import { parseCommandText } from "../../core/command-text";
import type { Inbound } from "../../core/messages";

/** What the page posts. A client-generated id makes a resent request (flaky mobile network) a replay. */
export const webchatPostSchema = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    text: z.string().trim().min(1).max(2000).optional(),
    payload: z.string().min(1).max(64).optional(),
    /** The line the transcript shows for this message: a tapped button's label; "" for the page's own /start. */
    echo: z.string().trim().max(200).optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.payload === undefined), "send exactly one of text or payload");

/** The stored inbox payload of one web chat message. */
export interface WebchatPayload {
  sessionId: string;
  text?: string;
  payload?: string;
  languageHint?: string;
}

/** Maps a stored web chat message into an {@link Inbound}. Text starting with "/" is a command. */
export function webchatToInbound(p: WebchatPayload): Inbound {
  const base = {
    channel: "webchat" as const,
    externalId: p.sessionId,
    ...(p.languageHint ? { languageHint: p.languageHint } : {}),
  };
  if (p.payload !== undefined) return { ...base, event: { type: "button", payload: p.payload } };
  const text = (p.text ?? "").trim();
  const command = parseCommandText(text);
  if (command) return { ...base, event: { type: "command", ...command } };
  return { ...base, event: { type: "text", text } };
}
