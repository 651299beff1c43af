import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Router as ExpressRouter, type Request, type Response } from "express";
import type { InboxProcessor } from "../../core/inbox-processor";
import type { OutboxStore } from "../../core/ports";
import { HttpError } from "../../http/errors";
import type { IpRateLimit } from "../../http/ip-rate-limit";
import type { WebchatPayload } from "./webchat-inbound";
import { webchatPostSchema } from "./webchat-inbound";
import { readCookie, WEBCHAT_COOKIE, type WebchatSessions } from "./webchat-session";
import type { WebchatStore } from "./webchat-store";

const publicDir = join(dirname(fileURLToPath(import.meta.url)), "public");
const localesDir = join(dirname(fileURLToPath(import.meta.url)), "../../../locales");

/** The page's own words per language (locales/<lng>/webchat.json), sent when the page's language changes. */
function loadPageTexts(): Record<string, Record<string, string>> {
  const texts: Record<string, Record<string, string>> = {};
  for (const lng of ["vi", "en"]) {
    const file = JSON.parse(readFileSync(join(localesDir, lng, "webchat.json"), "utf8")) as {
      page: Record<string, string>;
    };
    texts[lng] = file.page;
  }
  return texts;
}

/** How long a POST waits for the bot's answer before returning (the page then polls). */
const REPLY_WAIT_MS = 5000;

export interface WebchatDeps {
  sessions: WebchatSessions;
  store: WebchatStore;
  processor: InboxProcessor;
  outbox: OutboxStore;
  secureCookies: boolean;
  /** Per-IP budget of messages: the web chat is public, so a script must not flood the inbox. */
  postsPerIp: IpRateLimit;
}

/**
 * The web chat: the page at `/` and a small JSON API under /webchat/api. A message goes through the same
 * inbox → engine → outbox path as Telegram; the POST waits for the answer so the page feels instant.
 */
export function mountWebchat(router: ExpressRouter, deps: WebchatDeps): void {
  router.use(express.static(publicDir, { index: "index.html", maxAge: "1h" }));
  const pageTexts = loadPageTexts();

  router.get("/webchat/api/messages", async (req: Request, res: Response) => {
    const sessionId = session(req, res, deps);
    const after = Number(req.query.after ?? 0);
    if (!Number.isSafeInteger(after) || after < 0) throw new HttpError(400, "invalid_after");
    const [messages, lang] = await Promise.all([
      deps.store.listAfter(sessionId, after, 200),
      deps.store.language(sessionId),
    ]);
    const language = lang ?? (req.acceptsLanguages("vi", "en") || "vi");
    // The page says which language it shows; its words come along only when that changes.
    const page = req.query.lang === language ? undefined : pageTexts[language];
    res.json({ messages, lang: language, ...(page ? { page } : {}) });
  });

  router.post("/webchat/api/messages", async (req: Request, res: Response) => {
    if (!(await deps.postsPerIp.take(req.ip ?? "unknown"))) {
      res.setHeader("Retry-After", "60");
      throw new HttpError(429, "rate_limited");
    }
    const sessionId = session(req, res, deps);
    const parsed = webchatPostSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, "invalid_message", parsed.error.issues.slice(0, 3));
    const { clientId, text, payload, echo } = parsed.data;
    // The transcript shows what the person saw: a tapped button's label, not its payload; nothing for the
    // "/start …" the page sends by itself.
    const line = echo ?? text;
    const languageHint = req.acceptsLanguages("vi", "en") || undefined;
    const stored: WebchatPayload = { sessionId, ...(text ? { text } : {}), ...(payload ? { payload } : {}) };
    if (languageHint) stored.languageHint = languageHint;
    const result = await deps.processor.accept(
      {
        channel: "webchat",
        updateKey: `${sessionId}:${clientId}`,
        conversationKey: `webchat:${sessionId}`,
        payload: JSON.stringify(stored),
      },
      { beforeProcessing: async () => (line ? deps.store.appendUser(sessionId, line) : undefined) },
    );
    await waitForReplies(deps, sessionId, result.id);
    res.status(result.duplicate ? 200 : 201).json({ duplicate: result.duplicate });
  });
}

function session(req: Request, res: Response, deps: WebchatDeps): string {
  const existing = deps.sessions.verify(readCookie(req.get("cookie"), WEBCHAT_COOKIE));
  if (existing) return existing;
  const fresh = deps.sessions.issue();
  res.cookie(WEBCHAT_COOKIE, fresh.cookie, {
    httpOnly: true,
    sameSite: "lax",
    secure: deps.secureCookies,
    maxAge: 180 * 24 * 3600 * 1000,
    path: "/",
  });
  return fresh.id;
}

async function waitForReplies(deps: WebchatDeps, sessionId: string, inboxId: number): Promise<void> {
  const deadline = Date.now() + REPLY_WAIT_MS;
  await Promise.race([deps.processor.waitFor(inboxId), sleep(REPLY_WAIT_MS)]);
  while (Date.now() < deadline && (await deps.outbox.pendingCount("webchat", sessionId)) > 0) await sleep(15);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
