/**
 * OA webhook authentication (zalo.md §1.7): header `X-ZEvent-Signature: mac=<hex>` with
 * `hex = SHA-256(appId + rawBody + timestamp + oaSecretKey)` — a plain hash of the concatenation, not an
 * HMAC, keyed with the **OA Secret Key** from the app's Webhook page (not the App Secret), `timestamp`
 * being the body's own `timestamp` string.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { isRecord } from "../shared/http-json";
import { parseZaloJson } from "../shared/safe-json";

/** Signature header name as Node exposes it (lower case). */
export const ZALO_OA_SIGNATURE_HEADER = "x-zevent-signature";

/** Input of {@link verifyZaloOaSignature}. */
export interface ZaloOaSignatureInput {
  /** The app's id (`app_id`), not the OA id. */
  readonly appId: string;
  /** The exact request bytes; re-serialised JSON will not match. */
  readonly rawBody: string | Uint8Array;
  /**
   * The body's `timestamp` string. When omitted it is read from `rawBody`. zalo.md is unsure whether an
   * `X-ZEvent-Timestamp` header ever replaces it; if a live test shows so, pass the header value here.
   */
  readonly timestamp?: string;
  /** OA Secret Key from developers.zalo.me → app → Webhook (resettable; differs from the App Secret). */
  readonly oaSecretKey: string;
  /** The `X-ZEvent-Signature` header value as received. */
  readonly header: string | readonly string[] | null | undefined;
  /**
   * Reject headers without the `mac=` prefix. Default `false`: zalo.md is unsure whether the prefix is
   * always present, so a bare hex digest is accepted too.
   */
  readonly requireMacPrefix?: boolean;
}

/**
 * Verifies `X-ZEvent-Signature` in constant time. Returns `false` for a missing, repeated or malformed
 * header, a body without a timestamp, an empty secret, or a mismatch. Verify before parsing/processing,
 * then check freshness with {@link isTimestampFresh} and deduplicate.
 */
export function verifyZaloOaSignature(input: ZaloOaSignatureInput): boolean {
  const { header, oaSecretKey, appId } = input;
  if (typeof header !== "string" || oaSecretKey.length === 0 || appId.length === 0) return false;
  const trimmed = header.trim();
  const hasPrefix = /^mac\s*=/i.test(trimmed);
  if (input.requireMacPrefix === true && !hasPrefix) return false;
  const got = trimmed.replace(/^mac\s*=\s*/i, "").toLowerCase();
  // A fixed-length hex check first, so `timingSafeEqual` always compares 32 bytes with 32 bytes.
  if (!/^[0-9a-f]{64}$/.test(got)) return false;

  const raw = typeof input.rawBody === "string" ? Buffer.from(input.rawBody, "utf8") : input.rawBody;
  const timestamp = input.timestamp ?? readBodyTimestamp(raw);
  if (timestamp === undefined || timestamp.length === 0) return false;
  const want = createHash("sha256").update(appId).update(raw).update(timestamp).update(oaSecretKey).digest();
  return timingSafeEqual(Buffer.from(got, "hex"), want);
}

/** Reads the top-level `timestamp` exactly as sent (a digit string; a bare number is accepted). */
function readBodyTimestamp(raw: Uint8Array): string | undefined {
  let body: unknown;
  try {
    body = parseZaloJson(Buffer.from(raw).toString("utf8"));
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const value = body.timestamp;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/**
 * True when `timestampMs` (epoch ms; the OA body's `timestamp`, string or number) lies within
 * `maxSkewMs` of `nowMs`, in either direction.
 *
 * Choose `maxSkewMs` with Zalo's retries in mind: with "Webhook Retry" on, the **same body and timestamp**
 * is re-sent after 30 s, 5 min, 15 min, 30 min and 1 h (zalo.md §1.7). A window under ~2 h rejects those
 * legitimate retries; replay protection then rests on deduplicating `msg_id`.
 */
export function isTimestampFresh(timestampMs: number | string, nowMs: number, maxSkewMs: number): boolean {
  const ts =
    typeof timestampMs === "string"
      ? /^\d+$/.test(timestampMs)
        ? Number(timestampMs)
        : Number.NaN
      : timestampMs;
  if (!Number.isFinite(ts) || !Number.isFinite(nowMs) || !(maxSkewMs >= 0)) return false;
  return Math.abs(nowMs - ts) <= maxSkewMs;
}
