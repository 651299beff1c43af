import { randomUUID } from "node:crypto";
import type { OfficerRecord, OfficerRole, OfficerStore, RedeemRefusal } from "./officer-store";

interface Invite {
  codeHash: string;
  role: OfficerRole;
  communes: string[];
  createdBy: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** In-memory {@link OfficerStore} for fast tests, with the Prisma store's rules (one use per invite). */
export class FakeOfficerStore implements OfficerStore {
  readonly officers = new Map<string, OfficerRecord>();
  private readonly invites = new Map<string, Invite>();

  async createInvite(input: Parameters<OfficerStore["createInvite"]>[0]): Promise<void> {
    const { id: _, codeHash, ...rest } = input;
    this.invites.set(codeHash, { codeHash, ...rest, usedAt: null });
  }

  async redeemInvite(codeHash: string, contactId: string, now: Date): Promise<OfficerRecord | RedeemRefusal> {
    const invite = this.invites.get(codeHash);
    if (!invite) return "unknown";
    if (invite.usedAt) return "used";
    if (invite.expiresAt <= now) return "expired";
    invite.usedAt = now;
    const before = [...this.officers.values()].find((o) => o.contactId === contactId);
    const officer: OfficerRecord = {
      id: before?.id ?? randomUUID(),
      contactId,
      role: invite.role,
      communes: [...invite.communes],
      invitedBy: invite.createdBy,
      createdAt: before?.createdAt ?? now,
      revokedAt: null,
    };
    this.officers.set(officer.id, officer);
    return { ...officer };
  }

  async findActive(contactId: string): Promise<OfficerRecord | null> {
    const found = [...this.officers.values()].find((o) => o.contactId === contactId && !o.revokedAt);
    return found ? { ...found } : null;
  }

  async list(): Promise<OfficerRecord[]> {
    return [...this.officers.values()]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((o) => ({ ...o }));
  }

  async revoke(id: string, now: Date): Promise<OfficerRecord | null> {
    const officer = this.officers.get(id);
    if (!officer || officer.revokedAt) return null;
    officer.revokedAt = now;
    return { ...officer };
  }
}
