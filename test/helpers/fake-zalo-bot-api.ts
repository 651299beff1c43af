import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";

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
  private server: Server | undefined;
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
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
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
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; calls: ${this.calls.map((c) => c.method)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private defaultResult(call: ZaloBotApiCall): unknown {
    if (call.method.startsWith("send") && call.method !== "sendChatAction") {
      return { message_id: `m${(this.nextMessageId++).toString(16).padStart(8, "0")}`, date: Date.now() };
    }
    if (call.method === "setWebhook") return { url: call.body.url, updated_at: Date.now() };
    return true;
  }
}
