import type { ChannelId } from "./messages";

/** The person an erasure or access request is about: one chat identity. */
export interface DataSubject {
  contactId: string;
  channel: ChannelId;
  externalId: string;
}

/**
 * A store that keeps personal data of chat contacts and can count and erase it. Every feature that stores
 * something about a person joins the erasure and access requests by listing one in its FeatureModule's
 * `personalData` (src/app/feature-module.ts); the privacy feature asks each in turn. Names are the kinds
 * shown to the person ("visits", "subscriptions" …): one locale key `privacy:kinds.<name>` each.
 */
export interface PersonalDataHolder {
  readonly name: string;
  /** How many records of this kind are kept about the person (what an erasure would remove). */
  count(subject: DataSubject): Promise<number>;
  /**
   * Deletes (or, where others still need the record, detaches and blanks) the person's records; returns how
   * many. Must be idempotent: an erasure interrupted halfway is simply asked for again.
   */
  erase(subject: DataSubject): Promise<number>;
}

/**
 * A holder from a store that only knows contact ids (`eraseContact(contactId)` / `countContact(contactId)`),
 * as features built elsewhere expose them (tickets, surveys, dose reminders).
 */
export function contactHolder(
  name: string,
  store: {
    eraseContact(contactId: string): Promise<number>;
    countContact?(contactId: string): Promise<number>;
  },
): PersonalDataHolder {
  return {
    name,
    count: (s) => store.countContact?.(s.contactId) ?? Promise.resolve(0),
    erase: (s) => store.eraseContact(s.contactId),
  };
}

/** Counts by kind, in the holders' order, kinds with nothing left out. */
export type DataCounts = { kind: string; count: number }[];

/**
 * Erases the person's data from every holder, in order (the contact itself last, so a failure halfway
 * leaves something to find the rest by). Not one transaction across holders: the stores live in
 * different modules and connections, so each erase is idempotent instead.
 */
export async function eraseAll(holders: PersonalDataHolder[], subject: DataSubject): Promise<DataCounts> {
  const counts: DataCounts = [];
  for (const holder of holders) {
    const count = await holder.erase(subject);
    if (count > 0) counts.push({ kind: holder.name, count });
  }
  return counts;
}

/** What every holder keeps about the person, kinds with nothing left out. */
export async function countAll(holders: PersonalDataHolder[], subject: DataSubject): Promise<DataCounts> {
  const counts = await Promise.all(
    holders.map(async (h) => ({ kind: h.name, count: await h.count(subject) })),
  );
  return counts.filter((c) => c.count > 0);
}
