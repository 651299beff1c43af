import { adminApi } from "./broadcast-fixtures";
import { textsOf, WebchatClient } from "./webchat-client";

/**
 * Makes a web chat user an officer (invite over the admin API, `/officer <code>` in chat) and asks the bot
 * for a dashboard link with `/dashboard`. Returns the chat client and the link the bot sent.
 */
export async function officerLink(
  baseUrl: string,
  role: "admin" | "officer" | "editor",
  communes: string[] = [],
): Promise<{ chat: WebchatClient; link: string; texts: string[] }> {
  const invite = await adminApi(baseUrl)("/api/v1/officers/invites", { role, communes });
  if (invite.status !== 201) throw new Error(`invite answered ${invite.status}`);
  const chat = new WebchatClient(baseUrl);
  await chat.send(`/officer ${String(invite.json.code)}`);
  const texts = textsOf(await chat.send("/dashboard"));
  const link = texts.map((t) => /https?:\/\/\S+\/admin\/login\/[A-Za-z0-9_-]+/.exec(t)?.[0]).find(Boolean);
  if (!link) throw new Error(`no login link in ${JSON.stringify(texts)}`);
  return { chat, link, texts };
}

/** A browser-like HTTP client of the dashboard: keeps the session cookie, reads CSRF tokens from pages. */
export class DashboardClient {
  cookie = "";
  setCookie = "";

  constructor(private readonly baseUrl: string) {}

  /**
   * Opens a login link and presses its button, as a person does (path taken from the link, so PUBLIC_URL
   * need not point at the test server). Returns the answer to the button.
   */
  async login(link: string): Promise<Response> {
    const path = new URL(link).pathname;
    const page = await this.get(path);
    if (page.status !== 200) throw new Error(`login page answered ${page.status}`);
    const res = await fetch(`${this.baseUrl}${path}`, { method: "POST", redirect: "manual" });
    this.keep(res);
    return res;
  }

  async get(path: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      redirect: "manual",
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    this.keep(res);
    return res;
  }

  /** Posts a form; `csrf` is read from `from` (a page) unless given. */
  async post(path: string, fields: Record<string, string>, from = "/admin"): Promise<Response> {
    const csrf = fields.csrf ?? (await this.csrf(from));
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    });
    this.keep(res);
    return res;
  }

  async csrf(page: string): Promise<string> {
    const html = await (await this.get(page)).text();
    return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
  }

  private keep(res: Response): void {
    const set = res.headers.get("set-cookie");
    if (!set) return;
    this.setCookie = set;
    const pair = set.split(";")[0] ?? "";
    this.cookie = pair.endsWith("=") ? "" : pair;
  }
}
