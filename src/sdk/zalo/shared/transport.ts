/**
 * The HTTP seam of the SDK. Clients build a request (URL, headers, raw body bytes) and hand it to a
 * {@link ZaloTransport}; the transport only moves bytes and returns the raw response text. JSON decoding
 * stays in the clients so that every transport gets the same bigint-safe parsing (see `safe-json.ts`).
 *
 * The default implementation lives in `node-transport.ts`; the product can inject its own (proxy, metrics,
 * a fake in tests) through each client's `transport` option.
 */

/** HTTP verbs the Zalo APIs use. */
export type ZaloHttpMethod = "GET" | "POST";

/** One outgoing HTTP request, fully built by a client. */
export interface ZaloHttpRequest {
  /** HTTP verb. */
  readonly method: ZaloHttpMethod;
  /** Absolute URL. May contain a secret (Bot API token in the path): never log it. */
  readonly url: string;
  /** Request headers; the transport adds `Content-Length` itself. */
  readonly headers: Readonly<Record<string, string>>;
  /** Raw body bytes, if any. */
  readonly body?: Uint8Array;
  /** Whole-request deadline (connect + send + receive) in milliseconds. */
  readonly timeoutMs: number;
  /** Upper bound on the response body size in bytes; larger responses are aborted. */
  readonly maxResponseBytes: number;
}

/** The raw HTTP response handed back to a client. */
export interface ZaloHttpResponse {
  /** HTTP status code. Zalo OA answers 200 even for API errors, so clients look at the body first. */
  readonly status: number;
  /** Response headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Response body decoded as UTF-8. */
  readonly body: string;
}

/**
 * Moves one request over the wire. Implementations must reject with {@link ZaloTransportError} so that the
 * product can tell network trouble (retryable) from API errors.
 */
export type ZaloTransport = (request: ZaloHttpRequest) => Promise<ZaloHttpResponse>;

/** Why a request failed below the API level. */
export type ZaloTransportErrorKind =
  /** The deadline passed before a full response arrived. */
  | "timeout"
  /** DNS, TCP, TLS or socket failure. */
  | "network"
  /** The response body exceeded `maxResponseBytes`. */
  | "response_too_large"
  /** The response was not the JSON envelope the API documents (HTML error page, proxy error, …). */
  | "bad_response";

/**
 * A failure below the Zalo API envelope: nothing reached Zalo, or what came back was not an API answer.
 * The message never contains the request URL, because the Bot API token is part of the path.
 */
export class ZaloTransportError extends Error {
  /** Stable machine-readable reason. */
  readonly kind: ZaloTransportErrorKind;
  /** API method or path the request was for (never the full URL). */
  readonly method: string;
  /** HTTP status, when a response was received. */
  readonly status: number | undefined;

  /**
   * @param kind stable reason
   * @param method API method or path (no secrets)
   * @param message human-readable detail
   * @param options `status` when known, `cause` for the underlying error
   */
  constructor(
    kind: ZaloTransportErrorKind,
    method: string,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "ZaloTransportError";
    this.kind = kind;
    this.method = method;
    this.status = options.status;
  }
}

/** Transport knobs shared by every client's options. */
export interface ZaloTransportOptions {
  /** Replace the default `node:http(s)` transport (proxies, metrics, test fakes). */
  readonly transport?: ZaloTransport;
  /** Per-request deadline in ms. Default 15 000. */
  readonly timeoutMs?: number;
  /** Response size cap in bytes. Default 1 MiB: Zalo envelopes are small, anything bigger is not an answer. */
  readonly maxResponseBytes?: number;
}

/** Default per-request deadline: well above Zalo's usual latency, well below a webhook handler's budget. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Default response cap (1 MiB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
