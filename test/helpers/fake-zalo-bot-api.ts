import express from "express";
import { type LocalServer, listenLocal, waitUntil } from "./local-server";

/** One Zalo Bot API call as the stand-in received it. */
export interface ZaloBotApiCall {
  method: string;
  token: string;
  body: Record<string, unknown>;
  at: number;
}

export type ZaloBotApiResponder = (call: ZaloBotApiCall) => { status: number; body: unknown } | undefined;

/**
 * A local stand-in for bot-api.zaloplatforms.com: records every call and answers with the documented
 * envelope (`{ok: true, result}`), or as a test's responder says (`{ok: false, error_code: 429, …}`).
 */
export class FakeZaloBotApi {
  readonly calls: ZaloBotApiCall[] = [];
  responder: ZaloBotApiResponder | undefined;
  private server: LocalServer | undefined;
  private nextMessageId = 1;

  async start(): Promise<string> {
    const app = express();
    app.use(express.json());
    app.post("/bot:token/:method", (req, res) => {
      const call: ZaloBotApiCall = {
        method: req.params.method,
        token: req.params.token,
        body: req.body as Record<string, unknown>,
        at: Date.now(),
      };
      this.calls.push(call);
      const custom = this.responder?.(call);
      if (custom) return void res.status(custom.status).json(custom.body);
      res.json({ ok: true, result: this.defaultResult(call) });
    });
    this.server = await listenLocal(app);
    return this.server.url;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** Calls of one method to one chat. */
  to(chatId: string, method = "sendMessage"): ZaloBotApiCall[] {
    return this.calls.filter((c) => c.method === method && c.body.chat_id === chatId);
  }

  /** Texts of sendMessage calls to one chat. */
  textsTo(chatId: string): string[] {
    return this.to(chatId).map((c) => String(c.body.text));
  }

  /** Waits until `predicate` holds (the bot answers asynchronously). */
  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    await waitUntil(predicate, timeoutMs, () => `calls: ${this.calls.map((c) => c.method)}`);
  }

  private defaultResult(call: ZaloBotApiCall): unknown {
    if (call.method.startsWith("send") && call.method !== "sendChatAction") {
      return { message_id: `m${(this.nextMessageId++).toString(16).padStart(8, "0")}`, date: Date.now() };
    }
    if (call.method === "setWebhook") return { url: call.body.url, updated_at: Date.now() };
    return true;
  }
}
