/**
 * Request/response plumbing shared by the three clients: default transport settings, body encoders
 * (JSON, form, multipart) and bigint-safe decoding of the JSON answer.
 */
import { randomBytes } from "node:crypto";
import { createNodeTransport } from "./node-transport";
import { parseZaloJson } from "./safe-json";
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ZaloHttpMethod,
  type ZaloTransport,
  ZaloTransportError,
  type ZaloTransportOptions,
} from "./transport";

/** Transport options with defaults applied. */
export interface ResolvedTransport {
  /** The transport to call. */
  readonly transport: ZaloTransport;
  /** Default deadline per request. */
  readonly timeoutMs: number;
  /** Response size cap. */
  readonly maxResponseBytes: number;
}

/** Applies defaults to the transport options a client received. */
export function resolveTransport(options: ZaloTransportOptions): ResolvedTransport {
  return {
    transport: options.transport ?? createNodeTransport(),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
}

/** An encoded request body with the headers that describe it. */
export interface EncodedBody {
  /** `Content-Type` (and nothing else). */
  readonly headers: Readonly<Record<string, string>>;
  /** Raw bytes. */
  readonly body: Uint8Array;
}

/** Encodes a JSON body. */
export function jsonBody(value: unknown): EncodedBody {
  return {
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: Buffer.from(JSON.stringify(value), "utf8"),
  };
}

/** Encodes an `application/x-www-form-urlencoded` body (OAuth v4 requires this form, zalo.md §1.6). */
export function formBody(fields: Readonly<Record<string, string>>): EncodedBody {
  return {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: Buffer.from(new URLSearchParams(fields).toString(), "utf8"),
  };
}

/** One file part of a multipart body. */
export interface MultipartFile {
  /** Form field name (`file` for the OA upload APIs). */
  readonly field: string;
  /** File name shown to Zalo; quotes and line breaks are replaced to keep the header well-formed. */
  readonly filename: string;
  /** MIME type of the bytes. */
  readonly contentType: string;
  /** File content. */
  readonly data: Uint8Array;
}

/** Encodes a `multipart/form-data` body with a single file part. */
export function multipartBody(file: MultipartFile): EncodedBody {
  const boundary = `----zalo-sdk-${randomBytes(12).toString("hex")}`;
  const safeName = file.filename.replace(/["\r\n]/g, "_");
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${file.field}"; filename="${safeName}"\r\n` +
    `Content-Type: ${file.contentType}\r\n\r\n`;
  return {
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([
      Buffer.from(head, "utf8"),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`, "utf8"),
    ]),
  };
}

/** What {@link requestJson} sends. */
export interface JsonRequest {
  /** HTTP verb. */
  readonly method: ZaloHttpMethod;
  /** Absolute URL (may contain secrets; never logged). */
  readonly url: string;
  /** API method or path used in error messages. */
  readonly label: string;
  /** Extra headers (auth). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Encoded body, if any. */
  readonly body?: EncodedBody;
  /** Overrides the client's default deadline (long polling). */
  readonly timeoutMs?: number;
}

/** A decoded JSON answer. */
export interface JsonResponse {
  /** HTTP status. */
  readonly status: number;
  /** Body parsed with {@link parseZaloJson}. */
  readonly json: unknown;
}

/**
 * Sends a request and decodes the JSON answer whatever the HTTP status, because both Zalo APIs put the
 * real outcome in the body (OA: always HTTP 200; Bot API: envelope also on 4xx).
 * @throws ZaloTransportError for transport failures and non-JSON bodies
 */
export async function requestJson(resolved: ResolvedTransport, request: JsonRequest): Promise<JsonResponse> {
  let response: Awaited<ReturnType<ZaloTransport>>;
  try {
    response = await resolved.transport({
      method: request.method,
      url: request.url,
      headers: { Accept: "application/json", ...request.body?.headers, ...request.headers },
      body: request.body?.body,
      timeoutMs: request.timeoutMs ?? resolved.timeoutMs,
      maxResponseBytes: resolved.maxResponseBytes,
    });
  } catch (error) {
    if (error instanceof ZaloTransportError) throw error;
    // A custom transport threw something else: keep the promise of typed errors.
    const detail = error instanceof Error ? error.message : String(error);
    throw new ZaloTransportError("network", request.label, `${request.label} failed: ${detail}`, {
      cause: error,
    });
  }
  try {
    return { status: response.status, json: parseZaloJson(response.body) };
  } catch (cause) {
    throw new ZaloTransportError(
      "bad_response",
      request.label,
      `${request.label} answered HTTP ${response.status} with a non-JSON body`,
      { status: response.status, cause },
    );
  }
}

/** True for plain JSON objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
