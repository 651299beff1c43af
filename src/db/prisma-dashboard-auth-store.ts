import type { DashboardAuthStore } from "../features/dashboard/dashboard-auth";
import type { OfficerRole } from "../features/officers/officer-store";
import type { Db } from "./database";

/** Prisma implementation of {@link DashboardAuthStore}. */
export class PrismaDashboardAuthStore implements DashboardAuthStore {
  constructor(private readonly db: Db) {}

  async createLoginToken(input: { tokenHash: string; officerId: string; expiresAt: Date }): Promise<void> {
    await this.db.dashboardLoginToken.create({ data: input });
  }

  async consumeLoginToken(tokenHash: string, now: Date): Promise<string | null> {
    // Conditional update: the row changes only while unused and unexpired, so a link opens one session.
    const { count } = await this.db.dashboardLoginToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) return null;
    const row = await this.db.dashboardLoginToken.findUnique({ where: { tokenHash } });
    return row?.officerId ?? null;
  }

  async createSession(input: {
    idHash: string;
    officerId: string;
    now: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.dashboardSession.create({
      data: {
        idHash: input.idHash,
        officerId: input.officerId,
        lastSeenAt: input.now,
        expiresAt: input.expiresAt,
      },
    });
  }

  async resolveSession(idHash: string, now: Date, idleMs: number) {
    const session = await this.db.dashboardSession.findUnique({ where: { idHash } });
    if (!session || session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) {
      if (session) await this.db.dashboardSession.deleteMany({ where: { idHash } });
      return null;
    }
    const officer = await this.db.officer.findUnique({ where: { id: session.officerId } });
    if (!officer || officer.revokedAt) {
      await this.db.dashboardSession.deleteMany({ where: { officerId: session.officerId } });
      return null;
    }
    // Touch at most once a minute: a page view should not always cost a write.
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await this.db.dashboardSession.updateMany({ where: { idHash }, data: { lastSeenAt: now } });
    }
    return {
      officerId: officer.id,
      role: officer.role as OfficerRole,
      communes: officer.communes ? officer.communes.split(",") : [],
    };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.dashboardSession.deleteMany({ where: { idHash } });
  }
}
