import { createHash, randomBytes } from "node:crypto";
import { communeScope, type OfficerRole } from "../officers/officer-store";

/** A login link works once, within this time of being sent. */
export const LOGIN_LINK_TTL_MS = 10 * 60 * 1000;
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and at the latest this long after login, however busy (a shared office computer left logged in). */
export const SESSION_MAX_MS = 8 * 60 * 60 * 1000;

/** Who is looking at the dashboard, and what they may see. */
export interface DashboardViewer {
  officerId: string;
  role: OfficerRole;
  /** Commune codes this viewer may see; null = the whole district (admins, and officers without a scope). */
  scope: string[] | null;
}

/** Storage of login links and sessions: only SHA-256 hashes of the secrets are kept. */
export interface DashboardAuthStore {
  createLoginToken(input: { tokenHash: string; officerId: string; expiresAt: Date }): Promise<void>;
  /**
   * Marks an unused, unexpired token used — conditionally, so of two concurrent uses one wins — and returns
   * its officer id; null when it was used, expired or unknown.
   */
  consumeLoginToken(tokenHash: string, now: Date): Promise<string | null>;
  createSession(input: { idHash: string; officerId: string; now: Date; expiresAt: Date }): Promise<void>;
  /**
   * The viewer of a live session whose officer is still active (revoking an officer ends their sessions);
   * slides the idle expiry. Null when unknown, expired or revoked.
   */
  resolveSession(
    idHash: string,
    now: Date,
    idleMs: number,
  ): Promise<(Omit<DashboardViewer, "scope"> & { communes: string[] }) | null>;
  deleteSession(idHash: string): Promise<void>;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** One-time login links and browser sessions for the officers' dashboard. */
export class DashboardAuth {
  constructor(private readonly store: DashboardAuthStore) {}

  /** A fresh 256-bit login token for an officer; only its hash is stored. */
  async issueLoginToken(officerId: string, now: Date): Promise<string> {
    const token = randomBytes(32).toString("base64url");
    await this.store.createLoginToken({
      tokenHash: sha256(token),
      officerId,
      expiresAt: new Date(now.getTime() + LOGIN_LINK_TTL_MS),
    });
    return token;
  }

  /** Uses a login token once and opens a session; returns the session id (for the cookie) or null. */
  async login(token: string, now: Date): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const officerId = await this.store.consumeLoginToken(sha256(token), now);
    if (!officerId) return null;
    const sessionId = randomBytes(32).toString("base64url");
    await this.store.createSession({
      idHash: sha256(sessionId),
      officerId,
      now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
    });
    // The officer may have been revoked between the link and its use: the session then resolves to nobody.
    return sessionId;
  }

  /** The viewer behind a session cookie, or null. */
  async viewer(sessionId: string | undefined, now: Date): Promise<DashboardViewer | null> {
    if (!sessionId || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
    const found = await this.store.resolveSession(sha256(sessionId), now, SESSION_IDLE_MS);
    if (!found) return null;
    return { officerId: found.officerId, role: found.role, scope: communeScope(found) };
  }

  logout(sessionId: string): Promise<void> {
    return this.store.deleteSession(sha256(sessionId));
  }
}
