/**
 * Roles held in the database. Citizens and venue owners have no row. An editor is an officer (same communes,
 * same commands) who may also publish FAQ content on the dashboard.
 */
export const OFFICER_ROLES = ["admin", "officer", "editor"] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** An officer or admin as features see them. */
export interface OfficerRecord {
  id: string;
  contactId: string;
  role: OfficerRole;
  /** Commune codes the officer works for; empty = the whole district. */
  communes: string[];
  invitedBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** The contact's channel and name, for lists (never a phone number). */
  channel?: string;
  displayName?: string | null;
}

/**
 * The communes whose data an officer sees, or null for all of them: admins and district-wide officers (no
 * communes of their own). The one rule behind ticket visibility, ticket lists and the dashboard's scope.
 */
export function communeScope(officer: Pick<OfficerRecord, "role" | "communes">): string[] | null {
  return officer.role === "admin" || officer.communes.length === 0 ? null : officer.communes;
}

/** Why an invite code was refused. */
export type RedeemRefusal = "unknown" | "used" | "expired";

/** Officer storage port (Prisma in src/db). */
export interface OfficerStore {
  createInvite(input: {
    id: string;
    codeHash: string;
    role: OfficerRole;
    communes: string[];
    createdBy: string;
    expiresAt: Date;
  }): Promise<void>;
  /**
   * Uses an invite once, atomically: the invite is marked used and the contact becomes an officer in one
   * transaction; of two people racing with one code exactly one succeeds.
   */
  redeemInvite(codeHash: string, contactId: string, now: Date): Promise<OfficerRecord | RedeemRefusal>;
  findActive(contactId: string): Promise<OfficerRecord | null>;
  list(): Promise<OfficerRecord[]>;
  /** Revokes an active officer; null when there is none with this id. */
  revoke(id: string, now: Date): Promise<OfficerRecord | null>;
}
