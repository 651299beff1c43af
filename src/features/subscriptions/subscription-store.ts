/** A contact's reminder preferences. */
export interface SubscriptionRecord {
  contactId: string;
  active: boolean;
  /** The commune whose news the person wants; null = district-wide news only. */
  communeCode: string | null;
  offeredAt: Date | null;
}

/** Subscription storage port (Prisma in src/db). */
export interface SubscriptionStore {
  get(contactId: string): Promise<SubscriptionRecord | null>;
  /** Creates or changes the preferences; fields left out stay as they are. */
  update(
    contactId: string,
    patch: { active?: boolean; communeCode?: string | null },
  ): Promise<SubscriptionRecord>;
  /** Records that reminders were offered; true only the first time (so the offer is made once). */
  markOffered(contactId: string, now: Date): Promise<boolean>;
}
