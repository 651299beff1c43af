/**
 * A token request that did not yield a usable token pair. Zalo does not document its OAuth error codes
 * (reported in a `-140xx` range, unconfirmed — zalo.md §1.6), so any answer without `access_token` and
 * `refresh_token` is treated as fatal: the OA admin may have to redo the consent flow.
 */
export class ZaloOAuthError extends Error {
  /** Numeric `error` from the body when present, else `undefined`. */
  readonly code: number | undefined;
  /** `exchangeCode` or `refreshAccessToken`. */
  readonly method: string;
  /** Zalo's explanation (`error_description`, `error_name`, `message`), verbatim; never contains tokens. */
  readonly description: string;

  /**
   * @param method which token call failed
   * @param code Zalo's numeric error, if any
   * @param description Zalo's explanation
   */
  constructor(method: string, code: number | undefined, description: string) {
    super(`Zalo OAuth ${method} failed${code === undefined ? "" : ` with ${code}`}: ${description}`);
    this.name = "ZaloOAuthError";
    this.method = method;
    this.code = code;
    this.description = description;
  }
}
