import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;

/**
 * Parses ZALO_OA_TOKEN_KEY: 32 bytes written as 64 hex digits or as base64. Returns `undefined` for anything
 * else, so config validation can name the variable.
 */
export function parseTokenKey(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, "base64");
  return bytes.length === 32 ? bytes : undefined;
}

/**
 * AES-256-GCM for the OA tokens at rest: a database dump or backup alone does not give access to the OA.
 * Each value gets a fresh 96-bit IV; the associated data binds a ciphertext to its row and column, so an
 * access token cannot be swapped into the refresh-token column (or another OA's row) unnoticed.
 * Format: `v1:<iv>:<tag>:<ciphertext>`, base64url parts.
 */
export class TokenCipher {
  /** @param key exactly 32 bytes (see {@link parseTokenKey}) */
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError("token key must be 32 bytes");
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(":");
  }

  /** @throws Error when the value was not made with this key and context (wrong key, tampering) */
  decrypt(stored: string, context: string): string {
    const [version, iv, tag, data] = stored.split(":");
    if (version !== VERSION || !iv || !tag || data === undefined)
      throw new Error("unreadable encrypted token");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  }
}
