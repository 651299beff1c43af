import { randomUUID } from "node:crypto";
import type {
  OfficerRecord,
  OfficerRole,
  OfficerStore,
  RedeemRefusal,
} from "../features/officers/officer-store";
import type { Officer } from "../generated/sqlite/client";
import type { Db } from "./database";

/** Prisma implementation of {@link OfficerStore}. */
export class PrismaOfficerStore implements OfficerStore {
  constructor(private readonly db: Db) {}

  async createInvite(input: {
    id: string;
    codeHash: string;
    role: OfficerRole;
    communes: string[];
    createdBy: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.officerInvite.create({ data: { ...input, communes: input.communes.join(",") } });
  }

  async redeemInvite(codeHash: string, contactId: string, now: Date): Promise<OfficerRecord | RedeemRefusal> {
    return this.db.$transaction(async (tx) => {
      const invite = await tx.officerInvite.findUnique({ where: { codeHash } });
      if (!invite) return "unknown";
      if (invite.usedAt) return "used";
      if (invite.expiresAt <= now) return "expired";
      // Conditional: of two people racing with one code, only one sees count 1.
      const { count } = await tx.officerInvite.updateMany({
        where: { id: invite.id, usedAt: null },
        data: { usedAt: now, usedBy: contactId },
      });
      if (count !== 1) return "used";
      const data = {
        role: invite.role,
        communes: invite.communes,
        invitedBy: invite.createdBy,
        revokedAt: null,
      };
      const row = await tx.officer.upsert({
        where: { contactId },
        create: { id: randomUUID(), contactId, ...data },
        update: data,
      });
      return toOfficer(row);
    });
  }

  async findActive(contactId: string): Promise<OfficerRecord | null> {
    const row = await this.db.officer.findFirst({ where: { contactId, revokedAt: null } });
    return row ? toOfficer(row) : null;
  }

  async list(): Promise<OfficerRecord[]> {
    const rows = await this.db.officer.findMany({ orderBy: { createdAt: "asc" } });
    const contacts = await this.db.contact.findMany({
      where: { id: { in: rows.map((r) => r.contactId) } },
      select: { id: true, channel: true, displayName: true },
    });
    const byId = new Map(contacts.map((c) => [c.id, c]));
    return rows.map((r) => ({
      ...toOfficer(r),
      channel: byId.get(r.contactId)?.channel ?? "",
      displayName: byId.get(r.contactId)?.displayName ?? null,
    }));
  }

  async revoke(id: string, now: Date): Promise<OfficerRecord | null> {
    const { count } = await this.db.officer.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count !== 1) return null;
    const [row] = (await this.list()).filter((o) => o.id === id);
    return row ?? null;
  }
}

export function toOfficer(row: Officer): OfficerRecord {
  return {
    id: row.id,
    contactId: row.contactId,
    role: row.role === "admin" || row.role === "editor" ? row.role : "officer",
    communes: row.communes ? row.communes.split(",") : [],
    invitedBy: row.invitedBy,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}
