import type { AuditAction, AuditEntry, AuditRecord, AuditStore } from "../features/checkin/visit-store";
import type { Db } from "./database";
import { insertOnce } from "./insert-once";

/**
 * Prisma implementation of {@link AuditStore}: insert and read only. Deliberately no update or delete
 * method (tested), so audit rows cannot be rewritten through the application.
 */
export class PrismaAuditStore implements AuditStore {
  constructor(private readonly db: Db) {}

  async append(entry: AuditEntry): Promise<void> {
    await insertOnce(entry.effectId, () =>
      this.db.auditLog.create({
        data: {
          actor: entry.actor,
          action: entry.action,
          venueId: entry.venueId ?? null,
          communeCode: entry.communeCode ?? null,
          windowFrom: entry.windowFrom ?? null,
          windowTo: entry.windowTo ?? null,
          resultCount: entry.resultCount,
          subject: entry.subject ?? null,
          effectId: entry.effectId ?? null,
        },
      }),
    );
  }

  async list(filter: { from: Date; to: Date; limit: number }): Promise<AuditRecord[]> {
    const rows = await this.db.auditLog.findMany({
      where: { createdAt: { gte: filter.from, lt: filter.to } },
      orderBy: { id: "desc" },
      take: filter.limit,
    });
    return rows.map(({ effectId: _key, ...r }) => ({ ...r, action: r.action as AuditAction }));
  }
}
