/**
 * Errors reported by the Zalo Bot API envelope `{ ok: false, error_code, description }`
 * (zalo.md §2: 400, 401, 403, 404, 408, 429).
 */
export class ZaloBotApiError extends Error {
  /** `error_code` from the envelope (HTTP-like: 400, 401, 403, 404, 408, 429). */
  readonly code: number;
  /** Bot API method that failed, e.g. `sendMessage`. */
  readonly method: string;
  /** `description` from the envelope. */
  readonly description: string;

  /**
   * @param code envelope `error_code`
   * @param method Bot API method name
   * @param description envelope `description`
   */
  constructor(code: number, method: string, description: string) {
    super(`Zalo Bot API ${method} failed with ${code}: ${description}`);
    this.name = "ZaloBotApiError";
    this.code = code;
    this.method = method;
    this.description = description;
  }

  /** 408 is also what an empty long poll returns (zalo.md §2), so `getUpdates` maps it to "no update". */
  get isPollingTimeout(): boolean {
    return this.code === 408;
  }

  /** 401: the bot token is invalid or was reset in Bot Creator; retrying will not help. */
  get isUnauthorized(): boolean {
    return this.code === 401;
  }
}
