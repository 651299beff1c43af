import express from "express";
import { type LocalServer, listenLocal, waitUntil } from "./local-server";

/** One Bot API call as the stand-in received it. */
export interface BotApiCall {
  method: string;
  token: string;
  body: Record<string, unknown>;
  contentType: string;
  at: number;
}

/**
 * A test's answer to one call: a status and body, `"hang-up"` (the connection is cut after the call was
 * received, as when a network fails mid-call), or `undefined` for the normal answer.
 */
export type BotApiResponder = (call: BotApiCall) => { status: number; body: unknown } | "hang-up" | undefined;

/**
 * A local stand-in for api.telegram.org: records every call and answers like the Bot API
 * (`{ok: true, result}`), or as a test's responder says (429 with retry_after, 403 blocked, …).
 */
export class FakeBotApi {
  readonly calls: BotApiCall[] = [];
  responder: BotApiResponder | undefined;
  private server: LocalServer | undefined;
  private nextMessageId = 1;

  async start(): Promise<string> {
    const app = express();
    app.use(express.json({ limit: "20mb" }));
    app.use(express.raw({ type: "multipart/form-data", limit: "20mb" }));
    app.post("/bot:token/:method", (req, res) => {
      const multipart = Buffer.isBuffer(req.body);
      const call: BotApiCall = {
        method: req.params.method,
        token: req.params.token,
        body: multipart
          ? { multipart: (req.body as Buffer).toString("latin1") }
          : (req.body as Record<string, unknown>),
        contentType: req.get("content-type") ?? "",
        at: Date.now(),
      };
      this.calls.push(call);
      const custom = this.responder?.(call);
      if (custom === "hang-up") return void req.socket.destroy();
      if (custom) return void res.status(custom.status).json(custom.body);
      res.json({ ok: true, result: this.defaultResult(call) });
    });
    this.server = await listenLocal(app);
    return this.server.url;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** Calls of one method, e.g. every sendMessage. */
  sent(method = "sendMessage"): BotApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Texts of sendMessage calls to one chat. */
  textsTo(chatId: number | string): string[] {
    return this.sent()
      .filter((c) => String(c.body.chat_id) === String(chatId))
      .map((c) => String(c.body.text));
  }

  /** Waits until `predicate` holds for the recorded calls (the bot answers asynchronously). */
  async waitFor(predicate: (calls: BotApiCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    await waitUntil(
      () => predicate(this.calls),
      timeoutMs,
      () => `calls so far: ${this.calls.map((c) => c.method)}`,
    );
  }

  private defaultResult(call: BotApiCall): unknown {
    if (call.method === "getMe") return { id: 1, is_bot: true, first_name: "Test", username: "test_bot" };
    if (call.method.startsWith("send")) {
      return {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: call.body.chat_id },
      };
    }
    return true;
  }
}
