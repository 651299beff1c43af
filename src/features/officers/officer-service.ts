import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { OfficerRecord, OfficerRole, OfficerStore, RedeemRefusal } from "./officer-store";

/** How long an invite code can be used. */
export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;

// Crockford-like alphabet without 0/O and 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** SHA-256 of a code as typed (case and separators ignored). Only this is stored. */
export function hashInviteCode(code: string): string {
  const normalised = code.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return createHash("sha256").update(normalised).digest("hex");
}

/** A random 10-character code shown as XXXXX-XXXXX (≈ 49 bits; single use and short-lived). */
export function newInviteCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Officer invitations and roles, shared by the chat commands, the API and `npm run officers`. */
export class OfficerService {
  constructor(private readonly store: OfficerStore) {}

  /** Creates a one-time invite and returns the code; it is not stored, only its hash. */
  async invite(input: { role: OfficerRole; communes: string[]; createdBy: string; now: Date }) {
    const code = newInviteCode();
    const expiresAt = new Date(input.now.getTime() + INVITE_TTL_MS);
    await this.store.createInvite({
      id: randomUUID(),
      codeHash: hashInviteCode(code),
      role: input.role,
      communes: input.communes,
      createdBy: input.createdBy,
      expiresAt,
    });
    return { code, expiresAt };
  }

  redeem(code: string, contactId: string, now: Date): Promise<OfficerRecord | RedeemRefusal> {
    return this.store.redeemInvite(hashInviteCode(code), contactId, now);
  }

  findActive(contactId: string): Promise<OfficerRecord | null> {
    return this.store.findActive(contactId);
  }

  list(): Promise<OfficerRecord[]> {
    return this.store.list();
  }

  revoke(id: string, now: Date): Promise<OfficerRecord | null> {
    return this.store.revoke(id, now);
  }
}
