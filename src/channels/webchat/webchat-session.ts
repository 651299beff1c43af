import { createHmac, randomBytes } from "node:crypto";
import { safeEqual } from "../../http/safe-equal";

export const WEBCHAT_COOKIE = "wc_session";

/**
 * The web chat's identity: a random id in a cookie signed with HMAC-SHA256, so a visitor cannot take
 * over another visitor's conversation by editing the cookie.
 */
export class WebchatSessions {
  constructor(private readonly secret: string) {}

  issue(): { id: string; cookie: string } {
    const id = randomBytes(16).toString("base64url");
    return { id, cookie: `${id}.${this.sign(id)}` };
  }

  /** The session id of a signed cookie value, or undefined when it is missing or forged. */
  verify(cookie: string | undefined): string | undefined {
    if (!cookie) return undefined;
    const dot = cookie.lastIndexOf(".");
    if (dot <= 0) return undefined;
    const id = cookie.slice(0, dot);
    return safeEqual(cookie.slice(dot + 1), this.sign(id)) ? id : undefined;
  }

  private sign(id: string): string {
    return createHmac("sha256", this.secret).update(`webchat:${id}`).digest("base64url");
  }
}

/**
 * Reads one cookie from a Cookie header without a parser dependency. A value that is not valid
 * %-encoding (a sibling subdomain may set anything) counts as absent, so a fresh cookie replaces it:
 * throwing would lock that browser out for as long as the cookie lives.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
