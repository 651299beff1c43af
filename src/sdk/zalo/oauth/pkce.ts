/** PKCE (S256) helpers for the OA permission flow (zalo.md §1.6 step 1). */
import { createHash, randomInt } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A PKCE verifier/challenge pair. Keep the verifier server-side until the callback arrives. */
export interface ZaloPkcePair {
  /** 43 characters of `[A-Za-z0-9]`, as Zalo's docs describe. */
  readonly codeVerifier: string;
  /** base64url(SHA-256(verifier)) without padding. */
  readonly codeChallenge: string;
}

/** Creates a fresh PKCE pair from a CSPRNG (`randomInt` has no modulo bias). */
export function createZaloPkcePair(): ZaloPkcePair {
  let codeVerifier = "";
  for (let i = 0; i < 43; i++) codeVerifier += ALPHABET[randomInt(ALPHABET.length)];
  return { codeVerifier, codeChallenge: zaloCodeChallenge(codeVerifier) };
}

/** The S256 challenge for a verifier. */
export function zaloCodeChallenge(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier, "ascii").digest("base64url");
}
