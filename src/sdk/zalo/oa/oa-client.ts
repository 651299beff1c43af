/**
 * Zalo Official Account Open API client (zalo.md §1): customer-service messages, uploads and user
 * profiles. Credentials travel in an `access_token` header; every answer is HTTP 200 with an
 * `{ error, message, data }` envelope where success is `error === 0`.
 * @see https://developers.zalo.me/docs/official-account/tin-nhan/tin-tu-van/gui-tin-tu-van-dang-van-ban
 */
import type { z } from "zod";
import {
  type EncodedBody,
  isRecord,
  jsonBody,
  multipartBody,
  type ResolvedTransport,
  requestJson,
  resolveTransport,
} from "../shared/http-json";
import { ZaloTransportError, type ZaloTransportOptions } from "../shared/transport";
import { formatIssues } from "../shared/zod-helpers";
import { isTokenExpired, ZaloApiError } from "./oa-api-error";
import {
  buttonsAttachment,
  checkText,
  csBody,
  DEFAULT_BUTTON_RULES,
  fileAttachment,
  imageAttachment,
  type ZaloJson,
  type ZaloOaButton,
  type ZaloOaButtonRules,
  type ZaloOaImage,
  type ZaloOaRecipient,
} from "./oa-messages";
import { templateMessageJson, type ZaloOaTemplateMessage } from "./oa-templates";
import {
  oaInfoSchema,
  sendResultSchema,
  uploadFileSchema,
  uploadImageSchema,
  userDetailSchema,
  type ZaloOaInfo,
  type ZaloOaSendResult,
  type ZaloOaUploadedFile,
  type ZaloOaUploadedImage,
  type ZaloOaUserDetail,
} from "./oa-types";
import { checkFileUpload, checkImageUpload, type ZaloOaUpload } from "./oa-uploads";

/** OA Open API host. */
export const ZALO_OA_API_ROOT = "https://openapi.zalo.me";

/** Options for {@link ZaloOaClient}. */
export interface ZaloOaClientOptions extends ZaloTransportOptions {
  /**
   * Returns the OA's current access token; called before every request, so the product owns storage,
   * proactive refresh and per-OA selection.
   */
  readonly getAccessToken: () => Promise<string>;
  /**
   * Called once when Zalo answers `-216`/`-220` (token invalid/expired); the request is then retried
   * exactly once with a fresh `getAccessToken()`. Refresh tokens are single-use and rotate (zalo.md §1.6),
   * so the product must make this single-flight per OA and persist the new pair before resolving.
   * Without it, token errors are thrown as they are.
   */
  readonly onTokenExpired?: () => Promise<void>;
  /** API root without trailing slash. Default {@link ZALO_OA_API_ROOT}. */
  readonly apiRoot?: string;
  /** Button limits; defaults to the documented ≤ 5 buttons without `template_type`. */
  readonly buttonRules?: Partial<ZaloOaButtonRules>;
}

interface OaRequest {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: EncodedBody;
}

/**
 * Typed OA client. Errors: {@link ZaloApiError} (envelope), `ZaloTransportError` (network/timeout/bad
 * body), `ZaloValidationError` (documented limit broken before sending).
 */
export class ZaloOaClient {
  readonly #getAccessToken: () => Promise<string>;
  readonly #onTokenExpired: (() => Promise<void>) | undefined;
  readonly #apiRoot: string;
  readonly #http: ResolvedTransport;
  readonly #buttonRules: ZaloOaButtonRules;

  /** @param options token provider, refresh hook, API root, button rules and transport settings */
  constructor(options: ZaloOaClientOptions) {
    this.#getAccessToken = options.getAccessToken;
    this.#onTokenExpired = options.onTokenExpired;
    this.#apiRoot = (options.apiRoot ?? ZALO_OA_API_ROOT).replace(/\/+$/, "");
    this.#http = resolveTransport(options);
    this.#buttonRules = { ...DEFAULT_BUTTON_RULES, ...options.buttonRules };
  }

  /**
   * Sends a customer-service text (≤ 2,000 characters; split longer replies with `splitText`).
   * @param recipient `{ messageId }` to reply inside the window (preferred), or `{ userId }`
   * @param text message text
   * @param options `quoteMessageId` to quote an inbound message
   */
  async sendText(
    recipient: ZaloOaRecipient,
    text: string,
    options: { readonly quoteMessageId?: string } = {},
  ): Promise<ZaloOaSendResult> {
    checkText(text);
    const message: Record<string, ZaloJson> = { text };
    if (options.quoteMessageId !== undefined) message.quote_message_id = options.quoteMessageId;
    return this.#send(recipient, message);
  }

  /**
   * Sends text with up to 5 buttons (documented; see `buttonRules`). Limits checked locally: title ≤ 100,
   * query payload ≤ 1,000, SMS content ≤ 160 characters.
   */
  async sendTextWithButtons(
    recipient: ZaloOaRecipient,
    text: string,
    buttons: readonly ZaloOaButton[],
  ): Promise<ZaloOaSendResult> {
    checkText(text);
    return this.#send(recipient, { text, attachment: buttonsAttachment(buttons, this.#buttonRules) });
  }

  /**
   * Sends one image by `attachmentId` (from {@link uploadImage}) or public `url`, with an optional caption.
   */
  async sendImage(
    recipient: ZaloOaRecipient,
    image: ZaloOaImage,
    caption?: string,
  ): Promise<ZaloOaSendResult> {
    const message: Record<string, ZaloJson> = { attachment: imageAttachment(image) };
    if (caption !== undefined) {
      checkText(caption, "caption");
      message.text = caption;
    }
    return this.#send(recipient, message);
  }

  /** Sends a file by the `token` returned from {@link uploadFile}. */
  async sendFile(recipient: ZaloOaRecipient, fileToken: string): Promise<ZaloOaSendResult> {
    return this.#send(recipient, { attachment: fileAttachment(fileToken) });
  }

  /**
   * Uploads a jpg/png ≤ 1 MB (multipart field `file`) and returns its `attachment_id`. Uploads count
   * against a monthly quota (reported 5,000/month) and expire after ~7 days: cache, but not forever.
   */
  async uploadImage(upload: ZaloOaUpload): Promise<ZaloOaUploadedImage> {
    const contentType = checkImageUpload(upload);
    const body = multipartBody({ field: "file", filename: upload.filename, contentType, data: upload.data });
    const data = await this.#call({ method: "POST", path: "/v2.0/oa/upload/image", body });
    return this.#parse("/v2.0/oa/upload/image", uploadImageSchema, data);
  }

  /** Uploads a PDF/DOC/DOCX/CSV ≤ 5 MB and returns its `token` (same quota and ~7-day expiry as images). */
  async uploadFile(upload: ZaloOaUpload): Promise<ZaloOaUploadedFile> {
    const contentType = checkFileUpload(upload);
    const body = multipartBody({ field: "file", filename: upload.filename, contentType, data: upload.data });
    const data = await this.#call({ method: "POST", path: "/v2.0/oa/upload/file", body });
    return this.#parse("/v2.0/oa/upload/file", uploadFileSchema, data);
  }

  /** The OA's own profile (`GET /v2.0/oa/getoa`): name, verification, package. */
  async getOaInfo(): Promise<ZaloOaInfo> {
    const path = "/v2.0/oa/getoa";
    return this.#parse(path, oaInfoSchema, await this.#call({ method: "GET", path }));
  }

  /** Fetches a user's profile (`GET /v3.0/oa/user/detail?data={"user_id":"…"}`). */
  async getUserDetail(userId: string): Promise<ZaloOaUserDetail> {
    const path = "/v3.0/oa/user/detail";
    // Query-style endpoints take one JSON-encoded `data` parameter (zalo.md §1.1).
    const data = await this.#call({
      method: "GET",
      path,
      query: { data: JSON.stringify({ user_id: userId }) },
    });
    return this.#parse(path, userDetailSchema, data);
  }

  /**
   * Sends an approved ZBS template message (`POST /v3.0/oa/message/transaction|promotion`): the way to reach
   * someone outside the 7-day cs window (zalo.md §1.3). Transaction: interacted within a year; promotion:
   * followers only, one a day, 06:00–21:59 (`-234` at night).
   */
  async sendTemplate(
    recipient: { readonly userId: string },
    template: ZaloOaTemplateMessage,
  ): Promise<ZaloOaSendResult> {
    const message = templateMessageJson(template);
    const path = `/v3.0/oa/message/${template.category}`;
    const body = jsonBody({ recipient: { user_id: recipient.userId }, message });
    const data = await this.#call({ method: "POST", path, body });
    return this.#parse(path, sendResultSchema, data);
  }

  async #send(recipient: ZaloOaRecipient, message: Record<string, ZaloJson>): Promise<ZaloOaSendResult> {
    const path = "/v3.0/oa/message/cs";
    const data = await this.#call({ method: "POST", path, body: jsonBody(csBody(recipient, message)) });
    return this.#parse(path, sendResultSchema, data);
  }

  /** One call plus, on `-216`/`-220` and with `onTokenExpired` set, exactly one retry. */
  async #call(request: OaRequest): Promise<unknown> {
    try {
      return await this.#callOnce(request);
    } catch (error) {
      if (!isTokenExpired(error) || this.#onTokenExpired === undefined) throw error;
      await this.#onTokenExpired();
      return this.#callOnce(request);
    }
  }

  async #callOnce(request: OaRequest): Promise<unknown> {
    const token = await this.#getAccessToken();
    const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : "";
    const { status, json } = await requestJson(this.#http, {
      method: request.method,
      url: `${this.#apiRoot}${request.path}${query}`,
      label: request.path,
      // The OA API wants the raw token in a header literally named `access_token` (not Bearer).
      headers: { access_token: token },
      body: request.body,
    });
    if (!isRecord(json) || !("error" in json)) {
      throw new ZaloTransportError(
        "bad_response",
        request.path,
        `${request.path} answered without an envelope`,
        {
          status,
        },
      );
    }
    const code = Number(json.error);
    if (code === 0) return json.data;
    const description = typeof json.message === "string" ? json.message : "";
    throw new ZaloApiError(Number.isFinite(code) ? code : Number.NaN, request.path, description);
  }

  #parse<S extends z.ZodType>(path: string, schema: S, data: unknown): z.output<S> {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new ZaloTransportError(
        "bad_response",
        path,
        `${path} returned unexpected data: ${formatIssues(parsed.error).join("; ")}`,
      );
    }
    return parsed.data;
  }
}
