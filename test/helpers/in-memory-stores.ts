import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../../src/core/messages";
import type {
  ContactRecord,
  ConversationStore,
  DialogRecord,
  MediaStore,
  OutboxItem,
  TurnCommit,
} from "../../src/core/ports";
import type { FaqStore } from "../../src/features/faq/faq-store";
import type { VenueDetails, VenueRecord, VenueStore } from "../../src/features/venues/venue-store";

/** In-memory {@link ConversationStore} for fast dialog tests; mirrors the Prisma store's behaviour. */
export class InMemoryConversationStore implements ConversationStore {
  readonly contacts = new Map<string, ContactRecord>();
  readonly dialogs = new Map<string, DialogRecord>();
  readonly outbox: OutboxItem[] = [];
  readonly doneInbox = new Set<number>();
  failNextCommit = false;

  async upsertContact(input: {
    channel: ChannelId;
    externalId: string;
    displayName?: string;
    language: Language;
  }) {
    const key = `${input.channel}:${input.externalId}`;
    const existing = this.contacts.get(key);
    if (existing) return structuredClone(existing);
    const created: ContactRecord = {
      id: randomUUID(),
      channel: input.channel,
      externalId: input.externalId,
      displayName: input.displayName ?? null,
      language: input.language,
      languageSet: false,
      reachable: true,
      choices: [],
    };
    this.contacts.set(key, created);
    return structuredClone(created);
  }

  async getDialog(contactId: string) {
    const d = this.dialogs.get(contactId);
    return d ? structuredClone(d) : null;
  }

  async commitTurn(turn: TurnCommit) {
    if (this.failNextCommit) {
      this.failNextCommit = false;
      throw new Error("database is read-only");
    }
    this.contacts.set(`${turn.contact.channel}:${turn.contact.externalId}`, structuredClone(turn.contact));
    if (turn.dialog === null) this.dialogs.delete(turn.contact.id);
    if (turn.dialog) this.dialogs.set(turn.contact.id, structuredClone(turn.dialog));
    this.outbox.push(...turn.outbox);
    this.doneInbox.add(turn.inboxId);
  }
}

/** In-memory {@link MediaStore}. */
export class InMemoryMediaStore implements MediaStore {
  readonly files = new Map<
    string,
    { data: Buffer; filename: string; contentType: string; expiresAt: number }
  >();

  async put(input: { data: Buffer; filename: string; contentType: string; ttlMs: number }) {
    const id = randomUUID().replaceAll("-", "");
    this.files.set(id, { ...input, expiresAt: Date.now() + input.ttlMs });
    return id;
  }

  async get(id: string, now: Date) {
    const f = this.files.get(id);
    return f && f.expiresAt > now.getTime() ? f : null;
  }

  async deleteExpired(now: Date) {
    let n = 0;
    for (const [id, f] of this.files) {
      if (f.expiresAt <= now.getTime()) {
        this.files.delete(id);
        n++;
      }
    }
    return n;
  }
}

/** In-memory {@link VenueStore}. */
export class InMemoryVenueStore implements VenueStore {
  readonly venues = new Map<string, VenueRecord & { dedupeKey: string }>();

  async create(
    input: VenueDetails & { id: string; code: string; dedupeKey: string; ownerContactId: string | null },
  ) {
    if ([...this.venues.values()].some((v) => v.code === input.code)) return "code-taken" as const;
    const venue = { ...input, active: true, createdAt: new Date() };
    this.venues.set(input.id, venue);
    return venue;
  }
  async update(id: string, details: VenueDetails & { dedupeKey: string }) {
    const venue = this.venues.get(id);
    if (!venue) throw new Error("no such venue");
    Object.assign(venue, details);
    return venue;
  }
  async setActive(id: string, active: boolean) {
    const venue = this.venues.get(id);
    if (!venue) throw new Error("no such venue");
    venue.active = active;
    return venue;
  }
  async findById(id: string) {
    return this.venues.get(id) ?? null;
  }
  async findByCode(code: string) {
    return [...this.venues.values()].find((v) => v.code === code) ?? null;
  }
  async findByDedupeKey(dedupeKey: string) {
    return [...this.venues.values()].filter((v) => v.dedupeKey === dedupeKey);
  }
  async listByOwner(ownerContactId: string) {
    return [...this.venues.values()].filter((v) => v.ownerContactId === ownerContactId);
  }
  async list(filter: { communeCode?: string; skip: number; take: number }) {
    const all = [...this.venues.values()].filter(
      (v) => !filter.communeCode || v.communeCode === filter.communeCode,
    );
    return { items: all.slice(filter.skip, filter.skip + filter.take), total: all.length };
  }
}

/** In-memory {@link FaqStore}. */
export class InMemoryFaqStore implements FaqStore {
  readonly unanswered: { text: string; folded: string }[] = [];
  readonly feedback: { topic: string; helpful: boolean }[] = [];
  async recordUnanswered(input: { text: string; folded: string }) {
    this.unanswered.push(input);
  }
  async recordFeedback(input: { topic: string; helpful: boolean }) {
    this.feedback.push(input);
  }
  async listUnanswered() {
    return [];
  }
}
