/**
 * OAuth v4 for an Official Account (zalo.md §1.6): code exchange and refresh at
 * `POST https://oauth.zaloapp.com/v4/oa/access_token`, form-encoded, with the App Secret in a header named
 * `secret_key`.
 *
 * Rotation rules the caller must honour: refresh tokens are **single-use** (3 months), each refresh returns a
 * new pair and immediately invalidates the previous access token. Serialise refreshes per OA and persist the
 * new pair atomically before using it; a lost refresh token cannot be recovered by API.
 * @see https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new
 */
import {
  formBody,
  isRecord,
  type ResolvedTransport,
  requestJson,
  resolveTransport,
} from "../shared/http-json";
import type { ZaloTransportOptions } from "../shared/transport";
import { ZaloValidationError } from "../shared/validation-error";
import { ZaloOAuthError } from "./oauth-error";

/** OAuth host. */
export const ZALO_OAUTH_ROOT = "https://oauth.zaloapp.com";

/** Documented access-token lifetime (25 h), used only when `expires_in` is missing or unreadable. */
const DOCUMENTED_EXPIRES_IN_SECONDS = 90_000;

/** Options for {@link ZaloOAuthClient}. */
export interface ZaloOAuthClientOptions extends ZaloTransportOptions {
  /** The app's id (developers.zalo.me). */
  readonly appId: string;
  /** The **App Secret Key** (not the OA Secret Key used for webhooks). */
  readonly secretKey: string;
  /** OAuth root without trailing slash. Default {@link ZALO_OAUTH_ROOT}. */
  readonly apiRoot?: string;
  /** Clock for `expiresAt`; injectable for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A token pair ready to persist. */
export interface ZaloOAuthTokens {
  /** OA access token (sent as the `access_token` header). */
  readonly accessToken: string;
  /** Single-use refresh token; the previous one is now dead. */
  readonly refreshToken: string;
  /** Expiry as epoch ms, computed from `expires_in` at receipt time. Refresh well before (e.g. 1–2 h). */
  readonly expiresAt: number;
}

/** Input of {@link ZaloOAuthClient.exchangeCode}. */
export interface ZaloCodeExchange {
  /** `code` from the callback; single-use, valid 10 minutes. */
  readonly code: string;
  /** The PKCE verifier whose challenge was sent in the permission URL. */
  readonly codeVerifier?: string;
}

/** Input of {@link ZaloOAuthClient.permissionUrl}. */
export interface ZaloPermissionUrlInput {
  /** Callback registered for the app. */
  readonly redirectUri: string;
  /** S256 challenge from `createZaloPkcePair`. */
  readonly codeChallenge: string;
  /** Anti-CSRF state, checked on the callback. */
  readonly state: string;
}

/** OAuth v4 client for OA tokens. Errors: `ZaloOAuthError`, `ZaloTransportError`. */
export class ZaloOAuthClient {
  readonly #appId: string;
  readonly #secretKey: string;
  readonly #apiRoot: string;
  readonly #now: () => number;
  readonly #http: ResolvedTransport;

  /** @param options app credentials, OAuth root, clock and transport settings */
  constructor(options: ZaloOAuthClientOptions) {
    if (options.appId.length === 0) throw new ZaloValidationError("appId", "appId is empty");
    if (options.secretKey.length === 0) throw new ZaloValidationError("secretKey", "secretKey is empty");
    this.#appId = options.appId;
    this.#secretKey = options.secretKey;
    this.#apiRoot = (options.apiRoot ?? ZALO_OAUTH_ROOT).replace(/\/+$/, "");
    this.#now = options.now ?? Date.now;
    this.#http = resolveTransport(options);
  }

  /** The URL an OA admin opens to grant the app access (step 1 of the flow). */
  permissionUrl(input: ZaloPermissionUrlInput): string {
    const query = new URLSearchParams({
      app_id: this.#appId,
      redirect_uri: input.redirectUri,
      code_challenge: input.codeChallenge,
      state: input.state,
    });
    return `${this.#apiRoot}/v4/oa/permission?${query.toString()}`;
  }

  /** Exchanges the callback `code` (plus PKCE verifier) for a token pair. */
  exchangeCode(input: ZaloCodeExchange): Promise<ZaloOAuthTokens> {
    const fields: Record<string, string> = {
      code: input.code,
      app_id: this.#appId,
      grant_type: "authorization_code",
    };
    if (input.codeVerifier !== undefined) fields.code_verifier = input.codeVerifier;
    return this.#token("exchangeCode", fields);
  }

  /**
   * Trades a refresh token for a new pair. The old refresh token and access token die as soon as this
   * succeeds, so persist the result before anything else uses it.
   */
  refreshAccessToken(refreshToken: string): Promise<ZaloOAuthTokens> {
    return this.#token("refreshAccessToken", {
      refresh_token: refreshToken,
      app_id: this.#appId,
      grant_type: "refresh_token",
    });
  }

  async #token(method: string, fields: Record<string, string>): Promise<ZaloOAuthTokens> {
    const { json } = await requestJson(this.#http, {
      method: "POST",
      url: `${this.#apiRoot}/v4/oa/access_token`,
      label: method,
      headers: { secret_key: this.#secretKey },
      body: formBody(fields),
    });
    const receivedAt = this.#now();
    if (!isRecord(json)) throw new ZaloOAuthError(method, undefined, "response is not a JSON object");
    const { access_token: accessToken, refresh_token: refreshToken } = json;
    if (typeof accessToken !== "string" || accessToken.length === 0) throw errorFrom(method, json);
    // Without a new refresh token the next refresh is impossible: treat as fatal, not as success.
    if (typeof refreshToken !== "string" || refreshToken.length === 0) {
      throw new ZaloOAuthError(method, undefined, "response has access_token but no refresh_token");
    }
    return { accessToken, refreshToken, expiresAt: receivedAt + expiresInSeconds(json.expires_in) * 1000 };
  }
}

/** `expires_in` is documented as a **string** of seconds (`"90000"`); numbers are accepted too. */
function expiresInSeconds(value: unknown): number {
  const seconds = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
    ? seconds
    : DOCUMENTED_EXPIRES_IN_SECONDS;
}

function errorFrom(method: string, body: Record<string, unknown>): ZaloOAuthError {
  const code = typeof body.error === "number" ? body.error : Number(body.error);
  const text = [body.error_description, body.error_name, body.message, body.error_reason].find(
    (v): v is string => typeof v === "string" && v.length > 0,
  );
  return new ZaloOAuthError(
    method,
    Number.isFinite(code) && code !== 0 ? code : undefined,
    text ?? "no access_token in response",
  );
}
