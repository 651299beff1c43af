import { expect } from "vitest";
import type { BotApiCall, FakeBotApi } from "./fake-bot-api";
import { TEST_WEBHOOK_SECRET, type TestServer } from "./test-server";
import { textsOf, type WebchatClient } from "./webchat-client";

let updateId = 70_000;

/** One officer on Telegram: a chat id and a first name that must never reach a citizen. */
export class TelegramOfficer {
  constructor(
    private readonly server: () => TestServer,
    private readonly api: FakeBotApi,
    readonly chatId: number,
    readonly name: string,
  ) {}

  private get from() {
    return { id: this.chatId, is_bot: false, first_name: this.name, language_code: "vi" };
  }

  /**
   * Posts an update and waits for `answers` new messages, or for one matching `answers` when it is a pattern
   * (ticket alerts reach the officer at any moment, so a count alone may count an alert as the answer).
   */
  async post(update: Record<string, unknown>, answers: number | RegExp = 1): Promise<string[]> {
    const before = this.api.textsTo(this.chatId).length;
    const res = await fetch(`${this.server().url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify({ update_id: updateId++, ...update }),
    });
    expect(res.status).toBe(200);
    const fresh = () => this.api.textsTo(this.chatId).slice(before);
    await this.api.waitFor(() =>
      typeof answers === "number" ? fresh().length >= answers : fresh().some((t) => answers.test(t)),
    );
    return fresh();
  }

  say(text: string, answers: number | RegExp = 1) {
    const chat = { id: this.chatId, type: "private" };
    return this.post({ message: { message_id: updateId, date: 0, chat, from: this.from, text } }, answers);
  }

  tap(data: string, answers: number | RegExp = 1) {
    const chat = { id: this.chatId, type: "private" };
    return this.post(
      {
        callback_query: {
          id: `cb${updateId}`,
          from: this.from,
          message: { message_id: 1, date: 0, chat },
          chat_instance: "1",
          data,
        },
      },
      answers,
    );
  }

  /** The buttons' payloads of the last message to this officer whose text matches. */
  payloadsOf(pattern: RegExp): string[] {
    const call = this.messages()
      .filter((c) => pattern.test(String(c.body.text)))
      .at(-1);
    const markup = call?.body.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined;
    return (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
  }

  messages(): BotApiCall[] {
    return this.api.sent().filter((c) => String(c.body.chat_id) === String(this.chatId));
  }
}

/** Waits until the citizen's web chat shows a message matching `pattern`; returns every new text. */
export async function waitForText(client: WebchatClient, pattern: RegExp): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + 10_000;
  while (!seen.some((t) => pattern.test(t)) && Date.now() < deadline) {
    seen.push(...textsOf(await client.read()));
    if (!seen.some((t) => pattern.test(t))) await new Promise((r) => setTimeout(r, 50));
  }
  expect(
    seen.some((t) => pattern.test(t)),
    `web chat showed ${JSON.stringify(seen)}`,
  ).toBe(true);
  return seen;
}
