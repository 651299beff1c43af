import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { OfficerRecord } from "./officer-store";

/** A stored personal API token (never the token itself). */
export interface ApiTokenRecord {
  id: string;
  officerId: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Storage of officers' API tokens (Prisma in src/db): only SHA-256 hashes of the tokens. */
export interface ApiTokenStore {
  create(input: { id: string; tokenHash: string; officerId: string; createdBy: string }): Promise<void>;
  /** The token with this hash if it is not revoked, with its officer if that officer is still active. */
  findUsable(tokenHash: string): Promise<{ token: ApiTokenRecord; officer: OfficerRecord } | null>;
  touch(id: string, at: Date): Promise<void>;
  /** Tokens of one officer, or of everyone (admins), newest first. */
  list(officerId?: string): Promise<ApiTokenRecord[]>;
  findById(id: string): Promise<ApiTokenRecord | null>;
  /** Revokes a token not revoked yet; false when there was none. */
  revoke(id: string, at: Date): Promise<boolean>;
}

/** Prefix of every personal token: recognisable in a leak report or a secret scanner. */
const PREFIX = "bso_";
/** `lastUsedAt` is written at most this often per token: an API client polling does not write every call. */
const TOUCH_EVERY_MS = 60_000;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Personal API tokens of officers (issue 16): 32 random bytes shown once, a SHA-256 kept; a call with one acts
 * as its officer (role and communes as the officer has them now), so it is scoped and audited by person. A
 * revoked token, or the token of a revoked officer, is refused.
 */
export class ApiTokens {
  constructor(private readonly store: ApiTokenStore) {}

  /** Creates a token for `officer`; the returned `token` is the only copy there will ever be. */
  async create(officerId: string, createdBy: string): Promise<{ id: string; token: string }> {
    const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
    const id = randomUUID();
    await this.store.create({ id, tokenHash: hashApiToken(token), officerId, createdBy });
    return { id, token };
  }

  async verify(presented: string, now: Date): Promise<{ tokenId: string; officer: OfficerRecord } | null> {
    if (!presented.startsWith(PREFIX) || presented.length > 100) return null;
    const found = await this.store.findUsable(hashApiToken(presented));
    if (!found) return null;
    const last = found.token.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - last >= TOUCH_EVERY_MS) await this.store.touch(found.token.id, now);
    return { tokenId: found.token.id, officer: found.officer };
  }

  list(officer: Pick<OfficerRecord, "id" | "role">): Promise<ApiTokenRecord[]> {
    return this.store.list(officer.role === "admin" ? undefined : officer.id);
  }

  /** An officer revokes their own tokens, an admin anyone's; "not-found" when the token is not theirs. */
  async revoke(
    id: string,
    by: Pick<OfficerRecord, "id" | "role">,
    now: Date,
  ): Promise<"revoked" | "not-found" | "already"> {
    const token = await this.store.findById(id);
    if (!token || (by.role !== "admin" && token.officerId !== by.id)) return "not-found";
    if (token.revokedAt) return "already";
    return (await this.store.revoke(id, now)) ? "revoked" : "already";
  }
}
