import type { SubscriptionRecord, SubscriptionStore } from "../features/subscriptions/subscription-store";
import { parseStoredDate, type SqlDatabase } from "./sql-session";

interface SubscriptionRow {
  contactId: string;
  active: boolean | number;
  communeCode: string | null;
  offeredAt: string | null;
}

const COLUMNS = `"contactId", "active", "communeCode", "offeredAt"`;

/**
 * Reminder preferences in plain SQL (docs/adr/008-sqlite-hot-path.md): every FAQ answer and every finished
 * venue registration asks whether to offer reminders, which through Prisma cost up to four queries of
 * Prisma's per-query CPU; here it is one statement. Rows keep Prisma's formats, so the broadcast store's
 * Prisma queries read them as their own.
 */
export class SqlSubscriptionStore implements SubscriptionStore {
  constructor(private readonly database: SqlDatabase) {}

  get(contactId: string): Promise<SubscriptionRecord | null> {
    return this.database.run(async (sql) => {
      const row = await sql.get<SubscriptionRow>(
        `SELECT ${COLUMNS} FROM "Subscription" WHERE "contactId" = ?`,
        contactId,
      );
      return row ? toRecord(row) : null;
    });
  }

  update(
    contactId: string,
    patch: { active?: boolean; communeCode?: string | null },
  ): Promise<SubscriptionRecord> {
    // Only the fields given change; the insert's defaults are those of the Prisma schema.
    // Asking for reminders answers the offer for good: someone who subscribed and later stopped is not
    // offered them again after an answer.
    const sets = [
      ...(patch.active === undefined ? [] : [`"active" = excluded."active"`]),
      ...(patch.active ? [`"offeredAt" = COALESCE("Subscription"."offeredAt", excluded."offeredAt")`] : []),
      ...(patch.communeCode === undefined ? [] : [`"communeCode" = excluded."communeCode"`]),
      `"updatedAt" = excluded."updatedAt"`,
    ];
    const now = new Date();
    return this.database.run(async (sql) => {
      const row = await sql.get<SubscriptionRow>(
        `INSERT INTO "Subscription" ("contactId", "active", "communeCode", "offeredAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT ("contactId") DO UPDATE SET ${sets.join(", ")} RETURNING ${COLUMNS}`,
        contactId,
        patch.active ?? false,
        patch.communeCode ?? null,
        patch.active ? now : null,
        now,
        now,
      );
      if (!row) throw new Error("subscription neither found nor created");
      return toRecord(row);
    });
  }

  /**
   * One statement, so two turns of the same person on two processes cannot both offer: the insert or the
   * guarded update changes a row only for the first.
   */
  claimOffer(contactId: string, now: Date): Promise<boolean> {
    return this.database.run(
      async (sql) =>
        (await sql.run(
          `INSERT INTO "Subscription" ("contactId", "active", "offeredAt", "createdAt", "updatedAt")
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT ("contactId") DO UPDATE SET "offeredAt" = excluded."offeredAt", "updatedAt" = excluded."updatedAt"
           WHERE "Subscription"."offeredAt" IS NULL AND NOT "Subscription"."active"`,
          contactId,
          false,
          now,
          now,
          now,
        )) === 1,
    );
  }
}

function toRecord(row: SubscriptionRow): SubscriptionRecord {
  return {
    contactId: row.contactId,
    active: Boolean(row.active),
    communeCode: row.communeCode,
    offeredAt: row.offeredAt ? parseStoredDate(row.offeredAt) : null,
  };
}
