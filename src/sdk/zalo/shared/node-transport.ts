/**
 * Default {@link ZaloTransport} over `node:http` / `node:https`.
 *
 * Why not the global `fetch`: the product's tests intercept HTTP with nock 13, which patches only the
 * `http`/`https` modules, not undici. The module objects are imported as defaults (not destructured) so that
 * nock's patched `request` is the one we call.
 */
import http from "node:http";
import https from "node:https";
import {
  type ZaloHttpRequest,
  type ZaloHttpResponse,
  type ZaloTransport,
  ZaloTransportError,
} from "./transport";

/** Options for {@link createNodeTransport}. */
export interface NodeTransportOptions {
  /** Agent for `https:` URLs (keep-alive, proxy agents). */
  readonly httpsAgent?: https.Agent;
  /** Agent for `http:` URLs (local stand-ins in tests and staging). */
  readonly httpAgent?: http.Agent;
}

/**
 * Creates the default transport: one request per call, a whole-request deadline, and a response size cap.
 * Errors are always {@link ZaloTransportError}s whose message omits the URL (it may carry a bot token).
 */
export function createNodeTransport(options: NodeTransportOptions = {}): ZaloTransport {
  return (request) => send(request, options);
}

function send(request: ZaloHttpRequest, options: NodeTransportOptions): Promise<ZaloHttpResponse> {
  const url = new URL(request.url);
  // Error messages name the host and the path without the token-bearing `/bot<TOKEN>` segment.
  const label = `${request.method} ${url.host}${redactPath(url.pathname)}`;
  const isHttps = url.protocol === "https:";
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers["Content-Length"] = String(request.body.byteLength);

  return new Promise<ZaloHttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: ZaloTransportError | undefined, response?: ZaloHttpResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else if (response) resolve(response);
    };

    const requestOptions: http.RequestOptions = {
      method: request.method,
      headers,
      agent: isHttps ? options.httpsAgent : options.httpAgent,
    };
    const req = isHttps
      ? https.request(url, requestOptions, onResponse)
      : http.request(url, requestOptions, onResponse);

    // A whole-request deadline: socket idle timeouts alone would let a slow trickle run forever.
    const timer = setTimeout(() => {
      finish(new ZaloTransportError("timeout", label, `${label} timed out after ${request.timeoutMs} ms`));
      req.destroy();
    }, request.timeoutMs);

    req.on("error", (cause) => {
      finish(new ZaloTransportError("network", label, `${label} failed: ${cause.message}`, { cause }));
    });

    function onResponse(res: http.IncomingMessage): void {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const tooLarge = (): void => {
        finish(
          new ZaloTransportError(
            "response_too_large",
            label,
            `${label} response exceeded ${request.maxResponseBytes} bytes`,
            { status },
          ),
        );
        req.destroy();
      };
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > request.maxResponseBytes) {
        tooLarge();
        return;
      }
      res.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > request.maxResponseBytes) tooLarge();
        else chunks.push(chunk);
      });
      res.on("error", (cause) => {
        finish(new ZaloTransportError("network", label, `${label} failed: ${cause.message}`, { cause }));
      });
      res.on("end", () => {
        finish(undefined, {
          status,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
    }

    if (request.body !== undefined) req.end(request.body);
    else req.end();
  });
}

/** Hides the Bot API token, which Zalo puts in the path as `/bot<TOKEN>/<method>`. */
export function redactPath(pathname: string): string {
  return pathname.replace(/\/bot[^/]+/, "/bot<redacted>");
}
