/** A contact's reminder preferences. */
export interface SubscriptionRecord {
  contactId: string;
  active: boolean;
  /** The commune whose news the person wants; null = district-wide news only. */
  communeCode: string | null;
  offeredAt: Date | null;
}

/** Subscription storage port (plain SQL in src/db, docs/adr/008-sqlite-hot-path.md). */
export interface SubscriptionStore {
  get(contactId: string): Promise<SubscriptionRecord | null>;
  /** Creates or changes the preferences; fields left out stay as they are. */
  update(
    contactId: string,
    patch: { active?: boolean; communeCode?: string | null },
  ): Promise<SubscriptionRecord>;
  /**
   * Records that reminders are being offered: true only if they never were and the person never
   * subscribed (so the offer is made once, and never to a subscriber or to someone who stopped them).
   */
  claimOffer(contactId: string, now: Date): Promise<boolean>;
}
