import { randomUUID } from "node:crypto";
import type { WebchatEntry } from "../../src/channels/webchat/webchat-store";
import type { RenderedMessage } from "../../src/core/rendered-message";

type BotEntry = Extract<WebchatEntry, { from: "bot" }>;

/** Drives the web chat API the way the page does: one cookie, post, then read after the cursor. */
export class WebchatClient {
  private cookie = "";
  private cursor = 0;

  constructor(private readonly baseUrl: string) {}

  /** Sends text (or a button payload) and returns the bot messages that answered it. */
  async send(input: string | { payload: string }): Promise<RenderedMessage[]> {
    const body = typeof input === "string" ? { text: input } : input;
    const res = await this.request("POST", "/webchat/api/messages", { clientId: randomUUID(), ...body });
    if (res.status >= 300) throw new Error(`web chat POST answered ${res.status}: ${await res.text()}`);
    return this.read();
  }

  /** Bot messages since the last read. */
  async read(): Promise<RenderedMessage[]> {
    const res = await this.request("GET", `/webchat/api/messages?after=${this.cursor}`);
    const { messages } = (await res.json()) as { messages: WebchatEntry[] };
    for (const m of messages) this.cursor = Math.max(this.cursor, m.id);
    return messages.filter((m): m is BotEntry => m.from === "bot").map((m) => m.message);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] ?? "";
    return res;
  }

  get sessionCookie(): string {
    return this.cookie;
  }

  set sessionCookie(value: string) {
    this.cookie = value;
  }
}

/** The texts of rendered messages (buttons left out), for readable assertions. */
export function textsOf(messages: RenderedMessage[]): string[] {
  return messages.map((m) => (m.kind === "text" ? m.text : `[${m.kind}] ${m.filename}`));
}

/** The button labels of the last message that has buttons. */
export function buttonsOf(messages: RenderedMessage[]): string[] {
  const withButtons = messages.filter((m) => m.kind === "text" && m.buttons?.length).at(-1);
  return withButtons?.kind === "text" ? (withButtons.buttons ?? []).flat().map((b) => b.label) : [];
}
