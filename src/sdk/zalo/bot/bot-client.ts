/**
 * Zalo Bot Platform client — a Telegram-like API at `https://bot-api.zaloplatforms.com/bot<TOKEN>/<method>`
 * (zalo.md §2). Every call is POST + JSON; the envelope is `{ ok, result }` or
 * `{ ok: false, error_code, description }`.
 * @see https://bot.zaloplatforms.com/docs/
 */
import type { z } from "zod";
import {
  isRecord,
  jsonBody,
  type ResolvedTransport,
  requestJson,
  resolveTransport,
} from "../shared/http-json";
import { splitText, ZALO_MAX_TEXT_LENGTH } from "../shared/split-text";
import { ZaloTransportError, type ZaloTransportOptions } from "../shared/transport";
import { ZaloValidationError } from "../shared/validation-error";
import { formatIssues } from "../shared/zod-helpers";
import { ZaloBotApiError } from "./bot-api-error";
import {
  botInfoSchema,
  sentMessageSchema,
  webhookInfoSchema,
  type ZaloBotInfo,
  type ZaloBotSentMessage,
  type ZaloBotWebhookInfo,
} from "./bot-types";
import { parseZaloBotUpdate, type ZaloBotUpdate } from "./bot-update";

/**
 * Current Bot API host. The legacy `bot-api.zapps.me` is reported to 404 on some methods (zalo.md
 * "Uncertain"), so the root is configurable rather than guessed.
 */
export const ZALO_BOT_API_ROOT = "https://bot-api.zaloplatforms.com";

/** Options for {@link ZaloBotClient}. */
export interface ZaloBotClientOptions extends ZaloTransportOptions {
  /** Bot token `<bot_id>:<secret>` from Zalo Bot Creator. It never expires; it is part of every URL. */
  readonly token: string;
  /** API root without trailing slash. Default {@link ZALO_BOT_API_ROOT}; tests point it at a stand-in. */
  readonly apiRoot?: string;
}

/** Chat actions; `upload_photo` is announced but not confirmed (zalo.md §2). */
export type ZaloBotChatAction = "typing" | "upload_photo";

/** Long-polling options for {@link ZaloBotClient.getUpdates}. */
export interface ZaloBotGetUpdatesOptions {
  /** Seconds Zalo holds the request open. Default 30 (the documented default). */
  readonly timeoutSeconds?: number;
}

/** Typed client for the Zalo Bot Platform. Errors: {@link ZaloBotApiError}, `ZaloTransportError`, `ZaloValidationError`. */
export class ZaloBotClient {
  readonly #token: string;
  readonly #apiRoot: string;
  readonly #http: ResolvedTransport;

  /** @param options token, API root and transport settings */
  constructor(options: ZaloBotClientOptions) {
    if (options.token.length === 0) throw new ZaloValidationError("token", "bot token is empty");
    this.#token = options.token;
    this.#apiRoot = (options.apiRoot ?? ZALO_BOT_API_ROOT).replace(/\/+$/, "");
    this.#http = resolveTransport(options);
  }

  /** Returns the bot's own account; a cheap way to validate the token at start-up. */
  getMe(): Promise<ZaloBotInfo> {
    return this.#call("getMe", {}, botInfoSchema);
  }

  /**
   * Sends text to a chat, split into several messages when longer than 2,000 characters (the
   * documented `sendMessage` limit) at paragraph, line or word boundaries. Chunks are sent in order; if
   * one fails, the error is thrown and the earlier chunks stay delivered.
   * @param chatId `message.chat.id` of an update
   * @param text message text (blank text is rejected)
   * @returns one result per message sent
   */
  async sendMessage(chatId: string, text: string): Promise<ZaloBotSentMessage[]> {
    const chunks = splitText(text, ZALO_MAX_TEXT_LENGTH);
    if (chunks.length === 0) throw new ZaloValidationError("text", "sendMessage text must not be blank");
    const sent: ZaloBotSentMessage[] = [];
    for (const chunk of chunks) {
      sent.push(await this.#call("sendMessage", { chat_id: chatId, text: chunk }, sentMessageSchema));
    }
    return sent;
  }

  /**
   * Sends a photo by public URL; Zalo downloads it itself, so the URL must be reachable from the internet.
   * @param chatId target chat
   * @param photoUrl public http(s) image URL
   * @param caption optional caption, ≤ 2,000 characters (documented)
   */
  async sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<ZaloBotSentMessage> {
    if (!/^https?:\/\//i.test(photoUrl)) {
      throw new ZaloValidationError(
        "photo",
        "sendPhoto needs a public http(s) URL; uploads are not supported",
      );
    }
    if (caption !== undefined && caption.length > ZALO_MAX_TEXT_LENGTH) {
      throw new ZaloValidationError("caption", `caption exceeds ${ZALO_MAX_TEXT_LENGTH} characters`);
    }
    const params: Record<string, string> = { chat_id: chatId, photo: photoUrl };
    if (caption !== undefined) params.caption = caption;
    return this.#call("sendPhoto", params, sentMessageSchema);
  }

  /**
   * Shows a chat action (the typing indicator) while the bot prepares a reply.
   * @param chatId target chat
   * @param action default `typing`
   */
  async sendChatAction(chatId: string, action: ZaloBotChatAction = "typing"): Promise<void> {
    await this.#callRaw("sendChatAction", { chat_id: chatId, action });
  }

  /**
   * Registers the webhook. Zalo will send `secretToken` in `X-Bot-Api-Secret-Token` with every update;
   * check it with `verifyZaloBotSecret`. While a webhook is set, `getUpdates` is unavailable.
   * @param url HTTPS URL (documented requirement)
   * @param secretToken 8–256 characters (documented)
   */
  async setWebhook(url: string, secretToken: string): Promise<ZaloBotWebhookInfo> {
    if (!url.startsWith("https://")) throw new ZaloValidationError("url", "webhook URL must be HTTPS");
    if (secretToken.length < 8 || secretToken.length > 256) {
      throw new ZaloValidationError("secretToken", "secret_token must be 8–256 characters");
    }
    return this.#call("setWebhook", { url, secret_token: secretToken }, webhookInfoSchema);
  }

  /** Removes the webhook (needed before long polling with {@link getUpdates}). */
  deleteWebhook(): Promise<ZaloBotWebhookInfo> {
    return this.#call("deleteWebhook", {}, webhookInfoSchema);
  }

  /** Returns the current webhook registration. */
  getWebhookInfo(): Promise<ZaloBotWebhookInfo> {
    return this.#call("getWebhookInfo", {}, webhookInfoSchema);
  }

  /**
   * Long-polls for the next update. The Bot API returns **one** update object, not an array, and answers
   * an empty poll with error 408 — both handled here: the result is an update or `null`.
   * The transport deadline is extended by the poll timeout so the poll itself never counts as a timeout.
   */
  async getUpdates(options: ZaloBotGetUpdatesOptions = {}): Promise<ZaloBotUpdate | null> {
    const timeoutSeconds = options.timeoutSeconds ?? 30;
    let result: unknown;
    try {
      // `timeout` is documented as a string of seconds.
      result = await this.#callRaw(
        "getUpdates",
        { timeout: String(timeoutSeconds) },
        this.#http.timeoutMs + timeoutSeconds * 1000,
      );
    } catch (error) {
      if (error instanceof ZaloBotApiError && error.isPollingTimeout) return null;
      throw error;
    }
    if (result === null || result === undefined) return null;
    const parsed = parseZaloBotUpdate(result);
    if (!parsed.ok) {
      throw new ZaloTransportError(
        "bad_response",
        "getUpdates",
        `getUpdates returned an unexpected update: ${parsed.error.issues.join("; ") || parsed.error.message}`,
      );
    }
    return parsed.value;
  }

  async #call<S extends z.ZodType>(
    method: string,
    params: Record<string, string>,
    schema: S,
  ): Promise<z.output<S>> {
    const result = await this.#callRaw(method, params);
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      throw new ZaloTransportError(
        "bad_response",
        method,
        `${method} returned an unexpected result: ${formatIssues(parsed.error).join("; ")}`,
      );
    }
    return parsed.data;
  }

  async #callRaw(method: string, params: Record<string, string>, timeoutMs?: number): Promise<unknown> {
    const { status, json } = await requestJson(this.#http, {
      method: "POST",
      // The token sits in the path; `label` (used in errors) is the bare method name.
      url: `${this.#apiRoot}/bot${this.#token}/${method}`,
      label: method,
      body: jsonBody(params),
      timeoutMs,
    });
    if (isRecord(json) && json.ok === true) return json.result;
    if (isRecord(json) && json.ok === false) {
      const code = Number(json.error_code ?? status);
      const description = typeof json.description === "string" ? json.description : "";
      throw new ZaloBotApiError(Number.isFinite(code) ? code : status, method, description);
    }
    throw new ZaloTransportError(
      "bad_response",
      method,
      `${method} answered HTTP ${status} without an envelope`,
      {
        status,
      },
    );
  }
}
