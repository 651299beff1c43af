import type { VenueCategory } from "./categories";

/** A registered venue as the feature sees it. */
export interface VenueRecord {
  id: string;
  code: string;
  name: string;
  category: VenueCategory;
  communeCode: string;
  address: string;
  contactName: string;
  /** E.164 */
  contactPhone: string;
  ownerContactId: string | null;
  active: boolean;
  createdAt: Date;
}

/** The details an owner enters (or an officer sends to the API). */
export type VenueDetails = Pick<
  VenueRecord,
  "name" | "category" | "communeCode" | "address" | "contactName" | "contactPhone"
>;

/** Venue storage port: Prisma in src/db, `FakeVenueStore` (fake-venue-store.ts) for dialog tests, one contract for both. */
export interface VenueStore {
  /** Creates a venue; returns `code-taken` when the random code collides (the caller draws another). */
  create(
    input: VenueDetails & { id: string; code: string; dedupeKey: string; ownerContactId: string | null },
  ): Promise<VenueRecord | "code-taken">;
  update(id: string, details: VenueDetails & { dedupeKey: string }): Promise<VenueRecord>;
  setActive(id: string, active: boolean): Promise<VenueRecord>;
  findById(id: string): Promise<VenueRecord | null>;
  findByCode(code: string): Promise<VenueRecord | null>;
  findByDedupeKey(dedupeKey: string): Promise<VenueRecord[]>;
  listByOwner(ownerContactId: string): Promise<VenueRecord[]>;
  /**
   * Venues whose name and address hold every word of `folded` (text folded as `foldText` does: no case, no diacritics),
   * in these communes (null = the whole district), by name; at most `take`.
   */
  search(filter: { folded: string; communes: string[] | null; take: number }): Promise<VenueRecord[]>;
  list(filter: {
    communeCode?: string;
    skip: number;
    take: number;
  }): Promise<{ items: VenueRecord[]; total: number }>;
}
