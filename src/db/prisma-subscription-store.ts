import type { SubscriptionRecord, SubscriptionStore } from "../features/subscriptions/subscription-store";
import type { Db } from "./database";
import { isUniqueViolation } from "./database-errors";

/** Prisma implementation of {@link SubscriptionStore}. */
export class PrismaSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: Db) {}

  async get(contactId: string): Promise<SubscriptionRecord | null> {
    return this.db.subscription.findUnique({
      where: { contactId },
      select: { contactId: true, active: true, communeCode: true, offeredAt: true },
    });
  }

  async update(
    contactId: string,
    patch: { active?: boolean; communeCode?: string | null },
  ): Promise<SubscriptionRecord> {
    return this.db.subscription.upsert({
      where: { contactId },
      create: { contactId, ...patch },
      update: patch,
      select: { contactId: true, active: true, communeCode: true, offeredAt: true },
    });
  }

  async markOffered(contactId: string, now: Date): Promise<boolean> {
    const { count } = await this.db.subscription.updateMany({
      where: { contactId, offeredAt: null },
      data: { offeredAt: now },
    });
    if (count === 1) return true;
    if (await this.db.subscription.findUnique({ where: { contactId }, select: { contactId: true } }))
      return false;
    try {
      await this.db.subscription.create({ data: { contactId, offeredAt: now } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
